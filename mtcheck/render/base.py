"""The renderer protocol: a report in, text out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from mtcheck.types import Report, Severity


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    width: int = 80
    fail_on: Severity | None = Severity.ERROR


class Renderer(Protocol):
    """Turns a report into a string: terminal text, JSON, SARIF, JUnit, Markdown…"""

    def __call__(self, report: Report, options: RenderOptions) -> str: ...
