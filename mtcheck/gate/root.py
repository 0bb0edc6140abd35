"""The project root, and paths relative to it.

Reports, SARIF URIs and baseline fingerprints name files relative to the project root
(the folder of the configuration file, else the git root, else the working directory),
written with "/". A baseline recorded at the root then matches a run started in a
subdirectory, or one given absolute paths.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from pathlib import Path

from mtcheck.types import Document, Finding, Report

# report details keyed by document path
_BY_DOCUMENT = ("back_translations", "alignment", "round_trips", "failed")


def find_root(config_path: Path | None = None, start: Path | None = None) -> Path:
    """The folder of ``config_path``, else the nearest folder with ``.git``, else ``start`` (the working directory)."""
    if config_path is not None:
        return config_path.resolve().parent
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def relative_to_root(path: str | None, root: Path) -> str | None:
    """``path`` (relative to the working directory, or absolute) as a POSIX path relative to ``root``."""
    if not path:
        return path
    absolute = os.path.abspath(path)  # noqa: PTH100 - resolve() would follow links; the path as named is wanted
    try:
        relative = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows: no relative path exists
        return Path(absolute).as_posix()
    return Path(relative).as_posix()


def rebase_report(report: Report, root: Path) -> Report:
    """The report with every finding's and document's path relative to ``root``."""
    memo: dict[str | None, str | None] = {}

    def rebase(path: str | None) -> str | None:
        if path not in memo:
            memo[path] = relative_to_root(path, root)
        return memo[path]

    def moved(finding: Finding) -> Finding:
        # most paths are already relative to the root (a run from it): those findings are kept as
        # they are, which spares a re-run of a large project rebuilding every one of them
        path = rebase(finding.location.path)
        if path == finding.location.path:
            return finding
        return dataclasses.replace(finding, location=dataclasses.replace(finding.location, path=path))

    findings = tuple(moved(f) for f in report.findings)
    documents = tuple(_rebase_document(d, rebase) for d in report.documents)
    details = dict(report.details)
    for key in _BY_DOCUMENT:
        if isinstance(details.get(key), Mapping):
            details[key] = {rebase(k): v for k, v in details[key].items()}
    return dataclasses.replace(report, findings=findings, documents=documents, details=details, root=str(root))


def _rebase_document(doc: Document, rebase: Callable[[str | None], str | None]) -> Document:
    return dataclasses.replace(doc, path=rebase(doc.path), original_path=rebase(doc.original_path))
