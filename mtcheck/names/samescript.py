"""Names between two Latin-script languages: kept letter for letter, so their absence speaks.

Between Polish, Czech, German, French, Italian, Spanish… and English a name is mostly written
as in the original (Söder, Buenos Aires, Liggins), at most inflected (Trumpa, Merkelové,
Singapurs) or replaced by its exonym (Londýn / London, Varšava / Warsaw, known to CLDR and
the gazetteer). So without a model a name of the original that the aligned translation has
in none of these forms is lost, and a name of the translation that nothing of the original
accounts for is another name put in its place (Donald Trump → Erwin Huber).

What is a name of the original, from its capitals and word frequencies (wordfreq):

* a capitalised word that is no word of the language: about as frequent in the translation's
  language (and English) as in its own (Trump, Thunberg, Werth; with its case ending cut,
  Trumpa), where a word of the language is rarer there (Stürme, Senat, Malouines); or, inside
  a sentence, one rare in its own language and no rare form of a frequent word (Neckermann,
  Agremex; not cs Divy of divo);
* one CLDR or the gazetteer knows under another name in the translation's language
  (Finnland / Finland, Česku / Czechia), and the words of a known multi-word name
  (Estados Unidos / United States);
* at the start of a sentence only a word the translation's language writes more often than
  its own (Murray, Williams), since every first word is capitalised;
* German capitalises every noun: there a capital alone says nothing, and a noun frequent in
  both languages (Band, See, Marine, but also Trump) or a compound of two words (Windernte)
  is no certain name;
* uncertain (a hint when lost, a swap when a new name stands in its place): another capitalised
  word inside a sentence (Pawłowicz, or Zgromadzenia Ogólnego, a translated institution), a
  first name dropped before its surname, a two-letter acronym or one with another acronym in
  the translation (BIP / GDP). A longer acronym lost alone is lost (ESPN, RND).

A name of the translation is a capitalised word that is not a word of its language capitalised
for a translated name: one much more frequent than in the original's language (Ministry,
Hospital) is such a word, a name is not (Huber, Boeing); an acronym, a country or a city is a
name (not a Roman numeral or a currency code). It is accounted for when a word of the original
sounds like it (inflected or not), is a known form of it, or is its abbreviation.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from mtcheck.names.exonyms import exonyms
from mtcheck.names.extract import PARTICLES, PLACE_POPULATION, TITLES, calendar_words, place_size, zipf
from mtcheck.names.originals import Known, Name, gazetteer_known, known_forms
from mtcheck.names.sources import NameSources
from mtcheck.names.translit import similarity
from mtcheck.read.languages import base_language, script_of
from mtcheck.types import Span

FOUND, MISSING, MISMATCH = "found", "missing", "mismatch"

# Latin-script languages wordfreq has a word list for: the frequency tests below need one on
# both sides (without it every word would be "rare everywhere", so a name).
WORDFREQ_LATIN = frozenset(
    [
        "ca",
        "cs",
        "da",
        "de",
        "en",
        "es",
        "fi",
        "fr",
        "hu",
        "id",
        "it",
        "lt",
        "lv",
        "ms",
        "nb",
        "nl",
        "pl",
        "pt",
        "ro",
        "sk",
        "sl",
        "sv",
        "tr",
    ]
)
# The languages a word's frequency is compared in: a name is about as frequent in each.
PEERS = ("en", "de", "fr", "es", "it", "pl", "cs", "nl", "pt")
# A word this much more frequent (wordfreq Zipf) in its own language than in every peer is a
# word of the language (Stürme 3.4 / 0, Regen 4.6 / 2.4, Malouines 2.7 / 1.1), not a name
# (Thunberg 2.5 / 1.9, Putin 4.4 / 4.1, Werth 3.2 / 2.3).
INTERNATIONAL_MARGIN = 1.0
# See the sentence-start rule in _source_kind (Murray, Williams against Schon 6.3 / 2.3).
START_NAME_MARGIN = 0.3
# A capitalised word this rare (wordfreq Zipf) in its own language, inside a sentence of a
# language that writes nouns in lower case, is a name however rare in the translation's language
# (Neckermann 2.0, Agremex 0, Rybickiego 2.0; a translated name is a word of the language,
# Malouines 2.7, Zachodniej 4.7, Konserwatywnej 3.6).
RARE_ZIPF = 2.5
# Function words are shared by several languages (cs "Do", "Je"; en "In"): never a name.
FUNCTION_ZIPF = 5.5
# At the start of a sentence every word is capitalised: only a word rarer than this in its
# language is taken for a name there (Netanjahu 3.0, Liggins 0; Pracując, Senat are words).
SENTENCE_START_ZIPF = 3.5
# A word of the translation this much more frequent than in the original's language is a word
# of the translation's language, capitalised in a translated name (de/en: Administration 3.8 /
# 4.9, Hospital 3.7 / 5.1, Dome 3.3 / 3.9, Corps 3.7 / 4.3; es/en Bankruptcies 0 / 2.8), not a
# name (Huber 3.9 / 2.9, Bush 3.9 / 4.5, Boeing 3.7 / 3.8); one more frequent still is an
# everyday word (Union 5.1, War 5.5), whatever its frequency in the original's language.
TARGET_MARGIN = 0.55
TARGET_EVERYDAY_ZIPF = 5.0
# Languages that capitalise every noun.
NOUNS_CAPITALISED = frozenset({"de", "lb"})
# Both parts of a compound are words of the language at least this frequent (wind 4.7,
# ernte 4.0, prozess 4.8; a name's parts mostly are not: aidenbach 1.9).
COMPOUND_PART_ZIPF = 3.0
# Two words sound alike enough to be one name's renderings (Netanjahuovou / Netanyahu 0.78,
# Bischkeks / Bishkek 0.82; Liggins / Putin 0.24, Trump / Huber 0).
SAME_NAME = 0.7
# A word of the translation this close to a word of the original is accounted for by it.
ACCOUNTED = 0.5
# Case endings of the inflecting languages: cut, they leave the name's form of the other side
# (Trumpa → Trump, Merkelové → Merkel, Rybickiego → Rybicki, Singapurs → Singapur).
ENDINGS = {
    # (adjective endings too, for _inflected_word: Zjednoczonych of zjednoczony)
    "pl": (
        *("owi", "ego", "emu", "ami", "ach", "iem", "ych", "ymi", "em", "om", "ów", "ym", "ej", "ie"),
        *("a", "u", "e", "y", "i", "o", "ą", "ę"),
    ),
    "cs": (
        *("ovou", "ových", "ovým", "ovy", "ové", "ová", "ovo", "ovu", "ovi", "ého", "ému", "ých", "ými"),
        *("em", "ou", "ům", "ech", "ým", "a", "u", "e", "y", "i", "ě"),
    ),
    "sk": ("ovou", "ová", "ovi", "ého", "ému", "om", "ou", "a", "u", "e", "y", "i"),
    "de": ("s", "ern", "er"),  # and place adjectives: Grazer, Washingtoner
}
# Endings that make a demonym or adjective of a name in the translation's language.
DERIVED = {"en": ("ians", "ian", "ans", "an", "ese", "s")}
# Nominative endings to try on a cut stem when looking up exonyms (Česku → Česko, Varšavě → Varšava).
NOMINATIVE = {"pl": ("a", "o"), "cs": ("a", "o"), "sk": ("a", "o")}
# Words and the capitalised parts of hyphenated and elided words (Johns-Hopkins-Universität,
# l'Italie): each part on its own.
_WORD = regex.compile(r"[\p{L}\p{M}]+")
_START = regex.compile(r"(?:^|[.!?…:;])[\s\"'“”„«»‚‘’\-–—*#]*$")


@dataclass(frozen=True)
class Verdict:
    """The fate of one name of the original in a same-script pair.

    ``source``: which original sentence of the pair holds it; ``target``: the target segment
    the finding is reported on; ``weak``: an uncertain name, a hint only.
    """

    status: str
    name: Name
    source: int
    target: int
    target_span: Span | None = None
    target_text: str = ""
    known: Known | None = None
    weak: bool = False
    elsewhere: bool = False


@dataclass(frozen=True)
class _Word:
    index: int  # which text of its side
    start: int
    end: int
    text: str
    capital: bool
    at_start: bool

    @property
    def folded(self) -> str:
        return fold(self.text)


def applies(src: str, tgt: str) -> bool:
    """Both languages written in Latin script, different, and known to wordfreq."""
    src, tgt = base_language(src), base_language(tgt)
    return src != tgt and script_of(src) == script_of(tgt) == "Latn" and src in WORDFREQ_LATIN and tgt in WORDFREQ_LATIN


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case and diacritics folded: Söder ~ Soder, Słania ~ Slania, Straße ~ strasse."""
    from anyascii import anyascii

    return str(anyascii(unicodedata.normalize("NFC", word))).casefold()


