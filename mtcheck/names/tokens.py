"""The token side of name matching: words of a text with their comparable forms, and the
search for a name among them (one sentence, or a whole document through an index).

Both sides of a pair may be declined or carry joined clitics (Олафом Шольцем ↔ Olaf
Scholz, بلندن ↔ London), so every word carries its *variants*: the word, its forms
without an Arabic proclitic (:mod:`mtcheck.names.clitics`) and without a Slavic case
ending. Names are compared by :func:`mtcheck.names.translit.similarity`, which needs no model.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from mtcheck.names.clitics import clitic_variants
from mtcheck.names.extract import PARTICLES
from mtcheck.names.translit import CROSS_SCRIPT_THRESHOLD, SAME_SCRIPT_THRESHOLD, is_abjad, key, similarity
from mtcheck.read.languages import base_language
from mtcheck.read.words import iter_words
from mtcheck.types import Span

# Case endings of Ukrainian and Russian nouns, longest first. Names are declined
# (Трампа, Лондоні, Зеленським), and a transliteration comparison of the whole word
# counts the ending as a difference. Hand-written because Snowball has no Ukrainian
# stemmer and pymorphy3's guesses for foreign names are no better than this list.
_ENDINGS = (
    "ами ями ові еві єві ого ому ими ій ої ою ею єю ом ем єм ам ям ах ях ов ев ей ой ий ым им "
    "ии ия ие ию ией й а я у ю і ї и е є ы ь "
    # adjectives, which name-like Title Case words often are: Побитовый / Побитовое
    "ый ая ое ые ую ых ее яя юю ього ьому ього їй"
)
_SLAVIC_ENDINGS = tuple(sorted(_ENDINGS.split(), key=len, reverse=True))


@dataclass(frozen=True)
class Token:
    """A word of one text (``index``: its segment on its side) and its comparable forms."""

    index: int  # segment index on its side
    span: Span
    text: str
    variants: tuple[str, ...] = field(default=())


def script(text: str) -> str:
    if is_abjad(text):
        return "abjad"
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        return "cyrillic"
    return "latin"


def variants(word: str) -> tuple[str, ...]:
    """The word and its forms without a case ending or a joined Arabic prefix."""
    if is_abjad(word):
        return clitic_variants(word)
    out = [word]
    low = word.casefold()
    if low.endswith(("'s", "’s")):
        out.append(word[:-2])  # Sainsbury's kept in Latin inside a Ukrainian sentence
    elif any("\u0400" <= ch <= "\u04ff" for ch in word):
        for ending in _SLAVIC_ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                out.append(word[: -len(ending)])
    return tuple(dict.fromkeys(out))


def tokens_of(texts: Sequence[tuple[int, str]]) -> list[Token]:
    return [
        Token(index, Span(s, e), text[s:e], _token_variants(text[s:e]))
        for index, text in texts
        for s, e in iter_words(text)
    ]


@functools.lru_cache(maxsize=65536)
def _token_variants(word: str) -> tuple[str, ...]:
    """A word's variants, and for a hyphenated word its parts' too: Ukrainian and Russian join
    the words of a foreign place with hyphens (Лонг-Лартін for Long Lartin, Де-Мойнсом for
    Des Moines), so one word of the name is one part of the token."""
    # The English silent gh, as for the names looked for (Kavanaugh for كافانو and Кавано)
    out = list(dict.fromkeys(v for s in spoken(word) for v in variants(s)))
    # An adjective made from a place keeps its stem before -ськ-/-цьк-/-ск-: Єльському (Yale's).
    out += [v[: -len(s)] for v in out[1:] for s in ("ськ", "цьк", "ск") if v.endswith(s) and len(v) - len(s) >= 2]
    parts = [p for p in word.split("-") if len(p) >= 2]
    if len(parts) > 1:
        out += [v for p in parts for v in variants(p)]
    return tuple(dict.fromkeys(out))


def one_word_inflected(a: str, b: str) -> bool:
    """Two forms of one declined word: Трампа / Трампом, Київ / Києві, لندن / بلندن.

    A hyphenated name declines part by part: Бернерса-Лі / Бернерс-Лі.
    """
    if not any(is_abjad(w) or any("\u0400" <= ch <= "\u04ff" for ch in w) for w in (a, b)):
        return False  # Latin-script names are not declined in the languages mtcheck targets
    parts_a, parts_b = a.split("-"), b.split("-")
    if len(parts_a) > 1 and len(parts_a) == len(parts_b):
        return all(x == y or one_word_inflected(x, y) for x, y in zip(parts_a, parts_b, strict=True))
    if same_form(a, b) or same_form(b, a):
        return True
    return bool({v.casefold() for v in variants(a)[1:]} & {v.casefold() for v in variants(b)[1:]})


def same_form(form: str, word: str) -> bool:
    """``word`` is ``form`` up to case and a case ending: Лондон / Лондоні, Київ / Києві."""
    expected = {v.casefold() for v in variants(form)}
    low = form.casefold()
    # Ukrainian і (ї) of a closed last syllable turns back into о, е (є) once an ending
    # opens it: Харків → Харкова, Київ → Києва, Львів → Львові. The nominative Києв does
    # not exist, so this never makes the Russian Киев a form of Київ.
    for k in range(len(low) - 1, max(len(low) - 4, 0), -1):
        if low[k] in "ії":
            for vowel in ("о", "е") if low[k] == "і" else ("є",):
                expected.add(low[:k] + vowel + low[k + 1 :])
            break
    words = {arabic_stem(v) for v in variants(word)} if is_abjad(word) else {v.casefold() for v in variants(word)}
    if is_abjad(form):
        expected = {arabic_stem(v) for v in expected}
    if words & expected:
        return True
    # A derived adjective keeps the name's stem: Китай → китайского, Австралія → австралійське.
    stems = {e for e in expected if len(e) >= 4}
    return any(w.startswith(e) for w in words for e in stems)


def arabic_stem(word: str) -> str:
    """Alef forms unified, and the -ia of a place or the -i/-iya of its adjective cut:
    أستراليا / الأسترالية, إندونيسيا / الإندونيسية."""
    word = re.sub("[\u064b-\u065f\u0670]", "", word)  # vowel marks
    word = word.translate(str.maketrans("أإآٱى", "ااااي"))
    for suffix in ("يين", "يون", "ية", "يا", "ي", "ة", "ا"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def name_words(name: str) -> list[str]:
    words = [w for w in name.replace("-", " ").split() if w.casefold() not in PARTICLES and len(w) >= 2]
    return words or [name]


def name_variants(name: str, lang: str = "") -> list[str]:
    """The forms of a name's words to look for in the other text.

    Both sides may be declined (Олафом Шольцем ↔ Olaf Scholz) or carry a clitic, so each
    word comes with its variants; a Ukrainian or Russian name (``lang``) also with its
    dictionary lemmas (pymorphy3: Москве → Москва, Дудою → Дуда), which undo the changes
    of the stem that cutting an ending cannot (Дудою → Дуд, not Дуда).
    """
    words = [v for w in name_words(name) for s in spoken(w) for v in variants(s)]
    if base_language(lang) in ("uk", "ru") and any("\u0400" <= ch <= "\u04ff" for ch in name):
        from mtcheck.names.morphology import keyer

        lemmas = keyer(lang)
        words += [lemma.capitalize() for w in name_words(name) for lemma in sorted(lemmas(w)) if len(lemma) >= 3]
    return list(dict.fromkeys(words))


def best_match(name: str, tokens: Iterable[Token], lang: str = "") -> tuple[Token | None, float]:
    """The token most likely to render ``name`` (any word of it; ``lang``: the name's language)."""
    best: tuple[Token | None, float] = (None, 0.0)
    words = name_variants(name, lang)
    folded = {w.casefold() for w in words}
    keys = {w: key(w) for w in words}
    for token in tokens:
        for variant in token.variants:
            if variant.casefold() in folded:
                return token, 1.0
            vkey = key(variant)
            for word in words:
                wkey = keys[word]
                if not vkey or not wkey or abs(len(vkey) - len(wkey)) > 2:
                    continue
                score = _similarity(word, variant)
                if score > best[1]:
                    best = (token, score)
    return best


def spoken(word: str) -> tuple[str, ...]:
    """The word, and without the English silent gh (Brighton → Брайтон, Kavanaugh → Кавано) or with f for it."""
    if is_abjad(word) or "gh" not in word.casefold():
        return (word,)
    # Word-final gh is silent or f (Kavanaugh, Bough → Баф)
    final_f = (re.sub(r"(?i)gh$", "f", word),) if word.casefold().endswith("ough") else ()
    return (word, re.sub(r"(?i)gh(?=t|$)", "", word), *final_f)


@functools.lru_cache(maxsize=262144)
def _similarity(a: str, b: str) -> float:
    return similarity(a, b)


def threshold(a: str, b: str) -> float:
    return SAME_SCRIPT_THRESHOLD if script(a) == script(b) else CROSS_SCRIPT_THRESHOLD


def find_forms(forms: Iterable[str], tokens: Sequence[Token]) -> Token | None:
    """The first token where one of ``forms`` (inflected or not) starts."""
    for form in forms:
        words = form.split()
        for k, token in enumerate(tokens):
            if same_form(words[0], token.text) and all(
                k + n < len(tokens) and same_form(w, tokens[k + n].text) for n, w in enumerate(words[1:], 1)
            ):
                return token
    return None


def _bucket(text: str) -> str:
    return text.casefold().translate(_ALEFS)[:2]


_ALEFS = str.maketrans("أإآٱ", "اااا")


class DocumentIndex:
    """The distinct words of a whole document, for "is this name anywhere in it?".

    Scanning every token for every name is quadratic in document length; here candidates
    come from the transliteration keys through rapidfuzz (C speed), and known forms from
    the words that share their first two letters.
    """

    def __init__(self, tokens: Sequence[Token]) -> None:
        self.first: dict[str, Token] = {}
        for token in tokens:
            for variant in token.variants:
                self.first.setdefault(variant, token)
        self.variants = list(self.first)
        self.keys = [key(v) for v in self.variants]
        self.folded = {v.casefold(): self.first[v] for v in self.variants}
        self.buckets: dict[str, list[str]] = {}
        for variant in self.variants:
            self.buckets.setdefault(_bucket(variant), []).append(variant)

    def match(self, name: str, lang: str = "") -> tuple[Token | None, float]:
        from rapidfuzz import fuzz, process

        words = name_variants(name, lang)
        for word in words:
            if word.casefold() in self.folded:
                return self.folded[word.casefold()], 1.0
        best: tuple[Token | None, float] = (None, 0.0)
        for word in words:
            wkey = key(word)
            if not wkey:
                continue
            for _choice, _ratio, index in process.extract(
                wkey, self.keys, scorer=fuzz.ratio, score_cutoff=50, limit=40
            ):
                variant = self.variants[index]
                score = _similarity(word, variant)
                if score > best[1]:
                    best = (self.first[variant], score)
        return best

    def has_form(self, forms: Iterable[str]) -> bool:
        for form in forms:
            first = form.split()[0]
            if any(same_form(first, v) for v in self.buckets.get(_bucket(first), ())):
                return True
        return False
