"""The JSON report. Its shape is the versioned schema in ``mtcheck/schemas/``."""

from __future__ import annotations

import json
from collections.abc import Iterator
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


def report_to_dict(report: Report, options: RenderOptions, *, findings: bool = True) -> dict[str, Any]:
    """The report as JSON types; ``findings=False`` leaves the list of findings empty, for the caller to write."""
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
        "findings": [finding_to_dict(f) for f in report.findings] if findings else [],
        "details": dict(report.details),
    }


def json_chunks(report: Report, options: RenderOptions) -> Iterator[str]:
    """The JSON report in pieces, for writing as it is made: indented as ``json.dumps(indent=2)``
    would, but each finding on one line.

    Indented output is encoded by json's Python code, several times slower than its C
    encoder, which writes only compact JSON: for a large project's 6,000 findings that was
    a good part of a cached re-run. One line a finding is also what a diff or grep of two
    reports wants; and a report written finding by finding is never whole in memory.
    """
    data = report_to_dict(report, options, findings=False)
    pretty = json.JSONEncoder(ensure_ascii=False, indent=2, default=str).encode
    line = json.JSONEncoder(ensure_ascii=False, default=str).encode
    yield "{"
    for i, (key, value) in enumerate(data.items()):
        yield f"{',' if i else ''}\n  {line(key)}: "
        if key == "findings" and report.findings:
            yield "["
            for n, finding in enumerate(report.findings):
                yield f"{',' if n else ''}\n    {line(finding_to_dict(finding))}"
            yield "\n  ]"
        else:
            # a JSON text holds no raw newline but between its tokens: indenting each line nests it
            yield pretty(value).replace("\n", "\n  ")
    yield "\n}\n"


class JsonRenderer:
    """The ``json`` renderer: the report as one string, or in pieces (:func:`json_chunks`)."""

    def __call__(self, report: Report, options: RenderOptions) -> str:
        return "".join(json_chunks(report, options))

    chunks = staticmethod(json_chunks)


render_json = RENDERERS.add("json", JsonRenderer())
