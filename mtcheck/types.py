"""The small frozen types that flow through the pipeline.

read → segment → back-translate → align → extract → check → score → report → gate.
Every stage takes these and returns new ones; nothing is mutated in place.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any, Protocol, overload


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            choices = ", ".join(str(s) for s in cls)
            raise ValueError(f"unknown severity {value!r} (choose from {choices})") from None


@dataclass(frozen=True)
class Span:
    """Half-open character range ``[start, end)`` into a segment's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def of(self, text: str) -> str:
        return text[self.start : self.end]


# Segments and their locations are the run's most numerous objects (100,000 for a large
# project's catalogues): slots spare each its attribute dict, a quarter of their memory.
@dataclass(frozen=True, slots=True)
class Location:
    """Where a segment starts in its file: 1-based line and column, optional unit id."""

    path: str | None
    line: int = 1
    column: int = 1
    unit_id: str | None = None

    def advance(self, text: str, offset: int) -> Location:
        """The location of ``text[offset]`` when ``text`` starts at this location."""
        before = text[:offset]
        newlines = before.count("\n")
        if newlines == 0:
            return Location(self.path, self.line, self.column + offset, self.unit_id)
        return Location(self.path, self.line + newlines, offset - before.rfind("\n"), self.unit_id)

    def __str__(self) -> str:
        where = f"{self.path or '<stdin>'}:{self.line}:{self.column}"
        return f"{where} [{self.unit_id}]" if self.unit_id else where


@dataclass(frozen=True, slots=True)
class Segment:
    """One translatable unit: a sentence of a text, or a unit of a localisation file.

    ``source`` is the source-language text when the format pairs it with the target
    (PO, XLIFF, TMX); for plain text it is ``None`` and the original, if any, lives in
    :attr:`Document.original`. ``offset`` is the character offset of ``target`` in the
    decoded file, so ``file_text[offset : offset + len(target)] == target`` for text.
    """

    id: str
    target: str
    source: str | None
    location: Location
    offset: int = 0
    flags: frozenset[str] = frozenset()
    notes: tuple[str, ...] = ()
    context: str | None = None


class PackedSegments(Sequence[Segment]):
    """A document's segments, kept encoded until something reads them.

    A run keeps every file's result until its run-wide step, and a re-run takes most of
    them from the result cache: decoded, the units of a large project's catalogues are
    most of a run's memory and a good part of a re-run's time, while every report but
    HTML needs only their number. ``load(indices)`` decodes the segments at ``indices``,
    or every one for None (:mod:`mtcheck.execute.codec` makes it); once read whole, the
    segments are kept. Equal to the tuple of the same segments.
    """

    __slots__ = ("_count", "_load", "_read")

    def __init__(self, count: int, load: Callable[[Sequence[int] | None], list[Segment]]) -> None:
        self._count = count
        self._load = load
        self._read: tuple[Segment, ...] | None = None

    def _all(self) -> tuple[Segment, ...]:
        # read once; two threads reading at once each decode the same value, which is harmless
        if self._read is None:
            self._read = tuple(self._load(None))
        return self._read

    @property
    def decoded(self) -> bool:
        """Whether every segment has been read (and is kept)."""
        return self._read is not None

    def pick(self, indices: Sequence[int]) -> list[Segment]:
        """The segments at ``indices``, without decoding the others."""
        if self._read is not None:
            return [self._read[i] for i in indices]
        return self._load(indices)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Segment: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Segment, ...]: ...
    def __getitem__(self, index: int | slice) -> Segment | tuple[Segment, ...]:
        return self._all()[index]

    def __iter__(self) -> Iterator[Segment]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PackedSegments | tuple):
            return self._all() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return f"PackedSegments({self._count} segments{', read' if self._read is not None else ''})"


def pick_segments(segments: Sequence[Segment], indices: Sequence[int]) -> list[Segment]:
    """``[segments[i] for i in indices]``, decoding no other segment of packed ones."""
    if isinstance(segments, PackedSegments):
        return segments.pick(indices)
    return [segments[i] for i in indices]


@dataclass(frozen=True)
class Document:
    """A translated file, split into segments, with its language pair.

    ``segments`` is a tuple, or :class:`PackedSegments` for a document whose result was
    packed by the run (read on demand, equal to the tuple).
    """

    path: str | None
    source_lang: str
    target_lang: str
    segments: Sequence[Segment]
    original: tuple[Segment, ...] | None = None
    original_path: str | None = None
    format: str = "text"

    @property
    def bilingual(self) -> bool:
        """True when there is source text to compare with (paired units or an original)."""
        return self.original is not None or any(s.source is not None for s in self.segments)

    def segment(self, segment_id: str) -> Segment:
        for seg in self.segments:
            if seg.id == segment_id:
                return seg
        raise KeyError(segment_id)


