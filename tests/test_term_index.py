"""The deprecated-term index finds what one big alternation regex finds, in O(words)."""

from __future__ import annotations

import random

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from mtcheck.checks.deprecated_term import TermIndex
from mtcheck.names.clitics import ARABIC_PROCLITICS

TERMS = ["Kiev", "Kiev Oblast", "kharkov", "e-mail", "Wi-Fi", "C++", ".NET", "خاركوف", "كييف", "Odessa", "od"]
WORDS = ["Kiev", "Oblast", "oblast", "Oblasts", "mailbox", "Fine", "KIEV",
         "Kharkov", "e", "mail", "Wi", "Fi", "C", ".NET", "NET", "خاركوف",
         "وخاركوف", "بكييف", "والكييف", "كييفي", "Odessa", "Odessan", "od", "odd", "the", "42", "é", "ß"]  # fmt: skip
GLUE = [" ", "  ", "-", ", ", ". ", "'s ", "+", "+ ", "", "\u200c", "_"]


def oracle(text: str, terms: list[str], clitics: tuple[str, ...]) -> list[tuple[int, int]]:
    """The regex the index replaces: longest term first, optional joined clitic, word boundaries."""
    alternatives = sorted(terms, key=len, reverse=True)
    left = r"(?<![\p{L}\p{M}\p{N}])" + (f"(?:{'|'.join(clitics)})?" if clitics else "")
    pattern = regex.compile(
        left + r"(?P<term>" + "|".join(regex.escape(a) for a in alternatives) + r")(?![\p{L}\p{M}\p{N}])",
        regex.IGNORECASE,
    )
    return [(m.start("term"), m.end("term")) for m in pattern.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(GLUE)), max_size=12), st.randoms())
def test_index_finds_what_the_alternation_finds(pieces: list[tuple[str, str]], rnd: random.Random) -> None:
    text = "".join(word + glue for word, glue in pieces)
    terms = rnd.sample(TERMS, rnd.randint(1, len(TERMS)))
    found = [(start, end) for start, end, _form in TermIndex(terms, ARABIC_PROCLITICS).find(text)]
    assert found == oracle(text, terms, ARABIC_PROCLITICS)


def test_reports_the_form_as_filed_and_respects_word_ends() -> None:
    index = TermIndex(["Kiev", "Kiev Oblast"])
    text = "Kievan roads lead to KIEV OBLAST and to kiev, not Kiev Oblasts."
    assert list(index.find(text)) == [(21, 32, "Kiev Oblast"), (40, 44, "Kiev"), (50, 54, "Kiev")]


def test_a_joined_arabic_clitic_stays_outside_the_span() -> None:
    text = "ووصل إلى وخاركوف"
    assert list(TermIndex(["خاركوف"], ARABIC_PROCLITICS).find(text)) == [(10, 16, "خاركوف")]
    assert list(TermIndex(["خاركوف"]).find(text)) == []  # no clitics asked for: a joined word is another word
