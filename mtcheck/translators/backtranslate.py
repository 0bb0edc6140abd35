"""The back-translation stage: target segments → source language, through a Translator."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mtcheck.config import ModelSettings
from mtcheck.errors import MissingDependencyError, ModelError
from mtcheck.registry import TRANSLATORS
from mtcheck.translators.base import Translator
from mtcheck.translators.decoded import Decoded, repeats_itself
from mtcheck.types import Document


@dataclass(frozen=True)
class BackTranslation:
    """Segment id → back-translated text, the model's signature, or why it was skipped."""

    texts: Mapping[str, str] = field(default_factory=dict)
    signature: Mapping[str, str] = field(default_factory=dict)
    skipped: str | None = None
    # The translator that produced ``texts``, so later stages (the round trip) reuse the
    # loaded model instead of building a second one.
    translator: Any = field(default=None, compare=False, repr=False)
    stats: Mapping[str, int] = field(default_factory=dict)  # e.g. translation-cache hits and misses
    note: str | None = None  # e.g. the translation cache could not be written and went to memory
    # Segment ids whose back-translation is degenerate (ran to the length cap, or loops): not
    # a translation of anything, so nothing is built on it (no round trip, no score).
    degenerate: frozenset[str] = frozenset()


def make_translator(settings: ModelSettings) -> Translator:
    """Build the configured backend's translator (raises ModelError when it cannot)."""
    if settings.backend not in TRANSLATORS:
        choices = ", ".join(TRANSLATORS.names()) or "none installed"
        raise ModelError(f"no translation backend {settings.backend!r} ({choices})")
    return TRANSLATORS.get(settings.backend)(settings)


def back_translate(doc: Document, settings: ModelSettings, translator: Translator | None = None) -> BackTranslation:
    """Translate every target segment into the source language.

    A missing model is not fatal unless ``settings.required``: the run goes on with the
    model-free checks and the report says the step was skipped, why, and how to enable it.
    """
    if not settings.enabled and translator is None:
        return BackTranslation(skipped="back-translation disabled (--no-mt)")
    try:
        translator = translator or make_translator(settings)
        texts = [seg.target for seg in doc.segments]
        before = dict(getattr(translator, "stats", {}))
        outputs = decode_outputs(translator, texts, doc.target_lang, doc.source_lang)
    except (ModelError, MissingDependencyError) as exc:
        if settings.required:
            raise
        return BackTranslation(skipped=f"back-translation skipped: {exc}")
    if len(outputs) != len(texts):
        raise ModelError(f"translator returned {len(outputs)} outputs for {len(texts)} inputs")
    return BackTranslation(
        texts={seg.id: out.text for seg, out in zip(doc.segments, outputs, strict=True)},
        degenerate=frozenset(
            seg.id for seg, out in zip(doc.segments, outputs, strict=True) if not out.ended or repeats_itself(out.text)
        ),
        signature=dict(translator.signature),
        translator=translator,
        # a translator reused across documents keeps running totals: report this document's share
        stats={k: v - before.get(k, 0) for k, v in getattr(translator, "stats", {}).items()},
        note=getattr(translator, "note", None),
    )


def decode_outputs(translator: Translator, texts: list[str], src: str, tgt: str) -> list[Decoded]:
    """The translator's outputs, with whether each ended (a translator that cannot tell: all did)."""
    decode = getattr(translator, "decode", None)
    if decode is not None:
        return list(decode(texts, src, tgt))
    return [Decoded(out) for out in translator.translate(texts, src, tgt)]
