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

# A "sentence" longer than this is no sentence (a file with no punctuation, a dump on one
# line): it is cut at spaces, so that memory and time stay bounded per segment and a
# 50 MB single-line file is checked piece by piece. The longest sentence of the WMT
# news test sets is under 1,500 characters.
MAX_SEGMENT_CHARS = 3000


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


def _cut(text: str, start: int, end: int, size: int) -> Iterator[Offsets]:
    """``text[start:end]`` in pieces of at most ``size`` characters, each ending at a space where there is one."""
    while end - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        cut = cut if cut > start else start + size
        yield start, cut
        start = cut
    yield start, end


def split_sentences(text: str, lang: str) -> list[Offsets]:
    """Return ``(start, end)`` offsets of the sentences of ``text``, whitespace trimmed."""
    code = base_language(lang)
    spans: list[Offsets] = []
    line_start = 0
    for line in text.split("\n"):
        if line.strip():
            for s, e in _sentences_in_line(line, code):
                for a, b in _cut(text, line_start + s, line_start + e, MAX_SEGMENT_CHARS):
                    piece = text[a:b]
                    trimmed = piece.strip()
                    if trimmed:
                        lead = len(piece) - len(piece.lstrip())
                        spans.append((a + lead, a + lead + len(trimmed)))
        line_start += len(line) + 1
    return spans
