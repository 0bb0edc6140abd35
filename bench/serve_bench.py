"""Latency of a check sent to a warm `mtcheck serve` against a fresh `mtcheck check` process.

    python bench/serve_bench.py [--runs 5] [--no-standin] [--keep DIR] [--only CASE]

The same one-paragraph text both ways, translation cache off (`--no-cache`): model-free
(`--no-mt`), with the tiny test model (tests/tiny_marian.py), and with the random-weight
opus-mt base stand-in of bench/translate_bench.py (built once, a few minutes; `--keep DIR`
reuses it). For each case it prints the median wall seconds per check, the CPU seconds (the
child processes', and the server's own from /proc), and the ratio fresh / warm; then, for
the model cases, where a fresh check's time goes: start-up and checks (the model-free fresh
run), model load (the first warm request less a warm one) and translation (a warm request
less the model-free warm one). Children run with compiled bytecode (bench/childenv.py).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.childenv import children_cpu, compiled_bytecode, process_cpu  # noqa: E402  (after the path)

MTCHECK = [sys.executable, "-m", "mtcheck"]
PARAGRAPH = (
    "French President Emmanuel Macron said on Monday that sending Western ground forces to Ukraine could not be "
    "ruled out, as European leaders met in Paris to discuss support for Kiev. Ukrainian Defence Minister Rustam "
    "Omerov told reporters that the army had repelled attacks near the village of Lastochkin overnight. He called "
    "on allies to send more air defence systems as soon as possible, saying that the coming weeks would be decisive.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fresh(text: Path, model_args: list[str], runs: int) -> tuple[list[float], float]:
    command = [*MTCHECK, "check", str(text), "-s", "uk", "-t", "en", *model_args, "-f", "json", "-o", os.devnull, "-q"]
    subprocess.run(command, check=False, cwd=ROOT)  # once unmeasured: bytecode written, files in the page cache
    walls = []
    cpu0 = children_cpu()
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=False, cwd=ROOT)
        walls.append(time.perf_counter() - start)
    return walls, (children_cpu() - cpu0) / runs


def warm(text: str, model_args: list[str], runs: int) -> tuple[list[float], float, float, float]:
    """(wall per request, server CPU per request, first request's wall and CPU: model load included)."""
    port = free_port()
    server = subprocess.Popen([*MTCHECK, "serve", "--port", str(port), "--timeout", "3600", *model_args], cwd=ROOT,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        # no deadline: a loaded machine makes the start slow, not wrong; a server that exits is
        # the only failure
        start = time.monotonic()
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).read()
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError(f"mtcheck serve exited ({server.returncode})") from None
                if int(time.monotonic() - start) % 30 == 29:
                    print(f"  waiting for the server, {time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)
                time.sleep(1)
        body = json.dumps({"text": text, "source_lang": "uk", "target_lang": "en"}).encode()

        def ask() -> float:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/check", data=body,
                                             headers={"Content-Type": "application/json"})  # fmt: skip
            start = time.perf_counter()
            with urllib.request.urlopen(request, timeout=3600) as response:
                json.loads(response.read())
            return time.perf_counter() - start

        cpu0 = process_cpu(server.pid)
        first = ask()  # loads the model and warms the caches of pure functions
        cpu1 = process_cpu(server.pid)
        walls = [ask() for _ in range(runs)]
        return walls, (process_cpu(server.pid) - cpu1) / runs, first, cpu1 - cpu0
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-standin", action="store_true", help="skip the random opus-mt base model (slow to build)")
    parser.add_argument("--keep", type=Path, help="build/reuse the models in this folder instead of a temp dir")
    parser.add_argument("--only", help="run only the case whose name starts with this (model-free, tiny, opus)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    compiled_bytecode()
    work = args.keep or Path(tempfile.mkdtemp(prefix="mtcheck-serve-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    text = work / "paragraph.txt"
    text.write_text(PARAGRAPH, encoding="utf-8")
    from tests.tiny_marian import tiny_marian_dir

    cases: dict[str, list[str]] = {
        "model-free": ["--no-mt"],
        "tiny model": ["--model", str(tiny_marian_dir(work)), "--no-cache"],
    }
    if not args.no_standin and (not args.only or "opus".startswith(args.only[:4])):
        from bench.translate_bench import build_model

        start = time.perf_counter()
        cases["opus-mt-base stand-in"] = ["--model", str(build_model(work)), "--no-cache"]
        print(f"stand-in model built or reused in {time.perf_counter() - start:.0f} s", flush=True)
    print(f"one paragraph, {len(PARAGRAPH.split())} words; median of {args.runs} runs; translation cache off")
    columns = ("fresh wall", "fresh cpu", "warm wall", "warm cpu", "1st warm", "1st cpu", "ratio")
    print(f"{'case':24} " + " ".join(f"{c:>10}" for c in columns), flush=True)
    measured: dict[str, tuple[float, float, float, float, float, float]] = {}
    for name, model_args in cases.items():
        if args.only and not name.startswith(args.only):
            continue
        fresh_walls, fresh_cpu = fresh(text, model_args, args.runs)
        warm_walls, warm_cpu, first, first_cpu = warm(PARAGRAPH, model_args, args.runs)
        f, w = statistics.median(fresh_walls), statistics.median(warm_walls)
        measured[name] = (f, fresh_cpu, w, warm_cpu, first, first_cpu)
        values = (*(f"{v:.3f}s" for v in measured[name]), f"{f / w:.1f}x")
        print(f"{name:24} " + " ".join(f"{v:>10}" for v in values), flush=True)
    base = measured.get("model-free")
    if base is None:
        return
    print("\nwhere a fresh check's CPU seconds go (wall in brackets):")
    for name, (f, f_cpu, w, w_cpu, first, first_cpu) in measured.items():
        if name == "model-free":
            continue
        load, load_cpu = first - w, first_cpu - w_cpu
        translate, translate_cpu = w - base[2], w_cpu - base[3]
        print(
            f"  {name}: {f_cpu:.2f} CPU s [{f:.2f} s] = start-up and checks {base[1]:.2f} [{base[0]:.2f}]"
            f" + torch import and model load {load_cpu:.2f} [{load:.2f}]"
            f" + translation {translate_cpu:.2f} [{translate:.2f}]"
            f" + the rest {f_cpu - base[1] - load_cpu - translate_cpu:.2f}"
        )


if __name__ == "__main__":
    main()
