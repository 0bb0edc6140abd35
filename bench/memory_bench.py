"""Peak memory of a model-free check of one long single-line file (issue 11, item 12).

    python bench/memory_bench.py [--mb 50] [--lang en] [--punctuated]

Writes a file of ``--mb`` MB on one line (the seed article's words repeated, its sentence
punctuation removed: the worst case, one "sentence" the size of the file), checks it
with ``mtcheck check FILE --no-mt`` in a child process, and prints the child's peak RSS
(``ru_maxrss``) and wall time next to those of a 1 MB file of the same text measured in
the same run. The goal: under 1 GB at 50 MB. ``--punctuated`` keeps the seed's sentence
punctuation: a long line of ordinary sentences (a file whose line breaks were lost), which
is also what the test suite checks for completeness.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_58537a9fbf26f386.txt"


def one_line(megabytes: float, punctuated: bool = False) -> str:
    text = SEED.read_text(encoding="utf-8")
    if not punctuated:
        text = text.translate(str.maketrans("", "", ".!?"))
    text = " ".join(text.split())
    repeats = int(megabytes * 2**20 / (len(text.encode("utf-8")) + 1)) + 1
    return " ".join([text] * repeats) + "\n"


def measure(path: Path, lang: str) -> tuple[float, float, int]:
    """(peak RSS in MB, wall seconds, exit code) of one check in a fresh child process."""
    command = [sys.executable, "-m", "mtcheck", "check", str(path), "--no-mt", "-s", "ar", "-t", lang, "-q",
               "--max-file-size", "1000", "-f", "json", "-o", str(path.with_suffix(".json"))]  # fmt: skip
    start = time.perf_counter()
    # ru_maxrss of RUSAGE_CHILDREN is the largest child so far: one child per measure
    code = subprocess.run([sys.executable, "-c", _CHILD, *command], check=False).returncode
    wall = time.perf_counter() - start
    peak_kb = int(path.with_suffix(".rss").read_text())
    return peak_kb / 1024, wall, code


_CHILD = """
import resource, subprocess, sys
from pathlib import Path
code = subprocess.run(sys.argv[1:], check=False).returncode
Path(sys.argv[5]).with_suffix(".rss").write_text(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=50.0)
    parser.add_argument("--lang", default="en")
    parser.add_argument("--punctuated", action="store_true", help="keep sentence punctuation (ordinary sentences)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from bench.childenv import compiled_bytecode

    compiled_bytecode()
    warm_up = [sys.executable, "-m", "mtcheck", "check", str(SEED), "--no-mt", "-s", "ar", "-t", args.lang, "-q"]
    subprocess.run(warm_up, check=False, capture_output=True)  # writes the bytecode every measured run reads
    with tempfile.TemporaryDirectory() as tmp:
        for size in (1.0, args.mb):
            path = Path(tmp) / f"line-{size:g}mb.txt"
            path.write_text(one_line(size, args.punctuated), encoding="utf-8")
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            peak, wall, code = measure(path, args.lang)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
            kind = "sentences" if args.punctuated else "no punctuation"
            print(f"{size:6.1f} MB single line ({kind}): peak RSS {peak:7.0f} MB, {wall:6.1f} s wall, "
                  f"{cpu:6.1f} s CPU, exit {code}")  # fmt: skip


if __name__ == "__main__":
    main()
