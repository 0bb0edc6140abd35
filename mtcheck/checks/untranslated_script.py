"""Text left in the source language's script inside a translation.

In running text (wire copy, articles) names, handles, links and code stay in the source's
letters on purpose; what counts is a fragment with an everyday word of the source language. So
a run of words rare in the source language (wordfreq; products, handles and coinages such as
"tailwind"), a run that the original writes as a name (capitalised mid-sentence: Global Citizen,
Ballon d'Or), and HTML character references (``&quot;``) are left alone.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterator

import regex

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.checks.pairs import pairs
from mtcheck.checks.untranslated import reads_as_other_language
from mtcheck.read.confusables import confusables
from mtcheck.read.languages import script_of
from mtcheck.read.words import iter_words, word_spans
from mtcheck.types import Severity, Span

_SCRIPT_NAME = {"Arab": "Arabic", "Cyrl": "Cyrillic", "Latn": "Latin", "Grek": "Greek", "Hebr": "Hebrew"}
_SCRIPT_PREFIX = {"Arab": "ARABIC", "Cyrl": "CYRILLIC", "Latn": "LATIN", "Grek": "GREEK", "Hebr": "HEBREW"}


def _script(word: str) -> str | None:
    """The script of the first letter of ``word`` (None for a script not listed, or no letter)."""
    for char in word:
        if char.isalpha():
            return _letter_script(char)
    return None


@functools.lru_cache(maxsize=4096)  # a pure function of one letter: a text uses few of them
def _letter_script(char: str) -> str | None:
    name = unicodedata.name(char, "")
    for script, prefix in _SCRIPT_PREFIX.items():
        if name.startswith(prefix):
            return script
    return None


# punctuation that joins a word to code: options, anchors, paths, identifiers, MIME types,
# locale codes, key combinations and argument lists written without spaces ("--sysv",
# "auto_start_reverse", "application/xml", "sr@latin", "Ctrl+click", "(dx,dy)", "stdio.h")
_CODE_BEFORE = frozenset("-#$[]/\\.=%_@,:+|")
_CODE_AFTER = frozenset("(=[_/@,:+|")
_OPENING = frozenset("([«'\"“‘„")


_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);?")
_APOSTROPHE = re.compile(r"['’]")
# In running text only a complete reference counts: "AT&T" is a name, "&amp;" markup.
_CHARACTER_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#\d+|#x[0-9A-Fa-f]+);")


def _mixed(word: str) -> bool:
    """Letters of two scripts in one word: a look-alike slipped in ("Mерида", "Iнодов")."""
    return len({_script(c) for c in word if c.isalpha()}) > 1


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _kept_on_purpose(
    target: str,
    source: str | None,
    foreign: list[tuple[int, int]] | None = None,
    words: list[tuple[int, int]] | None = None,
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Word spans of a localisation unit left as they are on purpose: (code, names).

    Only for paired units (PO, XLIFF…): placeholders, markup, URLs and e-mail addresses
    are code; a target that copies its whole source is the untranslated check's to
    judge; acronyms ("ID", "USB") stay Latin in Cyrillic and Arabic text; and a word
    copied verbatim from the source stays on purpose when it looks like a name or code:
    capitalised ("Firefox"), with a digit ("OAuth2"), one letter ("X"), camelCase
    ("eMachines"), joined by "-", "_" or "." ("read-bytes"), or written as an option,
    anchor or file name ("--sysv", "#textLabels", "*.zip"). A copied plain lowercase
    word ("small") may still be an untranslated fragment and is not kept.

    Code ends a run of foreign words; a name joins a run that holds an untranslated word
    ("is Forbidden Rules"), since a copied Title Case phrase is an untranslated one.

    ``foreign``: the word spans the caller asks about (those in the source's script); other
    words are not looked at. ``words``: the target's word spans, when the caller has them.
    """
    if source is None:
        return _names_in_running_text(target)
    if words is None:
        words = list(iter_words(target))
    if target.strip() == source.strip() or source in ("translator-credits", "translator_credits"):
        return set(words), set()  # a whole copy, or gettext's list of translators' names
    from mtcheck.read.textspans import code_spans

    code = code_spans(target)
    code += [m.span() for m in _ENTITY.finditer(target)]
    source_words = {source[s:e] for s, e in iter_words(source)}
    quoted = [w for w in source_words if "'" in w or "’" in w]
    source_words |= {part for w in quoted for part in _APOSTROPHE.split(w)}  # "Inkscape's"
    source_folded = {w.casefold() for w in source_words}
    acronyms = {w.lower() for w in source_words if len(w) > 1 and w.isupper()}
    kept: set[tuple[int, int]] = set()
    names: set[tuple[int, int]] = set()
    for start, end in words if foreign is None else foreign:
        word = target[start:end]
        if (
            any(start < e and s < end for s, e in code)
            or (len(word) > 1 and word.isupper())  # an acronym: "ID", "USB"
            or word.lower() in acronyms  # the source's acronym in lower case: "HTTP" → "http"
            or len(word) == 1  # a variable or axis: "x", "z"
            or ("-" in word and any(not _is_latin(c) for c in word if c.isalpha()))  # "HTML-сторінкою"
        ):
            kept.add((start, end))
            continue
        if word not in source_words and not (word[0].isupper() and word.casefold() in source_folded):
            continue  # copied, or copied with a capital ("level 2" → "Level 2")
        before = target[start - 1] if start else ""
        after = target[end] if end < len(target) else ""
        line_start = target.rfind("\n", 0, start) + 1
        # a help text's option or command at the start of an indented line: "   erase CHAR"
        listed = target[line_start:start].isspace() and start - line_start >= 2
        name_like = len(word) == 1 or not word[0].islower() or any(c.isdigit() for c in word)
        code_like = (
            any(c in "-_." for c in word)
            or any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
            or before in _CODE_BEFORE
            or after in _CODE_AFTER
            or (after == "." and end + 1 < len(target) and target[end + 1].isalnum())
            or before in _OPENING  # a code quoted or in brackets: "(ar)", "«test EXPR»"
            or listed
        )
        if code_like:
            kept.add((start, end))
        elif name_like:
            names.add((start, end))
    return kept, names


