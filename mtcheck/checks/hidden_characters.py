"""Invisible characters: bidi controls that can reorder text (Trojan Source), and
zero-width characters inside words.

The bidi rule (README, "Input it refuses, and how"):

- The embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are flagged
  wherever they stand when they are unbalanced within the segment (an opener with no
  closer, or a closer with no opener), or when the segment has no right-to-left text
  that could need them. Balanced controls in right-to-left text are how translators
  keep an embedded Latin word or number in order (UAX #9), so they pass.
- The marks U+200E, U+200F and U+061C are normal in right-to-left text: they are
  flagged only inside a word of a left-to-right script (between two such letters).
- Other format characters (zero-width space, word joiner…) are flagged inside a word;
  ZWNJ/ZWJ pass in non-Latin scripts, where they are part of correct spelling. One that
  stands before a word's first letter (after a space), where it splits nothing, is a hint.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.read.languages import script_of
from mtcheck.read.words import iter_words
from mtcheck.types import Segment, Severity, Span

_JOINERS = {"\u200c", "\u200d"}  # ZWNJ/ZWJ are part of correct spelling in Arabic-script Persian, Indic…
_EMBEDDINGS = {"\u202a", "\u202b", "\u202d", "\u202e"}  # LRE RLE LRO RLO, closed by PDF
_PDF = "\u202c"
_ISOLATES = {"\u2066", "\u2067", "\u2068"}  # LRI RLI FSI, closed by PDI
_PDI = "\u2069"
_CONTROLS = _EMBEDDINGS | _ISOLATES | {_PDF, _PDI}
_MARKS = {"\u200e", "\u200f", "\u061c"}  # LRM RLM ALM
_RTL_CLASSES = {"R", "AL"}


@check("hidden-character", Severity.WARNING)
def hidden_character(ctx: CheckContext) -> Iterator[Hit]:
    """Invisible control character inside a word, or a bidi control that can reorder text."""
    allowed = _JOINERS if script_of(ctx.document.target_lang) != "Latn" else set()
    for seg in ctx.document.segments:
        if seg.target.isascii() or not _has_format_char(seg.target):
            continue
        yield from _bidi_controls(seg)
        yield from _marks_in_ltr_words(seg)
        yield from _format_chars_in_words(seg, allowed)


def _has_format_char(text: str) -> bool:
    """Whether ``text`` holds a format character (category Cf): every rule below needs one.

    The bidi controls and marks are format characters too. One scan in C (the regex
    module's Cf class) spares most segments any per-character pass; what it finds is
    confirmed with :mod:`unicodedata`, which the rules below use, should the two
    libraries' Unicode versions differ on a character.
    """
    return any(unicodedata.category(c) == "Cf" for c in _FORMAT_CHAR.findall(text))


# a superset of unicodedata's Cf on this Python: tests/test_findings_stable.py holds it to that
_FORMAT_CHAR = regex.compile(r"\p{Cf}")


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '?')}"


def _bidi_controls(seg: Segment) -> Iterator[Hit]:
    text = seg.target
    positions = [i for i, c in enumerate(text) if c in _CONTROLS]
    if not positions:
        return
    has_rtl = any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text)
    flagged = set(positions) if not has_rtl else _unbalanced(text, positions)
    reason = "in a segment with no right-to-left text" if not has_rtl else "unbalanced in the segment"
    for i in sorted(flagged):
        # inside a word, point at the word and suggest it without the control
        start, end = _word_around(text, i)
        clean = "".join(c for c in text[start:end] if c not in _CONTROLS)
        yield Hit(
            seg,
            f"bidi control {_name(text[i])} {reason}: it can reorder how the text displays",
            span=Span(start, end),
            suggestion=clean,
            evidence={"characters": [_name(text[i])], "rule": "bidi-control"},
        )


def _word_around(text: str, i: int) -> tuple[int, int]:
    """The span of the word that the format character at ``i`` stands in, or of the character alone."""
    return next(((s, e) for s, e in _words_with_format_chars(text) if s <= i < e), (i, i + 1))


def _unbalanced(text: str, positions: list[int]) -> set[int]:
    """Controls with no partner: openers never closed, closers with nothing open (UAX #9 pairing, simplified)."""
    stack: list[int] = []  # open embeddings and isolates, innermost last
    bad: set[int] = set()
    for i in positions:
        char = text[i]
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append(i)
        elif char == _PDF:
            if stack and text[stack[-1]] in _EMBEDDINGS:
                stack.pop()
            else:
                bad.add(i)
        else:  # PDI closes the innermost isolate and any embedding opened inside it
            while stack and text[stack[-1]] in _EMBEDDINGS:
                bad.add(stack.pop())
            if stack:
                stack.pop()
            else:
                bad.add(i)
    return bad | set(stack)


def _marks_in_ltr_words(seg: Segment) -> Iterator[Hit]:
    text = seg.target
    for i, char in enumerate(text):
        if char not in _MARKS or i == 0 or i + 1 == len(text):
            continue
        before, after = text[i - 1], text[i + 1]
        if before.isalpha() and after.isalpha() and {unicodedata.bidirectional(c) for c in (before, after)} == {"L"}:
            start, end = _word_around(text, i)
            yield Hit(
                seg,
                f"direction mark {_name(char)} inside a left-to-right word",
                span=Span(start, end),
                suggestion=text[start:end].replace(char, ""),
                evidence={"characters": [_name(char)], "rule": "mark-in-word"},
            )


def _format_chars_in_words(seg: Segment, allowed: set[str]) -> Iterator[Hit]:
    for start, end in _words_with_format_chars(seg.target):
        word = seg.target[start:end]
        hidden = [c for c in word if unicodedata.category(c) == "Cf" and c not in _CONTROLS and c not in _MARKS]
        if set(hidden) <= allowed:
            continue
        names = sorted({_name(c) for c in hidden})
        clean = "".join(c for c in word if unicodedata.category(c) != "Cf")
        # Before the word's first letter, after a space or punctuation, the character splits
        # nothing: search, spelling and line breaking see the same word (pasted text often
        # carries "\u200b\u200b" there). A hint; inside the word it breaks it.
        body = word.lstrip("".join(hidden))
        edge = not any(c in hidden for c in body)
        yield Hit(
            seg,
            f"invisible character {'before' if edge else 'inside'} “{clean}”: {', '.join(names)}",
            span=Span(start, end),
            suggestion=clean,
            evidence={"characters": names},
            severity=Severity.INFO if edge else None,
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
