"""A name of the original has no counterpart in the aligned translation.

Without a model, a frequent one-word place known only from the gazetteer (Bristol, Berlin,
Лондона) is a warning where a stated source reads the word as a name there (the gazetteer's
large places, pymorphy3's name readings: not Усі "all", which the gazetteer has for Wuxi) and
its sentence does not render it otherwise: by a word sharing the stem of one of its forms, an
adjective (лондонських), or of the CLDR name of a country the gazetteer places it in that the
original sentence does not name itself (Madrid → іспанський уряд, a capital standing for its
government); then it is a hint (``mtcheck.names.rendered``). A country and a place the
gazetteer puts in it render one another (Испании → Madrid): a hint, not another name.

A name the translation gives on another line is moved there only when that mention has no
owner (``mtcheck.names.mentions``): a neighbouring sentence naming it because its own original
does, as in "Erdogan arrived in Berlin. Erdogan met the chancellor." → "Прибув до Берліна.
Ердоган зустрівся з канцлером.", leaves the first sentence without it. Where every other mention
renders one of the original's own, the name was dropped here: a warning at its first mention,
and at a later one whose sentence has no third-person personal pronoun (він, її, he, them) that
could stand for it; a hint where one is there ("Наступного дня він зустрівся з канцлером"), or
where the language's pronouns are not listed (Arabic carries them as clitics).
"""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.names.crossnames import MISSING, counterparts
from mtcheck.types import Severity


@check("name-missing", Severity.WARNING, needs=("pair",))
def name_missing(ctx: CheckContext) -> Iterator[Hit]:
    """Name of the original missing from the translation."""
    for found in counterparts(ctx.names):
        if found.status != MISSING:
            continue
        if found.partial:
            # The rest of the name is in the aligned sentence, so the name was rendered and this
            # word of it left out: a surname, or a first name at the name's first mention; a hint
            # where the evidence is uncertain (crossnames._partial).
            severity = Severity.INFO if found.weak else None
            where = f"missing from the aligned sentence, which has the rest of “{found.partial}”"
        elif found.elsewhere and found.dropped:
            # Said elsewhere, but each other mention renders one of the original's own. A hint:
            # translators put a pronoun for a repeated name (Erdogan … he), which looks the same
            # without a model (clean NTREX/WMT24 copy: about 1 per 1,000 words); but not at the
            # name's first mention, where no pronoun can stand for it, nor at a later one whose
            # sentence has no third-person pronoun that could (mtcheck.names.mentions).
            severity = None if found.first_dropped else Severity.INFO
            where = (
                "not in the aligned sentence; the translation names it only where the original "
                "names it again, so it was dropped here, not moved"
            )
        elif found.elsewhere:
            # The name is in another sentence of the translation: moved, or aligned loosely.
            severity = Severity.INFO
            where = "not in the aligned sentence (it appears elsewhere in the translation)"
        elif found.high_confidence:
            severity = Severity.ERROR
            where = "nowhere in the translation, nor in its back-translation"
        elif found.weak:
            # No model and no known form: a name translated rather than transliterated
            # looks exactly like this, so it is a hint, not a warning.
            severity = Severity.INFO
            where = "not found by transliteration in the aligned sentence or anywhere in the translation"
        else:
            severity = None
            where = "not found in the aligned sentence or anywhere in the translation"
        yield Hit(
            found.target,
            f"the original's “{found.original.text}” is {where}",
            source_span=found.original.span,
            evidence=found.evidence(),
            severity=severity,
        )
