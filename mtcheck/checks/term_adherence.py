"""Glossary adherence: a source term's required translation must appear, in any inflection.

With a termbase (``--termbase`` or ``termbases`` in mtcheck.toml), every pair (a
catalogue unit, or an aligned sentence pair of wire copy checked with ``--original``)
whose source contains a concept's term must contain one of that concept's allowed
target-language terms. Words are compared by lemma (Ukrainian, Russian) or stem
(Arabic and other Snowball languages), so "Київ" is found in "у Києві", and Arabic
words without their proclitics, so "كاتدرائية ولز" is found in "لكاتدرائية ولز".
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.checks.pairs import pairs
from mtcheck.names.morphology import find_phrase, tokens
from mtcheck.names.termbase import Concept, Term, Termbase
from mtcheck.types import Severity, Span


@dataclass(frozen=True)
class _Entry:
    concept: Concept
    term: Term
    keys: tuple[frozenset[str], ...]


def _index(termbase: Termbase, lang: str) -> dict[str, list[_Entry]]:
    """First-word key → the concept terms in ``lang`` that start with it."""
    index: dict[str, list[_Entry]] = {}
    for concept in termbase.concepts:
        for term in concept.terms_in(lang):
            keys = tuple(k for _s, _e, k in tokens(term.text, lang))
            if keys:
                entry = _Entry(concept, term, keys)
                for key in keys[0]:
                    index.setdefault(key, []).append(entry)
    return index


def _matches(text: str, lang: str, index: dict[str, list[_Entry]]) -> Iterator[tuple[_Entry, tuple[int, int]]]:
    words = tokens(text, lang)
    seen: set[int] = set()
    for i, (_s, _e, keys) in enumerate(words):
        for key in keys:
            for entry in index.get(key, ()):
                if id(entry) in seen:
                    continue
                span = find_phrase(entry.keys, words[i : i + len(entry.keys)])
                if span is not None:
                    seen.add(id(entry))
                    yield entry, span


def _termbase(ctx: CheckContext) -> Termbase | None:
    termbase = ctx.termbase
    return termbase if isinstance(termbase, Termbase) and len(termbase) else None


@check("term-adherence", Severity.WARNING, needs=("pair",))
def term_adherence(ctx: CheckContext) -> Iterator[Hit]:
    """Glossary term translated otherwise than the termbase requires."""
    termbase = _termbase(ctx)
    doc = ctx.document
    if termbase is None or not doc.source_lang or not doc.target_lang:
        return
    index = _index(termbase, doc.source_lang)
    for pair in pairs(ctx):
        if not pair.source or not pair.target:
            continue
        target_words = None
        for entry, span in _matches(pair.source, doc.source_lang, index):
            allowed = [t for t in entry.concept.terms_in(doc.target_lang) if t.allowed]
            if not allowed:
                continue
            if target_words is None:
                target_words = tokens(pair.target, doc.target_lang)
            wanted = [tuple(k for _s, _e, k in tokens(t.text, doc.target_lang)) for t in allowed]
            if any(find_phrase(keys, target_words) for keys in wanted):
                continue
            names = " or ".join(f"“{t.text}”" for t in allowed)
            yield pair.hit(
                f"source term “{span_text(pair.source, span)}” should be translated {names}",
                source_span=Span(*span),
                suggestion=allowed[0].text,
                evidence={"subject": entry.concept.id, "concept": entry.concept.id, "origin": entry.concept.origin},
            )


@check("source-deprecated-term", Severity.WARNING, needs=("pair",))
def source_deprecated_term(ctx: CheckContext) -> Iterator[Hit]:
    """Deprecated term in the source text: the catalogue may be built from an outdated template."""
    termbase = _termbase(ctx)
    doc = ctx.document
    if termbase is None or not doc.source_lang:
        return
    index = _index(termbase, doc.source_lang)
    for pair in pairs(ctx):
        # The original of wire copy is its author's text, written in its own language's
        # usage ("Киев" in a Russian article): only a catalogue's template is ours to fix.
        if not pair.source or pair.aligned:
            continue
        for entry, span in _matches(pair.source, doc.source_lang, index):
            if entry.term.allowed:
                continue
            preferred = entry.concept.preferred(doc.source_lang)
            instead = f"; the termbase prefers “{preferred.text}”" if preferred else ""
            yield pair.hit(
                f"the source says “{span_text(pair.source, span)}”, a {entry.term.status} term{instead} "
                "(outdated template?)",
                source_span=Span(*span),
                suggestion=preferred.text if preferred else None,
                evidence={"subject": entry.term.text, "concept": entry.concept.id, "status": entry.term.status},
            )


def span_text(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]
