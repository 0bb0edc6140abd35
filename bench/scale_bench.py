"""Benchmark: the check on a Dask LocalCluster of one worker against two, and the local run beside them.

Not a test. The same 40 documents are checked three ways, with the random-weight
opus-mt-base stand-in (d_model 512, 6+6 layers, 8 heads, FFN 2048, ≈62k vocabulary; built by
bench/translate_bench.py's builder, HF layout, in a temp dir or ``--keep DIR``):

* a LocalCluster of 1 worker process, 1 thread (one translation thread);
* a LocalCluster of 2 worker processes, 1 thread each;
* the local run (this process, torch's default threads: every core).

Each is warmed first (cluster started, model loaded on every worker), so the timed run is
the steady state a long re-audit sees; the cold run's wall time (cluster start and model
load included) is printed too. The translation cache is off, so every run translates
everything. CPU seconds are the user + system time of the client process and of every
worker process over the timed run.

The documents are bilingual tables (source and target columns, as a catalogue or a wire
story with its original): every target sentence is back-translated, and there is no round
trip. A random model never ends a sentence, so a round trip would translate a capped run of
random pieces again, which re-tokenises into several times as many tokens and makes the
monolingual run minutes a document (the degenerate-output guard of the bounded-decoding
change skips that round trip). Sentences have at most ``--words`` words.

Prints sentences a second, the speedup of two workers over one (target ≥ 1.7× on 2 cores),
CPU seconds beside wall, the load average seen, and whether every report is the same.

Run: python bench/scale_bench.py [--keep /tmp/scale-bench]   (a few minutes on 2 idle cores)
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translate_bench import build_model, zipf_corpus  # noqa: E402  (bench/ is the script's folder)

DOCUMENTS = 40
CACHE_STATS = ("cache_hits", "cache_misses")


def compiled_bytecode() -> None:
    """Worker processes write and reuse compiled bytecode (the environment may forbid it)."""
    os.environ.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir()) / f"mtcheck-pyc-{os.getuid()}"))
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False


def write_corpus(folder: Path, documents: int, units: int, words: int, seed: int) -> list[Path]:
    """``documents`` TSV tables of ``units`` rows: Arabic-like source, English-like target (Zipf word lists)."""
    rng = random.Random(seed)
    sources = zipf_corpus("ar", documents * units, rng)
    targets = zipf_corpus("en", documents * units, rng)
    paths = []
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(documents):
        rows = ["source\ttarget"]
        for j in range(i * units, (i + 1) * units):
            source, target = (" ".join(text.split()[:words]).rstrip(",.") + "." for text in (sources[j], targets[j]))
            rows.append(f"{source}\t{target}")
        path = folder / f"catalogue-{i:03d}.tsv"
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _cpu_seconds() -> float:
    """User + system seconds of the process it runs in (run on each worker by client.run)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def workers_cpu(client: Any) -> float:
    return float(sum(client.run(_cpu_seconds).values()))


def rendered(report: Any) -> str:
    from mtcheck.registry import RENDERERS
    from mtcheck.render.base import RenderOptions

    details = {k: v for k, v in report.details.items() if k not in CACHE_STATS}
    return str(RENDERERS.get("json")(dataclasses.replace(report, details=details), RenderOptions()))


def timed(run: Callable[[], Any], extra_cpu: Callable[[], float] = lambda: 0.0) -> tuple[Any, float, float]:
    start, cpu, extra = time.perf_counter(), _cpu_seconds(), extra_cpu()
    result = run()
    return result, time.perf_counter() - start, _cpu_seconds() - cpu + extra_cpu() - extra


def on_cluster(workers: int, paths: list[Path], warm: list[Path], config: Any) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from mtcheck.execute import check_files

    start = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        # warm-up: as many small documents as workers, twice over, so every worker loads the model
        check_files(warm[: 2 * workers], config, client=client)
        cold = time.perf_counter() - start
        load = os.getloadavg()[0]
        report, wall, cpu = timed(lambda: check_files(paths, config, client=client), lambda: workers_cpu(client))
    return {"report": report, "wall": wall, "cpu": cpu, "cold": cold, "load": (load, os.getloadavg()[0])}


