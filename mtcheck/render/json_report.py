"""The JSON report. Its shape is the versioned schema in ``mtcheck/schemas/``."""

from __future__ import annotations

import io
import json
from typing import Any

from mtcheck.config import fail_on_name
from mtcheck.registry import RENDERERS
from mtcheck.render.base import RenderOptions
from mtcheck.types import Finding, Report, Span
from mtcheck.version import __version__

SCHEMA_VERSION = "1.0"
SCHEMA_ID = "https://github.com/mtcheck/mtcheck/blob/main/mtcheck/schemas/report-1.schema.json"


def _span(span: Span | None) -> dict[str, int] | None:
    return {"start": span.start, "end": span.end} if span else None


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return {
        "check": f.check,
        "severity": str(f.severity),
        "message": f.message,
        "location": {
            "path": f.location.path,
            "line": f.location.line,
            "column": f.location.column,
            "unit_id": f.location.unit_id,
        },
        "segment_id": f.segment_id,
        "span": _span(f.span),
        "text": f.text,
        "source_span": _span(f.source_span),
        "suggestion": f.suggestion,
        "confidence": f.confidence,
        "evidence": dict(f.evidence),
        "context": f.context,
        "fingerprint": f.fingerprint,
    }


def report_to_dict(report: Report, options: RenderOptions) -> dict[str, Any]:
    return {
        "$schema": SCHEMA_ID,
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "mtcheck", "version": __version__},
        "passed": report.exit_code(options.fail_on) == 0,
        "fail_on": fail_on_name(options.fail_on),
        "counts": report.counts(),
        "scores": dict(report.scores),
        "signature": dict(report.signature),
        "notes": list(report.notes),
        "documents": [
            {
                "path": d.path,
                "format": d.format,
                "source_lang": d.source_lang,
                "target_lang": d.target_lang,
                "segments": len(d.segments),
                "original": d.original_path,
            }
            for d in report.documents
        ],
        "findings": [finding_to_dict(f) for f in report.findings],
        "details": dict(report.details),
    }


@RENDERERS.register("json")
def render_json(report: Report, options: RenderOptions) -> str:
    # = json.dumps(..., indent=2) + "\n", without the list of every chunk that dumps joins
    # (a million small strings for 6,000 findings: more memory than the report itself)
    out = io.StringIO()
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, default=str)
    out.writelines(encoder.iterencode(report_to_dict(report, options)))
    out.write("\n")
    return out.getvalue()
