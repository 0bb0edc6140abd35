"""Does mtcheck find real errors in wire copy checked against its original, with no model?

Clean, professionally translated documents are damaged on purpose, one error per copy,
and checked with ``--original`` and back-translation off (``ModelSettings(enabled=False)``):

- NTREX-128 (123 news documents): en→ar, en→uk, en→ru, and the reverse directions
  ar→en, uk→en, ru→en, where the professional ar/uk/ru text stands as the original and
  the English as its translation;
- WMT24 en→uk (pair ``en-uk24``): the English source against the reference ``refA``;
  documents of fewer than four lines are pooled by twenties within their half;
- WMT24 the other way round (pair ``uk-en24``, only when asked for with ``--pairs``):
  the Ukrainian version as the original, the authentic English as its translation. No
  rule was tuned on it: copy for reading false alarms of X→en, where every English name
  is right by construction.

Error types, each injected once per document where the document allows it (seeded):
``number`` (a number shared by original and translation changed in the translation:
11 → 17, 1870 → 1880), ``name-replaced`` (a name replaced by another name of the same
kind, place or not, seen elsewhere in the corpus), ``name-dropped`` (the name deleted),
``name-reromanised`` (X→en only: the English form replaced by a letter-by-letter
romanisation of the original's Cyrillic or Arabic spelling: Jones → Dzhons, Novak →
Nufak), ``term-violated`` (a one-entry termbase is built from a name pair present in the
document, and every occurrence of its target form is spelt another way: Lopez → Lapez,
Форд → Фард, ترامب → ترمب), ``sentence-dropped`` (a sentence of six or more words deleted) and
``sentence-split`` (a negative control: one sentence cut in two at a comma before a
conjunction, which must not be flagged).

A damaged copy counts as detected when its run has a warning or error that the clean run
(same config, same termbase) does not have, on the damaged line or, for a dropped
sentence, on or next to where it was. Findings are compared by check, message, text
and line, with the damaged copy's lines mapped back onto the clean copy's, so that a
dropped line does not make every later finding look new. New findings elsewhere are
counted apart ("off-target"). For the split control, any new warning or error counts
as a false alarm. False alarms on the untouched copies are warnings and errors per
1,000 words of translation.

The DEMETR development part adds X→en items: recall on ``critical_id9_ne_replaced``
and ``critical_id25_ne_removed`` (the perturbed MT checked against the source sentence;
detected when a warning or error appears that the unperturbed MT of the same id does not
get) and false alarms on the unperturbed MT and on the human translation. Chinese and
Japanese are reported apart; a crash is counted, never fatal.

Documents (and DEMETR ids) are split into two halves by a stable hash of their id:
``--split dev`` is the half for tuning, ``--split test`` (the default) the held-out half.
The numbers in the README come from ``--split test``.

Usage: python bench/errors_bench.py [--split test|dev|all] [--seed 1] [--pairs en-uk ar-en]
       [--limit N] [--types number name-dropped] [--no-demetr] [--show-missed 3]
"""

from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import random
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck import Config, check_text
from mtcheck.config import ModelSettings
from mtcheck.types import Severity

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
NTREX_CODES = {"ar": "arb", "uk": "ukr", "ru": "rus"}
PAIRS = ("en-ar", "en-uk", "en-ru", "ar-en", "uk-en", "ru-en", "en-uk24")
# The same WMT24 documents the other way round: the Ukrainian version as the original and the
# authentic English source as the translation. Not in the default set (its names were never
# injected or tuned on); ``--pairs uk-en24`` gives more X→en copy to read false alarms in,
# where every English name is right by construction.
EXTRA_PAIRS = ("uk-en24",)
TYPES = (
    "number",
    "name-replaced",
    "name-dropped",
    "name-reromanised",
    "term-violated",
    "sentence-dropped",
    "sentence-split",
)
CONTROL = "sentence-split"
DEMETR_FILES = {"ne-replaced": "critical_id9_ne_replaced", "ne-removed": "critical_id25_ne_removed"}
DEMETR_LANGS = {
    "polish": "pl",
    "czech": "cs",
    "german": "de",
    "french": "fr",
    "italian": "it",
    "spanish": "es",
    "japanese": "ja",
    "chinese_simple": "zh",
}
UNSEGMENTED = {"ja", "zh"}  # no spaces and no letter case: reported apart

WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’ʼ][\p{L}\p{M}]{2,})*")
# atomic, so that "2.8bn" is the number 2.8 and not a "2" found by backtracking
NUMBER = regex.compile(r"(?<![\p{Nd}\p{L}])(?>\p{Nd}+(?:[.,\u066b\u066c]\p{Nd}+)*)")
DIGIT_RUN = regex.compile(r"\p{Nd}+")
ARABIC = regex.compile(r"\p{Arabic}")
CYRILLIC = regex.compile(r"\p{Cyrillic}")
# Arabic proclitics a name may carry: "and", "by/with", "to/for", "as", and the article.
ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class Doc:
    pair: str
    doc_id: str
    source_lang: str
    target_lang: str
    original: tuple[str, ...]
    translation: tuple[str, ...]


