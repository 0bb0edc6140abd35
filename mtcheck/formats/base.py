"""The reader protocol: a file in, documents out (defined in :mod:`mtcheck.types`)."""

from __future__ import annotations

from mtcheck.types import Languages, Reader

__all__ = ["Languages", "Reader"]
