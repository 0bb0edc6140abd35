"""False alarms of the name checks on clean professional English news (NTREX-128 / WMT19).

The 1,997 English segments are treated as English target text translated from Arabic (the
wire-desk case: `--source-lang ar`, no original, no model), with the default gazetteer and no
termbase. Prints warning-or-error findings per 1,000 words and lists every one that fired,
plus the info-level count. Exits 0 with a message when the data is absent.

Run: python bench/names_ntrex.py
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.config import Config, ModelSettings
from mtcheck.pipeline import check_text
from mtcheck.types import Severity

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ntrex-128" / "newstest2019-src.eng.txt"
NAME_CHECKS = frozenset({"deprecated-term", "suspect-rendering", "name-variant", "term-consistency"})


def main() -> int:
    if not DATA.is_file():
        print(f"names_ntrex: {DATA} not found; nothing to measure (see the data README).")
        return 0
    text = DATA.read_text(encoding="utf-8")
    config = Config(model=ModelSettings(enabled=False))
    start = time.perf_counter()
    report = check_text(text, source_lang="ar", target_lang="en", config=config)
    elapsed = time.perf_counter() - start
    words = len(text.split())
    findings = [f for f in report.findings if f.check in NAME_CHECKS]
    flagged = [f for f in findings if f.severity >= Severity.WARNING]
    print(f"{len(text.splitlines())} segments, {words} words, checked in {elapsed:.1f} s")
    print(f"name findings: {len(flagged)} warning-or-error, {len(findings) - len(flagged)} info")
    print(f"false-alarm rate: {1000 * len(flagged) / words:.3f} warning-or-error findings per 1,000 words (target < 1)")
    print("by check:", dict(Counter(f.check for f in flagged)))
    for f in flagged:
        print(f"  {f.severity} {f.check} {f.location.line}:{f.location.column} {f.text!r} -> {f.suggestion!r}")
    print(
        "info-level (not counted):",
        dict(
            Counter(
                f"{f.check}: {f.text} -> {f.suggestion}" for f in findings if f.severity < Severity.WARNING
            ).most_common(15)
        ),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
