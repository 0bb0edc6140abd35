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


@functools.cache
def _word_pattern() -> Any:
    # compiled once: regex.finditer(str, …) looks the pattern up in a cache on every
    # call, which was most of the time of word-level checks over large catalogues
    import regex

    return regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
