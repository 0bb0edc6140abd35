"""Numbers, URLs and e-mail addresses must survive translation.

Every pair is checked (:mod:`mtcheck.checks.pairs`): a catalogue unit, or an aligned
sentence pair of wire copy checked with ``--original``. Numbers are compared by value
(:mod:`mtcheck.read.numerals`): "١٢" is 12, "1 000,5" is "1,000.5", "11 млрд" is
"11 billion". Placeholders, URLs and addresses are blanked before numbers are read, so
"%1$s" or "example.com/2" add no numbers, and nor does a numeric character reference
of HTML left in the text ("&#39;").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from urllib.parse import urlsplit

import regex

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.checks.pairs import Pair, pairs
from mtcheck.read.numerals import Number, numbers_in, same_number, scale_words
from mtcheck.read.textspans import EMAIL, URL, links
from mtcheck.types import Severity, Span

__all__ = ["Number", "numbers_in"]

_DIGIT = regex.compile(r"\p{Nd}")


# A translator may write "5" for "five-pointed"; a digit the English source spells out
# as a word is no added number.
_ENGLISH_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
} | {"single": "1", "double": "2", "twice": "2", "triple": "3", "dozen": "12", "hundred": "100", "thousand": "1000"}
_WORD = regex.compile(r"\p{L}+")


_ORDINAL = regex.compile(r"(?<!\p{Nd})(\p{Nd}+)(?:st|nd|rd|th)\b", regex.IGNORECASE)


def _ordinals(text: str) -> set[str]:
    """Numbers written as English ordinals ("1st", "3rd"), which a translation may spell out."""
    return {m.group(1) for m in _ORDINAL.finditer(text)}


def _spelled_out(text: str, lang: str) -> set[str]:
    if not lang.lower().startswith("en"):
        return set()
    return {_ENGLISH_NUMBER_WORDS[w] for w in _WORD.findall(text.lower()) if w in _ENGLISH_NUMBER_WORDS}


def _spelled_in(key: str, text: str, lang: str) -> bool:
    """Whether ``text`` writes the whole number ``key`` as one word of its language, in any
    inflected form: "дванадцяти" (of twelve) for 12. The word is the number's spell-out by
    Unicode CLDR's rule-based number format (through ICU), met by a word's dictionary form
    (pymorphy3 for Ukrainian and Russian, a stem elsewhere: :func:`mtcheck.names.morphology.keyer`).
    Asked for unmatched numbers alone, so rarely."""
    if not key.isdigit() or not 0 < int(key) <= 1000 or not lang:
        return False
    try:
        import icu

        spelled = str(icu.RuleBasedNumberFormat(icu.URBNFRuleSetTag.SPELLOUT, icu.Locale(lang)).format(int(key)))
    except (ImportError, icu.ICUError):
        return False
    if " " in spelled or "-" in spelled:
        return False
    from mtcheck.names.morphology import keyer

    keys = keyer(lang)
    forms = keys(spelled)
    return any(forms & keys(word) for word in _WORD.findall(text))


# A number the value alone misreads, read as the writer meant it too (alternative values):
# a decade of two digits, a scale word made an adjective, a decimal without its zero.
_DECADE_AFTER = regex.compile(r"['’]?s\b|-\p{L}")
_COMPOUND_AFTER = regex.compile(r"-(\p{L}+)")


def _readings(found: list[Number], text: str, lang: str) -> list[Number]:
    """Alternative values of wire copy's numbers:

    - a decade written with two digits, a multiple of ten with a plural ending ("the 90s",
      "the '00s", "90-х", "90-ті"): also 19NN and 20NN ("the 1990s", "2000-х");
    - a number made an adjective with a scale word of its language (CLDR compact decimal
      formats, :func:`mtcheck.read.numerals.scale_words`): "25-тысячная толпа" is a crowd of
      25,000, as "a 25,000-strong crowd";
    - a decimal fraction written without its leading zero (".35" is 0.35), unless it closes a
      range that gives only the digits that change ("$4.25-.35" is 4.25 to 4.35, as a year
      range "1981-87" is 1981 to 1987).
    """
    scales = {w: v for w, v in scale_words(lang).items() if len(w) >= 4 and w.isalpha()} if lang else {}
    out = []
    for k, n in enumerate(found):
        alts: list[str] = []
        if len(n.raw) == 2 and n.raw.endswith("0") and not n.scaled and _DECADE_AFTER.match(text, n.end):
            alts += ["19" + n.raw, "20" + n.raw]
        compound = _COMPOUND_AFTER.match(text, n.end) if scales and n.raw == text[n.start : n.end] else None
        if compound is not None:
            word = compound.group(1).casefold()
            value = next((v for w, v in sorted(scales.items(), key=lambda x: -len(x[0])) if word.startswith(w)), None)
            if value is not None:
                alts.append(str(int(n.raw) * value))
        if n.start and text[n.start - 1] in ".," and (n.start < 2 or not text[n.start - 2].isdigit()):
            before = found[k - 1] if k else None
            if before is not None and text[before.end : n.start - 1] in ("-", "–") and len(before.raw) > len(n.raw):
                alts.append(before.raw[: -len(n.raw)] + n.raw)  # "4.25-.35": 4.35, not 0.35
            else:
                alts.append("0" + n.raw)
        out.append(dataclasses.replace(n, alts=(*n.alts, *alts)) if alts else n)
    return out


# gettext's convention for the translators' names, e-mails and years: no source to match
_CREDITS = frozenset({"translator-credits", "translator_credits", "TRANSLATOR-CREDITS"})


def _pairs(ctx: CheckContext) -> list[tuple[Pair, str, str]]:
    """The pairs these checks compare, each with its source and target text: worked out once
    for the three of them (the context's memo), as a list they read without a generator or a
    property call a pair (a catalogue has a hundred thousand)."""
    found: list[tuple[Pair, str, str]] | None = ctx.memo.get("number_pairs")
    if found is None:
        found = ctx.memo["number_pairs"] = [
            (pair, pair.source, target)
            for pair in pairs(ctx)
            if (target := pair.target) and pair.source and pair.source not in _CREDITS
        ]
    return found


def _unmatched(numbers: list[Number], others: list[Number], known: set[str]) -> list[Number]:
    """The numbers of one side, each value once, that meet no number of the other side."""
    left: list[Number] = []
    for n in numbers:
        if n.glued or n.key in known or any(same_number(n, o) for o in others):
            continue
        known.add(n.key)
        left.append(n)
    return left


def _lenient(extra: list[Number], missing: list[Number]) -> tuple[list[Number], list[Number]]:
    """What wire copy changes by design is left out.

    A measurement of a quantity translators convert ("30 yards" → "27 метрів", "80
    degrees" → "27 градусів") cannot be told from a changed one without the unit's
    conversion, so it is not reported. A one-digit number is often spelled out on the
    other side ("2" → "two", "два"): it is reported only when the other side has an
    unmatched number too (a change).
    """
    extra = [n for n in extra if not n.measure]
    missing = [n for n in missing if not n.measure]
    if not extra or not missing:
        extra = [n for n in extra if len(n.raw) > 1 or n.scaled]
        missing = [n for n in missing if len(n.raw) > 1 or n.scaled]
    return extra, missing


# A numeric character reference of HTML or XML (&#39; for an apostrophe): a letter escaped, not
# a number of the text.
_REFERENCE = regex.compile(r"&#(?:\d+|[xX][0-9A-Fa-f]+);")


def _outside_references(found: list[Number], text: str) -> list[Number]:
    if "&#" not in text:
        return found
    spans = [m.span() for m in _REFERENCE.finditer(text)]
    return [n for n in found if not any(s <= n.start and n.end <= e for s, e in spans)]


@check("numbers", Severity.WARNING, needs=("pair",))
def numbers(ctx: CheckContext) -> Iterator[Hit]:
    """Number missing from the translation, added to it, or changed."""
    src_lang, tgt_lang = ctx.document.source_lang, ctx.document.target_lang
    for pair, source_text, target_text in _pairs(ctx):
        if not _DIGIT.search(source_text) and not _DIGIT.search(target_text):
            continue
        # only wire copy's leniency reads which numbers are measures (:func:`_lenient`)
        source = _outside_references(numbers_in(source_text, src_lang, measures=pair.aligned), source_text)
        target = _outside_references(numbers_in(target_text, tgt_lang, measures=pair.aligned), target_text)
        if pair.aligned:
            source, target = _readings(source, source_text, src_lang), _readings(target, target_text, tgt_lang)
        # values, not counts: "120x120" may become "120 × 120" and "1 of 1" "один з 1"
        spelled = _spelled_out(source_text, src_lang)
        extra = _unmatched([n for n in target if n.key not in spelled], source, set())
        ordinals = _ordinals(source_text) if src_lang.lower().startswith("en") else set()
        spelled = _spelled_out(target_text, tgt_lang) | ordinals
        missing = _unmatched([n for n in source if n.key not in spelled], target, {n.key for n in extra})
        if pair.aligned and (extra or missing):  # a number one side writes as a word ("дванадцяти" ↔ "12")
            extra = [n for n in extra if not _spelled_in(n.key, source_text, src_lang)]
            missing = [n for n in missing if not _spelled_in(n.key, target_text, tgt_lang)]
        changed: list[tuple[Number, Number]] = []
        # a measurement of the original converted by the translator: a bare number of the
        # translation may be its converted value, the unit left implicit ("27 градусів" →
        # "widespread 80s", "497 км/ч" → "800 kph (497 mph)")
        converted = pair.aligned and any(n.measure for n in missing)
        if pair.aligned:
            extra, missing = _lenient(extra, missing)
            # a number of the original replaced by another at the same place of the sentence
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
        # On wire copy a number with no counterpart at all is a hint where the other side may
        # have written it out in words (ثلاثينيات "the thirties", "Thirty-two percent"): a number
        # of the original missing, or one the translation adds to an original with no digits.
        # A number replaced by another, or added beside the original's own, stays a warning.
        unpaired = Severity.INFO if pair.aligned else None
        added = unpaired if not _DIGIT.search(source_text) or converted else None
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


def _host(url: str) -> str:
    try:
        return (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower()
    except ValueError:
        return ""


def _may_hold_url(source: str, target: str) -> bool:
    """Whether ``source + target`` holds "://" or "www." (the seam included), without joining them:
    a catalogue has a hundred thousand units and almost none with a URL."""
    return (
        "://" in source
        or "://" in target
        or "www." in source
        or "www." in target
        or "://" in source[-2:] + target[:2]
        or "www." in source[-3:] + target[:3]
    )


@check("urls", Severity.WARNING, needs=("pair",))
def urls(ctx: CheckContext) -> Iterator[Hit]:
    """URL changed, dropped or added in the translation."""
    for pair, source_text, target_text in _pairs(ctx):
        if not _may_hold_url(source_text, target_text):
            continue
        source = links(source_text, URL)
        target = links(target_text, URL)
        target_urls = {u for u, _s, _e in target}
        # a localised path on the same host ("/en-US/" → "/uk/") is a translation, not a bug
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


@check("emails", Severity.WARNING, needs=("pair",))
def emails(ctx: CheckContext) -> Iterator[Hit]:
    """E-mail address changed, dropped or added in the translation."""
    for pair, source_text, target_text in _pairs(ctx):
        if "@" not in source_text and "@" not in target_text:
            continue
        source = links(source_text, EMAIL)
        target = links(target_text, EMAIL)
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
