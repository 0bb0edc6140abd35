"""Precision and recall of mtcheck.names.extract on the hand-annotated English dev set.

tests/data/names_dev.jsonl: news-style sentences written for this purpose, each with its gold
names (persons, places, organisations) in order of appearance. A found name counts only when
its span is exactly a gold span (a possessive 's and titles such as "President" lie outside).
Prints precision, recall, F1, the misses and the false alarms.

Run: python bench/names_extract_bench.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.names.extract import extract

DEV = Path(__file__).resolve().parents[1] / "tests" / "data" / "names_dev.jsonl"


def gold_spans(text: str, names: list[str]) -> set[tuple[int, int]]:
    spans, pos = set(), 0
    for name in names:
        start = text.index(name, pos)
        pos = start + len(name)
        spans.add((start, pos))
    return spans


def main() -> int:
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    tp = fp = fn = 0
    errors: list[str] = []
    start = time.perf_counter()
    for row in rows:
        text = row["text"]
        gold = gold_spans(text, row["names"])
        found = {(m.span.start, m.span.end) for m in extract(text, "en")}
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
        errors += [f"  missed      {text[s:e]!r} in {text!r}" for s, e in sorted(gold - found)]
        errors += [f"  false alarm {text[s:e]!r} in {text!r}" for s, e in sorted(found - gold)]
    elapsed = time.perf_counter() - start
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{len(rows)} sentences, {tp + fn} gold names, {elapsed:.2f} s")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print("\n".join(errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
