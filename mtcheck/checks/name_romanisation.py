"""A name of the original re-romanised instead of restored to its established Latin form."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.checks.pairs import pairs
from mtcheck.names.crossnames import CAPITALISED_THRESHOLD, FOUND, TRANSLITERATED, counterparts
from mtcheck.names.extract import PARTICLES, zipf
from mtcheck.names.known import ESTABLISHED_ZIPF, gazetteer_of, is_known, termbase_of
from mtcheck.names.morphology import best_parse, known_word
from mtcheck.names.namesdb import NamesDB, open_names_db
from mtcheck.names.originals import known_forms
from mtcheck.names.romanise import (
    FREQUENT_ZIPF,
    MATCH,
    case_stem,
    english_inflection,
    established_form,
    established_word,
    is_census_name,
    looks_romanised,
    reads_letter_by_letter,
    script_of_name,
    slavic_surname,
    standard_forms,
    standard_match,
)
from mtcheck.names.tokens import variants
from mtcheck.names.translit import CROSS_SCRIPT_THRESHOLD, SAME_SCRIPT_THRESHOLD, is_abjad, key, similarity
from mtcheck.read.languages import base_language, script_of
from mtcheck.read.words import iter_words
from mtcheck.types import Segment, Severity, Span

# Shorter words have too few letters to tell a spelling from another word (Ben / Bean, Jon / June).
MIN_LETTERS = 4

# Letter similarity (romanise.standard_match) below which a rendering is spelled in another
# orthography than the established form, not merely a letter off it. Set on the examples in
# _spelled_back and checked on 400 NTREX-128 ru/uk → en sentences; not tuned further.
SPELLED_APART = 0.6


@dataclass(frozen=True)
class _Rendering:
    """One word of an original name and the word of the translation that renders it."""

    original: str
    segment: Segment
    span: Span
    text: str


@check("name-romanisation", Severity.WARNING, needs=("pair",))
def name_romanisation(ctx: CheckContext) -> Iterator[Hit]:
    """Name re-romanised instead of restored to its established form.

    Bilingual mode, Latin-script translations, no model needed. Each word of an original
    name is paired with the capitalised word of the aligned translation that renders it
    (``mtcheck.names.crossnames``); in wire copy, so is any other capitalised word that sounds
    like a word of its aligned original, a name the extractor took for a common word
    (Германию, Оскар) or passed over. A rendering that is itself attested (termbase,
    gazetteer, names database, a word of the language by wordfreq, a US Census name) is
    never reported. Otherwise:

    * **spelled back letter by letter** (original in Cyrillic or Arabic script): the
      language has a frequent personal name with the transliteration key of the original
      (Cyrillic г also read as h) that sounds like it and has the rendering's syllables,
      Джонс → "Dzhons", Кларк → "Klark" or جونز → "Jwnz" (suggest Jones, Clark). Warning
      when the rendering is the original's letters and nothing more (a standard romanisation
      of the Cyrillic, ``LETTER_BY_LETTER``; an Arabic spelling read with no vowel it leaves
      unwritten) or shares few letters with that form (``SPELLED_APART``); info otherwise
      (Burnaston for برنستون: someone who knew the name supplied its vowels). A Russian or
      Ukrainian surname (-ов, -ский, -енко…) is the language's own and never reported. The
      form must keep what the original writes: a declined original is compared in the stem the
      rendering spells (Таєла rendered "Tayel" is Таєл, not Tail), a Cyrillic diphthong is no
      English lone short vowel (Дейвен is not Devin), and an Arabic final ya or alif is the
      form's final i or a (كاروليني is not Carolina). The form with an English plural or
      possessive -s is the rendering's own word (Transformers, Mordens), never a slip.
    * **re-romanised** (original in Cyrillic or Greek, whose romanisation is nearly
      deterministic): the rendering is far from every standard romanisation of the original
      (BGN/PCGN, ISO 9, KMU-2010, UNGEGN, anyascii; ``romanise.MATCH``), Новак → "Nufak",
      Кемпф → "Kimbf" (suggest Novak, Kempf). Warning when the rendering is written only
      with letters those systems use and keeps the standard form's transliteration key (the
      same name passed through another script); info otherwise, since a name restored to
      its own foreign spelling (Вёрман → Wöhrmann) looks the same from here.

    Three more cases need only that the rendering is a spelling nobody uses (wordfreq Zipf
    below ``UNATTESTED_ZIPF``, no census, termbase or desk-archive name):

    * **exonym passed over**: the original name has an established form in the language
      (CLDR, termbase, gazetteer) and the rendering spells the original instead, Испания →
      "Ispaniya" (suggest Spain);
    * **rendered two ways**: one original name is rendered as an attested form in one
      sentence and an unattested one in another, Кавано → "Kavanaugh" and "Kavano"; or, for
      a Cyrillic original, as its standard romanisation beside a form no romanisation gives
      (Трампа → "Tramp" beside "Trump": the translator knows the established form);
    * **spelled as a word the language has**: the rendering is a standard romanisation
      letter for letter (``LETTER_BY_LETTER``, one system's own spelling) or an Arabic
      spelling read back, and an attested word of the language shares the original's
      transliteration key and sounds just like it (``SAME_WORD``), Кройдон → "Kroydon"
      (suggest Croydon). A rare word (wordfreq Zipf 1.25 to 2.5) is as often a typo, a
      foreign word or another name, so it also needs a second source that it is a name
      written so (the census list, the gazetteer's own name of a place, the desk's archive,
      the termbase: روتنبرغ → "Rutnbrgh", Rothenberg) or, for Cyrillic, which writes every
      vowel, to sound exactly like the original (Нугрохо → "Nugrokho", Nugroho); against
      Cyrillic it must have the rendering's vowel letters, and it is never suggested over a
      rendering that is a place's own name in the gazetteer. For
      a Russian or Ukrainian original with a case ending, or an adjective made of a name,
      the word may be its stem's, where the original shows the ending is one (another
      case than the nominative, or the stem in another form): Лондонской → "Londonskoy"
      (London), Фуріка beside Фурік → "Furika" (Furyk);
    * **case ending carried over**: the rendering romanises the declined form of a Russian or
      Ukrainian dictionary word and not its dictionary form, Сенату → "Senatu", Кельні →
      "Kelni" (English never declines a name).

    And whether the rendering is attested or not (Tomas, Brid are names too):

    * **written otherwise elsewhere**: the rendering spells the original letter by letter,
      while the translation, in another sentence, writes a more established form that sounds
      like the original and is no such spelling (not a frequent word that only opens a sentence:
      "Will you come?" is no spelling of Вілл), Томас → "Tomas" beside "Thomas", واشنطن →
      "Washntn" beside "Washington" (suggest it). An attested rendering must be a spelling
      of that form (translit similarity ≥ 0.88), not another name (Harris beside Chris).
    """
    doc = ctx.document
    if script_of(doc.target_lang) != "Latn":
        return
    src, tgt = base_language(doc.source_lang), base_language(doc.target_lang)
    db = open_names_db(ctx.config.names_db) if ctx.config.names_db else None
    found_names = list(_renderings(ctx))
    aligned = list(_aligned_renderings(ctx, {(r.segment.id, r.span.start) for r in found_names}))
    renderings = [*found_names, *aligned]
    reported: set[tuple[str, int]] = set()
    for found in (
        *_exonym_passed_over(ctx, db, tgt),
        *(spelled for r in aligned if (spelled := _exonym_spelled(r, ctx, db, tgt, src)) is not None),
        *_odd_renderings(renderings, ctx, db, tgt, src),
        *_written_otherwise(renderings, ctx, db, tgt, src),
    ):
        where = (found.segment.id, found.span.start if found.span else -1)
        if where not in reported:
            reported.add(where)
            yield found
    for rendering in renderings:
        if (rendering.segment.id, rendering.span.start) in reported:
            continue
        declined = _declined(rendering, ctx, db, tgt, src)
        if declined is not None:
            yield declined
            continue
        hit: Hit | None = None
        if not _attested(rendering.text, ctx, db, tgt):
            # A rendering off every standard romanisation was re-romanised; one that is a standard
            # romanisation may still be an English name spelled back letter by letter.
            nearest = _nearest_standard(rendering, src)
            if nearest is not None and nearest.score < MATCH:
                hit = _re_romanised(rendering, nearest, ctx, db, tgt)
            else:
                hit = _spelled_back(rendering, tgt, src, nearest)
        if (hit is None or hit.severity is not None) and _unattested(rendering.text, ctx, db, tgt):
            hit = _spelled_as_word(rendering, tgt, src, ctx, db) or hit
        if hit is not None:
            yield hit


def _renderings(ctx: CheckContext) -> Iterator[_Rendering]:
    """Each word of each found original name with the target word that renders it, once."""
    seen: set[tuple[str, int]] = set()
    for counterpart in counterparts(ctx.names):
        if counterpart.status not in (FOUND, TRANSLITERATED):
            continue
        segment = counterpart.target
        words = [segment.target[s:e] for s, e in iter_words(segment.target)]
        spans = [Span(s, e) for s, e in iter_words(segment.target)]
        capitalised = [(span, w) for span, w in zip(spans, words, strict=True) if w[:1].isupper() and not w.isupper()]
        for word in _name_run(counterpart.original_text, counterpart.original.span):
            if word.casefold() in PARTICLES or len(word) < 2 or not (script_of_name(word) or is_abjad(word)):
                continue
            # An Arabic word carries its proclitics (لترامب "for Trump"): each reading without them
            # is compared, and the one that renders best is the name.
            scored = [
                (similarity(form, w), span.start, span, w, form)
                for form in (variants(word) if is_abjad(word) else (word,))
                for span, w in capitalised
            ]
            if not scored:
                continue
            score, _start, span, text, word = max(scored, key=lambda item: (item[0], -item[1], -len(item[4])))
            if score < CAPITALISED_THRESHOLD or (segment.id, span.start) in seen:
                continue
            seen.add((segment.id, span.start))
            if text.endswith(("'s", "’s")):  # Paltrow's: the possessive is not part of the name
                span, text = Span(span.start, span.end - 2), text[:-2]
            yield _Rendering(word, segment, span, text)


def _name_run(text: str, span: Span) -> list[str]:
    """The words of the name at ``span``, and the capitalised words right after it: a name
    the extractor cut short (Элин of Элин Джонс) is still checked whole."""
    words = [(s, e) for s, e in iter_words(text)]
    inside = [k for k, (s, e) in enumerate(words) if s < span.end and e > span.start]
    if not inside:
        return []
    lo, hi = inside[0], inside[-1]
    while hi + 1 < len(words) and text[words[hi + 1][0]].isupper() and text[words[hi][1] : words[hi + 1][0]] == " ":
        hi += 1
    return [text[s:e] for s, e in words[lo : hi + 1]]


# A capitalised word of the translation renders a word of its aligned original when it sounds
# this much like it (translit similarity): the same-script bar, since a romanisation keeps every
# sound the original spells (Germaniya / Германию 0.93, Furd / فورد 1.0, Bestvud / Бествуд 1.0).
RENDERS = SAME_SCRIPT_THRESHOLD
# Transliteration keys compared first (rapidfuzz ratio, 0..1), so that only likely pairs pay for
# the similarity (about 0.15 ms a pair): 173 of the 176 renderings injected into the dev half of
# bench/errors_bench.py keep at least this much of their original's key.
KEY_PREFILTER = 0.6


def _aligned_renderings(ctx: CheckContext, taken: set[tuple[str, int]]) -> Iterator[_Rendering]:
    """Capitalised words of the aligned translation that render a word of the original which the
    name extractor passed over: a name that is also a word of the language (Германию, Оскар,
    Гітлера), or an Arabic name in a sentence that quotes Latin text. Wire copy only (``taken``:
    the positions :func:`_renderings` already pairs)."""
    from rapidfuzz.fuzz import ratio

    src = base_language(ctx.document.source_lang)
    for pair in pairs(ctx):
        if not pair.aligned:
            continue
        forms = _original_forms(pair.source, src)
        if not forms:
            continue
        for segment in pair.targets:
            for start, end in iter_words(segment.target):
                text = segment.target[start:end]
                if text.endswith(("'s", "’s")):
                    text = text[:-2]
                if (segment.id, start) in taken or len(text) < 3 or not text.isascii() or not text.isalpha():
                    continue
                if not text[0].isupper() or text.isupper():
                    continue
                here = key(text)
                near = [(word, form) for word, form, k in forms if ratio(here, k) / 100 >= KEY_PREFILTER]
                scored = [(similarity(form, text), -n, word, form) for n, (word, form) in enumerate(near)]
                if not scored:
                    continue
                score, _n, word, form = max(scored)
                if score >= RENDERS:
                    yield _Rendering(form if is_abjad(word) else word, segment, Span(start, start + len(text)), text)


def _original_forms(text: str, src: str) -> list[tuple[str, str, str]]:
    """(word, form, key) for each word of an original sentence that could be a name: the word,
    its forms without clitics or case endings, and for Cyrillic its dictionary forms."""
    out = []
    for start, end in iter_words(text):
        for word in text[start:end].split("-"):
            if len(word) < 3 or not (script_of_name(word) or is_abjad(word)):
                continue
            if script_of_name(word) and not word[0].isupper():
                continue  # a cased script marks its names (Arabic has no case: every word is asked)
            options = [*variants(word), *(_lemmas(word, src) if script_of_name(word) == "Cyrl" else ())]
            out += [(word, form, key(form)) for form in dict.fromkeys(options)]
    return out


def _exonym_spelled(rendering: _Rendering, ctx: CheckContext, db: NamesDB | None, lang: str, src: str) -> Hit | None:
    """:func:`_exonym_passed_over` for a rendering the name extractor did not pair (Германию, a
    common word of Russian, rendered "Germaniya"): the original has an established form in the
    language (CLDR, termbase, gazetteer), the rendering is a spelling nobody uses, and it spells
    the original letter by letter rather than being a variant of that form."""
    originals = _lemmas(rendering.original, src) if script_of_name(rendering.original) else [rendering.original]
    known = next((k for o in originals if (k := known_forms(o, ctx.names)) is not None and not k.ambiguous), None)
    if known is None or any(rendering.text.casefold() == f.casefold() for f in known.forms):
        return None
    established = [f for f in known.forms if zipf(f.casefold(), lang) >= ESTABLISHED_ZIPF]
    if not established or not _unattested(rendering.text, ctx, db, lang):
        return None
    nearest = _nearest_standard(rendering, src)
    letters = nearest.score >= LETTER_BY_LETTER if nearest is not None else False
    if is_abjad(rendering.original):
        letters = reads_letter_by_letter(rendering.original, rendering.text)
    # A variant of the established form differs from it by a letter (Zaporizhzhya / Zaporizhzhia
    # 0.97); the original spelled with its own ending sounds further off (Germaniya / Germany 0.90).
    bar = SPELLING_VARIANT if letters else SAME_SCRIPT_THRESHOLD
    if any(similarity(rendering.text, f) >= bar for f in established):
        return None
    form = known.preferred if known.preferred in established else established[0]
    return Hit(
        rendering.segment,
        f"“{rendering.text}” spells “{rendering.original}” letter by letter; its name in this language is “{form}”",
        span=rendering.span,
        suggestion=form,
        evidence={
            "original_name": rendering.original,
            "rendering": rendering.text,
            "rendering_zipf": zipf(rendering.text.casefold(), lang),
            "established_form": form,
            "established_zipf": zipf(form.casefold(), lang),
            "known_from": known.source,
        },
    )


# A rendering this close to an established form (translit similarity) is a spelling of it, not
# the original spelled anew: Zaporizhzhya / Zaporizhzhia 0.97, Germaniya / Germany 0.90.
SPELLING_VARIANT = 0.95


def _declined(rendering: _Rendering, ctx: CheckContext, db: NamesDB | None, lang: str, src: str) -> Hit | None:
    """A Russian or Ukrainian name romanised with the case ending it has in the original
    sentence: Сенату (dative of Сенат) → "Senatu", Кельні → "Kelni". English never declines a
    name, so a rendering that is the romanisation of the declined form, and not of the
    dictionary form, carried the ending over. Told by the dictionary's (pymorphy3) best reading
    of the original word, which must be another form than its lemma and not a nominative, and
    only for a spelling nobody uses (:func:`_unattested`)."""
    if src not in ("ru", "uk") or script_of_name(rendering.original) != "Cyrl":
        return None
    if not _unattested(rendering.text, ctx, db, lang):
        return None
    # Only a reading from the dictionary: for a word it does not know, pymorphy3 guesses by the
    # ending, and takes the foreign names it meets for declined forms (Сутопо for Сутопа).
    parse = best_parse(rendering.original, src)
    if parse is None or "NOUN" not in parse.tag or "nomn" in parse.tag:
        return None
    if parse.normal_form == rendering.original.casefold() or not known_word(rendering.original, src):
        return None
    lemma = parse.normal_form[:1].upper() + parse.normal_form[1:]
    here = standard_forms(rendering.original, src)
    there = standard_forms(lemma, src)
    if not here or not there:
        return None
    if standard_match(rendering.text, here)[0] < LETTER_BY_LETTER:
        return None
    if standard_match(rendering.text, there)[0] >= LETTER_BY_LETTER:
        return None  # the dictionary form's spelling too (Келлі / Kelly): no ending carried over
    known = known_forms(lemma, ctx.names)
    suggestion = known.preferred or known.forms[0] if known is not None else None
    if suggestion is None:
        vouched = _vouched(ctx, db, lang)
        found = established_form(lemma, rendering.text, lang) or established_word(
            lemma, rendering.text, lang, vouched=vouched
        )
        suggestion = found[0][:1].upper() + found[0][1:] if found is not None and found[1] >= SAME_WORD else None
    if suggestion is None:
        suggestion = next(iter(there.values()))
    return Hit(
        rendering.segment,
        f"“{rendering.text}” keeps the case ending of “{rendering.original}”; the name is “{lemma}” ({suggestion})",
        span=rendering.span,
        suggestion=suggestion,
        evidence={
            "original_name": rendering.original,
            "rendering": rendering.text,
            "dictionary_form": lemma,
            "case": str(parse.tag.case),
            "standard_forms": dict(there),
        },
    )


def _attested(text: str, ctx: CheckContext, db: NamesDB | None, lang: str) -> bool:
    if db is not None and db.attested(text, lang):
        return True
    return is_census_name(text) or is_known(text, ctx.names)


def _spelled_back(rendering: _Rendering, lang: str, src: str, nearest: _Nearest | None) -> Hit | None:
    if not (is_abjad(rendering.original) or script_of_name(rendering.original) == "Cyrl"):
        return None
    # A declined original is compared in its dictionary form: Трампа is Трамп, as Trump is; and in
    # the stem the rendering spells, where it left the case ending out (Каєля as Каєл).
    originals = [_spelled_word(rendering, nearest, src)] if nearest is not None else [rendering.original]
    if any(slavic_surname(o) for o in originals):
        return None  # Smurov for Смуров is the name's own Latin form, whatever English has
    found = max(
        (f for f in (established_form(o, rendering.text, lang) for o in originals) if f is not None),
        key=lambda f: f[1],
        default=None,
    )
    # The rendering is a faithful romanisation here, so the established form must sound like
    # the original closely, as Jones does Джонс: Cyrillic writes every vowel (Понто is not Pinto).
    # (Arabic leaves short vowels out, but its cross-script bar, 0.8, lets guesses through on the
    # clean dev half of bench/errors_bench.py: جيغارد "Gegard" / Jared, إيرليج "Erlij" / Raleigh.)
    if found is None or found[1] < SAME_SCRIPT_THRESHOLD:
        return None
    form, score = found
    if english_inflection(rendering.text, form):
        return None  # the name with an English plural or possessive ending (Joneses, Jones)
    # Spelled back through another orthography, a name shares few letters with its English
    # form (Dzhons/Jones 0.55, Jwnz/Jones 0.44). One a letter or two off it is spelled back
    # too when it is the original's letters and nothing more: a standard romanisation of a
    # Cyrillic name (Klark for Кларк, not a name of English) or an Arabic spelling read with
    # no vowel the spelling leaves out (Tramb for ترامب). Otherwise (Menga / Meng, or
    # Burnaston for برنستون, whose vowels Arabic does not write) it is as often another
    # name: a hint only.
    apart = standard_match(rendering.text, {"established": form})[0] < SPELLED_APART
    sure = apart and not is_abjad(rendering.original)
    if is_abjad(rendering.original):
        sure = reads_letter_by_letter(rendering.original, rendering.text)
    elif nearest is not None and nearest.score >= LETTER_BY_LETTER:
        sure = True
    return Hit(
        rendering.segment,
        f"“{rendering.text}” spells “{rendering.original}” back letter by letter; the established form is “{form}”",
        span=rendering.span,
        suggestion=form,
        confidence=round(score, 2),
        evidence={
            "original_name": rendering.original,
            "rendering": rendering.text,
            "key": key(rendering.original),
            "established_form": form,
            "established_zipf": zipf(form.lower(), lang),
            "source": "wordfreq frequency of a US Census name (mtcheck/data/census_names.txt)",
        },
        severity=None if sure else Severity.INFO,
    )


@dataclass(frozen=True)
class _Nearest:
    """The standard romanisation nearest to a rendering."""

    score: float
    variant: str  # the original word or its dictionary form that was romanised
    forms: dict[str, str]  # system → form
    system: str


def _nearest_standard(rendering: _Rendering, src: str) -> _Nearest | None:
    if script_of_name(rendering.original) is None:
        return None
    options = []
    for variant in _lemmas(rendering.original, src):
        forms = standard_forms(variant, src)
        if forms:
            score, system = standard_match(rendering.text, forms)
            # ties go to the form whose length is the rendering's: Новака → Novak, not Novaka
            options.append(
                (score, -abs(len(forms[system]) - len(rendering.text)), _Nearest(score, variant, forms, system))
            )
    return max(options, key=lambda item: (item[0], item[1]))[2] if options else None


def _re_romanised(rendering: _Rendering, nearest: _Nearest, ctx: CheckContext, db: NamesDB | None, tgt: str) -> Hit:
    forms, system = nearest.forms, nearest.system
    suggestion, established = _preferred(rendering, nearest, ctx, db, tgt)
    # Sure only when the language or the desk uses the standard form (Novak, Kempf) and the
    # rendering is the same name through another script: only romanisation letters, same key.
    # A rare foreign name restored to its own spelling (Gjorge for Джордже) is none of these.
    confident = (
        established
        and looks_romanised(rendering.text, base_language(ctx.document.source_lang))
        and key(rendering.text) == key(suggestion)
    )
    return Hit(
        rendering.segment,
        f"“{rendering.text}” matches no standard romanisation of “{rendering.original}” ({system}: {forms[system]})",
        span=rendering.span,
        suggestion=suggestion,
        confidence=round(1 - nearest.score, 2),
        evidence={
            "original_name": rendering.original,
            "romanised_from": nearest.variant,
            "rendering": rendering.text,
            "standard_forms": dict(forms),
            "nearest": {"system": system, "form": forms[system], "similarity": round(nearest.score, 2)},
            "key": key(rendering.text),
            "same_key_as_suggestion": key(rendering.text) == key(suggestion),
        },
        severity=None if confident else Severity.INFO,
    )


def _spelled_word(rendering: _Rendering, nearest: _Nearest, src: str) -> str:
    """The form of the original that the rendering spells letter by letter: the nearest form
    (:func:`_nearest_standard`), or its stem where the rendering matched it only by leaving the
    case ending out (Kayel for Каєля: Каєл). English never declines a name, so the ending is no
    part of it, and a name that sounds like the declined form (Kayla) is not the one meant."""
    if standard_match(rendering.text, nearest.forms, endings=False)[0] >= LETTER_BY_LETTER:
        return nearest.variant
    stem = case_stem(nearest.variant)
    if stem is None:
        return nearest.variant
    forms = standard_forms(stem, src)
    spelled = bool(forms) and standard_match(rendering.text, forms, endings=False)[0] >= LETTER_BY_LETTER
    return stem if spelled else nearest.variant


def _spells_whole(text: str, original: str, src: str) -> bool:
    """Whether ``text`` is a standard romanisation of ``original`` with its ending, not only of a stem."""
    forms = standard_forms(original, src)
    return bool(forms) and standard_match(text, forms, endings=False)[0] >= LETTER_BY_LETTER


def _lemmas(word: str, lang: str) -> list[str]:
    """The word, and its dictionary forms where a morphology knows the language (Новака → Новак)."""
    if lang not in ("ru", "uk"):
        return [word]
    from mtcheck.names.morphology import keyer

    lemmas = sorted(keyer(lang)(word) - {word.casefold()})
    return [word, *(lemma[:1].upper() + lemma[1:] for lemma in lemmas)]


def _preferred(
    rendering: _Rendering, nearest: _Nearest, ctx: CheckContext, db: NamesDB | None, lang: str
) -> tuple[str, bool]:
    """What to suggest, and whether it is established: the standard form the desk or the
    language uses most; else the language's frequent name for the original (Джонс → Jones)
    or the nearest standard form, not established."""

    def use(form: str) -> float:
        return (db.attested(form, lang) if db is not None else 0) + zipf(form.lower(), lang)

    forms = list(dict.fromkeys(nearest.forms.values()))
    attested = [f for f in forms if use(f) >= ESTABLISHED_ZIPF or is_census_name(f) or is_known(f, ctx.names)]
    if attested:
        return max(attested, key=use), True
    established = established_form(rendering.original, rendering.text, lang)
    return (established[0] if established is not None else nearest.forms[nearest.system]), False


# A rendering rarer than this in the target language (wordfreq Zipf: under about once per
# 100 million words) is a spelling nobody uses, not a name form: Ispaniya, Kavano, Nyuport.
UNATTESTED_ZIPF = 1.0


def _unattested(text: str, ctx: CheckContext, db: NamesDB | None, lang: str) -> bool:
    """No word of the language, no name of the census, the termbase or the desk's archive.

    The gazetteer is not asked: its alternate names include transliterations of every kind
    (GeoNames lists "Nyuport" for Newport), which is what is being looked for here.
    """
    if zipf(text.casefold(), lang) >= UNATTESTED_ZIPF or is_census_name(text):
        return False
    if db is not None and db.attested(text, lang):
        return False
    return not termbase_of(ctx.names).lookup(text, lang)


# Punctuation that ends a sentence: the word after it (past any quotes or brackets) opens the
# next one, and is capitalised whatever it is.
_SENTENCE_END = regex.compile(r"[.!?…]")


def _bare(text: str) -> str:
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _exonym_passed_over(ctx: CheckContext, db: NamesDB | None, lang: str) -> Iterator[Hit]:
    """An original name with an established form in the target language (CLDR, termbase,
    gazetteer: Испания → Spain, Кельн → Cologne) rendered letter by letter instead, as a spelling
    the language does not use (Ispaniya, Kelni). A translator who restores the original's own
    spelling or another accepted one writes an attested word, and is left alone."""
    for found in counterparts(ctx.names):
        known = found.known
        if found.status != FOUND or known is None or known.ambiguous or found.target_span is None:
            continue
        text = _bare(found.target_text)
        if not text or any(text.casefold() == f.casefold() for f in known.forms):
            continue
        established = [f for f in known.forms if zipf(f.casefold(), lang) >= ESTABLISHED_ZIPF]
        if not established or not _unattested(text, ctx, db, lang):
            continue
        # Only the spelling of this name: the rendering must sound like the original (it does:
        # it was matched by transliteration) and be no form of the established name.
        if any(similarity(text, f) >= SAME_SCRIPT_THRESHOLD for f in established):
            continue
        form = known.preferred if known.preferred in established else established[0]
        yield Hit(
            found.target,
            f"“{text}” spells “{found.original.text}” letter by letter; its name in this language is “{form}”",
            span=Span(found.target_span.start, found.target_span.start + len(text)),
            source_span=found.original.span,
            suggestion=form,
            evidence={
                "original_name": found.original.text,
                "rendering": text,
                "rendering_zipf": zipf(text.casefold(), lang),
                "established_form": form,
                "established_zipf": zipf(form.casefold(), lang),
                "known_from": known.source,
            },
        )


def _odd_renderings(
    renderings: list[_Rendering], ctx: CheckContext, db: NamesDB | None, lang: str, src: str
) -> Iterator[Hit]:
    """One original name rendered two ways in one translation, one of them a spelling the
    language does not use and the other one it does: Кавано → "Kavanaugh" in three sentences
    and "Kavano" in a fourth. The original is the pivot, so the two need not look alike."""
    groups: list[tuple[set[str], list[_Rendering]]] = []
    for rendering in renderings:
        keys = _pivots(rendering.original, src)
        joined = [g for g in groups if g[0] & keys]
        merged = (keys.union(*(g[0] for g in joined)), [r for g in joined for r in g[1]] + [rendering])
        groups = [g for g in groups if not g[0] & keys] + [merged]
    for _keys, group in groups:
        forms = {_bare(r.text).casefold() for r in group}
        if len(forms) < 2:
            continue
        attested = [r for r in group if not _unattested(_bare(r.text), ctx, db, lang)]
        if not attested:
            continue
        # the form written most often; at a tie, the one the language uses most (Trump, not Tramp)
        usual = max(
            sorted({_bare(r.text) for r in attested}),
            key=lambda t: (sum(_bare(r.text) == t for r in group), zipf(t.casefold(), lang)),
        )
        usual_rendering = next(r for r in group if _bare(r.text) == usual)
        for rendering in group:
            text = _bare(rendering.text)
            if text.casefold() == usual.casefold():
                continue
            if english_inflection(text, usual):
                # one word in the singular and the plural (Sentinel, Sentinels), or with a
                # possessive s written without its apostrophe: not two spellings
                continue
            if not _unattested(text, ctx, db, lang) and not _romanised_not_restored(rendering, usual_rendering, src):
                continue
            yield Hit(
                rendering.segment,
                f"“{text}” renders “{rendering.original}”, which this translation writes “{usual}” elsewhere",
                span=Span(rendering.span.start, rendering.span.start + len(text)),
                suggestion=usual,
                evidence={
                    "original_name": rendering.original,
                    "rendering": text,
                    "rendering_zipf": zipf(text.casefold(), lang),
                    "elsewhere": usual,
                    "elsewhere_count": sum(_bare(r.text) == usual for r in group),
                },
            )


def _written_otherwise(
    renderings: list[_Rendering], ctx: CheckContext, db: NamesDB | None, lang: str, src: str
) -> Iterator[Hit]:
    """A name spelled letter by letter from the original where the translation writes it, in
    another sentence, in a form that is no such spelling and is the more established one:
    Томас → "Tomas" beside "Thomas", واشنطن → "Washntn" beside "Washington". The translator
    knows the name's form, so the rendering is a slip, whether or not it is a word or a name
    of its own (Tomas, Brid). The other form need not render the same word of an aligned
    sentence (a pronoun or a shortened name may stand there), only sound like the original."""
    from rapidfuzz.fuzz import ratio

    words: dict[str, int] = {}
    for segment in ctx.document.segments:
        before = 0
        for n, (start, end) in enumerate(iter_words(segment.target)):
            text = _bare(segment.target[start:end])
            # The first word of a sentence is capitalised whatever it is, and a sentence may open
            # anywhere in a segment (“Ah, good morning, Ivory! Care to watch…”): there a frequent
            # word of the language is that word, not a name (Care is no spelling of Карі); a rare
            # one is a name.
            opens = n == 0 or _SENTENCE_END.search(segment.target[before:start]) is not None
            first = opens and zipf(text.casefold(), lang) >= FREQUENT_ZIPF
            before = end
            if not first and len(text) >= 3 and text.isascii() and text[0].isupper() and not text.isupper():
                words[text] = words.get(text, 0) + 1
    for rendering in renderings:
        if len(rendering.text) < MIN_LETTERS:
            continue
        spelled = _spelled_from(rendering, rendering.text, src)
        unattested = _unattested(rendering.text, ctx, db, lang)
        if not spelled and not unattested:
            continue
        forms = _original_forms(rendering.original, src) or [(rendering.original, rendering.original, "")]
        # Cyrillic г is also a foreign h (Гарріс: Harris), as in romanise.lookup_keys
        forms += [(w, h, key(h)) for w, f, _k in forms if "г" in f.casefold() for h in [f.casefold().replace("г", "х")]]
        keys = {k or key(form) for _w, form, k in forms}
        here = zipf(rendering.text.casefold(), lang), words.get(rendering.text, 0)
        options = []
        for text, count in words.items():
            if text.casefold() == rendering.text.casefold() or len(text) < MIN_LETTERS:
                continue
            if not any(ratio(key(text), k) / 100 >= KEY_PREFILTER for k in keys):
                continue
            there = zipf(text.casefold(), lang), count
            if there[0] <= here[0] and there[1] <= here[1]:
                continue  # not the more established form, in the language or in this translation
            if max(similarity(form, text) for _w, form, _k in forms) < CROSS_SCRIPT_THRESHOLD:
                continue
            if spelled and _spelled_from(rendering, text, src):
                continue  # two spellings of the original (Aleksei, Alexei): neither is the slip
            if english_inflection(rendering.text, text):
                continue  # one name, with and without an English plural or possessive ending
            if not unattested and similarity(rendering.text, text) < SAME_SCRIPT_THRESHOLD:
                # A rendering that is a word or name of its own is a slip only as a spelling of
                # the other form (Tomas / Thomas 1.0), not as another name (Harris / Chris 0.82).
                continue
            options.append((there[1], there[0], text))
        if not options:
            continue
        count, _zipf, form = max(options)
        yield Hit(
            rendering.segment,
            f"“{rendering.text}” spells “{rendering.original}” letter by letter; "
            f"this translation writes it “{form}” elsewhere",
            span=rendering.span,
            suggestion=form,
            evidence={
                "original_name": rendering.original,
                "rendering": rendering.text,
                "rendering_zipf": zipf(rendering.text.casefold(), lang),
                "elsewhere": form,
                "elsewhere_count": count,
                "elsewhere_zipf": zipf(form.casefold(), lang),
            },
        )


def _spelled_from(rendering: _Rendering, text: str, src: str) -> bool:
    """Whether ``text`` is the original of ``rendering`` spelled letter by letter: one of its
    standard romanisations (Cyrillic, Greek) or its Arabic letters read back with no vowel the
    spelling leaves out."""
    if is_abjad(rendering.original):
        return reads_letter_by_letter(rendering.original, text)
    if script_of_name(rendering.original) is None:
        return False
    nearest = _nearest_standard(_Rendering(rendering.original, rendering.segment, rendering.span, text), src)
    return nearest is not None and nearest.score >= LETTER_BY_LETTER


def _romanised_not_restored(rendering: _Rendering, usual: _Rendering, src: str) -> bool:
    """A Cyrillic name written as its standard romanisation where the translation elsewhere
    writes it in a form no romanisation gives, its established one: Трамп → "Tramp" beside
    "Trump", Едвард → "Edvard" beside "Edward". The rendering may be a word or a name of its
    own (tramp, Edvard Munch); the translator's other sentences say which one is meant."""
    if script_of_name(rendering.original) != "Cyrl" or script_of_name(usual.original) != "Cyrl":
        return False
    here, there = _nearest_standard(rendering, src), _nearest_standard(usual, src)
    return here is not None and there is not None and here.score >= LETTER_BY_LETTER > there.score


