"""Standard romanisations of a name, and the established Latin form a rendering should restore.

Two ways a name goes wrong on its way into a Latin-script translation:

* **re-romanised**: the original is in a near-deterministic script (Cyrillic, Greek), so
  its Latin form is one of a few standard romanisations, yet the rendering matches none
  of them: Новак → "Nufak" (the name went through Arabic script, which has no o/u or v/f
  distinction), Кемпф → "Kimbf". :func:`standard_forms` gives the systems' forms and
  :func:`standard_match` how close a rendering comes to the nearest one.
* **spelled back letter by letter**: an English name written in Cyrillic or Arabic came
  back as its transliteration, Джонс → "Dzhons", جونز → "Jwnz", where the language
  has an established form with the same transliteration key (Jones). :func:`frequent_names`
  indexes those forms by key.

The systems are ICU's transliterators (BGN/PCGN per language, ISO 9 for all Cyrillic,
UNGEGN/BGN/ELOT for Greek), the official Ukrainian KMU-2010 (:mod:`mtcheck.names.kmu2010`,
which ICU lacks) and anyascii's general romanisation. Only the comparison is written
here: no library says how close a spelling is to "any standard romanisation of this name".
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

import regex

from mtcheck.names.kmu2010 import is_ukrainian_name, romanize_uk
from mtcheck.names.translit import is_abjad, key, similarity

# A rendering at least this close (rapidfuzz normalised Indel similarity, after folding
# y/i/j and doubled letters) to one standard form is that romanisation, spelled a little
# differently (Zelenskyy / Zelenskiy, Tchaikovsky / Chaykovskiy); one letter in five may differ.
MATCH = 0.8
# A name form this frequent in the language (wordfreq Zipf: about once per million words)
# is its established form.
FREQUENT_ZIPF = 3.0

# ICU transliterators per source language (BGN/PCGN first: the English-language norm).
_SYSTEMS: Mapping[str, tuple[str, ...]] = {
    "ru": ("Russian-Latin/BGN",),
    "uk": ("Ukrainian-Latin/BGN",),
    "be": ("Belarusian-Latin/BGN",),
    "bg": ("Bulgarian-Latin/BGN",),
    "sr": ("Serbian-Latin/BGN",),
    "mk": ("Macedonian-Latin/BGN",),
    "kk": ("Kazakh-Latin/BGN",),
    "el": ("Greek-Latin/UNGEGN", "Greek-Latin/BGN", "Greek-Latin"),
}
_ISO9 = "Cyrillic-Latin"
# Letters with a caron or acute (ISO 9, Serbian) spelled as English writes the sound, so a
# folded ISO 9 form reads Chaykovskiy-like, not Cajkovskij.
_SOUNDS = {"č": "ch", "š": "sh", "ž": "zh", "ŝ": "shch", "ć": "ch", "đ": "dj"}
_DIACRITICS = str.maketrans({**_SOUNDS, **{k.upper(): v.capitalize() for k, v in _SOUNDS.items()}})


def script_of_name(word: str) -> str | None:
    """``"Cyrl"`` or ``"Grek"`` for a word in a near-deterministic script, else None."""
    letters = [ch for ch in word if ch.isalpha()]
    if letters and all("\u0400" <= ch <= "\u04ff" for ch in letters):
        return "Cyrl"
    if letters and all("\u0370" <= ch <= "\u03ff" or "\u1f00" <= ch <= "\u1fff" for ch in letters):
        return "Grek"
    return None


@functools.lru_cache(maxsize=16)
def _transliterator(system: str) -> Any:
    import icu

    return icu.Transliterator.createInstance(system)


def _ascii(text: str) -> str:
    from anyascii import anyascii

    return str(anyascii(unicodedata.normalize("NFC", text).translate(_DIACRITICS)))


def standard_forms(word: str, lang: str) -> dict[str, str]:
    """System name → the word's Latin form in that system: Новак → {"BGN/PCGN": "Novak", …}."""
    from anyascii import anyascii

    script = script_of_name(word)
    if script is None:
        return {}
    out: dict[str, str] = {}
    if script == "Cyrl" and lang == "uk" and is_ukrainian_name(word):
        out["KMU-2010"] = romanize_uk(word)
    cyrillic = (*(s for s in _SYSTEMS.get(lang, ()) if not s.startswith("Greek")), _ISO9)
    systems = _SYSTEMS["el"] if script == "Grek" else cyrillic
    for system in systems:
        form = _ascii(_transliterator(system).transliterate(word).replace("ʹ", "").replace("'", ""))
        out["ISO 9" if system == _ISO9 else system.replace("-Latin", "")] = form
    out["anyascii"] = anyascii(word)
    return {name: form for name, form in out.items() if form}


