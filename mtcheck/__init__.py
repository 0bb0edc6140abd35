"""mtcheck: back-translation, alignment and name-aware checks for translated text.

The Python API mirrors the CLI::

    from mtcheck import Config, check_files
    report = check_files(["copy.txt"], Config(source_lang="ar"))
    for finding in report.findings:
        print(finding.location, finding.check, finding.message, finding.suggestion)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mtcheck.version import __version__

__all__ = [
    "Config",
    "Document",
    "Finding",
    "ModelSettings",
    "Report",
    "Segment",
    "Severity",
    "Span",
    "__version__",
    "check_documents",
    "check_files",
    "check_text",
]

_LAZY = {
    "Config": "mtcheck.config",
    "ModelSettings": "mtcheck.config",
    "Document": "mtcheck.types",
    "Finding": "mtcheck.types",
    "Report": "mtcheck.types",
    "Segment": "mtcheck.types",
    "Severity": "mtcheck.types",
    "Span": "mtcheck.types",
    "check_documents": "mtcheck.pipeline",
    "check_files": "mtcheck.execute",
    "check_text": "mtcheck.pipeline",
}

if TYPE_CHECKING:
    from mtcheck.config import Config, ModelSettings
    from mtcheck.execute import check_files
    from mtcheck.pipeline import check_documents, check_text
    from mtcheck.types import Document, Finding, Report, Segment, Severity, Span


def __getattr__(name: str) -> Any:
    # Lazy so that `import mtcheck` (and `mtcheck --help`) stays fast.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'mtcheck' has no attribute {name!r}")
