"""Units left untranslated (empty, or a copy of a long source) and fuzzy units, counted apart."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.checks.pairs import pairs
from mtcheck.read.languages import base_language
from mtcheck.read.textspans import code_spans
from mtcheck.read.words import iter_words
from mtcheck.types import Severity

# How much more frequent (wordfreq Zipf, mean over the words) a passage's words must be in
# another language than in the document's source language for it to read as that language.
OTHER_LANGUAGE_MARGIN = 1.5


def reads_as_other_language(words: list[str], source_lang: str) -> bool:
    """Whether words of a Latin-script original read as a language other than its own: a
    quotation in a third language ("Il faut bien le faire" in an English article), which
    writer and translator both keep as it is. Compared over the common Latin-script
    languages wordfreq knows well; two words or fewer say nothing."""
    from mtcheck.names.extract import zipf
    from mtcheck.names.originals import LATIN_PEERS

    folded = [w.casefold() for w in words if w.isalpha()]
    if len(folded) < 3:
        return False
    own = base_language(source_lang or "")

    def mean(lang: str) -> float:
        return sum(zipf(w, lang) for w in folded) / len(folded)

    if own not in LATIN_PEERS:
        return False
    home = mean(own)
    return any(mean(lang) >= home + OTHER_LANGUAGE_MARGIN for lang in LATIN_PEERS if lang != own)


def _foreign_to_source(text: str, source_lang: str) -> bool:
    """Whether most letters of an original's unit are of a script other than its language's
    (ISO 15924, :func:`script_of`): a quotation the original itself keeps from another
    language ("Il faut bien le faire." in a Ukrainian article), or a post left as written
    ("lfg $tslq lol"). There is nothing of the source language to translate: a translation
    that keeps it as the original does is right."""
    import regex

    from mtcheck.read.languages import script_of

    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    own = regex.compile(rf"\p{{Script={script_of(source_lang)}}}")
    return sum(1 for c in letters if own.match(c)) < len(letters) / 2


_VOWEL_LETTERS = frozenset("aeiouy")


def _translatable(text: str, start: int, end: int) -> bool:
    """A word a translator renders: not a handle, tag or ticker ("@user", "#MLS", "$tslq")
    and not a Latin initialism read letter by letter, told by its having no vowel letter
    ("lfg", "css"), as :func:`mtcheck.checks.untranslated_script._initialism` reads it."""
    word = text[start:end]
    if start and text[start - 1] in "@#$":
        return False
    return not (word.isascii() and word.isalpha() and word.islower() and not _VOWEL_LETTERS & set(word))


def _name_like(source: str, words: list[str]) -> bool:
    if "+" in source or any(c.isdigit() for c in source):  # "Shift+Caps Lock", "Curve 2000"
        return True
    return any(any(c.isdigit() for c in w) or any(c.isupper() for c in w[1:]) for w in words)


@check("untranslated", Severity.WARNING, needs=("pair",))
def untranslated(ctx: CheckContext) -> Iterator[Hit]:
    """Unit not translated: empty, or identical to a long source."""
    doc = ctx.document
    # en → en-GB and the like copy most strings on purpose
    same_language = base_language(doc.source_lang or "") == base_language(doc.target_lang or "")
    min_words = int(ctx.config.threshold("untranslated.min_words", 3))
    for pair in pairs(ctx):
        source = pair.source
        if not source.strip():
            continue
        if not pair.target.strip():
            yield pair.hit("not translated (empty target)", evidence={"subject": "empty"})
            continue
        if same_language or pair.target.strip() != source.strip():
            continue
        code = code_spans(source)  # placeholders, markup, URLs, e-mail addresses
        spans = [
            (s, e)
            for s, e in iter_words(source)
            if any(c.isalpha() for c in source[s:e]) and not any(cs <= s < ce for cs, ce in code)
        ]  # "%-e %b %Y" or a lone link has no words: copied on purpose
        if pair.aligned:
            if _foreign_to_source(source, doc.source_lang):
                continue
            spans = [(s, e) for s, e in spans if _translatable(source, s, e)]  # a post's handles and initialisms
        words = [source[s:e] for s, e in spans]
        # short strings are often the same in both languages ("OK", "Firefox", "URL"), and so
        # are product and key names, told by a digit, an inner capital or a "+" ("Cherry
        # CyMotion Master", "Memorex MX2500", "Shift+Caps Lock")
        if pair.aligned and reads_as_other_language(words, doc.source_lang):
            continue  # wire copy quoting a third language keeps the quotation as written
        if len(words) >= min_words and not _name_like(source, words):
            yield pair.hit(f"target is a copy of the {len(words)}-word source", evidence={"subject": "copy"})


@check("fuzzy", Severity.INFO)
def fuzzy(ctx: CheckContext) -> Iterator[Hit]:
    """Unit marked fuzzy / needs review: not used at run time until confirmed."""
    for seg in ctx.document.segments:
        if "fuzzy" in seg.flags and seg.target:
            yield Hit(seg, "marked fuzzy (needs review); gettext ignores it until confirmed")
