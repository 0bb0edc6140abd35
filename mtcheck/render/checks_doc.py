"""What each check is, read from the check registry: ``mtcheck checks --explain ID``,
``mtcheck checks --format json``, the SARIF rule metadata and docs/checks.md.

Everything comes from the registered check itself: its id, severity and title, the
docstrings of its function and module (what it flags and why), and the thresholds it
reads from ``[thresholds]`` in mtcheck.toml (its options, found in its source).
"""

from __future__ import annotations

import inspect
import re
import sys
from dataclasses import dataclass
from typing import Any

from mtcheck.registry import CHECKS

DOCS_PATH = "docs/checks.md"
DOCS_URI = "https://github.com/mtcheck/mtcheck/blob/main/docs/checks.md"
# ctx.config.threshold("low-adequacy.chrf", CHRF_FLOOR)
_THRESHOLD = re.compile(r"""\.threshold\(\s*["']([^"']+)["']\s*,\s*([^)]+?)\s*\)""")


@dataclass(frozen=True)
class CheckInfo:
    id: str
    name: str
    title: str
    severity: str
    enabled_by_default: bool
    needs: tuple[str, ...]
    scope: str
    description: str
    options: tuple[tuple[str, str], ...]

    @property
    def anchor(self) -> str:
        """The heading anchor of the check's section in docs/checks.md (GitHub's slug of ``## id``)."""
        return self.id

    @property
    def help_uri(self) -> str:
        return f"{DOCS_URI}#{self.anchor}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "title": self.title,
            "severity": self.severity,
            "enabled_by_default": self.enabled_by_default,
            "needs": list(self.needs),
            "scope": self.scope,
            "description": self.description,
            "options": {key: default for key, default in self.options},
            "help_uri": self.help_uri,
        }


def rule_name(check_id: str) -> str:
    """``name-missing`` → ``NameMissing``: SARIF wants a rule name that differs from its id."""
    return "".join(part.title() for part in check_id.split("-"))


def _paragraphs(doc: str | None, skip_first_line: bool) -> str:
    text = inspect.cleandoc(doc or "")
    if skip_first_line:
        text = text.partition("\n")[2].strip()
    return text


def _options(func: Any) -> tuple[tuple[str, str], ...]:
    module = sys.modules.get(func.__module__)
    try:
        source = inspect.getsource(module) if module else ""
    except (OSError, TypeError):
        return ()
    found: dict[str, str] = {}
    for key, default in _THRESHOLD.findall(source):
        value = getattr(module, default, default)
        found.setdefault(key, str(value))
    return tuple(found.items())


def check_info(check_id: str) -> CheckInfo:
    chk = CHECKS.get(check_id)
    func = chk.run
    module = sys.modules.get(getattr(func, "__module__", ""))
    parts = [_paragraphs(module.__doc__ if module else None, False), _paragraphs(func.__doc__, True)]
    return CheckInfo(
        id=check_id,
        name=rule_name(check_id),
        title=chk.title,
        severity=str(chk.severity),
        enabled_by_default=bool(getattr(chk, "enabled_by_default", True)),
        needs=tuple(sorted(getattr(chk, "needs", ()))),
        scope=str(getattr(chk, "scope", "document")),
        description="\n\n".join(p for p in parts if p),
        options=_options(func),
    )


def all_checks() -> list[CheckInfo]:
    return [check_info(check_id) for check_id in CHECKS.names()]


def explain(check_id: str) -> str:
    """ruff's ``rule --explain``: the check's id, title, severity, description and options, as text."""
    info = check_info(check_id)
    state = "on by default" if info.enabled_by_default else "off by default (turn on with --enable or --select)"
    lines = [f"{info.id} ({info.name}): {info.title}", "", f"Severity: {info.severity}; {state}."]
    if info.needs:
        lines.append(f"Runs only with: {', '.join(info.needs)}.")
    lines += ["", info.description or info.title]
    if info.options:
        lines += ["", "Options ([thresholds] in mtcheck.toml):"]
        lines += [f"  {key} = {default}" for key, default in info.options]
    lines += ["", f"More: {info.help_uri}"]
    return "\n".join(lines) + "\n"
