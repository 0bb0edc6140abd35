"""Ukrainian → Latin by the official national system (KMU-2010).

Resolution No. 55 of the Cabinet of Ministers of Ukraine, 27 January 2010, "On the
regulation of the transliteration of the Ukrainian alphabet into Latin". Written out here
because no installed package implements it: ICU ships only "Ukrainian-Latin/BGN", the
older BGN/PCGN 1965 system (Київ → Kiyiv), which KMU-2010 replaced and which BGN/PCGN
itself replaced with KMU-2010 in 2019.

Rules of the table: є, ї, й, ю, я are ye, yi, y, yu, ya at the start of a word and ie, i,
i, iu, ia elsewhere; зг is zgh (to keep it apart from ж = zh); ь and the apostrophe are
not written. Examples from the resolution: Згорани → Zghorany, Їжакевич → Yizhakevych,
Знам'янка → Znamianka, Рівне → Rivne, Стрий → Stryi.
"""

from __future__ import annotations

import regex

_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}  # fmt: skip
_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def _word(word: str) -> str:
    out: list[str] = []
    lower = word.lower()
    for i, ch in enumerate(lower):
        if ch == "г" and i > 0 and lower[i - 1] == "з":
            latin = "gh"
        elif i == 0 and ch in _INITIAL:
            latin = _INITIAL[ch]
        else:
            latin = _LETTERS.get(ch, ch)
        if word[i].isupper() and latin:
            # All-caps words stay all-caps; otherwise only the first letter is capital (Shch).
            latin = latin.upper() if word.isupper() and len(word) > 1 else latin[0].upper() + latin[1:]
        out.append(latin)
    return "".join(out)


def romanize_uk(text: str) -> str:
    """``Київ`` → ``Kyiv``, ``Авдіївка`` → ``Avdiivka``, ``Згурівка`` → ``Zghurivka``."""
    # Words are runs of letters and inner apostrophes; hyphens and spaces are kept as they are.
    return str(regex.sub(r"[\p{L}'’ʼ]+", lambda m: _word(m.group()), text))


def is_ukrainian_name(text: str) -> bool:
    """Cyrillic with no letter outside the Ukrainian alphabet (ы, э, ъ, ё, ў, ј…)."""
    letters = [ch.lower() for ch in text if ch.isalpha()]
    return bool(letters) and all(ch in _LETTERS for ch in letters)


def has_only_russian_letters(text: str) -> bool:
    """Cyrillic with no Ukrainian-only (і ї є ґ), Belarusian (ў) or South Slavic letter."""
    letters = [ch.lower() for ch in text if ch.isalpha()]
    return bool(letters) and all("а" <= ch <= "я" or ch == "ё" for ch in letters)
