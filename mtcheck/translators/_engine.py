"""What every Marian backend shares: routing through pivots, length-sorted batching, the cache.

A backend (torch, CTranslate2) only implements :meth:`RoutedTranslator.run_step`: translate a
list of non-empty texts with one model. Routing, empty lines, batching and order, the
signature and the translation cache live here, so the backends cannot drift apart.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any

from mtcheck.config import ModelSettings
from mtcheck.translators.cache import TranslationCache, cache_namespace, default_cache_dir
from mtcheck.translators.decoded import Decoded
from mtcheck.translators.models import ModelStep, resolve_route

# An output follows its input's length: at most 1.5n+10 tokens for an n-token input. Without
# it a model that never ends a sentence decodes to the model's 512 positions for every text
# (and the round trip translates that back again); an output that reaches the cap is marked
# unfinished, and nothing is built on it (translators/backtranslate.py).
LENGTH_RATIO = 1.5
LENGTH_SLACK = 10
MAX_POSITIONS = 512
# Examples per batch on top of the token budget: bigger batches stop paying off on CPU.
MAX_BATCH_EXAMPLES = 64


@dataclass(frozen=True)
class Decoding:
    """Decoding settings: part of every cache key and signature."""

    beam: int = 4
    # Forced output length (min = max), for benchmarks that must do equal work on any model.
    forced_length: int | None = None

    def max_new_tokens(self, longest_input: int, limit: int = MAX_POSITIONS) -> int:
        """Tokens to generate at most; ``limit`` is what the model's decoder positions allow."""
        if self.forced_length is not None:
            return min(self.forced_length, limit)
        return min(limit, int(LENGTH_RATIO * longest_input) + LENGTH_SLACK)

    def trim(self, tokens: Sequence[Any], end: Any, input_length: int, limit: int = MAX_POSITIONS) -> list[Any]:
        """Output tokens (no start token) cut at the end token and at this text's own cap.

        A batch decodes up to its longest input's cap; cutting each text to its own cap (minus
        the end-of-sentence slot a capped run spends) makes an output independent of its batch.
        """
        out = list(tokens)
        if end in out:
            out = out[: out.index(end)]
        if self.forced_length is not None:
            return out
        return out[: self.max_new_tokens(input_length, limit) - 1]

    def ended(self, tokens: Sequence[Any], end: Any, input_length: int, limit: int = MAX_POSITIONS) -> bool:
        """Whether the model ended this text itself, before the last slot of the text's own cap.

        An end token in that last slot is no proof: transformers forces one there. Counting it
        as "not ended" also keeps the answer independent of the batch (whose cap may be longer).
        """
        if self.forced_length is not None:
            return True
        out = list(tokens)
        return end in out and out.index(end) < self.max_new_tokens(input_length, limit) - 1

    def signature(self) -> dict[str, str]:
        sig = {"beam": str(self.beam), "max_length": f"{LENGTH_RATIO:g}n+{LENGTH_SLACK}"}
        if self.forced_length is not None:
            sig["max_length"] = f"forced {self.forced_length}"
        return sig


def plan_batches(lengths: Sequence[int], budget: int, max_examples: int = MAX_BATCH_EXAMPLES) -> list[list[int]]:
    """Indices grouped longest first so that each batch's padded size stays within ``budget`` tokens.

    Sorting by length keeps padding (wasted work) small; callers restore the input order.
    A text longer than the budget gets a batch of its own.
    """
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        width = lengths[current[0]] if current else lengths[i]
        if current and ((len(current) + 1) * width > budget or len(current) >= max_examples):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


class BatchProgress:
    """A rich progress bar on stderr that appears only when the work outlasts ``delay`` seconds."""

    def __init__(self, total: int, label: str, delay: float = 2.0) -> None:
        self.total = total
        self.label = label
        self.delay = delay
        self.done = 0
        self.start = time.monotonic()
        self.enabled = sys.stderr.isatty()
        self._bar: Any = None
        self._task: Any = None

    def advance(self, n: int) -> None:
        self.done += n
        if not self.enabled:
            return
        if self._bar is None and time.monotonic() - self.start > self.delay and self.done < self.total:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total)
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)

    def __enter__(self) -> BatchProgress:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()


