"""The checks made cheap for issue 14, as they were before (main at 30af57d): the oracle.

tests/test_findings_stable.py runs these and the optimised checks on the same generated
catalogues and asks for the same hits. The code is the old code, unchanged but for the
registration decorators (these are plain functions) and the imports; it is kept here, as
code, so that the comparison is against the old algorithm and not against output of the
code under test.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import Any

import regex

from mtcheck.checks.base import CheckContext, Hit
from mtcheck.read.confusables import Confusable, _lookalike, _script
from mtcheck.read.languages import base_language, script_of
from mtcheck.types import Segment, Severity, Span


# --- mtcheck/read/words.py
def iter_words(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of word tokens (letters, marks, digits, inner apostrophes and hyphens)."""
    for match in _WORD_PATTERN.finditer(text):
        yield match.start(), match.end()


_WORD_PATTERN: Any = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")


# --- mtcheck/read/confusables.py
_PART = regex.compile(r"[\p{L}\p{M}]+")


def confusables(word: str, preferred_script: str | None = None) -> list[Confusable]:
    """The look-alike letters of ``word``: empty unless a part mixes scripts confusably."""
    found: list[Confusable] = []
    for part in _PART.finditer(word):
        found.extend(_in_part(part.group(), part.start(), preferred_script))
    return found


def _in_part(part: str, offset: int, preferred: str | None) -> Iterator[Confusable]:
    scripts = [_script(c) if c.isalpha() else "" for c in part]
    counts: dict[str, int] = {}
    for script in scripts:
        if script and script not in ("Zyyy", "Zinh"):
            counts[script] = counts.get(script, 0) + 1
    if len(counts) < 2:
        return
    # the main script: the one most letters are in; on a tie, the text's own script
    main = max(counts, key=lambda s: (counts[s], s == preferred))
    hits = []
    for i, (char, script) in enumerate(zip(part, scripts, strict=True)):
        if script and script != main and script in counts:
            intended = _lookalike(char, main)
            if intended is None:
                return  # a letter with no look-alike: real mixed usage, not a disguise
            hits.append(Confusable(offset + i, char, script, intended, main))
    yield from hits


# --- mtcheck/checks/confusable_letters.py
def confusable_letters(ctx: CheckContext) -> Iterator[Hit]:
    """Word spelt with look-alike letters of another script."""
    preferred = script_of(ctx.document.target_lang)
    for seg in ctx.document.segments:
        if seg.target.isascii():
            continue
        for start, end in iter_words(seg.target):
            word = seg.target[start:end]
            if word.isascii():
                continue
            found = confusables(word, preferred)
            if not found:
                continue
            fixed = list(word)
            for c in found:
                fixed[c.offset] = c.intended
            scripts = sorted({c.script for c in found})
            yield Hit(
                seg,
                f"“{word}” mixes scripts: {'; '.join(c.describe() for c in found)}",
                span=Span(start, end),
                suggestion="".join(fixed),
                evidence={
                    "characters": [f"U+{ord(c.char):04X}" for c in found],
                    "intended": [f"U+{ord(c.intended):04X}" for c in found],
                    "scripts": scripts,
                    "word_script": found[0].intended_script,
                },
            )


# --- mtcheck/checks/hidden_characters.py
_JOINERS = {"\u200c", "\u200d"}  # ZWNJ/ZWJ are part of correct spelling in Arabic-script Persian, Indic…
_EMBEDDINGS = {"\u202a", "\u202b", "\u202d", "\u202e"}  # LRE RLE LRO RLO, closed by PDF
_PDF = "\u202c"
_ISOLATES = {"\u2066", "\u2067", "\u2068"}  # LRI RLI FSI, closed by PDI
_PDI = "\u2069"
_CONTROLS = _EMBEDDINGS | _ISOLATES | {_PDF, _PDI}
_MARKS = {"\u200e", "\u200f", "\u061c"}  # LRM RLM ALM
_RTL_CLASSES = {"R", "AL"}


def hidden_character(ctx: CheckContext) -> Iterator[Hit]:
    """Invisible control character inside a word, or a bidi control that can reorder text."""
    allowed = _JOINERS if script_of(ctx.document.target_lang) != "Latn" else set()
    for seg in ctx.document.segments:
        if seg.target.isascii():
            continue
        yield from _bidi_controls(seg)
        yield from _marks_in_ltr_words(seg)
        yield from _format_chars_in_words(seg, allowed)


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, '?')}"


