"""read → segment → back-translate → align → extract → check → score → report.

No printing here: the pipeline returns a :class:`~mtcheck.types.Report`; the CLI renders
it and turns it into an exit code (the gate).
"""

from __future__ import annotations

import dataclasses
import platform
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtcheck.align.adequacy import (
    ROUND_TRIP,
    Adequacy,
    assess,
    mode_of,
    round_trip,
    run_scores,
    scored_pairs,
    to_details,
)
from mtcheck.checks.base import CheckContext, Hit, unmet_need
from mtcheck.config import Config, check_matches
from mtcheck.errors import ConfigError, InputError
from mtcheck.formats.base import Languages, Reader
from mtcheck.formats.text import sentences
from mtcheck.gate.root import find_root, rebase_report
from mtcheck.gate.suppress import apply_ignore, apply_suppressions, silenced_units
from mtcheck.names.originals import names_note
from mtcheck.names.termbase import Termbase
from mtcheck.read.files import require_regular
from mtcheck.read.languages import detect_language, normalize_language
from mtcheck.read.textio import read_text
from mtcheck.registry import CHECKS, READERS
from mtcheck.translators.backtranslate import BackTranslation, back_translate
from mtcheck.translators.base import Translator
from mtcheck.types import CheckSpec, Document, Finding, Report, Segment, Severity
from mtcheck.version import __version__

if TYPE_CHECKING:
    from mtcheck.names.gazetteer import Gazetteer

Progress = Callable[[str], None]


def reader_for(path: Path) -> Reader:
    """The reader registered for ``path``'s extension (plain text when unknown)."""
    suffix = path.suffix.lower()
    for _name, reader in READERS.items():
        if suffix in reader.extensions:
            return reader
    return READERS.get("text")


def read_documents(
    paths: Sequence[str | Path], config: Config, original: str | Path | None = None, progress: Progress | None = None
) -> list[Document]:
    """Read every target file; attach the original (plain-text mode) and settle languages."""
    if not paths:
        raise InputError("no input files given")
    say = progress or (lambda _msg: None)
    languages = Languages(config.source_lang, config.target_lang)
    documents: list[Document] = []
    limit = int(config.max_file_mb * 2**20)
    files = expand_paths(paths, config.exclude, config.include)
    for i, path in enumerate(files, 1):
        say(f"file {i} of {len(files)}: reading {path}")
        require_regular(path, limit)
        documents.extend(map_languages(doc, config.language_map) for doc in reader_for(path).read(path, languages))
    if original is not None:
        if len(documents) != 1:
            raise ConfigError("--original works with exactly one target file")
        require_regular(original, limit)
        documents[0] = attach_original(documents[0], original)
    return [settle_languages(doc) for doc in documents]


def expand_paths(paths: Sequence[str | Path], exclude: Sequence[str] = (), include: Sequence[str] = ()) -> list[Path]:
    """Files named, found under named directories, or matched by globs (``po/**/*.po``).

    A directory yields the files of every localisation format (not plain text or
    Markdown, which would sweep in READMEs, unless ``include`` patterns name them); paths
    under the working directory are made relative to it, so reports, SARIF URIs and
    baselines are repository-relative.
    """
    return _expand(paths, exclude, include)[0]


def _expand(paths: Sequence[str | Path], exclude: Sequence[str], include: Sequence[str]) -> tuple[list[Path], str]:
    """(the files, a note on what directories held that was skipped, or "")."""
    from mtcheck.read.globs import expand_inputs, skipped_note

    catalogues = [ext for name, r in READERS.items() if name not in ("text", "markdown") for ext in r.extensions]
    readable = [ext for _name, r in READERS.items() for ext in r.extensions]
    files, skipped = expand_inputs(paths, exclude, catalogues, include, readable)
    return files, (skipped_note(skipped) if skipped else "")


def map_languages(doc: Document, mapping: Mapping[str, str]) -> Document:
    """Rewrite language codes as the project maps them (``[languages] ua = "uk"``)."""
    if not mapping:
        return doc
    lookup = {k.lower(): v for k, v in mapping.items()}
    source = lookup.get(doc.source_lang.lower(), doc.source_lang)
    target = lookup.get(doc.target_lang.lower(), doc.target_lang)
    return dataclasses.replace(doc, source_lang=source, target_lang=target)


def attach_original(doc: Document, original: str | Path) -> Document:
    text = read_text(original)
    segs = sentences(text, doc.source_lang, str(original), prefix="o")
    return dataclasses.replace(doc, original=segs, original_path=str(original))


