"""Benchmark: mtcheck's localisation gate against translate-toolkit's pofilter.

Runs both on the same real Debian catalogues (inkscape, LibreOffice, libgweather,
iso-codes in ar/uk/ru) and prints wall time, peak RSS, the ratio, and agreement on the
checks both do (pofilter printf+variables ↔ mtcheck placeholders; numbers ↔ numbers),
with examples of each disagreement. Not a test: it needs ../shared/data and prints.

    python bench/loc_bench.py [--examples 4]
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


def measured(command: list[str]) -> tuple[float, float, int, subprocess.CompletedProcess[str]]:
    """Wall seconds, CPU seconds and peak RSS (KiB) of one child process run to completion.

    CPU time is reported beside wall time because a shared machine's load inflates wall
    time; the ratio is computed on both.
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    peak = usage.ru_maxrss
    if peak <= before:  # ru_maxrss is a running maximum over all children: ask a fresh one
        probe = [sys.executable, __file__, "--peak-of", json.dumps(command)]
        peak = int(subprocess.run(probe, capture_output=True, text=True, check=True).stdout.strip())
    return wall, cpu, peak, done


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=4)
    parser.add_argument("--peak-of", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.peak_of:
        subprocess.run(json.loads(args.peak_of), capture_output=True, check=False)
        print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        return 0
    if not DATA.is_dir():
        print(f"loc_bench: {DATA} is missing; nothing to measure")
        return 0
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
                                                str(config), "-q", "-f", "json", "-o", str(work / "mtcheck.json")],
            "mtcheck (all default checks)": [sys.executable, "-m", "mtcheck", "check", *map(str, files), "--no-mt",
                                             "--fail-on", "never", "-q", "-f", "json", "-o", str(work / "all.json")],
        }  # fmt: skip
        results: dict[str, tuple[float, float]] = {}
        for label, command in runs.items():
            wall, cpu, peak, done = measured(command)
            if done.returncode not in (0, 1):
                print(f"{label} failed ({done.returncode}): {done.stderr[-2000:]}")
                return 1
            results[label] = (wall, cpu)
            print(f"{label:42s} wall {wall:7.2f} s   CPU {cpu:7.2f} s   peak RSS {peak / 1024:6.0f} MiB")
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


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    raise SystemExit(main())
