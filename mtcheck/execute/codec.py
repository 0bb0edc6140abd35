"""A :class:`~mtcheck.pipeline.FileResult` packed as bytes, and back, losslessly.

The result cache stores :class:`Packed` results and the executors' workers send them
back (as JSON, never pickle loaded from a file; the frozen types hold
``MappingProxyType`` fields, which do not pickle). A packed result is two zlib'd parts:

- ``result``: everything but the documents' segments, as JSON: findings, notes,
  details, each document's languages, format and number of segments, and its
  :class:`~mtcheck.pipeline.Digest` (what the run-wide steps read instead of segments);
- ``segments``: every segment of every document, in order, as one JSON array of arrays
  written by one encoder call (see :data:`_ROWS`).

:func:`unpack` decodes the first part only: each document's segments become
:class:`~mtcheck.types.PackedSegments` over the second, decoded when a report reads them,
or only the rows of the units a run-scope check names. A segment is a list rather than a
dict with keys: a catalogue has tens of thousands of them, and the keys would be most of
the bytes.

Free-form values (a finding's ``evidence``, a result's ``details``) keep their Python
types: a tuple, set or frozenset, a dict with keys other than strings, and the rare
dict that has the tag key itself are written as a one-key dict tagged ``"~t"``.
"""

from __future__ import annotations

import functools
import json
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from mtcheck.pipeline import Digest, FileResult
from mtcheck.types import Document, Finding, Location, PackedSegments, Segment, Severity, Span

FORMAT = 4  # bump when the shape below changes: cached entries of another shape are misses
_TAG = "~t"
_LEVEL = 1  # zlib: a third of the size for a tenth of the time of the default level
# The segments' rows in one encoder call (one call a row was a tenth of a cold run), each
# row still found without parsing the others: JSON writes a newline inside a string as
# "\n", so a raw newline comes only from this item separator, and a row holds no list
# followed by a list (flags, context, notes: _segment), so "],\n[" is where one row ends
# and the next starts, and nowhere else.
_ROWS = json.JSONEncoder(ensure_ascii=False, separators=(",\n", ":")).encode
_BETWEEN = b"],\n["


@dataclass(frozen=True)
class Packed:
    """One file's result as bytes: ``result`` (zlib'd JSON) and ``segments`` (zlib'd JSON rows)."""

    result: bytes
    segments: bytes


def pack(result: FileResult) -> Packed:
    rows = [_segment(seg, doc.path) for doc in result.documents for seg in doc.segments]
    data = {
        "format": FORMAT,
        "documents": [_document(d) for d in result.documents],
        "digests": [_digest(d) for d in result.digests],
        "findings": [_finding(f) for f in result.findings],
        "notes": list(result.notes),
        "details": _value(result.details),
        "scored": [list(pair) for pair in result.scored],
        "checks_run": {path: list(ids) for path, ids in result.checks_run.items()},
    }
    return Packed(
        zlib.compress(json.dumps(data, ensure_ascii=False).encode(), _LEVEL),
        zlib.compress(_ROWS(rows).encode() if rows else b"", _LEVEL),
    )


