"""Start-up cost of the CLI, against a bare Python start measured in the same run.

    python bench/startup.py [--runs 7]

Prints the median wall time of `python -c pass`, `mtcheck --help` and a model-free
check of the seed article (with and without --target-lang, i.e. with language
detection), and each one's ratio to the bare start.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_58537a9fbf26f386.txt"
MTCHECK = [sys.executable, "-m", "mtcheck"]

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "mtcheck --help": [*MTCHECK, "--help"],
    "check seed -t en (no model)": [*MTCHECK, "check", str(SEED), "-s", "ar", "-t", "en", "--no-mt"],
    "check seed, detect target": [*MTCHECK, "check", str(SEED), "-s", "ar", "--no-mt"],
    "check seed (model lookup)": [*MTCHECK, "check", str(SEED), "-s", "ar"],
}


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    for cmd in COMMANDS.values():  # warm the OS page cache and mtcheck's own caches
        wall(cmd)
    medians = {name: statistics.median(wall(cmd) for _ in range(args.runs)) for name, cmd in COMMANDS.items()}
    base = medians["python -c pass"]
    print(f"{'command':32} {'median s':>9} {'× python':>9}")
    for name, seconds in medians.items():
        print(f"{name:32} {seconds:9.3f} {seconds / base:9.1f}")


if __name__ == "__main__":
    main()
