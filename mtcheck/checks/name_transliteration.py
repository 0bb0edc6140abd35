"""A name of the original rendered in a form only transliteration-close to its known form.

The cross-language counterpart of ``suspect-rendering``: there the suspect form is judged
within the translation; here the expected form comes from the original's name through the
termbase or gazetteer (Kharkiv → Харків, so Харьков is a transliteration, not the form).
"""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.names.crossnames import TRANSLITERATED, counterparts
from mtcheck.types import Severity


@check("name-transliteration", Severity.WARNING, needs=("pair",))
def name_transliteration(ctx: CheckContext) -> Iterator[Hit]:
    """Name rendered by transliteration instead of its known form."""
    for found in counterparts(ctx.names):
        if found.status != TRANSLITERATED or found.known is None:
            continue
        expected = found.known.preferred or found.known.forms[0]
        yield Hit(
            found.target,
            f"“{found.target_text}” renders the original's “{found.original.text}”, whose known form is “{expected}”",
            span=found.target_span,
            source_span=found.original.span,
            suggestion=expected,
            confidence=round(found.score, 2),
            evidence=found.evidence(),
        )