def settle_languages(doc: Document) -> Document:
    """Require a source language; detect the target language when it is not given."""
    if not doc.source_lang:
        raise ConfigError(f"{doc.path}: source language unknown; pass --source-lang (e.g. --source-lang ar)")
    target = doc.target_lang
    if not target:
        sample = " ".join(seg.target for seg in doc.segments[:200])
        target, _probability = detect_language(sample)
        doc = dataclasses.replace(doc, segments=_resegment(doc, target))
    return dataclasses.replace(
        doc, source_lang=normalize_language(doc.source_lang), target_lang=normalize_language(target)
    )


def _resegment(doc: Document, target: str) -> Sequence[Segment]:
    # Segments of a text read before its language was known were split with English
    # rules; split again with the detected language's rules. Paired formats keep theirs.
    if doc.format not in ("text", "markdown") or doc.path is None:
        return doc.segments
    reader = READERS.get(doc.format)
    return reader.read(Path(doc.path), Languages(doc.source_lang, target))[0].segments


def enabled_checks(config: Config) -> list[CheckSpec]:
    for name in (*config.enable, *config.disable, *config.severities):
        if name not in CHECKS:
            CHECKS.get(name)  # raises ConfigError naming the known checks
    for pattern in (*config.select, *config.ignore):
        if not any(check_matches(c, pattern) for c in CHECKS.names()):
            raise ConfigError(f"unknown check or prefix {pattern!r} in select/ignore (see: mtcheck checks)")
    return [c for _id, c in CHECKS.items() if config.check_enabled(c.id, c.enabled_by_default)]


def applicable(
    checks: Iterable[CheckSpec], ctx: CheckContext, skipped: dict[str, str] | None = None
) -> list[CheckSpec]:
    """The checks that have what they need here (:data:`~mtcheck.checks.base.NEEDS`).

    A check skipped for want of an input is recorded in ``skipped`` (check id → what it needs).
    """
    found = []
    for chk in checks:
        reason = unmet_need(chk.needs, ctx)
        if reason is None:
            found.append(chk)
        elif skipped is not None:
            skipped[chk.id] = reason
    return found


def run_checks(checks: Iterable[CheckSpec], ctx: CheckContext, skipped: dict[str, str] | None = None) -> list[Finding]:
    """Run each check that has what it needs; return its findings (see :func:`applicable`)."""
    findings: list[Finding] = []
    for chk in applicable(checks, ctx, skipped):
        # a severity the user set applies to every finding of the check, as a linter's
        # per-rule severity does; without one, the check's own graded severities stand
        chosen = ctx.config.severities.get(chk.id)
        hits: Iterable[Hit] = chk.run(ctx)
        for hit in hits:
            findings.append(to_finding(chk.id, chosen or hit.severity or chk.severity, hit))
    return findings


def to_finding(check_id: str, severity: Severity, hit: Hit) -> Finding:
    seg = hit.segment
    location = seg.location.advance(seg.target, hit.span.start) if hit.span else seg.location
    return Finding(
        check=check_id,
        severity=severity,
        segment_id=seg.id,
        location=location,
        message=hit.message,
        span=hit.span,
        text=hit.span.of(seg.target) if hit.span else "",
        source_span=hit.source_span,
        suggestion=hit.suggestion,
        confidence=hit.confidence,
        evidence=hit.evidence,
        context=seg.target,
    )


@dataclass(frozen=True)
class FileTask:
    """One unit of work of a run: a file to read and check (with its original, in wire mode)."""

    path: str
    original: str | None = None


@dataclass(frozen=True)
class Digest:
    """What the run-wide steps need of one checked document besides its findings.

    With it, :func:`merge` reads no segment: a document's segments can stay packed
    (:class:`~mtcheck.types.PackedSegments`) until a report that shows them reads them.
    ``silenced``: (path, segment id, the checks an inline ``mtcheck: ignore`` silences
    there) for each unit that has one; ``summaries``: what the run-scope checks keep of
    the document (:class:`~mtcheck.types.Summary`), by name.
    """

    words: int = 0
    silenced: tuple[tuple[str | None, str, frozenset[str]], ...] = ()
    summaries: Mapping[str, Any] = field(default_factory=dict)


def digest(doc: Document, config: Config) -> Digest:
    """``doc``'s digest for the run-wide steps of a run with ``config``'s checks."""
    summaries = {c.summary.name: c.summary for c in enabled_checks(config) if c.scope == "run" and c.summary}
    return Digest(
        words=sum(map(len, map(str.split, [seg.target for seg in doc.segments]))),  # in C but for the one list
        silenced=tuple((path, sid, ids) for (path, sid), ids in silenced_units(doc.segments).items()),
        summaries={name: summary.make(doc) for name, summary in summaries.items()},
    )


