"""A :class:`~mtcheck.pipeline.FileResult` as a JSON-compatible dict, and back, losslessly.

The result cache stores these dicts (as JSON, never pickle) and the process pool sends
them between processes (the frozen types hold ``MappingProxyType`` fields, which do not
pickle). Segments are written as lists rather than dicts with keys: a catalogue has
tens of thousands of them, and the keys would be most of the bytes.

Free-form values (a finding's ``evidence``, a result's ``details``) keep their Python
types: a tuple, set or frozenset, a dict with keys other than strings, and the rare
dict that has the tag key itself are written as a one-key dict tagged ``"~t"``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mtcheck.pipeline import FileResult
from mtcheck.types import Document, Finding, Location, Segment, Severity, Span

FORMAT = 2  # bump when the shape below changes: cached entries of another shape are misses
_TAG = "~t"


def encode_result(result: FileResult) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "documents": [_document(d) for d in result.documents],
        "findings": [_finding(f) for f in result.findings],
        "notes": list(result.notes),
        "details": _value(result.details),
        "scored": [list(pair) for pair in result.scored],
        "checks_run": {path: list(ids) for path, ids in result.checks_run.items()},
    }


def decode_result(data: Mapping[str, Any]) -> FileResult:
    """The result ``data`` encodes; ValueError (or KeyError, TypeError) when it is not one."""
    if data.get("format") != FORMAT:
        raise ValueError(f"result format {data.get('format')!r}, expected {FORMAT}")
    return FileResult(
        documents=tuple(_to_document(d) for d in data["documents"]),
        findings=tuple(_to_finding(f) for f in data["findings"]),
        notes=tuple(data["notes"]),
        details=_from_value(data["details"]),
        scored=tuple((str(a), str(b)) for a, b in data["scored"]),
        checks_run={path: tuple(ids) for path, ids in data["checks_run"].items()},
    )


def _location(loc: Location) -> list[Any]:
    return [loc.path, loc.line, loc.column, loc.unit_id]


def _to_location(data: list[Any]) -> Location:
    return Location(data[0], data[1], data[2], data[3])


def _span(span: Span | None) -> list[int] | None:
    return [span.start, span.end] if span is not None else None


def _to_span(data: list[int] | None) -> Span | None:
    return Span(data[0], data[1]) if data is not None else None


def _segment(seg: Segment, path: str | None) -> list[Any]:
    # the location's path and unit id are written as 0 when they are the document's path
    # and the segment's id, as they nearly always are: a third of the bytes otherwise
    loc = seg.location
    return [seg.id, seg.target, seg.source, loc.line, loc.column, seg.offset, sorted(seg.flags), list(seg.notes),
            seg.context, 0 if loc.path == path else loc.path, 0 if loc.unit_id == seg.id else loc.unit_id]  # fmt: skip


_NO_FLAGS: frozenset[str] = frozenset()


def _to_segment(data: list[Any], path: str | None) -> Segment:
    sid, target, source, line, column, offset, flags, notes, context, where, unit = data
    location = Location(path if where == 0 else where, line, column, sid if unit == 0 else unit)
    # most units have no flags and no notes: one shared empty value each (a re-run decodes 100k)
    return Segment(sid, target, source, location, offset, frozenset(flags) if flags else _NO_FLAGS,
                   tuple(notes) if notes else (), context)  # fmt: skip


def _document(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "source_lang": doc.source_lang,
        "target_lang": doc.target_lang,
        "segments": [_segment(s, doc.path) for s in doc.segments],
        "original": [_segment(s, doc.original_path) for s in doc.original] if doc.original is not None else None,
        "original_path": doc.original_path,
        "format": doc.format,
    }


def _to_document(data: Mapping[str, Any]) -> Document:
    original, path, original_path = data["original"], data["path"], data["original_path"]
    return Document(
        path=path,
        source_lang=data["source_lang"],
        target_lang=data["target_lang"],
        segments=tuple(_to_segment(s, path) for s in data["segments"]),
        original=tuple(_to_segment(s, original_path) for s in original) if original is not None else None,
        original_path=original_path,
        format=data["format"],
    )


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "check": f.check,
        "severity": int(f.severity),
        "segment_id": f.segment_id,
        "location": _location(f.location),
        "message": f.message,
        "span": _span(f.span),
        "text": f.text,
        "source_span": _span(f.source_span),
        "suggestion": f.suggestion,
        "confidence": f.confidence,
        "evidence": _value(f.evidence),
        "context": f.context,
    }


def _to_finding(data: Mapping[str, Any]) -> Finding:
    return Finding(
        check=data["check"],
        severity=Severity(data["severity"]),
        segment_id=data["segment_id"],
        location=_to_location(data["location"]),
        message=data["message"],
        span=_to_span(data["span"]),
        text=data["text"],
        source_span=_to_span(data["source_span"]),
        suggestion=data["suggestion"],
        confidence=data["confidence"],
        evidence=_from_value(data["evidence"]),
        context=data["context"],
    )


def _value(value: Any) -> Any:
    """A free-form value as JSON types, with tags where JSON alone would lose its type."""
    if value is None or isinstance(value, bool | str | float):
        return value
    if isinstance(value, int):  # Severity and other int enums are ints to the JSON report too
        return int(value)
    if isinstance(value, list):
        return [_value(v) for v in value]
    if isinstance(value, tuple):
        return {_TAG: "tuple", "v": [_value(v) for v in value]}
    if isinstance(value, set | frozenset):
        kind = "frozenset" if isinstance(value, frozenset) else "set"
        return {_TAG: kind, "v": [_value(v) for v in sorted(value, key=repr)]}
    if isinstance(value, Mapping):
        if all(isinstance(k, str) for k in value) and _TAG not in value:
            return {k: _value(v) for k, v in value.items()}
        return {_TAG: "dict", "v": [[_value(k), _value(v)] for k, v in value.items()]}
    raise TypeError(f"cannot encode a {type(value).__name__} in a result")


def _from_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_from_value(v) for v in value]
    if not isinstance(value, dict):
        return value
    if _TAG not in value:
        return {k: _from_value(v) for k, v in value.items()}
    items = [_from_value(v) for v in value["v"]]
    kind = value[_TAG]
    if kind == "tuple":
        return tuple(items)
    if kind == "set":
        return set(items)
    if kind == "frozenset":
        return frozenset(items)
    if kind == "dict":
        return {(tuple(k) if isinstance(k, list) else k): v for k, v in items}
    raise ValueError(f"unknown tag {kind!r} in an encoded result")
