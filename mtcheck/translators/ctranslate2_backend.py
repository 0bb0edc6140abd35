"""MarianMT through CTranslate2 (``--backend ctranslate2``, extra ``mtcheck[fast]``).

The Marian folder is converted once (int8 by default) and the converted model is cached next
to it, or in mtcheck's cache dir when the folder is the read-mostly HF cache. Tokenisation is
the same MarianTokenizer the torch backend uses, and batching, trimming and routing come from
the shared engine, so both backends give the same greedy output for the same weights.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from mtcheck.config import ModelSettings
from mtcheck.errors import MissingDependencyError, ModelError
from mtcheck.registry import TRANSLATORS
from mtcheck.translators._engine import CachedTranslator, Decoding, RoutedTranslator, with_cache
from mtcheck.translators.cache import default_cache_dir
from mtcheck.translators.decoded import Decoded
from mtcheck.translators.marian import import_marian, load_tokenizer, with_target_token
from mtcheck.translators.models import ModelStep, hf_hub_cache, max_positions

# CTranslate2 cuts a call into sub-batches of max_batch_size (after sorting by length) and its
# inter_threads workers take them from a queue. Measured on the opus-mt base shape
# (bench/translate_bench.py, beam 4, 2 workers): sub-batches of 6-8 sentences decode as many
# tokens/s as 15-16 or more, with less memory; what costs is a split that leaves one worker
# idle at the end (48 texts as 16+16+16: one worker does two thirds of the work).
SUB_BATCH = 8


def sub_batch_size(texts: int, workers: int, target: int = SUB_BATCH) -> int:
    """The max_batch_size (at most ``target``) whose sub-batches keep ``workers`` equally busy.

    Each size is tried by handing its sub-batches, in CTranslate2's order, to whichever worker
    is free first; a sub-batch costs its texts plus about one text's worth of fixed work (why
    sizes below 4 are slower per token). The size that finishes first wins, the largest on a tie:
    23 texts on 2 workers become 6+6+6+5 (12 and 11 texts each), not 8+8+7 (16 and 7).
    """
    workers = max(1, workers)

    def finish(size: int) -> int:
        loads = [0] * workers
        for start in range(0, texts, size):
            loads[loads.index(min(loads))] += min(size, texts - start) + 1
        return max(loads)

    return min(range(max(1, target), 0, -1), key=finish)


def import_ctranslate2() -> Any:
    try:
        import ctranslate2
    except ImportError:
        raise MissingDependencyError("ctranslate2", "fast") from None
    return ctranslate2


def converted_dir(step: ModelStep, settings: ModelSettings, compute_type: str) -> Path:
    """Where the converted model lives: next to a folder we own, else in mtcheck's cache."""
    name = f"ctranslate2-{compute_type}"
    in_hf_cache = hf_hub_cache().resolve() in step.path.resolve().parents
    if not in_hf_cache and os.access(step.path, os.W_OK):
        return step.path / name
    safe_id = step.model_id.replace("/", "--")
    return default_cache_dir(settings) / "ctranslate2" / f"{safe_id}@{step.revision.replace(':', '-')}" / name


def convert(step: ModelStep, out: Path, compute_type: str) -> Path:
    """Convert once; a finished conversion (with its model.bin) is reused by every later run.

    The conversion goes to a temporary folder renamed into place, so two processes converting
    at once cannot leave a half-written model behind.
    """
    if (out / "model.bin").is_file():
        return out
    ctranslate2 = import_ctranslate2()
    import_marian()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".convert-", dir=out.parent))
    try:
        converter = ctranslate2.converters.TransformersConverter(str(step.path), low_cpu_mem_usage=True)
        converter.convert(str(tmp / "model"), quantization=compute_type, force=True)
        try:
            (tmp / "model").rename(out)
        except OSError:
            if not (out / "model.bin").is_file():  # not a concurrent winner: a real failure
                raise
    except (OSError, ValueError, RuntimeError, KeyError, NotImplementedError) as exc:
        raise ModelError(f"{step.path}: cannot convert to CTranslate2 ({exc})") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


class CTranslate2Translator(RoutedTranslator):
    """Same interface and outputs as :class:`MarianTranslator`, several times faster on CPU."""

    backend = "ctranslate2"

    def __init__(self, settings: ModelSettings, decoding: Decoding | None = None) -> None:
        super().__init__(settings, decoding)
        self.compute_type = settings.compute_type
        self._models: dict[Path, tuple[Any, Any]] = {}

    def backend_signature(self) -> dict[str, str]:
        return {"backend": "ctranslate2", "precision": self.compute_type}

    def load(self, step: ModelStep) -> tuple[Any, Any]:
        if step.path in self._models:
            return self._models[step.path]
        ctranslate2 = import_ctranslate2()
        folder = convert(step, converted_dir(step, self.settings, self.compute_type), self.compute_type)
        device = self.settings.device
        if device == "auto":
            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        threads = self.settings.threads or os.cpu_count() or 1
        try:
            translator = ctranslate2.Translator(
                str(folder),
                device=device,
                # int8 weights with fp16 activations is CTranslate2's fast GPU mode; untested here (no GPU).
                compute_type="int8_float16" if device == "cuda" and self.compute_type == "int8" else self.compute_type,
                inter_threads=threads if device == "cpu" else 1,
                intra_threads=1,
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"{folder}: cannot load the CTranslate2 model ({exc})") from None
        self._models[step.path] = (translator, load_tokenizer(step.path))
        return self._models[step.path]

    def run_step(self, step: ModelStep, texts: list[str]) -> list[Decoded]:
        translator, tok = self.load(step)
        # the model's positions bound both sides: the decoder's first one holds the start token
        limit = max_positions(step.path)
        ids = tok(with_target_token(step, texts), truncation=True, max_length=limit)["input_ids"]
        tokens = [tok.convert_ids_to_tokens(x) for x in ids]
        outputs = [Decoded("")] * len(texts)
        workers = max(1, translator.num_translators)
        for batch in self.batched(step, [len(x) for x in ids]):
            longest = max(len(ids[i]) for i in batch)
            length = self.decoding.max_new_tokens(longest, limit - 1)
            results = translator.translate_batch(
                [tokens[i] for i in batch],
                beam_size=self.decoding.beam,
                max_batch_size=sub_batch_size(len(batch), workers),
                max_input_length=limit,
                max_decoding_length=length,
                min_decoding_length=length if self.decoding.forced_length is not None else 0,
                return_scores=False,
                return_end_token=True,  # its presence is how an output that ended shows
            )
            for i, result in zip(batch, results, strict=True):
                row = result.hypotheses[0]
                kept = self.decoding.trim(row, tok.eos_token, len(ids[i]), limit - 1)
                ended = self.decoding.ended(row, tok.eos_token, len(ids[i]), limit - 1)
                outputs[i] = Decoded(tok.decode(tok.convert_tokens_to_ids(kept), skip_special_tokens=True), ended)
        return outputs


def make_ctranslate2_translator(settings: ModelSettings) -> RoutedTranslator | CachedTranslator:
    return with_cache(CTranslate2Translator(settings), settings)


TRANSLATORS.add("ctranslate2", make_ctranslate2_translator)