def fold(text: str, *, semivowels: bool = True) -> str:
    """Lower-case ASCII letters, y/j read as i and doubled letters once: what systems trade freely.
    With ``semivowels`` False, y and j are kept: the letters a system writes for й."""
    text = unicodedata.normalize("NFC", text).lower().translate(_DIACRITICS)
    text = "".join(ch for ch in _ascii(text).lower() if "a" <= ch <= "z")
    if semivowels:
        text = text.replace("y", "i").replace("j", "i")
    return "".join(ch for i, ch in enumerate(text) if i == 0 or text[i - 1] != ch)


def standard_match(
    rendering: str, forms: Mapping[str, str], *, exact: bool = False, endings: bool = True
) -> tuple[float, str]:
    """How close ``rendering`` is to the nearest standard form (0..1), and that system's name.
    ``exact``: y, j and i are three letters (:func:`fold`), as in one system's own spelling.

    A declined original (Новака) romanises with its ending (Novaka), so a rendering is also
    compared with a form cut to its length when the form is longer by up to three letters that
    start with a vowel, as case endings do (not Erlih cut to "Erli"). ``endings`` False: the
    whole form only, to tell a rendering that spells the ending too from one that left it out.
    """
    from rapidfuzz import fuzz

    target = fold(rendering, semivowels=not exact)
    # a rendering that shares nothing with any form still names one (callers index forms by it)
    best = (0.0, next(iter(forms), ""))
    for system, form in forms.items():
        folded = fold(form, semivowels=not exact)
        options = [folded]
        # what is cut must be an ending, which starts with a vowel (-а, -у, -ом, -ой, -ами)
        if endings and 0 < len(folded) - len(target) <= 3 and folded[len(target)] in "aeiou":
            options.append(folded[: len(target)])
        score = max(fuzz.ratio(target, option) / 100 for option in options)
        if score > best[0]:
            best = (score, system)
    return best


def english_inflection(text: str, form: str) -> bool:
    """Whether one word is the other with an English plural or possessive ending: -s, -es, or
    's written without its apostrophe (Sentinel / Sentinels, Cohren / Cohrens, Transformer /
    Transformers). Compared as :func:`fold` compares romanisations, so that a doubled letter does
    not tell them apart (Traansformers). English inflects its words so, and no romanisation of a
    Cyrillic or Arabic name adds a final s its original lacks. Written by hand: two endings,
    for which no inflection library is needed."""
    short, long = sorted((fold(text, semivowels=False), fold(form, semivowels=False)), key=len)
    return bool(short) and long in (short + "s", short + "es")


@functools.lru_cache(maxsize=16)
def romanisation_letters(lang: str) -> frozenset[str]:
    """Every ASCII letter the standard romanisations of ``lang`` write, for any letter or
    pair of letters of its alphabet (CLDR exemplar characters, through ICU)."""
    import icu

    alphabet = [ch for ch in icu.UnicodeSetIterator(icu.LocaleData(lang).getExemplarSet(0, 0)) if ch.isalpha()]
    letters: set[str] = set()
    for text in (*alphabet, *(a + b for a in alphabet for b in alphabet)):
        for form in standard_forms(text, lang).values():
            letters.update(c for c in form.lower() if "a" <= c <= "z")
    return frozenset(letters)