def _words(texts: Sequence[str]) -> list[_Word]:
    out = []
    for index, text in enumerate(texts):
        for m in _WORD.finditer(text):
            word = m.group()
            out.append(
                _Word(index, m.start(), m.end(), word, word[0].isupper(), bool(_START.search(text[: m.start()])))
            )
    return out


def _stems(word: str, lang: str) -> list[str]:
    low = word.casefold()
    return [low] + [low[: -len(e)] for e in ENDINGS.get(lang, ()) if low.endswith(e) and len(low) - len(e) >= 3]


@functools.lru_cache(maxsize=65536)
def _international(word: str, lang: str, tgt: str) -> bool:
    """Not a word of ``lang``: about as frequent in the translation's language (and English,
    where news names are best attested) as in it (see INTERNATIONAL_MARGIN). Other languages
    are no witness: French has Chirurgie and Niveau, Portuguese sol, as words."""
    own = zipf(word.casefold(), lang)
    elsewhere = max(zipf(stem, p) for stem in _stems(word, lang) for p in dict.fromkeys((tgt, "en")))
    return elsewhere >= own - INTERNATIONAL_MARGIN


def _inflected_word(word: str, lang: str) -> bool:
    """A rare form of a frequent word of the language (cs Divy of divo, pl Zjednoczonych of
    zjednoczony): its stem with a nominative ending is a word, so the form is no name."""
    stems = _stems(word, lang)[1:]
    endings = ("", *NOMINATIVE.get(lang, ()), "y", "e", "i")
    return any(zipf(stem + ending, lang) >= COMPOUND_PART_ZIPF for stem in stems for ending in endings)


