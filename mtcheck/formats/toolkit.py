"""Lazy access to translate-toolkit (GPL-3.0-or-later, as mtcheck is), with a clear error when absent."""

from __future__ import annotations

import importlib
from types import ModuleType

from mtcheck.errors import MissingDependencyError


def storage(module: str) -> ModuleType:
    """``translate.storage.<module>``, imported on first use."""
    try:
        return importlib.import_module(f"translate.storage.{module}")
    except ImportError:
        raise MissingDependencyError("translate-toolkit", "loc") from None
