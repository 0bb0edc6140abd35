"""One-line formats that CI systems and editors read: concise, GitHub workflow commands,
GitLab Code Quality, and ruff-style statistics.

* ``concise``: ``path:line:col severity check-id message``, one line per finding (grep,
  editors' quickfix lists).
* ``github``: workflow commands (``::warning file=…,line=…,col=…,title=…::message``) that
  GitHub Actions turns into annotations on the pull request.
* ``gitlab``: the Code Quality report (a JSON list) that GitLab shows in merge requests.
"""

from __future__ import annotations

import json
from collections import Counter

from mtcheck.registry import CHECKS, RENDERERS
from mtcheck.render.base import RenderOptions
from mtcheck.types import Finding, Report, Severity

_GITHUB_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# GitLab's severities are info, minor, major, critical, blocker
_GITLAB_LEVEL = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def one_line(text: str) -> str:
    """``text`` with its line breaks shown as spaces, so a finding stays on one line."""
    return " ".join(text.split())


def location_line(f: Finding) -> str:
    """``path:line:col severity check-id message``: the first line of every text format."""
    where = f"{f.location.path or '<stdin>'}:{f.location.line}:{f.location.column}"
    return f"{where} {f.severity} {f.check} {one_line(f.message)}"


@RENDERERS.register("concise")
def render_concise(report: Report, options: RenderOptions) -> str:
    return "".join(location_line(f) + "\n" for f in report.findings)


def _escape_data(text: str) -> str:
    # the escapes GitHub's toolkit (@actions/core, command.ts) applies to a command's message
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


@RENDERERS.register("github")
def render_github(report: Report, options: RenderOptions) -> str:
    lines = []
    for f in report.findings:
        props = {
            "file": f.location.path or "<stdin>",
            "line": str(max(f.location.line, 1)),
            "col": str(max(f.location.column, 1)),
            "title": f"mtcheck {f.check}",
        }
        head = ",".join(f"{k}={_escape_property(v)}" for k, v in props.items())
        message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
        lines.append(f"::{_GITHUB_LEVEL[f.severity]} {head}::{_escape_data(message)}\n")
    return "".join(lines)


@RENDERERS.register("gitlab")
def render_gitlab(report: Report, options: RenderOptions) -> str:
    issues = [
        {
            "description": one_line(f.message),
            "check_name": f.check,
            "fingerprint": f.fingerprint,
            "severity": _GITLAB_LEVEL[f.severity],
            "location": {"path": f.location.path or "<stdin>", "lines": {"begin": max(f.location.line, 1)}},
        }
        for f in report.findings
    ]
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"


def render_statistics(report: Report) -> str:
    """ruff's ``--statistics``: how many findings each check made, most first."""
    counts = Counter(f.check for f in report.findings)
    lines = []
    for check_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        title = CHECKS.get(check_id).title if check_id in CHECKS else ""
        lines.append(f"{count:5}  {check_id:26} {title}\n")
    return "".join(lines)
