"""Original sentences with no counterpart in the translation, and the reverse."""

from __future__ import annotations

from collections.abc import Iterator

from mtcheck.align.adequacy import ORIGINAL
from mtcheck.align.align import Link
from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.read.words import iter_words
from mtcheck.types import Severity

# A sentence this short left unaligned is usually a heading or caption merged into a
# neighbour by the translator, not an omission worth an error.
MIN_WORDS_FOR_ERROR = 6
# Without a model, a sentence this short (an interjection, a reply, a speech tag: "Так.",
# "he asked.") is placed by lengths and anchors alone, which say almost nothing about it:
# a translator who merged or split it looks the same as one who dropped it. A hint.
MIN_WORDS_WITHOUT_MODEL = 4
# ...unless it is long in letters: text whose spaces were lost ("تتضمنالدورةالتدريبية…",
# a sentence of the NTREX Arabic reference) counts one "word" for a whole sentence. Four
# words of news copy are about 20 letters; 30 leaves room for long words.
MIN_CHARS_WITHOUT_MODEL = 30


@check("unaligned", Severity.WARNING, needs=("original",))
def unaligned(ctx: CheckContext) -> Iterator[Hit]:
    """Sentence omitted or added: it has no counterpart on the other side."""
    adequacy = ctx.adequacy
    doc = ctx.document
    if adequacy is None or adequacy.mode != ORIGINAL or doc.original is None or not doc.segments:
        return
    min_words = int(ctx.config.threshold("unaligned.min_words_for_error", MIN_WORDS_FOR_ERROR))
    links = adequacy.alignment.links
    for index, link in enumerate(links):
        if link.source_ids and not link.target_ids:
            original = " ".join(doc.original[i].target for i in link.source_ids)
            if not _has_words(original):
                continue
            anchor = _nearest_target(links, index)
            segment = doc.segments[anchor]
            # With a model the back-translation confirms that nothing says this; without
            # one only lengths and shared names/numbers placed it, so it stays a warning.
            severe = adequacy.by_model and len(original.split()) >= min_words
            short = not adequacy.by_model and _short(original)
            yield Hit(
                segment,
                f"original sentence {doc.original[link.source_ids[0]].id} has no counterpart in the translation "
                "(omitted?)",
                evidence={"original": original, "where": f"before or after {segment.id}"},
                severity=Severity.ERROR if severe else Severity.INFO if short else None,
            )
        elif link.target_ids and not link.source_ids:
            segment = doc.segments[link.target_ids[0]]
            if not any(_has_words(doc.segments[j].target) for j in link.target_ids):
                continue
            back = ctx.back_translations.get(segment.id)
            evidence = {"back_translation": back} if back else {}
            added = " ".join(doc.segments[j].target for j in link.target_ids)
            short = not adequacy.by_model and _short(added)
            yield Hit(
                segment,
                "this sentence has no counterpart in the original (added?)",
                evidence=evidence,
                severity=Severity.INFO if short else None,
            )


def _has_words(text: str) -> bool:
    """A lone dash or quote, left as a "sentence" by the splitter, is nothing to omit or add."""
    return next(iter_words(text), None) is not None


def _short(text: str) -> bool:
    """Too short to tell an omission from a merge by lengths and anchors alone."""
    letters = sum(1 for c in text if not c.isspace())
    return sum(1 for _span in iter_words(text)) < MIN_WORDS_WITHOUT_MODEL and letters < MIN_CHARS_WITHOUT_MODEL


def _nearest_target(links: tuple[Link, ...], index: int) -> int:
    """The target sentence next to an omission: the following one, else the preceding one."""
    for link in links[index + 1 :]:
        if link.target_ids:
            return link.target_ids[0]
    for link in reversed(links[:index]):
        if link.target_ids:
            return link.target_ids[-1]
    return 0
