"""One document spells one name in two or more ways (Zelensky … Zelenskyy)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.names.crossnames import USER_INTERFACE_FORMATS
from mtcheck.names.extract import PARTICLES
from mtcheck.names.known import gazetteer_of, is_known, mentions
from mtcheck.names.tokens import one_word_inflected
from mtcheck.names.translit import SAME_SCRIPT_THRESHOLD, key, similarity
from mtcheck.types import Segment, Severity, Span

# Shorter words have too few letters for a key to mean much ("Ali"/"Eli").
MIN_LETTERS = 4


def _bare(form: str) -> str:
    head, _sep, rest = form.partition("-")
    return rest.casefold() if rest and head.lower() in PARTICLES else form.casefold()


@check("name-variant", Severity.WARNING)
def name_variant(ctx: CheckContext) -> Iterator[Hit]:
    """Name spelled in different ways in one document."""
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
    for forms in by_key.values():
        if len(forms) < 2:
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
