"""Word tokens: the unit every word-level check and the name matcher step through."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any


def iter_words(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of word tokens (letters, marks, digits, inner apostrophes and hyphens)."""
    # a list built in one comprehension: resuming a generator for every word of every
    # segment was a good part of the word-level checks' time
    return iter([match.span() for match in _word_pattern().finditer(text)])


def word_spans(text: str, known: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """:func:`iter_words` of ``text`` as a list, kept in ``known`` (text → spans) for the next
    check that asks about the same text: confusable-letters and untranslated-script split the
    same segments (those with letters of two scripts), and a check context's memo holds
    ``known`` for them both. The list is shared: callers must not change it."""
    spans = known.get(text)
    if spans is None:
        spans = known[text] = [match.span() for match in _word_pattern().finditer(text)]
    return spans


@functools.cache
def _word_pattern() -> Any:
    # compiled once: regex.finditer(str, …) looks the pattern up in a cache on every
    # call, which was most of the time of word-level checks over large catalogues
    import regex

    return regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
