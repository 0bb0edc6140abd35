"""One source term is rendered by different target terms across a document."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import regex

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.checks.pairs import Pair, pairs
from mtcheck.names.known import termbase_of
from mtcheck.types import Severity, Span


def _find(term: str, text: str) -> regex.Match[str] | None:
    pattern = r"(?<![\p{L}\p{M}\p{N}])" + regex.escape(term) + r"(?![\p{L}\p{M}\p{N}])"
    return regex.search(pattern, text, regex.IGNORECASE)


@check("term-consistency", Severity.WARNING, needs=("pair",))
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
        used: dict[str, list[tuple[Pair, Span]]] = defaultdict(list)
        for pair in pairs(ctx):
            if not any(_find(s.text, pair.source) for s in sources):
                continue
            for term in targets:
                match = _find(term.text, pair.target)
                if match:
                    used[term.text].append((pair, Span(match.start(), match.end())))
        if len(used) < 2:
            continue
        preferred = concept.preferred(doc.target_lang)
        main = preferred.text if preferred and preferred.text in used else max(used, key=lambda t: len(used[t]))
        for form, places in used.items():
            if form == main:
                continue
            for pair, span in places:
                yield pair.hit(
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
