"""Words typed twice in a row ("the the")."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.read.languages import base_language
from mtcheck.types import Severity, Span

# A doubled word separated by whitespace only (not by a comma or dash, which mark a
# deliberate repetition: "very, very", "now — now"); a second one hyphenated to what
# follows is part of another word ("что что-то", "що що-небудь"), and so is one joined to
# it by an apostrophe between letters, which Unicode's word boundaries (UAX #29, rules
# WB6–WB7: ' and ’ are MidNumLet) do not break: Ukrainian writes it inside words ("умови
# в в’язницях", "з’їв"), English in elisions ("I I'm"), French after an article ("l'").
_REPEAT = regex.compile(
    r"(?<![\p{L}\p{M}\p{N}]|\p{L}['’])([\p{L}\p{M}]+)(\s+)(\1)(?![\p{L}\p{M}\p{N}]|-\p{L}|['’]\p{L})",
    regex.IGNORECASE,
)

# A cheap test that _REPEAT may match, on the text case-folded: a doubled word is then the
# same characters twice, the first after a character that is no letter or digit and running
# to the whitespace, the second right after it. The standard library's engine (possessive,
# no back-tracking into the word) takes a third of the time of _REPEAT's Unicode classes and
# case-insensitive back-reference, and lets through one segment in a hundred and fifty.
# Folding agrees with _REPEAT's case-insensitive matching on every pair of letters it
# matches but the Turkic dotted and dotless i, written as "i" first (tests/test_findings_stable.py).
_MAY_REPEAT = re.compile(r"(?<![^\W_])(\S++)\s+\1")


def _may_repeat(text: str) -> bool:
    """False only where _REPEAT finds nothing in ``text``."""
    if "\u0131" in text or "\u0130" in text:  # dotless ı, dotted İ
        text = text.replace("\u0131", "i").replace("\u0130", "i")
    return _MAY_REPEAT.search(text.casefold()) is not None


# Arabic spells a Latin acronym as letter names (WSMV = دبليو إس إم في), and the name of
# V, في, is also the preposition "in": "دبليو إس إم في في ناشفيل" is "WSMV in Nashville".
# A doubled letter name right after another letter name closes a spelled acronym.
_LETTER_NAMES = {"ar": {"في"}}

# Grammatical doublings that style checkers (LanguageTool's word-repeat rule) also allow.
_ALLOWED = {
    "en": {"had", "that", "is", "do", "bye", "ha", "no", "yes", "so", "very", "many", "far", "again", "knock"},
    "fr": {"nous", "vous", "que"},
    "de": {"die", "der", "das", "sie"},
    # Arabic spells Latin acronyms as letter names: بي بي سي = BBC, سي إن إن = CNN, إم إم = MM.
    # (في is also the letter V, but far more often "in": "في في" stays a finding unless a
    # letter name comes before it, :data:`_LETTER_NAMES`.)
    "ar": {"إيه", "اي", "بي", "سي", "دي", "إي", "إف", "جي", "إتش", "آي", "جيه", "كيه", "إل", "إم", "إن", "ان",
           "أو", "كيو", "آر", "إس", "تي", "يو", "دبليو", "إكس", "واي", "زد"},
}  # fmt: skip


@check("repeated-word", Severity.WARNING)
def repeated_word(ctx: CheckContext) -> Iterator[Hit]:
    """Word repeated by mistake."""
    lang = base_language(ctx.document.target_lang)
    allowed = _ALLOWED.get(lang, set())
    letters = (_LETTER_NAMES[lang] | allowed) if lang in _LETTER_NAMES else set()
    wire = ctx.document.original is not None  # running prose: speech and posts repeat for emphasis
    for seg in ctx.document.segments:
        if not _may_repeat(seg.target):
            continue
        repeats = list(_REPEAT.finditer(seg.target))  # first: the source matters only where the target repeats
        if not repeats or (seg.source and _REPEAT.search(seg.source)):
            continue  # the source repeats too ("CHAR  CHAR will…"): the translation follows it
        for match in repeats:
            word = match.group(1)
            if word.lower() in allowed or (len(word) == 1 and not word.isalpha()):
                continue
            if word in letters and _word_before(seg.target, match.start()) in letters:
                continue  # the last letter of a spelled acronym, then the word itself
            # "Duran Duran", "Sirhan Sirhan": a capitalised pair inside a sentence may be a name
            name_like = word[0].isupper() and seg.target[: match.start()].strip() != ""
            yield Hit(
                seg,
                f"“{word}” is repeated",
                severity=Severity.INFO if name_like or (wire and _emphatic(word, lang)) else None,
                span=Span(match.start(), match.end()),
                suggestion=word,
                evidence={"word": word},
            )


def _word_before(text: str, start: int) -> str:
    words = text[:start].split()
    return words[-1] if words else ""


# An English adverb of manner or degree is an adjective with -ly ("real" → "really"); the
# adjective must be an everyday word (wordfreq Zipf), and the adverb longer than "only".
_EVERYDAY_ZIPF = 3.0


def _emphatic(word: str, lang: str) -> bool:
    """An adverb or interjection doubled for emphasis ("really really glad", "дуже дуже"), as
    speech and social posts write it: a hint, where a doubled preposition, pronoun or particle
    ("в в", "мне мне", "не не") is a slip. The word class is pymorphy3's reading for Ukrainian
    and Russian and the -ly suffix of an everyday adjective for English."""
    from mtcheck.names.morphology import best_parse

    if lang == "en":
        from mtcheck.names.extract import zipf

        folded = word.casefold()
        return len(folded) > 4 and folded.endswith("ly") and zipf(folded[:-2], "en") >= _EVERYDAY_ZIPF
    parse = best_parse(word, lang)
    return parse is not None and parse.tag.POS in ("ADVB", "INTJ")