def looks_romanised(rendering: str, lang: str) -> bool:
    """Written only with letters the romanisations of ``lang`` use: no w, q or x from Russian,
    no diacritics. A name restored to its own foreign spelling (Wöhrmann for Вёрман) usually
    is not; a name re-romanised through another script (Nufak) always is."""
    allowed = romanisation_letters(lang)
    return rendering.isascii() and all(ch in allowed for ch in rendering.lower() if ch.isalpha())


@functools.lru_cache(maxsize=1)
def _census_names() -> tuple[str, ...]:
    text = resources.files("mtcheck").joinpath("data/census_names.txt").read_text(encoding="utf-8")
    return tuple(line for line in text.splitlines() if line and not line.startswith("#"))


def is_census_name(word: str) -> bool:
    """An English personal name of the US Census list (mtcheck/data/census_names.txt)."""
    return word.title() in _census_set()


@functools.lru_cache(maxsize=1)
def _census_set() -> frozenset[str]:
    return frozenset(_census_names())


@functools.lru_cache(maxsize=8)
def frequent_names(lang: str) -> Mapping[str, tuple[tuple[str, float], ...]]:
    """Transliteration key → the personal names frequent in ``lang`` (wordfreq Zipf >= 3.0)
    with that key, most frequent first: ``GNZ`` → (("Jones", 4.7), …).

    Built once per language and process (about 0.1 s for 23,000 names) and never changed,
    so threads can share it. The names are the US Census list, which keeps common words
    with the same consonants (guns, genes) out of the suggestions.
    """
    import math

    from wordfreq import get_frequency_dict

    frequencies = get_frequency_dict(lang)
    index: dict[str, list[tuple[str, float]]] = {}
    for name in _census_names():
        frequency = frequencies.get(name.lower(), 0.0)
        zipf = math.log10(frequency) + 9 if frequency else 0.0  # wordfreq's Zipf scale
        if zipf >= FREQUENT_ZIPF:
            index.setdefault(key(name), []).append((name, zipf))
    return {k: tuple(sorted(v, key=lambda item: -item[1])) for k, v in index.items()}


def lookup_keys(original: str, rendering: str) -> set[str]:
    """The transliteration keys under which an established form of ``original`` is looked for:
    the original's, the rendering's (Arabic و may be read as w: "Jwnz") and, for Cyrillic, the
    original's with г read as h. Ukrainian г is h, and Russian wrote г for a foreign h until
    recently (Гарвард, Гитлер), so Гітлер / "Gitler" may be Hitler.

    An initial я, ю, є or й is not also read as a Latin j (Якубовськи as Jakubowski): it is how
    every native Ya-, Yu-, Ye- and Yo- name is written, whose standard romanisation is its Latin
    form (Юлія / "Yuliia" is not Julia, Йосип / "Yosyp" not Joseph), and they far outnumber the
    Polish, German and Nordic names with a j."""
    return {key(rendering), *(key(reading) for reading in _readings(original))}


def _readings(original: str) -> list[str]:
    """The original, and for Cyrillic with г its reading with х (h): see :func:`lookup_keys`."""
    if script_of_name(original) == "Cyrl" and "г" in original.casefold():
        return [original, original.casefold().replace("г", "х")]
    return [original]


# Arabic letters that write a vowel: alif (with or without hamza), waw, ya, alif maqsura,
# ta marbuta (a final -a). Waw and ya are consonants too (و of واشنطن); counted all the same,
# which errs on the side of letting a rendering pass as a letter-by-letter reading.
_ARABIC_VOWEL_LETTERS = frozenset("اأإآٱوؤيئىة")
# A y at the start of a word or before a vowel is a consonant (Yighrit, Nyuburt).
_LATIN_CONSONANT_Y = regex.compile(r"^y|y(?=[aeiou])")
_LATIN_VOWEL_RUN = regex.compile(r"[aeiouy]+")


