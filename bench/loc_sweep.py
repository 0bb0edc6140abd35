"""Sweep: run the localisation gate over every real catalogue in ../shared/data.

Every file of debian-po/ (one run per package, as a project's CI would) and
firefox-ios-xliff/ (one run) is read and checked without back-translation. Prints
per-file flag rates (share of units with a warning or error), the most frequent
checks, a reproducible random sample of findings to judge by hand, and the stale
"Kiev" of the Arabic libgweather catalogue found through a termbase that deprecates it.

    python bench/loc_sweep.py [--sample 20] [--seed 6]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from mtcheck.config import Config, ModelSettings  # noqa: E402
from mtcheck.errors import MtcheckError  # noqa: E402
from mtcheck.names.termbase import ADMITTED, DEPRECATED, PREFERRED, Concept, Term, Termbase  # noqa: E402
from mtcheck.pipeline import check_files  # noqa: E402
from mtcheck.types import Finding, Report, Severity  # noqa: E402

# The house style the bench assumes: the city's current English name, Kyiv, and the
# forms each catalogue language uses; "Kiev" is deprecated.
KYIV = Termbase(
    (
        Concept(
            "kyiv",
            (
                Term("Kyiv", "en", PREFERRED),
                Term("Kiev", "en", DEPRECATED),
                Term("Київ", "uk", PREFERRED),
                Term("Киев", "ru", PREFERRED),
                Term("Київ", "ru", ADMITTED),
                Term("كييف", "ar", PREFERRED),
            ),
            origin="bench/loc_sweep.py",
        ),
    )
)


def runs() -> list[tuple[str, list[Path]]]:
    found = []
    for package in sorted(p for p in (DATA / "debian-po").iterdir() if p.is_dir()):
        found.append((f"debian-po/{package.name}", sorted(package.glob("*.po"))))
    found.append(("firefox-ios-xliff", sorted((DATA / "firefox-ios-xliff").glob("*.xliff"))))
    return found


def segment_text(report: Report, finding: Finding) -> tuple[str, str]:
    for doc in report.documents:
        if doc.path == finding.location.path:
            for seg in doc.segments:
                if seg.id == finding.segment_id:
                    return seg.source or "", seg.target
    return "", ""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    if not (DATA / "debian-po").is_dir() or not (DATA / "firefox-ios-xliff").is_dir():
        print(f"loc_sweep: {DATA} (debian-po, firefox-ios-xliff) is missing; nothing to sweep")
        return 0
    config = Config(model=ModelSettings(enabled=False), fail_on=None)
    by_check: Counter[str] = Counter()
    gate_checks: Counter[str] = Counter()
    pool: list[tuple[Report, Finding]] = []
    total_units = total_flagged = crashes = 0
    started = time.perf_counter()
    print(f"{'file':58s} {'units':>6s} {'flagged':>7s} {'rate':>6s} {'errors':>6s}  top checks")
    for name, files in runs():
        try:
            report = check_files(files, config)
        except MtcheckError as exc:
            crashes += 1
            print(f"{name}: FAILED: {exc}")
            continue
        for doc in report.documents:
            mine = [f for f in report.findings if f.location.path == doc.path]
            flagged = {f.segment_id for f in mine if f.severity >= Severity.WARNING}
            errors = sum(f.severity == Severity.ERROR for f in mine)
            top = ", ".join(f"{c} {n}" for c, n in Counter(f.check for f in mine).most_common(3))
            units = len(doc.segments)
            rate = 100 * len(flagged) / units if units else 0.0
            label = f"{Path(doc.path or '').relative_to(DATA)} ({doc.target_lang})"
            print(f"{label:58s} {units:6d} {len(flagged):7d} {rate:5.1f}% {errors:6d}  {top}")
            total_units += units
            total_flagged += len(flagged)
        by_check.update(f.check for f in report.findings)
        gate_checks.update(f.check for f in report.findings if f.severity >= Severity.WARNING)
        pool.extend((report, f) for f in report.findings if f.severity >= Severity.WARNING)
    elapsed = time.perf_counter() - started
    print(f"\n{total_units} units, {total_flagged} flagged ({100 * total_flagged / max(total_units, 1):.1f}%), "
          f"{crashes} failed runs, {elapsed:.1f} s")  # fmt: skip
    print("most frequent checks (all severities):", ", ".join(f"{c} {n}" for c, n in by_check.most_common(5)))
    print("most frequent checks (warning+):      ", ", ".join(f"{c} {n}" for c, n in gate_checks.most_common(5)))
    print(f"\nrandom sample of {args.sample} warning/error findings (seed {args.seed}):")
    for i, (report, f) in enumerate(random.Random(args.seed).sample(pool, min(args.sample, len(pool))), 1):
        source, target = segment_text(report, f)
        where = f"{Path(f.location.path or '').name}:{f.location.line}"
        print(f"{i:2d}. [{f.check}/{f.severity}] {where}: {f.message[:150]}")
        print(f"    source: {source[:160]!r}")
        print(f"    target: {target[:160]!r}")
    print("\nstale 'Kiev' with a termbase that deprecates it (libgweather):")
    gweather = sorted((DATA / "debian-po" / "libgweather-4-common").glob("*.po"))
    report = check_files(gweather, config, termbase=KYIV)
    for f in report.findings:
        if f.check in ("source-deprecated-term", "term-adherence", "deprecated-term"):
            print(f"  {Path(f.location.path or '').name}:{f.location.line} [{f.check}] {f.message}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
