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

No model is needed: mentions are found by transliteration (:mod:`mtcheck.names.tokens`)
on the translation side, and in the original's own script on the original side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mtcheck.names.tokens import Token, best_match, find_forms, threshold, tokens_of
from mtcheck.names.translit import SAME_SCRIPT_THRESHOLD

# A capitalised word of the translation this close to the name counts as a mention when the
# ledger looks for a spare one: a low bar errs towards "moved", the quiet side.
SPARE_THRESHOLD = 0.7


@dataclass(frozen=True)
class Link:
    """One link of the alignment: the original's tokens and the translation's (either may be empty)."""

    original: tuple[Token, ...]
    target: tuple[Token, ...]


@dataclass(frozen=True)
class Ledger:
    """The document's links, for counting where a name is mentioned on each side."""

    links: tuple[Link, ...]

    def spare_mention(self, here: int, name: str, forms: Sequence[str], src: str) -> bool:
        """Whether a sentence of the translation outside link ``here`` names ``name`` (or one
        of its known target ``forms``) while its own original does not: a mention that may be
        this one, moved."""
        for k, link in enumerate(self.links):
            if k == here or not link.target:
                continue
            if not _in_target(name, forms, link.target, src):
                continue
            if not _in_original(name, link.original, src):
                return True
        return False


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