def half(key: str) -> str:
    return "dev" if hashlib.sha256(key.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def in_split(key: str, split: str) -> bool:
    return split == "all" or half(key) == split


def ntrex_docs(pairs: list[str], split: str) -> list[Doc]:
    root = DATA / "ntrex-128"
    english = (root / "newstest2019-src.eng.txt").read_text(encoding="utf-8").split("\n")
    doc_ids = (root / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    groups: dict[str, list[int]] = {}
    for index, doc in enumerate(doc_ids[: len(english)]):
        if doc.strip():
            groups.setdefault(doc.strip(), []).append(index)
    docs = []
    for pair in pairs:
        source, target = pair.split("-")
        if "en" not in (source, target) or pair.endswith("24"):
            continue
        other = source if target == "en" else target
        text = (root / f"newstest2019-ref.{NTREX_CODES[other]}.txt").read_text(encoding="utf-8").split("\n")
        sides = {"en": english, other: text}
        for doc_id, lines in groups.items():
            if in_split(doc_id, split):
                original = tuple(sides[source][k] for k in lines)
                translation = tuple(sides[target][k] for k in lines)
                docs.append(Doc(pair, doc_id, source, target, original, translation))
    return docs


WMT_SYSTEMS = ("Aya23", "GPT-4", "ONLINE-B", "Unbabel-Tower70B")


def wmt_docs(split: str, translation: str = "refA", reverse: bool = False) -> list[Doc]:
    """WMT24 en-uk documents; ``translation`` "refA" is the professional reference, a system's
    name (``WMT_SYSTEMS``) takes that MT output instead: more copy to look for false alarms in,
    though an MT output also has real errors, so its warnings are read, not counted as noise.
    ``reverse`` gives pair ``uk-en24``: that Ukrainian version as the original, the English as the translation."""
    root = DATA / "wmt24-en-uk"

    def read(name: str) -> list[str]:
        return (root / name).read_text(encoding="utf-8").split("\n")[1:998]  # line 1 is the canary

    english = read("en-uk.txt")
    reference = read("en-uk.refA.txt" if translation == "refA" else f"system-outputs/{translation}.txt")
    doc_ids = [line.split("\t")[1] for line in read("en-uk.docs")]
    groups: dict[str, list[int]] = {}
    for index, doc in enumerate(doc_ids):
        groups.setdefault(doc, []).append(index)
    chosen = {doc: lines for doc, lines in groups.items() if in_split(doc, split)}
    # One-line social-media posts are too short to damage a sentence of; pooling them
    # (within the half, so the halves stay disjoint) makes documents of a usable size.
    docs = [(doc, lines) for doc, lines in chosen.items() if len(lines) >= 4]
    pool = [k for lines in chosen.values() if len(lines) < 4 for k in lines]
    docs += [(f"pool:{doc_ids[pool[k]]}", pool[k : k + 20]) for k in range(0, len(pool), 20)]
    if reverse:
        return [
            Doc("uk-en24", doc, "uk", "en", tuple(reference[k] for k in lines), tuple(english[k] for k in lines))
            for doc, lines in docs
        ]
    return [
        Doc("en-uk24", doc, "en", "uk", tuple(english[k] for k in lines), tuple(reference[k] for k in lines))
        for doc, lines in docs
    ]


# --------------------------------------------------------------------------- names


@functools.cache
def english_lowercase_words() -> frozenset[str]:
    """Words the English side writes in lower case somewhere: a capitalised one is no name."""
    texts = [(DATA / "ntrex-128" / "newstest2019-src.eng.txt").read_text(encoding="utf-8")]
    wmt = DATA / "wmt24-en-uk" / "en-uk.txt"
    if wmt.exists():
        texts.append(wmt.read_text(encoding="utf-8"))
    return frozenset(w for text in texts for w in WORD.findall(text) if w.islower())


@functools.cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names: capitalised in English, common words elsewhere."""
    from babel import Locale

    english = Locale("en")
    return frozenset(
        name for width in ("wide", "abbreviated") for table in (english.months, english.days)
        for name in table["format"][width].values()
    )  # fmt: skip


@functools.cache
def place_words() -> frozenset[str]:
    """One-word country and city names in English (CLDR territories, tz database cities).

    Words of longer names are left out: "Martin" of "St. Martin" is no place.
    """
    import zoneinfo

    from babel import Locale

    names = list(Locale("en").territories.values())
    names += [zone.rsplit("/", 1)[-1].replace("_", " ") for zone in zoneinfo.available_timezones() if "/" in zone]
    return frozenset(name for name in names if WORD.fullmatch(name) and name[:1].isupper())


def romanise(word: str) -> str:
    from anyascii import anyascii

    return anyascii(word)


_DIGRAPHS = (("dzh", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("th", "t"), ("dh", "d"))
_DIGRAPHS += (("sh", "S"), ("ch", "C"), ("ts", "s"), ("ck", "k"), ("x", "ks"))
_LETTERS = str.maketrans({"c": "k", "q": "k", "p": "b", "v": "f", "z": "s", "h": "g"})


@functools.cache
def skeleton(word: str) -> str:
    """Consonants of a word's romanisation, with the distinctions scripts lose merged.

    Arabic writes no short vowels and has no p or v, Cyrillic has one letter for g and h
    (Ukrainian г), so vowels go and b/p, f/v, g/h, s/z are merged; w and y are dropped
    inside a word (Arabic و and ي are mostly vowels there) and kept as f at its start.
    """
    s = regex.sub(r"[^a-z]", "", romanise(word).lower())
    for old, new in _DIGRAPHS:
        s = s.replace(old, new)
    s = s.translate(_LETTERS)
    start = "f" if s[:1] == "w" else ""
    s = start + regex.sub(r"[aeiouyw]", "", s[len(start) :])
    return regex.sub(r"(.)\1+", r"\1", s)


def similarity(english: str, other: str) -> float:
    """How close two skeletons are; an inflected ending on the other side is forgiven."""
    from rapidfuzz.fuzz import ratio

    a, b = skeleton(english), skeleton(other)
    if len(a) < 3 or len(b) < 3:
        return 0.0
    score = ratio(a, b)
    if len(b) > len(a):
        score = max(score, ratio(a, b[: len(a)]) - 5)
    return score / 100


@dataclass(frozen=True)
class Token:
    """A word of a line: ``start``/``end`` in the line; ``core`` skips an Arabic proclitic."""

    line: int
    start: int
    end: int
    text: str
    core_start: int

    @property
    def core(self) -> str:
        return self.text[self.core_start - self.start :]


@dataclass(frozen=True)
class NamePair:
    """A name of the English side and its counterpart on the other side, same line."""

    line: int
    english: Token
    other: Token
    score: float


def tokens(line: str, index: int) -> list[Token]:
    return [Token(index, m.start(), m.end(), m.group(0), m.start()) for m in WORD.finditer(line)]


def english_names(line: str, index: int) -> list[Token]:
    lowercase = english_lowercase_words()
    names = []
    for tok in tokens(line, index):
        if not tok.text[:1].isupper() or tok.text.isupper() or len(tok.text) < 3:
            continue
        before = line[: tok.start].rstrip(" \"'“‘«(")
        if not before or before[-1] in ".!?:;—–-":  # sentence-initial: capitalised anyway
            continue
        if tok.text.lower() not in lowercase and tok.text not in calendar_words():
            names.append(tok)
    return names


def candidates(line: str, index: int, lang: str) -> list[Token]:
    """Words of an Arabic or Cyrillic line that may be names, with Arabic proclitics peeled."""
    found = []
    script = ARABIC if lang == "ar" else CYRILLIC
    for tok in tokens(line, index):
        if not script.match(tok.text):
            continue
        if lang == "ar":
            found.append(tok)
            for prefix in ARABIC_PREFIXES:
                if tok.text.startswith(prefix) and len(tok.text) - len(prefix) >= 3:
                    found.append(Token(index, tok.start, tok.end, tok.text, tok.start + len(prefix)))
        elif tok.text[:1].isupper() and not tok.text.isupper() and len(tok.text) >= 3:
            found.append(tok)
    return found


def name_pairs(english_line: str, other_line: str, index: int, other_lang: str, threshold: float) -> list[NamePair]:
    """Mutually best transliteration matches between the English names and the other line's words."""
    names = english_names(english_line, index)
    words = candidates(other_line, index, other_lang)
    if not names or not words:
        return []
    scores = {(i, j): similarity(n.text, w.core) for i, n in enumerate(names) for j, w in enumerate(words)}
    pairs = []
    for i, name in enumerate(names):
        j = max(range(len(words)), key=lambda k: scores[i, k])
        if scores[i, j] < threshold:
            continue
        if max(scores[k, j] for k in range(len(names))) > scores[i, j]:
            continue
        pairs.append(NamePair(index, name, words[j], scores[i, j]))
    return pairs


def doc_name_pairs(doc: Doc, threshold: float) -> list[NamePair]:
    english, other = (doc.original, doc.translation) if doc.source_lang == "en" else (doc.translation, doc.original)
    other_lang = doc.target_lang if doc.source_lang == "en" else doc.source_lang
    return [p for k in range(len(english)) for p in name_pairs(english[k], other[k], k, other_lang, threshold)]


# --------------------------------------------------------------------------- injection


@dataclass(frozen=True)
class Damage:
    """A damaged translation, where the damage is (1-based lines), and what was done."""

    kind: str
    lines: tuple[str, ...]
    where: frozenset[int]
    note: str
    dropped_line: int | None = None  # 0-based index of a deleted line of the clean copy
    termbase: tuple[str, str] | None = None  # (source form, target form)
    repeated: bool | None = None  # names: whether the translation names it on another line too

    def clean_line(self, line: int) -> int:
        """The clean copy's line for a line of the damaged copy."""
        if self.dropped_line is not None and line - 1 >= self.dropped_line:
            return line + 1
        return line


def edit(lines: tuple[str, ...], index: int, start: int, end: int, new: str) -> tuple[str, ...]:
    """Replace a span of one line; a deletion leaves one space (none before punctuation)."""
    left, right = lines[index][:start], lines[index][end:]
    if not new:
        left, right = left.rstrip(" "), right.lstrip(" ")
        if left and right and right[0] not in ".,;:!?)]»”،؛؟":
            left += " "
    return (*lines[:index], left + new + right, *lines[index + 1 :])


def digit_value(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in text if unicodedata.digit(c, None) is not None)


def number_values(text: str) -> set[str]:
    values = {digit_value(m.group(0)) for m in NUMBER.finditer(text)}
    return values | {digit_value(m.group(0)) for m in DIGIT_RUN.finditer(text)}


def inject_number(doc: Doc, rng: random.Random, ctx: Injector) -> Damage | None:
    options = []
    for k, line in enumerate(doc.translation):
        original = number_values(doc.original[k])
        for m in NUMBER.finditer(line):
            if digit_value(m.group(0)) in original and regex.search(r"[1-9]", digit_value(m.group(0))):
                options.append((k, m))
    if not options:
        return None
    k, m = rng.choice(options)
    text = m.group(0)
    # Change the last non-zero digit, in the same script, so the number keeps its shape
    # (11 → 17, 1870 → 1880) and stays a plausible value.
    position = max(i for i, c in enumerate(text) if unicodedata.digit(c, 0) > 0)
    zero = ord(text[position]) - unicodedata.digit(text[position])
    forbidden = number_values(doc.original[k]) | number_values(doc.translation[k])
    for digit in rng.sample(range(1, 10), 9):
        new = text[:position] + chr(zero + digit) + text[position + 1 :]
        if digit_value(new) not in forbidden:
            lines = edit(doc.translation, k, m.start(), m.end(), new)
            return Damage("number", lines, frozenset({k + 1}), f"{text} → {new}")
    return None


def translation_side(pair: NamePair, doc: Doc) -> Token:
    return pair.english if doc.target_lang == "en" else pair.other


def kind_of(pair: NamePair) -> str:
    return "place" if pair.english.text in place_words() else "other"


def named_elsewhere(doc: Doc, tok: Token) -> bool:
    """Whether another line of the translation has the name too (mtcheck then calls a loss "moved")."""
    return any(
        max(similarity(tok.core, w.core), similarity(w.core, tok.core)) >= 0.8
        for k, line in enumerate(doc.translation) if k != tok.line for w in tokens(line, k)
    )  # fmt: skip


def inject_name_replaced(doc: Doc, rng: random.Random, ctx: Injector) -> Damage | None:
    pairs = ctx.pairs(doc)
    if not pairs:
        return None
    pair = rng.choice(pairs)
    tok = translation_side(pair, doc)
    present = [w.core for k, line in enumerate(doc.translation) for w in tokens(line, k)]
    pool = [
        name
        for name in ctx.pool(doc.target_lang, kind_of(pair))
        if similarity(name, tok.core) < 0.5 and all(similarity(name, w) < 0.75 for w in present)
        and abs(len(name) - len(tok.core)) <= 3
    ]  # fmt: skip
    # Cyrillic names decline: the same last letter keeps the sentence's grammar plausible.
    same_ending = [name for name in pool if name[-1:] == tok.core[-1:]]
    pool = same_ending or pool
    if not pool:
        return None
    new = rng.choice(pool)
    lines = edit(doc.translation, tok.line, tok.core_start, tok.end, new)
    return Damage("name-replaced", lines, frozenset({tok.line + 1}), f"{tok.core} → {new}",
                  repeated=named_elsewhere(doc, tok))  # fmt: skip


def inject_name_dropped(doc: Doc, rng: random.Random, ctx: Injector) -> Damage | None:
    pairs = ctx.pairs(doc)
    if not pairs:
        return None
    tok = translation_side(rng.choice(pairs), doc)
    lines = edit(doc.translation, tok.line, tok.start, tok.end, "")
    return Damage("name-dropped", lines, frozenset({tok.line + 1}), f"“{tok.text}” deleted",
                  repeated=named_elsewhere(doc, tok))  # fmt: skip


_ARABIC_LETTERS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "a", "ى": "a",
}  # fmt: skip


def naive_arabic(word: str) -> str:
    """Letter by letter, long-vowel letters read as vowels between consonants: نوفاك → nufak."""
    out = []
    for i, c in enumerate(word):
        if c in "اأإآ":
            out.append("i" if c == "إ" else "a")
        elif c in "وي":
            after = word[i + 1 : i + 2]
            vowel_next = after in ("ا", "و", "ي", "ى")
            initial = i == 0 or (i == 1 and word[0] in "اأإ")
            if initial and i == 1:
                out[-1] = "u" if c == "و" else "i"
            elif initial or vowel_next:
                out.append("w" if c == "و" else "y")
            else:
                out.append("u" if c == "و" else "i")
        else:
            out.append(_ARABIC_LETTERS.get(c, ""))
    return "".join(out).replace("'", "")


def lemma(word: str, lang: str) -> str | None:
    """The dictionary form of a Cyrillic name (pymorphy3), or None when pymorphy is only guessing.

    A word already in its dictionary form is kept; otherwise the lemma is trusted only
    when the parse says it is a proper name (pymorphy turns an unknown "Лидл" into "лидло").
    """
    if lang not in ("uk", "ru"):
        return word
    parse = _morph(lang).parse(word)[0]
    form = parse.normal_form
    if form != word.lower() and not ({"Geox", "Surn", "Name", "Orgn", "Trad"} & set(parse.tag.grammemes)):
        return None
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


@functools.cache
def _morph(lang: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


_CASE_ENDINGS = ("ого", "ому", "ою", "ом", "ем", "ым", "им", "ой", "ей", "ії", "а", "у", "е", "і", "и", "ы", "ю", "я")


def naive_romanisation(word: str, lang: str, english: str) -> str:
    """The original's spelling read letter by letter, in its dictionary form where one is known."""
    if lang == "ar":
        latin = naive_arabic(word)
    else:
        form = lemma(word, lang)
        if form is None and english[-1:].lower() not in "aeiouy":
            # pymorphy does not know the name: cut a case ending where English has none
            ending = next((e for e in _CASE_ENDINGS if word.endswith(e) and len(word) - len(e) >= 3), "")
            form = word[: len(word) - len(ending)]
        latin = regex.sub(r"[^A-Za-z]", "", romanise(form or word))
    return latin[:1].upper() + latin[1:].lower()


def inject_name_reromanised(doc: Doc, rng: random.Random, ctx: Injector) -> Damage | None:
    if doc.target_lang != "en" or doc.source_lang not in ("ar", "uk", "ru"):
        return None
    options = []
    for pair in ctx.pairs(doc):
        new = naive_romanisation(pair.other.core, doc.source_lang, pair.english.text)
        if len(new) >= 3 and new.lower() != pair.english.text.lower():
            options.append((pair, new))
    if not options:
        return None
    pair, new = rng.choice(options)
    tok = pair.english
    lines = edit(doc.translation, tok.line, tok.start, tok.end, new)
    note = f"{tok.text} → {new} (from {pair.other.core})"
    return Damage("name-reromanised", lines, frozenset({tok.line + 1}), note, repeated=named_elsewhere(doc, tok))


# Other spellings of one name, as another transliteration scheme or a careless hand
# writes it: each rule applies once, never to the first letter.
VARIANTS = {
    "en": [("y", "i"), ("i", "y"), ("ph", "f"), ("f", "ph"), ("c", "k"), ("k", "c"), ("v", "w"), ("w", "v"),
           ("ou", "u"), ("u", "ou"), ("e", "a"), ("a", "e"), ("o", "a"), ("j", "dzh"), ("ss", "s"), ("ll", "l")],
    "uk": [("е", "є"), ("и", "і"), ("і", "и"), ("о", "а"), ("а", "о"), ("г", "х"), ("ь", ""), ("п", "б"),
           ("нн", "н"), ("лл", "л")],
    "ru": [("е", "э"), ("и", "ы"), ("ы", "и"), ("о", "а"), ("а", "о"), ("г", "х"), ("ь", ""), ("п", "б"),
           ("нн", "н"), ("лл", "л")],
    "ar": [("ي", ""), ("و", ""), ("ا", ""), ("ت", "ط"), ("س", "ص"), ("ك", "ق"), ("د", "ض"), ("ز", "ظ"), ("ه", "ة")],
}  # fmt: skip


def stem(form: str, lang: str) -> str:
    """What every inflected form of a Cyrillic name starts with."""
    if lang in ("uk", "ru") and form.endswith(("а", "я", "о", "е", "ь", "й")) and len(form) > 4:
        return form[:-1]
    return form


def inject_term_violated(doc: Doc, rng: random.Random, ctx: Injector) -> Damage | None:
    pairs = ctx.pairs(doc)
    rng.shuffle(pairs)
    for pair in pairs:
        source_tok, target_tok = (pair.english, pair.other) if doc.source_lang == "en" else (pair.other, pair.english)
        target_form = lemma(target_tok.core, doc.target_lang)
        source_form = lemma(source_tok.core, doc.source_lang)
        if target_form is None or source_form is None:
            continue
        base = stem(target_form, doc.target_lang)
        rules = [(old, new, i) for old, new in VARIANTS[doc.target_lang] for i in range(1, len(base))
                 if base.startswith(old, i) and i + len(old) <= len(base)]  # fmt: skip
        if not rules:
            continue
        old, new, at = rng.choice(rules)
        variant = base[:at] + new + base[at + len(old) :]
        lines = list(doc.translation)
        where = set()
        for k, line in enumerate(doc.translation):
            # right to left, so earlier offsets stay valid
            for tok in reversed(tokens(line, k)):
                offset = tok.text.find(base)
                if offset == 0 or (doc.target_lang == "ar" and 0 < offset <= 3):
                    start = tok.start + offset
                    lines[k] = lines[k][:start] + variant + lines[k][start + len(base) :]
                    where.add(k + 1)
        if not where:
            continue
        term = (source_form, target_form)
        return Damage("term-violated", tuple(lines), frozenset(where), f"{base} → {variant} (×{len(where)} lines)",
                      termbase=term)  # fmt: skip
    return None


def sentences(line: str, lang: str) -> list[tuple[int, int]]:
    import sentencex

    spans, cursor = [], 0
    for piece in sentencex.segment(lang, line):
        text = piece.strip()
        if text:
            start = line.find(text, cursor)
            spans.append((start, start + len(text)))
            cursor = start + len(text)
    return spans


def inject_sentence_dropped(doc: Doc, rng: random.Random, ctx: Injector) -> Damage | None:
    if len(doc.translation) < 2:
        return None
    options = []
    for k, line in enumerate(doc.translation):
        spans = sentences(line, doc.target_lang)
        options += [(k, span, len(spans)) for span in spans if len(line[span[0] : span[1]].split()) >= 6]
    if not options:
        return None
    k, (start, end), count = rng.choice(options)
    text = doc.translation[k][start:end]
    if count == 1:
        lines = doc.translation[:k] + doc.translation[k + 1 :]
        # after the deletion, line k (1-based) is the one before, k + 1 the one after
        where = frozenset(x for x in (k, k + 1) if 1 <= x <= len(lines))
        return Damage("sentence-dropped", lines, where, f"line {k + 1} “{short(text)}”", dropped_line=k)
    lines = edit(doc.translation, k, start, end, "")
    where = frozenset(x for x in (k, k + 1, k + 2) if 1 <= x <= len(lines))
    return Damage("sentence-dropped", lines, where, f"in line {k + 1}: “{short(text)}”")


# Coordinating conjunctions only: a clause after "although" or "while" cannot stand alone.
CONJUNCTIONS = {
    "en": r"and|but|so|yet",
    "uk": r"і|й|та|а|але|проте|однак",
    "ru": r"и|а|но|однако",
    "ar": r"و|ف|لكن",
}


def inject_sentence_split(doc: Doc, rng: random.Random, ctx: Injector) -> Damage | None:
    lang = doc.target_lang
    # Arabic و and ف are written joined to the next word
    glue = "" if lang == "ar" else r"\s"
    pattern = regex.compile(rf"[,،]\s+(?=(?:{CONJUNCTIONS[lang]}){glue})")
    options = []
    for k, line in enumerate(doc.translation):
        for start, end in sentences(line, lang):
            for m in pattern.finditer(line, start, end):
                left, right = line[start : m.start()], line[m.end() : end]
                if len(left.split()) >= 4 and len(right.split()) >= 4:
                    options.append((k, m))
    if not options:
        return None
    k, m = rng.choice(options)
    line = doc.translation[k]
    rest = line[m.end() :]
    lines = edit(doc.translation, k, m.start(), len(line), ". " + rest[:1].upper() + rest[1:])
    return Damage(CONTROL, lines, frozenset({k + 1}), f"line {k + 1} at “{short(line[m.start() : m.end() + 12])}”")


def short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


INJECTORS: dict[str, Callable[[Doc, random.Random, Injector], Damage | None]] = {
    "number": inject_number,
    "name-replaced": inject_name_replaced,
    "name-dropped": inject_name_dropped,
    "name-reromanised": inject_name_reromanised,
    "term-violated": inject_term_violated,
    "sentence-dropped": inject_sentence_dropped,
    "sentence-split": inject_sentence_split,
}


@dataclass
class Injector:
    """Name pairs per document, and per language the names to replace others with."""

    docs: list[Doc]
    threshold: float = 0.8
    _pairs: dict[tuple[str, str], list[NamePair]] = field(default_factory=dict)
    _pools: dict[tuple[str, str], list[str]] | None = None

    def pairs(self, doc: Doc) -> list[NamePair]:
        key = (doc.pair, doc.doc_id)
        if key not in self._pairs:
            self._pairs[key] = doc_name_pairs(doc, self.threshold)
        return list(self._pairs[key])

    def pool(self, lang: str, kind: str) -> list[str]:
        if self._pools is None:
            pools: dict[tuple[str, str], set[str]] = {}
            for doc in self.docs:
                for pair in self.pairs(doc):
                    tok = translation_side(pair, doc)
                    pools.setdefault((doc.target_lang, kind_of(pair)), set()).add(tok.core)
            self._pools = {key: sorted(names) for key, names in pools.items()}
        return self._pools.get((lang, kind), [])


# --------------------------------------------------------------------------- running


@dataclass
class Outcome:
    kind: str
    pair: str
    detected: bool
    crashed: bool
    checks: tuple[str, ...]
    off_target: tuple[str, ...]
    note: str
    doc_id: str
    repeated: bool | None = None


FindingKey = tuple[str, str, str, int]


def run(doc: Doc, translation: tuple[str, ...], config: Config) -> Any:
    return check_text(
        "\n".join(translation),
        source_lang=doc.source_lang,
        target_lang=doc.target_lang,
        original="\n".join(doc.original),
        config=config,
    )


def flagged(
    report: Any, line_of: Callable[[int], int] = lambda line: line, floor: Severity = Severity.WARNING
) -> list[tuple[FindingKey, Any]]:
    return [((f.check, f.message, f.text, line_of(f.location.line)), f) for f in report.findings if f.severity >= floor]


def new_findings(clean: Any, damaged: Any, damage: Damage, floor: Severity = Severity.WARNING) -> list[Any]:
    """Findings at ``floor`` or above of the damaged run that the clean run does not have at that line."""
    remaining = Counter(key for key, _f in flagged(clean, floor=floor))
    new = []
    for key, finding in flagged(damaged, damage.clean_line, floor):
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            new.append(finding)
    return new


def write_termbase(folder: Path, doc: Doc, term: tuple[str, str]) -> str:
    path = folder / f"{hashlib.sha1(f'{doc.pair}:{doc.doc_id}'.encode()).hexdigest()[:12]}.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([doc.source_lang, doc.target_lang])
        writer.writerow(list(term))
    return str(path)


def check_doc(
    doc: Doc, types: list[str], seed: int, injector: Injector, folder: Path, stats: Stats
) -> Iterator[Outcome]:
    base = Config(model=ModelSettings(enabled=False))
    try:
        clean = run(doc, doc.translation, base)
    except Exception as exc:  # noqa: BLE001 - a crash is a result to report, not the end of the bench
        stats.crashes[doc.pair] += 1
        stats.crash_notes.append(f"{doc.pair} {doc.doc_id}: {type(exc).__name__}: {exc}")
        return
    stats.add_clean(doc.pair, clean)
    for kind in types:
        rng = random.Random(f"{seed}:{doc.pair}:{doc.doc_id}:{kind}")
        damage = INJECTORS[kind](doc, rng, injector)
        if damage is None:
            continue
        config, reference = base, clean
        try:
            if damage.termbase:
                config = Config(
                    model=ModelSettings(enabled=False), termbases=(write_termbase(folder, doc, damage.termbase),)
                )
                reference = run(doc, doc.translation, config)
            damaged = run(doc, damage.lines, config)
        except Exception as exc:  # noqa: BLE001
            stats.crash_notes.append(f"{doc.pair} {doc.doc_id} {kind}: {type(exc).__name__}: {exc}")
            yield Outcome(kind, doc.pair, False, True, (), (), damage.note, doc.doc_id, damage.repeated)
            continue
        new = new_findings(reference, damaged, damage, stats.floor)
        # for the control any new flag is a false alarm; for an error it must point at the damage
        on_target = new if kind == CONTROL else [f for f in new if f.location.line in damage.where]
        off = [f for f in new if f not in on_target]
        yield Outcome(
            kind,
            doc.pair,
            bool(on_target),
            False,
            tuple(sorted({f.check for f in on_target})),
            tuple(sorted({f.check for f in off})),
            damage.note,
            doc.doc_id,
            damage.repeated,
        )


@dataclass
class Stats:
    """What the clean runs raised, per pair."""

    words: Counter[str] = field(default_factory=Counter)
    flags: Counter[str] = field(default_factory=Counter)
    docs: Counter[str] = field(default_factory=Counter)
    causes: dict[str, Counter[str]] = field(default_factory=dict)
    crashes: Counter[str] = field(default_factory=Counter)
    crash_notes: list[str] = field(default_factory=list)
    examples: dict[str, list[str]] = field(default_factory=dict)
    # Warning: what fails a gate. Info: every candidate the checks raise, hints too, which shows
    # how much of the recall gap lies in finding candidates and how much in judging them.
    floor: Severity = Severity.WARNING

    def add_clean(self, pair: str, report: Any) -> None:
        self.docs[pair] += 1
        self.words[pair] += int(report.scores.get("words", 0))
        for finding in report.findings:
            if finding.severity >= self.floor:
                self.flags[pair] += 1
                self.causes.setdefault(pair, Counter())[finding.check] += 1
                self.examples.setdefault(pair, []).append(
                    f"{finding.check}: {finding.message} [{short(finding.context, 90)}]"
                )


# --------------------------------------------------------------------------- DEMETR


@dataclass
class DemetrRow:
    n: int = 0
    detected: int = 0
    crashed: int = 0
    checks: Counter[str] = field(default_factory=Counter)
    crash_notes: Counter[str] = field(default_factory=Counter)
    missed: list[str] = field(default_factory=list)


def demetr(split: str, limit: int | None) -> tuple[dict[tuple[str, str], DemetrRow], dict[str, list[int]]]:
    """Recall per (file, language) and, per language, [words, flags, crashes] of MT and of the reference."""
    folder = DATA / "demetr-dev"
    items = {
        name: json.loads((folder / f"{file}.json").read_text(encoding="utf-8")) for name, file in DEMETR_FILES.items()
    }
    config = Config(model=ModelSettings(enabled=False))
    clean_cache: dict[tuple[str, int, str], tuple[Any, str | None]] = {}
    noise: dict[str, list[int]] = {}

    def attempt(text: str, original: str, lang: str) -> tuple[Any, str | None]:
        try:
            return check_text(text, source_lang=lang, target_lang="en", original=original, config=config), None
        except Exception as exc:  # noqa: BLE001 - mtcheck crashes on some scripts: count it, go on
            return None, f"{type(exc).__name__}: {exc}"

    def unperturbed(item: dict[str, Any], lang: str, field_name: str) -> tuple[Any, str | None]:
        key = (lang, item["id"], field_name)
        if key not in clean_cache:
            clean_cache[key] = attempt(item[field_name], item["src_sent"], lang)
            report = clean_cache[key][0]
            counts = noise.setdefault(f"{lang}:{field_name}", [0, 0, 0])
            if report is None:
                counts[2] += 1
            else:
                counts[0] += int(report.scores.get("words", 0))
                counts[1] += sum(f.severity >= Severity.WARNING for f in report.findings)
        return clean_cache[key]

    rows: dict[tuple[str, str], DemetrRow] = {}
    for name, entries in items.items():
        taken: Counter[str] = Counter()
        for item in entries:
            lang = DEMETR_LANGS.get(item["lang_tag"])
            if lang is None or not item["pert_check"] or not in_split(f"demetr:{lang}:{item['id']}", split):
                continue
            if limit is not None and taken[lang] >= limit:
                continue
            taken[lang] += 1
            row = rows.setdefault((name, lang), DemetrRow())
            row.n += 1
            clean, clean_error = unperturbed(item, lang, "mt_sent")
            unperturbed(item, lang, "eng_sent")
            damaged, error = attempt(item["pert_sent"], item["src_sent"], lang)
            if error or clean_error:
                row.crashed += 1
                row.crash_notes[str(error or clean_error)] += 1
                continue
            before = Counter((f.check, f.message, f.text) for f in clean.findings if f.severity >= Severity.WARNING)
            new = []
            for f in damaged.findings:
                key = (f.check, f.message, f.text)
                if f.severity < Severity.WARNING:
                    continue
                if before[key] > 0:
                    before[key] -= 1
                else:
                    new.append(f.check)
            if new:
                row.detected += 1
                row.checks.update(set(new))
            else:
                row.missed.append(f"{item['mt_sent']}  ⇒  {item['pert_sent']}")
    return rows, noise


# --------------------------------------------------------------------------- report


def ratio(hit: int, n: int) -> str:
    return f"{hit}/{n} {hit / n:.2f}" if n else "-"


def print_recall(outcomes: list[Outcome], pairs: list[str], types: list[str], at: str = "warning") -> None:
    print(f"\nrecall at {at} or above: detected/injected, recall (new {at}+ on the damaged line)")
    width = 13
    print(f"{'type':<18}" + "".join(f"{p:>{width}}" for p in pairs) + f"{'pooled':>{width}}  off-target")
    for kind in types:
        if kind == CONTROL:
            continue
        mine = [o for o in outcomes if o.kind == kind]
        cells = []
        for pair in pairs:
            here = [o for o in mine if o.pair == pair]
            cells.append(ratio(sum(o.detected for o in here), len(here)))
        off = sum(bool(o.off_target) for o in mine)
        crashed = sum(o.crashed for o in mine)
        extra = f"  {off}" + (f"  crashed {crashed}" if crashed else "")
        print(
            f"{kind:<18}"
            + "".join(f"{c:>{width}}" for c in cells)
            + f"{ratio(sum(o.detected for o in mine), len(mine)):>{width}}{extra}"
        )
    if CONTROL in types:
        mine = [o for o in outcomes if o.kind == CONTROL]
        cells = [ratio(sum(o.detected for o in mine if o.pair == p), sum(o.pair == p for o in mine)) for p in pairs]
        print(
            f"{CONTROL + ' *':<18}"
            + "".join(f"{c:>{width}}" for c in cells)
            + f"{ratio(sum(o.detected for o in mine), len(mine)):>{width}}"
        )
        print("* negative control: share of split copies with any new warning+ (false alarms; want 0)")


def print_caught_by(outcomes: list[Outcome], types: list[str]) -> None:
    print("\nwhich checks caught them (copies per check) / what fired elsewhere on damaged copies")
    for kind in types:
        mine = [o for o in outcomes if o.kind == kind]
        caught = Counter(c for o in mine for c in o.checks)
        off = Counter(c for o in mine for c in o.off_target)
        shown = ", ".join(f"{c} ×{n}" for c, n in caught.most_common()) or "-"
        elsewhere = ", ".join(f"{c} ×{n}" for c, n in off.most_common(4))
        print(f"  {kind:<18} {shown}" + (f"  | elsewhere: {elsewhere}" if elsewhere else ""))
        if any(o.repeated is not None for o in mine):
            sole = [o for o in mine if o.repeated is False]
            again = [o for o in mine if o.repeated]
            print(f"  {'':<18} name's only mention: {ratio(sum(o.detected for o in sole), len(sole))}; "
                  f"also on another line: {ratio(sum(o.detected for o in again), len(again))}")  # fmt: skip


def print_false_alarms(stats: Stats, pairs: list[str], examples: int) -> None:
    print("\nfalse alarms on the untouched copies (no termbase)")
    counted = "warn+err" if stats.floor >= Severity.WARNING else "info+"
    print(f"{'pair':<9} {'docs':>5} {'words':>8} {counted:>9} {'per 1k':>7}  top checks")
    for pair in pairs:
        words = stats.words[pair]
        if not stats.docs[pair]:
            continue
        per = 1000 * stats.flags[pair] / words if words else 0.0
        top = ", ".join(f"{c} ×{n}" for c, n in stats.causes.get(pair, Counter()).most_common(4))
        crashed = f"  (crashed: {stats.crashes[pair]})" if stats.crashes[pair] else ""
        print(f"{pair:<9} {stats.docs[pair]:>5} {words:>8} {stats.flags[pair]:>9} {per:>7.2f}  {top}{crashed}")
    total_words, total_flags = sum(stats.words.values()), sum(stats.flags.values())
    if total_words:
        per = 1000 * total_flags / total_words
        print(f"{'all':<9} {sum(stats.docs.values()):>5} {total_words:>8} {total_flags:>9} {per:>7.2f}")
    for pair in pairs:
        for line in stats.examples.get(pair, [])[:examples]:
            print(f"    {pair}: {line}")


def print_demetr(rows: dict[tuple[str, str], DemetrRow], noise: dict[str, list[int]], show: int) -> None:
    langs = [lang for lang in DEMETR_LANGS.values() if any(key[1] == lang for key in rows)]
    cased = [lang for lang in langs if lang not in UNSEGMENTED]
    print("\nDEMETR dev (X→en, one sentence each): recall at warning or above (a crashed item counts as missed)")
    print(
        f"{'lang':<6}" + "".join(f"{name:>14}" for name in DEMETR_FILES) + "  crashed  FA/1k MT  FA/1k human  crashed"
    )
    pooled: dict[str, list[int]] = {}
    for lang in langs:
        cells = []
        for name in DEMETR_FILES:
            row = rows.get((name, lang), DemetrRow())
            cells.append(ratio(row.detected, row.n))
            if lang in cased:
                total = pooled.setdefault(name, [0, 0])
                total[0] += row.detected
                total[1] += row.n
        crashed = sum(rows.get((name, lang), DemetrRow()).crashed for name in DEMETR_FILES)
        fa, fa_crashed = [], 0
        for field_name in ("mt_sent", "eng_sent"):
            words, flags, crash = noise.get(f"{lang}:{field_name}", [0, 0, 0])
            fa_crashed += crash
            fa.append(f"{1000 * flags / words:.2f}" if words else "-")
        print(f"{lang:<6}" + "".join(f"{c:>14}" for c in cells) + f"{crashed:>9}{fa[0]:>10}{fa[1]:>13}{fa_crashed:>9}")
        if cased and lang == cased[-1]:
            print(f"{'pooled':<6}" + "".join(f"{ratio(*pooled.get(n, [0, 0])):>14}" for n in DEMETR_FILES)
                  + f"   ({' '.join(cased)}: the languages whose names mtcheck extracts)")  # fmt: skip
    print("  FA: warnings+errors per 1,000 words on the same ids' unperturbed MT and human translation")
    for lang in langs:
        notes = sum((row.crash_notes for (_n, code), row in rows.items() if code == lang), Counter())
        for note, count in notes.most_common(2):
            print(f"  {lang} crashed ×{count}: {short(note, 100)}")
    checks = Counter(c for row in rows.values() for c in row.checks)
    print("  caught by: " + (", ".join(f"{c} ×{n}" for c, n in checks.most_common()) or "-"))
    print(
        "  ja, zh: what stands in the way: the original has no spaces and no letter case, so mtcheck extracts\n"
        "  no name from it, and without a model (no back-translation) a name of the English translation has\n"
        "  nothing to be compared with; name extraction also calls wordfreq for ja/zh, which needs MeCab/jieba."
    )
    for (name, lang), row in sorted(rows.items()):
        for line in row.missed[:show]:
            print(f"    missed {name} {lang}: {line}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("test", "dev", "all"), default="test")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pairs", nargs="*", choices=PAIRS + EXTRA_PAIRS, default=list(PAIRS))
    parser.add_argument("--types", nargs="*", choices=TYPES, default=list(TYPES))
    parser.add_argument("--limit", type=int, default=None, help="documents per pair (and DEMETR items per language)")
    parser.add_argument("--no-demetr", action="store_true")
    parser.add_argument(
        "--at",
        choices=("warning", "info"),
        default="warning",
        help="count findings at this severity or above: warning (what fails a gate; the README's numbers) "
        "or info (hints too: the ceiling that severity rules alone could reach, and its false alarms)",
    )
    parser.add_argument(
        "--wmt-translation",
        choices=("refA", *WMT_SYSTEMS),
        default="refA",
        help="en-uk24 and uk-en24: the professional reference (default) or one MT system's output in its place",
    )
    parser.add_argument(
        "--show-missed", type=int, default=0, metavar="N", help="print N missed cases per type and pair"
    )
    args = parser.parse_args()
    if not (DATA / "ntrex-128" / "newstest2019-src.eng.txt").exists():
        print(f"errors_bench: data not found at {DATA}; nothing to measure (see shared/data/README.md).")
        return 0
    wall, cpu = time.perf_counter(), time.process_time()
    docs = ntrex_docs(args.pairs, args.split)
    if "en-uk24" in args.pairs and (DATA / "wmt24-en-uk" / "en-uk.refA.txt").exists():
        docs += wmt_docs(args.split, args.wmt_translation)
    if "uk-en24" in args.pairs and (DATA / "wmt24-en-uk" / "en-uk.refA.txt").exists():
        docs += wmt_docs(args.split, args.wmt_translation, reverse=True)
    injector = Injector(docs)
    if args.limit is not None:
        docs = [d for p in args.pairs for d in [d for d in docs if d.pair == p][: args.limit]]
    which = {"test": "held-out half (report these)", "dev": "tuning half", "all": "both halves"}[args.split]
    per_pair = Counter(d.pair for d in docs)
    print(f"errors_bench: split {args.split} — {which}; seed {args.seed}; no model, --original; counted at {args.at}+")
    print("documents: " + ", ".join(f"{p} {per_pair[p]}" for p in args.pairs))
    stats = Stats(floor=Severity.INFO if args.at == "info" else Severity.WARNING)
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="errors-bench-") as folder:
        for doc in docs:
            outcomes.extend(check_doc(doc, args.types, args.seed, injector, Path(folder), stats))
    print_recall(outcomes, args.pairs, args.types, args.at)
    print_caught_by(outcomes, args.types)
    print_false_alarms(stats, args.pairs, args.show_missed)
    if args.show_missed:
        for kind in args.types:
            for pair in args.pairs:
                missed = [o for o in outcomes if o.kind == kind and o.pair == pair and o.detected == (kind == CONTROL)]
                for o in missed[: args.show_missed]:
                    print(f"    {'flagged' if kind == CONTROL else 'missed'} {kind} {pair} {o.doc_id}: {o.note}")
    for note in stats.crash_notes[:10]:
        print(f"  crashed: {note}")
    if not args.no_demetr and (DATA / "demetr-dev").exists():
        rows, noise = demetr(args.split, args.limit)
        print_demetr(rows, noise, args.show_missed)
    print(f"\nCPU {time.process_time() - cpu:.1f} s, wall {time.perf_counter() - wall:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
