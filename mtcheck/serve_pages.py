"""The pages and the OpenAPI document of ``mtcheck serve`` (Jinja2 templates of render/templates/)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from mtcheck.config import FAIL_ON_CHOICES
from mtcheck.render._html_view import environment, render
from mtcheck.render.base import RenderOptions
from mtcheck.types import Report
from mtcheck.version import __version__

# The request body of POST /api/check: the options of `mtcheck check`, with texts instead of files.
REQUEST_FIELDS: dict[str, tuple[dict[str, Any], str]] = {
    "text": ({"type": "string"}, "The translation to check (required)."),
    "source_lang": ({"type": "string", "examples": ["ar"]}, "Language translated from, BCP-47 (required)."),
    "target_lang": ({"type": ["string", "null"]}, "Language translated into; detected when omitted."),
    "original": ({"type": ["string", "null"]}, "The source-language original, to align with."),
    "termbase": ({"type": ["string", "null"]}, "Content of a termbase (TBX, CSV or TSV), added to the server's."),
    "termbase_name": ({"type": "string", "default": "termbase.tbx"}, "Its file name; the extension gives the format."),
    "filename": ({"type": "string", "default": "input.txt"}, "Name shown in the report; .po, .xlf … pick the reader."),
    "no_mt": ({"type": "boolean", "default": False}, "Skip back-translation (model-free checks only)."),
    "no_gazetteer": ({"type": "boolean", "default": False}, "Do not use the bundled gazetteer."),
    "enable": ({"type": "array", "items": {"type": "string"}}, "Checks to turn on (see GET /docs)."),
    "disable": ({"type": "array", "items": {"type": "string"}}, "Checks to turn off."),
    "fail_on": ({"type": "string", "enum": list(FAIL_ON_CHOICES), "default": "error"}, "Severity that fails."),
}


@lru_cache(maxsize=1)
def report_schema() -> dict[str, Any]:
    text = resources.files("mtcheck").joinpath("schemas/report-1.schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def openapi() -> dict[str, Any]:
    """OpenAPI 3.1: the request body above, and the published report schema as the response."""
    error = {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
    as_error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    errors = {
        str(code): {"description": why, "content": as_error}
        for code, why in (
            (400, "bad JSON or bad input (not UTF-8 text, unknown language…)"),
            (401, "token missing or wrong (when the server has one)"),
            (413, "body over the size limit"),
            (422, "a field missing or of the wrong type"),
            (503, "too many checks waiting"),
            (504, "the check ran over the time limit"),
        )
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "mtcheck", "version": __version__,
                 "description": "Translation-quality checks: names, terminology, alignment, back-translation."},
        "paths": {
            "/api/check": {
                "post": {
                    "summary": "Check a translation; returns the JSON report (schema report-1)",
                    "security": [{}, {"bearer": []}],
                    "requestBody": {"required": True, "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/CheckRequest"}}}},
                    "responses": {
                        "200": {"description": "the report",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}},
                        **errors,
                    },
                }
            },
            "/check": {"post": {"summary": "The page's form (multipart): returns the HTML report",
                                "responses": {"200": {"description": "the HTML report page"}}}},
            "/": {"get": {"summary": "The page: paste or upload a translation",
                          "responses": {"200": {"description": "HTML"}}}},
        },
        "components": {
            "schemas": {
                "CheckRequest": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["text", "source_lang"],
                    "properties": {name: {**spec, "description": why} for name, (spec, why) in REQUEST_FIELDS.items()},
                },
                "Report": report_schema(),
                "Error": error,
            },
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }  # fmt: skip


def form_page(termbases: tuple[str, ...], token: str) -> str:
    return str(environment().get_template("serve_form.html.j2").render(
        version=__version__, termbases=termbases, token=token, fail_on_choices=FAIL_ON_CHOICES))  # fmt: skip


def api_docs_page() -> str:
    return str(environment().get_template("serve_docs.html.j2").render(
        version=__version__, fields=REQUEST_FIELDS, openapi=json.dumps(openapi()["paths"], indent=2)))  # fmt: skip


def render_report_page(report: Report, options: RenderOptions) -> str:
    return render(report, options)
