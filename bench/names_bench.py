"""How well mtcheck.names.translit tells "same name" from "different name" across scripts.

Data: the name lexicons in the shared data folder (not shipped; this script says so and exits 0
when they are absent):
  names-netransliteration/wd_arabic_80, wd_russian_80   english<TAB>t a r g e t<TAB>count
  names-google-ar2en/ar2en-eval.txt                     arabic<TAB>latin

Pairs, per lexicon, from a fixed random sample of names (seed 13):
  positive        an English/Latin name with one of its attested renderings in the other script
  random negative the name with a rendering of a randomly drawn different name
  hard negative   the name with a rendering of its nearest different name by edit distance on the
                  Latin side (rapidfuzz Levenshtein), skipping names that share a rendering with it,
                  so homographs (jahn/jan → ян) are not counted as "different"
One random and one hard negative per positive. Prints precision, recall and F1 at the threshold
the checks use (SUSPECT_THRESHOLD_CROSS), the precision/recall curve, and throughput (pairs/s).

Run: python bench/names_bench.py [--sample 3000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from mtcheck.names.translit import CROSS_SCRIPT_THRESHOLD, similarity

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

Pair = tuple[str, str, bool]


def read_netrans(path: Path) -> dict[str, set[str]]:
    lexicon: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0] and parts[1]:
            lexicon[parts[0].strip().lower()].add(parts[1].replace(" ", ""))
    return lexicon


def read_google(path: Path) -> dict[str, set[str]]:
    lexicon: dict[str, set[str]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0] and parts[1]:
            lexicon[parts[1].strip().lower()].add(parts[0].strip())
    return lexicon


def make_pairs(lexicon: dict[str, set[str]], sample: int, rng: random.Random) -> list[Pair]:
    names = sorted(lexicon)
    chosen = rng.sample(names, min(sample, len(names)))
    pairs: list[Pair] = []
    for name in chosen:
        renders = lexicon[name]
        pairs.append((name, rng.choice(sorted(renders)), True))
        while True:
            other = rng.choice(names)
            if other != name and not (lexicon[other] & renders):
                pairs.append((name, rng.choice(sorted(lexicon[other])), False))
                break
        for other, _score, _index in process.extract(name, names, scorer=Levenshtein.distance, limit=12):
            if other != name and not (lexicon[other] & renders):
                pairs.append((name, sorted(lexicon[other])[0], False))
                break
    return pairs


def evaluate(title: str, pairs: list[Pair]) -> tuple[float, float]:
    start = time.perf_counter()
    scores = [(similarity(a, b), same) for a, b, same in pairs]
    elapsed = time.perf_counter() - start
    positives = sum(1 for _s, same in scores if same)
    print(f"\n{title}: {len(pairs)} pairs ({positives} same-name), {len(pairs) / elapsed:,.0f} pairs/s")
    print("  threshold  precision  recall   F1")
    result = (0.0, 0.0)
    for threshold in (0.6, 0.7, 0.75, CROSS_SCRIPT_THRESHOLD, 0.85, 0.9, 1.0):
        tp = sum(1 for s, same in scores if s >= threshold and same)
        fp = sum(1 for s, same in scores if s >= threshold and not same)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / positives if positives else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        mark = "  <- used by the checks" if threshold == CROSS_SCRIPT_THRESHOLD else ""
        print(f"  {threshold:9.2f}  {precision:9.3f}  {recall:6.3f}  {f1:5.3f}{mark}")
        if threshold == CROSS_SCRIPT_THRESHOLD:
            result = (precision, recall)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=3000, help="names drawn per lexicon (default 3000)")
    args = parser.parse_args()
    sources = {
        "netransliteration en-ar": (DATA / "names-netransliteration" / "wd_arabic_80", read_netrans),
        "netransliteration en-ru": (DATA / "names-netransliteration" / "wd_russian_80", read_netrans),
        "google ar2en (eval)": (DATA / "names-google-ar2en" / "ar2en-eval.txt", read_google),
    }
    present = {title: spec for title, spec in sources.items() if spec[0].is_file()}
    if not present:
        print(f"names_bench: no name lexicons under {DATA}; nothing to measure (see the data README).")
        return 0
    results = {}
    for title, (path, reader) in present.items():
        rng = random.Random(13)
        results[title] = evaluate(title, make_pairs(reader(path), args.sample, rng))
    print(f"\nAt threshold {CROSS_SCRIPT_THRESHOLD} (target: precision >= 0.95 at recall >= 0.90):")
    for title, (precision, recall) in results.items():
        ok = "meets" if precision >= 0.95 and recall >= 0.90 else "misses"
        print(f"  {title:26s} precision {precision:.3f}  recall {recall:.3f}  ({ok} the target)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
