"""Numbers, URLs and e-mail addresses must survive translation.

Digits are compared by value, whatever the script: Arabic-Indic "١٢" is the number 12,
and group/decimal separators differ by locale ("1,000.5" = "1 000,5" = "١٬٠٠٠٫٥").
Placeholders, URLs and addresses are blanked before numbers are read, so "%1$s" or
"example.com/2" add no numbers.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlsplit

import regex

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.placeholders import all_placeholders, tag_placeholders
from mtcheck.types import Segment, Severity, Span

_URL = regex.compile(r"\b(?:https?|ftp)://[^\s<>\"'«»“”]+|\bwww\.[\w-]+(?:\.[\w-]+)+[^\s<>\"'«»“”]*", regex.IGNORECASE)
_EMAIL = regex.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DIGIT = regex.compile(r"\p{Nd}")
_TRAILING = ".,;:!?)]}»”'’"
# A number: digits, with group or decimal separators between digit runs; a plain space
# groups only when exactly three digits follow ("1 000", not "page 1 2").
_NUMBER = regex.compile(
    r"(?<![\p{Nd}\p{Latin}\p{Cyrillic}\p{Greek}_])\p{Nd}+(?:(?:[.,\u066b\u066c\u00a0\u202f\u2009]|\x20(?=\p{Nd}{3}(?!\p{Nd})))\p{Nd}+)*"
)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _links(text: str, pattern: regex.Pattern[str]) -> list[tuple[str, int, int]]:
    found = []
    for m in pattern.finditer(text):
        value = m.group(0).rstrip(_TRAILING)
        found.append((value, m.start(), m.start() + len(value)))
    return found


def numbers_in(text: str) -> list[tuple[str, int, int]]:
    """(value key, start, end) of each number; the key is its digits in ASCII."""
    spans = [(p.start, p.end) for p in all_placeholders(text) + tag_placeholders(text)]
    spans += [(s, e) for _v, s, e in _links(text, _URL) + _links(text, _EMAIL)]
    clean = _blank(text, spans) if spans else text
    found = []
    for m in _NUMBER.finditer(clean):
        digits = "".join(str(unicodedata.digit(c)) for c in m.group(0) if unicodedata.digit(c, None) is not None)
        found.append((digits, m.start(), m.end()))
    return found


def _pairs(ctx: CheckContext) -> Iterator[Segment]:
    for seg in ctx.document.segments:
        if seg.target and seg.source:
            yield seg


@check("numbers", Severity.WARNING, needs=("source",))
def numbers(ctx: CheckContext) -> Iterator[Hit]:
    """Number missing from the translation, or added to it."""
    for seg in _pairs(ctx):
        if not _DIGIT.search(seg.source or "") and not _DIGIT.search(seg.target):
            continue
        source = numbers_in(seg.source or "")
        target = numbers_in(seg.target)
        missing = Counter(k for k, _s, _e in source) - Counter(k for k, _s, _e in target)
        extra = Counter(k for k, _s, _e in target) - Counter(k for k, _s, _e in source)
        for key, _start, _end in [n for n in target if extra[n[0]] > 0]:
            extra[key] -= 1
            yield Hit(seg, f"number “{seg.target[_start:_end]}” is not in the source", span=Span(_start, _end),
                      evidence={"subject": key, "problem": "extra"})  # fmt: skip
        for key, start, end in [n for n in source if missing[n[0]] > 0]:
            missing[key] -= 1
            yield Hit(seg, f"number “{(seg.source or '')[start:end]}” of the source is missing from the translation",
                      source_span=Span(start, end), evidence={"subject": key, "problem": "missing"})  # fmt: skip


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
        source = _links(seg.source or "", _URL)
        target = _links(seg.target, _URL)
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
        source = _links(seg.source or "", _EMAIL)
        target = _links(seg.target, _EMAIL)
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
