"""The translation names someone or somewhere else than the original."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.names.crossnames import MISMATCH, counterparts
from mtcheck.types import Severity


@check("name-mismatch", Severity.WARNING, needs=("pair",))
def name_mismatch(ctx: CheckContext) -> Iterator[Hit]:
    """Name rendered as a different name.

    With a model, the back-translation shows the other name. Without one, the aligned
    translation holds a name that sounds like nothing in the original sentence where the
    original's name has no counterpart (``mtcheck.names.crossnames``): a warning when the
    lost name is known or a clear mention, or when the name in its place is new to the whole
    original (no word of any of its sentences sounds like it, and it is no known form of one);
    a hint (info) when it is only rare, or kept by the translation in its other sentences, each
    of which renders the original's own mention, and the name in its place is rare. A surname
    is a warning too when the first name is rendered and a name new to the original stands
    right beside it (Dennis McCarthy → Денніс Гонсалес).
    """
    for found in counterparts(ctx.names):
        if found.status != MISMATCH:
            continue
        if found.target_text and found.back_text:
            shown = f"“{found.target_text}” (back-translated “{found.back_text}”)"
        elif found.target_text:
            shown = f"“{found.target_text}”, which sounds like nothing in the original sentence"
        else:
            shown = f"“{found.back_text}” in the back-translation"
        yield Hit(
            found.target,
            f"the original's “{found.original.text}” appears to be rendered as {shown}",
            span=found.target_span,
            source_span=found.original.span,
            evidence=found.evidence(),
            severity=Severity.ERROR if found.high_confidence else Severity.INFO if found.weak else None,
        )
