"""One source translated several ways, or one translation used for several sources,
across every file of a run (per target language; a msgctxt keeps uses apart).

Both checks read each document through its summary (:func:`summarise`: the normalised
source and target of every unit), made when the file is checked and kept with its
result, so a re-run reads none of the segments of its unchanged catalogues: it counts
the keys, looks only at the groups that more than one unit shares, and decodes only
the units a finding names (:func:`~mtcheck.types.pick_segments`). The findings are those
of comparing every unit with every other, in the same order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from mtcheck.checks.base import CheckContext, Hit, check, run_summaries
from mtcheck.types import Document, Segment, Severity, Summary, pick_segments

# Accelerator markers (_File, &File, ~File) and a trailing ellipsis or colon do not
# change what a string says; they differ by toolkit and by the widget it labels.
_ACCEL = re.compile(r"[_&~](?=\w)|\s*\(_?\w\)\s*$")
_TRAIL = re.compile(r"(?:\.\.\.|…|:|：)\s*$")
_TRAILERS = ("...", "…", ":", "：")


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
        if not any(c.isalpha() for c in target):
            letterless.append(i)
    return {"sources": sources, "targets": targets, "contexts": contexts, "letterless": letterless}


SUMMARY = Summary("consistency", summarise)

Position = tuple[int, int]  # (document, segment) in the run


@dataclass(frozen=True)
class Deviation:
    """A unit whose variant is not its group's majority."""

    unit: Position
    majority: str  # the majority's variant (normalised)
    count: int  # how many units of the group use it
    example: Position  # the group's first unit with the majority variant


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
) -> Iterator[Deviation]:
    """The deviations of every group whose units do not all agree, group by group.

    ``inflected``: variants are target texts, and those that differ only by inflection
    count as one (:func:`_same_lemmas`).
    """
    for (lang, _key), members in groups.items():
        found = [variants[doc][i] for doc, i in members]
        if len(set(found)) == 1:
            continue  # all alike: most groups
        counted = Counter(found)
        if inflected and _same_lemmas(list(counted), lang):
            continue
        majority, count = counted.most_common(1)[0]
        example = members[found.index(majority)]
        for unit, variant in zip(members, found, strict=True):
            if variant != majority:
                yield Deviation(unit, majority, count, example)


def _same_lemmas(variants: list[str], lang: str) -> bool:
    """True when the variants differ only by inflection ("Цвет обводки" / "Цветом обводки").

    A string used in two grammatical contexts inflects differently; that is grammar, not
    inconsistency. Only looked at for groups that already differ, so it costs little: and
    the lemmatiser is asked only about words that differ, of variants with as many words.
    """
    from mtcheck.names.morphology import keyer
    from mtcheck.read.words import iter_words

    first, *others = [[v[s:e] for s, e in iter_words(v)] for v in variants]
    if any(len(other) != len(first) for other in others):
        return False
    keys = keyer(lang)  # a word always has a key: equal words share one
    return all(a == b or keys(a) & keys(b) for other in others for a, b in zip(first, other, strict=True))


def _first(columns: Sequence[Sequence[Any]], wanted: set[str]) -> dict[str, Position]:
    """Where each of ``wanted`` first occurs in the run."""
    found: dict[str, Position] = {}
    for doc, column in enumerate(columns):
        for i in [i for i, value in enumerate(column) if value in wanted]:
            found.setdefault(column[i], (doc, i))
        if len(found) == len(wanted):
            break
    return found


def _pick(documents: Sequence[Document], positions: Iterator[Position]) -> dict[Position, Segment]:
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


def _where(seg: Segment) -> str:
    return f"{seg.location.path}:{seg.location.line}"


def _run(ctx: CheckContext) -> tuple[Sequence[Document], list[dict[str, Any]]]:
    return ctx.run_documents or (ctx.document,), run_summaries(ctx, SUMMARY)


@check("target-inconsistency", Severity.WARNING, scope="run", summary=SUMMARY)
def target_inconsistency(ctx: CheckContext) -> Iterator[Hit]:
    """The same source is translated in different ways."""
    documents, summaries = _run(ctx)
    keys = []
    for doc, summary in zip(documents, summaries, strict=True):
        column: list[Hashable | None] = list(summary["sources"])
        for i, context in summary["contexts"]:
            column[i] = (context, column[i])  # a msgctxt keeps uses apart
        keys.append((doc.target_lang, column))
    targets = [summary["targets"] for summary in summaries]
    found = list(_deviations(_groups(keys), targets, inflected=True))
    # the first unit of the run with the majority's variant, whatever its source, spells it
    firsts = _first(targets, {d.majority for d in found})
    segments = _pick(documents, (p for d in found for p in (d.unit, d.example, firsts[d.majority])))
    for deviation in found:
        seg = segments[deviation.unit]
        original = segments[firsts[deviation.majority]].target
        where = _where(segments[deviation.example])
        words = len((seg.source or "").split())
        yield Hit(
            seg,
            f"“{seg.source}” is translated “{seg.target}” here but “{original}” in {deviation.count} other "
            f"unit(s), e.g. {where}",
            suggestion=original,
            evidence={"subject": deviation.majority, "majority": original, "count": deviation.count, "example": where},
            # one-word labels are often ambiguous ("Open": verb or adjective), so they only inform
            severity=Severity.INFO if words <= 1 else None,
        )


@check("source-inconsistency", Severity.INFO, scope="run", summary=SUMMARY)
def source_inconsistency(ctx: CheckContext) -> Iterator[Hit]:
    """Different sources share one translation."""
    documents, summaries = _run(ctx)
    keys = []
    sources = []
    for doc, summary in zip(documents, summaries, strict=True):
        targets, variants = list(summary["targets"]), list(summary["sources"])
        for i in summary["letterless"]:
            targets[i] = variants[i] = None
        keys.append((doc.target_lang, targets))
        sources.append(variants)
    found = list(_deviations(_groups(keys), sources, inflected=False))
    firsts = _first(sources, {d.majority for d in found})
    segments = _pick(documents, (p for d in found for p in (d.unit, d.example, firsts[d.majority])))
    for deviation in found:
        seg = segments[deviation.unit]
        original = segments[firsts[deviation.majority]].source or ""
        where = _where(segments[deviation.example])
        yield Hit(
            seg,
            f"“{seg.target}” translates “{seg.source}” here but “{original}” in {deviation.count} other "
            f"unit(s), e.g. {where}",
            evidence={"subject": deviation.majority, "majority": original, "count": deviation.count, "example": where},
        )
