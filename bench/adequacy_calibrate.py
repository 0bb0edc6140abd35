"""Where to put the low-adequacy thresholds: chrF of correct pairs on clean data (wmt24 en-uk).

The reference and each system output are two independent Ukrainian versions of the
same line, as a back-translation and its original are two versions of one sentence.
We print low percentiles of sacrebleu sentence chrF over these correct pairs
(absolute, and relative to the document's median chrF), by minimum length. The
defaults in mtcheck/checks/low_adequacy.py are the 1st percentiles at 5+ words.
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "wmt24-en-uk"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def main() -> int:
    if not (DATA / "en-uk.refA.txt").exists():
        print(f"adequacy_calibrate: data not found at {DATA}; nothing to measure.")
        return 0
    from sacrebleu.metrics.chrf import CHRF

    chrf = CHRF()
    read = lambda p: p.read_text(encoding="utf-8").split("\n")[1:998]  # noqa: E731 - line 1 is the canary
    reference = read(DATA / "en-uk.refA.txt")
    doc_ids = [line.split("\t")[1] for line in read(DATA / "en-uk.docs")]
    systems = sorted((DATA / "system-outputs").glob("*.txt"))
    print(f"{'min words':>9} {'kind':>9} {'pairs':>6}  p0.5   p1    p2    p5    p10   p50")
    for min_words in (3, 5, 8):
        absolute: list[float] = []
        relative: list[float] = []
        for system in systems:
            docs: dict[str, list[float]] = {}
            for k, (ref, out) in enumerate(zip(reference, read(system), strict=True)):
                if len(ref.split()) >= min_words:
                    docs.setdefault(doc_ids[k], []).append(chrf.sentence_score(out, [ref]).score)
            for values in docs.values():
                absolute.extend(values)
                median = statistics.median(values)
                if len(values) >= 4 and median > 0:
                    relative.extend(v / median for v in values)
        for kind, values in (("chrF", absolute), ("÷median", relative)):
            cells = " ".join(f"{percentile(values, p):5.2f}" for p in (0.5, 1, 2, 5, 10, 50))
            print(f"{min_words:>9} {kind:>9} {len(values):>6} {cells}")
    print(f"signature: {chrf.get_signature()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
