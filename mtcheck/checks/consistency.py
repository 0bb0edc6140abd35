"""One source translated several ways, or one translation used for several sources,
across every file of a run (per target language; a msgctxt keeps uses apart).

target-inconsistency counts translations that differ only by inflection as one ("Цвет
обводки" / "Цветом обводки"): Russian and other words with a Snowball stemmer by their
stems, Arabic ones also without their clitics; Ukrainian words, which Snowball has no
stemmer for, by case.
"""

# Both checks read each document through its summary (summarise: the normalised source
# and target of every unit), made when the file is checked and kept with its result, so a
# re-run reads none of the segments of its unchanged catalogues: it counts the keys, looks
# only at the groups that more than one unit shares, and decodes only the units a finding
# names (mtcheck.types.pick_segments). The findings are those of comparing every unit with
# every other, in the same order (tests/test_run_summaries.py).

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mtcheck.checks.base import CheckContext, Hit, check, run_summaries
from mtcheck.types import Document, Segment, Severity, Summary, pick_segments

# Accelerator markers (_File, &File, ~File) and a trailing ellipsis or colon do not
# change what a string says; they differ by toolkit and by the widget it labels.
_ACCEL = re.compile(r"[_&~](?=\w)|\s*\(_?\w\)\s*$")
_TRAIL = re.compile(r"(?:\.\.\.|…|:|：)\s*$")
_TRAILERS = ("...", "…", ":", "：")
# what may be a letter: re's \w is str.isalnum() (and "_"), \d str.isdecimal(), so this finds
# every character str.isalpha() is true of, and a few numerals (²), which the caller sees
# through; most targets start with a letter, found in one call instead of a generator
_MAYBE_LETTER = re.compile(r"[^\W\d_]")


def normal(text: str) -> str:
    """``text`` without accelerator markers, a trailing ellipsis or colon, extra spaces or case."""
    # each pattern runs only where its characters are: most strings have none of them
    if "_" in text or "&" in text or "~" in text or "(" in text:
        text = _ACCEL.sub("", text)
    if text.rstrip().endswith(_TRAILERS):  # what _TRAIL can match: it ends at the end
        text = _TRAIL.sub("", text)
    # = _SPACE.sub(" ", text).strip(): re's \s is str.isspace, which split() splits on
    return " ".join(text.split()).casefold()


def summarise(doc: Document) -> dict[str, Any]:
    """What both checks group by, in JSON types, one entry a segment of ``doc``.

    ``sources`` and ``targets``: each unit's normalised texts, None for a unit neither
    check compares (plural forms differ by design; fuzzy and empty ones are not
    translations yet); ``contexts``: [index, msgctxt] of the units that have one;
    ``letterless``: the units whose target has no letter (source-inconsistency leaves
    them out: "%s" or "—" may stand for anything).
    """
    memo: dict[str, str] = {}  # catalogues repeat their strings: each is normalised once
    sources: list[str | None] = []
    targets: list[str | None] = []
    contexts: list[list[Any]] = []
    letterless: list[int] = []
    for i, seg in enumerate(doc.segments):
        source, target, flags = seg.source, seg.target, seg.flags
        if not source or not target or "plural" in flags or "fuzzy" in flags:
            sources.append(None)
            targets.append(None)
            continue
        nsource = memo.get(source)
        if nsource is None:
            nsource = memo[source] = normal(source)
        ntarget = memo.get(target)
        if ntarget is None:
            ntarget = memo[target] = normal(target)
        sources.append(nsource)
        targets.append(ntarget)
        if seg.context:
            contexts.append([i, seg.context])
        letter = _MAYBE_LETTER.search(target)
        if letter is None or (not letter.group().isalpha() and not any(c.isalpha() for c in target)):
            letterless.append(i)
    return {"sources": sources, "targets": targets, "contexts": contexts, "letterless": letterless}


SUMMARY = Summary("consistency", summarise)
TARGET, SOURCE = "target-inconsistency", "source-inconsistency"

Position = tuple[int, int]  # (document, segment) in the run


@dataclass(frozen=True)
class Deviation:
    """A unit whose variant is not its group's majority."""

    unit: Position
    majority: str  # the majority's variant (normalised)
    count: int  # how many units of the group use it
    example: Position  # the group's first unit with the majority variant
    first: Position = (0, 0)  # the run's first unit with the majority variant, whatever its group: it spells it


