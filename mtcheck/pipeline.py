"""read → segment → back-translate → align → extract → check → score → report.

No printing here: the pipeline returns a :class:`~mtcheck.types.Report`; the CLI renders
it and turns it into an exit code (the gate).
"""

from __future__ import annotations

import dataclasses
import platform
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtcheck.align.adequacy import ROUND_TRIP, Adequacy, assess, mode_of, round_trip, run_scores, to_details
from mtcheck.checks.base import CheckContext, Hit, unmet_need
from mtcheck.config import Config, check_matches
from mtcheck.errors import ConfigError, InputError
from mtcheck.formats.base import Languages, Reader
from mtcheck.formats.text import sentences
from mtcheck.gate.root import find_root, rebase_report
from mtcheck.gate.suppress import apply_ignore, apply_suppressions
from mtcheck.names.originals import names_note
from mtcheck.names.termbase import Termbase
from mtcheck.read.files import require_regular
from mtcheck.read.languages import detect_language, normalize_language
from mtcheck.read.textio import read_text
from mtcheck.registry import CHECKS, READERS
from mtcheck.translators.backtranslate import BackTranslation, back_translate
from mtcheck.translators.base import Translator
from mtcheck.types import CheckSpec, Document, Finding, Report, Severity
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


def _resegment(doc: Document, target: str) -> tuple[Any, ...]:
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
    checks = enabled_checks(config)
    document_checks = [c for c in checks if c.scope == "document"]
    run_checks_ = [c for c in checks if c.scope == "run"]
    findings: list[Finding] = []
    notes: list[str] = []
    details: dict[str, Any] = {"back_translations": {}}
    ran: dict[str, list[str]] = {}  # path → the checks that ran on it (JUnit lists only those)
    configured, gazetteer = load_name_resources(config, gazetteer)
    # the caller's termbase object itself when the config adds none: its indexes stay built
    termbase = configured + termbase if termbase is not None and len(configured) else termbase or configured
    assessed: list[Adequacy] = []
    for i, doc in enumerate(documents, 1):
        where = f"file {i} of {len(documents)}"
        if config.model.enabled:
            say(f"{where}: back-translating {doc.path or 'input'} ({len(doc.segments)} segments)")
        back = back_translate(doc, config.model, translator)
        translator = translator or back.translator  # load the model once for all documents
        unnamed = names_note(doc.source_lang) if doc.bilingual else None
        for note in (back.skipped, back.note, unnamed):
            if note and note not in notes:
                notes.append(note)
        if back.texts:
            details["back_translations"][doc.path or ""] = dict(back.texts)
            details.setdefault("model", dict(back.signature))
            for name, count in back.stats.items():
                details[name] = details.get(name, 0) + count
        adequacy, trips = _adequacy(doc, back, details, say)
        if adequacy is not None:
            assessed.append(adequacy)
            if adequacy.note:
                notes.append(adequacy.note)
        say(f"{where}: checking {doc.path or 'input'}")
        ctx = CheckContext(
            document=doc,
            config=config,
            back_translations=back.texts,
            alignment=adequacy.alignment if adequacy else None,
            adequacy=adequacy,
            round_trips=trips,
            termbase=termbase,
            gazetteer=gazetteer,
        )
        skipped: dict[str, str] = {}
        findings.extend(run_checks(document_checks, ctx, skipped))
        ran[doc.path or ""] = [chk.id for chk in document_checks if chk.id not in skipped]
        if skipped:
            # why a check did not run on this document: it needs an input the run lacks
            details.setdefault("skipped_checks", {})[doc.path or ""] = skipped
    if run_checks_ and documents:
        ctx = CheckContext(
            document=documents[0],
            config=config,
            run_documents=tuple(documents),
            termbase=termbase,
            gazetteer=gazetteer,
        )
        findings.extend(run_checks(run_checks_, ctx))
        for path in ran:  # a run-wide check looks at every document
            ran[path] = sorted([*ran[path], *(chk.id for chk in applicable(run_checks_, ctx))])
    details["checks_run"] = ran
    findings, silenced = apply_suppressions(findings, documents)
    findings, ignored = apply_ignore(findings, config.ignore_text)
    if silenced or ignored:
        notes.append(f"{silenced} finding(s) silenced by inline 'mtcheck: ignore', {ignored} by ignore-text patterns")
    report = Report(
        findings=tuple(findings),
        documents=tuple(documents),
        scores={**_scores(documents, findings), **run_scores(assessed)},
        signature=signature(config),
        notes=tuple(notes),
        details=details,
    )
    # paths relative to the project root, so fingerprints match from any working directory
    report = rebase_report(report, Path(config.root) if config.root else find_root())
    ordered = sorted(report.findings, key=lambda f: (f.location.path or "", f.location.line, f.location.column,
                                                     -f.severity, f.check))  # fmt: skip
    return dataclasses.replace(report, findings=tuple(ordered))


def load_name_resources(config: Config, gazetteer: Gazetteer | None = None) -> tuple[Termbase, Gazetteer | None]:
    """The run's termbases (``config.termbases``) and, unless switched off, the gazetteer (bundled or given)."""
    from mtcheck.names.gazetteer import load_gazetteer
    from mtcheck.names.termbase_io import load_termbases

    if not config.use_gazetteer:
        return load_termbases(config.termbases), None
    return load_termbases(config.termbases), gazetteer or load_gazetteer()


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


def _scores(documents: Sequence[Document], findings: Sequence[Finding]) -> dict[str, Any]:
    words = sum(len(seg.target.split()) for doc in documents for seg in doc.segments)
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

    It changes no process-wide setting (a service runs it in several threads at once): the
    collector is held only while a PO file is parsed (:class:`mtcheck.formats.po.PoReader`).
    Measured on debian-po: reading 49 catalogues takes 3.9 s CPU with the parser's pause,
    6.1 s with none; a whole check of 17 catalogues (47,836 units) 10.4 s with the parser's
    pause, 8.5 s with one around the whole run, which the command line, owning its
    process, still takes (cli.py).
    """
    files, skipped = _expand(paths, config.exclude, config.include) if paths else ([], "")
    documents = read_documents(files or paths, config, original, progress)
    report = check_documents(
        documents, config, translator=translator, progress=progress, termbase=termbase, gazetteer=gazetteer
    )
    return dataclasses.replace(report, notes=(*report.notes, skipped)) if skipped else report


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
