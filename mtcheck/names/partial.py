"""Word lists that tell a word of a personal name from a word of the language, for
:func:`mtcheck.names.crossnames` when it asks whether one word of a multi-word name was
dropped or replaced.

Frequency alone calls Harris, Christine or Boris words of the language (wordfreq Zipf 3.9–4.4,
about as frequent as "harbour"), so a name list vouches for them: the US Census list for an
English original, the dictionary's given-name and surname tags (pymorphy3) for a Ukrainian or
Russian one.
"""

from __future__ import annotations

from mtcheck.names.morphology import best_parse, known_word
from mtcheck.names.romanise import is_census_name
from mtcheck.read.languages import base_language

__all__ = ["listed_name"]

# pymorphy3's grammemes of a person's given name and surname.
_PERSONAL = frozenset({"Name", "Surn"})


def listed_name(word: str, lang: str) -> bool:
    """A personal name by a list of ``lang``'s names: the US Census names for English, the
    dictionary's given names and surnames for Ukrainian and Russian; False elsewhere."""
    code = base_language(lang)
    if code == "en":
        return is_census_name(word)
    if code in ("uk", "ru"):
        # Only a word the dictionary has: it guesses a surname from the ending of any unknown word.
        parse = best_parse(word, code)
        return known_word(word, code) and parse is not None and bool(_PERSONAL & set(parse.tag.grammemes))
    return False
