"""Text left in the source language's script inside a translation."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from mtcheck.checks.base import CheckContext, Hit, check, iter_words
from mtcheck.languages import script_of
from mtcheck.types import Severity, Span

_SCRIPT_NAME = {"Arab": "Arabic", "Cyrl": "Cyrillic", "Latn": "Latin", "Grek": "Greek", "Hebr": "Hebrew"}
_SCRIPT_PREFIX = {"Arab": "ARABIC", "Cyrl": "CYRILLIC", "Latn": "LATIN", "Grek": "GREEK", "Hebr": "HEBREW"}


def _script(word: str) -> str | None:
    for char in word:
        if char.isalpha():
            name = unicodedata.name(char, "")
            for script, prefix in _SCRIPT_PREFIX.items():
                if name.startswith(prefix):
                    return script
            return None
    return None


@check("untranslated-script", Severity.WARNING)
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
        for start, end in [*iter_words(seg.target), (len(seg.target), len(seg.target))]:
            if start < end and _script(seg.target[start:end]) == source_script:
                run.append((start, end))
                continue
            if run:
                span = Span(run[0][0], run[-1][1])
                yield Hit(
                    seg,
                    f"{len(run)} word(s) left in {source_script} script: “{span.of(seg.target)}”",
                    span=span,
                    evidence={"script": source_script, "expected_script": target_script},
                )
                run = []