def _compound(word: str, lang: str) -> bool:
    """A German compound of two words of the language (Windernte, Wiederaufbauprozess,
    Terrorismusangelegenheiten): rare everywhere as a whole, so frequencies alone take it for a
    name. wordfreq has no compound splitter; trying every cut is enough for two parts."""
    low = word.casefold()
    for cut in range(3, len(low) - 3):
        head, tail = low[:cut], low[cut:]
        tails = [tail] + [
            tail[: -len(e)] for e in ("e", "en", "n", "s", "er") if tail.endswith(e) and len(tail) > len(e) + 2
        ]
        if all(zipf(t, lang) < COMPOUND_PART_ZIPF for t in tails):
            continue
        heads = [head] + [head[: -len(joint)] for joint in ("s", "es", "n", "en") if head.endswith(joint)]
        if any(len(h) >= 3 and zipf(h, lang) >= COMPOUND_PART_ZIPF for h in heads):
            return True
    return False


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper()


def _kept_acronym(word: str) -> bool:
    return _acronym(word) and len(word) >= 3 and not _roman(word)


def _roman(word: str) -> bool:
    return set(word) <= set("IVXLCDM")


@functools.lru_cache(maxsize=1)
def _currencies() -> frozenset[str]:
    """ISO 4217 codes (CLDR through babel): PLN, CZK are written beside amounts."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _source_kind(word: _Word, lang: str, tgt: str) -> str:
    """ "strong" (surely a name), "weak" (perhaps one) or "" (no name)."""
    text = word.text
    if not word.capital or len(text) < 2 or text.casefold() in calendar_words(lang):
        return ""
    own = zipf(text.casefold(), lang)
    if own >= FUNCTION_ZIPF:
        return ""
    if _acronym(text):
        return "weak"
    if word.at_start and own >= SENTENCE_START_ZIPF:
        # A word of the language capitalised by position, unless the translation's language
        # writes it more often still (Murray de 3.6 / en 4.3, Williams 4.1 / 4.7): a name.
        if zipf(text.casefold(), tgt) < own + START_NAME_MARGIN:
            return ""
        return "weak" if lang in NOUNS_CAPITALISED else "strong"
    if lang in NOUNS_CAPITALISED:
        # German writes every noun with a capital: a capital alone says nothing, and a noun
        # frequent in both languages (Band, See, Person, Marine) is as likely as Trump.
        if not _international(text, lang, tgt) or (own < COMPOUND_PART_ZIPF and _compound(text, lang)):
            return ""
        return "weak" if own >= SENTENCE_START_ZIPF else "strong"
    if _international(text, lang, tgt) or (not word.at_start and own < RARE_ZIPF and not _inflected_word(text, lang)):
        return "strong"
    # A capital inside a sentence marks a name (Pawłowicz, or a translated one: Senat); at its
    # start, a word of the language (Comparez, Pracując).
    return "" if word.at_start else "weak"


def _target_name(word: _Word, lang: str, src: str) -> bool:
    """A word of the translation that is (part of) a name, not a capitalised word of the language."""
    text = word.text
    if not word.capital or len(text) < 2 or text.casefold() in calendar_words(lang):
        return False
    if text.casefold() in TITLES.get(lang, frozenset()):
        return False
    if _roman(text) or text in _currencies():
        return False  # Elizabeth II, PLN 570: a number and a currency code, no names
    if _acronym(text) or place_size(text) >= PLACE_POPULATION:
        # a country or a city (Spain, Casablanca), however frequent the word; not a village
        # named by a word (Liberty, Union, Dome)
        return True
    own = zipf(text.casefold(), lang)
    if own >= TARGET_EVERYDAY_ZIPF or (word.at_start and own >= SENTENCE_START_ZIPF):
        return False
    return zipf(text.casefold(), src) >= own - TARGET_MARGIN


def _same(a: str, b: str, lang_a: str, tgt_lang: str) -> bool:
    """``a`` (a word of ``lang_a``) and ``b`` (of ``tgt_lang``) are one name: equal but for
    diacritics, ``a`` inflected, or alike in sound."""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if _acronym(a) and _acronym(b) and (sorted(fa) == sorted(fb) or set(fb) < set(fa)):
        return True  # one acronym in the other language's word order: UE / EU, VIH / HIV, ONU / UN
    common = next((k for k, (x, y) in enumerate(zip(fa, fb, strict=False)) if x != y), min(len(fa), len(fb)))
    if common >= max(3, len(fb) - 2, len(fa) - 4):
        return True  # inflected: Trumpa / Trump, Paroubka / Paroubek, Čuby / Čuba, Singapurs / Singapore
    # b may be a derived word of the name (Babylonians, Texan, Nepalese for Babilonii, Teksas, Nepal)
    bases = [b] + [b[: -len(e)] for e in DERIVED.get(tgt_lang, ()) if b.endswith(e) and len(b) - len(e) >= 4]
    return any(_similarity(a, base) >= SAME_NAME for base in bases)


@functools.lru_cache(maxsize=262144)
def _similarity(a: str, b: str) -> float:
    return similarity(a, b)


def _known(word: str, sources: NameSources, src: str) -> Known | None:
    """Established target forms of a word of the original (exonyms, termbase, gazetteer),
    by its stems too (Londýně → Londýn)."""
    # A frequent German noun cut to a stem names another place (Kiefer → Kief): only the word itself.
    cut = src not in NOUNS_CAPITALISED or zipf(word.casefold(), src) < SENTENCE_START_ZIPF
    stems = [s.capitalize() for s in _stems(word, src)[1:]] if cut else []
    guesses = [stem + ending for stem in stems for ending in NOMINATIVE.get(src, ())]
    for stem in dict.fromkeys([word, *stems, *guesses]):
        found = known_forms(stem, sources)
        if found is not None:
            return found
    return None


def judge(originals: Sequence[str], targets: Sequence[tuple[int, str]], sources: NameSources) -> list[Verdict]:
    """The original's names of one aligned pair (``targets``: segment index and text)."""
    doc = sources.document
    src, tgt = base_language(doc.source_lang), base_language(doc.target_lang)
    source_words = _words(originals)
    target_words = _words([t for _j, t in targets])
    first = targets[0][0]
    lost: list[tuple[int, _Word, str, Known | None]] = []
    verdicts: list[Verdict] = []
    by_phrase = _phrases_known(originals, source_words, target_words, sources)
    runs = _runs(originals, source_words)
    found_words: set[int] = set()
    for k, word in enumerate(source_words):
        kind = _source_kind(word, src, tgt)
        if not kind and not (word.capital and src in NOUNS_CAPITALISED and not word.at_start):
            continue
        if k in by_phrase:
            found_words.add(k)
            continue  # Estados Unidos: its known form United States is there
        known = _known(word.text, sources, src)
        if not kind and (known is None or fold(known.preferred or known.forms[0]) == fold(word.text)):
            # a German noun; one with an exonym is a place (Finnland, Südafrika), one that is
            # only some place's own name is still a noun (Ende, Boden, Essen)
            continue
        hit = next((t for t in target_words if _same(word.text, t.text, src, tgt)), None)
        if hit is None and known is not None:
            hit = _form_in(known, target_words, tgt)
        if hit is not None:
            found_words.add(k)
            j = targets[hit.index][0]
            verdicts.append(Verdict(FOUND, _name(word), word.index, j, Span(hit.start, hit.end), hit.text, known))
        else:
            lost.append((k, word, "strong" if known is not None else kind, known))
    if not lost:
        return verdicts
    new = [t for t in target_words if _target_name(t, tgt, src) and not _accounted(t, source_words, sources, src, tgt)]
    stray_acronym = any(_acronym(t.text) for t in new)

    def certainty(k: int, word: _Word, kind: str) -> str:
        # An acronym is kept as it is (ESPN, RND) or translated into another (BIP → GDP, ONU →
        # UN): lost with no other acronym in the translation, it was dropped. Two letters (US,
        # UE) are as often written out (American, European Union); a Roman numeral is a number.
        if _kept_acronym(word.text):
            return kind if stray_acronym else "strong"
        # A first name dropped before the surname that is there (Donald Trump → President
        # Trump) is how translators shorten names, and the rest of a run whose known part is
        # there (Estados Unidos de América → United States) how they render it: hints.
        later = [j for j in runs.get(k, ()) if j > k and not _acronym(source_words[j].text)]
        if any(j in found_words for j in later) or any(j in by_phrase for j in runs.get(k, ())):
            return "weak"
        return kind

    names = _grouped([(w, certainty(k, w, kind), known) for k, w, kind, known in lost], originals)
    new = [w for w, _k, _n in _grouped([(w, "", None) for w in new], [t for _j, t in targets])]
    everywhere = _words([s.target for s in doc.segments])
    for k, (word, kind, known) in enumerate(names):
        elsewhere = any(_same(word.text, t.text, src, tgt) for t in everywhere)
        if new and k == 0 and not (_acronym(word.text) and _acronym(new[0].text)):
            # (an acronym for an acronym is mostly the translation's own: BIP / GDP, ONU / UN)
            other = new[0]
            j = targets[other.index][0]
            verdicts.append(
                Verdict(
                    MISMATCH,
                    _name(word),
                    word.index,
                    j,
                    Span(other.start, other.end),
                    other.text,
                    known,
                    elsewhere=elsewhere,
                )
            )
            continue
        verdicts.append(
            Verdict(MISSING, _name(word), word.index, first, known=known, weak=kind != "strong", elsewhere=elsewhere)
        )
    return verdicts


