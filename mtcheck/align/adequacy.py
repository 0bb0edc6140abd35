"""Adequacy: align what the translation says with what it should say, and score it.

Three ways to get two same-language texts to compare, chosen by the input:

``original``
    bilingual with a plain-text original (``--original``): the back-translation of each
    target sentence, against the original's sentences, aligned n:m by :mod:`mtcheck.align.align`
    (translators split and merge sentences). With no model the target and the original
    are aligned through anyascii transliteration plus anchors (numbers, names:
    :mod:`mtcheck.align.anchors`), so a sentence split in two still aligns 1:2.
``paired``
    a paired format (PO, XLIFF…) where each unit carries its source: the alignment is
    given by the file; the back-translation of each unit is compared with its source.
``round-trip``
    monolingual (a wire copy without its original): the back-translation is translated
    forward again and compared with the translation itself. The round trip is made
    segment by segment through the Translator protocol, so its correspondence with the
    target is known, not inferred: the alignment is the identity (an aligner could
    only add errors there).

Scores come from sacrebleu (chrF per link and per document, BLEU per document) and
keep sacrebleu's signatures.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mtcheck.align.align import Alignment, AlignSettings, Link, absorb_splits, align
from mtcheck.errors import ModelError
from mtcheck.translators.backtranslate import BackTranslation
from mtcheck.translators.base import Translator
from mtcheck.types import Document

ORIGINAL, PAIRED, ROUND_TRIP = "original", "paired", "round-trip"


@dataclass(frozen=True)
class Adequacy:
    """The alignment of one document and its scores.

    ``reference`` are the texts the translation is measured against (original
    sentences, unit sources, or the target itself for a round trip), ``hypothesis``
    one text per target segment (back-translation or round trip; empty without a
    model). Link ``i`` of ``alignment`` has chrF ``link_chrf[i]`` (None for a skip or
    without a model).
    """

    mode: str
    alignment: Alignment
    reference: tuple[str, ...]
    hypothesis: tuple[str, ...]
    link_chrf: tuple[float | None, ...]
    chrf: float | None = None
    bleu: float | None = None
    signatures: Mapping[str, str] = field(default_factory=dict)
    by_model: bool = False
    note: str | None = None  # e.g. segments left unscored, and why

    @property
    def median_chrf(self) -> float | None:
        scores = [s for s in self.link_chrf if s is not None]
        return statistics.median(scores) if scores else None

    def reference_text(self, link: Link) -> str:
        return " ".join(self.reference[i] for i in link.source_ids)

    def hypothesis_text(self, link: Link) -> str:
        return " ".join(self.hypothesis[j] for j in link.target_ids)


def romanize(text: str) -> str:
    """Latin-script rendering of any text (anyascii), so two scripts share n-grams."""
    from anyascii import anyascii

    return str(anyascii(text))


def align_without_model(
    original: Sequence[str],
    translation: Sequence[str],
    source_lang: str,
    target_lang: str,
    settings: AlignSettings | None = None,
    lines: tuple[Sequence[int], Sequence[int]] | None = None,
) -> Alignment:
    """Align an original with its translation with no model: transliteration plus anchors
    (numbers, and names where both scripts capitalise).

    ``lines`` (each sentence's line number, both sides) are the paragraphs: they count
    when the two sides have nearly as many (:func:`kept_paragraphs`)."""
    from mtcheck.align.anchors import abjad, anchors, cased, continues

    left_cased, right_cased = cased(" ".join(original)), cased(" ".join(translation))
    left_names: bool | str = left_cased and right_cased
    right_names: bool | str = left_names
    uncased = translation if left_cased else original
    if left_cased != right_cased and abjad(" ".join(uncased)):
        # an abjad against a cased script: any word of the abjad may be a name
        left_names, right_names = ("sound", "abjad") if left_cased else ("abjad", "sound")
    keys = (
        [anchors(t, source_lang, left_names) for t in original],
        [anchors(t, target_lang, right_names) for t in translation],
    )
    if left_names == "abjad" or right_names == "abjad":
        keys = _names_both_sides_have(keys)
    opens = ([continues(t, source_lang) for t in original], [continues(t, target_lang) for t in translation])
    paragraphs = kept_paragraphs(lines)
    alignment = align(
        [romanize(t) for t in original], [romanize(t) for t in translation], settings, keys, opens, paragraphs
    )
    return absorb_splits(alignment, original, translation, keys, settings, opens, paragraphs)


def _names_both_sides_have(keys: tuple[list[list[str]], list[list[str]]]) -> tuple[list[list[str]], list[list[str]]]:
    """Name keys that occur on both sides of the document, numbers untouched.

    Every word of an abjad is keyed (any may be a name); a key with no counterpart
    anywhere in the other text only dilutes the sentence's similarity, and the other
    side's capitalised words keyed likewise are kept on the same terms."""
    names = [{k for sentence in side for k in sentence if k.startswith("@")} for side in keys]
    shared = names[0] & names[1]
    left, right = (
        [[k for k in sentence if not k.startswith("@") or k in shared] for sentence in side] for side in keys
    )
    return left, right


# The two sides keep the same paragraphs when their counts differ by no more than this
# share of the larger (and one paragraph: a dropped one-sentence paragraph must not turn
# the structure off). On NTREX the line counts are equal; a translator who reflows the
# copy into a different number of paragraphs gives no structure to rely on.
PARAGRAPH_COUNT_SLACK = 0.1


def kept_paragraphs(lines: tuple[Sequence[int], Sequence[int]] | None) -> tuple[list[int], list[int]] | None:
    """Each sentence's paragraph number on both sides, or None when the sides do not keep
    the same paragraphs (or there is only one)."""
    if lines is None or not lines[0] or not lines[1]:
        return None
    numbered = []
    for side in lines:
        order = {line: k for k, line in enumerate(sorted(set(side)))}
        numbered.append([order[line] for line in side])
    counts = (numbered[0][-1] + 1, numbered[1][-1] + 1)
    if min(counts) < 2 or max(counts) - min(counts) > max(1.0, PARAGRAPH_COUNT_SLACK * max(counts)):
        return None
    return numbered[0], numbered[1]


def mode_of(doc: Document, has_model: bool) -> str | None:
    if doc.original is not None:
        return ORIGINAL
    if any(seg.source is not None for seg in doc.segments):
        return PAIRED
    return ROUND_TRIP if has_model else None


def round_trip(doc: Document, back: BackTranslation, translator: Translator) -> dict[str, str]:
    """Translate the back-translation forward again into the target language.

    A degenerate back-translation is left out: translating a loop forward again costs a
    second runaway decode and measures nothing.
    """
    ids = [seg.id for seg in doc.segments if seg.id not in back.degenerate]
    outputs = translator.translate([back.texts[i] for i in ids], doc.source_lang, doc.target_lang)
    if len(outputs) != len(ids):
        raise ModelError(f"translator returned {len(outputs)} outputs for {len(ids)} inputs")
    return dict(zip(ids, outputs, strict=True))


def _degenerate_note(doc: Document, back: BackTranslation) -> str:
    """What the report says when some back-translations were not translated forward again."""
    where = f"{doc.path}: " if doc.path else ""
    return (
        f"{where}{len(back.degenerate)} of {len(doc.segments)} back-translation(s) degenerate "
        "(ran to the length limit of 1.5× the input, or repeat themselves): "
        "not translated forward again (round trip) and not scored"
    )


def identity(count: int) -> Alignment:
    return Alignment(tuple(Link((i,), (i,), 1.0) for i in range(count)))


def assess(doc: Document, back: BackTranslation, round_trips: Mapping[str, str] | None = None) -> Adequacy | None:
    """Align and score one document; None when there is nothing to compare."""
    has_model = bool(back.texts)
    mode = mode_of(doc, has_model)
    if mode is None:
        return None
    segments = doc.segments
    if mode == ORIGINAL:
        assert doc.original is not None
        reference = tuple(seg.target for seg in doc.original)
        if has_model:
            hypothesis = tuple(back.texts.get(seg.id, "") for seg in segments)
            alignment = align(reference, hypothesis)
        else:
            hypothesis = tuple("" for _ in segments)
            targets = [seg.target for seg in segments]
            lines = ([seg.location.line or 0 for seg in doc.original], [seg.location.line or 0 for seg in segments])
            alignment = align_without_model(reference, targets, doc.source_lang, doc.target_lang, lines=lines)
    elif mode == PAIRED:
        if not has_model:
            return None  # units are paired already; without a back-translation there is nothing to score
        reference = tuple(seg.source or "" for seg in segments)
        hypothesis = tuple(back.texts.get(seg.id, "") for seg in segments)
        alignment = identity(len(segments))
    else:
        trips = round_trips or {}
        reference = tuple(seg.target for seg in segments)
        hypothesis = tuple(trips.get(seg.id, "") for seg in segments)
        # a segment without a round trip (degenerate back-translation) has no link: no score
        kept = [i for i, seg in enumerate(segments) if seg.id not in back.degenerate]
        alignment = Alignment(tuple(Link((i,), (i,), 1.0) for i in kept))
    if not has_model:
        return Adequacy(mode, alignment, reference, hypothesis, tuple(None for _ in alignment))
    scored = _scored(mode, alignment, reference, hypothesis)
    if mode == ROUND_TRIP and back.degenerate:
        return dataclasses.replace(scored, note=_degenerate_note(doc, back))
    return scored


def _scored(mode: str, alignment: Alignment, reference: tuple[str, ...], hypothesis: tuple[str, ...]) -> Adequacy:
    if not alignment.links:  # every round trip skipped: nothing to score (sacrebleu has no signature then)
        return Adequacy(mode, alignment, reference, hypothesis, (), by_model=True)
    from sacrebleu.metrics.bleu import BLEU
    from sacrebleu.metrics.chrf import CHRF

    chrf = CHRF()
    refs = [" ".join(reference[i] for i in link.source_ids) for link in alignment]
    hyps = [" ".join(hypothesis[j] for j in link.target_ids) for link in alignment]
    link_chrf = tuple(
        None if link.is_skip else round(chrf.sentence_score(h, [r]).score, 2)
        for link, h, r in zip(alignment, hyps, refs, strict=True)
    )
    # Document level: every link counts, so omitted and added sentences lower the score.
    doc_chrf = chrf.corpus_score(hyps, [refs]).score if hyps else None
    bleu = BLEU()
    doc_bleu = bleu.corpus_score(hyps, [refs]).score if hyps else None
    signatures = {"chrF": str(chrf.get_signature()), "BLEU": str(bleu.get_signature())}
    return Adequacy(
        mode,
        alignment,
        reference,
        hypothesis,
        link_chrf,
        chrf=None if doc_chrf is None else round(doc_chrf, 2),
        bleu=None if doc_bleu is None else round(doc_bleu, 2),
        signatures=signatures,
        by_model=True,
    )


def to_details(doc: Document, adequacy: Adequacy) -> dict[str, Any]:
    """The JSON form: which original sentences map to which target sentences, with scores."""
    left_ids = [seg.id for seg in doc.original] if doc.original is not None else [seg.id for seg in doc.segments]
    right_ids = [seg.id for seg in doc.segments]
    return {
        "mode": adequacy.mode,
        "by_model": adequacy.by_model,
        "chrF": adequacy.chrf,
        "BLEU": adequacy.bleu,
        "signatures": dict(adequacy.signatures),
        "links": [
            {
                "original": [left_ids[i] for i in link.source_ids],
                "target": [right_ids[j] for j in link.target_ids],
                "kind": link.kind,
                "similarity": round(link.score, 3),
                "chrF": score,
            }
            for link, score in zip(adequacy.alignment, adequacy.link_chrf, strict=True)
        ],
    }


def scored_pairs(adequacy: Adequacy) -> list[tuple[str, str]]:
    """(back-translation, reference) of each link a model scored: what :func:`run_scores` pools."""
    if not adequacy.by_model:
        return []
    return [(adequacy.hypothesis_text(link), adequacy.reference_text(link)) for link in adequacy.alignment]


def run_scores(scored: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Run-level chrF and BLEU over every model-scored link of every document."""
    if not scored:
        return {}
    from sacrebleu.metrics.bleu import BLEU  # only here: its import costs a tenth of a model-free check
    from sacrebleu.metrics.chrf import CHRF

    hyps = [h for h, _r in scored]
    refs = [r for _h, r in scored]
    chrf, bleu = CHRF(), BLEU()
    return {
        "chrF": round(chrf.corpus_score(hyps, [refs]).score, 2),
        "BLEU": round(bleu.corpus_score(hyps, [refs]).score, 2),
        "signatures": {"chrF": str(chrf.get_signature()), "BLEU": str(bleu.get_signature())},
    }
