"""The terminal report (rich): a summary, then each finding with its sentence."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from mtcheck.registry import RENDERERS
from mtcheck.render.annotations import one_line
from mtcheck.render.base import RenderOptions
from mtcheck.types import Finding, Report, Severity

if TYPE_CHECKING:
    from rich.console import Console

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

# Evidence keys shown as a labelled block of sentences (alignment and adequacy checks):
# what the original says, what the translation says, what the model reads in it.
_SENTENCE_KEYS = (("original", "original"), ("back_translation", "back-translation"), ("round_trip", "round trip"))


def _excerpt(finding: Finding, width: int) -> tuple[str, str, str]:
    """(before, span, after) of the finding's sentence, trimmed to one line around the span."""
    text, span = finding.context.replace("\n", " "), finding.span
    room = max(width - 8, 20)  # indent, the [[ ]] markers and the ellipses
    if span is None:
        return (text if len(text) <= room else text[: room - 1] + "…"), "", ""
    before, middle, after = text[: span.start], text[span.start : span.end], text[span.end :]
    if len(middle) > room:
        middle = middle[: room // 2 - 1] + "…" + middle[-(room // 2 - 1) :]
    side = max((room - len(middle)) // 2, 0)
    if len(before) + len(middle) + len(after) > room:
        keep_after = max(side, room - len(middle) - len(before))
        keep_before = max(room - len(middle) - min(len(after), keep_after), 0)
        if len(before) > keep_before:
            before = "…" + before[len(before) - keep_before + 1 :] if keep_before > 1 else ""
        if len(after) > keep_after:
            after = after[: max(keep_after - 1, 0)] + "…"
    return before, middle, after


def _print_sentences(console: Console, finding: Finding) -> set[str]:
    """Original, translation and back-translation together, when the finding carries them."""
    from rich.text import Text

    present = [(key, label) for key, label in _SENTENCE_KEYS if finding.evidence.get(key)]
    if not present:
        return set()
    for key, label in present[:1]:
        console.print(Text(f"    {label}: {finding.evidence[key]}"))
    console.print(Text(f"    translation: {finding.context}"))
    for key, label in present[1:]:
        console.print(Text(f"    {label}: {finding.evidence[key]}"))
    return {key for key, _label in present}


def _for_editors(key: str, value: object) -> bool:
    """Evidence an editor reads: not the matcher's transliteration keys (``key: RZTM MRF``)
    nor empty values (``alternatives: []``). The JSON and HTML reports keep all of it."""
    return not (key == "key" or key.endswith("_key")) and value not in (None, "", [], (), {})


def _summary(report: Report, options: RenderOptions) -> str:
    counts = report.counts()
    scores = report.scores
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info")]
    head = f"{scores.get('segments', 0)} segments, {scores.get('words', 0)} words: " + ", ".join(parts)
    for name in ("chrF", "BLEU"):
        if name in scores:
            head += f"; {name} {scores[name]:.1f}"
    verdict = "PASSED" if report.exit_code(options.fail_on) == 0 else "FAILED"
    gate = f" (fail on {options.fail_on})" if options.fail_on else " (never fails)"
    return f"{head} — {verdict}{gate}"


def _clip(text: str, room: int) -> str:
    return text if len(text) <= room else text[: max(room - 1, 1)] + "…"


@RENDERERS.register("text")
def render_text(report: Report, options: RenderOptions) -> str:
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        soft_wrap=False,
    )
    for note in report.notes if options.notes else ():
        console.print(Text(f"note: {note}", style="dim"))
    for finding in report.findings:
        style = _STYLE[finding.severity]
        # one location line per finding (grep, editors' quickfix): path:line:col severity check message
        loc = finding.location
        where = f"{loc.path or '<stdin>'}:{loc.line}:{loc.column}"
        console.print(
            f"[bold]{escape(where)}[/bold] "
            f"[{style}]{finding.severity}[/{style}] [dim]{finding.check}[/dim] {escape(one_line(finding.message))}",
            soft_wrap=True,  # never wrapped: one line per finding, whatever the width
        )
        before, middle, after = _excerpt(finding, options.width)
        line = Text("  ")
        line.append(before)
        line.append(middle, style="bold reverse" if options.color else "")
        line.append(after)
        if middle and not options.color:
            line = Text(f"  {before}[[{middle}]]{after}")
        console.print(line)
        if loc.unit_id:
            console.print(Text(f"  unit: {_clip(one_line(loc.unit_id), options.width - 8)}", style="dim"))
        if finding.suggestion:
            sure = f" (confidence {finding.confidence:.0%})" if finding.confidence is not None else ""
            console.print(Text(f"  → suggestion: {finding.suggestion}{sure}", style="green"))
        shown = _print_sentences(console, finding)
        for key, value in finding.evidence.items():
            if key not in shown and _for_editors(key, value):
                console.print(Text(f"    {key}: {value}", style="dim"))
        console.print()
    console.print(Text(_summary(report, options), style="bold"))
    return buffer.getvalue()
