"""The parts of a string that are code, not words: placeholders, markup, URLs, e-mail addresses.

Checks that read numbers or words blank these first, so that "%1$s", "example.com/2" or
"<b>" add no number and no untranslated word.
"""

from __future__ import annotations

import regex

from mtcheck.read.placeholders import all_placeholders, tag_placeholders

URL = regex.compile(r"\b(?:https?|ftp)://[^\s<>\"'«»“”]+|\bwww\.[\w-]+(?:\.[\w-]+)+[^\s<>\"'«»“”]*", regex.IGNORECASE)
EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# sentence punctuation after a link belongs to the sentence: "see example.com."
_TRAILING = ".,;:!?)]}»”'’"


def links(text: str, pattern: regex.Pattern[str]) -> list[tuple[str, int, int]]:
    """Each match of ``pattern`` (:data:`URL` or :data:`EMAIL`) as (value, start, end), minus trailing punctuation."""
    found = []
    for m in pattern.finditer(text):
        value = m.group(0).rstrip(_TRAILING)
        found.append((value, m.start(), m.start() + len(value)))
    return found


def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every placeholder, tag, URL and e-mail address in ``text``."""
    # each kind needs a character most strings lack (printf "%", variables "$", braces
    # "{", tags "<", URLs "://" or "www.", addresses "@"): the checks ask about every
    # string of a catalogue, and the scans cost far more than these tests
    spans: list[tuple[int, int]] = []
    if "%" in text or "$" in text or "{" in text:
        spans += [(p.start, p.end) for p in all_placeholders(text)]
    if "<" in text:
        spans += [(p.start, p.end) for p in tag_placeholders(text)]
    if "." in text or "://" in text:
        spans += [(s, e) for _v, s, e in links(text, URL)]
    if "@" in text:
        spans += [(s, e) for _v, s, e in links(text, EMAIL)]
    return spans
