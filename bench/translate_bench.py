"""Benchmark: mtcheck's torch backend vs its CTranslate2 int8 backend on an opus-mt sized model.

Not a test. No hub is reachable, so the model is randomly initialised with the opus-mt base
architecture (d_model 512, 6+6 layers, 8 heads, FFN 2048, ≈62k vocabulary) and saved in the
hub layout; a sentencepiece model is trained on Zipf-weighted English and Arabic word lists
from the ``wordfreq`` package so that input lengths in tokens are realistic.

Workloads, each backend in its own process (so peak RSS is its own), 2 threads, beam 4:

* 30 sentences with a forced output length of 40 tokens (equal work whatever the weights),
  through mtcheck and, in the same process and interleaved with it, through the bare library
  call (``generate`` / ``translate_batch``) on the same loaded model, so mtcheck's own overhead
  is a number;
* the seed article's 23 sentences (en→ar back-translation), warm, at the normal length cap
  (a random model never emits end-of-sentence, so every output runs to the 1.5n+10 cap) and
  with the output forced to the mean input length (what a real translation roughly costs);
* the cached re-run of the 30 sentences.

Run: python bench/translate_bench.py   (about 2–4 minutes on 2 idle cores)

Each backend's numbers are printed as they arrive, with the child's wall and CPU seconds
every 30 s while it works: on a busy machine the bench gets slower, it does not fail.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import queue as queues
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from math import nan
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = ROOT / "seeds" / "000_58537a9fbf26f386.txt"
SENTENCES = 30
FORCED = 40
BEAM = 4
THREADS = 2
ROUNDS = 3
REFERENCE = {"torch": 190.0, "ctranslate2": 990.0}  # tokens/s measured on this kind of machine (issue 4)


def zipf_corpus(lang: str, lines: int, rng: random.Random) -> list[str]:
    from wordfreq import top_n_list

    words = top_n_list(lang, 20000)
    weights = [1.0 / (rank + 1) for rank in range(len(words))]
    out = []
    for _ in range(lines):
        picked = rng.choices(words, weights, k=rng.randint(5, 30))
        # Capitalised words and punctuation as in running text (names, sentence starts), so the
        # tokenizer learns them as pieces rather than spelling them out letter by letter.
        picked = [w.capitalize() if i == 0 or rng.random() < 0.15 else w for i, w in enumerate(picked)]
        picked = [w + "," if rng.random() < 0.06 else w for w in picked]
        out.append(" ".join(picked) + rng.choice([".", ".", ".", "?", '."', ":"]))
    return out


def build_model(directory: Path) -> Path:
    """The opus-mt base architecture, random weights, HF layout, ≈62k vocabulary."""
    from tests.tiny_marian import build_spm, save_marian

    model = directory / "opus-mt-base-random"
    if (model / "config.json").is_file():
        return model
    rng = random.Random(1)
    # One sentencepiece model per side, as opus-mt has; with ~24k pieces news English comes out
    # at about 1.2-1.4 tokens a word, close to the real en spm.
    source = build_spm(directory / "spm-en", zipf_corpus("en", 40000, rng), vocab_size=24000)
    target = build_spm(directory / "spm-ar", zipf_corpus("ar", 40000, rng), vocab_size=24000)
    save_marian(model, source, target_spm=target, vocab_size=62000, d_model=512, layers=6, heads=8, ffn=2048)
    return model


def bench_sentences(rng: random.Random) -> list[str]:
    return zipf_corpus("en", SENTENCES, rng)


def seed_sentences() -> list[str]:
    from mtcheck.formats.base import Languages
    from mtcheck.registry import READERS

    doc = READERS.get("text").read(SEED, Languages("ar", "en"))[0]
    return [seg.target for seg in doc.segments]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def raw_calls(backend: str, translator: Any, step: Any, texts: list[str]) -> dict[str, Callable[[], object]]:
    """The same work as mtcheck's call, straight through the library, on the same loaded model.

    Tokenised beforehand (mtcheck's timing includes its tokenising and detokenising), so the
    difference to mtcheck is everything mtcheck adds: batching, tokenizer, trimming, routing.
    """
    if backend == "torch":
        import torch

        loaded = translator.load(step)
        enc = loaded.tokenizer(texts, return_tensors="pt", padding=True)

        def generate() -> object:
            with torch.inference_mode():
                return loaded.model.generate(
                    **enc, num_beams=BEAM, do_sample=False, max_new_tokens=FORCED, min_new_tokens=FORCED
                )

        return {"raw": generate}
    from mtcheck.translators.ctranslate2_backend import sub_batch_size

    ct2, tok = translator.load(step)
    tokens = [tok.convert_ids_to_tokens(x) for x in tok(texts)["input_ids"]]

    def translate_batch(max_batch_size: int) -> Callable[[], object]:
        return lambda: ct2.translate_batch(
            tokens,
            beam_size=BEAM,
            max_batch_size=max_batch_size,
            max_decoding_length=FORCED,
            min_decoding_length=FORCED,
        )

    # The reference's settings (issue 4: inter_threads 2, intra_threads 1, batch 16), and
    # mtcheck's own sub-batch split: the gap between those two is the split, the rest is mtcheck.
    return {
        "raw": translate_batch(16),
        "raw_split": translate_batch(sub_batch_size(len(texts), ct2.num_translators)),
    }


def threads_in_use(backend: str, translator: Any, step: Any) -> str:
    if backend == "torch":
        import torch

        model = translator.load(step).model
        return f"{torch.get_num_threads()} intra-op, eval={not model.training}"
    ct2 = translator.load(step)[0]
    return f"{ct2.num_translators} workers × 1 thread (inter_threads × intra_threads)"


class Streamed(dict[str, Any]):
    """The child's results, each also sent to the parent the moment it is known."""

    def __init__(self, queue: Any) -> None:
        super().__init__()
        self.queue = queue

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self.queue.put((key, value))


def child(backend: str, model: str, cache_dir: str, queue: Any) -> None:
    os.environ["MTCHECK_CACHE_DIR"] = cache_dir
    from mtcheck.config import ModelSettings
    from mtcheck.translators._engine import CachedTranslator, Decoding
    from mtcheck.translators.cache import TranslationCache
    from mtcheck.translators.ctranslate2_backend import CTranslate2Translator, convert, converted_dir
    from mtcheck.translators.marian import MarianTranslator

    cls = MarianTranslator if backend == "torch" else CTranslate2Translator
    settings = ModelSettings(model=model, beam=BEAM, threads=THREADS, use_cache=False)
    result = Streamed(queue)
    result["backend"] = backend
    forced = cls(settings, Decoding(beam=BEAM, forced_length=FORCED))
    (step,) = forced.route("en", "ar")
    if backend == "ctranslate2":
        start = time.perf_counter()
        convert(step, converted_dir(step, settings, "int8"), "int8")
        result["convert_s"] = time.perf_counter() - start
    start = time.perf_counter()
    forced.load(step)
    result["load_s"] = time.perf_counter() - start
    texts = bench_sentences(random.Random(2))
    forced.translate(texts[:2], "en", "ar")  # warm-up: first-call allocations
    raw = raw_calls(backend, forced, step, texts)
    for fn in raw.values():
        fn()  # warm-up at full batch size
    print(f"{backend}: loaded and warm", file=sys.stderr, flush=True)
    # mtcheck and the bare library calls take turns, round after round, so that a burst of
    # other work on the machine hits both alike; the median round is reported.
    runs: dict[str, list[tuple[float, float]]] = {"mtcheck": [], **{name: [] for name in raw}}
    for _ in range(ROUNDS):
        runs["mtcheck"].append(timed(lambda: forced.translate(texts, "en", "ar")))
        for name, fn in raw.items():
            runs[name].append(timed(fn))
    for name, times in runs.items():
        wall = statistics.median(t[0] for t in times)
        # CPU seconds of all the process's threads: less sensitive than wall time to other work
        # on a shared machine (though threads spinning while descheduled still inflate it).
        cpu = statistics.median(t[1] for t in times)
        prefix = "" if name == "mtcheck" else f"{name}_"
        result[f"{prefix}forced_s"] = wall
        result[f"{prefix}tokens_per_s"] = SENTENCES * FORCED / wall
        result[f"{prefix}tokens_per_cpu_s"] = SENTENCES * FORCED / cpu
    result["raw_names"] = list(raw)
    result["threads"] = threads_in_use(backend, forced, step)

    seed = seed_sentences()
    tokenizer = forced.load(step)[1] if backend == "ctranslate2" else forced.load(step).tokenizer
    mean_in = round(sum(len(x) for x in tokenizer(seed)["input_ids"]) / len(seed))
    result["seed_sentences"], result["seed_mean_tokens"] = len(seed), mean_in
    result["seed_capped_s"] = float("nan")
    if backend == "ctranslate2":  # torch at the cap takes minutes on 2 busy cores and proves nothing more
        capped = cls(settings)
        capped._models = forced._models  # same loaded model, other decoding: warm
        start, cpu = time.perf_counter(), time.process_time()
        capped.translate(seed, "en", "ar")
        result["seed_capped_cpu_s"] = time.process_time() - cpu
        result["seed_capped_s"] = time.perf_counter() - start
    realistic = cls(settings, Decoding(beam=BEAM, forced_length=mean_in))
    realistic._models = forced._models
    start, cpu = time.perf_counter(), time.process_time()
    realistic.translate(seed, "en", "ar")
    result["seed_realistic_s"] = time.perf_counter() - start
    result["seed_realistic_cpu_s"] = time.process_time() - cpu

    cached = CachedTranslator(forced, TranslationCache(Path(cache_dir)))
    cached.translate(texts, "en", "ar")
    start = time.perf_counter()
    cached.translate(texts, "en", "ar")
    result["cached_rerun_s"] = time.perf_counter() - start
    result["cached_hits"] = cached.stats["cache_hits"]
    result["peak_rss_mb"] = peak_rss_mb()
    queue.put(None)


def run(backend: str, model: Path, work: Path) -> dict[str, Any]:
    """The child's results as they come, however long it takes; what arrived if it dies."""
    from bench.childenv import process_cpu

    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    cache_dir = tempfile.mkdtemp(prefix=f"cache-{backend}-", dir=work)  # fresh: the re-run must be the only hit
    proc = ctx.Process(target=child, args=(backend, str(model), cache_dir, queue))
    proc.start()
    assert proc.pid is not None
    result: dict[str, Any] = {}
    start = time.perf_counter()
    while True:
        try:
            item = queue.get(timeout=30)
        except queues.Empty:
            if not proc.is_alive():
                print(f"  {backend}: the child stopped (exit {proc.exitcode}); its numbers so far are kept", flush=True)
                break
            cpu = process_cpu(proc.pid)
            print(f"  {backend}: working, {time.perf_counter() - start:.0f} s wall, {cpu:.0f} CPU s", flush=True)
            continue
        if item is None:
            break
        key, value = item
        result[key] = value
        if isinstance(value, float):
            print(f"  {backend}: {key} = {value:.3f}", flush=True)
    proc.join()
    return result


def report(results: dict[str, dict[str, Any]]) -> None:
    try:
        full_report(results)
    except KeyError as exc:  # a child stopped early: its numbers were printed as they came
        print(f"\nno summary: {exc} is missing (a backend stopped early; see its lines above)")


def full_report(results: dict[str, dict[str, Any]]) -> None:
    torch, ct2 = results["torch"], results["ctranslate2"]
    print(f"\n{'':30}{'torch fp32':>14}{'ct2 int8':>14}")
    rows = [
        ("load (s)", "load_s", "{:.2f}"),
        (f"{SENTENCES}×{FORCED} tokens, mtcheck (s)", "forced_s", "{:.2f}"),
        ("  tokens/s", "tokens_per_s", "{:.0f}"),
        ("  tokens per CPU-second", "tokens_per_cpu_s", "{:.0f}"),
        ("  raw library call, tokens/s", "raw_tokens_per_s", "{:.0f}"),
        ("  raw, tokens per CPU-second", "raw_tokens_per_cpu_s", "{:.0f}"),
        ("seed, warm, 1.5n+10 cap (s)", "seed_capped_s", "{:.2f}"),
        ("seed, warm, forced mean (s)", "seed_realistic_s", "{:.2f}"),
        ("  its CPU time (s)", "seed_realistic_cpu_s", "{:.2f}"),
        ("cached re-run (s)", "cached_rerun_s", "{:.4f}"),
        ("peak RSS (MB)", "peak_rss_mb", "{:.0f}"),
    ]
    for label, key, fmt in rows:
        print(f"{label:30}{fmt.format(torch.get(key, nan)):>14}{fmt.format(ct2.get(key, nan)):>14}")
    print(f"{'int8 conversion, once (s)':30}{'':>14}{ct2['convert_s']:>14.2f}")
    print(f"threads: torch {torch['threads']}; CTranslate2 {ct2['threads']}")
    print(
        f"\nraw library calls on the same loaded models and tokens ({ROUNDS} interleaved rounds, medians):\n"
        f"  transformers generate: {torch['raw_tokens_per_s']:.0f} tok/s "
        f"(mtcheck's torch path: {torch['tokens_per_s'] / torch['raw_tokens_per_s']:.2f}x of it)\n"
        f"  ctranslate2 translate_batch, max_batch_size 16 (the reference's): {ct2['raw_tokens_per_s']:.0f} tok/s\n"
        f"  ctranslate2 translate_batch, mtcheck's sub-batch split: {ct2['raw_split_tokens_per_s']:.0f} tok/s\n"
        f"  mtcheck's CTranslate2 path: {ct2['tokens_per_s']:.0f} tok/s = "
        f"{ct2['tokens_per_s'] / ct2['raw_tokens_per_s']:.2f}x raw at batch 16, "
        f"{ct2['tokens_per_s'] / ct2['raw_split_tokens_per_s']:.2f}x raw at its own split"
    )
    speedup = ct2["tokens_per_s"] / torch["tokens_per_s"]
    per_cpu = ct2["tokens_per_cpu_s"] / torch["tokens_per_cpu_s"]
    raw_speedup = ct2["raw_tokens_per_s"] / torch["raw_tokens_per_s"]
    print(f"\nmtcheck CTranslate2 / torch: {speedup:.1f}x wall, {per_cpu:.1f}x per CPU-second (target >= 5x)")
    print(f"raw ctranslate2 (batch 16) / raw transformers: {raw_speedup:.1f}x wall (the libraries' own ratio)")
    for name, res in results.items():
        ratio = res["tokens_per_s"] / REFERENCE[name]
        print(f"{name}: {res['tokens_per_s']:.0f} tok/s = {ratio:.2f}x the reference {REFERENCE[name]:.0f} tok/s")
    print(
        f"seed back-translation ({ct2['seed_sentences']} sentences, mean {ct2['seed_mean_tokens']} tokens) with "
        f"CTranslate2, warm: {ct2['seed_realistic_s']:.2f} s at realistic output length, "
        f"{ct2['seed_capped_s']:.2f} s ({ct2['seed_capped_cpu_s']:.2f} CPU s) when every output runs to the cap "
        "(target <= 1.5 s)"
    )
    print(f"cached re-run: {ct2['cached_hits']} hits, {ct2['cached_rerun_s'] * 1000:.1f} ms")
    load = os.getloadavg()
    print(f"load average during the run: {load[0]:.2f} (2 cores; other work on the machine slows both sides)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build/reuse the model in this folder instead of a temp dir")
    args = parser.parse_args()
    from bench.childenv import compiled_bytecode

    compiled_bytecode()
    with tempfile.TemporaryDirectory(prefix="mtcheck-bench-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        model = build_model(work)
        print(f"model: {model} (built or reused in {time.perf_counter() - start:.1f} s)")
        results = {}
        for backend in ("torch", "ctranslate2"):
            print(f"running {backend} …", flush=True)
            results[backend] = run(backend, model, work)
        report(results)


if __name__ == "__main__":
    main()