@dataclass(frozen=True)
class FileResult:
    """What checking one file (or one document) yields, before the run-wide steps.

    Everything in it is a plain value, so a worker process or a cluster can send it back
    and a cache can keep it. ``scored`` holds the (back-translation, reference) pairs of
    the model-scored links, which the run's corpus chrF/BLEU are computed from.
    ``digests`` are aligned with ``documents`` (:class:`Digest`).
    """

    documents: tuple[Document, ...]
    findings: tuple[Finding, ...] = ()
    notes: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=dict)
    scored: tuple[tuple[str, str], ...] = ()
    checks_run: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    digests: tuple[Digest, ...] = ()


@dataclass
class Resources:
    """What a worker loads once and keeps warm for every file it checks.

    Not frozen: the translator is loaded on first need and kept. One per run, or one per
    worker process; never shared between processes.
    """

    termbase: Termbase
    gazetteer: Gazetteer | None = None
    translator: Translator | None = None


def load_resources(
    config: Config, termbase: Termbase | None = None, gazetteer: Gazetteer | None = None,
    translator: Translator | None = None,
) -> Resources:  # fmt: skip
    """The run's termbases (plus ``termbase``), the gazetteer and the given translator, if any.

    ``termbase`` adds entries to those of ``config.termbases`` (for API callers that build
    one in memory); ``gazetteer``, when given, is used instead of opening the bundled one
    again (a service keeps one open), unless ``config.use_gazetteer`` is off.
    """
    configured, gazetteer = load_name_resources(config, gazetteer)
    # the caller's termbase object itself when the config adds none: its indexes stay built
    merged = configured + termbase if termbase is not None and len(configured) else termbase or configured
    return Resources(termbase=merged, gazetteer=gazetteer, translator=translator)


def check_file(task: FileTask, config: Config, resources: Resources, progress: Progress | None = None) -> FileResult:
    """Read one file and check every document in it: the task function of a run.

    The run-wide steps (cross-file checks, suppressions, scores) are left to :func:`merge`.
    """
    documents = read_documents([task.path], config, task.original)
    results = [check_document(doc, config, resources, progress) for doc in documents]
    return combine(results)


def check_document(doc: Document, config: Config, resources: Resources, progress: Progress | None = None) -> FileResult:
    """Back-translate, align and run the document-scope checks on one document."""
    say = progress or (lambda _msg: None)
    checks = [c for c in enabled_checks(config) if c.scope == "document"]
    notes: list[str] = []
    details: dict[str, Any] = {}
    path = doc.path or ""
    if config.model.enabled:
        say(f"back-translating {doc.path or 'input'} ({len(doc.segments)} segments)")
    back = back_translate(doc, config.model, resources.translator)
    resources.translator = resources.translator or back.translator  # load the model once for all documents
    unnamed = names_note(doc.source_lang) if doc.bilingual else None
    for note in (back.skipped, back.note, unnamed):
        if note and note not in notes:
            notes.append(note)
    if back.texts:
        details["back_translations"] = {path: dict(back.texts)}
        details["model"] = dict(back.signature)
        details.update(back.stats)
    adequacy, trips = _adequacy(doc, back, details, say)
    if adequacy is not None and adequacy.note and adequacy.note not in notes:
        notes.append(adequacy.note)
    say(f"checking {doc.path or 'input'}")
    ctx = CheckContext(
        document=doc,
        config=config,
        back_translations=back.texts,
        alignment=adequacy.alignment if adequacy else None,
        adequacy=adequacy,
        round_trips=trips,
        termbase=resources.termbase,
        gazetteer=resources.gazetteer,
    )
    skipped: dict[str, str] = {}
    findings = run_checks(checks, ctx, skipped)
    if skipped:
        # why a check did not run on this document: it needs an input the run lacks
        details["skipped_checks"] = {path: skipped}
    return FileResult(
        documents=(doc,),
        findings=tuple(findings),
        notes=tuple(notes),
        details=details,
        scored=tuple(scored_pairs(adequacy)) if adequacy is not None else (),
        checks_run={path: tuple(chk.id for chk in checks if chk.id not in skipped)},
        digests=(digest(doc, config),),
    )


_PER_PATH = ("back_translations", "round_trips", "alignment", "skipped_checks", "failed")


