"""A deprecated or forbidden term is used where the termbase or house style prefers another."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import regex

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.names.clitics import ARABIC_PROCLITICS
from mtcheck.names.known import gazetteer_of, termbase_of
from mtcheck.names.termbase import DEPRECATED, FORBIDDEN
from mtcheck.names.translit import is_abjad
from mtcheck.read.languages import base_language
from mtcheck.types import Severity, Span

# Deprecated place names derived from the gazetteer are English house style (KMU-2010 forms
# for Ukrainian places, as AP, Reuters and the BBC use them); other languages keep their own
# exonyms (German Kiew, French Kiev is still common), so only English targets get them.
GAZETTEER_STYLE_LANGS = frozenset({"en"})


@check("deprecated-term", Severity.WARNING)
def deprecated_term(ctx: CheckContext) -> Iterator[Hit]:
    """Deprecated term: use the preferred form."""
    lang = ctx.document.target_lang
    # form → (suggestion, severity, evidence)
    rules: dict[str, tuple[str | None, Severity | None, dict[str, str], bool]] = {}
    for term, concept in termbase_of(ctx.names).terms_in(lang):
        if term.status not in (DEPRECATED, FORBIDDEN):
            continue
        preferred = concept.preferred(lang)
        severity = Severity.ERROR if term.status == FORBIDDEN else None
        evidence = {"status": term.status, "source": concept.origin or "termbase"}
        if term.note:
            evidence["note"] = term.note
        rules[term.text] = (preferred.text if preferred else None, severity, evidence, True)
    gazetteer = gazetteer_of(ctx.names)
    if gazetteer is not None and base_language(lang) in GAZETTEER_STYLE_LANGS:
        for place in gazetteer.deprecated_forms(base_language(lang)):
            if place.form in rules:
                continue
            evidence = {
                "status": DEPRECATED,
                "source": f"gazetteer: {place.source}",
                "rule": "Russian-derived form of a Ukrainian place; the official romanisation (KMU-2010) is preferred",
            }
            if place.ambiguous:
                evidence["ambiguous"] = f"“{place.form}” is also a place outside Ukraine"
            rules[place.form] = (place.preferred, Severity.INFO if place.ambiguous else None, evidence, False)
    if not rules:
        return
    # Termbase terms match case-insensitively; gazetteer names only capitalised as names.
    # In Arabic a conjunction or preposition is written joined to the name (وخاركوف "and
    # Kharkov"): it may stand before a term and stays outside the reported span.
    clitics = ARABIC_PROCLITICS if any(is_abjad(form) for form in rules) else ()
    index = TermIndex(rules, clitics)
    for seg in ctx.document.segments:
        for start, end, form in index.find(seg.target):
            text = seg.target[start:end]
            suggestion, severity, evidence, any_case = rules[form]
            if not any_case and text != form:
                continue
            message = f"“{text}” is deprecated" + (f"; use “{suggestion}”" if suggestion else "")
            yield Hit(
                seg,
                message,
                span=Span(start, end),
                suggestion=suggestion,
                confidence=0.6 if severity == Severity.INFO else 1.0,
                evidence=evidence,
                severity=severity,
            )


_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")


class TermIndex:
    """Finds whole-word occurrences of many terms, case-insensitively, in O(words).

    One alternation of every term costs a regex compile and a scan that grow with the
    termbase (14 s for 30,000 terms); here each term is filed under its first word and
    only the terms filed under a word of the text are tried there. What it finds is what
    ``(?<!\\w)(?:clitic)?(term1|term2|…)(?!\\w)`` (longest term first) would find: the
    leftmost occurrence, the longest clitic that lets a term follow, then the longest term.
    Terms that do not start with a letter or digit are rare and go through such a regex.
    """

    def __init__(self, forms: Iterable[str], clitics: Sequence[str] = ()) -> None:
        self.by_first: dict[str, list[str]] = {}
        odd: list[str] = []
        for form in sorted(forms, key=len, reverse=True):
            first = _WORD.match(form)
            if first is None:
                odd.append(form)
            else:
                self.by_first.setdefault(first.group().casefold(), []).append(form)
        self.clitics = tuple(clitics)
        self.odd = (
            regex.compile(
                r"(?<![\p{L}\p{M}\p{N}])(?:" + "|".join(map(regex.escape, odd)) + r")(?![\p{L}\p{M}\p{N}])",
                regex.IGNORECASE,
            )
            if odd
            else None
        )
        self.lookup = {form.casefold(): form for form in forms}

    def find(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, the term's form as filed) of each occurrence, left to right, not overlapping."""
        found = list(self._by_words(text))
        if self.odd is not None:
            found.extend(
                (m.start(), m.end(), self.lookup[m.group().casefold()])
                for m in self.odd.finditer(text)
                if m.group().casefold() in self.lookup
            )
            found.sort()
        end = -1
        for hit in found:
            if hit[0] >= end:
                end = hit[1]
                yield hit

    def _by_words(self, text: str) -> Iterator[tuple[int, int, str]]:
        folded = text.casefold() if len(text.casefold()) == len(text) else None
        for word in _WORD.finditer(text):
            token = word.group()
            for clitic in (*self.clitics, ""):
                if not token.startswith(clitic):
                    continue
                candidates = self.by_first.get(token[len(clitic) :].casefold())
                if not candidates:
                    continue
                start = word.start() + len(clitic)
                match = next((form for form in candidates if self._at(text, folded, start, form)), None)
                if match is not None:
                    yield start, start + len(match), self.lookup[match.casefold()]
                    break

    @staticmethod
    def _at(text: str, folded: str | None, start: int, form: str) -> bool:
        end = start + len(form)
        piece = folded[start:end] if folded is not None else text[start:end].casefold()
        if piece != form.casefold():
            return False
        return end >= len(text) or _WORD.match(text[end]) is None