def _pivots(word: str, lang: str) -> set[str]:
    """The forms of one original word that its other forms share: its lemmas where a morphology
    knows the language (Ньюпорте, Ньюпорта → Ньюпорт), its forms without clitics in Arabic."""
    if is_abjad(word):
        return set(variants(word))
    return {lemma.casefold() for lemma in _lemmas(word, lang)}


# A rendering this close to a standard romanisation (romanise.standard_match) is that form,
# letter for letter (Kroydon, Ekselsior); Haeder for Хедер (0.91 to Heder) is a spelling of its own.
LETTER_BY_LETTER = 0.95
# The word of the language a rendering should have been must sound like the original this
# closely (translit similarity): Кройдон / Croydon 1.0, Эксельсиор / Excelsior 1.0.
SAME_WORD = 0.9


def _spelled_as_word(rendering: _Rendering, lang: str, src: str, ctx: CheckContext, db: NamesDB | None) -> Hit | None:
    """A name spelled back letter by letter where the language has a frequent word with the
    transliteration key of the original that sounds just like it (Кройдон → "Kroydon": Croydon;
    Эксельсиор → "Ekselsior": Excelsior), and the rendering itself is used by nobody."""
    if not rendering.text.isascii():
        return None  # Veltzé: a foreign name restored to its own spelling, not a romanisation
    original = rendering.original
    if script_of_name(original) == "Cyrl":
        # Letter by letter means one of the standard romanisations (Kroydon is Кройдон's BGN/PCGN
        # form); a name restored to its own spelling is not one (Haeder for Хедер). The word is
        # compared in the declension the rendering romanises: Кройдоні is Кройдон.
        nearest = _nearest_standard(rendering, src)
        if nearest is None or nearest.score < LETTER_BY_LETTER or slavic_surname(nearest.variant):
            return None
        # y, i and j are one letter to the systems' comparison, not to one system: Barreira is
        # none of Баррейра's forms (Barreyra, Barrejra) but the name's own Portuguese spelling.
        if standard_match(rendering.text, nearest.forms, exact=True)[0] < LETTER_BY_LETTER:
            return None
        original = _spelled_word(rendering, nearest, src)
    elif not is_abjad(original) or not reads_letter_by_letter(original, rendering.text):
        # An Arabic name written with vowels its spelling leaves out was read by someone who
        # knew it (Burnaston for برنستون), not spelled back.
        return None
    # the original as written too: a rendering may spell a form the dictionary guessed (Коронада);
    # but only one that spells it whole. A rendering that left the case ending out is the name
    # in English, which never declines one, and a word sounding like the declined form takes its
    # ending for part of the name (Kaylee for Каєле, vocative of Каєл, rendered "Kayel").
    whole = not script_of_name(original) or _spells_whole(rendering.text, rendering.original, src)
    originals = dict.fromkeys((original, rendering.original) if whole else (original,))
    # A rendering that is itself a word or a place's name somewhere is a spelling of its own, not
    # to be called wrong in favour of a rare word: only a frequent one (RARE_WORD_ZIPF) may be
    # suggested over it.
    vouched = None if _spelling_of_its_own(rendering.text, ctx, lang) else _vouched(ctx, db, lang)
    found = _best(established_word(o, rendering.text, lang, vouched=vouched) for o in originals)
    message = f"“{rendering.text}” spells “{rendering.original}” back letter by letter; the language writes it “{{}}”"
    if (found is None or found[1] < SAME_WORD) and src in ("ru", "uk"):
        found = _best(_established_stem(o, rendering, lang, src, ctx, vouched) for o in originals)
        message = f"“{rendering.text}” romanises “{rendering.original}” with its case ending; the name is “{{}}”"
    if found is None or found[1] < SAME_WORD:
        return None
    form, score = found
    form = form[:1].upper() + form[1:]
    if form.casefold() == rendering.text.casefold() or english_inflection(rendering.text, form):
        # the word itself with an English plural or possessive ending (Transformers for the
        # plural Трансформери): the language's own form, not a spelling of the original
        return None
    return Hit(
        rendering.segment,
        message.format(form),
        span=rendering.span,
        suggestion=form,
        confidence=round(score, 2),
        evidence={
            "original_name": rendering.original,
            "rendering": rendering.text,
            "rendering_zipf": zipf(rendering.text.casefold(), lang),
            "key": key(rendering.original),
            "established_form": form,
            "established_zipf": zipf(form.casefold(), lang),
            "source": "wordfreq: a frequent word of the language with the original's transliteration key",
        },
    )