def combine(results: Iterable[FileResult]) -> FileResult:
    """Several results as one, in order: documents, findings and notes (once each) appended,
    per-path details merged, counters (cache statistics) summed."""
    documents: list[Document] = []
    findings: list[Finding] = []
    notes: list[str] = []
    details: dict[str, Any] = {}
    scored: list[tuple[str, str]] = []
    checks_run: dict[str, tuple[str, ...]] = {}
    digests: list[Digest] = []
    for result in results:
        documents.extend(result.documents)
        digests.extend(result.digests)
        findings.extend(result.findings)
        notes.extend(n for n in result.notes if n not in notes)
        scored.extend(result.scored)
        checks_run.update(result.checks_run)
        for key, value in result.details.items():
            if key in _PER_PATH:
                details.setdefault(key, {}).update(value)
            elif isinstance(value, int) and not isinstance(value, bool):
                details[key] = details.get(key, 0) + value
            else:
                details.setdefault(key, value)
    return FileResult(
        tuple(documents), tuple(findings), tuple(notes), details, tuple(scored), checks_run, tuple(digests)
    )


def merge(results: Iterable[FileResult], config: Config, resources: Resources, notes: Sequence[str] = ()) -> Report:
    """The run-wide steps over every file's result: cross-file checks, suppressions, scores, order."""
    run = combine(results)
    documents = run.documents
    # results made by hand (an API caller's) may lack digests: made here then, from the segments
    digests = run.digests if len(run.digests) == len(documents) else tuple(digest(d, config) for d in documents)
    findings = list(run.findings)
    details: dict[str, Any] = {"back_translations": {}, **run.details}
    ran = {path: list(ids) for path, ids in run.checks_run.items()}  # path → the checks run on it (for JUnit)
    run_checks_ = [c for c in enabled_checks(config) if c.scope == "run"]
    if run_checks_ and documents:
        ctx = CheckContext(
            document=documents[0],
            config=config,
            run_documents=tuple(documents),
            run_summaries=tuple(d.summaries for d in digests),
            termbase=resources.termbase,
            gazetteer=resources.gazetteer,
        )
        findings.extend(run_checks(run_checks_, ctx))
        for path in ran:  # a run-wide check looks at every document
            ran[path] = sorted([*ran[path], *(chk.id for chk in applicable(run_checks_, ctx))])
    details["checks_run"] = ran
    all_notes = [*run.notes, *(n for n in notes if n not in run.notes)]
    findings, silenced = apply_suppressions(findings, {(p, sid): ids for d in digests for p, sid, ids in d.silenced})
    findings, ignored = apply_ignore(findings, config.ignore_text)
    if silenced or ignored:
        all_notes.append(
            f"{silenced} finding(s) silenced by inline 'mtcheck: ignore', {ignored} by ignore-text patterns"
        )
    report = Report(
        findings=tuple(findings),
        documents=tuple(documents),
        scores={**_scores(documents, digests, findings), **run_scores(run.scored)},
        signature=signature(config),
        notes=tuple(all_notes),
        details=details,
    )
    # paths relative to the project root, so fingerprints match from any working directory
    report = rebase_report(report, Path(config.root) if config.root else find_root())
    ordered = sorted(report.findings, key=lambda f: (f.location.path or "", f.location.line, f.location.column,
                                                     -f.severity, f.check))  # fmt: skip
    return dataclasses.replace(report, findings=tuple(ordered))


def check_documents(
    documents: Sequence[Document],
    config: Config,
    *,
    translator: Translator | None = None,
    progress: Progress | None = None,
    termbase: Termbase | None = None,
    gazetteer: Gazetteer | None = None,
) -> Report:
    """Run the whole pipeline over documents already read.

    ``termbase`` adds entries to those of ``config.termbases`` (for API callers that
    build one in memory); ``gazetteer``, when given, is used instead of opening the
    bundled one again (a service keeps one open), unless ``config.use_gazetteer`` is off.
    """
    say = progress or (lambda _msg: None)
    enabled_checks(config)  # an unknown check name fails before any work
    resources = load_resources(config, termbase, gazetteer, translator)
    results = []
    for i, doc in enumerate(documents, 1):
        where = f"file {i} of {len(documents)}: "
        results.append(check_document(doc, config, resources, _prefixed(say, where)))
    return merge(results, config, resources)


