"""One document spells one name in two or more ways (Zelensky … Zelenskyy)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.names.crossnames import USER_INTERFACE_FORMATS
from mtcheck.names.extract import PARTICLES, is_cased
from mtcheck.names.known import gazetteer_of, is_known, mentions
from mtcheck.names.tokens import one_word_inflected
from mtcheck.names.translit import SAME_SCRIPT_THRESHOLD, key, similarity
from mtcheck.read.words import iter_words
from mtcheck.types import Segment, Severity, Span

# Shorter words have too few letters for a key to mean much ("Ali"/"Eli").
MIN_LETTERS = 4


def _bare(form: str) -> str:
    head, _sep, rest = form.partition("-")
    return rest.casefold() if rest and head.lower() in PARTICLES else form.casefold()


@check("name-variant", Severity.WARNING)
def name_variant(ctx: CheckContext) -> Iterator[Hit]:
    """Name spelled in different ways in one document.

    Not where the original (``--original``, or the units' sources) has two spellings with the
    same transliteration key too: "Puff Daddy, P. Diddy and Diddy" rendered Пафф Дедді, Пі
    Дідді and Дідді follows the original.
    """
    if ctx.document.format in USER_INTERFACE_FORMATS:
        # A catalogue's units are separate strings, often long lists of similar names
        # (Johnstown, Johnston): the same source translated two ways is target-inconsistency.
        return
    threshold = ctx.config.threshold("name-variant", SAME_SCRIPT_THRESHOLD)
    gazetteer = gazetteer_of(ctx.names)
    deprecated = (
        {p.form for p in gazetteer.deprecated_forms(ctx.document.target_lang.split("-")[0])} if gazetteer else set()
    )
    occurrences: dict[str, list[tuple[Segment, Span]]] = defaultdict(list)
    for seg, mention in mentions(ctx.names):
        offset = mention.span.start
        for word in mention.text.split():
            start = seg.target.index(word, offset)
            offset = start + len(word)
            if len(word) >= MIN_LETTERS and word not in deprecated:  # deprecated-term reports those
                occurrences[word].append((seg, Span(start, offset)))
    by_key: dict[str, list[str]] = defaultdict(list)
    for form in occurrences:
        by_key[key(form)].append(form)
    in_original = _original_spellings(ctx)
    for group_key, forms in by_key.items():
        if len(forms) < 2:
            continue
        if len(in_original.get(group_key, ())) >= 2:
            # The original has two names here too ("Puff Daddy, P. Diddy and Diddy"), which the
            # translation follows (Пафф Дедді, Дідді): not an inconsistency of the translation.
            continue
        counts = Counter({f: len(occurrences[f]) for f in forms})
        main, _n = counts.most_common(1)[0]
        variants = [f for f in forms if f != main and similarity(f, main) >= threshold]
        if not variants:
            continue
        # al-Moualem and Moualem are one spelling with and without the article; Трампа and
        # Трампом are one name in two grammatical cases.
        variants = [f for f in variants if _bare(f) != _bare(main) and not one_word_inflected(f, main)]
        if not variants:
            continue
        group = [main, *variants]
        locations = [f"{seg.location.advance(seg.target, span.start)}" for f in group for seg, span in occurrences[f]]
        for form in variants:
            # An established spelling (Schulz beside Scholz, Christian beside Christine) is likely
            # another person: say so quietly.
            all_known = is_known(form, ctx.names)
            # The original spelling beside the transliterated one ("Бернерс-Лі (Berners-Lee)")
            # is a news convention, not an inconsistency: mention it only.
            quiet = all_known or form.isascii() != main.isascii()
            for seg, span in occurrences[form]:
                yield Hit(
                    seg,
                    f"“{form}” is spelled “{main}” elsewhere in this document ({counts[main]}×)",
                    span=span,
                    suggestion=main,
                    confidence=round(similarity(form, main) * (0.5 if all_known else 1.0), 2),
                    evidence={"key": key(form), "forms": {f: counts[f] for f in group}, "locations": locations},
                    severity=Severity.INFO if quiet else None,
                )


def _original_spellings(ctx: CheckContext) -> dict[str, set[str]]:
    """Transliteration key → the distinct spellings of the original's names with that key (the
    original document checked with ``--original``, or the units' sources); capitalised words
    only where the original's script has case."""
    doc = ctx.document
    texts = [seg.target for seg in doc.original] if doc.original is not None else []
    texts += [seg.source for seg in doc.segments if seg.source]
    out: dict[str, set[str]] = defaultdict(set)
    for text in texts:
        cased = is_cased(text)
        for start, end in iter_words(text):
            word = text[start:end]
            if word.endswith(("'s", "’s")):
                word = word[:-2]
            if len(word) < MIN_LETTERS or (cased and not word[:1].isupper()):
                continue
            spellings = out[key(word)]
            # Трампа and Трампом, ترامب and لترامب are one spelling, declined or with a clitic
            bare = _bare(word)
            if not any(bare == s or one_word_inflected(bare, s) for s in spellings):
                spellings.add(bare)
    return out