def _established_stem(
    original: str,
    rendering: _Rendering,
    lang: str,
    src: str,
    ctx: CheckContext,
    vouched: Callable[[str], bool] | None,
) -> tuple[str, float] | None:
    """The established word for the stem of a declined Cyrillic name, which a rendering spelled
    with its case ending (Фуріка → "Furika": Furyk; Дастину → "Dastinu": Dustin), or for the
    name an adjective was made of (Лондонской → "Londonskoy": London). Only where the original
    shows the ending is one: the dictionary reads the word in another case than the nominative,
    or the original has the name in another form (Фурік beside Фуріка); Менга alone may be a
    name in -а. A stem that is a Russian or Ukrainian surname's is the language's own."""
    stem = case_stem(original)
    if stem is None or slavic_surname(stem) or not _declined_here(rendering.original, stem, src, ctx):
        return None
    forms = standard_forms(stem, src)
    if not forms:
        return None
    if standard_match(rendering.text, forms, endings=False)[0] >= LETTER_BY_LETTER:
        # The rendering is the stem's own romanisation (Kayel for Каєлу): no ending was carried
        # over, and a word sounding like the stem is another name, not the one it should restore.
        return None
    spelled = forms.get("anyascii", next(iter(forms.values())))
    return established_word(stem, rendering.text, lang, spelled=spelled, vouched=vouched)


