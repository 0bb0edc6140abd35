"""The terminal report (rich): a summary, then each finding with its sentence."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from mtcheck.registry import RENDERERS
from mtcheck.render.base import RenderOptions
from mtcheck.types import Finding, Report, Severity

if TYPE_CHECKING:
    from rich.console import Console

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

# Evidence keys shown as a labelled block of sentences (alignment and adequacy checks):
# what the original says, what the translation says, what the model reads in it.
_SENTENCE_KEYS = (("original", "original"), ("back_translation", "back-translation"), ("round_trip", "round trip"))

# How much of a long sentence to show around the flagged span.
_CONTEXT_CHARS = 70


def _excerpt(finding: Finding) -> tuple[str, str, str]:
    """(before, span, after) of the finding's sentence, trimmed around the span."""
    text, span = finding.context, finding.span
    if span is None:
        short = text if len(text) <= 2 * _CONTEXT_CHARS else text[: 2 * _CONTEXT_CHARS] + "…"
        return short, "", ""
    before, middle, after = text[: span.start], text[span.start : span.end], text[span.end :]
    if len(before) > _CONTEXT_CHARS:
        before = "…" + before[-_CONTEXT_CHARS:]
    if len(after) > _CONTEXT_CHARS:
        after = after[:_CONTEXT_CHARS] + "…"
    if len(middle) > 2 * _CONTEXT_CHARS:
        middle = middle[:_CONTEXT_CHARS] + "…" + middle[-_CONTEXT_CHARS:]
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
    for note in report.notes:
        console.print(Text(f"note: {note}", style="dim"))
    for finding in report.findings:
        style = _STYLE[finding.severity]
        console.print(
            f"[bold]{escape(str(finding.location))}[/bold] [{style}]{finding.severity}[/{style}] "
            f"[dim]{finding.check}[/dim]"
        )
        before, middle, after = _excerpt(finding)
        line = Text("  ")
        line.append(before)
        line.append(middle, style="bold reverse" if options.color else "")
        line.append(after)
        if middle and not options.color:
            line = Text(f"  {before}[[{middle}]]{after}")
        console.print(line)
        console.print(Text(f"  {finding.message}"))
        if finding.suggestion:
            sure = f" (confidence {finding.confidence:.0%})" if finding.confidence is not None else ""
            console.print(Text(f"  → suggestion: {finding.suggestion}{sure}", style="green"))
        shown = _print_sentences(console, finding)
        for key, value in finding.evidence.items():
            if key not in shown:
                console.print(Text(f"    {key}: {value}", style="dim"))
        console.print()
    console.print(Text(_summary(report, options), style="bold"))
    return buffer.getvalue()
