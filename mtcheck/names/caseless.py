"""Names of a caseless original (Arabic) found from the original alone.

Arabic has no capital letters, so :func:`mtcheck.names.originals.original_names` finds an
Arabic original's names only as known forms (termbase, CLDR, gazetteer) or as words that
sound like a name of the aligned translation. A name the translation dropped or replaced
(كوربين with Corbyn deleted, لندن with London → Jakarta) is then never looked for. Here a
word of the original is taken for a name when it is no Arabic word and its sound is the
sound of a name some stated source knows:

* a capitalised word of the whole translation: the translator kept the name in another
  sentence, which is the strongest evidence there is that the word is a name;
* the desk's names database (``--names-db``), when the user gave one: names its own copy uses;
* the US Census names (``mtcheck/data/census_names.txt``): foreign person names, the bulk of
  the names in wire copy, which no gazetteer holds;
* the gazetteer's places, by transliteration key (:meth:`Gazetteer.by_key`): foreign places.

A word of the language matches some name of 23,000 census names and 50,000 places by sound
alone (three-consonant roots: محلفين "jurors" ~ Melvin), so a word counts only when it
looks like a transliterated foreign name rather than a word of Arabic grammar: no article
(ال: a place with the article is a known form, or no name), no vowel marks or tanwin (بدلاً),
none of the letters that transliterations of European names do not use (ع ح ص ض ط ظ ذ ث ق,
hamza on a seat or inside the word, ة), no pronoun, verb or plural ending (خبرتها, درسوا,
زيارات). The translation's names count for any word that is no function word (news names
are frequent words: لندن 5.0, ترامب 4.4); a census name or a place only for a word rare in
Arabic (wordfreq), of four consonants or more, that sounds like it closely.

A name found so is *clear* (its loss is worth a warning at its first mention, see
:class:`mtcheck.names.originals.Name` and crossnames' ``_sure_name``) only on strong
evidence: a word rarer than Zipf 4 in Arabic that the translation names elsewhere, or one
rarer than Zipf 3 that sounds like a census name or a place of some size. The rest are plain
names, whose loss alone is a hint (on the clean dev half of ``bench/errors_bench.py`` ar-en, a
weaker census match made more noise than names: مازر, the agency Mother, ~ Mazer).

Cost: one skeleton and a few dictionary lookups per word, no words × names loop; the census
index is built once per process (about 0.3 CPU s), the translation's once per document.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from mtcheck.names.clitics import clitic_variants
from mtcheck.names.extract import calendar_words, zipf
from mtcheck.names.sources import NameSources
from mtcheck.names.tokens import spoken, variants
from mtcheck.names.translit import CROSS_SCRIPT_THRESHOLD, is_abjad, key, romanize, similarity
from mtcheck.read.languages import base_language
from mtcheck.read.words import iter_words
from mtcheck.types import Span

# Letters of Arabic words that transliterations of European names do not use (they write
# t, s, d, k, h with ت س د ك ه); hamza on a seat and ta marbuta are Arabic grammar.
_NATIVE_LETTERS = frozenset("عحصضطظذثقءؤئة")
# The article, alone or after a clitic: a foreign person's name never takes it.
_ARTICLE = ("ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل")
# A word more frequent than this (wordfreq Zipf, in any of its clitic forms) is taken for an
# Arabic word unless the translation names it; one rarer than CLEAR_ZIPF is a clear name.
RARE_ZIPF = 3.5
CLEAR_ZIPF = 3.0
# news names are frequent words (لندن 5.0), but function words never are names
TRANSLATION_ZIPF = 5.5
# A name the translation keeps elsewhere is clear when the word is no frequent Arabic word
# and sounds like it closely.
TRANSLATION_CLEAR_ZIPF = 4.0
TRANSLATION_CLEAR_SIMILARITY = 0.85
# How close in sound to a census name or a place a word must be to count as a name
# (to a name of the translation: the cross-script bar, CROSS_SCRIPT_THRESHOLD).
CLEAR_SIMILARITY = 0.9
# A place this populous, or a country or first-level subdivision, is one wire copy names.
PLACE_POPULATION = 100_000
_BIG_KINDS = frozenset({"country", "subdivision"})
# A form left by stripping a clitic is this long at least to be taken for a name on a census
# or gazetteer match (بلندن → لندن).
MIN_STRIPPED = 4
# Skeletons shorter than this match too many names (LN: Alan, Lynn, Leon, Elaine…).
MIN_SKELETON = 3
# A capitalised word of the translation this frequent in its language is a word (The, He, Mr;
# London is 5.3, John 5.4).
COMMON_TARGET_ZIPF = 5.5


@dataclass(frozen=True)
class Candidate:
    """A word of the original taken for a name: where, the form (clitics stripped), how sure."""

    span: Span
    text: str
    clear: bool
    source: str  # "translation", "names-db" or "census or gazetteer"


def caseless_names(text: str, sources: NameSources, skip: Iterable[int] = ()) -> list[Candidate]:
    """Names of one Arabic sentence from the original alone (``skip``: indexes of words already named)."""
    src = base_language(sources.document.source_lang)
    tgt = base_language(sources.document.target_lang)
    translation = sources.remember("caseless-translation-names", lambda: _translation_index(sources, tgt))
    skipped = set(skip)
    out: list[Candidate] = []
    for k, (s, e) in enumerate(iter_words(text)):
        if k in skipped:
            continue
        found = _candidate(text[s:e], src, tgt, translation, sources)
        if found is not None:
            form, clear, source = found
            out.append(Candidate(Span(e - len(form), e), form, clear, source))
    return out


def _candidate(
    word: str, src: str, tgt: str, translation: Mapping[str, tuple[str, ...]], sources: NameSources
) -> tuple[str, bool, str] | None:
    if not _looks_foreign(word):
        return None
    forms = [v for v in clitic_variants(word) if len(v) >= 3]
    frequency = max((zipf(v, src) for v in forms), default=0.0)
    if frequency >= TRANSLATION_ZIPF:
        return None
    # The form as written first: a name may start with a clitic's letters (كوربين is not ك + وربين).
    for form in forms:
        skeleton = _skeleton(form)
        if len(skeleton) < MIN_SKELETON - 1 or _inflected(form):
            continue
        # The translation's own names first: the strongest evidence, and it holds frequent names.
        score = _best(form, translation.get(skeleton, ()))
        if score >= CROSS_SCRIPT_THRESHOLD:
            clear = frequency < TRANSLATION_CLEAR_ZIPF and len(skeleton) >= MIN_SKELETON
            return form, clear and score >= TRANSLATION_CLEAR_SIMILARITY, "translation"
        if frequency >= RARE_ZIPF or len(skeleton) < MIN_SKELETON:
            continue
        if sources.names_db is not None and any(
            similarity(form, f) >= CROSS_SCRIPT_THRESHOLD for f, _n in sources.names_db.by_key(key(form), tgt)
        ):
            return form, False, "names-db"
        # A census name or a place alone is weaker evidence: some name sounds like many a word
        # of the language (three-consonant roots: محلفين "jurors" ~ Melvin). So only a close
        # match counts, and a three-letter form left by a clitic is taken for a word (وربت
        # "and patted", not و + Rabt); ك "as" before a name is rarer than a word beginning with
        # ك (كلتشر is Culture, not ك + Letcher).
        # A short skeleton (MSR: مازر, the agency Mother, ~ Mazer) matches some name by chance.
        stripped = word[: len(word) - len(form)]
        if len(skeleton) <= MIN_SKELETON or (stripped and (len(form) < MIN_STRIPPED or "ك" in stripped)):
            continue
        if _best(form, _census_index().get(skeleton, ())) >= CLEAR_SIMILARITY or _place(form, sources):
            return form, frequency < CLEAR_ZIPF, "census or gazetteer"
    return None


# Pronoun, verb and plural endings of Arabic grammar (أدهشني "surprised me", خبرتها "her
# experience", درسوا "they studied", زيارات "visits"), which no transliterated European name ends in.
_INFLECTIONS = ("ه", "ها", "هم", "هما", "هن", "ني", "كم", "تم", "وا", "ات")


def _inflected(form: str) -> bool:
    return form.endswith(_INFLECTIONS)


def looks_foreign(word: str) -> bool:
    """Whether an Arabic word is written as a transliterated foreign name is: no article, vowel
    mark or letter of Arabic grammar (:data:`_NATIVE_LETTERS`), and no pronoun, verb or plural
    ending (:data:`_INFLECTIONS`)."""
    return _looks_foreign(word) and not any(_inflected(v) for v in clitic_variants(word))


def _looks_foreign(word: str) -> bool:
    """A word written as a transliterated foreign name is, not as a word of Arabic grammar."""
    if word.startswith(_ARTICLE) or not all("\u0621" <= ch <= "\u064a" or ch in "پچڤگ" for ch in word):
        return False  # the article, a vowel mark or tanwin (بدلاً), or another script (Hebrew)
    # hamza on alif opens a transliterated name (أوشفيتز) but inside a word is grammar (سأكرس)
    return not any(ch in _NATIVE_LETTERS for ch in word) and not any(ch in "أإآ" for ch in word[1:])


def _best(form: str, names: Iterable[str]) -> float:
    return max((similarity(form, name) for name in names), default=0.0)


def _place(form: str, sources: NameSources) -> bool:
    """Whether a place of some size sounds like ``form`` closely."""
    if sources.gazetteer is None:
        return False
    try:
        places = sources.gazetteer.by_key(key(form))
    except sqlite3.Error:
        return False
    return any(
        (p.population >= PLACE_POPULATION or p.kind in _BIG_KINDS) and similarity(form, p.form) >= CLEAR_SIMILARITY
        for p in places
    )


def _translation_index(sources: NameSources, tgt: str) -> dict[str, tuple[str, ...]]:
    """The capitalised words of the whole translation by skeleton (and each one-letter-shorter
    skeleton: Arabic leaves out a letter a Latin spelling has, Deptford → دتفورد)."""
    words: set[str] = set()
    # Month and day names are capitalised by the language's spelling, not as names (CLDR, through
    # mtcheck.names.extract): نوفمبر is November and ساترداي Saturday, words the original translates.
    calendar = calendar_words(tgt)
    for segment in sources.document.segments:
        target = segment.target
        for s, e in iter_words(target):
            word = target[s:e]
            if word.casefold() in calendar:
                continue
            if len(word) >= 3 and word[:1].isupper() and zipf(word.casefold(), tgt) < COMMON_TARGET_ZIPF:
                # Kavanaugh's → Kavanaugh; only what the name matcher compares (tokens.variants),
                # or a name found here would be lost wherever it stands
                words.update(v for form in spoken(word) for v in variants(form))
    return _index(sorted(words))


@functools.lru_cache(maxsize=1)
def _census_index() -> Mapping[str, tuple[str, ...]]:
    """The census names by skeleton, built once per process and never changed (threads share it)."""
    # Read here rather than through mtcheck.names.romanise, whose loader is private to it.
    text = resources.files("mtcheck").joinpath("data/census_names.txt").read_text(encoding="utf-8")
    return _index([line for line in text.splitlines() if line and not line.startswith("#")])


def _index(names: Sequence[str]) -> dict[str, tuple[str, ...]]:
    # Keyed by the skeleton and each form of it one letter shorter, so a lookup by the
    # Arabic form's skeleton finds a Latin spelling with one letter more (Combs → كومز).
    index: dict[str, list[str]] = {}
    for name in names:
        skeleton = _skeleton(name)
        keys = {skeleton}
        if len(skeleton) > MIN_SKELETON:
            keys.update(skeleton[:k] + skeleton[k + 1 :] for k in range(len(skeleton)))
        for k in keys:
            index.setdefault(k, []).append(name)
    return {k: tuple(v) for k, v in index.items()}


# A coarse consonant skeleton, for finding candidates in an index by dictionary lookup; the
# decision is translit.similarity's. Hand-written rather than translit.key because it costs a
# few microseconds (key: about 60, too slow for 23,000 census names at every start) and
# because it drops what an Arabic spelling leaves out (h, w and y as vowels, the silent gh of
# Kavanaugh → كافانو) and merges what it confuses (p/b, v/f, j/g, c/k/q, s/z, t/d).
_LATIN_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("tch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "s"), ("th", "t"), ("ph", "f"), ("kh", "h"),
    ("ck", "k"), ("dh", "d"), ("gh", ""), ("x", "ks"),
)  # fmt: skip
_ARABIC_DIGRAPHS: tuple[tuple[str, str], ...] = (("sh", "s"), ("th", "t"), ("kh", "h"), ("dh", "d"), ("gh", "g"))
_CLASSES = str.maketrans(
    {**dict.fromkeys("aeiouywh", ""), "p": "b", "v": "f", "j": "g", "c": "k", "q": "k", "z": "s", "d": "t"}
)
_SOFT_C = re.compile(r"c(?=[eiy])")
_NOT_LETTER = re.compile(r"[^a-z]")
_REPEATS = re.compile(r"(.)\1+")


def _skeleton(word: str) -> str:
    if word.isascii():
        # an ASCII name needs no transliteration, only lower case (the census: 23,000 names)
        text, digraphs = _SOFT_C.sub("s", word.lower()), _LATIN_DIGRAPHS
    elif is_abjad(word):
        text, digraphs = romanize(word), _ARABIC_DIGRAPHS
    else:
        text, digraphs = _SOFT_C.sub("s", romanize(word)), _LATIN_DIGRAPHS
    text = _NOT_LETTER.sub("", text)
    for graph, sound in digraphs:
        text = text.replace(graph, sound)
    return _REPEATS.sub(r"\1", text.translate(_CLASSES))