def _bidi_controls(seg: Segment) -> Iterator[Hit]:
    text = seg.target
    positions = [i for i, c in enumerate(text) if c in _CONTROLS]
    if not positions:
        return
    has_rtl = any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text)
    flagged = set(positions) if not has_rtl else _unbalanced(text, positions)
    reason = "in a segment with no right-to-left text" if not has_rtl else "unbalanced in the segment"
    for i in sorted(flagged):
        # inside a word, point at the word and suggest it without the control
        start, end = _word_around(text, i)
        clean = "".join(c for c in text[start:end] if c not in _CONTROLS)
        yield Hit(
            seg,
            f"bidi control {_name(text[i])} {reason}: it can reorder how the text displays",
            span=Span(start, end),
            suggestion=clean,
            evidence={"characters": [_name(text[i])], "rule": "bidi-control"},
        )


def _word_around(text: str, i: int) -> tuple[int, int]:
    """The span of the word that the format character at ``i`` stands in, or of the character alone."""
    return next(((s, e) for s, e in _words_with_format_chars(text) if s <= i < e), (i, i + 1))


def _unbalanced(text: str, positions: list[int]) -> set[int]:
    """Controls with no partner: openers never closed, closers with nothing open (UAX #9 pairing, simplified)."""
    stack: list[int] = []  # open embeddings and isolates, innermost last
    bad: set[int] = set()
    for i in positions:
        char = text[i]
        if char in _EMBEDDINGS or char in _ISOLATES:
            stack.append(i)
        elif char == _PDF:
            if stack and text[stack[-1]] in _EMBEDDINGS:
                stack.pop()
            else:
                bad.add(i)
        else:  # PDI closes the innermost isolate and any embedding opened inside it
            while stack and text[stack[-1]] in _EMBEDDINGS:
                bad.add(stack.pop())
            if stack:
                stack.pop()
            else:
                bad.add(i)
    return bad | set(stack)


def _marks_in_ltr_words(seg: Segment) -> Iterator[Hit]:
    text = seg.target
    for i, char in enumerate(text):
        if char not in _MARKS or i == 0 or i + 1 == len(text):
            continue
        before, after = text[i - 1], text[i + 1]
        if before.isalpha() and after.isalpha() and {unicodedata.bidirectional(c) for c in (before, after)} == {"L"}:
            start, end = _word_around(text, i)
            yield Hit(
                seg,
                f"direction mark {_name(char)} inside a left-to-right word",
                span=Span(start, end),
                suggestion=text[start:end].replace(char, ""),
                evidence={"characters": [_name(char)], "rule": "mark-in-word"},
            )


def _format_chars_in_words(seg: Segment, allowed: set[str]) -> Iterator[Hit]:
    for start, end in _words_with_format_chars(seg.target):
        word = seg.target[start:end]
        hidden = [c for c in word if unicodedata.category(c) == "Cf" and c not in _CONTROLS and c not in _MARKS]
        if set(hidden) <= allowed:
            continue
        names = sorted({_name(c) for c in hidden})
        clean = "".join(c for c in word if unicodedata.category(c) != "Cf")
        # Before the word's first letter, after a space or punctuation, the character splits
        # nothing: search, spelling and line breaking see the same word (pasted text often
        # carries "\u200b\u200b" there). A hint; inside the word it breaks it.
        body = word.lstrip("".join(hidden))
        edge = not any(c in hidden for c in body)
        yield Hit(
            seg,
            f"invisible character {'before' if edge else 'inside'} “{clean}”: {', '.join(names)}",
            span=Span(start, end),
            suggestion=clean,
            evidence={"characters": names},
            severity=Severity.INFO if edge else None,
        )