# Handles and code in running text: "#hashtag", "@user", "$TICKER", "a/b", "id=sec1",
# "snake_case", "cal.com", which no translator renders into another script.
_HANDLE_BEFORE = frozenset("#@$/\\=_")
_HANDLE_AFTER = frozenset("=_/@")


def _names_in_running_text(target: str) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """(code, names) of a sentence that has no paired source: wire copy, articles.

    Translators of news into Cyrillic or Arabic script keep many names in Latin letters
    ("Facebook", "BBC", "iPhone 15"); an untranslated fragment shows itself by its
    lower-case words ("the talks will continue"). So in a cased script, acronyms and
    single letters are kept, as are URLs, e-mail addresses, markup, hashtags, handles and
    file or domain names; capitalised, camelCase or digit-bearing words are names
    that count only beside a lower-case word. Caseless scripts (Arabic) have no such
    signal: every word of theirs still counts.
    """
    from mtcheck.read.textspans import code_spans

    code = code_spans(target)
    # An HTML character reference left in the text (&quot;, &amp;, &#39;) is markup escaped
    # twice, a defect of the text's encoding, not a word in another language.
    code += [m.span() for m in _CHARACTER_REFERENCE.finditer(target)]
    kept: set[tuple[int, int]] = set()
    names: set[tuple[int, int]] = set()
    for start, end in iter_words(target):
        word = target[start:end]
        before = target[start - 1] if start else ""
        after = target[end] if end < len(target) else ""
        if (
            len(word) == 1
            or (word.isupper() and any(c.isalpha() for c in word))
            or _initialism(word)
            or any(start < e and s < end for s, e in code)
            or before in _HANDLE_BEFORE
            or after in _HANDLE_AFTER
            or (after == "." and end + 1 < len(target) and target[end + 1].isalnum())
            or (before == "." and start >= 2 and target[start - 2].isalnum())
        ):
            kept.add((start, end))
        elif (
            word[0].isupper()
            or any(c.isdigit() for c in word)
            or any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
        ):
            names.add((start, end))
    return kept, names


_VOWEL_LETTERS = frozenset("aeiouy")


def _initialism(word: str) -> bool:
    """A lower-case Latin word with no vowel letter is read letter by letter: an initialism
    as surely as "USB" ("css", "tbh", "ps"). English spelling gives every word a vowel
    letter; the few without (interjections: "hmm", "shh") are no untranslated prose either."""
    return word.isascii() and word.isalpha() and word.islower() and not _VOWEL_LETTERS & set(word)


