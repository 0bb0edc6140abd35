"""The HTML review page's view model and rendering (loaded by :mod:`mtcheck.render.html`).

The page is built from a view model made here (rows of original | translation |
back-translation per aligned link, findings placed at their spans) and rendered by the
Jinja2 templates in ``render/templates/`` with autoescaping on. Jinja2 is imported only
when HTML is asked for.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from mtcheck.config import fail_on_name
from mtcheck.registry import CHECKS
from mtcheck.render.base import RenderOptions
from mtcheck.types import Document, Finding, Report, Segment, Severity, Span
from mtcheck.version import __version__

ICONS = {"error": "✖", "warning": "⚠", "info": "ℹ"}  # shown with the word: never colour alone


@dataclass
class Item:
    """One finding as the page shows it."""

    anchor: str
    finding: Finding
    title: str
    file: str

    @property
    def severity(self) -> str:
        return str(self.finding.severity)

    @property
    def icon(self) -> str:
        return ICONS[self.severity]


@dataclass
class Cell:
    html: Markup
    dir: str
    lang: str
    empty_label: str = ""


@dataclass
class Row:
    """One aligned link (or one segment, or one unit): its cells and its findings."""

    where: str
    original: Cell | None
    translation: Cell
    back: Cell | None
    items: list[Item] = field(default_factory=list)
    kind: str = ""


@dataclass
class DocView:
    path: str
    source_lang: str
    target_lang: str
    catalogue: bool
    has_original: bool
    has_back: bool
    rows: list[Row]
    alignment: Mapping[str, Any] | None
    unplaced: list[Item] = field(default_factory=list)


@lru_cache(maxsize=64)
def direction(lang: str) -> str:
    """``rtl`` or ``ltr`` from CLDR (babel) for a BCP-47 code; ``auto`` when CLDR does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        order = Locale.parse(lang.replace("-", "_")).character_order
    except (UnknownLocaleError, ValueError, TypeError):
        return "auto"
    return "rtl" if order == "right-to-left" else "ltr"


def _visible(text: str) -> Markup:
    """Escape ``text`` and wrap each invisible format character (Unicode Cf: bidi controls,
    zero-width spaces and joiners, BOM) in a labelled span; the character itself stays in
    the DOM, isolated, and CSS shows its code point beside it."""
    out: list[str] = []
    for ch in text:
        if unicodedata.category(ch) == "Cf":
            code = f"U+{ord(ch):04X}"
            name = unicodedata.name(ch, "format character")
            out.append(f'<span class="cf" data-cp="{code}" title="{code} {escape(name)}">{ch}</span>')
        else:
            out.append(str(escape(ch)))
    return Markup("".join(out))


def marked(text: str, spans: Sequence[tuple[Span, Item]]) -> Markup:
    """``text`` with each span in a ``<mark>`` naming its findings; overlapping spans split at every boundary."""
    cuts = sorted({0, len(text), *(p for span, _ in spans for p in (span.start, span.end) if p <= len(text))})
    out: list[str] = []
    for start, end in pairwise(cuts):
        piece = _visible(text[start:end])
        covering = [item for span, item in spans if span.start <= start and end <= span.end]
        if not covering:
            out.append(piece)
            continue
        worst = max(covering, key=lambda item: item.finding.severity)
        ids = " ".join(item.anchor for item in covering)
        label = "; ".join(f"{item.severity}: {item.finding.check}" for item in covering)
        out.append(f'<mark class="sev-{worst.severity}" data-f="{ids}" title="{escape(label)}">{piece}</mark>')
    return Markup("".join(out))


def _cell(segments: Sequence[Segment], spans: Mapping[str, list[tuple[Span, Item]]], lang: str) -> Cell:
    html = Markup(" ").join(marked(seg.target, spans.get(seg.id, [])) for seg in segments)
    return Cell(html, direction(lang), lang)


def _empty(lang: str, label: str) -> Cell:
    return Cell(Markup(""), direction(lang), lang, label)


def _plain(texts: Sequence[str], lang: str) -> Cell | None:
    texts = [t for t in texts if t]
    return Cell(_visible(" ".join(texts)), direction(lang), lang) if texts else None


def _items(report: Report) -> list[Item]:
    titles = {check_id: spec.title for check_id, spec in CHECKS.items()}
    return [
        Item(f"f{n}", f, titles.get(f.check, f.check), f.location.path or "<stdin>")
        for n, f in enumerate(report.findings, 1)
    ]


