"""Placeholders, format specifiers and markup must survive translation unchanged."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.checks.pairs import Pair, pairs
from mtcheck.read.placeholders import Placeholder, all_placeholders, is_strftime, tag_placeholders
from mtcheck.types import Segment, Severity, Span

Extract = Callable[[Segment, str], list[Placeholder]]
_CODE_TRIGGERS = re.compile(r"[%{$]")
_TAG_TRIGGERS = re.compile(r"<")


# gettext flags of the formats whose placeholders are written in braces ({0}, {name})
BRACE_FORMATS = frozenset({"python-brace-format", "csharp-format", "java-format"})


def _declares_formats(segments: Sequence[Segment]) -> bool:
    """Whether the catalogue kept xgettext's format flags (compiled ones lose them)."""
    return any(flag.endswith("-format") for seg in segments for flag in seg.flags)


def _code_extractor(flagged: bool) -> Extract:
    def extract(seg: Segment, text: str) -> list[Placeholder]:
        # gettext flags say which syntaxes a string uses; without flags (compiled catalogues
        # lose them) every syntax is looked for, except printf in date formats, whose
        # directives a locale legitimately reorders ("%a %b %e" → "%e %B").
        dates = is_strftime(seg.source or "") or is_strftime(seg.target)
        printf = "no-c-format" not in seg.flags and not ("c-format" not in seg.flags and dates)
        braces = "no-python-brace-format" not in seg.flags
        if flagged:
            # a catalogue that declares its formats says which units use braces: elsewhere
            # "{INTEGER}" is help text (coreutils' usage messages), not a placeholder
            braces = braces and bool(seg.flags & BRACE_FORMATS)
        found = all_placeholders(text, printf=printf, braces=braces)
        if flagged:
            # "%REGEXP%" in help text: a word between percent signs is no %PRODUCTNAME variable
            found = [p for p in found if not (p.kind == "variable" and text[p.end : p.end + 1] == "%")]
        return found

    return extract


def _prose_placeholders(_seg: Segment, text: str) -> list[Placeholder]:
    # Wire copy is prose: "rose 5% in May" holds no printf directive ("% i"), so only
    # the syntaxes that prose never writes by chance are looked for.
    return all_placeholders(text, printf=False, braces=True)


def _tags(_seg: Segment, text: str) -> list[Placeholder]:
    return tag_placeholders(text)


def _plural_groups(segments: Sequence[Segment]) -> dict[str | None, list[Segment]]:
    groups: dict[str | None, list[Segment]] = {}
    for seg in segments:
        if "plural" in seg.flags:
            groups.setdefault(seg.location.unit_id, []).append(seg)
    return groups


def _problems(
    source: list[Placeholder], target: list[Placeholder], plural: str
) -> tuple[list[Placeholder], list[Placeholder]]:
    """(missing from the target, extra in the target), placeholder by placeholder."""
    if not source and not target:
        return [], []
    missing = Counter(p.key for p in source) - Counter(p.key for p in target)
    extra = Counter(p.key for p in target) - Counter(p.key for p in source)
    lost = [p for key, n in missing.items() for p in [q for q in source if q.key == key][-n:]]
    added = [p for key, n in extra.items() for p in [q for q in target if q.key == key][-n:]]
    if plural == "exact":
        # a form for exactly one number may spell it out ("ملف واحد"): it may drop the
        # count, an integer specifier or the source's only placeholder; the others keep
        # their positions, so a form that drops "%d" but keeps "%s" unpositioned still fails
        lost = [p for p in lost if not (p.integer or len(source) == 1)]
    elif plural == "unknown":
        lost = [p for p in lost if not p.integer]  # no Plural-Forms rule: give it the benefit of the doubt
    return lost, added


def _pair_changes(
    lost: list[Placeholder], added: list[Placeholder]
) -> tuple[list[tuple[Placeholder, Placeholder]], list[Placeholder], list[Placeholder]]:
    """One placeholder of a kind lost and one of that kind added is one change (%s → %d), in order."""
    changed: list[tuple[Placeholder, Placeholder]] = []
    added_left = list(added)
    lost_left: list[Placeholder] = []
    for old in lost:
        new = next((p for p in added_left if p.kind == old.kind), None)
        if new is None:
            lost_left.append(old)
        else:
            added_left.remove(new)
            changed.append((old, new))
    return changed, lost_left, added_left


