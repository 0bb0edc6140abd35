"""A deprecated or forbidden term is used where the termbase or house style prefers another."""

from __future__ import annotations

from collections.abc import Iterator

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
    alternatives = sorted(rules, key=len, reverse=True)
    # In Arabic a conjunction or preposition is written joined to the name (وخاركوف "and
    # Kharkov"): it may stand before a term and stays outside the reported span.
    clitics = "|".join(ARABIC_PROCLITICS) if is_abjad(" ".join(alternatives)) else ""
    left = r"(?<![\p{L}\p{M}\p{N}])" + (f"(?:{clitics})?" if clitics else "")
    pattern = regex.compile(
        left + r"(?P<term>" + "|".join(regex.escape(a) for a in alternatives) + r")(?![\p{L}\p{M}\p{N}])",
        regex.IGNORECASE,
    )
    lookup = {form.casefold(): form for form in rules}
    for seg in ctx.document.segments:
        for match in pattern.finditer(seg.target, overlapped=False):
            text = match.group("term")
            form = lookup.get(text.casefold())
            if form is None:
                continue
            suggestion, severity, evidence, any_case = rules[form]
            if not any_case and text != form:
                continue
            message = f"“{text}” is deprecated" + (f"; use “{suggestion}”" if suggestion else "")
            yield Hit(
                seg,
                message,
                span=Span(match.start("term"), match.end("term")),
                suggestion=suggestion,
                confidence=0.6 if severity == Severity.INFO else 1.0,
                evidence=evidence,
                severity=severity,
            )
