"""Invisible characters inside words: bidi controls, zero-width spaces and joiners."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.read.languages import base_language, script_of
from mtcheck.read.words import iter_words
from mtcheck.types import Severity, Span

# Format characters (Unicode category Cf) that change how a word is matched or displayed
# while staying invisible: a name with a zero-width space inside never matches a glossary.
_JOINERS = {"\u200c", "\u200d"}  # ZWNJ/ZWJ are part of correct spelling in Arabic-script Persian, Indic…
# Right-to-left text needs direction marks and isolates next to embedded Latin words and
# numbers (the Unicode Bidirectional Algorithm, UAX #9, recommends them); translators of
# Arabic and Hebrew catalogues put them there on purpose. Embeddings and overrides
# (U+202A–U+202E) are still flagged: they reorder text visibly and are rarely intended.
_DIRECTION_MARKS = {"\u200e", "\u200f", "\u061c", "\u2066", "\u2067", "\u2068", "\u2069"}
_RIGHT_TO_LEFT = {"ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "dv", "ckb"}


@check("hidden-character", Severity.WARNING)
def hidden_character(ctx: CheckContext) -> Iterator[Hit]:
    """Invisible control character inside a word."""
    allowed: set[str] = set()
    if script_of(ctx.document.target_lang) != "Latn":
        allowed |= _JOINERS
    if base_language(ctx.document.target_lang) in _RIGHT_TO_LEFT:
        allowed |= _DIRECTION_MARKS
    for seg in ctx.document.segments:
        if seg.target.isascii():
            continue
        for start, end in _words_with_format_chars(seg.target):
            word = seg.target[start:end]
            hidden = [c for c in word if unicodedata.category(c) == "Cf"]
            if set(hidden) <= allowed:
                continue
            names = sorted({f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in hidden})
            clean = "".join(c for c in word if unicodedata.category(c) != "Cf")
            yield Hit(
                seg,
                f"invisible character inside “{clean}”: {', '.join(names)}",
                span=Span(start, end),
                suggestion=clean,
                evidence={"characters": names},
            )


def _words_with_format_chars(text: str) -> Iterator[tuple[int, int]]:
    """Words, where a run of letters joined by format characters counts as one word."""
    words = list(iter_words(text))
    i = 0
    while i < len(words):
        start, end = words[i]
        has_cf = False
        while i + 1 < len(words):
            gap = text[end : words[i + 1][0]]
            if gap and all(unicodedata.category(c) == "Cf" for c in gap):
                has_cf = True
                end = words[i + 1][1]
                i += 1
            else:
                break
        # leading or trailing format characters glued to the word count too
        while start > 0 and unicodedata.category(text[start - 1]) == "Cf":
            start, has_cf = start - 1, True
        while end + 1 < len(text) and unicodedata.category(text[end]) == "Cf" and text[end + 1].isalnum():
            end, has_cf = end + 1, True
        if has_cf:
            yield start, end
        i += 1