def _best(found: Iterable[tuple[str, float] | None]) -> tuple[str, float] | None:
    return max((f for f in found if f is not None), key=lambda f: f[1], default=None)


def _declined_here(word: str, stem: str, src: str, ctx: CheckContext) -> bool:
    """Whether ``word`` is a declined form of ``stem``, by the dictionary's reading of it (a case
    other than the nominative) or by another form of the stem in the original. Only a reading
    from the dictionary (as in :func:`_declined`): for a word it does not know, pymorphy3 guesses
    by the ending, and takes foreign names for declined forms (Эльфего, Тромбини, Косола)."""
    parse = best_parse(word, src) if known_word(word, src) else None
    if parse is not None and parse.tag.case not in (None, "nomn"):
        return True
    folded, stem_folded = word.casefold(), stem.casefold()
    for segment in ctx.document.original or ():
        for start, end in iter_words(segment.target):
            other = segment.target[start:end].casefold()
            if other != folded and (other == stem_folded or case_stem(other) == stem_folded):
                return True
    return False


def _vouched(ctx: CheckContext, db: NamesDB | None, lang: str) -> Callable[[str], bool]:
    """Whether a second source, apart from wordfreq, has a word as a name written so: the US
    Census list, the gazetteer as a place's own name (not an alternate name: those include
    transliterations of every kind, "Kroydon" for Croydon), the desk's archive or the termbase.
    For :func:`romanise.established_word`'s rare candidates."""
    gazetteer = gazetteer_of(ctx.names)
    termbase = termbase_of(ctx.names)

    def vouched(word: str) -> bool:
        name = word[:1].upper() + word[1:]
        if is_census_name(name) or termbase.lookup(name, lang) or (db is not None and db.attested(name, lang)):
            return True
        return gazetteer is not None and any(p.status == "preferred" for p in gazetteer.lookup(name))

    return vouched


def _spelling_of_its_own(text: str, ctx: CheckContext, lang: str) -> bool:
    """A rendering that wordfreq has at all, or the gazetteer as a place's own name: whatever
    sounds like it, it is a spelling someone uses."""
    if zipf(text.casefold(), lang) > 0:
        return True
    gazetteer = gazetteer_of(ctx.names)
    return gazetteer is not None and any(p.status == "preferred" for p in gazetteer.lookup(text))
