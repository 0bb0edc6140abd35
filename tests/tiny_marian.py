"""A tiny, randomly initialised Marian model in the exact layout a hub download has.

No model hub is reachable in tests, so the tests build their own model: a sentencepiece model
trained on a few hundred synthetic lines, a Marian config with a couple of small layers, the
MarianTokenizer files (source.spm, target.spm, vocab.json, tokenizer_config.json) and
``save_pretrained`` weights in safetensors. Its outputs are garbage by construction: tests
built on it assert mechanics (determinism, order, backend equality, caching), never quality.

Use it as a pytest plugin (``pytest_plugins = ["tests.tiny_marian"]`` in conftest.py) for the
``tiny_marian`` fixture, or call :func:`tiny_marian_dir` from a fixture of your own.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest

_TEXT = (
    "the president said on monday that talks with the government would continue next week "
    "ministers from twenty countries met in paris to discuss support for ukraine and security "
    "in europe while the army reported new attacks near the border city officials denied reports "
    "about weapons missiles and money for the war a spokesman told reporters the conference ended"
)
_WORDS = _TEXT.split()


def corpus(lines: int = 400, seed: int = 7) -> list[str]:
    """Deterministic pseudo-sentences over a small vocabulary (enough to train sentencepiece)."""
    rng = random.Random(seed)
    out = []
    for _ in range(lines):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(3, 14))]
        out.append(" ".join(words).capitalize() + rng.choice([".", "?", "!", ","]))
    return out


def build_spm(directory: Path, lines: list[str], vocab_size: int) -> Path:
    import sentencepiece as spm

    directory.mkdir(parents=True, exist_ok=True)
    text = directory / "corpus.txt"
    text.write_text("\n".join(lines) + "\n", encoding="utf-8")
    prefix = directory / "spm"
    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        # Marian's vocab.json owns the special tokens; sentencepiece keeps only <unk>.
        bos_id=-1,
        eos_id=-1,
        pad_id=-1,
        unk_id=0,
        minloglevel=2,
        num_threads=1,
    )
    text.unlink()
    return prefix.with_suffix(".model")


def spm_pieces(model: Path) -> list[str]:
    import sentencepiece as spm

    proc = spm.SentencePieceProcessor(model_file=str(model))
    return [proc.id_to_piece(i) for i in range(proc.get_piece_size())]


def save_marian(
    out: Path,
    spm_model: Path,
    *,
    target_spm: Path | None = None,
    vocab_size: int | None = None,
    d_model: int = 32,
    layers: int = 2,
    heads: int = 2,
    ffn: int = 64,
    seed: int = 0,
    max_positions: int = 512,
) -> Path:
    """Write a randomly initialised Marian model + tokenizer in the hub layout into ``out``.

    ``vocab_size`` larger than the sentencepiece vocabulary pads vocab.json with unused
    entries, which is how the benchmark gets an opus-mt sized (≈62k) output layer cheaply.
    """
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    both = spm_pieces(spm_model) + (spm_pieces(target_spm) if target_spm else [])
    pieces = [p for p in dict.fromkeys(both) if p not in ("<unk>", "</s>", "<pad>")]
    tokens = ["</s>", "<unk>", *pieces]
    if vocab_size is not None:
        tokens += [f"<extra_{i}>" for i in range(vocab_size - len(tokens) - 1)]
    tokens.append("<pad>")
    vocab = {tok: i for i, tok in enumerate(tokens)}
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    shutil.copyfile(spm_model, out / "source.spm")
    shutil.copyfile(target_spm or spm_model, out / "target.spm")
    pad = vocab["<pad>"]
    tokenizer = MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        model_max_length=512,
    )
    tokenizer.save_pretrained(str(out))
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=d_model,
        encoder_layers=layers,
        decoder_layers=layers,
        encoder_attention_heads=heads,
        decoder_attention_heads=heads,
        encoder_ffn_dim=ffn,
        decoder_ffn_dim=ffn,
        max_position_embeddings=max_positions,
        pad_token_id=pad,
        eos_token_id=0,
        decoder_start_token_id=pad,
        forced_eos_token_id=0,
        scale_embedding=True,
        # The default 0.02 makes a tiny random model emit one token for every input; 0.2 keeps
        # outputs input-dependent, which the order and cache tests need.
        init_std=0.2,
        share_encoder_decoder_embeddings=True,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    model.generation_config = GenerationConfig(
        bad_words_ids=[[pad]],
        decoder_start_token_id=pad,
        eos_token_id=0,
        forced_eos_token_id=0,
        pad_token_id=pad,
        max_length=512,
        num_beams=4,
    )
    model.save_pretrained(str(out), safe_serialization=True)
    return out


def tiny_marian_dir(base: Path) -> Path:
    """Build the tiny model under ``base`` once; later calls reuse it."""
    out = base / "tiny-marian"
    if (out / "config.json").exists():
        return out
    work = base / "tiny-marian-spm"
    spm_model = build_spm(work, corpus(), vocab_size=120)
    tmp = base / "tiny-marian.partial"
    save_marian(tmp, spm_model)
    tmp.rename(out)
    return out


def never_ending_marian_dir(base: Path) -> Path:
    """The tiny model made unable to end a sentence: every output runs to the length cap.

    Its end-of-sentence logit gets a bias of -10000 (``final_logits_bias``, which both torch
    and the CTranslate2 converter load) and nothing forces an end token at the last slot, so
    it behaves like a model that has lost the thread: a real model, loaded the normal way.
    """
    import torch
    from transformers import MarianMTModel

    out = base / "tiny-marian-never-ends"
    if (out / "config.json").exists():
        return out
    source = tiny_marian_dir(base)
    model = MarianMTModel.from_pretrained(str(source))
    with torch.no_grad():
        model.final_logits_bias[..., model.config.eos_token_id] = -1e4
    model.config.forced_eos_token_id = None
    model.generation_config.forced_eos_token_id = None
    tmp = base / "tiny-marian-never-ends.partial"
    shutil.rmtree(tmp, ignore_errors=True)
    model.save_pretrained(str(tmp), safe_serialization=True)
    for f in source.iterdir():  # the tokenizer's files, unchanged
        if f.is_file() and not (tmp / f.name).exists():
            shutil.copyfile(f, tmp / f.name)
    tmp.rename(out)
    return out


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of the tiny Marian model folder (HF layout, safetensors weights)."""
    return tiny_marian_dir(tmp_path_factory.getbasetemp())
