"""Names across languages: does every name of the original reach the aligned translation?

Bilingual mode only (a plain-text original aligned by :mod:`mtcheck.align.adequacy`, or paired
units that carry their source). For each aligned pair, the names of the original
sentence are looked for in the target sentence(s) in three ways:

* **known forms**: a name the termbase or the gazetteer knows in the source language
  has target-language forms (Kyiv → Київ, Germany → ألمانيا); one of them, inflected or
  not, should be there;
* **transliteration**: both sides are romanised and compared with
  :func:`mtcheck.names.translit.similarity` (Zelensky ↔ زيلينسكي ↔ Зеленського), which
  needs no model;
* **back-translation**, when a model ran: the name written again in the source
  language, where it can be compared in one script; it also shows what the translation
  put *instead* of a missing name.

Names of a cased original (English, Ukrainian, Russian…) come from
:func:`mtcheck.names.extract.extract`. Arabic has no case, so names of an Arabic original
are only those the termbase or gazetteer knows, and tokens whose romanisation matches a
name of the (cased) translation.

The outcome per original name is a :class:`Counterpart`; the checks ``name-missing``,
``name-mismatch`` and ``name-transliteration`` each report one status. The matching is
done once per document and shared by the three checks.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtcheck.names.extract import extract, is_cased, zipf
from mtcheck.names.gazetteer import Gazetteer
from mtcheck.names.sources import NameSources
from mtcheck.names.termbase import Termbase
from mtcheck.names.translit import CROSS_SCRIPT_THRESHOLD, SAME_SCRIPT_THRESHOLD, is_abjad, key, similarity
from mtcheck.read.languages import base_language
from mtcheck.read.words import iter_words
from mtcheck.types import Segment, Span

FOUND, TRANSLITERATED, MISSING, MISMATCH = "found", "transliterated", "missing", "mismatch"

# Below this similarity a name the back-translation shows in place of the original's
# is clearly another name, not a variant spelling of it.
DIFFERENT_NAME = 0.5
# A capitalised word of a cased translation is a name's likely rendering at a lower bar:
# the few capitalised words of a sentence leave little to confuse (Bjorn / Бьорна 0.77,
# Czeisler / Чейслер 0.73, Lithgow / Літгоу 0.78, while unrelated names score below 0.5).
CAPITALISED_THRESHOLD = 0.7
# In a caseless script, a word rarer than this (wordfreq Zipf) counts as capitalised would.
RARE_ZIPF = 2.5
# A word of the original this frequent as a lower-case word (wordfreq Zipf) is not taken
# alone as evidence of a name: "Bank", "Party".
COMMON_WORD_ZIPF = 4.5

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
# Arabic writes conjunctions, prepositions and the article joined to the word:
# وترامب = "and Trump", بلندن = "in London", الأردن = "the Jordan".
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


@dataclass(frozen=True)
class Name:
    """A name in one text: which text (segment index on its side), where, and what."""

    index: int
    span: Span
    text: str


@dataclass(frozen=True)
class Known:
    """What the termbase or gazetteer knows about an original name in the target language."""

    forms: tuple[str, ...]  # allowed target-language forms
    preferred: str | None
    source: str  # "termbase: FILE" or "gazetteer"
    ambiguous: bool = False  # the source form names several things with different target forms


@dataclass(frozen=True)
class Counterpart:
    """The fate of one original name in the translation."""

    status: str
    original: Name
    original_segment: Segment  # the original sentence (its text in ``.target``) or the unit
    original_text: str
    target: Segment  # the target segment the finding is reported on
    target_span: Span | None = None
    target_text: str = ""
    back_translation: str = ""
    back_span: Span | None = None
    back_text: str = ""
    known: Known | None = None
    via: str = ""
    score: float = 0.0
    high_confidence: bool = False
    elsewhere: bool = False  # found in another sentence of the translation
    weak: bool = False  # only the absence of a transliteration speaks for it

    def evidence(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "original": self.original_text,
            "original_segment": self.original_segment.id,
            "original_name": self.original.text,
            "original_span": [self.original.span.start, self.original.span.end],
            "target_name": self.target_text or None,
            "target_span": [self.target_span.start, self.target_span.end] if self.target_span else None,
            "back_translation": self.back_translation or None,
            "back_translation_name": self.back_text or None,
            "back_translation_span": [self.back_span.start, self.back_span.end] if self.back_span else None,
            "via": self.via or None,
        }
        if self.known is not None:
            out["expected"] = list(self.known.forms[:5])
            out["expected_from"] = self.known.source
        if self.score:
            out["similarity"] = round(self.score, 2)
        return {k: v for k, v in out.items() if v is not None}


@dataclass(frozen=True)
class _Token:
    index: int  # segment index on its side
    span: Span
    text: str
    variants: tuple[str, ...] = field(default=())


def _script(text: str) -> str:
    if is_abjad(text):
        return "abjad"
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        return "cyrillic"
    return "latin"


def _variants(word: str) -> tuple[str, ...]:
    """The word and its forms without a case ending or a joined Arabic prefix."""
    out = [word]
    low = word.casefold()
    if is_abjad(word):
        for prefix in _ARABIC_PREFIXES:
            if low.startswith(prefix) and len(low) - len(prefix) >= 3:
                out.append(word[len(prefix) :])
    elif low.endswith(("'s", "’s")):
        out.append(word[:-2])  # Sainsbury's kept in Latin inside a Ukrainian sentence
    elif any("\u0400" <= ch <= "\u04ff" for ch in word):
        for ending in _SLAVIC_ENDINGS:
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                out.append(word[: -len(ending)])
    return tuple(dict.fromkeys(out))


def _tokens(texts: Sequence[tuple[int, str]]) -> list[_Token]:
    return [
        _Token(index, Span(s, e), text[s:e], _variants(text[s:e])) for index, text in texts for s, e in iter_words(text)
    ]


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
    return bool({v.casefold() for v in _variants(a)[1:]} & {v.casefold() for v in _variants(b)[1:]})


def same_form(form: str, word: str) -> bool:
    """``word`` is ``form`` up to case and a case ending: Лондон / Лондоні, Київ / Києві."""
    expected = {v.casefold() for v in _variants(form)}
    low = form.casefold()
    # Ukrainian і (ї) of a closed last syllable turns back into о, е (є) once an ending
    # opens it: Харків → Харкова, Київ → Києва, Львів → Львові. The nominative Києв does
    # not exist, so this never makes the Russian Киев a form of Київ.
    for k in range(len(low) - 1, max(len(low) - 4, 0), -1):
        if low[k] in "ії":
            for vowel in ("о", "е") if low[k] == "і" else ("є",):
                expected.add(low[:k] + vowel + low[k + 1 :])
            break
    words = {_arabic_stem(v) for v in _variants(word)} if is_abjad(word) else {v.casefold() for v in _variants(word)}
    if is_abjad(form):
        expected = {_arabic_stem(v) for v in expected}
    if words & expected:
        return True
    # A derived adjective keeps the name's stem: Китай → китайского, Австралія → австралійське.
    stems = {e for e in expected if len(e) >= 4}
    return any(w.startswith(e) for w in words for e in stems)


def _arabic_stem(word: str) -> str:
    """Alef forms unified, and the -ia of a place or the -i/-iya of its adjective cut:
    أستراليا / الأسترالية, إندونيسيا / الإندونيسية."""
    import re

    word = re.sub("[\u064b-\u065f\u0670]", "", word)  # vowel marks
    word = word.translate(str.maketrans("أإآٱى", "ااااي"))
    for suffix in ("يين", "يون", "ية", "يا", "ي", "ة", "ا"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=65536)
def _gazetteer_known(gazetteer: Gazetteer, form: str, src: str, tgt: str) -> Known | None:
    """Target-language forms of the places written ``form`` in the source language."""
    try:
        per_entity = [(list(t.forms), t.preferred, t.country) for t in gazetteer.translations(form, src, tgt)]
    except sqlite3.Error:
        return None
    with_forms = [(f, p) for f, p, _c in per_entity if f]
    if not with_forms:
        return None
    all_forms = tuple(dict.fromkeys(x for f, _p in with_forms for x in f))
    preferreds = {p for _f, p in with_forms if p}
    # Kharkiv the city, the oblast and the KATOTTG settlement are one place with one form;
    # Georgia the country and the US state are not, though only one has a Ukrainian form.
    countries_with = {c for f, _p, c in per_entity if f}
    ambiguous = len(preferreds) > 1 or any(not f and c not in countries_with for f, _p, c in per_entity)
    return Known(all_forms, next(iter(preferreds)) if len(preferreds) == 1 else None, "gazetteer", ambiguous)


def known_forms(name: str, sources: NameSources) -> Known | None:
    """Target-language forms of ``name`` (source language) from the termbase, else the gazetteer."""
    src = base_language(sources.document.source_lang)
    tgt = base_language(sources.document.target_lang)
    termbase = sources.termbase if isinstance(sources.termbase, Termbase) else None
    if termbase is not None:
        for _term, concept in termbase.lookup(name, src):
            forms = tuple(t.text for t in concept.terms_in(tgt) if t.allowed)
            if forms:
                preferred = concept.preferred(tgt)
                return Known(forms, preferred.text if preferred else None, f"termbase: {concept.origin or concept.id}")
    if sources.gazetteer is not None:
        return _gazetteer_known(sources.gazetteer, name, src, tgt)
    return None


def _original_names(text: str, index: int, sources: NameSources, target_names: Sequence[str]) -> list[Name]:
    src = base_language(sources.document.source_lang)
    if is_cased(text):
        return [Name(index, m.span, m.text) for m in extract(text, src) if not _acronym(m.text)]
    # Caseless (Arabic): known names, and words that sound like a name of the translation.
    names: list[Name] = []
    words = list(iter_words(text))
    used: set[int] = set()
    for size in (3, 2, 1):
        for k in range(len(words) - size + 1):
            if any(x in used for x in range(k, k + size)):
                continue
            s, e = words[k][0], words[k + size - 1][1]
            phrase = text[s:e]
            for variant in _variants(phrase) if size == 1 else (phrase,):
                if known_forms(variant, sources) is not None:
                    offset = e - len(variant)
                    names.append(Name(index, Span(offset, e), variant))
                    used.update(range(k, k + size))
                    break
    for k, (s, e) in enumerate(words):
        if k in used or len(text[s:e]) < 3:
            continue
        for variant in _variants(text[s:e]):
            if any(similarity(variant, t) >= CROSS_SCRIPT_THRESHOLD for t in target_names):
                names.append(Name(index, Span(e - len(variant), e), variant))
                break
    names.sort(key=lambda n: n.span.start)
    return names


def _acronym(text: str) -> bool:
    """NHS, AMs, TVs: acronyms are expanded or translated as often as kept (NHS, ООН)."""
    return text.rstrip("s").isupper() and len(text) <= 6


def _name_words(name: str) -> list[str]:
    from mtcheck.names.extract import PARTICLES

    words = [w for w in name.replace("-", " ").split() if w.casefold() not in PARTICLES and len(w) >= 2]
    return words or [name]


def _best_match(name: str, tokens: Iterable[_Token]) -> tuple[_Token | None, float]:
    """The token most likely to render ``name`` (any word of it), with its similarity."""
    best: tuple[_Token | None, float] = (None, 0.0)
    # Both sides may be declined: Олафом Шольцем ↔ Olaf Scholz.
    words = list(dict.fromkeys(v for w in _name_words(name) for s in _spoken(w) for v in _variants(s)))
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


def _spoken(word: str) -> tuple[str, ...]:
    """The word, and without the English silent gh (Brighton → Брайтон, Kavanaugh → Кавано)."""
    if is_abjad(word) or "gh" not in word.casefold():
        return (word,)
    import re

    return word, re.sub(r"(?i)gh(?=t|$)", "", word)


@functools.lru_cache(maxsize=262144)
def _similarity(a: str, b: str) -> float:
    return similarity(a, b)


def _threshold(a: str, b: str) -> float:
    return SAME_SCRIPT_THRESHOLD if _script(a) == _script(b) else CROSS_SCRIPT_THRESHOLD


def _find_known(known: Known, tokens: Sequence[_Token]) -> _Token | None:
    for form in known.forms:
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


class _Index:
    """The distinct words of a whole document, for "is this name anywhere in it?".

    Scanning every token for every name is quadratic in document length; here candidates
    come from the transliteration keys through rapidfuzz (C speed), and known forms from
    the words that share their first two letters.
    """

    def __init__(self, tokens: Sequence[_Token]) -> None:
        self.first: dict[str, _Token] = {}
        for token in tokens:
            for variant in token.variants:
                self.first.setdefault(variant, token)
        self.variants = list(self.first)
        self.keys = [key(v) for v in self.variants]
        self.folded = {v.casefold(): self.first[v] for v in self.variants}
        self.buckets: dict[str, list[str]] = {}
        for variant in self.variants:
            self.buckets.setdefault(_bucket(variant), []).append(variant)

    def match(self, name: str) -> tuple[_Token | None, float]:
        from rapidfuzz import fuzz, process

        words = list(dict.fromkeys(v for w in _name_words(name) for s in _spoken(w) for v in _variants(s)))
        for word in words:
            if word.casefold() in self.folded:
                return self.folded[word.casefold()], 1.0
        best: tuple[_Token | None, float] = (None, 0.0)
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

    def has_known(self, known: Known) -> bool:
        for form in known.forms:
            first = form.split()[0]
            if any(same_form(first, v) for v in self.buckets.get(_bucket(first), ())):
                return True
        return False


# Software catalogues hold interface strings, not running text: their Title Case labels
# ("Open Recent File") read as names to any extractor, and a sweep over the Debian and
# Firefox catalogues found thousands of such "names" and no real dropped one, at five
# times the run time. Translation memories and bilingual CSV of sentences are still checked.
USER_INTERFACE_FORMATS = frozenset({"po", "xliff"})


@dataclass
class _Pair:
    """One aligned pair: original texts and target segment indices."""

    originals: list[tuple[Segment, str]]  # (segment, its source-language text)
    targets: list[int]


def _pairs(sources: NameSources) -> list[_Pair]:
    doc = sources.document
    if doc.original is not None:
        alignment = sources.alignment
        if alignment is None:
            return []
        return [
            _Pair([(doc.original[i], doc.original[i].target) for i in link.source_ids], list(link.target_ids))
            for link in alignment
            if not link.is_skip
        ]
    if doc.format in USER_INTERFACE_FORMATS:
        return []
    return [_Pair([(seg, seg.source)], [j]) for j, seg in enumerate(doc.segments) if seg.source]


def counterparts(sources: NameSources) -> list[Counterpart]:
    """Every original name with its counterpart (or lack of one); computed once per document."""
    return sources.remember("counterparts", lambda: list(_counterparts(sources)))


def _counterparts(sources: NameSources) -> Iterator[Counterpart]:
    doc = sources.document
    pairs = _pairs(sources) if doc.bilingual and doc.segments else []
    if not pairs:
        return
    src = base_language(doc.source_lang)
    tgt = base_language(doc.target_lang)
    segments = doc.segments
    back = sources.back_translations
    all_tokens = _tokens([(j, seg.target) for j, seg in enumerate(segments)])
    by_segment: dict[int, list[_Token]] = {}
    for token in all_tokens:
        by_segment.setdefault(token.index, []).append(token)
    back_tokens = _tokens([(j, back.get(seg.id, "")) for j, seg in enumerate(segments)]) if back else []
    back_by_segment: dict[int, list[_Token]] = {}
    for token in back_tokens:
        back_by_segment.setdefault(token.index, []).append(token)
    everywhere = _Index(all_tokens)
    back_everywhere = _Index(back_tokens) if back_tokens else None
    for pair in pairs:
        target_texts = [segments[j].target for j in pair.targets]
        target_names = [m.text for t in target_texts if is_cased(t) for m in extract(t, tgt)]
        tokens = [t for j in pair.targets for t in by_segment.get(j, [])]
        near = [t for j in _around(pair.targets, len(segments)) for t in by_segment.get(j, [])]
        pair_back = [t for j in pair.targets for t in back_by_segment.get(j, [])]
        back_text = " ".join(back.get(segments[j].id, "") for j in pair.targets)
        back_names = _back_names(sources, pair, src)
        matched_back: set[tuple[int, int]] = set()
        pending: list[tuple[Name, Segment, str, Known | None]] = []
        for seg, text in pair.originals:
            for name in _original_names(text, 0, sources, target_names):
                known = known_forms(name.text, sources)
                if known is not None or not is_cased(text) or _worth_checking(name.text, src):
                    pending.append((name, seg, text, known))
        # Names the back-translation shows that are the original's own: not candidates for "instead".
        for name, _seg, _text, _known in pending:
            for b in back_names:
                if same_form(name.text, b.text) or similarity(name.text, b.text) >= _threshold(name.text, b.text):
                    matched_back.add((b.span.start, b.index))
        unmatched_back = [b for b in back_names if (b.span.start, b.index) not in matched_back]
        lost = []
        for name, seg, text, known in pending:
            base: dict[str, Any] = {
                "original": name,
                "original_segment": seg,
                "original_text": text,
                "back_translation": back_text,
                "known": known,
            }
            first = segments[pair.targets[0]]
            exact = _find_known(known, tokens) if known is not None else None
            if exact is not None and known is not None:
                yield Counterpart(FOUND, target=segments[exact.index], target_span=exact.span,
                                  target_text=exact.text, via=known.source, score=1.0, **base)  # fmt: skip
                continue
            hit, score = _best_match(name.text, tokens)
            if hit is not None and score >= _threshold(name.text, hit.text):
                status = FOUND
                kept = hit.text.casefold() in {w.casefold() for w in _name_words(name.text)}
                if known is not None and not known.ambiguous and not kept:
                    # Sounds like the name but is none of its known target forms: Харьков for Харків.
                    # (The name kept as written in the original is another matter: score 1.)
                    expected_score = max(similarity(f, v) for f in known.forms for v in hit.variants)
                    status = TRANSLITERATED if expected_score >= _threshold(known.forms[0], hit.text) else FOUND
                yield Counterpart(status, target=segments[hit.index], target_span=hit.span,
                                  target_text=hit.text, via="transliteration", score=score, **base)  # fmt: skip
                continue
            capitalised = [t for t in tokens if _name_like(t, tgt)]
            if is_cased(text) and capitalised:
                hit, score = _best_match(name.text, capitalised)
                if hit is not None and score >= CAPITALISED_THRESHOLD:
                    yield Counterpart(FOUND, target=segments[hit.index], target_span=hit.span,
                                      target_text=hit.text, via="transliteration", score=score, **base)  # fmt: skip
                    continue
            bt_token, bt_score = _best_match(name.text, pair_back) if pair_back else (None, 0.0)
            if bt_token is not None and bt_score >= SAME_SCRIPT_THRESHOLD:
                yield Counterpart(FOUND, target=first, back_span=bt_token.span, back_text=bt_token.text,
                                  via="back-translation", score=bt_score, **base)  # fmt: skip
                continue
            near_token, near_score = _best_match(name.text, near)
            if near_token is not None and near_score >= _threshold(name.text, near_token.text):
                continue  # in a neighbouring sentence: the alignment, not the translation, is off
            lost.append((name, base, first))
        yield from _judge_lost(sources, lost, unmatched_back, by_segment, everywhere, back_everywhere)


def _name_like(token: _Token, lang: str) -> bool:
    """Capitalised in a cased script; in Arabic, rare as a word of the language (بيورن, فاينشتاين)."""
    if is_cased(token.text):
        return token.text[:1].isupper()
    return all(zipf(v, lang) < RARE_ZIPF for v in token.variants)


def _worth_checking(name: str, lang: str) -> bool:
    """Not a lone capitalised common word ("Bank"), which a translation may well render as a word."""
    words = _name_words(name)
    return len(words) > 1 or zipf(words[0].casefold(), lang) < COMMON_WORD_ZIPF


def _around(targets: Sequence[int], count: int) -> list[int]:
    lo, hi = max(min(targets) - 1, 0), min(max(targets) + 1, count - 1)
    return [j for j in range(lo, hi + 1) if j not in targets]


def _back_names(sources: NameSources, pair: _Pair, src: str) -> list[Name]:
    back = sources.back_translations
    out: list[Name] = []
    for j in pair.targets:
        text = back.get(sources.document.segments[j].id, "")
        if text and is_cased(text):
            out.extend(Name(j, m.span, m.text) for m in extract(text, src) if not _acronym(m.text))
    return out


def _judge_lost(
    sources: NameSources,
    lost: list[tuple[Name, dict[str, Any], Segment]],
    unmatched_back: list[Name],
    by_segment: dict[int, list[_Token]],
    everywhere: _Index,
    back_everywhere: _Index | None,
) -> Iterator[Counterpart]:
    segments = sources.document.segments
    has_model = bool(sources.back_translations)
    for name, base, first in lost:
        token, score = everywhere.match(name.text)
        elsewhere = token is not None and score >= _threshold(name.text, token.text)
        known = base["known"]
        if not elsewhere and known is not None:
            elsewhere = everywhere.has_known(known)
        if not elsewhere and back_everywhere is not None:
            bt, bt_score = back_everywhere.match(name.text)
            elsewhere = bt is not None and bt_score >= SAME_SCRIPT_THRESHOLD
        instead = [b for b in unmatched_back if similarity(name.text, b.text) < DIFFERENT_NAME]
        if has_model and instead:
            other = instead[0]
            target_token, _s = _best_match(other.text, by_segment.get(other.index, []))
            # One name lost and one other name in its place: a swap, not a guess.
            sure = len(lost) == 1 and len(instead) == 1 and not elsewhere
            yield Counterpart(
                MISMATCH,
                target=segments[other.index],
                target_span=target_token.span if target_token is not None and _s >= CROSS_SCRIPT_THRESHOLD else None,
                target_text=target_token.text if target_token is not None and _s >= CROSS_SCRIPT_THRESHOLD else "",
                back_span=other.span,
                back_text=other.text,
                via="back-translation",
                high_confidence=sure,
                elsewhere=elsewhere,
                **base,
            )
            continue
        # With a model the back-translation confirms the absence; without one only the
        # transliteration comparison says so, which a translated name fools ("Judiciary" →
        # "судовий", "Pyongyang" → "Пхеньян"): then only a name with known target forms
        # (termbase, gazetteer) none of which is there is worth a warning.
        expected = known is not None and not known.ambiguous
        yield Counterpart(
            MISSING,
            target=first,
            via="back-translation" if has_model else "known forms" if expected else "transliteration",
            high_confidence=has_model and not elsewhere and (expected or len(_name_words(name.text)) > 1),
            weak=not has_model and not expected,
            elsewhere=elsewhere,
            **base,
        )
