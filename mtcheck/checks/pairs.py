"""One notion of a bilingual pair, whatever the input.

A catalogue unit (PO, XLIFF, TMX…) pairs its source with its target in the file. Wire
copy checked with ``--original`` has no such pairs: its sentences are paired by the
aligner (:mod:`mtcheck.align.align`), one original sentence with one or two target
sentences, or two with one. Both become a :class:`Pair`, so every check that compares
a source with its translation (numbers, URLs, e-mail addresses, placeholders, tags,
glossary terms) runs on both in the same way.

A pair's ``target`` joins its target segments with a space; :meth:`Pair.hit` maps a
span of that joined text back to the target segment that holds it, so a finding
still points at the right sentence, line and column. The same goes for the source
side: ``source`` joins the original's sentences, and a source span is mapped back to
the original sentence that holds it (named in the finding's evidence).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from mtcheck.checks.base import CheckContext, Hit
from mtcheck.types import Segment, Severity, Span

_JOIN = " "


@dataclass(frozen=True)
class Pair:
    """A source text and its translation: a catalogue unit, or an aligned link of wire copy.

    ``targets`` are the target segments (one for a unit, one or two for an aligned
    link); ``originals`` the original's sentences the source joins (empty for a unit,
    whose source lives in its segment).
    """

    source: str
    targets: tuple[Segment, ...]
    originals: tuple[Segment, ...] = ()

    @property
    def aligned(self) -> bool:
        """True for wire copy paired by the aligner, False for a unit paired by its file."""
        return bool(self.originals)

    @property
    def segment(self) -> Segment:
        """The target segment a finding without a target span is shown on."""
        return self.targets[0]

    @property
    def target(self) -> str:
        if len(self.targets) == 1:
            return self.targets[0].target  # a unit: every check of it asks, and asks again
        return _JOIN.join(seg.target for seg in self.targets)

    def _target_at(self, start: int) -> tuple[Segment, int]:
        """The target segment holding offset ``start`` of :attr:`target`, and where it starts."""
        return _holder(self.targets, start)

    def hit(
        self,
        message: str,
        *,
        span: Span | None = None,
        source_span: Span | None = None,
        suggestion: str | None = None,
        confidence: float | None = None,
        evidence: Mapping[str, Any] | None = None,
        severity: Severity | None = None,
    ) -> Hit:
        """A finding on this pair, its spans moved from the joined texts to their sentences."""
        segment = self.segment
        facts = dict(evidence or {})
        if span is not None:
            segment, offset = self._target_at(span.start)
            end = min(span.end - offset, len(segment.target))
            span = Span(span.start - offset, max(end, span.start - offset))
        if source_span is not None and self.originals:
            original, offset = _holder(self.originals, source_span.start)
            end = min(source_span.end - offset, len(original.target))
            source_span = Span(source_span.start - offset, max(end, source_span.start - offset))
            facts.setdefault("original_segment", original.id)
        if self.originals:
            facts.setdefault("original", self.source)
        return Hit(segment, message, span=span, source_span=source_span, suggestion=suggestion,
                   confidence=confidence, evidence=facts, severity=severity)  # fmt: skip


def _holder(segments: tuple[Segment, ...], start: int) -> tuple[Segment, int]:
    """The segment of ``segments`` (joined by a space) holding offset ``start``, and its offset."""
    offset = 0
    for seg in segments[:-1]:
        if start < offset + len(seg.target) + len(_JOIN):
            return seg, offset
        offset += len(seg.target) + len(_JOIN)
    return segments[-1], offset


def pairs(ctx: CheckContext) -> Iterator[Pair]:
    """Every pair of the document (:func:`make_pairs`), made once per context for all its checks."""
    made: tuple[Pair, ...] | None = ctx.memo.get("pairs")
    if made is None:
        made = ctx.memo["pairs"] = tuple(make_pairs(ctx))
    return iter(made)


def make_pairs(ctx: CheckContext) -> Iterator[Pair]:
    """Every pair of the document: its units with a source, or the aligned links of wire copy.

    Wire copy pairs exist only with ``--original``: each link of the alignment that has
    both sides (1:1, 1:2, 2:1) is one pair. An omission (1:0) or addition (0:1) pairs
    nothing; the ``unaligned`` check reports it.
    """
    doc = ctx.document
    for seg in doc.segments:
        if seg.source is not None:
            yield Pair(seg.source, (seg,))
    alignment = ctx.adequacy.alignment if ctx.adequacy is not None else ctx.alignment
    if doc.original is None or alignment is None:
        return
    for link in alignment:
        if link.is_skip:
            continue
        originals = tuple(doc.original[i] for i in link.source_ids if i < len(doc.original))
        targets = tuple(doc.segments[j] for j in link.target_ids if j < len(doc.segments))
        if originals and targets:
            yield Pair(_JOIN.join(seg.target for seg in originals), targets, originals)
