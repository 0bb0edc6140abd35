"""Inflection-blind word keys, so that a glossary term matches its inflected forms.

Ukrainian and Russian words map to their dictionary lemmas (pymorphy3 with its
OpenCorpora/VESUM dictionaries: "Києві", "Києва" → "київ"); languages with a Snowball
stemmer (Arabic, English, German…) map to stems (PyStemmer: "بكييف" → "كييف"); Arabic
words also lose their proclitics (:func:`arabic_clitic_forms`); other languages fall
back to case folding. Both libraries load on first use.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from typing import Any

from mtcheck.errors import MissingDependencyError
from mtcheck.names.clitics import clitic_variants
from mtcheck.read.languages import base_language
from mtcheck.read.words import iter_words

_SNOWBALL = {
    "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "cs": "czech", "da": "danish",
    "nl": "dutch", "en": "english", "eo": "esperanto", "et": "estonian", "fi": "finnish", "fr": "french",
    "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian", "ga": "irish",
    "it": "italian", "lt": "lithuanian", "ne": "nepali", "nb": "norwegian", "no": "norwegian", "fa": "persian",
    "pl": "polish", "pt": "portuguese", "ro": "romanian", "sr": "serbian", "es": "spanish", "sv": "swedish",
    "ta": "tamil", "tr": "turkish", "yi": "yiddish",
}  # fmt: skip
_PYMORPHY = ("uk", "ru")


@cache
def _analyzer(lang: str) -> Any:
    try:
        import pymorphy3
    except ImportError:
        raise MissingDependencyError("pymorphy3", "loc") from None
    try:
        return pymorphy3.MorphAnalyzer(lang=lang)
    except (ValueError, KeyError, OSError):
        raise MissingDependencyError(f"pymorphy3-dicts-{lang}", "loc") from None


@cache
def _stemmer(algorithm: str) -> Any:
    try:
        import Stemmer
    except ImportError:
        raise MissingDependencyError("PyStemmer", "loc") from None
    return Stemmer.Stemmer(algorithm)


def arabic_clitic_forms(word: str) -> frozenset[str]:
    """``word`` and every form of it without its Arabic proclitics (:mod:`mtcheck.names.clitics`)."""
    return frozenset(clitic_variants(word))


@cache
def keyer(lang: str) -> Callable[[str], frozenset[str]]:
    """A cached function: word → its keys in ``lang`` (lemmas or stem, plus the folded word)."""
    code = base_language(lang)
    if code in _PYMORPHY:
        analyzer = _analyzer(code)

        def lemmas(word: str) -> frozenset[str]:
            folded = word.casefold()
            return frozenset({folded, *(p.normal_form for p in analyzer.parse(folded))})

        return lru_cache(maxsize=65536)(lemmas)
    if code == "ar":
        stemmer = _stemmer("arabic")

        def bare(word: str) -> frozenset[str]:
            # both sides lose their clitics: "لكاتدرائية" meets the term "كاتدرائية" and back
            forms = arabic_clitic_forms(word)
            return frozenset({*forms, *stemmer.stemWords(list(forms))})

        return lru_cache(maxsize=65536)(bare)
    if code in _SNOWBALL:
        stemmer = _stemmer(_SNOWBALL[code])

        def stem(word: str) -> frozenset[str]:
            folded = word.casefold()
            return frozenset({folded, stemmer.stemWord(folded)})

        return lru_cache(maxsize=65536)(stem)
    return lru_cache(maxsize=65536)(lambda word: frozenset({word.casefold()}))


def tokens(text: str, lang: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, keys) of each word of ``text``."""
    keys = keyer(lang)
    return [(s, e, keys(text[s:e])) for s, e in iter_words(text)]


def find_phrase(
    phrase: Iterable[frozenset[str]], words: list[tuple[int, int, frozenset[str]]]
) -> tuple[int, int] | None:
    """Offsets of the first run of ``words`` whose keys meet each word of ``phrase``, in order."""
    wanted = list(phrase)
    if not wanted:
        return None
    for i in range(len(words) - len(wanted) + 1):
        if all(words[i + j][2] & wanted[j] for j in range(len(wanted))):
            return words[i][0], words[i + len(wanted) - 1][1]
    return None


# pymorphy3's grammemes of proper names: given name, surname, patronymic, place, organisation,
# trade mark.
_PROPER = frozenset({"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"})


def common_word(word: str, lang: str) -> bool:
    """A Ukrainian or Russian dictionary word none of whose readings is a proper name.

    Подчеркиваю ("I emphasise") is capitalised at the start of a sentence and rare enough in
    running text to pass for a name by frequency; the dictionary knows it is a verb. False for
    other languages, and for words the dictionary does not know (most foreign names).
    """
    code = base_language(lang)
    if code not in _PYMORPHY:
        return False
    analyzer = _analyzer(code)
    folded = word.casefold()
    if not analyzer.word_is_known(folded):
        return False
    return not any(_PROPER & set(p.tag.grammemes) for p in analyzer.parse(folded))


