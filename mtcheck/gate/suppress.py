"""Inline suppressions a translator can write next to a unit, and ignore patterns.

A PO translator comment (``# mtcheck: ignore placeholders``), an XLIFF/TMX ``<note>``
or a CSV notes column saying ``mtcheck: ignore <check-id>[, <check-id>…]`` silences
those checks on that unit; ``mtcheck: ignore`` alone silences every check there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from mtcheck.types import Finding, Segment

_DIRECTIVE = re.compile(r"mtcheck:\s*ignore\b([^\n]*)", re.IGNORECASE)
ALL = "*"


def suppressed_checks(notes: Iterable[str]) -> frozenset[str]:
    """Check ids silenced by ``notes`` (``{"*"}`` for all)."""
    ids: set[str] = set()
    for note in notes:
        for match in _DIRECTIVE.finditer(note):
            named = [part for part in re.split(r"[\s,]+", match.group(1)) if part]
            ids.update(named or [ALL])
    return frozenset(ids)


def silenced_units(segments: Iterable[Segment]) -> dict[tuple[str | None, str], frozenset[str]]:
    """(path, segment id) → the checks an inline directive silences there, for each unit that has one."""
    silenced: dict[tuple[str | None, str], frozenset[str]] = {}
    for seg in segments:
        if seg.notes and "mtcheck" in "".join(seg.notes).lower():
            ids = suppressed_checks(seg.notes)
            if ids:
                silenced[(seg.location.path, seg.id)] = ids
    return silenced


def apply_suppressions(
    findings: Sequence[Finding], silenced: Mapping[tuple[str | None, str], frozenset[str]]
) -> tuple[list[Finding], int]:
    """Drop findings silenced where their unit is (:func:`silenced_units`); return the rest and how many went."""
    if not silenced:
        return list(findings), 0
    kept = []
    for finding in findings:
        ids = silenced.get((finding.location.path, finding.segment_id), frozenset())
        if ALL in ids or finding.check in ids:
            continue
        kept.append(finding)
    return kept, len(findings) - len(kept)


def apply_ignore(findings: Sequence[Finding], patterns: Sequence[str]) -> tuple[list[Finding], int]:
    """Drop findings whose flagged text or subject matches one of ``patterns`` (regular expressions)."""
    if not patterns:
        return list(findings), 0
    compiled = [re.compile(p) for p in patterns]
    kept = []
    for finding in findings:
        subjects = [finding.text, str(finding.evidence.get("subject", ""))]
        if any(rx.search(s) for rx in compiled for s in subjects if s):
            continue
        kept.append(finding)
    return kept, len(findings) - len(kept)