def _glossed(text: str, start: int, end: int) -> bool:
    """A term or title given with its translation in brackets, or in brackets after it:
    "I Love it (Я це люблю)", "الحراك بالنقر (clicktivism)". The translator kept the
    original on purpose, beside its rendering. A term is short, and one before its gloss
    is a single word or a title (capitalised); prose left untranslated is neither."""
    run = text[start:end]
    if len(run.split()) > 4 or not (" " not in run or run[:1].isupper()):
        return False
    before, after = text[:start].rstrip(" \"'“”«»"), text[end:].lstrip(" \"'“”«»")
    if before.endswith("(") and after.startswith(")"):
        return True
    return after.startswith("(") and not _LATIN_LETTER.search(after[1 : after.find(")") if ")" in after else None])


_LATIN_LETTER = regex.compile(r"\p{Script=Latin}")


# A word this frequent (wordfreq Zipf) in a Latin-script language is a function word
# there: "of", "the", "on", "des", "de", "la", "von".
FUNCTION_WORD_ZIPF = 6.0


def _title_phrase(run: list[tuple[int, int]], names: set[tuple[int, int]], text: str) -> bool:
    """A name of several words kept in Latin letters: capitalised words, with only function
    words between them ("Brewers of Europe", "Newport on the Levee", "Comité Européen des
    Entreprises Vins"). An untranslated fragment has lower-case content words ("the talks
    will continue")."""
    from mtcheck.names.extract import zipf
    from mtcheck.names.originals import LATIN_PEERS

    def function_word(span: tuple[int, int]) -> bool:
        word = text[span[0] : span[1]].casefold()
        return max(zipf(word, lang) for lang in LATIN_PEERS) >= FUNCTION_WORD_ZIPF

    return run[0] in names and run[-1] in names and all(w in names or function_word(w) for w in run)


def _aligned_original(ctx: CheckContext, segment_id: str) -> str | None:
    """Wire copy: the original sentence(s) aligned with the segment, or None."""
    if ctx.document.original is None:
        return None  # no aligned pair without an original (pairs.make_pairs): units are not looked through
    for pair in pairs(ctx):
        if pair.aligned and any(seg.id == segment_id for seg in pair.targets):
            return pair.source
    return None


def _quoted_from_third_language(ctx: CheckContext, segment_id: str, text: str) -> bool:
    """Wire copy: the run stands as it is in the aligned original sentence, where it is a
    quotation in a third language ("Il faut bien le faire" in an English article)."""
    original = _aligned_original(ctx, segment_id)
    if original is None or text not in original:
        return False
    words = [text[s:e] for s, e in iter_words(text)]
    return reads_as_other_language(words, ctx.document.source_lang)


# Below this wordfreq Zipf frequency in the source language a word is no everyday word of it:
# untranslated prose is made of everyday words ("the talks will continue", "yet", "small"), while
# a rare one kept in Latin letters is a product, a handle or a coinage ("tailwind", "flightaware",
# "masto-peeps"), which a translator of running text keeps as written.
RARE_SOURCE_ZIPF = 3.0


def _rare_in_source(words: list[str], lang: str) -> bool:
    from mtcheck.names.extract import zipf

    return all(zipf(word.casefold(), lang) < RARE_SOURCE_ZIPF for word in words)


_SENTENCE_START = regex.compile(r"(?:^|[.!?…:]\s*)[\s\"'“”«»‘’(\[]*$")


def _name_in_original(original: str, text: str) -> bool:
    """Wire copy: the run is a name in a sentence of the original, kept as the original writes it:
    each of its words there capitalised or a function word, and one capitalised where no sentence
    starts (Global Citizen, Ballon d'Or, the song I Love it). The original's letter case marks a
    name, in any of its sentences (a name given as "Global Citizen" once may open a sentence as
    "Global citizen" later); untranslated prose ("Reuters reported", "We must do it well") has a
    lower-case content word, or its only capital opens a sentence."""
    from mtcheck.names.extract import zipf
    from mtcheck.names.originals import LATIN_PEERS

    words = [w for w in regex.split(r"\W+", text) if w]
    if not words:
        return False
    pattern = regex.compile(r"(?<!\w)" + r"\W+".join(regex.escape(w) for w in words) + r"(?!\w)", regex.IGNORECASE)
    for match in pattern.finditer(original):
        spans = [(s + match.start(), e + match.start()) for s, e in iter_words(match.group())]
        capital = [any(c.isupper() for c in original[s:e]) for s, e in spans]
        function = [max(zipf(original[s:e].casefold(), p) for p in LATIN_PEERS) >= FUNCTION_WORD_ZIPF for s, e in spans]
        named = any(c and not _SENTENCE_START.search(original[:s]) for c, (s, _e) in zip(capital, spans, strict=True))
        if named and all(c or f for c, f in zip(capital, function, strict=True)):
            return True
    return False


