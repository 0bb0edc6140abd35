"""Look-alike letters of another script inside a word: "Zelеnsky" with a Cyrillic е."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.read.confusables import Confusable, ScriptTable, confusables, mixes_scripts
from mtcheck.read.languages import script_of
from mtcheck.read.words import word_spans
from mtcheck.types import Severity, Span


@check("confusable-letters", Severity.WARNING)
def confusable_letters(ctx: CheckContext) -> Iterator[Hit]:
    """Word spelt with look-alike letters of another script."""
    preferred = script_of(ctx.document.target_lang)
    table = ScriptTable()
    # word → its look-alike letters: a catalogue repeats its words, and the answer is a
    # function of the word alone (the preferred script is the document's)
    known: dict[str, list[Confusable]] = {}
    spans = ctx.memo.setdefault("word_spans", {})
    for seg in ctx.document.segments:
        if seg.target.isascii() or not mixes_scripts(seg.target, table, preferred):
            continue  # a word mixes scripts only where its segment does
        for start, end in word_spans(seg.target, spans):
            word = seg.target[start:end]
            found = known.get(word)
            if found is None:
                found = known[word] = confusables(word, preferred, table)  # [] for an ASCII word
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
