"""The translation names someone or somewhere that the original never names."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.names.crossnames import ADDED, counterparts
from mtcheck.types import Severity


@check("name-added", Severity.WARNING, needs=("pair",))
def name_added(ctx: CheckContext) -> Iterator[Hit]:
    """Name in the translation that nothing in the original names.

    Without a model, a name of a cased translation's aligned sentence that sounds like no word of
    any sentence of the original and is no known form (CLDR exonym, gazetteer) of one of its names
    (``mtcheck.names.crossnames``): a name put in place of the original's where the original's is
    still matched by something else, or one a machine or a translator added. Left out: a word at a
    sentence's start; in English a word of a title or a quote (Hall of Famer) or of a heading,
    which are translated (Ukrainian and Russian ones are told by the dictionary); a nationality
    (Europeans, Spaniard: CLDR's territory and language names with a nationality ending); a name
    given more than once in the translation (a rendering the comparison misses repeats with each
    mention, a name put in by mistake stands once); a name already reported by ``name-mismatch``.
    A warning when the sentence pair also lost a name of the original that no swap accounts for,
    and each word of the added name is rare and no dictionary word (wordfreq Zipf < 4, pymorphy3).
    Otherwise a hint (info): a translator adds names and leaves the original's rendered (the state
    after a city, a leader's full name, a spelt-out bloc), and a frequent word (Madrid, Customs
    Enforcement) may be an established form or a translated word the comparison misses.
    """
    for found in counterparts(ctx.names):
        if found.status != ADDED:
            continue
        message = f"the translation names “{found.target_text}”, which nothing in the original names"
        if found.original.text:
            message += f"; the original's “{found.original.text}” has no clear counterpart here"
        yield Hit(
            found.target,
            message,
            span=found.target_span,
            source_span=found.original.span if found.original.text else None,
            evidence=found.evidence(),
            severity=Severity.INFO if found.weak else None,
        )
