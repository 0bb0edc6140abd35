"""MarianMT through transformers + torch: the reference backend (``--backend torch``).

torch and transformers are imported on first translation, never at import time. Models are
always loaded from a local folder found by :mod:`mtcheck.translators.models`, with the concrete Marian
classes (no Auto* class, so no remote code can ever run) and safetensors unless
``--allow-pickle``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mtcheck.config import ModelSettings
from mtcheck.errors import MissingDependencyError, ModelError
from mtcheck.registry import TRANSLATORS
from mtcheck.translators._engine import CachedTranslator, Decoding, RoutedTranslator, with_cache
from mtcheck.translators.decoded import Decoded
from mtcheck.translators.models import ModelStep, max_positions, weight_files


@dataclass(frozen=True)
class LoadedMarian:
    tokenizer: Any
    model: Any
    device: str


def import_marian() -> tuple[Any, Any]:
    """(torch, transformers), or the extra to install."""
    try:
        import torch
        import transformers
    except ImportError:
        raise MissingDependencyError("torch and transformers", "marian") from None
    # No logging or progress-bar settings here: they are process-wide, and a library must
    # leave them to its host. The command line quietens transformers for itself (cli.py).
    return torch, transformers


def load_tokenizer(path: Path) -> Any:
    import warnings

    _, transformers = import_marian()
    try:
        # MarianTokenizer warns "Recommended: pip install sacremoses." through `warnings` on
        # every load; it is advice to library users, not a finding, and stays out of reports
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*sacremoses.*")
            return transformers.MarianTokenizer.from_pretrained(str(path), local_files_only=True)
    except (OSError, ValueError, TypeError, RuntimeError) as exc:
        raise ModelError(f"{path}: cannot load the Marian tokenizer ({exc})") from None


def pick_device(setting: str, torch: Any) -> str:
    if setting == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return setting


def with_target_token(step: ModelStep, texts: list[str]) -> list[str]:
    """Multilingual-target models (opus-mt-en-ar …) need ``>>ara<<`` in front of every input."""
    return [f"{step.target_token} {t}" for t in texts] if step.target_token else texts


class MarianTranslator(RoutedTranslator):
    """Length-sorted, token-budget batches through ``MarianMTModel.generate``; beam 4 by default."""

    backend = "torch"

    def __init__(self, settings: ModelSettings, decoding: Decoding | None = None) -> None:
        super().__init__(settings, decoding)
        self._models: dict[Path, LoadedMarian] = {}

    def backend_signature(self) -> dict[str, str]:
        return {"backend": "torch", "precision": "fp16" if self._device() == "cuda" else "fp32"}

    def _device(self) -> str:
        if self.settings.device != "auto":
            return self.settings.device
        try:
            import torch
        except ImportError:
            return "cpu"
        return "cuda" if torch.cuda.is_available() else "cpu"

    def load(self, step: ModelStep) -> LoadedMarian:
        if step.path in self._models:
            return self._models[step.path]
        torch, transformers = import_marian()
        if self.settings.threads:
            torch.set_num_threads(self.settings.threads)
        device = pick_device(self.settings.device, torch)
        safe, _ = weight_files(step.path)
        try:
            model = transformers.MarianMTModel.from_pretrained(
                str(step.path),
                local_files_only=True,
                use_safetensors=bool(safe),
                dtype=torch.float16 if device == "cuda" else torch.float32,
            )
        except Exception as exc:  # noqa: BLE001 - safetensors, torch and transformers raise their own types; any is a model error
            raise ModelError(f"{step.path}: cannot load the Marian model ({type(exc).__name__}: {exc})") from None
        model.to(device).eval()
        loaded = LoadedMarian(load_tokenizer(step.path), model, device)
        self._models[step.path] = loaded
        return loaded

    def run_step(self, step: ModelStep, texts: list[str]) -> list[Decoded]:
        torch, _ = import_marian()
        loaded = self.load(step)
        tok = loaded.tokenizer
        # the model's positions bound both sides: the decoder's first one holds the start token
        limit = max_positions(step.path)
        ids = tok(with_target_token(step, texts), truncation=True, max_length=limit)["input_ids"]
        outputs = [Decoded("")] * len(texts)
        for batch in self.batched(step, [len(x) for x in ids]):
            enc = tok.pad({"input_ids": [ids[i] for i in batch]}, return_tensors="pt").to(loaded.device)
            longest = int(enc["input_ids"].shape[1])
            new_tokens = self.decoding.max_new_tokens(longest, limit - 1)
            extra = {"min_new_tokens": new_tokens} if self.decoding.forced_length is not None else {}
            with torch.inference_mode():
                generated = loaded.model.generate(
                    **enc,
                    num_beams=self.decoding.beam,
                    do_sample=False,
                    max_new_tokens=new_tokens,
                    max_length=None,
                    num_return_sequences=1,
                    **extra,
                )
            for i, row in zip(batch, generated.tolist(), strict=True):
                row = row[1:]  # row[0]: the decoder start token
                kept = self.decoding.trim(row, tok.eos_token_id, len(ids[i]), limit - 1)
                ended = self.decoding.ended(row, tok.eos_token_id, len(ids[i]), limit - 1)
                outputs[i] = Decoded(tok.decode(kept, skip_special_tokens=True), ended)
        return outputs


def make_torch_translator(settings: ModelSettings) -> RoutedTranslator | CachedTranslator:
    return with_cache(MarianTranslator(settings), settings)


TRANSLATORS.add("torch", make_torch_translator)
