"""One source translated several ways, or one translation used for several sources,
across every file of a run (per target language; a msgctxt keeps uses apart)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.types import Segment, Severity

# Accelerator markers (_File, &File, ~File) and a trailing ellipsis or colon do not
# change what a string says; they differ by toolkit and by the widget it labels.
_ACCEL = re.compile(r"[_&~](?=\w)|\s*\(_?\w\)\s*$")
_TRAIL = re.compile(r"(?:\.\.\.|…|:|：)\s*$")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 18)  # both checks normalise every source and target
def normal(text: str) -> str:
    return str(_SPACE.sub(" ", _TRAIL.sub("", _ACCEL.sub("", text))).strip().casefold())


def _units(ctx: CheckContext) -> Iterator[tuple[str, Segment]]:
    for doc in ctx.run_documents or (ctx.document,):
        for seg in doc.segments:
            # plural forms differ by design; fuzzy and empty ones are not translations yet
            if seg.source and seg.target and "plural" not in seg.flags and "fuzzy" not in seg.flags:
                yield doc.target_lang, seg


def _same_lemmas(variants: list[str], lang: str) -> bool:
    """True when the variants differ only by inflection ("Цвет обводки" / "Цветом обводки").

    A string used in two grammatical contexts inflects differently; that is grammar, not
    inconsistency. Only looked at for groups that already differ, so it costs little.
    """
    from mtcheck.names.morphology import tokens

    first, *others = [[keys for _s, _e, keys in tokens(v, lang)] for v in variants]
    return all(len(other) == len(first) and all(a & b for a, b in zip(first, other, strict=True)) for other in others)


def _deviations(
    groups: dict[tuple[str, ...], list[tuple[str, Segment]]], lang_of: int | None = None
) -> Iterator[tuple[Segment, str, str, int]]:
    """(segment, its variant, the majority variant, how many units use the majority).

    ``lang_of`` is the index of the target language in the group key, when the variants
    are target texts whose inflected forms should count as one.
    """
    for key, members in groups.items():
        variants = Counter(v for v, _s in members)
        if len(variants) < 2:
            continue
        if lang_of is not None and _same_lemmas(list(variants), key[lang_of]):
            continue
        majority, count = variants.most_common(1)[0]
        for variant, seg in members:
            if variant != majority:
                yield seg, variant, majority, count


def _where(groups: dict[tuple[str, ...], list[tuple[str, Segment]]], key_of: dict[int, tuple[str, ...]],
           seg: Segment, variant: str) -> str:  # fmt: skip
    for v, other in groups[key_of[id(seg)]]:
        if v == variant:
            return f"{other.location.path}:{other.location.line}"
    return ""


@check("target-inconsistency", Severity.WARNING, scope="run")
def target_inconsistency(ctx: CheckContext) -> Iterator[Hit]:
    """The same source is translated in different ways."""
    groups: dict[tuple[str, ...], list[tuple[str, Segment]]] = {}
    originals: dict[str, str] = {}
    for lang, seg in _units(ctx):
        key = (lang, seg.context or "", normal(seg.source or ""))
        variant = normal(seg.target)
        originals.setdefault(variant, seg.target)
        groups.setdefault(key, []).append((variant, seg))
    key_of = {id(seg): key for key, members in groups.items() for _v, seg in members}
    for seg, _variant, majority, count in _deviations(groups, lang_of=0):
        words = len((seg.source or "").split())
        where = _where(groups, key_of, seg, majority)
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
    groups: dict[tuple[str, ...], list[tuple[str, Segment]]] = {}
    originals: dict[str, str] = {}
    for lang, seg in _units(ctx):
        if not any(c.isalpha() for c in seg.target):
            continue
        variant = normal(seg.source or "")
        originals.setdefault(variant, seg.source or "")
        groups.setdefault((lang, normal(seg.target)), []).append((variant, seg))
    key_of = {id(seg): key for key, members in groups.items() for _v, seg in members}
    for seg, _variant, majority, count in _deviations(groups):
        where = _where(groups, key_of, seg, majority)
        yield Hit(
            seg,
            f"“{seg.target}” translates “{seg.source}” here but “{originals[majority]}” in {count} other "
            f"unit(s), e.g. {where}",
            evidence={"subject": majority, "majority": originals[majority], "count": count, "example": where},
        )
