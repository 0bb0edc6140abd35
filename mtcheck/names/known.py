"""What counts as a known name, and where a suspect one probably came from.

Shared by the name checks: a name is *known* when a termbase or the gazetteer lists it, or
when the language's word list (wordfreq) has it as an established word. A known name is
never reported as a misspelling of another known name: this is how Scholz and Schulz, one
transliteration key apart, stay two people.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mtcheck.names.extract import Mention, extract, extract_known, is_cased, name_words, zipf
from mtcheck.names.gazetteer import Gazetteer
from mtcheck.names.keyindex import FormIndex
from mtcheck.names.sources import NameSources
from mtcheck.names.termbase import Concept, Term, Termbase
from mtcheck.names.translit import SAME_SCRIPT_THRESHOLD, key, similarity
from mtcheck.read.languages import base_language
from mtcheck.types import Segment

# Zipf frequency at which a word is established in the language's running text (wordfreq
# 2.0 = about once per 10 million words): Schulz 3.1, Scholz 2.3, but Omerov 0, Zelenskyy 0.
ESTABLISHED_ZIPF = 2.0


@dataclass(frozen=True)
class Candidate:
    """A known form a suspect name is close to."""

    form: str
    score: float
    source: str


def termbase_of(sources: NameSources) -> Termbase:
    tb = sources.termbase
    return tb if isinstance(tb, Termbase) else Termbase()


def gazetteer_of(sources: NameSources) -> Gazetteer | None:
    gz = sources.gazetteer
    return gz if isinstance(gz, Gazetteer) else None


def mentions(sources: NameSources) -> list[tuple[Segment, Mention]]:
    """Every name mention in the document's target segments, in document order."""
    # Several checks ask for the same document's names in a row; extraction is the costly part.
    return sources.remember("mentions", lambda: list(_find_mentions(sources)))


def _find_mentions(sources: NameSources) -> Iterator[tuple[Segment, Mention]]:
    lang = sources.document.target_lang
    cased = [seg for seg in sources.document.segments if is_cased(seg.target)]
    known = name_words([seg.target for seg in cased], lang)  # "Cameron" alone after "David Cameron"
    forms: FormIndex | None = None
    for seg in sources.document.segments:
        if is_cased(seg.target):
            yield from ((seg, mention) for mention in extract(seg.target, lang, known))
            continue
        # No letter case (Arabic): the names are what sounds like a termbase term of the language.
        if forms is None:
            forms = FormIndex(sorted({term.text for term, _concept in termbase_of(sources).terms_in(lang)}))
        if forms.lengths:
            yield from ((seg, mention) for mention in extract_known(seg.target, forms, SAME_SCRIPT_THRESHOLD))


def is_known(text: str, sources: NameSources) -> bool:
    lang = base_language(sources.document.target_lang)
    termbase = termbase_of(sources)
    if termbase.lookup(text, lang):
        return True
    gazetteer = gazetteer_of(sources)
    if gazetteer is not None and gazetteer.known(text):
        return True
    return all(zipf(word.lower(), lang) >= ESTABLISHED_ZIPF for word in text.split())


def termbase_candidates(text: str, sources: NameSources, threshold: float = SAME_SCRIPT_THRESHOLD) -> list[Candidate]:
    """Allowed termbase terms in the target language close to ``text``, best first."""
    lang = sources.document.target_lang
    found: dict[str, Candidate] = {}
    index, owners = sources.remember("termbase-index", lambda: _termbase_index(sources))
    mention_words = text.split()
    # Compare whole names, and a one-word mention with the last word of a longer term
    # (a surname used alone: "Omerov" for "Rustem Umerov"), among the forms whose key is close.
    close = index.candidates(text, len(mention_words), threshold)
    for option in close:
        for term, concept in owners[option]:
            score = similarity(text, option)
            if score >= threshold and option.casefold() != text.casefold():
                preferred = concept.preferred(lang)
                form = preferred.text if preferred and option == term.text else option
                if form not in found or found[form].score < score:
                    found[form] = Candidate(form, score, concept.origin or "termbase")
    return sorted(found.values(), key=lambda c: -c.score)


def has_termbase_terms(sources: NameSources) -> bool:
    """Whether the termbase allows any term in the document's target language."""
    return bool(sources.remember("termbase-index", lambda: _termbase_index(sources))[1])


def _termbase_index(sources: NameSources) -> tuple[FormIndex, dict[str, list[tuple[Term, Concept]]]]:
    """The target language's allowed terms (and the surnames of multi-word ones) by key."""
    owners: dict[str, list[tuple[Term, Concept]]] = {}
    for term, concept in termbase_of(sources).terms_in(sources.document.target_lang):
        if term.allowed:
            owners.setdefault(term.text, []).append((term, concept))
            if len(term.text.split()) > 1:
                owners.setdefault(term.text.split()[-1], []).append((term, concept))
    return FormIndex(owners), owners


def gazetteer_candidates(text: str, sources: NameSources, threshold: float) -> list[Candidate]:
    gazetteer = gazetteer_of(sources)
    if gazetteer is None:
        return []
    found: dict[str, Candidate] = {}
    for place in gazetteer.by_key(key(text)):
        score = similarity(text, place.preferred)
        if score >= threshold and place.preferred.casefold() != text.casefold():
            where = f"{place.kind}, {place.country}" if place.country else place.kind
            candidate = Candidate(place.preferred, score, f"gazetteer: {place.source} ({where})")
            if place.preferred not in found or found[place.preferred].score < score:
                found[place.preferred] = candidate
    return sorted(found.values(), key=lambda c: -c.score)
