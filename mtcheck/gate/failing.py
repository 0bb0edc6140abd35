"""``--write-failing DIR``: the units with findings, as catalogues that translators fix and
merge back (pofilter's workflow: ``pofilter`` writes the failing units, translators edit
them, ``pomerge -t original.po -i fixed.po -o original.po`` puts them back).

The catalogues are read and written with translate-toolkit's storage classes, so the
units keep their comments, flags, contexts and XLIFF ids, which is what pomerge matches on.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mtcheck.errors import InputError
from mtcheck.formats.toolkit import storage
from mtcheck.types import Report

# the formats whose units translate-toolkit can write back (and pomerge can merge)
MERGEABLE = frozenset({"po", "xliff"})


def _unit_id(unit: Any, fmt: str) -> str:
    """The unit id the readers put in ``Location.unit_id`` (formats/po.py, formats/xliff.py)."""
    context, _sep, ident = str(unit.getid() or "").rpartition("\x04")
    if fmt == "xliff":
        return f"{context}#{ident}" if context else ident
    return f"{context} | {ident}" if context else ident


def _destination(folder: Path, path: str) -> Path:
    relative = os.path.relpath(Path(path).resolve())
    return folder / (Path(path).name if relative.startswith("..") else relative)


def write_failing_units(report: Report, folder: Path) -> Iterator[Path]:
    """Write one catalogue per checked PO/XLIFF file that has findings; yield each path written."""
    failing: dict[str, set[str]] = defaultdict(set)
    for finding in report.findings:
        if finding.location.path and finding.location.unit_id:
            failing[finding.location.path].add(finding.location.unit_id)
    formats = {doc.path: doc.format for doc in report.documents if doc.path}
    factory = storage("factory")
    for path, ids in failing.items():
        if formats.get(path) not in MERGEABLE:
            continue
        try:
            store = factory.getobject(path)
        except (OSError, ValueError) as exc:
            raise InputError(f"{path}: cannot read it again to write the failing units ({exc})") from None
        # the catalogue itself less its other units: header, <file> elements and ids stay as
        # they were, so pomerge finds each unit again
        for unit in list(store.units):
            if not unit.isheader() and _unit_id(unit, formats[path]) not in ids:
                store.removeunit(unit)
        target = _destination(folder, path)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(bytes(store))
        except OSError as exc:
            raise InputError(f"cannot write {target}: {exc.strerror or exc}") from None
        yield target