def _handles_in_original(original: str, text: str, run: list[tuple[int, int]]) -> bool:
    """Wire copy: each word of the run is a handle, tag or ticker in the original ("$big",
    "#MastodonFC", "@user5"), which the translation kept without its sign: a name of an
    account or a share, not a word of the source language."""
    signs = "".join(regex.escape(c) for c in _HANDLE_BEFORE if c in "#@$")
    return all(
        regex.search(rf"[{signs}]{regex.escape(text[s:e])}(?![\w])", original, regex.IGNORECASE) is not None
        for s, e in run
    )


@check("untranslated-script", Severity.WARNING)
def untranslated_script(ctx: CheckContext) -> Iterator[Hit]:
    """Words left in the source language's script."""
    doc = ctx.document
    source_script, target_script = script_of(doc.source_lang), script_of(doc.target_lang)
    if source_script == target_script or source_script not in _SCRIPT_NAME:
        return  # same script: an untranslated word cannot be told by its letters
    letters_of_source = regex.compile(rf"\p{{Script={_SCRIPT_NAME[source_script]}}}")
    # word → whether it is in the source's script: a catalogue repeats its words, and the
    # answer is a function of the word alone
    is_foreign: dict[str, bool] = {}
    spans = ctx.memo.setdefault("word_spans", {})
    for seg in doc.segments:
        if not letters_of_source.search(seg.target):
            continue
        run: list[tuple[int, int]] = []
        words = word_spans(seg.target, spans)
        foreign = []
        for s, e in words:
            word = seg.target[s:e]
            known = is_foreign.get(word)
            if known is None:
                # a word disguised with look-alike letters is confusable-letters' to report, the right way round
                known = is_foreign[word] = _script(word) == source_script and not confusables(word)
            if known:
                foreign.append((s, e))
        if not foreign:
            continue
        if seg.source is not None and all(e - s == 1 or seg.target[s:e].isupper() for s, e in foreign):
            continue  # single letters and acronyms only: kept whatever else the unit holds (_kept_on_purpose)
        code, names = _kept_on_purpose(seg.target, seg.source, foreign, words)
        foreign_set = set(foreign) - code
        for start, end in [*words, (len(seg.target), len(seg.target))]:
            if start < end and (start, end) in foreign_set:
                run.append((start, end))  # names count only beside a word that is not kept
                continue
            if run and (all(w in names for w in run) or (seg.source is None and _title_phrase(run, names, seg.target))):
                run = []
            if run and seg.source is None and _glossed(seg.target, run[0][0], run[-1][1]):
                run = []
            if run and _quoted_from_third_language(ctx, seg.id, seg.target[run[0][0] : run[-1][1]]):
                run = []
            if run and seg.source is None and _rare_in_source([seg.target[s:e] for s, e in run], doc.source_lang):
                run = []
            if run and seg.source is None and doc.original is not None:
                named = seg.target[run[0][0] : run[-1][1]]
                if any(
                    _name_in_original(o.target, named) or _handles_in_original(o.target, seg.target, run)
                    for o in doc.original
                    if named.casefold() in o.target.casefold()
                ):
                    run = []
            if run:
                span = Span(run[0][0], run[-1][1])
                text = span.of(seg.target)
                # in a paired unit, one lowercase word copied from the source is more often a
                # command or keyword ("tail", "stat") than an untranslated fragment: it informs
                loose = [w for w in run if w not in names]
                phrase = len(run) > 1 and text in (seg.source or "")  # "is Forbidden Rules" copied whole
                copied = (
                    seg.source is not None
                    and len(loose) == 1
                    and seg.target[loose[0][0] : loose[0][1]] in seg.source
                    and not phrase
                    and not _mixed(text)
                )
                yield Hit(
                    seg,
                    f"{len(run)} word(s) left in {source_script} script: “{text}”",
                    span=span,
                    evidence={"script": source_script, "expected_script": target_script},
                    severity=Severity.INFO if copied else None,
                )
                run = []