def reads_letter_by_letter(original: str, rendering: str) -> bool:
    """Whether ``rendering`` writes vowels only where the Arabic ``original`` has a letter for one.

    Arabic leaves short vowels unwritten, so a reader who knows the name supplies them
    (برنستون → Burnaston, كولفين → Colvin), while one who spells the letters back can only
    read the long-vowel letters (ترامب → "Tramb", دامون → "Damun", واشنطن → "Washntn"). The
    test counts groups: no more vowel groups in the rendering than vowel letters in the
    original, each a single letter, and no doubled consonant. Not an Arabic word: True
    (nothing to tell by).
    """
    if not is_abjad(original):
        return True
    # Arabic has no p or v (ب is b, ف is f): a rendering that writes one for them came from
    # knowing the name (Purwo for بورو), unless the spelling has Persian پ or ڤ.
    if regex.search("[pv]", rendering.casefold()) and not regex.search("[پڤ]", original):
        return False
    groups, previous = 0, False
    for ch in original:
        vowel = ch in _ARABIC_VOWEL_LETTERS
        groups += vowel and not previous
        previous = vowel
    written = _LATIN_CONSONANT_Y.sub("j", rendering.casefold())
    runs = _LATIN_VOWEL_RUN.findall(written)
    # One letter per long vowel, and no doubled consonant (shadda is not written): vowel
    # digraphs and double letters come from knowing the name's own spelling (Fleiss for فليس,
    # Keaghan for كيغان, Nauert for نويرت), not from the Arabic letters.
    if any(len(run) > 1 for run in runs) or regex.search(r"([b-df-hj-np-tv-z])\1", written):
        return False
    return len(runs) <= groups


def _vowel_groups(text: str) -> int:
    """Vowel groups of a Latin spelling, a silent final e (Jones, Ilfracombe) not counted."""
    return len(_vowel_runs(text.casefold()))


def keeps_syllables(rendering: str, form: str, original: str) -> bool:
    """Whether ``rendering`` could be ``form`` spelled back from ``original``, syllable for syllable.

    Cyrillic writes each vowel it hears, so a name spelled back from it has the vowel groups of
    its English form, one for one (Klark / Clark, Dzhons / Jones, Vashington / Washington);
    Smurov is not Smurf, nor Bannov Banff. Arabic writes only its long vowels, so a rendering
    read from it may have fewer (Washntn / Washington), never more.
    """
    here, there = _vowel_groups(rendering), _vowel_groups(form)
    if is_abjad(original):
        return here <= there and not _final_vowel_differs(original, form)
    return here == there and not _diphthong_for_short_vowel(rendering, form)


# Arabic leaves short vowels unwritten inside a word, but writes a foreign name's final vowel
# with a letter: alif or ta marbuta for a (ماريا Maria, سارة Sara), ya for i (كيلي Kelly,
# هنري Henry). A name ending in one is not a form ending in the other: أنجيليني is Angelini, not
# Angelina. (Alif maqsura is left out: it is read a, Musa, and often written for ya.)
_FINAL_A = regex.compile(r"ah?$")
_FINAL_I = regex.compile(r"(?:i|y|ie|ee|ey)$")


def _final_vowel_differs(original: str, form: str) -> bool:
    """Whether the Arabic ``original`` ends in ya and ``form`` in a, or the other way round."""
    last, end = original[-1:], form.casefold()
    return (last == "ي" and _FINAL_A.search(end) is not None) or (last in "اة" and _FINAL_I.search(end) is not None)


# A vowel with й in Cyrillic is a diphthong: ей is English [eɪ], ай [aɪ], ой [ɔɪ]. English spells
# them with two letters (ai, ay, ei, ey, ea; ie, igh, uy; oi, oy) or with one long vowel letter,
# a for [eɪ] (Мейсон Mason, Кейт Kate), i or y for [aɪ] (Майк Mike, Кайл Kyle), none for [ɔɪ];
# any other lone vowel letter is short (Mel, Shell, Mill, the -en of Madden, Mack): Мейл is not
# Mel, nor Мадейн Madden.
_DIPHTHONG_LETTERS = {"e": "a", "a": "iy", "o": ""}
_GLIDE_J = regex.compile(r"j(?![aeiou])")


