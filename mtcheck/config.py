"""Run configuration: one frozen object built from defaults < config file < command line."""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from types import MappingProxyType
from typing import Any

from mtcheck.errors import ConfigError
from mtcheck.types import ModelSettings, Severity

__all__ = [
    "DEFAULT_MAX_FILE_MB",
    "FAIL_ON_CHOICES",
    "NEVER",
    "THRESHOLDS",
    "Config",
    "ModelSettings",
    "fail_on_name",
    "parse_fail_on",
]

# inputs larger than this are refused unless raised (--max-file-size): a wrong path to a
# disk image should fail at once, not after minutes of reading
DEFAULT_MAX_FILE_MB = 200.0

# every [thresholds] key a check reads, with the range its value must lie in (inclusive)
THRESHOLDS: Mapping[str, tuple[float, float]] = MappingProxyType({
    "suspect-rendering": (0.0, 1.0),
    "suspect-rendering-gazetteer": (0.0, 1.0),
    "name-variant": (0.0, 1.0),
    "low-adequacy.chrf": (0.0, 100.0),
    "low-adequacy.relative": (0.0, 1.0),
    "low-adequacy.min_words": (0.0, 1000.0),
    "unaligned.min_words_for_error": (0.0, 1000.0),
    "untranslated.min_words": (1.0, 1000.0),
})  # fmt: skip


def threshold_problem(name: str, value: object) -> str | None:
    """Why ``value`` cannot be threshold ``name`` (unknown key, not a number, not finite, out of range), or None."""
    if name not in THRESHOLDS:
        return f"unknown threshold {name!r} (known: {', '.join(sorted(THRESHOLDS))})"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"threshold {name!r} must be a number"
    low, high = THRESHOLDS[name]
    if not math.isfinite(value) or not low <= value <= high:
        return f"threshold {name!r} = {value} is out of range (from {low:g} to {high:g})"
    return None


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
    # where report paths start (the folder of mtcheck.toml, else the git root, else the
    # working directory: found when None); the largest input file read, in MB
    root: str | None = None
    max_file_mb: float = DEFAULT_MAX_FILE_MB
    # a names database learned from the desk's published copy (mtcheck names learn)
    names_db: str | None = None
    # local worker processes for the file tasks (None: decided per run, see
    # mtcheck.execute.resolve_jobs); changes how fast a run is, never what it reports
    jobs: int | None = None
    # a Dask cluster instead (mtcheck[dask]): a local one of this many worker processes, or
    # the scheduler at this address; like jobs, never part of what a run reports
    workers: int | None = None
    scheduler: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "severities", MappingProxyType(dict(self.severities)))
        object.__setattr__(self, "thresholds", MappingProxyType(dict(self.thresholds)))
        object.__setattr__(self, "language_map", MappingProxyType(dict(self.language_map)))
        for name, value in self.thresholds.items():
            problem = threshold_problem(name, value)
            if problem:
                raise ConfigError(problem)

    def __reduce__(self) -> tuple[Any, ...]:
        # a worker process (mtcheck --jobs) gets the config pickled; MappingProxyType does
        # not pickle, so send plain dicts and let __post_init__ freeze them again
        values = [getattr(self, f.name) for f in fields(self)]
        return (Config, tuple(dict(v) if isinstance(v, MappingProxyType) else v for v in values))

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
            "names_db": self.names_db,
            "gazetteer": self.use_gazetteer,
            "select": list(self.select),
            "ignore": list(self.ignore),
            "ignore_text": list(self.ignore_text),
            "model": {k: v for k, v in asdict(self.model).items() if k in ("model", "backend", "beam")},
        }
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8")
        data["hash"] = hashlib.sha256(blob).hexdigest()[:12]
        return data
