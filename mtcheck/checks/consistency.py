"""One source translated several ways, or one translation used for several sources,
across every file of a run (per target language; a msgctxt keeps uses apart)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

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


def _normaliser(ctx: CheckContext) -> Callable[[str], str]:
    """:func:`normal` remembered for the run's context: catalogues repeat their strings, and
    both checks normalise every source and target."""
    memo: dict[str, str] = ctx.memo.setdefault("normal", {})

    def normalised(text: str) -> str:
        found = memo.get(text)
        if found is None:
            found = memo[text] = normal(text)
        return found

    return normalised


def _units(ctx: CheckContext) -> Iterator[tuple[str, Segment]]:
    for doc in ctx.run_documents or (ctx.document,):
        for seg in doc.segments:
            # plural forms differ by design; fuzzy and empty ones are not translations yet
            if seg.source and seg.target and "plural" not in seg.flags and "fuzzy" not in seg.flags:
                yield doc.target_lang, seg


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
        first = members[0][0]
        if all(v == first for v, _s in members):
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
    normalised = _normaliser(ctx)
    for lang, seg in _units(ctx):
        key = (lang, seg.context or "", normalised(seg.source or ""))
        variant = normalised(seg.target)
        originals.setdefault(variant, seg.target)
        groups.setdefault(key, []).append((variant, seg))
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
    normalised = _normaliser(ctx)
    for lang, seg in _units(ctx):
        if not any(c.isalpha() for c in seg.target):
            continue
        variant = normalised(seg.source or "")
        originals.setdefault(variant, seg.source or "")
        groups.setdefault((lang, normalised(seg.target)), []).append((variant, seg))
    for group, seg, _variant, majority, count in _deviations(groups):
        where = _where(groups[group], majority)
        yield Hit(
            seg,
            f"“{seg.target}” translates “{seg.source}” here but “{originals[majority]}” in {count} other "
            f"unit(s), e.g. {where}",
            evidence={"subject": majority, "majority": originals[majority], "count": count, "example": where},
        )