def _groups(keys: Sequence[tuple[str, Sequence[Hashable | None]]]) -> dict[tuple[str, Hashable], list[Position]]:
    """(language, key) → the positions of its units, for the keys more than one unit shares.

    ``keys`` holds each document's language and its units' keys (None: not compared). In
    the order of each group's first unit: the order of grouping every unit. Counting is
    done whole lists at a time (in C): most keys are one unit's, and are never grouped.
    """
    counts: dict[str, Counter[Hashable | None]] = {}
    for lang, column in keys:
        counts.setdefault(lang, Counter()).update(column)
    shared = {lang: {k for k, n in counted.items() if n > 1 and k is not None} for lang, counted in counts.items()}
    groups: dict[tuple[str, Hashable], list[Position]] = {}
    for doc, (lang, column) in enumerate(keys):
        wanted = shared[lang]
        for i in [i for i, key in enumerate(column) if key in wanted]:
            groups.setdefault((lang, column[i]), []).append((doc, i))
    return groups


def _deviations(
    groups: dict[tuple[str, Hashable], list[Position]], variants: Sequence[Sequence[Any]], inflected: bool
) -> list[Deviation]:
    """The deviations of every group whose units do not all agree, group by group.

    ``inflected``: variants are target texts, and those that differ only by inflection
    count as one (:func:`_same_lemmas`, :func:`inflection_keys`).
    """
    found: list[Deviation] = []
    keyed: dict[str, Keys] = {}  # language → its inflection keys, cached per word for the run
    for (lang, _key), members in groups.items():
        used = [variants[doc][i] for doc, i in members]
        if len(set(used)) == 1:
            continue  # all alike: most groups
        counted = Counter(used)
        if inflected:
            if lang not in keyed:
                keyed[lang] = functools.cache(inflection_keys(lang))
            if _same_lemmas(list(counted), keyed[lang]):
                continue
        majority, count = counted.most_common(1)[0]
        example = members[used.index(majority)]
        found.extend(
            Deviation(unit, majority, count, example) for unit, variant in zip(members, used, strict=True)
            if variant != majority
        )  # fmt: skip
    # the first unit of the run with each majority's variant, for its spelling
    firsts: dict[str, Position] = {}
    wanted = {d.majority for d in found}
    for doc, column in enumerate(variants):
        if len(firsts) == len(wanted):
            break
        for i in [i for i, value in enumerate(column) if value in wanted]:
            firsts.setdefault(column[i], (doc, i))
    return [dataclasses.replace(d, first=firsts[d.majority]) for d in found]


Keys = Callable[[str], frozenset[str]]  # a word → the keys its inflected forms share


def inflection_keys(lang: str) -> Keys:
    """A word of ``lang`` → keys that its inflected forms share (two words inflect alike when they share one).

    The name matcher's keys (:func:`mtcheck.names.morphology.keyer`: Snowball stems,
    Arabic clitics) but for Ukrainian and Russian, whose dictionaries (pymorphy3) cost a
    run 40 MiB and a quarter of a second to load, more than the rest of a cached re-run's
    run-wide step: Russian words are keyed by Snowball's Russian stemmer, Ukrainian ones
    (which Snowball does not have) by themselves. On all of debian-po that changes 35 of
    1,019 target-inconsistency findings: Ukrainian variants that differ by inflection only
    ("Рядки" / "Рядків") are now reported, Russian ones are judged by their stems.
    """
    from mtcheck.read.languages import base_language

    code = base_language(lang)
    if code == "uk":
        return lambda word: frozenset({word.casefold()})
    if code == "ru":
        import Stemmer

        stemmer = Stemmer.Stemmer("russian")
        return lambda word: frozenset({word.casefold(), stemmer.stemWord(word.casefold())})
    from mtcheck.names.morphology import keyer

    return keyer(lang)


def _same_lemmas(variants: list[str], keys: Keys) -> bool:
    """True when the variants differ only by inflection ("Цвет обводки" / "Цветом обводки").

    A string used in two grammatical contexts inflects differently; that is grammar, not
    inconsistency. Only looked at for groups that already differ, so it costs little: and
    only words that differ are keyed, of variants with as many words.
    """
    from mtcheck.read.words import iter_words

    first, *others = [[v[s:e] for s, e in iter_words(v)] for v in variants]
    if any(len(other) != len(first) for other in others):
        return False
    return all(a == b or keys(a) & keys(b) for other in others for a, b in zip(first, other, strict=True))


