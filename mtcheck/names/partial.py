"""Word lists that tell a word of a personal name from a word of the language, for
:func:`mtcheck.names.crossnames` when it asks whether one word of a multi-word name was
dropped or replaced.

Frequency alone calls Harris, Christine or Boris words of the language (wordfreq Zipf 3.9–4.4,
about as frequent as "harbour"), so a name list vouches for them: the US Census list for an
English original, the dictionary's given-name and surname tags (pymorphy3) for a Ukrainian or
Russian one. It vouches only for a name about as frequent in every other Latin-script language
as in English: Prince, Grant, Judge or Bay are census surnames too, but mostly titles and common
nouns of English, which a translation translates.
"""

from __future__ import annotations

from mtcheck.names.extract import zipf
from mtcheck.names.morphology import best_parse, known_word
from mtcheck.names.originals import INTERNATIONAL_MARGIN, LATIN_PEERS
from mtcheck.names.romanise import is_census_name
from mtcheck.read.languages import base_language

__all__ = ["patronymic", "personal_name"]

# pymorphy3's grammemes of a person's given name and surname, and of a patronymic.
_PERSONAL = frozenset({"Name", "Surn"})
_PATRONYMIC = "Patr"


def personal_name(word: str, lang: str) -> bool:
    """A personal name by a list of ``lang``'s names: the US Census names for English, the
    dictionary's given names and surnames for Ukrainian and Russian; False elsewhere.

    An English census name counts only when it is about as frequent in every other Latin-script
    language as in English (wordfreq, within :data:`~mtcheck.names.originals.INTERNATIONAL_MARGIN`):
    text names a person alike in all of them (Harris en 4.4, at least 3.7 in de, fr, es and it;
    Trump 4.9, at least 4.4), while a title or common noun that is also a surname is rarer in
    most of them, being a word of English (Prince 4.7, es 3.5; Grant 4.7, de 3.7; Bay 4.7, es 3.8).
    """
    code = base_language(lang)
    if code == "en":
        frequency = zipf(word.casefold(), code)
        peers = [p for p in LATIN_PEERS if p != code]
        return is_census_name(word) and min(zipf(word.casefold(), p) for p in peers) >= frequency - INTERNATIONAL_MARGIN
    if code in ("uk", "ru"):
        # Only a word the dictionary has: it guesses a surname from the ending of any unknown word.
        parse = best_parse(word, code)
        return known_word(word, code) and parse is not None and bool(_PERSONAL & set(parse.tag.grammemes))
    return False


def patronymic(word: str, lang: str) -> bool:
    """A Ukrainian or Russian patronymic by the dictionary (pymorphy3's Patr reading): Викторович,
    Олександрівна. Translations into English and Arabic leave it out as a rule."""
    code = base_language(lang)
    if code not in ("uk", "ru") or not known_word(word, code):
        return False
    parse = best_parse(word, code)
    return parse is not None and _PATRONYMIC in parse.tag.grammemes