def _form_in(known: Known, target_words: Sequence[_Word], tgt: str) -> _Word | None:
    """The translation's word that begins a known form, all of whose capitalised words are there
    (Norway, not the "of" of Kingdom of Norway; Czech of Czech Republic for Czechia)."""
    for form in known.forms:
        hits = [
            next((t for t in target_words if _same(w, t.text, tgt, tgt)), None)
            for w in _WORD.findall(form)
            if w[0].isupper()
        ]
        if hits and all(hits):
            return hits[0]
    return None


def _runs(texts: Sequence[str], words: Sequence[_Word]) -> dict[int, tuple[int, ...]]:
    """Each capitalised word's run of capitalised words (joined by spaces, hyphens, particles)."""
    runs: list[list[int]] = []
    for k, word in enumerate(words):
        if not word.capital:
            continue
        if runs and _joined(texts, words, runs[-1][-1], k):
            runs[-1].append(k)
        else:
            runs.append([k])
    return {k: tuple(run) for run in runs for k in run}


def _joined(texts: Sequence[str], words: Sequence[_Word], a: int, b: int) -> bool:
    """Words ``a`` < ``b`` of one name: side by side, or with particles between (Corea del Norte)."""
    if words[a].index != words[b].index or b - a > 3:
        return False
    text = texts[words[a].index]
    gaps = [text[words[k].end : words[k + 1].start] for k in range(a, b)]
    particles = all(w.text.casefold() in PARTICLES for w in words[a + 1 : b])
    return particles and all(gap in (" ", "-", "\u00a0") for gap in gaps)


