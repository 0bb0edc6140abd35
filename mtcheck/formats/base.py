"""The reader protocol: a file in, documents out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from mtcheck.types import Document


@dataclass(frozen=True)
class Languages:
    """Languages given on the command line or in the config; a reader may know better."""

    source: str | None = None
    target: str | None = None


class Reader(Protocol):
    """Reads one file format. ``extensions`` are matched case-insensitively, with the dot."""

    name: str
    extensions: tuple[str, ...]

    def read(self, path: Path, languages: Languages) -> Sequence[Document]:
        """Parse ``path``; raise :class:`~mtcheck.errors.InputError` on malformed input.

        Languages the file does not state are taken from ``languages``; a reader leaves
        ``""`` where neither knows, and the pipeline detects or asks for them.
        """
        ...