def _document_view(doc: Document, items: list[Item], details: Mapping[str, Any]) -> DocView:
    key = doc.path or ""
    back = details.get("back_translations", {}).get(key, {})
    alignment = details.get("alignment", {}).get(key)
    catalogue = doc.format not in ("text", "markdown")
    target_spans: dict[str, list[tuple[Span, Item]]] = {}
    source_spans: dict[str, list[tuple[Span, Item]]] = {}
    for item in items:
        f = item.finding
        if f.span is not None:
            target_spans.setdefault(f.segment_id, []).append((f.span, item))
        if f.source_span is not None:
            # In a text with an original, the name checks say which original sentence holds it.
            where = str(f.evidence.get("original_segment", f.segment_id))
            source_spans.setdefault(where, []).append((f.source_span, item))
    by_segment: dict[str, list[Item]] = {}
    for item in items:
        by_segment.setdefault(item.finding.segment_id, []).append(item)
    rows: list[Row]
    if catalogue:
        rows = _catalogue_rows(doc, by_segment, target_spans, source_spans, back)
    elif doc.original is not None and alignment is not None:
        rows = _aligned_rows(doc, alignment, by_segment, target_spans, source_spans, back)
    else:
        rows = [
            Row(
                f"line {seg.location.line}",
                None,
                _cell([seg], target_spans, doc.target_lang),
                _plain([back.get(seg.id, "")], doc.source_lang),
                by_segment.get(seg.id, []),
            )
            for seg in doc.segments
        ]
    placed = {id(item) for row in rows for item in row.items}
    return DocView(
        key or "<stdin>", doc.source_lang, doc.target_lang, catalogue, doc.original is not None or catalogue,
        bool(back), rows, alignment, [item for item in items if id(item) not in placed],
    )  # fmt: skip


def _aligned_rows(
    doc: Document,
    alignment: Mapping[str, Any],
    by_segment: dict[str, list[Item]],
    target_spans: dict[str, list[tuple[Span, Item]]],
    source_spans: dict[str, list[tuple[Span, Item]]],
    back: Mapping[str, str],
) -> list[Row]:
    assert doc.original is not None
    originals = {seg.id: seg for seg in doc.original}
    targets = {seg.id: seg for seg in doc.segments}
    # An omission finding is reported on a neighbouring sentence; the page shows it on the
    # row of the omitted original, which it names in its evidence.
    omitted = {
        str(item.finding.evidence.get("original")): item
        for items in by_segment.values()
        for item in items
        if item.finding.check == "unaligned" and item.finding.span is None and "original" in item.finding.evidence
    }
    moved = {id(item) for item in omitted.values()}
    rows: list[Row] = []
    for link in alignment.get("links", []):
        left = [originals[i] for i in link["original"] if i in originals]
        right = [targets[j] for j in link["target"] if j in targets]
        line = right[0].location.line if right else (left[0].location.line if left else 0)
        row = Row(
            f"line {line}" if right else f"original, line {line}",
            _cell(left, source_spans, doc.source_lang) if left else _empty(doc.source_lang, "added in the translation"),
            _cell(right, target_spans, doc.target_lang) if right else _empty(doc.target_lang, "omitted in translation"),
            _plain([back.get(seg.id, "") for seg in right], doc.source_lang),
            kind="addition" if not left else "omission" if not right else link.get("kind", ""),
        )
        if not right:
            joined = " ".join(seg.target for seg in left)
            if joined in omitted:
                row.items.append(omitted[joined])
        for seg in right:
            row.items.extend(item for item in by_segment.get(seg.id, []) if id(item) not in moved)
        rows.append(row)
    return rows


def _catalogue_rows(
    doc: Document,
    by_segment: dict[str, list[Item]],
    target_spans: dict[str, list[tuple[Span, Item]]],
    source_spans: dict[str, list[tuple[Span, Item]]],
    back: Mapping[str, str],
) -> list[Row]:
    """Only the units with findings: a catalogue has thousands of clean ones."""
    rows = []
    for seg in doc.segments:
        if seg.id not in by_segment:
            continue
        unit = f" [{seg.location.unit_id}]" if seg.location.unit_id else ""
        where = f"line {seg.location.line}{unit}"
        source = Segment(seg.id, seg.source or "", None, seg.location)
        rows.append(
            Row(
                where,
                _cell([source], source_spans, doc.source_lang),
                _cell([seg], target_spans, doc.target_lang),
                _plain([back.get(seg.id, "")], doc.source_lang),
                by_segment[seg.id],
            )
        )
    return rows


def view(report: Report, options: RenderOptions) -> dict[str, Any]:
    """Everything the template shows, computed once."""
    items = _items(report)
    documents = [
        _document_view(doc, [i for i in items if i.file == (doc.path or "<stdin>")], report.details)
        for doc in report.documents
    ]
    counts = report.counts()
    return {
        "version": __version__,
        "passed": report.exit_code(options.fail_on) == 0,
        "fail_on": fail_on_name(options.fail_on),
        "counts": counts,
        "by_check": sorted(Counter(i.finding.check for i in items).items()),
        "severities": [str(s) for s in sorted(Severity, reverse=True)],
        "files": sorted({i.file for i in items}),
        "icons": ICONS,
        "scores": report.scores,
        "signature": report.signature,
        "model": report.details.get("model"),
        "notes": report.notes,
        "documents": documents,
        "items": items,
        "total": len(items),
    }


@lru_cache(maxsize=1)
def environment() -> Any:
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("mtcheck.render", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def render(report: Report, options: RenderOptions) -> str:
    return str(environment().get_template("report.html.j2").render(**view(report, options)))
