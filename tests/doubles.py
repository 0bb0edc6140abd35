"""Test doubles for the Translator protocol (never used by product code)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class DictTranslator:
    """Returns known translations from tables keyed by (src, tgt); unknown input is a test bug."""

    def __init__(self, tables: Mapping[tuple[str, str], Mapping[str, str]]) -> None:
        self.tables = tables
        self.calls: list[tuple[str, str, int]] = []

    @property
    def signature(self) -> Mapping[str, str]:
        return {"model": "dict-double", "revision": "test"}

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        self.calls.append((src, tgt, len(texts)))
        table = self.tables[(src, tgt)]
        return [table[text] for text in texts]
