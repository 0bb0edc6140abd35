"""The translator protocol. Everything that touches a model sits behind it."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from mtcheck.config import ModelSettings


class Translator(Protocol):
    """Translates a batch of texts from ``src`` to ``tgt`` (BCP-47 codes), order kept."""

    @property
    def signature(self) -> Mapping[str, str]:
        """Model id, revision or content hash, decoding settings: what shapes the output."""
        ...

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]: ...


TranslatorFactory = Callable[[ModelSettings], Translator]
