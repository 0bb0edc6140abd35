"""Latency of a check sent to a warm `mtcheck serve` against a fresh `mtcheck check` process.

    python bench/serve_bench.py [--runs 5] [--standin]

The same one-paragraph text both ways, translation cache off (`--no-cache`): model-free
(`--no-mt`), with the tiny test model (tests/tiny_marian.py), and with `--standin` the
random-weight opus-mt base model of bench/translate_bench.py (slow to build). For each
case it prints the median wall seconds per check, the CPU seconds (the child processes',
and the server's own from /proc), and the ratio fresh / warm.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
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


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def process_cpu(pid: int) -> float:
    """utime + stime of a running process, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fresh(text: Path, model_args: list[str], runs: int) -> tuple[list[float], float]:
    walls = []
    cpu0 = children_cpu()
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*MTCHECK, "check", str(text), "-s", "uk", "-t", "en", *model_args, "-f", "json",
                        "-o", os.devnull, "-q"], check=False, cwd=ROOT)  # fmt: skip
        walls.append(time.perf_counter() - start)
    return walls, (children_cpu() - cpu0) / runs


def warm(text: str, model_args: list[str], runs: int) -> tuple[list[float], float, float]:
    """(wall per request, server CPU per request, first request's wall: model load included)."""
    port = free_port()
    server = subprocess.Popen([*MTCHECK, "serve", "--port", str(port), "--timeout", "3600", *model_args], cwd=ROOT,
                              stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("mtcheck serve did not start") from None
                time.sleep(0.2)
        body = json.dumps({"text": text, "source_lang": "uk", "target_lang": "en"}).encode()

        def ask() -> float:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/api/check", data=body,
                                             headers={"Content-Type": "application/json"})  # fmt: skip
            start = time.perf_counter()
            with urllib.request.urlopen(request, timeout=600) as response:
                json.loads(response.read())
            return time.perf_counter() - start

        first = ask()  # loads the model and warms the caches of pure functions
        cpu0 = process_cpu(server.pid)
        walls = [ask() for _ in range(runs)]
        return walls, (process_cpu(server.pid) - cpu0) / runs, first
    finally:
        server.terminate()
        server.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--standin", action="store_true", help="also the random opus-mt base model (slow to build)")
    parser.add_argument("--only", help="run only the case whose name starts with this (model-free, tiny, opus)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    work = Path(tempfile.mkdtemp(prefix="mtcheck-serve-bench-"))
    text = work / "paragraph.txt"
    text.write_text(PARAGRAPH, encoding="utf-8")
    from tests.tiny_marian import tiny_marian_dir

    cases: dict[str, list[str]] = {
        "model-free": ["--no-mt"],
        "tiny model": ["--model", str(tiny_marian_dir(work)), "--no-cache"],
    }
    if args.standin:
        from bench.translate_bench import build_model

        cases["opus-mt-base stand-in"] = ["--model", str(build_model(work)), "--no-cache"]
    print(f"one paragraph, {len(PARAGRAPH.split())} words; median of {args.runs} runs; translation cache off")
    columns = ("fresh wall", "fresh cpu", "warm wall", "warm cpu", "1st warm", "ratio")
    print(f"{'case':24} " + " ".join(f"{c:>10}" for c in columns))
    for name, model_args in cases.items():
        if args.only and not name.startswith(args.only):
            continue
        fresh_walls, fresh_cpu = fresh(text, model_args, args.runs)
        warm_walls, warm_cpu, first = warm(PARAGRAPH, model_args, args.runs)
        f, w = statistics.median(fresh_walls), statistics.median(warm_walls)
        values = (f"{f:.3f}s", f"{fresh_cpu:.3f}s", f"{w:.3f}s", f"{warm_cpu:.3f}s", f"{first:.3f}s", f"{f / w:.1f}x")
        print(f"{name:24} " + " ".join(f"{v:>10}" for v in values))


if __name__ == "__main__":
    main()
