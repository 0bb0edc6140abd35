"""Project configuration: ``mtcheck.toml``, or ``[tool.mtcheck]`` in ``pyproject.toml``.

Looked for in the working directory and its parents (up to the repository root).
Keys are kebab-case (``fail-on``; ``fail_on`` is accepted too); an unknown key is an
error that names it, so a typo never silently turns a check off. Paths are relative
to the file that names them. Command-line flags override the file.

Example ``mtcheck.toml``::

    source-lang = "en"
    files = ["po/*.po", "ios/*.xliff"]
    exclude = ["po/obsolete/*"]
    include = ["docs/*.txt"]         # files a directory argument reads besides catalogues
    termbases = ["glossary.tbx"]
    baseline = ".mtcheck-baseline.json"
    names-db = "names.db"            # names learned from published copy (mtcheck names learn)
    fail-on = "error"
    jobs = 2                         # local worker processes (default: one a core without a model)
    workers = 4                      # or a local Dask cluster of 4 processes (mtcheck[dask]) …
    scheduler = "tcp://head:8786"    # … or a running Dask cluster; one of the two
    back-translation = false
    select = ["ALL"]                 # check ids or prefixes to run, as ruff's select
    ignore = ["name-"]               # check ids or prefixes to leave out, as ruff's ignore
    ignore-text = ["^Firefox$"]      # regexes: findings about matching text are dropped

    [checks]
    disable = ["source-inconsistency"]

    [severity]
    numbers = "error"

    [thresholds]
    "untranslated.min_words" = 4

    [languages]                      # language codes as files write them → BCP-47
    ua = "uk"
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from mtcheck.config import Config, ModelSettings, parse_fail_on, threshold_problem
from mtcheck.errors import ConfigError
from mtcheck.types import Severity

CONFIG_NAME = "mtcheck.toml"
_TOP = {
    "source-lang", "target-lang", "fail-on", "files", "exclude", "include", "select", "ignore", "ignore-text",
    "termbases", "baseline", "names-db", "jobs", "workers", "scheduler",
    "back-translation", "gazetteer", "checks", "severity", "thresholds", "languages",
}  # fmt: skip
_CHECKS = {"enable", "disable"}


def find_config(start: Path | None = None) -> tuple[Path, Mapping[str, Any]] | None:
    """The nearest ``mtcheck.toml`` or ``pyproject.toml`` with ``[tool.mtcheck]``, and its table."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate, _read(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            tool = _read(pyproject).get("tool", {})
            table = tool.get("mtcheck") if isinstance(tool, dict) else None
            if table is not None:
                return pyproject, _table(table, pyproject, "tool.mtcheck")
        if (folder / ".git").exists():
            break
    return None


