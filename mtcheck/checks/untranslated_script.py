"""Text left in the source language's script inside a translation."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check, iter_words
from mtcheck.languages import script_of
from mtcheck.types import Severity, Span

_SCRIPT_PREFIX = {"Arab": "ARABIC", "Cyrl": "CYRILLIC", "Latn": "LATIN", "Grek": "GREEK", "Hebr": "HEBREW"}


def _script(word: str) -> str | None:
    for char in word:
        if char.isalpha():
            name = unicodedata.name(char, "")
            for script, prefix in _SCRIPT_PREFIX.items():
                if name.startswith(prefix):
                    return script
            return None
    return None


def _kept_on_purpose(target: str, source: str | None) -> set[tuple[int, int]]:
    """Word spans of a localisation unit that are code or names copied from its source.

    Placeholders and markup (``%s``, ``<b>``) are code; in a paired unit, a word copied
    verbatim from the source that is an acronym, a capitalised name, holds a digit or is
    a single letter ("SVG", "Firefox", "Ctrl", "OAuth2", "X") is kept on purpose, while a
    copied lowercase word ("small") may still be an untranslated fragment.
    """
    if source is None:
        return set()
    from mtcheck.placeholders import all_placeholders, tag_placeholders

    code = [(p.start, p.end) for p in all_placeholders(target) + tag_placeholders(target)]
    source_words = {source[s:e] for s, e in iter_words(source)}
    kept = set()
    for start, end in iter_words(target):
        word = target[start:end]
        inside_code = any(s <= start and end <= e for s, e in code) or any(start < e and s < end for s, e in code)
        name_like = len(word) == 1 or not word[0].islower() or any(c.isdigit() for c in word)
        if inside_code or (word in source_words and name_like):
            kept.add((start, end))
    return kept


@check("untranslated-script", Severity.WARNING)
def untranslated_script(ctx: CheckContext) -> Iterator[Hit]:
    """Words left in the source language's script."""
    doc = ctx.document
    source_script, target_script = script_of(doc.source_lang), script_of(doc.target_lang)
    if source_script == target_script:
        return  # same script: an untranslated word cannot be told by its letters
    for seg in doc.segments:
        run: list[tuple[int, int]] = []
        words = list(iter_words(seg.target))
        foreign = [(s, e) for s, e in words if _script(seg.target[s:e]) == source_script]
        if not foreign:
            continue
        kept = _kept_on_purpose(seg.target, seg.source)
        for start, end in [*words, (len(seg.target), len(seg.target))]:
            if start < end and (start, end) in foreign and (start, end) not in kept:
                run.append((start, end))
                continue
            if run:
                span = Span(run[0][0], run[-1][1])
                yield Hit(
                    seg,
                    f"{len(run)} word(s) left in {source_script} script: “{span.of(seg.target)}”",
                    span=span,
                    evidence={"script": source_script, "expected_script": target_script},
                )
                run = []
