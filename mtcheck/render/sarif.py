"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Paths become URIs relative to ``%SRCROOT%`` (the working directory, normally the
repository root) so code scanning annotates the right file and line; each finding's
fingerprint goes in ``partialFingerprints`` so alerts survive line moves.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from mtcheck.registry import CHECKS, RENDERERS
from mtcheck.render.base import RenderOptions
from mtcheck.render.checks_doc import check_info, rule_name
from mtcheck.types import Finding, Report, Severity
from mtcheck.version import __version__

SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
INFORMATION_URI = "https://github.com/mtcheck/mtcheck"


def artifact_uri(path: str | None) -> tuple[str, str | None]:
    """(URI, uriBaseId): repository-relative when possible, else an absolute file URI."""
    if not path:
        return "stdin", None
    absolute = Path(path).resolve()
    relative = os.path.relpath(absolute)
    if relative.startswith(".."):
        return absolute.as_uri(), None
    return quote(Path(relative).as_posix()), "%SRCROOT%"


def _rule(check_id: str) -> dict[str, Any]:
    """A reportingDescriptor with everything GitHub code scanning shows for a rule (and warns without)."""
    if check_id not in CHECKS:  # a finding of a check that is no longer registered (an old baseline)
        return {"id": check_id, "name": rule_name(check_id), "shortDescription": {"text": check_id}}
    info = check_info(check_id)
    options = "".join(f"\n- `{key}` (default {default})" for key, default in info.options)
    markdown = f"**{info.title}**\n\n{info.description}"
    if options:
        markdown += f"\n\nOptions (`[thresholds]` in mtcheck.toml):{options}"
    markdown += f"\n\n[Examples and options]({info.help_uri})"
    return {
        "id": check_id,
        "name": info.name,
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": info.description or info.title},
        "help": {"text": f"{info.title}\n\n{info.description}\n\nSee {info.help_uri}", "markdown": markdown},
        "helpUri": info.help_uri,
        "defaultConfiguration": {"level": LEVELS[CHECKS.get(check_id).severity]},
        "properties": {"tags": ["translation", "localisation"]},
    }


def _result(f: Finding, rule_index: int) -> dict[str, Any]:
    uri, base = artifact_uri(f.location.path)
    artifact: dict[str, Any] = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    region: dict[str, Any] = {"startLine": max(f.location.line, 1), "startColumn": max(f.location.column, 1)}
    if f.text:
        region["snippet"] = {"text": f.text}
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": artifact, "region": region}}
    if f.location.unit_id:
        location["logicalLocations"] = [{"name": f.location.unit_id, "kind": "element"}]
    result: dict[str, Any] = {
        "ruleId": f.check,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")},
        "locations": [location],
        "partialFingerprints": {"mtcheck/v1": f.fingerprint},
    }
    properties = {k: v for k, v in f.evidence.items() if isinstance(v, str | int | float | bool)}
    if properties:
        result["properties"] = properties
    return result


def report_to_sarif(report: Report, options: RenderOptions) -> dict[str, Any]:
    rule_ids = sorted({f.check for f in report.findings})
    index = {rule: i for i, rule in enumerate(rule_ids)}
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "mtcheck",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(r) for r in rule_ids],
            }
        },
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().resolve().as_uri() + "/"}},
        "invocations": [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [{"message": {"text": note}, "level": "note"} for note in report.notes],
            }
        ],
        "results": [_result(f, index[f.check]) for f in report.findings],
        "properties": {"signature": dict(report.signature), "passed": report.exit_code(options.fail_on) == 0},
    }
    return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}


@RENDERERS.register("sarif")
def render_sarif(report: Report, options: RenderOptions) -> str:
    return json.dumps(report_to_sarif(report, options), ensure_ascii=False, indent=2, default=str) + "\n"