def _diphthong_for_short_vowel(rendering: str, form: str) -> bool:
    """Whether a syllable the rendering spells with a glide (ey, ei, ej; ay…; oy…) is a lone vowel
    letter in ``form`` that English never reads as that diphthong (see above). The two have as
    many vowel groups (:func:`keeps_syllables`), compared in order."""
    here = _vowel_runs(_GLIDE_J.sub("y", rendering.casefold()))
    there = _vowel_runs(form.casefold())
    return any(
        len(h) == 2
        and h[1] in "yi"
        and h[0] in _DIPHTHONG_LETTERS
        and len(t) == 1
        and t not in _DIPHTHONG_LETTERS[h[0]]
        for h, t in zip(here, there, strict=False)
    )


def _vowel_runs(text: str) -> list[str]:
    """The vowel groups of a Latin spelling, as :func:`_vowel_groups` counts them."""
    written = _LATIN_CONSONANT_Y.sub("j", text)
    written = regex.sub(r"(?<=[^aeiouy])es?$", "s" if written.endswith("s") else "", written)
    return [str(run) for run in _LATIN_VOWEL_RUN.findall(written)]


# Suffixes that make a Russian or Ukrainian surname (Иванов, Сергеев, Достоевский, Шевченко,
# Ковальчук, Петрович): a name with one is the language's own, and its standard romanisation is
# its Latin form; no English name is written back into Cyrillic with them.
_SLAVIC_SURNAME_SUFFIXES = ("ов", "ев", "ёв", "ский", "цкий", "ський", "цький", "енко", "чук", "ович", "евич")


def slavic_surname(word: str) -> bool:
    """A Cyrillic word in the form of a Russian or Ukrainian surname (see above)."""
    folded = word.casefold()
    return script_of_name(word) == "Cyrl" and len(folded) >= 5 and folded.endswith(_SLAVIC_SURNAME_SUFFIXES)


def established_form(original: str, rendering: str, lang: str) -> tuple[str, float] | None:
    """The frequent name of ``lang`` that ``original`` (Cyrillic, Arabic…) most likely spells,
    when ``rendering`` is not it: Джонс / "Dzhons" → ("Jones", 0.9). None when there is none.

    Candidates share a key of :func:`lookup_keys`, must sound like the original (translit
    similarity >= 0.8) and have the rendering's syllables (:func:`keeps_syllables`).
    """
    from mtcheck.names.translit import CROSS_SCRIPT_THRESHOLD

    index = frequent_names(lang)
    candidates = {form: zipf for k in lookup_keys(original, rendering) for form, zipf in index.get(k, ())}
    scored = [
        (max(similarity(reading, form) for reading in _readings(original)), zipf, form)
        for form, zipf in candidates.items()
        if form.casefold() != rendering.casefold() and keeps_syllables(rendering, form, original)
    ]
    scored = [s for s in scored if s[0] >= CROSS_SCRIPT_THRESHOLD]
    if not scored:
        return None
    score, _zipf, form = max(scored)
    return form, score


# Words at least this frequent (wordfreq Zipf: about once per 50 million words) are candidates
# for a rendering's established form: Croydon 3.2, Sulawesi 2.5, Nugroho 1.7, Bestwood 1.3.
# Rarer words are as often typos or junk as names (erly 1.1, minja 1.1).
FREQUENT_WORD_ZIPF = 1.25

