"""A Markdown summary for a pull-request comment: verdict, counts per check, first findings."""

from __future__ import annotations

from collections import Counter

from mtcheck.config import fail_on_name
from mtcheck.registry import CHECKS, RENDERERS
from mtcheck.render.base import RenderOptions
from mtcheck.types import Report

MAX_ROWS = 50


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


@RENDERERS.register("markdown")
def render_markdown(report: Report, options: RenderOptions) -> str:
    passed = report.exit_code(options.fail_on) == 0
    gate = fail_on_name(options.fail_on)
    counts = report.counts()
    lines = [
        f"## mtcheck: {'✅ passed' if passed else '❌ failed'} (fail on {gate})",
        "",
        f"{len(report.documents)} file(s), {report.scores.get('segments', 0)} unit(s): "
        + ", ".join(f"{n} {sev}" for sev, n in counts.items()),
        "",
    ]
    lines += [f"> {note}" for note in report.notes]
    if report.notes:
        lines.append("")
    by_check = Counter(f.check for f in report.findings)
    if by_check:
        lines += ["| check | findings | what |", "|---|---:|---|"]
        for check_id, n in by_check.most_common():
            title = CHECKS.get(check_id).title if check_id in CHECKS else ""
            lines.append(f"| `{check_id}` | {n} | {_cell(title)} |")
        lines += ["", "| where | severity | check | message |", "|---|---|---|---|"]
        ordered = sorted(report.findings, key=lambda f: -f.severity)
        for f in ordered[:MAX_ROWS]:
            where = f"`{f.location.path}:{f.location.line}`"
            lines.append(f"| {where} | {f.severity} | `{f.check}` | {_cell(f.message)} |")
        if len(ordered) > MAX_ROWS:
            lines.append(f"\n…and {len(ordered) - MAX_ROWS} more (see the SARIF or JSON report).")
    return "\n".join(lines) + "\n"
