"""The check protocol: a function over a document's context that yields hits.

A check is one function in one file::

    @check("repeated-word", Severity.WARNING)
    def repeated_word(ctx: CheckContext) -> Iterator[Hit]:
        \"\"\"Word repeated by mistake.\"\"\"   # first docstring line = the title users see
        ...

The runner turns each :class:`Hit` into a :class:`~mtcheck.types.Finding`, applying
the configured severity and resolving the span to a file line:column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from mtcheck.config import Config
from mtcheck.names.sources import NameSources
from mtcheck.registry import CHECKS
from mtcheck.types import Document, Segment, Severity, Span, Summary

if TYPE_CHECKING:
    from mtcheck.align.adequacy import Adequacy
    from mtcheck.align.align import Alignment
    from mtcheck.names.gazetteer import Gazetteer
    from mtcheck.names.termbase import Termbase


@dataclass(frozen=True)
class CheckContext:
    """What a check may look at for one document.

    ``back_translations`` maps segment id → the target segment translated back into the
    source language (empty when no model ran). ``alignment``, ``termbase`` and
    ``gazetteer`` are filled by the stages that own them, or left ``None``.
    ``alignment`` links the original's sentences (source ids index
    ``document.original``) or the units' sources to target segments (target ids index
    ``document.segments``); ``adequacy`` adds its chrF scores; ``round_trips`` maps
    segment id → the back-translation translated forward again (monolingual mode).
    """

    document: Document
    config: Config
    back_translations: Mapping[str, str] = field(default_factory=dict)
    alignment: Alignment | None = None
    termbase: Termbase | None = None
    gazetteer: Gazetteer | None = None
    run_documents: tuple[Document, ...] = ()
    # aligned with run_documents: summary name → what the pipeline kept of that document
    # for the run-scope checks (:class:`~mtcheck.types.Summary`)
    run_summaries: tuple[Mapping[str, Any], ...] = ()
    adequacy: Adequacy | None = None
    round_trips: Mapping[str, str] = field(default_factory=dict)
    # what this context's checks work out once and share (the pairs: mtcheck.checks.pairs);
    # not an init field, so a context made with dataclasses.replace starts empty
    memo: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @cached_property
    def names(self) -> NameSources:
        """The name stage's view of this document, shared by every name check of the run."""
        from mtcheck.names.namesdb import open_names_db

        alignment = self.adequacy.alignment if self.adequacy is not None else self.alignment
        names_db = open_names_db(self.config.names_db) if self.config.names_db else None
        return NameSources(
            self.document, self.termbase, self.gazetteer, self.back_translations, alignment, names_db=names_db
        )


@dataclass(frozen=True)
class Hit:
    """What a check found in one segment; the runner makes it a Finding."""

    segment: Segment
    message: str
    span: Span | None = None
    source_span: Span | None = None
    suggestion: str | None = None
    confidence: float | None = None
    evidence: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None


CheckFunction = Callable[[CheckContext], Iterable[Hit]]

# What a check needs beyond the target text, in one place. A check declares its needs
# (``needs=("pair",)``); the runner skips it when one is unmet, with the reason below,
# and ``mtcheck checks`` lists them. A check that needs nothing looks at the target only.
NEEDS: Mapping[str, str] = {
    "pair": "a source for each segment: a bilingual file (PO, XLIFF, TMX…) or the original (--original)",
    "original": "the original document (--original)",
    "back_translation": "a back-translation (a model; none with --no-mt)",
}


def unmet_need(needs: Iterable[str], ctx: CheckContext) -> str | None:
    """Why a check with ``needs`` cannot run on ``ctx`` (the first need missing), or None."""
    doc = ctx.document
    for need in needs:
        if need == "pair" and not doc.bilingual:
            return NEEDS[need]
        if need == "original" and doc.original is None:
            return NEEDS[need]
        if need == "back_translation" and not ctx.back_translations:
            return NEEDS[need]
    return None


@dataclass(frozen=True)
class Check:
    """A registered check: id, default severity, title (first docstring line)."""

    id: str
    severity: Severity
    title: str
    run: CheckFunction
    enabled_by_default: bool = True
    needs: frozenset[str] = frozenset()
    scope: str = "document"
    summary: Summary | None = None


def run_summaries(ctx: CheckContext, summary: Summary) -> list[Any]:
    """Each run document's ``summary``: the one the pipeline kept, else made now (a context
    built by hand, results an API caller made without it)."""
    found: list[Any] | None = ctx.memo.get(f"summary:{summary.name}")  # the checks that share it read it once
    if found is None:
        documents = ctx.run_documents or (ctx.document,)
        kept = ctx.run_summaries if len(ctx.run_summaries) == len(documents) else [{}] * len(documents)
        found = [made[summary.name] if summary.name in made else summary.make(doc)
                 for doc, made in zip(documents, kept, strict=True)]  # fmt: skip
        ctx.memo[f"summary:{summary.name}"] = found
    return found


def check(
    check_id: str,
    severity: Severity,
    *,
    enabled_by_default: bool = True,
    needs: Iterable[str] = (),
    scope: str = "document",
    summary: Summary | None = None,
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check function under ``check_id`` with a default severity.

    ``needs`` names what the check requires beyond the target text, from :data:`NEEDS`
    (``"pair"``, ``"original"``, ``"back_translation"``), so the runner can skip it,
    and say why, when that is absent. ``scope="run"``
    checks see all documents of a run through ``ctx.run_documents`` and run once; one
    that declares a ``summary`` reads each document through it (:func:`run_summaries`),
    and decodes only the segments it reports (:func:`~mtcheck.types.pick_segments`).
    """
    if summary is not None and scope != "run":
        raise ValueError(f"check {check_id}: only a run-scope check keeps a summary")

    unknown = [n for n in needs if n not in NEEDS]
    if unknown:
        raise ValueError(f"check {check_id}: unknown needs {unknown} (known: {', '.join(NEEDS)})")

    def decorate(func: CheckFunction) -> CheckFunction:
        title = (func.__doc__ or check_id).strip().splitlines()[0].strip()
        CHECKS.add(
            check_id,
            Check(check_id, severity, title, func, enabled_by_default, frozenset(needs), scope, summary),
        )
        return func

    return decorate
