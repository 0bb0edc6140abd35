"""Numbers in running text, by value: digits of any script, separators, scale words.

Digits are read by value whatever the script (Arabic-Indic "١٢" and Persian "۱۲" are
12), and group/decimal separators differ by locale ("1,000.5" = "1 000,5" = "١٬٠٠٠٫٥").
A number followed by a scale word of its language is scaled: "11 billion" = "11 млрд"
= "11 مليار" = 11,000,000,000, and "1.5 million" = "1,5 млн" = 1,500,000. The scale
words come from Unicode CLDR's compact decimal formats (through babel: "0 миллиардов",
"0 млрд", "0 مليار"), so they are per language: French "billion" is 10¹², not 10⁹.
Newsroom suffixes are scales too ("£125m", "$2.8bn" = "125 млн", "2,8 млрд"), Chinese and
Japanese scale words need no space after them ("16万例"), and their clock times are times
("15时50分" = "15:50").
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

import regex

from mtcheck.read.languages import base_language
from mtcheck.read.textspans import code_spans

_TIMES = regex.compile(r"(?<=\p{Nd})[xXхХ×⨯*](?=\p{Nd})")
_SEPARATOR = regex.compile(r"[.,\u066b\u066c\u00a0\u202f\u2009 ]")
# A number: digits, with group or decimal separators between digit runs; a space of any
# width groups only when exactly three digits follow ("1 000", not "page 1 2" or "220 2/3"):
# thousands are grouped by three wherever a space groups them.
_NUMBER = regex.compile(
    r"(?<!\p{Nd})\p{Nd}+(?:(?:[.,\u066b\u066c]|[\x20\u00a0\u202f\u2009](?=\p{Nd}{3}(?!\p{Nd})))\p{Nd}+)*"
)
# Clock times, compared on a 12-hour dial: "3 p.m." = "15:00", "7.55am" = "7:55".
_AMPM = regex.compile(
    r"(?<![\p{Nd}.,:])(\p{Nd}{1,2})(?:[:.](\p{Nd}{2}))?\x20?([ap])\.?\x20?m(?:\.|(?![\p{L}\p{M}]))", regex.IGNORECASE
)
_CLOCK = regex.compile(r"(?<![\p{Nd}.,:])(\p{Nd}{1,2}):(\p{Nd}{2})(?![\p{Nd}]|:\p{Nd})")
# Chinese and Japanese clock times: "15时50分" = 15:50, "9点半" = 9:30, "24時" = 24:00 ("小时",
# hours of a duration, has its own "小" before the digits' "时" and is left alone).
_CJK_CLOCK = regex.compile(r"(?<![\p{Nd}.,:])(\p{Nd}{1,2})[时時点點](?:(\p{Nd}{1,2})分|(半))?")
# Newsroom scale suffixes glued to a number: "£125m", "$2.8bn", "€3bn", "$50k", "5m people".
# After a currency sign the number is money, so any suffix is its scale ("$5M" too). Without
# one a lone letter may be a unit or a size ("a 5m wall", "4K video", "5 M"): lower-case m,
# k and b are then read as a scale only as an alternative value, so that "5m people" meets
# "5 млн" and "a 5m wall" still meets "5 метров"; upper-case lone letters are left alone.
_SUFFIX_SCALE = regex.compile(r"(trn|bn|mn|tn|[mkb])(?=\.?(?![\p{L}\p{M}\p{Nd}]))", regex.IGNORECASE)
_SUFFIXES = {"trn": 10**12, "tn": 10**12, "bn": 10**9, "mn": 10**6, "b": 10**9, "m": 10**6, "k": 10**3}
_CURRENCY_BEFORE = regex.compile(r"\p{Sc}[\x20\u00a0\u202f]?$")
# A number after a capitalised word and a hyphen is part of a name ("COVID-19", "F-16",
# "Су-27"): glued, as "MP3" is. Prefixes of dates ("Mid-2020") are not names.
_NAME_HYPHEN = regex.compile(r"(?<![\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}]*)-$")
_DATE_PREFIXES = frozenset({"mid", "pre", "post", "early", "late", "end", "start", "fy", "q"})
_DOTTED = regex.compile(r"(\p{Nd}{1,2})[.](\p{Nd}{2})")
_GROUP_ONLY = "\u066c\u00a0\u202f\u2009 "  # separators that never mark decimals
_DECIMAL_ONLY = "\u066b"  # the Arabic decimal separator

# Newsroom abbreviations and plurals that CLDR's compact formats lack: "bn", "mn", "tn"
# are the Reuters and Economist style-book forms; "مليارات"/"ملايين" the Arabic plurals
# of CLDR's "مليار"/"مليون", "بليون" the older Arabic word for 10⁹.
_EXTRA_SCALES: dict[str, dict[str, int]] = {
    "en": {"bn": 10**9, "mn": 10**6, "tn": 10**12, "trn": 10**12},
    "ar": {"مليارات": 10**9, "بليون": 10**9, "ملايين": 10**6, "مليونا": 10**6, "ألفا": 10**3},
}


@dataclass(frozen=True)
class Number:
    """A number in a string: its value as a key, where it is, and whether it is glued to a word.

    ``key`` is the value (digits in ASCII; a scaled number's full value, "11 billion" →
    "11000000000"); ``raw`` the digits as written ("11"), which a scaled number keeps so
    that it can still meet the same digits before a scale word this table does not
    know. ``end`` covers the scale word. ``measure`` marks a number before a unit of
    a quantity translators convert ("30 yards", "27 метрів").
    """

    key: str
    start: int
    end: int
    glued: bool = False
    raw: str = ""
    scaled: bool = False
    measure: bool = False
    alts: tuple[str, ...] = ()


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in text if unicodedata.digit(c, None) is not None)


@cache
def scale_words(lang: str) -> dict[str, int]:
    """Scale word (case-folded, without a final dot) → multiplier, for ``lang`` (CLDR, via babel).

    Single Latin letters ("K", "M", "B") are left out: after a number they are as often
    units or grades ("5 M", "grade 3 B") as scales.
    """
    code = base_language(lang) if lang else ""
    words: dict[str, int] = dict(_EXTRA_SCALES.get(code, {}))
    if not code:
        return words
    found: dict[str, set[int]] = {}
    try:
        from babel import Locale, UnknownLocaleError

        formats = Locale.parse(code).compact_decimal_formats
    except (ImportError, ValueError, UnknownLocaleError):
        return words
    for kind in ("long", "short"):
        for forms in (formats.get(kind) or {}).values():
            for magnitude, pattern in forms.items():
                zeros = pattern.pattern.count("0")
                suffix = pattern.suffix[0].replace("'", "").strip(" \u00a0.").casefold()
                if not zeros or not suffix or (len(suffix) == 1 and suffix.isascii()):
                    continue
                found.setdefault(suffix, set()).add(int(magnitude) // 10 ** (zeros - 1))
    # a suffix read with two values (a pattern this reading misunderstands) is left out
    words.update({suffix: values.pop() for suffix, values in found.items() if len(values) == 1})
    return words


# Quantities a translator converts to the reader's system (miles → km, °F → °C, pounds →
# kg): their numbers change by design. Durations, percentages and counts are not here.
_CONVERTIBLE = ("length-", "mass-", "temperature-", "speed-", "area-", "volume-", "consumption-", "pressure-",
                "angle-degree")  # fmt: skip


@cache
def measure_words(lang: str) -> frozenset[str]:
    """Unit words of convertible quantities in ``lang`` (CLDR unit patterns, via babel): "miles", "км", "°F"."""
    code = base_language(lang) if lang else ""
    if not code:
        return frozenset()
    try:
        from babel import Locale, UnknownLocaleError

        patterns = Locale.parse(code)._data["unit_patterns"]  # no public accessor lists the units
    except (ImportError, ValueError, KeyError, UnknownLocaleError):
        return frozenset()
    words = set()
    for unit, widths in patterns.items():
        if not unit.startswith(_CONVERTIBLE):
            continue
        for forms in widths.values():
            for plural, pattern in forms.items():
                if plural == "per" or "{0}" not in pattern:
                    continue
                word = pattern.replace("{0}", "").strip(" \u00a0\u202f.").casefold()
                if word and not (len(word) == 1 and word.isascii() and word.isalpha()):
                    words.add(word)
    return frozenset(words)


@cache
def _measure_pattern(lang: str) -> regex.Pattern[str] | None:
    words = measure_words(lang)
    if not words:
        return None
    alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
    # In a compound the unit may carry an adjective's ending ("249-кілограмовий"), so its
    # end is open: only a unit word of three letters or more is read so, or "42-летний"
    # (42-year-old) would be 42 litres ("л").
    compound = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True) if len(w) >= 3)
    # "30 yards", "80°F", and compounds "6-foot", "249-кілограмовий" (an adjective of the unit)
    return regex.compile(
        rf"[\x20\u00a0\u202f\u2009]?(?:{alternatives})(?![\p{{L}}\p{{M}}])"
        + (rf"|-(?:{compound})" if compound else "")
        + rf"|-(?:{alternatives})(?![\p{{L}}\p{{M}}])",
        regex.IGNORECASE,
    )


@cache
def _scale_pattern(lang: str) -> regex.Pattern[str] | None:
    words = scale_words(lang)
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    spaced = "|".join(regex.escape(w) for w in ordered if not _unspaced(w))
    # Chinese and Japanese write no spaces between words: "16万例" is 160,000 cases, so a
    # scale word of theirs ends where it ends, whatever letter follows.
    unspaced = "|".join(regex.escape(w) for w in ordered if _unspaced(w))
    either = [rf"(?:{spaced})(?=\.?(?![\p{{L}}\p{{M}}]))"] if spaced else []
    either += [f"(?:{unspaced})"] if unspaced else []
    return regex.compile(rf"[\x20\u00a0\u202f\u2009]?({'|'.join(either)})", regex.IGNORECASE)


def _unspaced(word: str) -> bool:
    return bool(regex.search(r"[\p{Han}\p{Hiragana}\p{Katakana}]$", word))


def _value(text: str) -> Decimal | None:
    """The value of a number as written: the last separator is a decimal one when it is
    the Arabic decimal sign, or a "." or "," not followed by exactly three digits."""
    runs = _SEPARATOR.split(text)
    seps = _SEPARATOR.findall(text)
    integer, fraction = runs, [""]
    if seps and (seps[-1] in _DECIMAL_ONLY or (seps[-1] not in _GROUP_ONLY and len(runs[-1]) != 3)):
        integer, fraction = runs[:-1], runs[-1:]
    try:
        return Decimal(_digits("".join(integer)) + "." + (_digits("".join(fraction)) or "0"))
    except InvalidOperation:
        return None


def _time_key(hour: str, minute: str | None, half: str | None = None) -> str | None:
    h, m = int(_digits(hour)), int(_digits(minute)) if minute else 0
    if h > 24 or m > 59 or (half and h > 12):
        return None
    return f"t{h % 12}:{m:02}"


def _hours(key: str, half: str | None) -> tuple[str, ...]:
    """A time on the hour as the bare hour a sentence may give it as ("at 7 p.m." → "о 19
    годині", "الساعة 7 مساءً", "04:00" → "at 4"): on a 12- or 24-hour dial."""
    hour, minute = key[1:].split(":")
    if minute != "00":
        return ()
    h = int(hour)
    if half is None:
        return (str(h), str(h + 12))
    if half.lower() == "p":
        return (str(h), str(h + 12))
    return (str(h),) if h else ("0", "12", "24")  # 12 a.m. is midnight


def _times(text: str) -> list[Number]:
    """Clock times of ``text``: "3 p.m.", "7.55am", "15:00"."""
    found: list[Number] = []
    for pattern in (_AMPM, _CLOCK, _CJK_CLOCK):
        for m in pattern.finditer(text):
            if any(n.start < m.end() and m.start() < n.end for n in found):
                continue
            half = m.group(3) if pattern is _AMPM else None
            minute = "30" if pattern is _CJK_CLOCK and m.group(3) else m.group(2)
            key = _time_key(m.group(1), minute, half)
            if key is not None:
                found.append(Number(key, m.start(), m.end(), raw=_digits(m.group(0)), alts=_hours(key, half)))
    return found


def _scaled_key(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def numbers_in(text: str, lang: str = "", *, measures: bool = True) -> list[Number]:
    """Each number of ``text``, placeholders, URLs and e-mail addresses left out.

    A run such as "30.12.1899" or "1,2,3", with several separators that do not group
    thousands, is a date or a list: its parts are numbers of their own. A number glued to
    a letter on its left is part of a name or code ("MP3", "K2") in Latin, Cyrillic or
    Greek, but in Arabic it may carry a proclitic ("و9956": "and 9956"); such numbers are
    "glued": they can match a number on the other side but are never reported themselves.
    With ``lang``, a number followed by one of the language's scale words is scaled, and
    clock times are read as times (key "t3:00" for "3 p.m." and "15:00"). ``measures=False``
    leaves :attr:`Number.measure` unset: a caller that ignores it skips compiling the
    language's long pattern of unit words.
    """
    spans = code_spans(text)
    clean = _blank(text, spans) if spans else text
    clean = _TIMES.sub("|", clean)  # "10x11" is two numbers, whether written with x, х or ×
    scale = _scale_pattern(lang) if lang else None
    measure = _measure_pattern(lang) if lang and measures else None
    found = _times(clean) if lang else []
    clean = _blank(clean, [(n.start, n.end) for n in found]) if found else clean
    for m in _NUMBER.finditer(clean):
        glued = m.start() > 0 and (
            clean[m.start() - 1].isalpha() or clean[m.start() - 1] == "_" or _named(clean, m.start())
        )
        parts = _SEPARATOR.split(m.group(0))
        if len(parts) > 2 and any(len(p) != 3 for p in parts[1:]):
            offset = m.start()
            for part in parts:
                found.append(Number(_digits(part), offset, offset + len(part), glued, _digits(part)))
                offset += len(part) + 1
                glued = False
            continue
        raw = _digits(m.group(0))
        word = scale.match(clean, m.end()) if scale is not None else None
        value = _value(m.group(0)) if word is not None else None
        if word is not None and value is not None:
            multiplier = scale_words(lang)[word.group(1).casefold()]
            number = Number(_scaled_key(value * multiplier), m.start(), word.end(), glued, raw, True,
                            alts=_decimal_reading(m.group(0), multiplier))  # fmt: skip
        else:
            suffixed = _suffixed(clean, m, glued, raw) if lang else None
            number = suffixed or Number(raw, m.start(), m.end(), glued, raw)
        # money is no measurement, whatever word follows ("$2.8bn in a year": "in" is not inches)
        money = _CURRENCY_BEFORE.search(clean, max(0, m.start() - 2), m.start()) is not None
        if measure is not None and not money and measure.match(clean, number.end):
            number = dataclasses.replace(number, measure=True)
        dotted = _DOTTED.fullmatch(m.group(0)) if lang else None
        if dotted is not None and not number.scaled:
            key = _time_key(dotted.group(1), dotted.group(2))  # "об 11.15" may be a time
            number = dataclasses.replace(number, alts=(key,) if key else ())
        found.append(number)
    return _year_ranges(_ranges(found, clean), clean)


def _suffixed(text: str, m: regex.Match[str], glued: bool, raw: str) -> Number | None:
    """A number with a newsroom scale suffix ("£125m", "$2.8bn"), or None (:data:`_SUFFIX_SCALE`)."""
    suffix = _SUFFIX_SCALE.match(text, m.end())
    if suffix is None:
        return None
    letters = suffix.group(1)
    value = _value(m.group(0))
    if value is None:
        return None
    key = _scaled_key(value * _SUFFIXES[letters.casefold()])
    if _CURRENCY_BEFORE.search(text, max(0, m.start() - 2), m.start()) or len(letters) > 1:
        alts = _decimal_reading(m.group(0), _SUFFIXES[letters.casefold()])
        return Number(key, m.start(), suffix.end(), glued, raw, True, alts=alts)
    if letters.islower():
        return Number(raw, m.start(), m.end(), glued, raw, alts=(key,))
    return None


def _decimal_reading(digits: str, multiplier: int) -> tuple[str, ...]:
    """A scaled number's value with its one separator read as decimal: "4.176 million" is
    4,176,000 in English, where :func:`_value` reads three digits after it as a group."""
    seps = _SEPARATOR.findall(digits)
    if len(seps) != 1 or seps[0] not in ".," or len(_SEPARATOR.split(digits)[-1]) != 3:
        return ()
    whole, fraction = _SEPARATOR.split(digits)
    return (_scaled_key(Decimal(_digits(whole) + "." + _digits(fraction)) * multiplier),)


def _named(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a name and a hyphen ("COVID-19"): :data:`_NAME_HYPHEN`."""
    if start < 2 or text[start - 1] != "-":
        return False
    word = _NAME_HYPHEN.search(text, max(0, start - 40), start)
    return word is not None and word.group(1).casefold() not in _DATE_PREFIXES


def _year_ranges(found: list[Number], text: str) -> list[Number]:
    """The second year of a range may be written with its last two digits ("1981-87"): it
    is also that year in full. A four-digit number with a leading zero ("at 0500") is also
    a time of the 24-hour clock, written without its colon."""
    for k, n in enumerate(found):
        if len(n.raw) == 2 and k and not n.scaled:
            before = found[k - 1]
            if len(before.raw) == 4 and text[before.end : n.start] in ("-", "–", "—", "/"):
                found[k] = dataclasses.replace(n, alts=(*n.alts, before.raw[:2] + n.raw))
        elif len(n.raw) == 4 and n.raw.startswith("0") and n.key == n.raw:
            key = _time_key(n.raw[:2], n.raw[2:])
            if key is not None:
                found[k] = dataclasses.replace(n, alts=(*n.alts, key))
    return found


def _ranges(found: list[Number], text: str) -> list[Number]:
    """The first number of a range of measures is a measure too: "від 5,08 до 10,16 см", "2 to 4 inches"."""
    found.sort(key=lambda n: n.start)
    for k in range(len(found) - 2, -1, -1):
        a, b = found[k], found[k + 1]
        if b.measure and not a.measure and len(text[a.end : b.start].strip()) <= 3:
            found[k] = dataclasses.replace(a, measure=True)
    return found


def same_number(a: Number, b: Number) -> bool:
    """The same value, or the same digits where one side's scale word is unknown here."""
    return a.key == b.key or a.key in b.alts or b.key in a.alts or (a.scaled != b.scaled and a.raw == b.raw)
