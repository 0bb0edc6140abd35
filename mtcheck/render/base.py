"""The renderer protocol: a report in, text out (defined in :mod:`mtcheck.types`)."""

from __future__ import annotations

from mtcheck.types import Renderer, RenderOptions

__all__ = ["RenderOptions", "Renderer"]
