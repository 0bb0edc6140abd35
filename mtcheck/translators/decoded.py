"""A translator's output and whether it is degenerate: what back-translation builds on, or not."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Decoded:
    """One output, and whether the model ended it itself (False: it ran to the length cap)."""

    text: str
    ended: bool = True


# A stretch of 2-40 characters, starting with a letter, said four times or more in a row:
# "of the country of the country of the country of the country". News text does not do that;
# a decoder caught in a loop does, often ending the sentence after a few rounds.
_LOOP = re.compile(r"([^\W\d_].{1,39}?)(?:\s*\1){3,}", re.DOTALL)


def repeats_itself(text: str) -> bool:
    """Whether an output contains a repetition loop (see ``_LOOP``)."""
    return _LOOP.search(text) is not None
