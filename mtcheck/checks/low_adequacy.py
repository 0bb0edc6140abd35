"""Aligned sentences whose back-translation says something else than the original."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.align.adequacy import ROUND_TRIP
from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.types import Severity

# Calibrated on clean data by bench/adequacy_calibrate.py: over wmt24 en-uk, the
# reference and each of four system outputs are two independent Ukrainian versions of
# the same line, as a back-translation and its original are two versions of the same
# sentence. Of 3,448 such correct pairs with at least 5 words, 1% score below chrF 14.8,
# and 1% fall below 0.30 × their document's median chrF (documents of 4+ pairs).
# Shorter pairs are skipped: below 5 words chrF is noise (a hashtag, "ВИБУХ" vs
# "ДЕТОНАЦІЯ" score 0-5 while being right).
CHRF_FLOOR = 15.0
RELATIVE_FLOOR = 0.30
MIN_WORDS = 5
MIN_PAIRS_FOR_NORM = 4


@check("low-adequacy", Severity.WARNING, needs=("back_translation",))
def low_adequacy(ctx: CheckContext) -> Iterator[Hit]:
    """Meaning may differ from the original (low chrF of the back-translation)."""
    adequacy = ctx.adequacy
    if adequacy is None or not adequacy.by_model:
        return
    floor = ctx.config.threshold("low-adequacy.chrf", CHRF_FLOOR)
    relative = ctx.config.threshold("low-adequacy.relative", RELATIVE_FLOOR)
    min_words = int(ctx.config.threshold("low-adequacy.min_words", MIN_WORDS))
    scored = [s for s in adequacy.link_chrf if s is not None]
    median = adequacy.median_chrf if len(scored) >= MIN_PAIRS_FOR_NORM else None
    segments = ctx.document.segments
    for link, score in zip(adequacy.alignment, adequacy.link_chrf, strict=True):
        if score is None or link.is_skip:
            continue
        reference = adequacy.reference_text(link)
        if len(reference.split()) < min_words:
            continue
        below_norm = median is not None and score < relative * median
        if score >= floor and not below_norm:
            continue
        why = (
            f"chrF {score:.1f} < {floor:g}"
            if score < floor
            else f"chrF {score:.1f} < {relative:g} × median {median:.1f}"
        )
        first = segments[link.target_ids[0]]
        label = "round trip" if adequacy.mode == ROUND_TRIP else "back-translation"
        evidence = {
            "original" if adequacy.mode != ROUND_TRIP else "translation": reference,
            "back_translation": " ".join(ctx.back_translations.get(segments[j].id, "") for j in link.target_ids),
            "chrF": score,
            "document_median_chrF": median,
            "link": link.kind,
        }
        if adequacy.mode == ROUND_TRIP:
            evidence["round_trip"] = adequacy.hypothesis_text(link)
        yield Hit(
            first,
            f"the {label} differs from the {'translation' if adequacy.mode == ROUND_TRIP else 'original'} ({why})",
            evidence=evidence,
            confidence=None,
        )