def _plural_kind(seg: Segment) -> str:
    """ "exact" (a form for one number), "many" (for several: must show the count), "unknown", or ""."""
    if "plural" not in seg.flags:
        return ""
    if "plural-exact" in seg.flags:
        return "exact"
    return "many" if "plural-rules" in seg.flags else "unknown"


def _compare(
    ctx: CheckContext, extract: Extract, what: str, triggers: re.Pattern[str], prose: Extract | None = None
) -> Iterator[Hit]:
    """Placeholders of each pair's source against its target; ``prose`` extracts them from wire copy."""
    plurals = _plural_groups(ctx.document.segments)
    for pair in pairs(ctx):
        seg = pair.segment
        if not pair.target:
            continue
        if pair.aligned:
            yield from _compare_prose(pair, prose or extract, what, triggers)
            continue
        assert seg.source is not None
        if "plural" not in seg.flags and not triggers.search(seg.source) and not triggers.search(seg.target):
            continue  # most units hold no placeholder at all: skip them cheaply
        target = extract(seg, seg.target)
        if "plural" in seg.flags:
            # a form for several numbers is judged against msgid_plural; a form for one number,
            # or one whose rule is unknown, against msgid or msgid_plural, whichever fits better
            kind = _plural_kind(seg)
            group = [f.source or "" for f in plurals.get(seg.location.unit_id, [])] or [seg.source]
            sources = [group[-1]] if kind == "many" else list(dict.fromkeys([seg.source, *group]))
            outcomes = [_problems(extract(seg, text), target, kind) for text in sources]
            lost, added = min(outcomes, key=lambda o: len(o[0]) + len(o[1]))
        else:
            lost, added = _problems(extract(seg, seg.source), target, "")
        changed, lost, added = _pair_changes(lost, added)
        for old, new in changed:
            yield Hit(
                seg,
                f"{what} “{old.text}” of the source is “{new.text}” in the translation",
                span=Span(new.start, new.end),
                evidence={"subject": new.key, "was": old.key, "kind": new.kind, "problem": "changed"},
            )
        for p in added:
            yield Hit(
                seg,
                f"{what} “{p.text}” in the translation is not in the source",
                span=Span(p.start, p.end),
                evidence={"subject": p.key, "kind": p.kind, "problem": "extra"},
            )
        for p in lost:
            in_source = seg.source[p.start : p.end] == p.text
            yield Hit(
                seg,
                f"{what} “{p.text}” of the source is missing from the translation",
                source_span=Span(p.start, p.end) if in_source else None,
                evidence={"subject": p.key, "kind": p.kind, "problem": "missing"},
            )


def _compare_prose(pair: Pair, extract: Extract, what: str, triggers: re.Pattern[str]) -> Iterator[Hit]:
    """An aligned pair of wire copy: a warning, as no program breaks on a lost tag in an article."""
    if not triggers.search(pair.source) and not triggers.search(pair.target):
        return
    lost, added = _problems(extract(pair.segment, pair.source), extract(pair.segment, pair.target), "")
    for p in added:
        yield pair.hit(
            f"{what} “{p.text}” in the translation is not in the original",
            span=Span(p.start, p.end),
            evidence={"subject": p.key, "kind": p.kind, "problem": "extra"},
            severity=Severity.WARNING,
        )
    for p in lost:
        yield pair.hit(
            f"{what} “{p.text}” of the original is missing from the translation",
            source_span=Span(p.start, p.end),
            evidence={"subject": p.key, "kind": p.kind, "problem": "missing"},
            severity=Severity.WARNING,
        )


@check("placeholders", Severity.ERROR, needs=("pair",))
def placeholders(ctx: CheckContext) -> Iterator[Hit]:
    """Placeholder or format specifier missing, added or changed."""
    extract = _code_extractor(_declares_formats(ctx.document.segments))
    yield from _compare(ctx, extract, "placeholder", _CODE_TRIGGERS, _prose_placeholders)


@check("tags", Severity.ERROR, needs=("pair",))
def tags(ctx: CheckContext) -> Iterator[Hit]:
    """Markup tag or inline code missing or added."""
    yield from _compare(ctx, _tags, "tag", _TAG_TRIGGERS)
