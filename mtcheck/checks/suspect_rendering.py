"""A name looks like a mangled transliteration of a known name (Omerov for Umerov)."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.names.known import gazetteer_candidates, is_known, mentions, termbase_candidates
from mtcheck.names.translit import SAME_SCRIPT_THRESHOLD, key
from mtcheck.read.languages import script_of
from mtcheck.types import Severity, Span

# Gazetteer matches are weaker evidence than a termbase the user gave: 57,000 places are
# close to many surnames (Lastochkin the surname, Lastochkyne the village), so they are
# reported at info level with a stricter bar.
GAZETTEER_THRESHOLD = 0.93


@check("suspect-rendering", Severity.WARNING)
def suspect_rendering(ctx: CheckContext) -> Iterator[Hit]:
    """Suspect rendering of a known name."""
    threshold = ctx.config.threshold("suspect-rendering", SAME_SCRIPT_THRESHOLD)
    # The gazetteer's preferred forms are Latin: a suggestion in another script's text
    # would replace a correct Київ with a Latin Kyiv. Other scripts rely on the termbase.
    use_gazetteer = script_of(ctx.document.target_lang) == "Latn"
    for seg, mention in mentions(ctx.names):
        words = mention.text.split()
        # The whole name first ("Rustam Omerov"), then each unknown word on its own.
        spans = [(mention.span.start, mention.span.end, mention.text)]
        if len(words) > 1:
            offset = mention.span.start
            for word in words:
                start = seg.target.index(word, offset)
                spans.append((start, start + len(word), word))
                offset = start + len(word)
        done_until = -1
        for start, end, text in spans:
            if start < done_until or is_known(text, ctx.names):
                continue
            found = termbase_candidates(text, ctx.names, threshold)
            severity = None
            if not found and use_gazetteer:
                found = gazetteer_candidates(
                    text, ctx.names, ctx.config.threshold("suspect-rendering-gazetteer", GAZETTEER_THRESHOLD)
                )
                severity = Severity.INFO
            if not found:
                continue
            best = found[0]
            done_until = end
            yield Hit(
                seg,
                f"“{text}” looks like a variant transliteration of “{best.form}”",
                span=Span(start, end),
                suggestion=best.form,
                confidence=round(best.score, 2),
                evidence={
                    "key": key(text),
                    "known_form": best.form,
                    "known_key": key(best.form),
                    "source": best.source,
                    "alternatives": [c.form for c in found[1:4]],
                },
                severity=severity,
            )
