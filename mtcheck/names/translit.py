"""Transliteration keys: put renderings of one name through Arabic, Cyrillic or Latin together.

Contract
--------
``romanize(name) -> str``
    Any script to lower-case ASCII letters with anyascii (a maintained, table-driven
    Unicode → ASCII transliterator covering every script).
``key(name) -> str``
    A consonant skeleton in "confusion classes": two renderings of one name that differ
    only by the choices a transliteration through another script forces get the same key.
    Keys index the neighbourhood in which :func:`similarity` looks for a known form.
``similarity(a, b) -> float``
    0..1. The skeletons are compared with an edit distance; when both sides are written
    in a fully vocalised script (Latin, Cyrillic, Greek), vowel classes and the quality of
    the first vowel count too, which keeps Omerov (o-) and Amirov (a-) apart while
    Omerov (o-) and Umerov (u-) stay together. Against Arabic script, which writes no
    short vowels, only the skeleton can be compared.

Only the script-conversion confusions are written by hand here: no library models
"what a name looks like after a round trip through Arabic". Each class, with an example:

=================  ==========================================================================
class              why, with an example
=================  ==========================================================================
vowels dropped     Arabic writes no short vowels: Rustem → رستم → Rustam; Omerov → عمروف
a / e-i / o-u      vowel qualities Arabic and Cyrillic letters merge: و = o/u (Umerov/Omerov),
                   ي = e/i/y (Zelenskyy/Zelenskiy), е/є/и/і (Avdeyevka/Avdiivka)
p → b              Arabic has no p: Petraeus → بترايوس → Betraeus
v, f, w → F        Arabic has no v; ف and و stand for it: Omerov → أوميروف → Umerof
g, j, gh, zh → G   ج is j in Levantine, g in Egyptian usage; غ is gh: Gaddafi/Qaddafi/Kadhafi,
                   Zhukov → جوكوف → Jukov
kh, h, x → H       خ/ح/ه and х: Kharkiv/Harkiv/Xarkiv, Khrushchev/Hrushchev
ch, sh, tch → SH   Arabic has no ch: Chernihiv → تشيرنيهيف / شيرنيهيف; sch/tsch likewise
c, k, q, ck → K    ك/ق, and Latin c before a back vowel: Cameron → كاميرون → Kameron
s, z, ts, tz → S   ز/س/ص, German z = ts: Scholz → شولتز → Sholtz
t, th, d, dh …     ط/ت/ث and د/ض/ذ: Othman/Osman keep t ≠ s; th → T, dh → D
y, i, j (vowel)    й, ي and Latin y are vowels here: Zelenskyy/Zelenskiy/Zelensky
doubled letters    Arabic shadda is not written: Mohammed/Muhamad, Odessa/Odesa
-iy/-yi/-y         Slavic endings: Zelenskiy/Zelenskyi/Zelensky (the vowels collapse to one)
final h            ة and a silent h: Fatimah/Fatima, Abdallah/Abdalla
ʿ ʾ ' apostrophes  ain, hamza and the soft sign vanish: Lʹvov/Lvov, ʿUmar/Umar
article ال         dropped, but only after a bare alif: أ إ آ open the name (ألاسكا is Alaska),
                   and إ writes the vowel i (إليفي is Elvie)
=================  ==========================================================================

Finer than the key, :func:`similarity` knows which letters are ambiguous (``COSTS``, ``_SOFT``):
Latin w is v or a semivowel (Lawton → لاوتون), j is g or y (Jelinek → يلينيك), ch is sh, kh or k
(Kirch → Кирх); ts and s are one class against Arabic but two letters in Cyrillic (ц/с); Latin
and Cyrillic write every vowel, so a vowel letter of another quality costs something there;
Arabic writes final vowels (Becky → بيكي), so one missing at the end of the word costs more than
one missing inside; Latin and Cyrillic write the ending in full, so a vowel ending added, dropped or
of another quality after a consonant costs as much as a consonant (Sokolov/Соколова, Ansaldo/Ансальди;
a silent final e and a final diphthong are exempt: Diogene/Диоген, Duvernoy/Дювернуа); p and b are one
class only against Arabic (Peron/Берон). Cyrillic is read three ways (anyascii, ICU BGN/PCGN, ICU ISO 9) and the best
reading counts. The costs were set on the dev half of ``bench/names_bench.py``'s lexicons.

Scholz and Schulz get one key (SH L S) and differ in one vowel of the same class: by
form alone they are the same name, and in Arabic they are written alike (شولتز). They are
told apart by knowledge, not by this module: a name that is itself a known form (termbase,
gazetteer, or established in the language's word list) is not reported as a misspelling of
another known form (see ``mtcheck.names.known``).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

VOWELS = frozenset("aeiouy")
VOWEL_CLASS = {"a": "A", "e": "I", "i": "I", "y": "I", "o": "U", "u": "U"}

# Abjads: scripts that leave short vowels unwritten.
_ABJAD_RANGES = ((0x0590, 0x05FF), (0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF))

# Longest first: the multi-letter spellings of one sound in Latin transliterations.
_DIGRAPHS = (
    ("shch", "S"),
    ("tsch", "S"),
    ("sch", "S"),
    ("tch", "S"),
    ("tsh", "S"),
    ("dzh", "G"),
    ("dz", "J"),  # Polish and Georgian dz; Japanese j in Cyrillic (Polivanov): Kinjirō → Киндзиро
    ("ch", "C"),
    ("cz", "S"),
    ("sh", "S"),
    ("zh", "G"),
    ("dj", "G"),
    ("gh", "G"),
    ("kh", "H"),
    ("ph", "F"),
    ("th", "T"),
    ("dh", "D"),
    ("ts", "X"),
    ("tz", "X"),
    ("ck", "K"),
)
# Letters whose sound the plain ASCII fold loses: Serbian/Croatian/Polish/Turkish palatals
# (Lazić → Лазич / لازيتش, Tokarczuk's cz above, Uçar → أوجار).
_LATIN_SPECIAL = str.maketrans(
    {"ñ": "ny", "č": "ch", "ć": "ch", "ç": "ch", "š": "sh", "ś": "sh", "ş": "sh", "ž": "zh", "ź": "zh"}
)
_SINGLE = {
    "b": "B", "p": "P", "v": "F", "f": "F", "w": "W", "g": "G", "j": "J", "h": "H", "k": "K", "q": "K",
    "s": "Z", "z": "Z", "t": "T", "d": "D", "l": "L", "r": "R", "m": "M", "n": "N",
}  # fmt: skip


def is_abjad(text: str) -> bool:
    """True when ``text`` contains Arabic or Hebrew letters (scripts without short vowels)."""
    return any(lo <= ord(ch) <= hi for ch in text for lo, hi in _ABJAD_RANGES)


@functools.lru_cache(maxsize=1)
def _arabic_latin() -> Any:
    import icu

    # ICU's Arabic-Latin keeps the long vowels (ا → a) that anyascii drops; they are the only
    # vowels Arabic writes, so they are evidence worth keeping.
    return icu.Transliterator.createInstance("Arabic-Latin; Latin-ASCII")


@functools.lru_cache(maxsize=1)
def _cyrillic_latin() -> tuple[Any, ...]:
    import icu

    # Two more readings of Cyrillic beside anyascii's: BGN/PCGN (Russian: е → ye after a vowel,
    # ы → y) and ICU's scholarly Any-Latin (Ukrainian і/ї/є, х → h).
    return tuple(icu.Transliterator.createInstance(rules) for rules in ("Russian-Latin/BGN", "Cyrillic-Latin"))


# ISO 9 letters (ICU's Cyrillic-Latin) whose plain ASCII fold would lose a sound: щ → ŝ, ю → û.
_ISO9 = str.maketrans({"ŝ": "shch", "û": "yu", "â": "ya", "ê": "ye", "ë": "yo", "ì": "i", "ʹ": "", "ʺ": ""})


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in text)


@functools.lru_cache(maxsize=65536)
def _readings(name: str) -> tuple[str, ...]:
    """romanize(name), and for Cyrillic the other standard romanisations too."""
    from anyascii import anyascii

    first = romanize(name)
    if not _is_cyrillic(name):
        return (first,)
    others = []
    for translit in _cyrillic_latin():
        text = str(translit.transliterate(unicodedata.normalize("NFC", name))).lower()
        # BGN marks a letter boundary with a middle dot (bl·er); only letters and word breaks count.
        text = "".join(ch for ch in text if ch.isalpha() or ch in " -")
        text = anyascii(unicodedata.normalize("NFC", text).translate(_ISO9).translate(_LATIN_SPECIAL)).lower()
        words = ["".join(ch for ch in word if "a" <= ch <= "z") for word in text.replace("-", " ").split()]
        others.append(" ".join(w for w in words if w))
    return tuple(dict.fromkeys([first, *others]))


@functools.lru_cache(maxsize=65536)
def romanize(name: str) -> str:
    """Lower-case ASCII letters of ``name`` in any script (spaces kept between words)."""
    from anyascii import anyascii

    text = unicodedata.normalize("NFC", name)
    if is_abjad(text):
        # ة (ta marbuta) is a silent final -a/-ah in names: كحالة → Kahhala, not Kahhalat.
        text = re.sub(r"\u0629(?=\W|$)", "\u0647", text)
        text = anyascii(_arabic_latin().transliterate(text)).lower()
        # A word-initial hamza or ain carries a vowel: عمروف → "amrwf", so a following و
        # reads as a vowel, not as a consonant w.
        text = re.sub(r"(?:(?<=\s)|^)['`]+", "a", text)
    else:
        text = anyascii(text.lower().translate(_LATIN_SPECIAL)).lower()
    words = ["".join(ch for ch in word if "a" <= ch <= "z") for word in text.replace("-", " ").split()]
    return " ".join(w for w in words if w)


def _classes(word: str, abjad: bool, opening: str = "") -> list[str]:
    """Sound classes of one romanized word; vowels as lower-case a/i/u, consonants upper-case.

    ``opening``: an Arabic word's first letters (see :data:`_ARTICLE_LETTERS`).
    """
    if abjad and word.startswith("al") and len(word) > 4 and (not opening or opening.startswith(_ARTICLE_LETTERS)):
        word = word[2:]  # the article ال is written joined; Latin renderings often drop it
    elif abjad and opening.startswith("إ") and word.startswith("a") and word[1:2] not in ("", "y", "w"):
        word = "i" + word[1:]  # hamza below alif carries the vowel i (kasra): إليفي is Elvie, not Alvie
    out: list[str] = []
    i = 0
    n = len(word)
    if abjad and n > 3 and word[0] == "a" and word[1] in "wy":
        # An initial alif or hamza before و / ي only carries that vowel: إيميليو is Emilio,
        # أوتكر is Oetiker; read the pair as one vowel.
        out.append("uu" if word[1] == "w" else "iy")
        i = 2
    while i < n:
        ch = word[i]
        if word.startswith("qu", i) and not abjad:
            out.extend(("K", "W"))  # Quest → Квест, Quinn → كوين
            i += 2
            continue
        for graph, cls in _DIGRAPHS:
            if word.startswith(graph, i):
                out.append(cls)
                i += len(graph)
                break
        else:
            nxt = word[i + 1] if i + 1 < n else ""
            if ch in VOWELS:
                out.append(VOWEL_CLASS[ch].lower() + ch)  # class, then the letter written
            elif ch == "w" and abjad and i > 0:
                out.append("uu")  # و after the first letter is a long vowel: Umerov → أوميروف
            elif ch == "c":
                out.append("Z" if nxt in ("e", "i", "y") else "K")
            elif ch == "x":
                out.extend(("H",) if i == 0 else ("K", "Z"))
            elif ch in _SINGLE:
                out.append(_SINGLE[ch])
            i += 1
    # A final h after a vowel is silent or a ta marbuta: Fatimah/Fatima, فاطمة → ftmh.
    if len(out) >= 2 and out[-1] == "H" and (out[-2].islower() or abjad):
        out.pop()
    return _collapse(out)


def _collapse(seq: list[str]) -> list[str]:
    """Runs of one consonant class, or of vowels of one class (ie, oo), count once."""
    out: list[str] = []
    for item in seq:
        if not out or out[-1][0] != item[0]:
            out.append(item)
    return out


Analysis = tuple[tuple[tuple[str, ...], ...], bool]


@functools.lru_cache(maxsize=65536)
def _analyses(name: str) -> tuple[Analysis, ...]:
    abjad = is_abjad(name)
    out = []
    for reading in _readings(name):
        romanized = reading.split()
        openings = _openings(name, len(romanized)) if abjad else [""] * len(romanized)
        words = tuple(
            tuple(_classes(word, abjad, opening))
            for word, opening in zip(romanized, openings, strict=True)
            if word not in ("al", "el")
        )
        out.append((tuple(w for w in words if w), abjad))
    return tuple(out)


# The article is written with a bare alif (hamzat al-wasl: ال, ٱل); a word that opens with
# alif carrying hamza (أ إ, hamzat al-qat') or madda (آ), or with ain (ع), starts with a vowel
# of its own, so its "al" is no article: ألاسكا is Alaska, ألبنس Albence, not "aska", "bns";
# and hamza below the alif (إ) writes that vowel as i (W. Wright, A Grammar of the Arabic
# Language, I §§ 15-19; https://en.wikipedia.org/wiki/Hamza#Hamzat_al-wasl). Both facts are lost
# by romanising (ICU and anyascii write every one of them "a"), so they are read off the letters.
_ARTICLE_LETTERS = ("ال", "ٱل")


def _openings(name: str, count: int) -> list[str]:
    """The first two letters of each word of an Arabic ``name``, for :func:`_classes`; empty
    (no fact known) where the Arabic words and the ``count`` romanized ones do not pair up."""
    words = [w for w in name.replace("-", " ").split() if romanize(w)]
    if len(words) != count:
        return [""] * count
    return [w[:2] for w in words]


# English spelling that Cyrillic renders by sound (the sound is what a Ukrainian or Russian
# transliteration follows, not the letters): an initial wh is w (Whitney → Вітні, Wheeler → Вілер),
# and a final e after a vowel and one consonant is silent and lengthens the vowel, a to ei and i or
# y to ai (Blake → Блейк, Pike → Пайк, Holyoke → Голіок). A second reading, never the only one.
_WH = re.compile(r"\bwh(?=[aeiouy])")
_SILENT_E = re.compile(r"(?<![aeiou])([aeiouy])([bcdfgklmnprstvz])e\b")
_LONG = {"a": "ei", "i": "ai", "y": "ai"}


@functools.lru_cache(maxsize=65536)
def _english_analyses(name: str) -> tuple[Analysis, ...]:
    """The analyses of a Latin-script name read as English is spoken (see ``_SILENT_E``)."""
    first = romanize(name)
    spoken = _SILENT_E.sub(lambda m: _LONG.get(m.group(1), m.group(1)) + m.group(2), _WH.sub("w", first))
    if spoken == first:
        return ()
    words = tuple(tuple(_classes(word, False)) for word in spoken.split())
    return ((tuple(w for w in words if w), False),)


def _against(name: str, other: str) -> tuple[Analysis, ...]:
    """The readings of ``name`` to compare with ``other``: English ones only against Cyrillic."""
    if _is_cyrillic(other) and not _is_cyrillic(name) and not is_abjad(name):
        return _analyses(name) + _english_analyses(name)
    return _analyses(name)


def _analyse(name: str) -> Analysis:
    return _analyses(name)[0]


def key(name: str) -> str:
    """The consonant-class skeleton of ``name``, words joined by spaces: ``Umerov`` → ``MRF``."""
    words, _abjad = _analyse(name)
    return " ".join("".join(_collapse([_KEY_LETTER.get(c, c) for c in w if c.isupper()])) for w in words)


# The ambiguous Latin letters fold to one key letter each; similarity weighs them finer.
_KEY_LETTER = {"W": "F", "J": "G", "C": "S", "X": "Z", "P": "B"}

# Ambiguous Latin letters against what the other rendering may have made of them:
#   w  is a v (Wladimir/Vladimir) or the semivowel و / у (Lawton → لاوتون, Edwin → إدوين);
#   j  is a g/ǧ (Jawara → جاوارا) or the y of Slavic and German (Jelinek → يلينيك, Emilija → Эмилия);
#   ch is English sh, German kh (Kirch → Кирх) or Italian k (Varchi → Варки).
_SOFT = {
    frozenset("WF"): 0.25,
    frozenset("JG"): 0.0,
    frozenset("CS"): 0.0,
    frozenset("CH"): 0.3,
    frozenset("CK"): 0.3,
    frozenset("XZ"): 0.0,  # only outside abjads, where ts (ц) and s (с) are two letters: see _sub_cost
}
_SEMIVOWEL = {"W": "u", "J": "i"}

# Near classes: sounds a transliteration often trades for each other, at half the cost
# (г is g in Russian and h in Ukrainian: Krivoy Rog / Kryvyi Rih, Gorlovka / Horlivka).
_NEAR = frozenset(
    {
        frozenset("GH"),
        frozenset("HK"),
        frozenset("TD"),
        frozenset("KG"),
        frozenset("ZS"),
        frozenset("BF"),
        frozenset("GZ"),
    }
)


# The cost model, in one place (edit operations on sound classes; a consonant weighs 1).
COSTS = {
    "vowel_same_class": 0.15,  # Bimbo/Бембо: one class, another written letter (not against an abjad)
    "vowel_first": 0.6,  # Omerov/Amirov: the first vowel carries the name
    "vowel_other": 0.5,  # Rustam/Rustem; Kosha/Каша: Cyrillic writes every vowel
    "vowel_abjad": 0.6,  # a written long vowel of another quality: ا vs و
    "vowel_unwritten": 0.1,  # a short vowel Arabic leaves unwritten
    "vowel_final_unwritten": 0.4,  # Arabic writes a final vowel: Becky → بيكي, so بيك is not Becky
    "vowel_long_missing": 0.4,  # a long vowel the other rendering does not have
    "vowel_abjad_optional": 0.2,  # a long vowel one Arabic spelling writes and another does not
    "vowel_indel_first": 0.5,
    "vowel_indel_other": 0.35,
    "vowel_weight": 0.3,
    "vowel_final": 1.0,  # Sokolov/Соколова, Ansaldo/Ансальди: Latin and Cyrillic write the ending in full
    "vowel_final_abjad": 0.6,  # Fontane/فونتانا: Arabic writes a final vowel, as a long one
    "p_b": 0.5,  # Peron/Берон: Cyrillic has both letters (Arabic has no p: there they are one)
}


def _sub_cost(x: str, y: str, abjad: bool, first: bool, last: bool = False, ending: bool = False) -> float:
    if x == y:
        return 0.0
    if x.islower() and y.islower():
        if ending and x[0] != y[0]:
            # The ending is written in every script (Arabic as a long vowel) and carries
            # gender and origin: Ansaldo/Ансальди, Karpov/Karpova are two names.
            return COSTS["vowel_final_abjad"] if abjad else COSTS["vowel_final"]
        if x[0] == y[0]:
            # One vowel class, another letter: Arabic cannot tell them apart; Latin and Cyrillic
            # write every vowel, so Bimbo/Бембо or Abdiel/Абдель are evidence, if weak.
            return 0.0 if abjad or x[1:] == y[1:] else COSTS["vowel_same_class"]
        if abjad:
            return COSTS["vowel_abjad"]
        return COSTS["vowel_first"] if first else COSTS["vowel_other"]
    if x.isupper() and y.isupper():
        pair = frozenset((x, y))
        if pair == frozenset("XZ") and not abjad:
            return 0.5  # Matsukawa / Масукава: ц and с are different letters
        if pair == frozenset("PB"):
            return 0.0 if abjad else COSTS["p_b"]  # the key folds them; only Arabic lacks p
        if pair in _SOFT:
            return _SOFT[pair]
        x, y = _KEY_LETTER.get(x, x), _KEY_LETTER.get(y, y)
        if x == y:
            return 0.0
        return 0.5 if frozenset((x, y)) in _NEAR else 1.0
    vowel, other = (x, y) if x.islower() else (y, x)
    if _SEMIVOWEL.get(other) == vowel[0]:
        return 0.15  # a semivowel written as a vowel letter: Edwin / إدوين, Emilija / Эмилия
    return 1.0


def _indel_cost(
    x: str, side_abjad: bool, other_abjad: bool, first: bool, last: bool = False, ending: bool = False
) -> float:
    if x in _SEMIVOWEL:
        return 0.4  # Bowerman → باورمان: the w merges into a long vowel
    if x.islower():
        if other_abjad and not side_abjad:
            if first:
                return COSTS["vowel_long_missing"]
            # Arabic writes a final vowel (Rosie → روزي) but not a silent e (Rose → روز).
            return COSTS["vowel_final_unwritten"] if last and x != "ie" else COSTS["vowel_unwritten"]
        if side_abjad and not other_abjad:
            return COSTS["vowel_long_missing"]
        if side_abjad:
            # Two Arabic spellings of a foreign name write its long vowels or not at will:
            # عمروف / أوميروف, رستم / رستام.
            return COSTS["vowel_abjad_optional"]
        if ending and x != "ie":
            return COSTS["vowel_final"]  # Sokolov/Соколова; a silent final e (Diogene/Диоген) is not
        return COSTS["vowel_indel_first"] if first else COSTS["vowel_indel_other"]
    return 0.5 if x == "H" else 1.0  # h is often dropped: Kahhala / كحالة


def _weight(seq: tuple[str, ...]) -> float:
    return sum(1.0 if c.isupper() else COSTS["vowel_weight"] for c in seq)


def _word_similarity(a: tuple[str, ...], b: tuple[str, ...], abjad_a: bool, abjad_b: bool) -> float:
    abjad = abjad_a or abjad_b
    n, m = len(a), len(b)
    prev = [0.0] * (m + 1)
    # A vowel ending after a consonant (-ov/-ova, -o/-i); a final diphthong is rendered
    # more freely (Duvernoy/Дювернуа, Veturio/Ветурий).
    end_a, end_b = n < 2 or a[-2].isupper(), m < 2 or b[-2].isupper()
    del_b = [_indel_cost(b[j], abjad_b, abjad_a, j == 0, j == m - 1, j == m - 1 and end_b) for j in range(m)]
    for j in range(1, m + 1):
        prev[j] = prev[j - 1] + del_b[j - 1]
    for i in range(1, n + 1):
        del_a = _indel_cost(a[i - 1], abjad_a, abjad_b, i == 1, i == n, i == n and end_a)
        cur = [prev[0] + del_a] + [0.0] * m
        for j in range(1, m + 1):
            cur[j] = min(
                prev[j - 1]
                + _sub_cost(
                    a[i - 1],
                    b[j - 1],
                    abjad,
                    i == 1 and j == 1,
                    i == n and j == m,
                    i == n and j == m and end_a and end_b,
                ),
                prev[j] + del_a,
                cur[j - 1] + del_b[j - 1],
            )
        prev = cur
    norm = max(_weight(a), _weight(b), 1.0)
    score = 1.0 - prev[m] / norm
    consonants = min(sum(c.isupper() for c in a), sum(c.isupper() for c in b))
    if consonants <= 2 and prev[m] >= 0.5:
        score -= 0.15  # in a two-consonant name one letter is no small difference: Kiev/Kim
    return max(score, 0.0)


def similarity(a: str, b: str, *, vowels: bool = True) -> float:
    """How likely ``a`` and ``b`` are renderings of one name, 0..1 (1: same sound classes).

    Multi-word names are compared word by word in order; with different word counts the
    words are joined first (Abd al-Rahman / Abdulrahman). ``vowels=False`` compares the
    consonant skeletons only, for forms known to differ in vowels by rule (Russian Ровно and
    Ukrainian Рівне).
    """
    pairs = [(x, y) for x in _against(a, b) for y in _against(b, a)]
    if not vowels:
        pairs = [(_consonants(x), _consonants(y)) for x, y in pairs]
    return max(_similarity(x, y) for x, y in pairs)


def _consonants(analysis: Analysis) -> Analysis:
    words, abjad = analysis
    return tuple(w for w in (tuple(c for c in word if c.isupper()) for word in words) if w), abjad


def _similarity(analysis_a: Analysis, analysis_b: Analysis) -> float:
    words_a, abjad_a = analysis_a
    words_b, abjad_b = analysis_b
    if not words_a or not words_b:
        return 0.0
    if len(words_a) == len(words_b):
        scores = [_word_similarity(x, y, abjad_a, abjad_b) for x, y in zip(words_a, words_b, strict=True)]
        return sum(scores) / len(scores)
    joined_a = tuple(c for w in words_a for c in w)
    joined_b = tuple(c for w in words_b for c in w)
    return 0.95 * _word_similarity(joined_a, joined_b, abjad_a, abjad_b)


# Similarity at or above which two renderings across scripts count as one name (measured by
# bench/names_bench.py), and the stricter bar between two Latin/Cyrillic forms, where every
# vowel is written and a differing one is real evidence.
CROSS_SCRIPT_THRESHOLD = 0.8
SAME_SCRIPT_THRESHOLD = 0.88