def _words_with_format_chars(text: str) -> Iterator[tuple[int, int]]:
    """Words, where a run of letters joined by format characters counts as one word."""
    words = list(iter_words(text))
    i = 0
    while i < len(words):
        start, end = words[i]
        has_cf = False
        while i + 1 < len(words):
            gap = text[end : words[i + 1][0]]
            if gap and all(unicodedata.category(c) == "Cf" for c in gap):
                has_cf = True
                end = words[i + 1][1]
                i += 1
            else:
                break
        # leading or trailing format characters glued to the word count too
        while start > 0 and unicodedata.category(text[start - 1]) == "Cf":
            start, has_cf = start - 1, True
        while end + 1 < len(text) and unicodedata.category(text[end]) == "Cf" and text[end + 1].isalnum():
            end, has_cf = end + 1, True
        if has_cf:
            yield start, end
        i += 1


# --- mtcheck/checks/untranslated_script.py
_SCRIPT_NAME = {"Arab": "Arabic", "Cyrl": "Cyrillic", "Latn": "Latin", "Grek": "Greek", "Hebr": "Hebrew"}
_SCRIPT_PREFIX = {"Arab": "ARABIC", "Cyrl": "CYRILLIC", "Latn": "LATIN", "Grek": "GREEK", "Hebr": "HEBREW"}


def _word_script(word: str) -> str | None:
    for char in word:
        if char.isalpha():
            name = unicodedata.name(char, "")
            for script, prefix in _SCRIPT_PREFIX.items():
                if name.startswith(prefix):
                    return script
            return None
    return None


# punctuation that joins a word to code: options, anchors, paths, identifiers, MIME types,
# locale codes, key combinations and argument lists written without spaces ("--sysv",
# "auto_start_reverse", "application/xml", "sr@latin", "Ctrl+click", "(dx,dy)", "stdio.h")
_CODE_BEFORE = frozenset("-#$[]/\\.=%_@,:+|")
_CODE_AFTER = frozenset("(=[_/@,:+|")
_OPENING = frozenset("([«'\"“‘„")


_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);?")


def _mixed(word: str) -> bool:
    """Letters of two scripts in one word: a look-alike slipped in ("Mерида", "Iнодов")."""
    return len({_word_script(c) for c in word if c.isalpha()}) > 1


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _kept_on_purpose(target: str, source: str | None) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
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
    """
    if source is None:
        return _names_in_running_text(target)
    words = list(iter_words(target))
    if target.strip() == source.strip() or source in ("translator-credits", "translator_credits"):
        return set(words), set()  # a whole copy, or gettext's list of translators' names
    from mtcheck.read.textspans import code_spans

    code = code_spans(target)
    code += [m.span() for m in _ENTITY.finditer(target)]
    source_words = {source[s:e] for s, e in iter_words(source)}
    source_words |= {part for w in source_words for part in re.split(r"['’]", w)}  # "Inkscape's"
    source_folded = {w.casefold() for w in source_words}
    acronyms = {w.lower() for w in source_words if len(w) > 1 and w.isupper()}
    kept: set[tuple[int, int]] = set()
    names: set[tuple[int, int]] = set()
    for start, end in words:
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


def _names_in_running_text(target: str) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """(code, names) of a sentence that has no paired source: wire copy, articles.

    Translators of news into Cyrillic or Arabic script keep many names in Latin letters
    ("Facebook", "BBC", "iPhone 15"); an untranslated fragment shows itself by its
    lower-case words ("the talks will continue"). So in a cased script, acronyms and
    single letters are kept, and capitalised, camelCase or digit-bearing words are names
    that count only beside a lower-case word. Caseless scripts (Arabic) have no such
    signal: every word of theirs still counts.
    """
    kept: set[tuple[int, int]] = set()
    names: set[tuple[int, int]] = set()
    for start, end in iter_words(target):
        word = target[start:end]
        if len(word) == 1 or (word.isupper() and any(c.isalpha() for c in word)):
            kept.add((start, end))
        elif (
            word[0].isupper()
            or any(c.isdigit() for c in word)
            or any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))
        ):
            names.add((start, end))
    return kept, names


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


def untranslated_script(ctx: CheckContext) -> Iterator[Hit]:
    """Words left in the source language's script."""
    doc = ctx.document
    source_script, target_script = script_of(doc.source_lang), script_of(doc.target_lang)
    if source_script == target_script or source_script not in _SCRIPT_NAME:
        return  # same script: an untranslated word cannot be told by its letters
    letters_of_source = regex.compile(rf"\p{{Script={_SCRIPT_NAME[source_script]}}}")
    for seg in doc.segments:
        if not letters_of_source.search(seg.target):
            continue
        run: list[tuple[int, int]] = []
        words = list(iter_words(seg.target))
        # a word disguised with look-alike letters is confusable-letters' to report, the right way round
        foreign = [
            (s, e)
            for s, e in words
            if _word_script(seg.target[s:e]) == source_script and not confusables(seg.target[s:e])
        ]
        if not foreign:
            continue
        code, names = _kept_on_purpose(seg.target, seg.source)
        foreign_set = set(foreign) - code
        for start, end in [*words, (len(seg.target), len(seg.target))]:
            if start < end and (start, end) in foreign_set:
                run.append((start, end))  # names count only beside a word that is not kept
                continue
            if run and (all(w in names for w in run) or (seg.source is None and _title_phrase(run, names, seg.target))):
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


