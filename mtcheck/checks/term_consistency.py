"""One source term is rendered by different target terms across a document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import regex

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.names.known import termbase_of
from mtcheck.types import Segment, Severity, Span


def _find(term: str, text: str) -> regex.Match[str] | None:
    pattern = r"(?<![\p{L}\p{M}\p{N}])" + regex.escape(term) + r"(?![\p{L}\p{M}\p{N}])"
    return regex.search(pattern, text, regex.IGNORECASE)


@check("term-consistency", Severity.WARNING, needs=("source",))
def term_consistency(ctx: CheckContext) -> Iterator[Hit]:
    """Source term translated inconsistently."""
    doc = ctx.document
    termbase = termbase_of(ctx.names)
    if not termbase.concepts:
        return
    for concept in termbase.concepts:
        sources = concept.terms_in(doc.source_lang)
        targets = concept.terms_in(doc.target_lang)
        if not sources or len(targets) < 2:
            continue
        used: dict[str, list[tuple[Segment, Span]]] = defaultdict(list)
        for seg in doc.segments:
            if seg.source is None or not any(_find(s.text, seg.source) for s in sources):
                continue
            for term in targets:
                match = _find(term.text, seg.target)
                if match:
                    used[term.text].append((seg, Span(match.start(), match.end())))
        if len(used) < 2:
            continue
        preferred = concept.preferred(doc.target_lang)
        main = preferred.text if preferred and preferred.text in used else max(used, key=lambda t: len(used[t]))
        for form, places in used.items():
            if form == main:
                continue
            for seg, span in places:
                yield Hit(
                    seg,
                    f"“{sources[0].text}” is translated “{form}” here and “{main}” elsewhere",
                    span=span,
                    suggestion=main,
                    confidence=0.9,
                    evidence={
                        "source_term": sources[0].text,
                        "renderings": {t: len(p) for t, p in used.items()},
                        "source": concept.origin or "termbase",
                    },
                )