def local(paths: list[Path], warm: list[Path], config: Any) -> dict[str, Any]:
    from mtcheck.execute import check_files
    from mtcheck.translators.backtranslate import make_translator

    start = time.perf_counter()
    translator = make_translator(config.model)  # kept across both runs: loaded once, as a worker's is
    check_files(warm[:2], config, translator=translator)
    cold = time.perf_counter() - start
    load = os.getloadavg()[0]
    report, wall, cpu = timed(lambda: check_files(paths, config, translator=translator))
    return {"report": report, "wall": wall, "cpu": cpu, "cold": cold, "load": (load, os.getloadavg()[0])}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="build/reuse the model in this folder instead of a temp dir")
    parser.add_argument("--documents", type=int, default=DOCUMENTS)
    parser.add_argument("--units", type=int, default=5, help="rows (sentences) a document")
    parser.add_argument("--words", type=int, default=12, help="words a sentence at most")
    parser.add_argument("--beam", type=int, default=1)
    args = parser.parse_args()
    compiled_bytecode()
    from mtcheck.config import Config, ModelSettings

    with tempfile.TemporaryDirectory(prefix="mtcheck-scale-") as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        model = build_model(work)
        print(f"model: {model} (built or reused in {time.perf_counter() - start:.1f} s)", flush=True)
        paths = write_corpus(Path(tmp) / "corpus", args.documents, args.units, args.words, seed=3)
        warm = write_corpus(Path(tmp) / "warm", 4, 1, args.words, seed=4)
        settings = ModelSettings(model=str(model), beam=args.beam, use_cache=False, required=True)
        config = Config(source_lang="ar", target_lang="en", model=settings, root=str(Path(tmp) / "corpus"))
        one_thread = dataclasses.replace(config, model=dataclasses.replace(settings, threads=1))
        runs: dict[str, dict[str, Any]] = {}
        for label, run in (
            ("1 worker", lambda: on_cluster(1, paths, warm, one_thread)),
            ("2 workers", lambda: on_cluster(2, paths, warm, one_thread)),
            ("local, default threads", lambda: local(paths, warm, config)),
        ):
            print(f"running {label} …", flush=True)
            runs[label] = run()
        report(runs, args)


def report(runs: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    segments = runs["1 worker"]["report"].scores["segments"]
    print(
        f"\n{args.documents} documents, {segments} sentences (at most {args.words} words), beam {args.beam}, "
        f"bilingual (back-translation, no round trip), cache off, {os.cpu_count()} cores"
    )
    print(f"{'':24}{'wall s':>9}{'CPU s':>9}{'sent/s':>9}{'sent/CPU-s':>12}{'cold s':>9}{'load':>12}")
    for label, res in runs.items():
        load = f"{res['load'][0]:.1f}→{res['load'][1]:.1f}"
        print(
            f"{label:24}{res['wall']:9.1f}{res['cpu']:9.1f}{segments / res['wall']:9.2f}"
            f"{segments / res['cpu']:12.2f}{res['cold']:9.1f}{load:>12}"
        )
    one, two = runs["1 worker"], runs["2 workers"]
    print(f"\nspeedup, 2 workers over 1: {one['wall'] / two['wall']:.2f}x wall (target >= 1.7x); "
          f"CPU per sentence {two['cpu'] / one['cpu']:.2f}x of one worker's")  # fmt: skip
    texts = {label: rendered(res["report"]) for label, res in runs.items()}
    same = len(set(texts.values())) == 1
    print(f"reports identical apart from cache statistics: {'yes' if same else 'NO'}")
    print("load: 1-minute load average before → after each timed run (2 cores; other work slows every row)")


if __name__ == "__main__":
    main()