# --- mtcheck/checks/consistency.py
_ACCEL = re.compile(r"[_&~](?=\w)|\s*\(_?\w\)\s*$")
_TRAIL = re.compile(r"(?:\.\.\.|…|:|：)\s*$")
_SPACE = re.compile(r"\s+")


def normal(text: str) -> str:
    return str(_SPACE.sub(" ", _TRAIL.sub("", _ACCEL.sub("", text))).strip().casefold())


def _units(ctx: CheckContext) -> Iterator[tuple[str, Segment]]:
    for doc in ctx.run_documents or (ctx.document,):
        for seg in doc.segments:
            # plural forms differ by design; fuzzy and empty ones are not translations yet
            if seg.source and seg.target and "plural" not in seg.flags and "fuzzy" not in seg.flags:
                yield doc.target_lang, seg


def _same_lemmas(variants: list[str], lang: str) -> bool:
    """True when the variants differ only by inflection ("Цвет обводки" / "Цветом обводки").

    A string used in two grammatical contexts inflects differently; that is grammar, not
    inconsistency. Only looked at for groups that already differ, so it costs little.
    """
    from mtcheck.names.morphology import tokens

    first, *others = [[keys for _s, _e, keys in tokens(v, lang)] for v in variants]
    return all(len(other) == len(first) and all(a & b for a, b in zip(first, other, strict=True)) for other in others)


def _deviations(
    groups: dict[tuple[str, ...], list[tuple[str, Segment]]], lang_of: int | None = None
) -> Iterator[tuple[Segment, str, str, int]]:
    """(segment, its variant, the majority variant, how many units use the majority).

    ``lang_of`` is the index of the target language in the group key, when the variants
    are target texts whose inflected forms should count as one.
    """
    for key, members in groups.items():
        variants = Counter(v for v, _s in members)
        if len(variants) < 2:
            continue
        if lang_of is not None and _same_lemmas(list(variants), key[lang_of]):
            continue
        majority, count = variants.most_common(1)[0]
        for variant, seg in members:
            if variant != majority:
                yield seg, variant, majority, count


def _where(groups: dict[tuple[str, ...], list[tuple[str, Segment]]], key_of: dict[int, tuple[str, ...]],
           seg: Segment, variant: str) -> str:  # fmt: skip
    for v, other in groups[key_of[id(seg)]]:
        if v == variant:
            return f"{other.location.path}:{other.location.line}"
    return ""


def target_inconsistency(ctx: CheckContext) -> Iterator[Hit]:
    """The same source is translated in different ways."""
    groups: dict[tuple[str, ...], list[tuple[str, Segment]]] = {}
    originals: dict[str, str] = {}
    for lang, seg in _units(ctx):
        key = (lang, seg.context or "", normal(seg.source or ""))
        variant = normal(seg.target)
        originals.setdefault(variant, seg.target)
        groups.setdefault(key, []).append((variant, seg))
    key_of = {id(seg): key for key, members in groups.items() for _v, seg in members}
    for seg, _variant, majority, count in _deviations(groups, lang_of=0):
        words = len((seg.source or "").split())
        where = _where(groups, key_of, seg, majority)
        yield Hit(
            seg,
            f"“{seg.source}” is translated “{seg.target}” here but “{originals[majority]}” in {count} other "
            f"unit(s), e.g. {where}",
            suggestion=originals[majority],
            evidence={"subject": majority, "majority": originals[majority], "count": count, "example": where},
            # one-word labels are often ambiguous ("Open": verb or adjective), so they only inform
            severity=Severity.INFO if words <= 1 else None,
        )


