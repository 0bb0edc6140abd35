"""A name looks like a mangled transliteration of a known name (Omerov for Umerov)."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.names.known import (
    Candidate,
    gazetteer_candidates,
    gazetteer_of,
    has_termbase_terms,
    is_known,
    mentions,
    termbase_candidates,
)
from mtcheck.names.namesdb import NamesDB, open_names_db
from mtcheck.names.translit import SAME_SCRIPT_THRESHOLD, key, similarity
from mtcheck.read.languages import base_language, script_of
from mtcheck.types import Severity, Span

# Gazetteer matches are weaker evidence than a termbase the user gave: 57,000 places are
# close to many surnames (Lastochkin the surname, Lastochkyne the village), so they are
# reported at info level with a stricter bar.
GAZETTEER_THRESHOLD = 0.93
# A form the desk's archive (--names-db) uses at least this often is its established form.
NAMES_DB_MIN_COUNT = 3


@check("suspect-rendering", Severity.WARNING)
def suspect_rendering(ctx: CheckContext) -> Iterator[Hit]:
    """Suspect rendering of a known name.

    Known forms come from the termbase, then the names database learned from the desk's
    own published copy (``--names-db``, ``mtcheck names learn``: a form used at least
    ``NAMES_DB_MIN_COUNT`` times there, with the same transliteration key, while the
    rendering is used never: "Umerov: 40 times in names.db, Omerov: 0"), then (Latin-script
    targets, info) the gazetteer. A form the archive uses is itself known.

    With none of the three to compare against (a Cyrillic or Arabic catalogue checked
    without a termbase that lists terms in its language, and without ``--names-db``),
    nothing can be reported, so the document's names are not extracted at all: that
    extraction, with its word-frequency tables, was most of a catalogue gate's time and
    memory.
    """
    db = open_names_db(ctx.config.names_db) if ctx.config.names_db else None
    lang = base_language(ctx.document.target_lang)
    threshold = ctx.config.threshold("suspect-rendering", SAME_SCRIPT_THRESHOLD)
    # The gazetteer's preferred forms are Latin: a suggestion in another script's text
    # would replace a correct Київ with a Latin Kyiv. Other scripts rely on the termbase.
    use_gazetteer = script_of(ctx.document.target_lang) == "Latn" and gazetteer_of(ctx.names) is not None
    if db is None and not use_gazetteer and not has_termbase_terms(ctx.names):
        return
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
            if start < done_until or is_known(text, ctx.names) or (db is not None and db.attested(text, lang)):
                continue
            found = termbase_candidates(text, ctx.names, threshold)
            severity = None
            if not found and db is not None:
                found = _names_db_candidates(text, db, lang, threshold)
            if not found and use_gazetteer:
                found = gazetteer_candidates(
                    text, ctx.names, ctx.config.threshold("suspect-rendering-gazetteer", GAZETTEER_THRESHOLD)
                )
                severity = Severity.INFO
            if not found:
                continue
            best = found[0]
            done_until = end
            message = f"“{text}” looks like a variant transliteration of “{best.form}”"
            counts = {}
            if db is not None and db.attested(best.form, lang):
                counts = {best.form: db.attested(best.form, lang), text: 0}
                message += f" ({best.form}: {counts[best.form]} times in {db.path}, {text}: 0)"
            yield Hit(
                seg,
                message,
                span=Span(start, end),
                suggestion=best.form,
                confidence=round(best.score, 2),
                evidence={
                    "key": key(text),
                    "known_form": best.form,
                    "known_key": key(best.form),
                    "source": best.source,
                    "alternatives": [c.form for c in found[1:4]],
                    **({"names_db_counts": counts, "names_db": db.path} if db is not None and counts else {}),
                },
                severity=severity,
            )


def _names_db_candidates(text: str, db: NamesDB, lang: str, threshold: float) -> list[Candidate]:
    """Forms the archive uses often, with the key of ``text`` and close to it, most used first."""
    return [
        Candidate(form, score, f"names db: {db.path} ({count} times)")
        for form, count in db.by_key(key(text), lang)
        if count >= NAMES_DB_MIN_COUNT
        and form.casefold() != text.casefold()
        and (score := similarity(text, form)) >= threshold
    ]