def load_name_resources(config: Config, gazetteer: Gazetteer | None = None) -> tuple[Termbase, Gazetteer | None]:
    """The run's termbases (``config.termbases``) and, unless switched off, the gazetteer (bundled or given)."""
    from mtcheck.names.gazetteer import load_gazetteer
    from mtcheck.names.termbase_io import load_termbases

    if not config.use_gazetteer:
        return load_termbases(config.termbases), None
    return load_termbases(config.termbases), gazetteer or load_gazetteer()


def _prefixed(say: Progress, prefix: str) -> Progress:
    """``say`` with ``prefix`` ("file 2 of 9: ") before each message."""
    return lambda message: say(prefix + message)


def _adequacy(
    doc: Document, back: BackTranslation, details: dict[str, Any], say: Progress
) -> tuple[Adequacy | None, dict[str, str]]:
    """Round trip (monolingual, with a model), then align and score; record both in details."""
    trips: dict[str, str] = {}
    if doc.original is None and back.texts and back.translator is not None and mode_of(doc, True) == ROUND_TRIP:
        say(f"translating {doc.path or 'input'} forward again (round trip)")
        trips = round_trip(doc, back, back.translator)
        details.setdefault("round_trips", {})[doc.path or ""] = trips
    adequacy = assess(doc, back, trips)
    if adequacy is not None:
        details.setdefault("alignment", {})[doc.path or ""] = to_details(doc, adequacy)
    return adequacy, trips


def _scores(documents: Sequence[Document], digests: Sequence[Digest], findings: Sequence[Finding]) -> dict[str, Any]:
    words = sum(d.words for d in digests)
    flagged = sum(1 for f in findings if f.severity >= Severity.WARNING)
    return {
        "segments": sum(len(doc.segments) for doc in documents),
        "words": words,
        "findings_per_1000_words": round(1000 * flagged / words, 2) if words else 0.0,
    }


def signature(config: Config) -> dict[str, Any]:
    return {"mtcheck": __version__, "python": platform.python_version(), "config": config.signature()}


def check_files(
    paths: Sequence[str | Path],
    config: Config,
    *,
    original: str | Path | None = None,
    translator: Translator | None = None,
    progress: Progress | None = None,
    termbase: Termbase | None = None,
    gazetteer: Gazetteer | None = None,
) -> Report:
    """Read ``paths`` and check them: the main entry point of the Python API.

    Each file is a :class:`FileTask` checked by :func:`check_file`; :func:`merge` then runs
    the run-wide steps. It changes no process-wide setting (a service runs it in several
    threads at once): the collector is held only while a PO file is parsed
    (:class:`mtcheck.formats.po.PoReader`). Measured on debian-po: reading 49 catalogues
    takes 3.9 s CPU with the parser's pause, 6.1 s with none; a whole check of 17
    catalogues (47,836 units) 10.4 s with the parser's pause, 8.5 s with one around the
    whole run, which the command line, owning its process, still takes (cli.py).
    """
    say = progress or (lambda _msg: None)
    tasks, skipped = plan(paths, config, original)
    resources = load_resources(config, termbase, gazetteer, translator)
    results = []
    for i, task in enumerate(tasks, 1):
        where = f"file {i} of {len(tasks)}: "
        say(f"{where}reading {task.path}")
        results.append(check_file(task, config, resources, _prefixed(say, where)))
    return merge(results, config, resources, notes=(skipped,) if skipped else ())


def plan(paths: Sequence[str | Path], config: Config, original: str | Path | None = None) -> tuple[list[FileTask], str]:
    """The run's tasks, one per file, and a note on what the named directories held that was skipped.

    Fails before any work on what would fail later: no input, an unknown check, an
    original given with several target files.
    """
    enabled_checks(config)
    if not paths:
        raise InputError("no input files given")
    files, skipped = _expand(paths, config.exclude, config.include)
    files = files or [Path(p) for p in paths]
    if original is not None and len(files) != 1:
        raise ConfigError("--original works with exactly one target file")
    return [FileTask(str(path), str(original) if original is not None else None) for path in files], skipped


def check_text(
    text: str,
    *,
    source_lang: str,
    target_lang: str,
    original: str | None = None,
    config: Config | None = None,
    translator: Translator | None = None,
) -> Report:
    """Check a translation held in memory (no files): handy for notebooks and services."""
    config = dataclasses.replace(config or Config(), source_lang=source_lang, target_lang=target_lang)
    languages = Languages(source_lang, target_lang)
    reader = READERS.get("text")
    doc = reader.document(text, None, languages)  # type: ignore[attr-defined]
    if original is not None:
        doc = dataclasses.replace(doc, original=sentences(original, source_lang, None, prefix="o"))
    return check_documents([settle_languages(doc)], config, translator=translator)