def source_inconsistency(ctx: CheckContext) -> Iterator[Hit]:
    """Different sources share one translation."""
    groups: dict[tuple[str, ...], list[tuple[str, Segment]]] = {}
    originals: dict[str, str] = {}
    for lang, seg in _units(ctx):
        if not any(c.isalpha() for c in seg.target):
            continue
        variant = normal(seg.source or "")
        originals.setdefault(variant, seg.source or "")
        groups.setdefault((lang, normal(seg.target)), []).append((variant, seg))
    key_of = {id(seg): key for key, members in groups.items() for _v, seg in members}
    for seg, _variant, majority, count in _deviations(groups):
        where = _where(groups, key_of, seg, majority)
        yield Hit(
            seg,
            f"“{seg.target}” translates “{seg.source}” here but “{originals[majority]}” in {count} other "
            f"unit(s), e.g. {where}",
            evidence={"subject": majority, "majority": originals[majority], "count": count, "example": where},
        )


# --- mtcheck/checks/repeated_word.py
# A doubled word separated by whitespace only (not by a comma or dash, which mark a
# deliberate repetition: "very, very", "now — now").
_REPEAT = regex.compile(r"(?<![\p{L}\p{M}\p{N}])([\p{L}\p{M}]+)(\s+)(\1)(?![\p{L}\p{M}\p{N}])", regex.IGNORECASE)

# Grammatical doublings that style checkers (LanguageTool's word-repeat rule) also allow.
_ALLOWED = {
    "en": {"had", "that", "is", "do", "bye", "ha", "no", "yes", "so", "very", "many", "far", "again", "knock"},
    "fr": {"nous", "vous", "que"},
    "de": {"die", "der", "das", "sie"},
    # Arabic spells Latin acronyms as letter names: بي بي سي = BBC, سي إن إن = CNN, إم إم = MM.
    # (في is also the letter V, but far more often "in": "في في" stays a finding.)
    "ar": {"إيه", "اي", "بي", "سي", "دي", "إي", "إف", "جي", "إتش", "آي", "جيه", "كيه", "إل", "إم", "إن", "ان",
           "أو", "كيو", "آر", "إس", "تي", "يو", "دبليو", "إكس", "واي", "زد"},
}  # fmt: skip


def repeated_word(ctx: CheckContext) -> Iterator[Hit]:
    """Word repeated by mistake."""
    allowed = _ALLOWED.get(base_language(ctx.document.target_lang), set())
    for seg in ctx.document.segments:
        if seg.source and _REPEAT.search(seg.source):
            continue  # the source repeats too ("CHAR  CHAR will…"): the translation follows it
        for match in _REPEAT.finditer(seg.target):
            word = match.group(1)
            if word.lower() in allowed or (len(word) == 1 and not word.isalpha()):
                continue
            # "Duran Duran", "Sirhan Sirhan": a capitalised pair inside a sentence may be a name
            name_like = word[0].isupper() and seg.target[: match.start()].strip() != ""
            yield Hit(
                seg,
                f"“{word}” is repeated",
                severity=Severity.INFO if name_like else None,
                span=Span(match.start(), match.end()),
                suggestion=word,
                evidence={"word": word},
            )


# --- mtcheck/checks/numbers.py (before the pairs' texts were worked out once for its three checks)
def _pairs(ctx: CheckContext) -> Iterator[Any]:
    from mtcheck.checks.numbers import _CREDITS
    from mtcheck.checks.pairs import pairs

    for pair in pairs(ctx):
        if pair.target and pair.source and pair.source not in _CREDITS:
            yield pair


# --- mtcheck/checks/numbers.py (main at d088279): urls, emails
def urls(ctx: CheckContext) -> Iterator[Hit]:
    """URL changed, dropped or added in the translation."""
    from mtcheck.checks.numbers import _host
    from mtcheck.read.textspans import URL, links

    for pair in _pairs(ctx):
        both = pair.source + pair.target
        if "://" not in both and "www." not in both:
            continue
        source = links(pair.source, URL)
        target = links(pair.target, URL)
        target_urls = {u for u, _s, _e in target}
        target_hosts = {_host(u) for u in target_urls}
        for url, start, end in source:
            if url not in target_urls and _host(url) not in target_hosts:
                yield pair.hit(
                    f"URL “{url}” of the source is missing from the translation",
                    source_span=Span(start, end),
                    evidence={"subject": url, "problem": "missing"},
                )
        source_hosts = {_host(u) for u, _s, _e in source}
        for url, start, end in target:
            if _host(url) not in source_hosts:
                yield pair.hit(
                    f"URL “{url}” in the translation is not in the source",
                    span=Span(start, end),
                    evidence={"subject": url, "problem": "extra"},
                )