# A coarse consonant skeleton, cheap enough for every word of a wordfreq list: computed in one
# pass over the joined list (str.replace, str.translate and one regex run in C), where
# translit.key costs about 70 µs a word in Python, 20 s for the 280,000 English words above the
# bar. It merges more than the key (s/z/sh, g/k, t/d; h dropped), so that words sharing a key
# share a skeleton; the key itself is computed for the few words of a bucket only. Written by
# hand: it mirrors translit's digraphs and letter classes, which no library knows.
_COARSE_DIGRAPHS = (
    ("shch", "s"), ("tsch", "s"), ("ckh", "k"), ("sch", "s"), ("tch", "s"), ("tsh", "s"), ("dzh", "k"), ("ts", "s"),
    ("tz", "s"), ("ck", "k"), ("dz", "k"), ("ch", "s"), ("cz", "s"), ("sh", "s"), ("zh", "k"), ("dj", "k"),
    ("gh", "k"), ("kh", ""), ("ph", "f"), ("th", "t"), ("dh", "t"), ("qu", "kf"),
)  # fmt: skip
_COARSE_LETTERS = str.maketrans("pvwgjqzd", "bffkkkst", "aeiouyh")
# translit.key's letters (see its classes) merged the same way
_COARSE_KEY = str.maketrans("BFGKZSTDLRMN", "bfkkssttlrmn", "H ")
_RUNS = regex.compile(r"(.)\1+")


def _coarse_words(words: list[str]) -> list[str]:
    """The coarse skeleton of each lower-case ASCII word (see above)."""
    text = "\n".join(words)
    for graph, letter in _COARSE_DIGRAPHS:
        text = text.replace(graph, letter)
    text = str(regex.sub(r"c(?=[eiy])", "s", text)).replace("c", "k")
    text = str(regex.sub(r"(?m)^x", "", text)).replace("x", "ks")
    return str(_RUNS.sub(r"\1", text.translate(_COARSE_LETTERS))).split("\n")


def _coarse_key(name_key: str) -> str:
    return str(_RUNS.sub(r"\1", name_key.translate(_COARSE_KEY)))


@functools.lru_cache(maxsize=8)
def frequent_words(lang: str) -> Mapping[str, tuple[tuple[str, float], ...]]:
    """Coarse skeleton → the words of ``lang`` at least as frequent as ``FREQUENT_WORD_ZIPF``,
    most frequent first. Built once per language and process (about 1 s for English), never
    changed; :func:`words_with_key` asks it."""
    import math

    from wordfreq import get_frequency_dict

    least = 10 ** (FREQUENT_WORD_ZIPF - 9)  # wordfreq's Zipf scale
    words = [
        (word, math.log10(frequency) + 9)
        for word, frequency in get_frequency_dict(lang).items()
        if frequency >= least and len(word) >= 4 and word.isascii() and word.isalpha()
    ]
    index: dict[str, list[tuple[str, float]]] = {}
    for (word, zipf), coarse in zip(words, _coarse_words([w for w, _z in words]), strict=True):
        index.setdefault(coarse, []).append((word, zipf))
    return {k: tuple(sorted(v, key=lambda item: -item[1])) for k, v in index.items()}


def words_with_key(name_key: str, lang: str) -> tuple[tuple[str, float], ...]:
    """The words of ``lang`` at least as frequent as ``FREQUENT_WORD_ZIPF`` whose transliteration
    key is ``name_key``, most frequent first, with their Zipf frequency."""
    bucket = frequent_words(lang).get(_coarse_key(name_key), ())
    return tuple((word, zipf) for word, zipf in bucket if key(word) == name_key)


# A candidate rarer than this (wordfreq Zipf) is as often a typo, a foreign word or another name
# as an established form of this one (Maroto for Мариотто / "Mariotto", Noisome for نوسوم /
# "Nusum"), so it needs a second, independent source that it is a name written so (``vouched``:
# the census list, the gazetteer's own name of a place, the desk's archive). And it must pass
# more, for the many rare names that sound alike: against an Arabic original, whose vowels are
# mostly unwritten, it sounds like it at least ``RARE_ABJAD_MATCH`` (Euroleague is not إيرليج,
# 0.90; Pepperdine is بيبيردين, 0.98); against a Cyrillic one, which writes the vowels it hears,
# its first vowel letter is the rendering's (not Minga / "Menga", which the key lets through).
RARE_WORD_ZIPF = 2.5
RARE_ABJAD_MATCH = 0.95


