"""Baselines: accept today's findings so that a gate fails only on new ones.

A baseline file records each finding's :attr:`~mtcheck.types.Finding.fingerprint`
(check, file, unit id, unit text and flagged text, never line numbers) with how many
times it occurs, so a unit moved within its file keeps its fingerprint and one more
occurrence of an old problem still counts as new.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mtcheck.errors import ConfigError, InputError
from mtcheck.read.files import write_atomic
from mtcheck.types import Finding, Report
from mtcheck.version import __version__

FORMAT = "mtcheck-baseline"
VERSION = 1


def baseline_dict(findings: Sequence[Finding]) -> dict[str, Any]:
    counts = Counter(f.fingerprint for f in findings)
    entries: dict[str, dict[str, Any]] = {}
    for f in findings:
        entry = entries.setdefault(
            f.fingerprint,
            {"check": f.check, "path": f.location.path, "unit": f.location.unit_id, "message": f.message},
        )
        entry["count"] = counts[f.fingerprint]
    return {"format": FORMAT, "version": VERSION, "mtcheck": __version__, "findings": dict(sorted(entries.items()))}


def write_baseline(findings: Sequence[Finding], path: Path) -> None:
    text = json.dumps(baseline_dict(findings), ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    write_atomic(path, text)


def read_baseline(path: Path) -> Counter[str]:
    """Fingerprint → accepted count."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a baseline file ({exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a baseline file (JSON nested too deep)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), dict):
        raise ConfigError(f"{path}: not an mtcheck baseline (make one with: mtcheck baseline FILES -o {path})")
    if data.get("version") != VERSION:
        raise ConfigError(
            f"{path}: baseline version {data.get('version')!r} is not one this mtcheck reads ({VERSION}); "
            f"record it again with: mtcheck baseline FILES -o {path}"
        )
    accepted: Counter[str] = Counter()
    for fingerprint, entry in data["findings"].items():
        count = entry.get("count", 1) if isinstance(entry, dict) else None
        # bool is an int to Python, but never a count a baseline writes
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ConfigError(f"{path}: finding {fingerprint!r} has no valid count (an edited or corrupt baseline)")
        accepted[fingerprint] = count
    return accepted


def filter_new(findings: Sequence[Finding], accepted: Counter[str]) -> tuple[list[Finding], int]:
    """The findings not covered by the baseline, and how many were."""
    budget = Counter(accepted)
    new = []
    for f in findings:
        if budget[f.fingerprint] > 0:
            budget[f.fingerprint] -= 1
        else:
            new.append(f)
    return new, len(findings) - len(new)


def apply_baseline(report: Report, path: Path) -> Report:
    """A report with only the findings that are not in the baseline at ``path``."""
    new, known = filter_new(report.findings, read_baseline(path))
    details = {**report.details, "baseline": {"path": str(path), "known": known, "new": len(new)}}
    notes = (*report.notes, f"{known} known finding(s) hidden by baseline {path}")
    return dataclasses.replace(report, findings=tuple(new), notes=notes, details=details)
