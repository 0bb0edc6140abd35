"""Look-alike letters of another script inside a word: "Zelеnsky" with a Cyrillic е."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.read.confusables import ScriptTable, confusables, mixes_scripts
from mtcheck.read.languages import script_of
from mtcheck.read.words import iter_words
from mtcheck.types import Severity, Span


@check("confusable-letters", Severity.WARNING)
def confusable_letters(ctx: CheckContext) -> Iterator[Hit]:
    """Word spelt with look-alike letters of another script."""
    preferred = script_of(ctx.document.target_lang)
    table = ScriptTable()
    for seg in ctx.document.segments:
        if seg.target.isascii() or not mixes_scripts(seg.target, table):
            continue  # a word mixes scripts only where its segment does
        for start, end in iter_words(seg.target):
            word = seg.target[start:end]
            if word.isascii():
                continue
            found = confusables(word, preferred, table)
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