def _phrases_known(
    texts: Sequence[str], source_words: Sequence[_Word], target_words: Sequence[_Word], sources: NameSources
) -> set[int]:
    """Words of multi-word runs of the original whose known form (CLDR, gazetteer, termbase) is
    in the translation: Estados Unidos / United States, Corea del Norte / North Korea."""
    runs = sorted({run for run in _runs(texts, source_words).values() if len(run) > 1})
    present = {t.folded for t in target_words}
    out: set[int] = set()
    for run in runs:
        for size in range(len(run), 1, -1):
            for start in range(len(run) - size + 1):
                part = run[start : start + size]
                first, last = source_words[part[0]], source_words[part[-1]]
                known = known_forms(texts[first.index][first.start : last.end], sources)
                if known is not None and any(all(fold(w) in present for w in _WORD.findall(f)) for f in known.forms):
                    out.update(range(part[0], part[-1] + 1))
    return out


def _grouped(
    lost: list[tuple[_Word, str, Known | None]], texts: Sequence[str]
) -> list[tuple[_Word, str, Known | None]]:
    """Adjacent lost words of one sentence as one name (Donald Trump), strong if any word is."""
    out: list[tuple[_Word, str, Known | None]] = []
    for word, kind, known in lost:
        if out:
            prev, prev_kind, prev_known = out[-1]
            if prev.index == word.index and 0 < word.start - prev.end <= 1:
                text = texts[word.index][prev.start : word.end]
                merged = _Word(prev.index, prev.start, word.end, text, True, prev.at_start)
                out[-1] = (merged, "strong" if "strong" in (kind, prev_kind) else kind, prev_known or known)
                continue
        out.append((word, kind, known))
    return out


def _name(word: _Word) -> Name:
    return Name(0, Span(word.start, word.end), word.text)


def _accounted(word: _Word, originals: Sequence[_Word], sources: NameSources, src: str, tgt: str) -> bool:
    """A name of the translation that a word of the original renders (sound, inflection, exonym)."""
    if any(
        _same(o.text, word.text, src, tgt)
        or _similarity(o.text, word.text) >= ACCOUNTED
        # an abbreviation of the original written out (Rz → Rzeczpospolita)
        or (o.capital and len(o.text) <= 3 and word.folded.startswith(o.folded))
        for o in originals
        if len(o.text) >= 2
    ):
        return True
    forms = list(exonyms(word.text, tgt, src))
    if sources.gazetteer is not None:
        known = gazetteer_known(sources.gazetteer, word.text, tgt, src)
        forms += known.forms if known is not None else ()
    folded = {fold(w) for form in forms for w in form.split()}
    return any(_same(o.text, f, src, src) for o in originals for f in folded) if folded else False