def emails(ctx: CheckContext) -> Iterator[Hit]:
    """E-mail address changed, dropped or added in the translation."""
    from mtcheck.read.textspans import EMAIL, links

    for pair in _pairs(ctx):
        if "@" not in pair.source + pair.target:
            continue
        source = links(pair.source, EMAIL)
        target = links(pair.target, EMAIL)
        target_set = {a.lower() for a, _s, _e in target}
        source_set = {a.lower() for a, _s, _e in source}
        for address, start, end in source:
            if address.lower() not in target_set:
                message = f"e-mail address “{address}” of the source is missing from the translation"
                yield pair.hit(
                    message, source_span=Span(start, end), evidence={"subject": address, "problem": "missing"}
                )
        for address, start, end in target:
            if address.lower() not in source_set:
                yield pair.hit(
                    f"e-mail address “{address}” in the translation is not in the source",
                    span=Span(start, end),
                    evidence={"subject": address, "problem": "extra"},
                )


# --- mtcheck/read/textspans.py (before the tell-tale character tests)


def code_spans(text: str) -> list[tuple[int, int]]:
    from mtcheck.read.placeholders import all_placeholders, tag_placeholders
    from mtcheck.read.textspans import EMAIL, URL, links

    spans = [(p.start, p.end) for p in all_placeholders(text) + tag_placeholders(text)]
    spans += [(s, e) for _v, s, e in links(text, URL) + links(text, EMAIL)]
    return spans


# --- mtcheck/checks/numbers.py (before catalogue units skipped the unit words)


def numbers(ctx: CheckContext) -> Iterator[Hit]:
    from mtcheck.checks.numbers import _lenient, _ordinals, _spelled_out, _unmatched
    from mtcheck.read.numerals import Number, numbers_in

    digit = regex.compile(r"\p{Nd}")
    src_lang, tgt_lang = ctx.document.source_lang, ctx.document.target_lang
    for pair in _pairs(ctx):
        source_text, target_text = pair.source, pair.target
        if not digit.search(source_text) and not digit.search(target_text):
            continue
        source = numbers_in(source_text, src_lang)
        target = numbers_in(target_text, tgt_lang)
        spelled = _spelled_out(source_text, src_lang)
        extra = _unmatched([n for n in target if n.key not in spelled], source, set())
        ordinals = _ordinals(source_text) if src_lang.lower().startswith("en") else set()
        spelled = _spelled_out(target_text, tgt_lang) | ordinals
        missing = _unmatched([n for n in source if n.key not in spelled], target, {n.key for n in extra})
        changed: list[tuple[Number, Number]] = []
        if pair.aligned:
            extra, missing = _lenient(extra, missing)
            changed = list(zip(extra, missing, strict=False))
            extra, missing = extra[len(changed) :], missing[len(changed) :]
        for new, old in changed:
            was, now = source_text[old.start : old.end], target_text[new.start : new.end]
            yield pair.hit(
                f"number “{now}” differs from the original's “{was}”",
                span=Span(new.start, new.end),
                source_span=Span(old.start, old.end),
                suggestion=was,
                evidence={"subject": new.key, "problem": "changed", "original_number": was},
            )
        unpaired = Severity.INFO if pair.aligned else None
        added = unpaired if not digit.search(source_text) else None
        for n in extra:
            yield pair.hit(
                f"number “{target_text[n.start : n.end]}” is not in the source",
                span=Span(n.start, n.end),
                evidence={"subject": n.key, "problem": "extra"},
                severity=added,
            )
        for n in missing:
            message = f"number “{source_text[n.start : n.end]}” of the source is missing from the translation"
            yield pair.hit(
                message,
                source_span=Span(n.start, n.end),
                evidence={"subject": n.key, "problem": "missing"},
                severity=unpaired,
            )
