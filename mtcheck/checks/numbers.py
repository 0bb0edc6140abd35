"""Numbers, URLs and e-mail addresses must survive translation.

Digits are compared by value, whatever the script: Arabic-Indic "١٢" is the number 12,
and group/decimal separators differ by locale ("1,000.5" = "1 000,5" = "١٬٠٠٠٫٥").
Placeholders, URLs and addresses are blanked before numbers are read, so "%1$s" or
"example.com/2" add no numbers.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import regex

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.read.textspans import EMAIL, URL, code_spans, links
from mtcheck.types import Segment, Severity, Span

_TIMES = regex.compile(r"(?<=\p{Nd})[xXхХ×⨯*](?=\p{Nd})")
_SEPARATOR = regex.compile(r"[.,\u066b\u066c\u00a0\u202f\u2009 ]")
_DIGIT = regex.compile(r"\p{Nd}")
# A number: digits, with group or decimal separators between digit runs; a plain space
# groups only when exactly three digits follow ("1 000", not "page 1 2").
_NUMBER = regex.compile(
    r"(?<!\p{Nd})\p{Nd}+(?:(?:[.,\u066b\u066c\u00a0\u202f\u2009]|\x20(?=\p{Nd}{3}(?!\p{Nd})))\p{Nd}+)*"
)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@dataclass(frozen=True)
class Number:
    """A number in a string: its digits in ASCII, where it is, and whether it is glued to a word."""

    key: str
    start: int
    end: int
    glued: bool = False


def _digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in text if unicodedata.digit(c, None) is not None)


def numbers_in(text: str) -> list[Number]:
    """Each number of ``text``, placeholders, URLs and e-mail addresses left out.

    A run such as "30.12.1899" or "1,2,3", with several separators that do not group
    thousands, is a date or a list: its parts are numbers of their own. A number glued to
    a letter on its left is part of a name or code ("MP3", "K2") in Latin, Cyrillic or
    Greek, but in Arabic it may carry a proclitic ("و9956": "and 9956"); such numbers are
    "glued": they can match a number on the other side but are never reported themselves.
    """
    spans = code_spans(text)
    clean = _blank(text, spans) if spans else text
    clean = _TIMES.sub("|", clean)  # "10x11" is two numbers, whether written with x, х or ×
    found = []
    for m in _NUMBER.finditer(clean):
        glued = m.start() > 0 and (clean[m.start() - 1].isalpha() or clean[m.start() - 1] == "_")
        parts = _SEPARATOR.split(m.group(0))
        if len(parts) > 2 and any(len(p) != 3 for p in parts[1:]):
            offset = m.start()
            for part in parts:
                found.append(Number(_digits(part), offset, offset + len(part), glued))
                offset += len(part) + 1
                glued = False
        else:
            found.append(Number(_digits(m.group(0)), m.start(), m.end(), glued))
    return found


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


# gettext's convention for the translators' names, e-mails and years: no source to match
_CREDITS = frozenset({"translator-credits", "translator_credits", "TRANSLATOR-CREDITS"})


def _pairs(ctx: CheckContext) -> Iterator[Segment]:
    for seg in ctx.document.segments:
        if seg.target and seg.source and seg.source not in _CREDITS:
            yield seg


@check("numbers", Severity.WARNING, needs=("source",))
def numbers(ctx: CheckContext) -> Iterator[Hit]:
    """Number missing from the translation, or added to it."""
    for seg in _pairs(ctx):
        source_text = seg.source or ""
        if not _DIGIT.search(source_text) and not _DIGIT.search(seg.target):
            continue
        source = numbers_in(source_text)
        target = numbers_in(seg.target)
        # values, not counts: "120x120" may become "120 × 120" and "1 of 1" "один з 1"
        source_values = {n.key for n in source} | _spelled_out(source_text, ctx.document.source_lang)
        target_values = {n.key for n in target}
        reported: set[str] = set()
        for n in target:
            if not n.glued and n.key not in source_values and n.key not in reported:
                reported.add(n.key)
                yield Hit(seg, f"number “{seg.target[n.start : n.end]}” is not in the source",
                          span=Span(n.start, n.end), evidence={"subject": n.key, "problem": "extra"})  # fmt: skip
        ordinals = _ordinals(source_text) if ctx.document.source_lang.lower().startswith("en") else set()
        for n in source:
            if not n.glued and n.key not in target_values and n.key not in reported and n.key not in ordinals:
                reported.add(n.key)
                message = f"number “{source_text[n.start : n.end]}” of the source is missing from the translation"
                yield Hit(seg, message, source_span=Span(n.start, n.end),
                          evidence={"subject": n.key, "problem": "missing"})  # fmt: skip


def _host(url: str) -> str:
    try:
        return (urlsplit(url if "://" in url else "http://" + url).hostname or "").lower()
    except ValueError:
        return ""


@check("urls", Severity.WARNING, needs=("source",))
def urls(ctx: CheckContext) -> Iterator[Hit]:
    """URL changed, dropped or added in the translation."""
    for seg in _pairs(ctx):
        if "://" not in (seg.source or "") + seg.target and "www." not in (seg.source or "") + seg.target:
            continue
        source = links(seg.source or "", URL)
        target = links(seg.target, URL)
        target_urls = {u for u, _s, _e in target}
        # a localised path on the same host ("/en-US/" → "/uk/") is a translation, not a bug
        target_hosts = {_host(u) for u in target_urls}
        for url, start, end in source:
            if url not in target_urls and _host(url) not in target_hosts:
                yield Hit(seg, f"URL “{url}” of the source is missing from the translation",
                          source_span=Span(start, end), evidence={"subject": url, "problem": "missing"})  # fmt: skip
        source_hosts = {_host(u) for u, _s, _e in source}
        for url, start, end in target:
            if _host(url) not in source_hosts:
                yield Hit(seg, f"URL “{url}” in the translation is not in the source", span=Span(start, end),
                          evidence={"subject": url, "problem": "extra"})  # fmt: skip


@check("emails", Severity.WARNING, needs=("source",))
def emails(ctx: CheckContext) -> Iterator[Hit]:
    """E-mail address changed, dropped or added in the translation."""
    for seg in _pairs(ctx):
        if "@" not in (seg.source or "") + seg.target:
            continue
        source = links(seg.source or "", EMAIL)
        target = links(seg.target, EMAIL)
        target_set = {a.lower() for a, _s, _e in target}
        source_set = {a.lower() for a, _s, _e in source}
        for address, start, end in source:
            if address.lower() not in target_set:
                message = f"e-mail address “{address}” of the source is missing from the translation"
                yield Hit(
                    seg, message, source_span=Span(start, end), evidence={"subject": address, "problem": "missing"}
                )
        for address, start, end in target:
            if address.lower() not in source_set:
                yield Hit(seg, f"e-mail address “{address}” in the translation is not in the source",
                          span=Span(start, end), evidence={"subject": address, "problem": "extra"})  # fmt: skip
