"""The translator protocol (defined in :mod:`mtcheck.types`). Everything that touches a model sits behind it."""

from __future__ import annotations

from mtcheck.types import Translator, TranslatorFactory

__all__ = ["Translator", "TranslatorFactory"]
