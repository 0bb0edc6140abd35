"""Start-up cost of the CLI, against a bare Python start measured in the same run.

    python bench/startup.py [--runs 7]

Prints, for `python -c pass`, `import typer`, `mtcheck --help` and a check of the seed
article without a model (with --target-lang, with language detection, without the result
cache, and with the model lookup that finds none), the median CPU seconds (user + system;
also the least) and wall seconds of a fresh process, and each one's ratio to the bare
start. CPU seconds are what to compare on a busy machine; wall seconds are noise there.
The children run with compiled bytecode (bench/childenv.py), warmed by one run of each
command first.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.childenv import Run, compiled_bytecode, run_child  # noqa: E402  (after the path)

SEED = ROOT / "seeds" / "000_58537a9fbf26f386.txt"
MTCHECK = [sys.executable, "-m", "mtcheck"]
CHECK = [*MTCHECK, "check", str(SEED), "-s", "ar"]  # the terminal report, as a user runs it

COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import typer'": [sys.executable, "-c", "import typer"],
    "mtcheck --help": [*MTCHECK, "--help"],
    "check seed -t en --no-mt": [*CHECK, "-t", "en", "--no-mt"],
    "check seed --no-mt, detect target": [*CHECK, "--no-mt"],
    # the rows above may be answered by the result cache after the warm-up; this one checks
    "check seed --no-mt, --no-cache": [*CHECK, "--no-mt", "--no-cache"],
    "check seed -t en, no model found": [*CHECK, "-t", "en"],
}


def main() -> None:

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    prefix = compiled_bytecode()
    empty = Path(tempfile.mkdtemp(prefix="mtcheck-startup-"))
    # no model anywhere: the lookup must find nothing, quickly and offline
    os.environ.update(MTCHECK_MODELS=str(empty / "models"), HF_HOME=str(empty / "hf"), HF_HUB_OFFLINE="1")
    os.environ.pop("HF_HUB_CACHE", None)
    os.environ.pop("HUGGINGFACE_HUB_CACHE", None)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "cwd": ROOT}
    for cmd in COMMANDS.values():  # writes the bytecode, warms the page cache and mtcheck's caches
        run_child(cmd, **quiet)
    print(f"bytecode in {prefix}; {args.runs} fresh processes per command, in interleaved rounds", flush=True)
    # round after round, so that a burst of other work on the machine hits every command alike
    runs: dict[str, list[Run]] = {name: [] for name in COMMANDS}
    for done in range(args.runs):
        for name, cmd in COMMANDS.items():
            runs[name].append(run_child(cmd, **quiet))
        print(f"  round {done + 1}/{args.runs}", file=sys.stderr, flush=True)
    print(f"{'command':36} {'CPU s':>7} {'min':>7} {'× python':>9} {'wall s':>7} {'× python':>9}")
    base = (
        statistics.median(r.cpu for r in runs["python -c pass"]),
        statistics.median(r.wall for r in runs["python -c pass"]),
    )
    for name, done_runs in runs.items():
        cpu, wall = statistics.median(r.cpu for r in done_runs), statistics.median(r.wall for r in done_runs)
        least = min(r.cpu for r in done_runs)
        failed = "" if all(r.returncode in (0, 1) for r in done_runs) else f"  (exit {done_runs[-1].returncode})"
        print(f"{name:36} {cpu:7.3f} {least:7.3f} {cpu / base[0]:9.1f} {wall:7.3f} {wall / base[1]:9.1f}{failed}")
    print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