# Adjective readings: full, short, participle.
_ADJECTIVE = frozenset({"ADJF", "ADJS", "PRTF"})


def common_adjective(word: str, lang: str) -> bool:
    """A Ukrainian or Russian dictionary adjective with no proper-name reading (Північний,
    Вогняний, Єлисейських): capitalised inside a sentence it starts a translated name
    (Північний потік for Nord Stream), not another name."""
    if not common_word(word, lang):
        return False
    parses = _analyzer(base_language(lang)).parse(word.casefold())
    return all(_ADJECTIVE & set(p.tag.grammemes) for p in parses)


def word_class(word: str, lang: str) -> bool:
    """A Ukrainian or Russian dictionary word that can only be some other part of speech than
    a noun (Єлисейських, an adjective; Подчеркиваю, a verb): never a name on its own.

    Unlike :func:`common_word`, a plain noun passes: the Ukrainian dictionary lists places
    (Джакарті, Бельгія) as nouns without a place tag. False for other languages.
    """
    code = base_language(lang)
    if code not in _PYMORPHY:
        return False
    analyzer = _analyzer(code)
    folded = word.casefold()
    if not analyzer.word_is_known(folded):
        return False
    return not any(p.tag.POS == "NOUN" or _PROPER & set(p.tag.grammemes) for p in analyzer.parse(folded))


def countable_word(word: str, lang: str) -> bool:
    """A Ukrainian or Russian dictionary word with no proper-name reading whose every noun
    reading has plural forms (Співдружності, Сніговик, Прилив): a common word, never a name.

    The Ukrainian dictionary tags no places (Флориди, Шотландії read as plain nouns), but it
    lists a place, like any proper name, without plural forms; so a noun reading without them
    may be a name. False for other languages and for words the dictionary does not know.
    """
    if not common_word(word, lang):
        return False
    parses = _analyzer(base_language(lang)).parse(word.casefold())
    return all(p.tag.POS != "NOUN" or any("plur" in form.tag for form in p.lexeme) for p in parses)


def best_parse(word: str, lang: str) -> Any | None:
    """pymorphy3's most likely reading of a Ukrainian or Russian word (its ``normal_form`` and
    ``tag``), or None for other languages."""
    code = base_language(lang)
    if code not in _PYMORPHY:
        return None
    parses = _analyzer(code).parse(word.casefold())
    return parses[0] if parses else None


def known_word(word: str, lang: str) -> bool:
    """Whether pymorphy3's dictionary of Ukrainian or Russian has ``word`` (any form), rather
    than guessing its readings from the ending. False for other languages."""
    code = base_language(lang)
    return code in _PYMORPHY and bool(_analyzer(code).word_is_known(word.casefold()))


# Share of pymorphy3's probability that proper-name readings must carry for a frequent noun to
# be taken as a name (Трампа: surname 0.67, common noun 0.33; Запад: place 0.06). The Ukrainian
# dictionary scores every reading alike, so there it is the share of readings (Вашингтоні: two
# surname readings of four; Форд, "fjord": one of three).
PROPER_SHARE = 0.5


# pymorphy3's grammemes of a person's name: given name, surname, patronymic.
PERSON = frozenset({"Name", "Surn", "Patr"})


def proper_noun(word: str, lang: str, *, only: bool = False, kinds: frozenset[str] = _PROPER) -> bool:
    """A Ukrainian or Russian dictionary word that is a name however frequent it is as a word:
    every reading a noun, and the readings of a proper name of ``kinds`` (by default any: given
    name, surname, place, organisation) carry at least half of the probability (Лондона, Трампа,
    Кларк; not Рада, which is an adjective too, nor Запад). With ``only``, for the first word of
    a sentence, which capitals do not mark, no reading may be a common word (Трамп, not Кларк
    "clerk"). False for other languages and for words the dictionary does not know."""
    parses = _noun_parses(word, lang)
    if not parses:
        return False
    if only and not all(_PROPER & set(p.tag.grammemes) for p in parses):
        return False
    proper = [p for p in parses if kinds & set(p.tag.grammemes)]
    total = sum(p.score for p in parses)
    return bool(total > 0 and sum(p.score for p in proper) >= PROPER_SHARE * total)


def noun_lemma(word: str, lang: str) -> str | None:
    """The dictionary form of a Ukrainian or Russian word that the dictionary knows only as a
    noun (Індонезії → індонезія), for looking it up in a list of places; else None."""
    parses = _noun_parses(word, lang)
    return str(parses[0].normal_form) if parses else None


def _noun_parses(word: str, lang: str) -> list[Any]:
    """pymorphy3's readings of a Ukrainian or Russian word the dictionary knows only as a noun;
    [] for any other word or language."""
    code = base_language(lang)
    if code not in _PYMORPHY:
        return []
    analyzer = _analyzer(code)
    folded = word.casefold()
    if not analyzer.word_is_known(folded):
        return []
    parses = analyzer.parse(folded)
    return [] if any(p.tag.POS != "NOUN" for p in parses) else list(parses)
