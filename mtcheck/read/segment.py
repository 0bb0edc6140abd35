"""Sentence segmentation with exact character offsets.

We use Wikimedia's ``sentencex`` (rule-based, maintained, ~300 languages with
fallback chains, abbreviation lists for Latin, Cyrillic and Arabic script). Its
pieces concatenate back to the input, so offsets are exact; we still locate each
piece with ``str.find`` so that a future version that trims whitespace cannot
shift a span silently.

Lines are segmented one by one: a line break always ends a sentence, because in
news copy and localisation files a line without final punctuation is a headline,
caption or list item, not the start of the next sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.read.languages import base_language

Offsets = tuple[int, int]


def _sentences_in_line(line: str, lang: str) -> Iterator[Offsets]:
    import sentencex

    cursor = 0
    for piece in sentencex.segment(lang, line):
        stripped = piece.strip()
        if not stripped:
            continue
        start = line.find(stripped, cursor)
        if start < 0:  # pragma: no cover - defensive, sentencex keeps the text intact
            continue
        end = start + len(stripped)
        cursor = end
        yield start, end


def split_sentences(text: str, lang: str) -> list[Offsets]:
    """Return ``(start, end)`` offsets of the sentences of ``text``, whitespace trimmed."""
    code = base_language(lang)
    spans: list[Offsets] = []
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            spans.extend((line_start + s, line_start + e) for s, e in _sentences_in_line(line, code))
        line_start += len(line) + 1
    return spans