def _freeze(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class Finding:
    """A suspect rendering: what, where, why, and what to write instead."""

    check: str
    severity: Severity
    segment_id: str
    location: Location
    message: str
    span: Span | None = None
    text: str = ""
    source_span: Span | None = None
    suggestion: str | None = None
    confidence: float | None = None
    evidence: Mapping[str, Any] = field(default_factory=lambda: _freeze(None))
    context: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "evidence", _freeze(self.evidence))

    @property
    def fingerprint(self) -> str:
        """A stable id that survives line moves: check, file, unit/sentence text and span text.

        The path is written with "/" and without "./", so a baseline made on Windows or
        from ``./po`` matches a run on ``po``; ``evidence["subject"]`` tells apart
        findings without a target span (two placeholders missing from one unit).
        """
        path = (self.location.path or "").replace("\\", "/")
        while path.startswith("./"):
            path = path[2:]
        parts = [self.check, path, self.location.unit_id or "", self.context, self.text]
        if "subject" in self.evidence:
            parts.append(str(self.evidence["subject"]))
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Report:
    """Everything a run produced; renderers turn it into text, JSON, SARIF…"""

    findings: tuple[Finding, ...]
    documents: tuple[Document, ...]
    scores: Mapping[str, Any] = field(default_factory=lambda: _freeze(None))
    signature: Mapping[str, Any] = field(default_factory=lambda: _freeze(None))
    notes: tuple[str, ...] = ()
    details: Mapping[str, Any] = field(default_factory=lambda: _freeze(None))
    # the project root that paths are relative to (absolute; "" when not known)
    root: str = ""

    def __post_init__(self) -> None:
        for name in ("scores", "signature", "details"):
            object.__setattr__(self, name, _freeze(getattr(self, name)))

    def counts(self) -> dict[str, int]:
        counts = {str(s): 0 for s in sorted(Severity, reverse=True)}
        for finding in self.findings:
            counts[str(finding.severity)] += 1
        return counts

    def exit_code(self, fail_on: Severity | None) -> int:
        """0 when the gate passes, 1 when a finding is at or above ``fail_on``.

        ``fail_on=None`` means "never fail on findings".
        """
        if fail_on is None:
            return 0
        return 1 if any(f.severity >= fail_on for f in self.findings) else 0


@dataclass(frozen=True)
class ModelSettings:
    """How the back-translation step finds and runs its models."""

    model: str | None = None
    backend: str = "torch"
    beam: int = 4
    threads: int | None = None
    device: str = "auto"
    batch_tokens: int = 4096
    models_dir: str | None = None
    cache_dir: str | None = None
    use_cache: bool = True
    allow_download: bool = False
    allow_pickle: bool = False
    compute_type: str = "int8"  # CTranslate2 weights: int8 (fast on CPU), float32 (same as torch), …
    required: bool = False
    enabled: bool = True


@dataclass(frozen=True)
class Languages:
    """Languages given on the command line or in the config; a reader may know better."""

    source: str | None = None
    target: str | None = None


@dataclass(frozen=True)
class RenderOptions:
    color: bool = False
    width: int = 80
    fail_on: Severity | None = Severity.ERROR
    notes: bool = True  # -q leaves the notes (skipped steps, skipped files) out of the text report


# The plug-in protocols. The registry (:mod:`mtcheck.registry`) names them, so it needs
# nothing from the layers above; the implementations live in their own packages
# (formats/, translators/, render/, checks/).


class Reader(Protocol):
    """Reads one file format. ``extensions`` are matched case-insensitively, with the dot."""

    name: str
    extensions: tuple[str, ...]

    def read(self, path: Path, languages: Languages) -> Sequence[Document]:
        """Parse ``path``; raise :class:`~mtcheck.errors.InputError` on malformed input.

        Languages the file does not state are taken from ``languages``; a reader leaves
        ``""`` where neither knows, and the pipeline detects or asks for them.
        """
        ...


class Translator(Protocol):
    """Translates a batch of texts from ``src`` to ``tgt`` (BCP-47 codes), order kept."""

    @property
    def signature(self) -> Mapping[str, str]:
        """Model id, revision or content hash, decoding settings: what shapes the output."""
        ...

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]: ...


TranslatorFactory = Callable[[ModelSettings], Translator]


class Renderer(Protocol):
    """Turns a report into a string: terminal text, JSON, SARIF, JUnit, Markdown…"""

    def __call__(self, report: Report, options: RenderOptions) -> str: ...


@dataclass(frozen=True)
class Summary:
    """What a run-scope check keeps of each document for the run-wide step.

    ``make(document)`` returns JSON types, made when the file is checked and kept with
    its result (the result cache stores it), so that the run-wide step reads no
    segment of an unchanged file. Checks that group by the same keys share one ``name``.
    """

    name: str
    make: Callable[[Document], Any]


class CheckSpec(Protocol):
    """A registered check as the registry, the pipeline and the renderers see it.

    :class:`mtcheck.checks.base.Check` is its implementation; ``run`` takes that module's
    ``CheckContext`` and yields its ``Hit`` objects.
    """

    @property
    def id(self) -> str: ...
    @property
    def severity(self) -> Severity: ...
    @property
    def title(self) -> str: ...
    @property
    def run(self) -> Callable[[Any], Iterable[Any]]: ...
    @property
    def enabled_by_default(self) -> bool: ...
    @property
    def needs(self) -> frozenset[str]: ...
    @property
    def scope(self) -> str: ...
    @property
    def summary(self) -> Summary | None: ...
