"""Mentions of one name counted link by link: is a name missing from its aligned sentence
moved (said elsewhere in the translation instead), or dropped?

A name of the original that its aligned translation lacks, while another sentence of the
translation has it, is usually taken as moved: translators reorder clauses, and a loose
alignment puts a name one sentence off. That holds only when the other mention has no
owner. Where every sentence of the translation that names it is aligned with a sentence
of the original that names it too, each of those mentions renders the original's own,
and nothing is left over that could be this one: the name was dropped here. The name
being rendered elsewhere also shows that translators keep it (transliterated, not
translated), the doubt that makes a lone missing name only a hint.

A name missing from its sentence and found in a neighbouring one (the alignment may be a
sentence off) is moved only when that neighbour's mention is spare too: where the original
names it in both sentences, the neighbour's mention is its own, and this sentence lost it.

A name dropped at a later mention may have been left to a pronoun (Erdogan … he). Only a
third-person personal pronoun can stand for a name, a closed class each language's grammar
lists (:data:`THIRD_PERSON`); a sentence with none of them left nothing that could.

No model is needed: mentions are found by transliteration (:mod:`mtcheck.names.tokens`)
on the translation side, and in the original's own script on the original side.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from mtcheck.names.tokens import Token, best_match, find_forms, threshold, tokens_of
from mtcheck.names.translit import SAME_SCRIPT_THRESHOLD
from mtcheck.read.words import iter_words

# A capitalised word of the translation this close to the name counts as a mention when the
# ledger looks for a spare one: a low bar errs towards "moved", the quiet side.
SPARE_THRESHOLD = 0.7

# The third-person personal pronouns, with their possessives, of the languages whose grammar is
# listed here: the closed class of words that can stand for a name (he, його, её). Written out
# by hand because it is grammar, not vocabulary: a word list or a frequency cannot tell it.
# Other languages (Arabic carries its pronouns as clitics of other words) have no entry, and a
# dropped later mention there stays a hint.
THIRD_PERSON: dict[str, frozenset[str]] = {
    "en": frozenset((
        "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself",
        "they", "them", "their", "theirs", "themselves",
    )),
    "uk": frozenset((
        "він", "його", "йому", "ним", "ньому", "нього", "вона", "її", "їй", "нею", "ній", "неї", "воно",
        "вони", "їх", "їм", "ними", "них", "їхній", "їхня", "їхнє", "їхні", "їхнього", "їхньої",
        "їхньому", "їхньою", "їхнім", "їхніх", "їхніми",
    )),
    "ru": frozenset((
        "он", "его", "ему", "им", "нём", "нем", "него", "она", "её", "ее", "ей", "ею", "ней", "неё",
        "нее", "оно", "они", "их", "ими", "них",
    )),
}  # fmt: skip


@dataclass(frozen=True)
class Link:
    """One link of the alignment: the original's tokens and the translation's (either may be empty)."""

    original: tuple[Token, ...]
    target: tuple[Token, ...]


@dataclass(frozen=True)
class Ledger:
    """The document's links, for counting where a name is mentioned on each side."""

    links: tuple[Link, ...]

    def spare_mention(self, here: int, name: str, forms: Sequence[str], src: str, near: bool = False) -> bool:
        """Whether a sentence of the translation outside link ``here`` names ``name`` (or one
        of its known target ``forms``) while its own original does not: a mention that may be
        this one, moved. With ``near``, only the neighbouring sentences count: the name was
        found there, and the question is whether that mention is this one."""
        for k in self._neighbours(here) if near else range(len(self.links)):
            link = self.links[k]
            if k == here or not link.target:
                continue
            if not _in_target(name, forms, link.target, src):
                continue
            if not _in_original(name, link.original, src):
                return True
        return False

    def _neighbours(self, here: int) -> Iterator[int]:
        """The nearest link before ``here`` and after it that has a translation."""
        before = (k for k in range(here - 1, -1, -1) if self.links[k].target)
        after = (k for k in range(here + 1, len(self.links)) if self.links[k].target)
        for k in (next(before, None), next(after, None)):
            if k is not None:
                yield k


def has_third_person(text: str, lang: str) -> bool | None:
    """Whether ``text`` has a third-person personal pronoun; None where the language's are not
    listed (:data:`THIRD_PERSON`)."""
    pronouns = THIRD_PERSON.get(lang)
    if pronouns is None:
        return None
    return any(text[s:e].casefold() in pronouns for s, e in iter_words(text))


def ledger(links: Sequence[tuple[Sequence[str], Sequence[str]]]) -> Ledger:
    """A ledger from (original texts, target texts) per link, in document order."""
    return Ledger(
        tuple(
            Link(
                tuple(tokens_of([(0, t) for t in originals])),
                tuple(tokens_of([(0, t) for t in targets])),
            )
            for originals, targets in links
        )
    )


def _in_target(name: str, forms: Sequence[str], tokens: Sequence[Token], src: str) -> bool:
    if forms and find_forms(forms, tokens) is not None:
        return True
    hit, score = best_match(name, tokens, src)
    if hit is None:
        return False
    bar = SPARE_THRESHOLD if hit.text[:1].isupper() else threshold(name, hit.text)
    return score >= min(bar, threshold(name, hit.text))


def _in_original(name: str, tokens: Sequence[Token], src: str) -> bool:
    hit, score = best_match(name, tokens, src)
    return hit is not None and score >= SAME_SCRIPT_THRESHOLD
