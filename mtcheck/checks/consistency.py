"""One source translated several ways, or one translation used for several sources,
across every file of a run (per target language; a msgctxt keeps uses apart)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.types import Segment, Severity

# Accelerator markers (_File, &File, ~File) and a trailing ellipsis or colon do not
# change what a string says; they differ by toolkit and by the widget it labels.
_ACCEL = re.compile(r"[_&~](?=\w)|\s*\(_?\w\)\s*$")
_TRAIL = re.compile(r"(?:\.\.\.|…|:|：)\s*$")


# group key (language, context, normalised text) → (normalised variant, unit) of each member
Groups = dict[tuple[str, ...], list[tuple[str, Segment]]]
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


# (target language, context, normalised source, normalised target, unit) of each unit compared
Unit = tuple[str, str, str, str, Segment]


def _units(ctx: CheckContext) -> list[Unit]:
    """The run's comparable units, their texts normalised: built once for both checks.

    Both checks look at every unit of the run, and catalogues repeat their strings, so each
    distinct text is normalised once (a loop rather than a generator and a helper per unit:
    this is the costliest step of a re-run, whose files come from the result cache).
    """
    found: list[Unit] | None = ctx.memo.get("consistency_units")
    if found is not None:
        return found
    memo: dict[str, str] = ctx.memo.setdefault("normal", {})
    found = []
    for doc in ctx.run_documents or (ctx.document,):
        lang = doc.target_lang
        for seg in doc.segments:
            source, target, flags = seg.source, seg.target, seg.flags
            # plural forms differ by design; fuzzy and empty ones are not translations yet
            if not source or not target or "plural" in flags or "fuzzy" in flags:
                continue
            nsource = memo.get(source)
            if nsource is None:
                nsource = memo[source] = normal(source)
            ntarget = memo.get(target)
            if ntarget is None:
                ntarget = memo[target] = normal(target)
            found.append((lang, seg.context or "", nsource, ntarget, seg))
    ctx.memo["consistency_units"] = found
    return found


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


def _deviations(groups: Groups, lang_of: int | None = None) -> Iterator[tuple[tuple[str, ...], Segment, str, str, int]]:
    """(group key, segment, its variant, the majority variant, how many units use the majority).

    ``lang_of`` is the index of the target language in the group key, when the variants
    are target texts whose inflected forms should count as one.
    """
    for key, members in groups.items():
        if len(members) == 1 or len({v for v, _s in members}) == 1:
            continue  # one unit, or all alike: most groups, spared the counting
        variants = Counter(v for v, _s in members)
        if lang_of is not None and _same_lemmas(list(variants), key[lang_of]):
            continue
        majority, count = variants.most_common(1)[0]
        for variant, seg in members:
            if variant != majority:
                yield key, seg, variant, majority, count


def _shared(groups: Groups) -> Groups:
    """The groups of more than one unit, in the same order: only they can disagree."""
    return {key: members for key, members in groups.items() if len(members) > 1}


def _where(members: list[tuple[str, Segment]], variant: str) -> str:
    for v, other in members:
        if v == variant:
            return f"{other.location.path}:{other.location.line}"
    return ""


@check("target-inconsistency", Severity.WARNING, scope="run")
def target_inconsistency(ctx: CheckContext) -> Iterator[Hit]:
    """The same source is translated in different ways."""
    groups: Groups = {}
    originals: dict[str, str] = {}
    for lang, context, source, variant, seg in _units(ctx):
        if variant not in originals:
            originals[variant] = seg.target
        members = groups.get((lang, context, source))
        if members is None:
            groups[(lang, context, source)] = [(variant, seg)]
        else:
            members.append((variant, seg))
    groups = _shared(groups)
    for group, seg, _variant, majority, count in _deviations(groups, lang_of=0):
        words = len((seg.source or "").split())
        where = _where(groups[group], majority)
        yield Hit(
            seg,
            f"“{seg.source}” is translated “{seg.target}” here but “{originals[majority]}” in {count} other "
            f"unit(s), e.g. {where}",
            suggestion=originals[majority],
            evidence={"subject": majority, "majority": originals[majority], "count": count, "example": where},
            # one-word labels are often ambiguous ("Open": verb or adjective), so they only inform
            severity=Severity.INFO if words <= 1 else None,
        )


@check("source-inconsistency", Severity.INFO, scope="run")
def source_inconsistency(ctx: CheckContext) -> Iterator[Hit]:
    """Different sources share one translation."""
    groups: Groups = {}
    originals: dict[str, str] = {}
    lettered: dict[str, bool] = {}  # target → has a letter: catalogues repeat their strings
    for lang, _context, variant, target, seg in _units(ctx):
        letters = lettered.get(seg.target)
        if letters is None:
            letters = lettered[seg.target] = any(c.isalpha() for c in seg.target)
        if not letters:
            continue
        if variant not in originals:
            originals[variant] = seg.source or ""
        members = groups.get((lang, target))
        if members is None:
            groups[(lang, target)] = [(variant, seg)]
        else:
            members.append((variant, seg))
    for group, seg, _variant, majority, count in _deviations(groups):
        where = _where(groups[group], majority)
        yield Hit(
            seg,
            f"“{seg.target}” translates “{seg.source}” here but “{originals[majority]}” in {count} other "
            f"unit(s), e.g. {where}",
            evidence={"subject": majority, "majority": originals[majority], "count": count, "example": where},
        )
