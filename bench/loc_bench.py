"""Benchmark: mtcheck's localisation gate against translate-toolkit's pofilter.

By default (issue 14's measurements), on all of ../shared/data/debian-po copied to a
temporary folder: CPU seconds (user + system, with children) and peak memory of
pofilter (default filters) and of mtcheck (default checks, no model) from cold, on a
re-run after one catalogue's msgstr is edited (the result cache), and the same with
--jobs 2 (wall time beside it); the ratios against pofilter, and what each tool writes.
Children run with compiled bytecode (PYTHONPYCACHEPREFIX), after a warm-up run. Do
not edit the checkout while it runs: the result cache is keyed by mtcheck's files too,
so an edit between the cold run and the re-run turns every entry into a miss.

With --agreement: the older comparison on six packages (inkscape, LibreOffice,
libgweather, iso-codes in ar/uk/ru): agreement on the checks both do (pofilter
printf+variables ↔ mtcheck placeholders; numbers ↔ numbers), with examples of each
disagreement. Not a test: it needs ../shared/data and prints.

    python bench/loc_bench.py
    python bench/loc_bench.py --agreement [--examples 4]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "debian-po"
PACKAGES = ("inkscape", "libreoffice-l10n-ar", "libreoffice-l10n-ru", "libreoffice-l10n-uk", "libgweather-4-common",
            "iso-codes")  # fmt: skip
POFILTER_TESTS = ("printf", "variables", "numbers")
CATEGORY = {"printf": "placeholders", "variables": "placeholders", "numbers": "numbers"}
OTHER_CHECKS_OFF = """
back-translation = false
fail-on = "never"
[checks]
disable = [{disable}]
"""


def pofilter_findings(
    out_dir: Path, names: dict[str, str], notes: dict[tuple[str, str, str], str]
) -> dict[tuple[str, str], set[str]]:
    from translate.storage import pypo

    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for po in out_dir.rglob("*.po"):
        store = pypo.pofile.parsefile(str(po))
        for unit in store.units:
            for line in unit.getnotes("translator").splitlines():
                if line.startswith("(pofilter) "):
                    test = line[len("(pofilter) ") :].split(":", 1)[0]
                    if test in CATEGORY:
                        key = (names[po.name], str(unit.getid()).replace("\x04", " | "))
                        found[key].add(CATEGORY[test])
                        plural = " [plural]" if unit.hasplural() else ""
                        notes.setdefault((*key, CATEGORY[test]), line[len("(pofilter) ") :] + plural)
    return found


def agreement(args: argparse.Namespace) -> int:
    """The old comparison: six packages, same-check speed, and where the two tools disagree."""
    files = sorted(p for pkg in PACKAGES for p in (DATA / pkg).glob("*.po"))
    units = sum(p.read_bytes().count(b"\nmsgid ") for p in files)
    print(f"{len(files)} catalogues, about {units} entries, {sum(p.stat().st_size for p in files) / 1e6:.1f} MB")
    bindir = Path(sys.executable).parent
    pofilter = str(bindir / "pofilter")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = work / "in"
        inputs.mkdir()
        names = {}
        for p in files:
            link = inputs / f"{p.parent.name}__{p.name}"
            link.symlink_to(p)
            names[link.name] = str(p)
        sys.path.insert(0, str(ROOT))
        from mtcheck.registry import CHECKS

        keep = {"placeholders", "numbers"}
        config = work / "same-checks.toml"
        config.write_text(OTHER_CHECKS_OFF.format(disable=", ".join(f'"{c}"' for c in CHECKS.names() if c not in keep)))
        runs = {
            "pofilter (printf, variables, numbers)": [pofilter, *(f"-t{t}" for t in POFILTER_TESTS), "--progress=none",
                                                      str(inputs), str(work / "pofilter-out")],
            "pofilter (all default checks)": [pofilter, "--progress=none", str(inputs), str(work / "pofilter-all")],
            "mtcheck (placeholders, numbers)": [sys.executable, "-m", "mtcheck", "check", *map(str, files), "--config",
                                                str(config), "-q", "--no-cache", "-f", "json", "-o",
                                                str(work / "mtcheck.json")],
            "mtcheck (all default checks)": [sys.executable, "-m", "mtcheck", "check", *map(str, files), "--no-mt",
                                             "--fail-on", "never", "-q", "--no-cache", "-f", "json", "-o",
                                             str(work / "all.json")],
        }  # fmt: skip
        results: dict[str, tuple[float, float]] = {}
        for label, command in runs.items():
            run = measured(command)
            if run.rc not in (0, 1):
                print(f"{label} failed ({run.rc}): {run.stderr}")
                return 1
            results[label] = (run.wall, run.cpu)
            print(
                f"{label:42s} wall {run.wall:7.2f} s   CPU {run.cpu:7.2f} s   peak RSS {run.peak_kib / 1024:6.0f} MiB"
            )
        for what, i in (("wall", 0), ("CPU", 1)):
            same = results["pofilter (printf, variables, numbers)"][i] / results["mtcheck (placeholders, numbers)"][i]
            full = results["pofilter (all default checks)"][i] / results["mtcheck (all default checks)"][i]
            print(f"speed-up ({what}), same checks: {same:.1f}x; all default checks of each: {full:.1f}x")
        their_notes: dict[tuple[str, str, str], str] = {}
        theirs = pofilter_findings(work / "pofilter-out", names, their_notes)
        report = json.loads((work / "mtcheck.json").read_text(encoding="utf-8"))
    ours: dict[tuple[str, str], set[str]] = defaultdict(set)
    messages: dict[tuple[str, str, str], str] = {}
    for f in report["findings"]:
        key = (f["location"]["path"], f["location"]["unit_id"])
        ours[key].add(f["check"])
        messages.setdefault((*key, f["check"]), f["message"])
    for category in ("placeholders", "numbers"):
        a = {k for k, v in theirs.items() if category in v}
        b = {k for k, v in ours.items() if category in v}
        print(f"\n{category}: both {len(a & b)}, only pofilter {len(a - b)}, only mtcheck {len(b - a)} (units)")
        for title, keys in (("only pofilter", sorted(a - b)), ("only mtcheck", sorted(b - a))):
            for path, unit in keys[: args.examples]:
                why = messages.get((path, unit, category)) or their_notes.get((path, unit, category), "")
                print(f"  {title}: {Path(path).name} [{unit[:60]!r}] {why[:100]}")
    return 0


def measured(command: list[str], env: dict[str, str] | None = None) -> Run:
    """Wall seconds, CPU seconds (user + system, the process and all its children) and peak RSS.

    The command runs under a fresh copy of this script (``--measure``), whose
    RUSAGE_CHILDREN then holds that command's tree alone: its CPU time and the largest
    peak RSS of any one of its processes.
    """
    probe = [sys.executable, __file__, "--measure", json.dumps(command)]
    start = time.perf_counter()
    done = subprocess.run(probe, capture_output=True, text=True, check=False, env=env)
    wall = time.perf_counter() - start
    try:
        usage = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise SystemExit(f"loc_bench: could not measure {command}: {done.stderr[-2000:]}") from None
    return Run(wall, usage["cpu"], usage["peak_kib"], usage["rc"], usage["stderr"])


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_kib: int
    rc: int
    stderr: str


def _measure(command: list[str]) -> int:
    # this process's only child is the command: RUSAGE_CHILDREN is its tree's usage
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    print(json.dumps({"cpu": cpu, "peak_kib": usage.ru_maxrss, "rc": done.returncode, "stderr": done.stderr[-2000:]}))
    return 0


def edit_one(catalogue: Path, mark: str) -> None:
    """Change one translation in ``catalogue``: the first non-empty one-line msgstr gets ``mark`` appended."""
    lines = catalogue.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith('msgstr "') and line.rstrip() != 'msgstr ""' and i > 10:
            lines[i] = line.rstrip()[:-1] + mark + '"\n'
            catalogue.write_text("".join(lines), encoding="utf-8")
            return
    raise SystemExit(f"loc_bench: no msgstr to edit in {catalogue}")


def speed(args: argparse.Namespace) -> int:
    """Issue 14's measurements: all of debian-po, cold, a re-run after one catalogue changed, --jobs 2."""
    files = sorted(DATA.rglob("*.po"))
    units = sum(p.read_bytes().count(b"\nmsgid ") for p in files)
    print(f"all of {DATA}: {len(files)} catalogues, about {units} entries, "
          f"{sum(p.stat().st_size for p in files) / 1e6:.1f} MB")  # fmt: skip
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pyc")  # compiled bytecode, as an installed package has
        env["PYTHONPATH"] = str(ROOT)  # this checkout's mtcheck
        env["MTCHECK_CACHE_DIR"] = str(work / "mtcheck-home")  # the gazetteer unpacks here once (warm-up)
        data = work / "po"
        for p in files:
            target = data / p.relative_to(DATA)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(p.read_bytes())
        copies = sorted(data.rglob("*.po"))
        pofilter = str(Path(sys.executable).parent / "pofilter")

        def run_pofilter(out: str) -> Run:
            return measured([pofilter, "--progress=none", str(data), str(work / out)], env)

        def run_mtcheck(jobs: int, cache: str, out: str, *extra: str) -> Run:
            command = [sys.executable, "-m", "mtcheck", "check", str(data), "--no-mt", "--fail-on", "never", "-q",
                       "-f", "json", "-o", str(work / out), "--jobs", str(jobs), "--cache-dir", str(work / cache),
                       *extra]  # fmt: skip
            return measured(command, env)

        # warm-up (not counted): bytecode compiled for both tools, the gazetteer unpacked
        sample = copies[:1]
        subprocess.run([pofilter, "--progress=none", str(sample[0]), str(work / "warm.po")], env=env,
                       capture_output=True, check=False)  # fmt: skip
        subprocess.run([sys.executable, "-m", "mtcheck", "check", str(sample[0]), "--no-mt", "--no-cache", "-q",
                        "-o", str(work / "warm.txt")], env=env, capture_output=True, check=False)  # fmt: skip

        changed = copies[len(copies) // 2]
        rows: list[tuple[str, Run]] = []
        rows.append(("pofilter, default filters", run_pofilter("pofilter-out")))
        rows.append(("mtcheck cold, --jobs 1", run_mtcheck(1, "cache-1", "cold-1.json")))
        edit_one(changed, " x")
        rows.append(("mtcheck re-run, 1 changed, --jobs 1", run_mtcheck(1, "cache-1", "rerun-1.json")))
        rows.append(("mtcheck cold, --jobs 2", run_mtcheck(2, "cache-2", "cold-2.json")))
        edit_one(changed, " y")
        rows.append(("mtcheck re-run, 1 changed, --jobs 2", run_mtcheck(2, "cache-2", "rerun-2.json")))
        rows.append(("mtcheck --no-cache, --jobs 1", run_mtcheck(1, "cache-none", "nocache-1.json", "--no-cache")))
        for label, run in rows:
            if run.rc not in (0, 1):
                print(f"{label} failed ({run.rc}): {run.stderr}")
                return 1
        base = rows[0][1]
        print(f"\none catalogue changed between runs: {changed.relative_to(data)} (one msgstr edited)")
        print("pofilter has no cache: its re-run costs what its cold run does, so its one run is the baseline.\n")
        print(
            f"{'':40s} {'CPU s':>7s} {'wall s':>7s} {'peak MiB':>9s}  {'vs pofilter CPU':>15s}  "
            f"{'peak vs pofilter':>16s}"
        )
        for label, run in rows:
            print(f"{label:40s} {run.cpu:7.2f} {run.wall:7.2f} {run.peak_kib / 1024:9.0f}  "
                  f"{base.cpu / run.cpu:14.1f}x  {run.peak_kib / base.peak_kib:15.2f}x")  # fmt: skip
        print("\n(CPU: user + system of the process and all its children; peak: the largest resident set of any one "
              "of its processes; wall time is noise on a shared machine)")  # fmt: skip
        cold, rerun = rows[1][1], rows[2][1]
        print("\ntargets (issue 14), --jobs 1:")
        print(f"  cold:   {base.cpu / cold.cpu:5.1f}x pofilter CPU  (target >= 4x)")
        print(f"  re-run: {base.cpu / rerun.cpu:5.1f}x pofilter CPU  (target >= 20x)")
        print(f"  peak:   {cold.peak_kib / base.peak_kib:5.2f}x pofilter  (target <= 2x)")
        written = sorted((work / "pofilter-out").rglob("*.po"))
        report = work / "cold-1.json"
        print(f"\nwhat each writes: pofilter {len(written)} annotated catalogues (the units that fail a filter, "
              f"{sum(p.stat().st_size for p in written) / 1e6:.1f} MB); mtcheck one JSON report "
              f"({report.stat().st_size / 1e6:.1f} MB: each finding, location, evidence, suggestion)")  # fmt: skip
        # each pair ran on the same data: a cached run against an uncached one, --jobs 2 against --jobs 1
        pairs = (("rerun-1.json", "cold-2.json"), ("rerun-2.json", "nocache-1.json"))
        differ = [(a, b) for a, b in pairs if _findings(work / a) != _findings(work / b)]
        verdict = "yes" if not differ else f"NO, these differ: {differ}"
        print(f"same findings, documents and scores: cached == uncached, --jobs 2 == --jobs 1: {verdict}")
    return 0


def _findings(path: Path) -> list[dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [data["findings"], data["documents"], data["scores"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agreement", action="store_true", help="the old six-package comparison and disagreements")
    parser.add_argument("--examples", type=int, default=4)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        return _measure(json.loads(args.measure))
    if not DATA.is_dir():
        print(f"loc_bench: {DATA} is missing; nothing to measure")
        return 0
    return agreement(args) if args.agreement else speed(args)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