def _target_deviations(documents: Sequence[Document], summaries: Sequence[dict[str, Any]]) -> list[Deviation]:
    """Units of one source (and context) whose normalised target is not the majority's, nor an inflection of it."""
    keys = []
    for doc, summary in zip(documents, summaries, strict=True):
        column: list[Hashable | None] = list(summary["sources"])
        for i, context in summary["contexts"]:
            column[i] = (context, column[i])  # a msgctxt keeps uses apart
        keys.append((doc.target_lang, column))
    return _deviations(_groups(keys), [summary["targets"] for summary in summaries], inflected=True)


def _source_deviations(documents: Sequence[Document], summaries: Sequence[dict[str, Any]]) -> list[Deviation]:
    """Units of one normalised target (with a letter) whose normalised source is not the majority's."""
    keys = []
    sources = []
    for doc, summary in zip(documents, summaries, strict=True):
        targets, variants = list(summary["targets"]), list(summary["sources"])
        for i in summary["letterless"]:
            targets[i] = variants[i] = None
        keys.append((doc.target_lang, targets))
        sources.append(variants)
    return _deviations(_groups(keys), sources, inflected=False)


def _pick(documents: Sequence[Document], positions: Iterable[Position]) -> dict[Position, Segment]:
    """The segments at ``positions``, decoding no other of a packed document."""
    by_document: dict[int, set[int]] = {}
    for doc, i in positions:
        by_document.setdefault(doc, set()).add(i)
    found: dict[Position, Segment] = {}
    for doc, indices in by_document.items():
        ordered = sorted(indices)
        for i, seg in zip(ordered, pick_segments(documents[doc].segments, ordered), strict=True):
            found[(doc, i)] = seg
    return found


def _target_hit(deviation: Deviation, segments: dict[Position, Segment]) -> Hit:
    seg = segments[deviation.unit]
    original = segments[deviation.first].target
    where = _where(segments[deviation.example])
    words = len((seg.source or "").split())
    return Hit(
        seg,
        f"“{seg.source}” is translated “{seg.target}” here but “{original}” in {deviation.count} other "
        f"unit(s), e.g. {where}",
        suggestion=original,
        evidence={"subject": deviation.majority, "majority": original, "count": deviation.count, "example": where},
        # one-word labels are often ambiguous ("Open": verb or adjective), so they only inform
        severity=Severity.INFO if words <= 1 else None,
    )


def _source_hit(deviation: Deviation, segments: dict[Position, Segment]) -> Hit:
    seg = segments[deviation.unit]
    original = segments[deviation.first].source or ""
    where = _where(segments[deviation.example])
    return Hit(
        seg,
        f"“{seg.target}” translates “{seg.source}” here but “{original}” in {deviation.count} other "
        f"unit(s), e.g. {where}",
        evidence={"subject": deviation.majority, "majority": original, "count": deviation.count, "example": where},
    )


def _where(seg: Segment) -> str:
    return f"{seg.location.path}:{seg.location.line}"


def _hits(ctx: CheckContext) -> dict[str, list[Hit]]:
    """Both checks' hits (those of the checks the run enables), worked out once for both.

    They read the same summaries, and the units they name are decoded in one pass over
    each document: decompressing the segments is most of what picking them costs.
    """
    found: dict[str, list[Hit]] | None = ctx.memo.get("consistency")
    if found is not None:
        return found
    documents = ctx.run_documents or (ctx.document,)
    summaries = run_summaries(ctx, SUMMARY)
    deviations: dict[str, list[Deviation]] = {}
    if ctx.config.check_enabled(TARGET):
        deviations[TARGET] = _target_deviations(documents, summaries)
    if ctx.config.check_enabled(SOURCE):
        deviations[SOURCE] = _source_deviations(documents, summaries)
    positions = (p for found_ in deviations.values() for d in found_ for p in (d.unit, d.example, d.first))
    segments = _pick(documents, positions)
    make = {TARGET: _target_hit, SOURCE: _source_hit}
    found = {check_id: [make[check_id](d, segments) for d in found_] for check_id, found_ in deviations.items()}
    ctx.memo["consistency"] = found
    return found


@check(TARGET, Severity.WARNING, scope="run", summary=SUMMARY)
def target_inconsistency(ctx: CheckContext) -> Iterator[Hit]:
    """The same source is translated in different ways."""
    yield from _hits(ctx).get(TARGET, ())


@check(SOURCE, Severity.INFO, scope="run", summary=SUMMARY)
def source_inconsistency(ctx: CheckContext) -> Iterator[Hit]:
    """Different sources share one translation."""
    yield from _hits(ctx).get(SOURCE, ())
