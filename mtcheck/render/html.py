"""The HTML review page: one self-contained file (CSS and JS inline, no network).

Summary first, then the wire copy side by side (original | translation |
back-translation per aligned link) with every finding at its span, and the units of
catalogues that have findings. The work is in :mod:`mtcheck.render._html_view`, imported
(with Jinja2) only when HTML is asked for: the registry imports this module for any format.
"""

from __future__ import annotations

from mtcheck.registry import RENDERERS
from mtcheck.render.base import RenderOptions
from mtcheck.types import Report


@RENDERERS.register("html")
def render_html(report: Report, options: RenderOptions) -> str:
    from mtcheck.render._html_view import render

    return render(report, options)