def load_config_file(path: Path) -> Mapping[str, Any]:
    """The settings table of an explicitly named file (``--config``)."""
    if not path.is_file():
        raise ConfigError(f"config file {path} not found")
    data = _read(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "mtcheck" not in tool:
            raise ConfigError(f"{path}: no [tool.mtcheck] table")
        return _table(tool["mtcheck"], path, "tool.mtcheck")
    return data


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None


def _table(value: Any, path: Path, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: [{name}] must be a table")
    return value


def _keys(table: Mapping[str, Any], allowed: set[str], path: Path, prefix: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("_", "-")
        if name not in allowed:
            where = f"{prefix}.{key}" if prefix else key
            raise ConfigError(f"{path}: unknown key {where!r} (known: {', '.join(sorted(allowed))})")
        out[name] = value
    return out


def _strings(value: Any, path: Path, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key!r} must be a string or a list of strings")
    return tuple(value)


def _string(value: Any, path: Path, key: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{path}: {key!r} must be a string")
    return value


def _relative(base: Path, value: str) -> str:
    """``value`` relative to the config file's folder, shown relative to the working directory."""
    if Path(value).is_absolute():
        return value
    absolute = os.path.normpath(base / value)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith("..") else relative


def apply_file(config: Config, table: Mapping[str, Any], path: Path) -> Config:
    """``config`` updated with the settings in ``table`` (read from ``path``)."""
    settings = _keys(table, _TOP, path, "")
    base = path.parent
    changes: dict[str, Any] = {}
    for key, field in (("source-lang", "source_lang"), ("target-lang", "target_lang")):
        if key in settings:
            changes[field] = _string(settings[key], path, key)
    if "fail-on" in settings:
        value = _string(settings["fail-on"], path, "fail-on")
        try:
            changes["fail_on"] = parse_fail_on(value)
        except ValueError as exc:
            raise ConfigError(f"{path}: fail-on: {exc}") from None
    if "files" in settings:
        changes["files"] = tuple(_relative(base, p) for p in _strings(settings["files"], path, "files"))
    if "exclude" in settings:
        changes["exclude"] = tuple(_relative(base, p) for p in _strings(settings["exclude"], path, "exclude"))
    if "include" in settings:  # patterns, like exclude's, matched against the paths found
        changes["include"] = _strings(settings["include"], path, "include")
    if "termbases" in settings:
        changes["termbases"] = tuple(_relative(base, p) for p in _strings(settings["termbases"], path, "termbases"))
    if "baseline" in settings:
        changes["baseline"] = _relative(base, _string(settings["baseline"], path, "baseline"))
    if "names-db" in settings:
        changes["names_db"] = _relative(base, _string(settings["names-db"], path, "names-db"))
    if "jobs" in settings:
        jobs = settings["jobs"]
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ConfigError(f"{path}: 'jobs' must be a whole number of processes, 1 or more")
        changes["jobs"] = jobs
    if "workers" in settings:
        workers = settings["workers"]
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            raise ConfigError(f"{path}: 'workers' must be a whole number of Dask worker processes, 1 or more")
        changes["workers"] = workers
    if "scheduler" in settings:
        changes["scheduler"] = _string(settings["scheduler"], path, "scheduler")
    if "workers" in changes and "scheduler" in changes:
        raise ConfigError(f"{path}: give 'workers' (a local Dask cluster) or 'scheduler' (a running one), not both")
    for key in ("select", "ignore"):
        if key in settings:
            changes[key] = _check_patterns(_strings(settings[key], path, key), path, key)
    if "ignore-text" in settings:
        changes["ignore_text"] = _strings(settings["ignore-text"], path, "ignore-text")
        _compile(changes["ignore_text"], path)
    for key in ("back-translation", "gazetteer"):
        if key in settings and not isinstance(settings[key], bool):
            raise ConfigError(f"{path}: {key!r} must be true or false")
    if "back-translation" in settings:
        changes["model"] = dataclasses.replace(config.model, enabled=settings["back-translation"])
    if "gazetteer" in settings:
        changes["use_gazetteer"] = settings["gazetteer"]
    if "checks" in settings:
        checks = _keys(_table(settings["checks"], path, "checks"), _CHECKS, path, "checks")
        if "enable" in checks:
            changes["enable"] = frozenset(_strings(checks["enable"], path, "checks.enable"))
        if "disable" in checks:
            changes["disable"] = frozenset(_strings(checks["disable"], path, "checks.disable"))
    if "severity" in settings:
        severities: dict[str, Severity] = {}
        for check_id, value in _table(settings["severity"], path, "severity").items():
            try:
                severities[check_id] = Severity.parse(_string(value, path, f"severity.{check_id}"))
            except ValueError as exc:
                raise ConfigError(f"{path}: severity.{check_id}: {exc}") from None
        changes["severities"] = severities
    if "thresholds" in settings:
        thresholds: dict[str, float] = {}
        for name, value in _table(settings["thresholds"], path, "thresholds").items():
            problem = threshold_problem(name, value)  # unknown key, not a number, NaN, out of range
            if problem:
                raise ConfigError(f"{path}: [thresholds] {problem}")
            thresholds[name] = float(value)
        changes["thresholds"] = thresholds
    if "languages" in settings:
        mapping = _table(settings["languages"], path, "languages")
        changes["language_map"] = {k: _string(v, path, f"languages.{k}") for k, v in mapping.items()}
    return dataclasses.replace(config, **changes)


def _check_patterns(values: tuple[str, ...], path: Path, key: str) -> tuple[str, ...]:
    """Check ids or prefixes; ``ignore`` used to hold regular expressions, so say what to write now."""
    from mtcheck.config import check_matches
    from mtcheck.registry import CHECKS

    known = CHECKS.names()
    for value in values:
        if not any(check_matches(check_id, value) for check_id in known):
            hint = (
                f"; `ignore` now lists check ids, as in ruff: for a regular expression over the flagged text "
                f"write ignore-text = [{value!r}]"
                if key == "ignore"
                else ""
            )
            raise ConfigError(f"{path}: {key}: {value!r} is not a check id or prefix (see: mtcheck checks){hint}")
    return values


def _compile(patterns: tuple[str, ...], path: Path) -> None:
    import re

    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ConfigError(f"{path}: ignore-text pattern {pattern!r} is not a regular expression ({exc})") from None


def load_project_config(explicit: Path | None = None, start: Path | None = None) -> tuple[Config, Path | None]:
    """The project's Config (defaults when there is no file) and the file it came from."""
    config = Config(model=ModelSettings())
    if explicit is not None:
        return apply_file(config, load_config_file(explicit), explicit), explicit
    found = find_config(start)
    if found is None:
        return config, None
    path, table = found
    return apply_file(config, table, path), path
