"""Termbases: concepts with per-language terms and their status.

House style is a termbase too: "Kyiv" preferred, "Kiev" deprecated.
Readers for TBX and CSV/TSV glossaries fill these types (see ``load_termbases``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from mtcheck.read.languages import base_language

PREFERRED = "preferred"
ADMITTED = "admitted"
DEPRECATED = "deprecated"  # TBX "deprecatedTerm-admn-sts" and "supersededTerm-admn-sts"
FORBIDDEN = "forbidden"
STATUSES = (PREFERRED, ADMITTED, DEPRECATED, FORBIDDEN)


@dataclass(frozen=True)
class Term:
    text: str
    lang: str
    status: str = ADMITTED
    part_of_speech: str | None = None
    note: str | None = None

    @property
    def allowed(self) -> bool:
        return self.status in (PREFERRED, ADMITTED)


@dataclass(frozen=True)
class Concept:
    id: str
    terms: tuple[Term, ...]
    origin: str = ""  # the file (and entry) it came from, for evidence

    def terms_in(self, lang: str) -> list[Term]:
        code = base_language(lang)
        return [t for t in self.terms if base_language(t.lang) == code]

    def preferred(self, lang: str) -> Term | None:
        terms = [t for t in self.terms_in(lang) if t.allowed]
        terms.sort(key=lambda t: t.status != PREFERRED)
        return terms[0] if terms else None


@dataclass(frozen=True)
class Termbase:
    concepts: tuple[Concept, ...] = ()

    def __len__(self) -> int:
        return len(self.concepts)

    def __add__(self, other: Termbase) -> Termbase:
        return Termbase(self.concepts + other.concepts)

    @functools.cached_property
    def _by_form(self) -> dict[tuple[str, str], list[tuple[Term, Concept]]]:
        index: dict[tuple[str, str], list[tuple[Term, Concept]]] = {}
        for concept in self.concepts:
            for term in concept.terms:
                index.setdefault((base_language(term.lang), term.text.casefold()), []).append((term, concept))
        return index

    def lookup(self, text: str, lang: str) -> list[tuple[Term, Concept]]:
        """Terms in ``lang`` written ``text`` (case-insensitive), with their concepts."""
        return self._by_form.get((base_language(lang), text.casefold()), [])

    def terms_in(self, lang: str) -> list[tuple[Term, Concept]]:
        """Every term in ``lang`` with its concept."""
        return [(t, c) for c in self.concepts for t in c.terms_in(lang)]
