"""Run configuration: one frozen object built from defaults < config file < command line."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from types import MappingProxyType
from typing import Any

from mtcheck.types import ModelSettings, Severity

__all__ = ["FAIL_ON_CHOICES", "NEVER", "Config", "ModelSettings", "fail_on_name", "parse_fail_on"]

NEVER = "never"  # the --fail-on / fail-on value that lets every finding pass
FAIL_ON_CHOICES = ("error", "warning", "info", NEVER)


def parse_fail_on(value: str) -> Severity | None:
    """A ``fail-on`` value: a severity, or ``None`` for never; ValueError names the choices."""
    if value.strip().lower() == NEVER:
        return None
    try:
        return Severity.parse(value)
    except ValueError:
        raise ValueError(f"{value!r} (choose from {', '.join(FAIL_ON_CHOICES)})") from None


def fail_on_name(fail_on: Severity | None) -> str:
    """How reports write a gate: the severity, or ``never``."""
    return str(fail_on) if fail_on else NEVER


ALL_CHECKS = "ALL"


def check_matches(check_id: str, pattern: str) -> bool:
    """Whether ``pattern`` (a check id, a prefix such as ``name-`` or ``name``, or ``ALL``) names ``check_id``.

    As in ruff's ``--select``, a prefix ends at a hyphen: ``name`` names ``name-missing``, not ``names``.
    """
    if pattern in (ALL_CHECKS, check_id):
        return True
    return check_id.startswith(pattern if pattern.endswith("-") else pattern + "-")


@dataclass(frozen=True)
class Config:
    """Everything that changes what a run reports; its :meth:`signature` goes in the report."""

    source_lang: str | None = None
    target_lang: str | None = None
    fail_on: Severity | None = Severity.ERROR
    enable: frozenset[str] = frozenset()
    disable: frozenset[str] = frozenset()
    severities: Mapping[str, Severity] = field(default_factory=dict)
    thresholds: Mapping[str, float] = field(default_factory=dict)
    termbases: tuple[str, ...] = ()
    use_gazetteer: bool = True
    # ruff's conventions: check ids or prefixes ("name-") to run, and to leave out
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    # regular expressions: findings whose flagged text matches are dropped
    ignore_text: tuple[str, ...] = ()
    model: ModelSettings = field(default_factory=ModelSettings)
    # localisation projects: files to check when none are named, files to skip, language
    # codes to rewrite ("ua" → "uk"), and the baseline of accepted findings
    files: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    include: tuple[str, ...] = ()  # patterns of files a directory argument reads besides catalogues
    language_map: Mapping[str, str] = field(default_factory=dict)
    baseline: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "severities", MappingProxyType(dict(self.severities)))
        object.__setattr__(self, "thresholds", MappingProxyType(dict(self.thresholds)))
        object.__setattr__(self, "language_map", MappingProxyType(dict(self.language_map)))

    def threshold(self, name: str, default: float) -> float:
        return float(self.thresholds.get(name, default))

    def check_enabled(self, check_id: str, default: bool = True) -> bool:
        if check_id in self.disable or any(check_matches(check_id, p) for p in self.ignore):
            return False
        if check_id in self.enable:
            return True
        if self.select:
            return any(check_matches(check_id, p) for p in self.select)
        return default

    def signature(self) -> dict[str, Any]:
        """The settings that shape the findings, plus a short hash of them."""
        data: dict[str, Any] = {
            "source_lang": self.source_lang,
            "target_lang": self.target_lang,
            "fail_on": fail_on_name(self.fail_on),
            "enable": sorted(self.enable),
            "disable": sorted(self.disable),
            "severities": {k: str(v) for k, v in sorted(self.severities.items())},
            "thresholds": dict(sorted(self.thresholds.items())),
            "termbases": list(self.termbases),
            "gazetteer": self.use_gazetteer,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "ignore_text": list(self.ignore_text),
            "model": {k: v for k, v in asdict(self.model).items() if k in ("model", "backend", "beam")},
        }
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        data["hash"] = hashlib.sha256(blob).hexdigest()[:12]
        return data