def established_word(
    original: str,
    rendering: str,
    lang: str,
    *,
    spelled: str | None = None,
    vouched: Callable[[str], bool] | None = None,
) -> tuple[str, float] | None:
    """The word of ``lang`` that sounds most like ``original`` among those sharing its
    transliteration key or the rendering's (:func:`lookup_keys`), other than the rendering and
    with the syllables of ``spelled``, the original spelled letter by letter (by default the
    rendering; :func:`keeps_syllables`): Кройдон / "Kroydon" → ("croydon", 1.0). A word rarer
    than ``RARE_WORD_ZIPF`` must pass more (:func:`_rare_word`); without ``vouched``, it is never
    suggested. None when there is none."""
    spelled = spelled or rendering
    keys = lookup_keys(original, spelled) | lookup_keys(original, rendering)
    candidates = {form: zipf for k in keys for form, zipf in words_with_key(k, lang)}
    scored = []
    for form, zipf in candidates.items():
        if form.casefold() == rendering.casefold() or not keeps_syllables(spelled, form, original):
            continue
        score = max(similarity(reading, form) for reading in _readings(original))
        if zipf < RARE_WORD_ZIPF and not _rare_word_holds(form, score, original, spelled, vouched):
            continue
        scored.append((score, zipf, form))
    if not scored:
        return None
    # at equal sound, the word the language uses more (Latin 4.5, not Lattin 1.9)
    score, _zipf, form = max(scored)
    return form, score


# Translit similarity of "the same sound classes", consonants and vowels: a rare word with no
# second source must sound exactly like a Cyrillic original (Nugroho / Нугрохо), which writes
# every vowel; Arabic, which does not, gives no such evidence.
EXACT_SOUND = 1.0


def _rare_word_holds(
    form: str, score: float, original: str, spelled: str, vouched: Callable[[str], bool] | None
) -> bool:
    """Whether ``form``, a candidate rarer than ``RARE_WORD_ZIPF``, is taken: where a second
    source names it so (``vouched``) or, for a Cyrillic original, where it sounds exactly like
    it (``EXACT_SOUND``). Whatever the source, against Arabic it sounds like the original at
    least ``RARE_ABJAD_MATCH``; against Cyrillic it has the rendering's vowel letters group for
    group (Barrera is not Баррейра, "Barreira": a rare name spelled otherwise is as often another
    name). A rare word one letter off a frequent one is not taken for its misspelling either: as
    often it is a name of its own (Tarek is no misspelled "trek")."""
    abjad = is_abjad(original)
    if vouched is None or (abjad and score < RARE_ABJAD_MATCH):
        return False
    if not abjad and _vowel_letters(form) != _vowel_letters(spelled):
        return False
    # the original as written: г read as h (Гунди as "Hundi") is a guess, not an exact sound
    return vouched(form) or (not abjad and score >= EXACT_SOUND and similarity(original, form) >= EXACT_SOUND)


def _vowel_letters(word: str) -> list[str]:
    return [str(run) for run in _LATIN_VOWEL_RUN.findall(_LATIN_CONSONANT_Y.sub("j", word.casefold()))]


# Russian and Ukrainian case endings of nouns and adjectives, each starting with a vowel letter,
# and the suffixes of an adjective made from a name (Лондонской, Латинській), longest first.
_ENDINGS = regex.compile(
    r"(?:(?:[сц]ьк|[сц]к)(?:ого|ому|ими|ій|ий|ая|ое|ой|ою|ої|ую|их|им|ом|ые|ыми|а|е|у|і|и)"
    r"|ами|ями|ові|еві|ого|его|ому|ему|ою|ею|ой|ей|ом|ем|ам|ям|ах|ях|а|я|у|ю|е|і|и|ы)$"
)


def case_stem(word: str) -> str | None:
    """A Cyrillic word without its case ending, or without the suffix that made an adjective
    of a name (Теннента → Теннент, Лондонской → Лондон), when at least three letters and a
    final consonant are left; None when it has no such ending."""
    if script_of_name(word) != "Cyrl":
        return None
    found = _ENDINGS.search(word.casefold())
    if found is None:
        return None
    stem = word[: found.start()]
    return stem if len(stem) >= 3 and stem[-1].casefold() not in "аеєиіїоуюяыэьй" else None