def unpack(packed: Packed, strings: dict[str, str] | None = None) -> FileResult:
    """The result ``packed`` holds; ValueError (or KeyError, TypeError, IndexError, zlib.error) when it holds none.

    ``strings``, shared by the results of a run, holds one copy of each text of their
    summaries: catalogues of one package in several languages share their sources, and a
    run keeps every file's summaries until its run-wide step.
    """
    data = json.loads(zlib.decompress(packed.result))
    if data.get("format") != FORMAT:
        raise ValueError(f"result format {data.get('format')!r}, expected {FORMAT}")
    documents = []
    start = 0
    for doc in data["documents"]:
        documents.append(_to_document(doc, packed.segments, start))
        start += doc["count"]
    return FileResult(
        documents=tuple(documents),
        findings=tuple(_to_finding(f) for f in data["findings"]),
        notes=tuple(data["notes"]),
        details=_from_value(data["details"]),
        scored=tuple((str(a), str(b)) for a, b in data["scored"]),
        checks_run={path: tuple(ids) for path, ids in data["checks_run"].items()},
        digests=tuple(_to_digest(d, {} if strings is None else strings) for d in data["digests"]),
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
    # and the segment's id, as they nearly always are: a third of the bytes otherwise; the
    # context stands between the flags and the notes, so that no list follows a list (_ROWS)
    loc = seg.location
    where, unit = 0 if loc.path == path else loc.path, 0 if loc.unit_id == seg.id else loc.unit_id
    return [seg.id, seg.target, seg.source, loc.line, loc.column, seg.offset, sorted(seg.flags), seg.context,
            list(seg.notes), where, unit]  # fmt: skip


_NO_FLAGS: frozenset[str] = frozenset()


def _to_segment(data: list[Any], path: str | None) -> Segment:
    sid, target, source, line, column, offset, flags, context, notes, where, unit = data
    location = Location(path if where == 0 else where, line, column, sid if unit == 0 else unit)
    # most units have no flags and no notes: one shared empty value each (a re-run decodes 100k)
    return Segment(sid, target, source, location, offset, frozenset(flags) if flags else _NO_FLAGS,
                   tuple(notes) if notes else (), context)  # fmt: skip


def _document(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "source_lang": doc.source_lang,
        "target_lang": doc.target_lang,
        "count": len(doc.segments),
        "original": [_segment(s, doc.original_path) for s in doc.original] if doc.original is not None else None,
        "original_path": doc.original_path,
        "format": doc.format,
    }


def _to_document(data: Mapping[str, Any], segments: bytes, start: int) -> Document:
    original, path, original_path, count = data["original"], data["path"], data["original_path"], data["count"]
    return Document(
        path=path,
        source_lang=data["source_lang"],
        target_lang=data["target_lang"],
        segments=PackedSegments(count, functools.partial(_segments, segments, start, count, path)),
        original=tuple(_to_segment(s, original_path) for s in original) if original is not None else None,
        original_path=original_path,
        format=data["format"],
    )


def _segments(packed: bytes, start: int, count: int, path: str | None, indices: Sequence[int] | None) -> list[Segment]:
    """The document's segments at ``indices`` (every one for None); it starts at line ``start`` of ``packed``."""
    if count == 0 or (indices is not None and not indices):
        return []
    last = start + (count - 1 if indices is None else max(indices))
    rows = zlib.decompress(packed).split(_BETWEEN, last + 1)  # rows past the last one asked for stay whole
    rows[0] = rows[0][2:]  # "[[" off the first row, "]]" off the file's last one
    if len(rows) == last + 1:
        rows[-1] = rows[-1][:-2]
    chosen = rows[start : start + count] if indices is None else [rows[start + i] for i in indices]
    # one parse of them all: a loads() call a segment costs twice as much
    return [_to_segment(s, path) for s in json.loads(b"[[" + _BETWEEN.join(chosen) + b"]]")]


def _digest(digest: Digest) -> dict[str, Any]:
    return {
        "words": digest.words,
        "silenced": [[path, sid, sorted(ids)] for path, sid, ids in digest.silenced],
        "summaries": dict(digest.summaries),
    }


def _to_digest(data: Mapping[str, Any], strings: dict[str, str]) -> Digest:
    silenced = tuple((path, sid, frozenset(ids)) for path, sid, ids in data["silenced"])
    return Digest(words=data["words"], silenced=silenced, summaries=_shared(data["summaries"], strings))


def _shared(value: Any, strings: dict[str, str]) -> Any:
    """``value`` (JSON types) with each string replaced by its copy in ``strings``."""
    if isinstance(value, str):
        return strings.setdefault(value, value)
    if isinstance(value, list):
        # the columns of a summary: a list of strings (or None) a unit, tens of thousands long
        return [strings.setdefault(v, v) if isinstance(v, str) else _shared(v, strings) for v in value]
    if isinstance(value, dict):
        return {k: _shared(v, strings) for k, v in value.items()}
    return value


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