class RoutedTranslator:
    """Base of the Marian backends: resolves a route per language pair and runs it hop by hop."""

    backend = "base"

    def __init__(self, settings: ModelSettings, decoding: Decoding | None = None) -> None:
        self.settings = settings
        self.decoding = decoding or Decoding(beam=settings.beam)
        self._routes: dict[tuple[str, str], tuple[ModelStep, ...]] = {}
        self._last: dict[str, str] = {}

    # -- what a backend implements -------------------------------------------------------------
    def run_step(self, step: ModelStep, texts: list[str]) -> list[Decoded]:
        raise NotImplementedError

    def backend_signature(self) -> dict[str, str]:
        return {"backend": self.backend}

    # -- shared --------------------------------------------------------------------------------
    def route(self, src: str, tgt: str) -> tuple[ModelStep, ...]:
        key = (src, tgt)
        if key not in self._routes:
            self._routes[key] = resolve_route(src, tgt, self.settings)
        return self._routes[key]

    def route_signature(self, src: str, tgt: str) -> dict[str, str]:
        """What shapes this pair's output: model(s) and revision(s), backend, decoding."""
        steps = self.route(src, tgt)
        return {
            "model": " → ".join(step.signature() for step in steps),
            "pair": f"{src}-{tgt}",
            **self.backend_signature(),
            **self.decoding.signature(),
        }

    @property
    def signature(self) -> Mapping[str, str]:
        return dict(self._last) or {**self.backend_signature(), **self.decoding.signature()}

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        """Translate in input order; blank texts come back as empty strings without touching a model."""
        return [out.text for out in self.decode(texts, src, tgt)]

    def decode(self, texts: Sequence[str], src: str, tgt: str) -> list[Decoded]:
        """:meth:`translate`, saying for each output whether every hop of the route ended it."""
        steps = self.route(src, tgt)
        self._last = self.route_signature(src, tgt)
        outputs = [Decoded("") for _ in texts]
        todo = [i for i, t in enumerate(texts) if t.strip()]
        current = [Decoded(texts[i].strip()) for i in todo]
        for step in steps:
            if not current:
                break
            hop = self.run_step(step, [out.text for out in current])
            current = [Decoded(new.text, old.ended and new.ended) for old, new in zip(current, hop, strict=True)]
        for i, out in zip(todo, current, strict=True):
            outputs[i] = out
        return outputs

    def batched(self, step: ModelStep, lengths: Sequence[int]) -> Iterator[list[int]]:
        """Batches of indices (by token budget) with a progress bar for long runs."""
        batches = plan_batches(lengths, self.settings.batch_tokens)
        with BatchProgress(len(lengths), f"translating {step.src}→{step.tgt}") as progress:
            for batch in batches:
                yield batch
                progress.advance(len(batch))


class CachedTranslator:
    """Wraps a routed translator: looks every text up in the cache, translates only the misses."""

    def __init__(self, inner: RoutedTranslator, cache: TranslationCache) -> None:
        self.inner = inner
        self.cache = cache

    @property
    def signature(self) -> Mapping[str, str]:
        return self.inner.signature

    @property
    def stats(self) -> dict[str, int]:
        return {"cache_hits": self.cache.hits, "cache_misses": self.cache.misses}

    @property
    def note(self) -> str | None:
        """Why the cache went to memory, once it has (the run goes on regardless)."""
        return self.cache.note

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        return [out.text for out in self.decode(texts, src, tgt)]

    def decode(self, texts: Sequence[str], src: str, tgt: str) -> list[Decoded]:
        """Cached outputs, and the misses decoded; which outputs ran to the length cap is cached too.

        So a cached re-run translates nothing and still reports an unfinished output as such:
        the report does not depend on the cache.
        """
        signature = self.inner.route_signature(src, tgt)
        namespace = cache_namespace(signature)
        unfinished = cache_namespace({**signature, "output": "ran to the length cap"})
        wanted = [t for t in texts if t.strip()]
        hits = self.cache.get_many(namespace, wanted)
        cut = self.cache.get_many(unfinished, list(hits), count=False) if hits else {}
        found = {t: Decoded(out, ended=t not in cut) for t, out in hits.items()}
        missing = list(dict.fromkeys(t for t in wanted if t not in found))
        if missing:
            fresh = self.inner.decode(missing, src, tgt)
            self.cache.put_many(namespace, [(t, out.text) for t, out in zip(missing, fresh, strict=True)])
            runaway = [(t, "") for t, out in zip(missing, fresh, strict=True) if not out.ended]
            if runaway:
                self.cache.put_many(unfinished, runaway)
            found.update(zip(missing, fresh, strict=True))
        else:
            self.inner.decode([], src, tgt)  # sets the signature without loading a model
        return [found.get(t, Decoded("")) if t.strip() else Decoded("") for t in texts]

    def remember(self, src: str, tgt: str, outputs: Sequence[tuple[str, Decoded]]) -> None:
        """Keep translations of this pair made by the same model elsewhere (a cluster worker's
        batch of a long document), so that :meth:`decode` finds them as if made here."""
        signature = self.inner.route_signature(src, tgt)
        self.cache.put_many(cache_namespace(signature), [(t, out.text) for t, out in outputs])
        runaway = [(t, "") for t, out in outputs if not out.ended]
        if runaway:
            self.cache.put_many(cache_namespace({**signature, "output": "ran to the length cap"}), runaway)


def with_cache(translator: RoutedTranslator, settings: ModelSettings) -> RoutedTranslator | CachedTranslator:
    if not settings.use_cache:
        return translator
    return CachedTranslator(translator, TranslationCache(default_cache_dir(settings)))
