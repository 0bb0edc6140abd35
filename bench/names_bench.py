"""How well mtcheck.names.translit tells "same name" from "different name" across scripts.

Data: the name lexicons in the shared data folder (not shipped; this script says so and exits 0
when they are absent):
  names-netransliteration/wd_arabic_80, wd_russian_80   english<TAB>t a r g e t<TAB>count
  names-google-ar2en/ar2en-eval.txt                     arabic<TAB>latin

Split: each lexicon's Latin names are shuffled (seed 13) and cut in two halves, *dev* and
*held-out*; every pair is built inside one half. The threshold is chosen on dev by the rule
"highest recall with precision >= 0.95" and then reported, unchanged, on held-out.

Pairs, from a fixed random sample of names of one half:
  positive        a Latin name with one of its attested renderings in the other script
  random negative the name with a rendering of a randomly drawn different name
  hard negative   the name with a rendering of its nearest *different* name by Levenshtein distance
                  on the Latin side (rapidfuzz)
"Different" is decided by the lexicon and by spelling, never by the matcher under test: names Y
and X are the same name (and Y is skipped as a negative) when
  * they fold to one spelling after removing accents and doubled letters (Grossmann/Grossman,
    Denís/Denis, Pettersen/Petersen: orthographic variants, not different names), or
  * the lexicons link them: Y shares an attested rendering with X, or with a name that shares
    one with X (two hops in the name-rendering graph: Jahn/Jan → ян), in any of the lexicons
    present (Vikander/Wikander may differ in Arabic and share a Russian rendering).
One random and one hard negative per positive. The lexicons are mined automatically and hold some
misaligned pairs (fumishige → наито, "Naito"): they stay in as positives, so recall has a ceiling
below 1.

Run: python bench/names_bench.py [--sample 1500]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from mtcheck.names.translit import CROSS_SCRIPT_THRESHOLD, similarity

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TARGET_PRECISION = 0.95
THRESHOLDS = tuple(round(0.50 + 0.02 * i, 2) for i in range(26))

Pair = tuple[str, str, bool, str]  # name, rendering, same name?, kind (same/random/hard)
Lexicon = dict[str, set[str]]


def read_netrans(path: Path) -> Lexicon:
    lexicon: Lexicon = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and parts[0] and parts[1]:
            lexicon[parts[0].strip().lower()].add(parts[1].replace(" ", ""))
    return lexicon


def read_google(path: Path) -> Lexicon:
    lexicon: Lexicon = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and parts[0] and parts[1]:
            lexicon[parts[1].strip().lower()].add(parts[0].strip())
    return lexicon


def spelling(name: str) -> str:
    """Accents and doubled letters removed: the orthographic identity of a Latin name."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(ch))
    return re.sub(r"(.)\1+", r"\1", plain)


def same_name_sets(lexicons: list[Lexicon]) -> dict[str, set[str]]:
    """For each Latin name, the names the lexicons themselves link to it (see the module docstring).

    All lexicons vote: Vikander and Wikander are one name when either the Arabic or the Russian
    lexicon renders them alike."""
    by_render: dict[str, set[str]] = defaultdict(set)
    by_spelling: dict[str, set[str]] = defaultdict(set)
    renders_of: dict[str, set[str]] = defaultdict(set)
    for index, lexicon in enumerate(lexicons):
        for name, renders in lexicon.items():
            by_spelling[spelling(name)].add(name)
            for render in renders:
                by_render[f"{index}:{render}"].add(name)
                renders_of[name].add(f"{index}:{render}")
    one_hop = {name: set().union(*(by_render[r] for r in renders)) for name, renders in renders_of.items()}
    linked: dict[str, set[str]] = {}
    for name in renders_of:
        two_hop = set().union(*(one_hop[other] for other in one_hop[name]))
        linked[name] = two_hop | by_spelling[spelling(name)]
    return linked


def make_pairs(
    lexicon: Lexicon, names: list[str], sample: int, rng: random.Random, linked: dict[str, set[str]]
) -> list[Pair]:
    chosen = rng.sample(names, min(sample, len(names)))
    pairs: list[Pair] = []
    for name in chosen:
        renders = lexicon[name]
        pairs.append((name, rng.choice(sorted(renders)), True, "same"))
        while True:
            other = rng.choice(names)
            if other not in linked[name]:
                pairs.append((name, rng.choice(sorted(lexicon[other])), False, "random"))
                break
        for other, _score, _index in process.extract(name, names, scorer=Levenshtein.distance, limit=20):
            if other not in linked[name]:
                pairs.append((name, sorted(lexicon[other])[0], False, "hard"))
                break
    return pairs


Row = tuple[float, float, float, float, float]  # threshold, precision, recall, P vs random only, P vs hard only


def curve(pairs: list[Pair]) -> list[Row]:
    scores = [(similarity(a, b), same, kind) for a, b, same, kind in pairs]
    positives = sum(1 for _s, same, _k in scores if same)
    rows = []
    for threshold in THRESHOLDS:
        tp = sum(1 for s, same, _k in scores if s >= threshold and same)
        fp_random = sum(1 for s, _same, kind in scores if s >= threshold and kind == "random")
        fp_hard = sum(1 for s, _same, kind in scores if s >= threshold and kind == "hard")

        def precision(fp: int, tp: int = tp) -> float:
            return tp / (tp + fp) if tp + fp else 1.0

        recall = tp / positives if positives else 0.0
        rows.append((threshold, precision(fp_random + fp_hard), recall, precision(fp_random), precision(fp_hard)))
    return rows


def pick(rows: list[Row]) -> float | None:
    ok = [(recall, -t, t) for t, precision, recall, *_ in rows if precision >= TARGET_PRECISION]
    return max(ok)[2] if ok else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sample", type=int, default=1500, help="names drawn per lexicon and split (default 1500)")
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
    summary = []
    lexicons = {title: reader(path) for title, (path, reader) in present.items()}
    linked = same_name_sets(list(lexicons.values()))
    for title, lexicon in lexicons.items():
        names = sorted(lexicon)
        random.Random(13).shuffle(names)
        half = len(names) // 2
        splits = {"dev": sorted(names[:half]), "held-out": sorted(names[half:])}
        tables = {}
        for split, part in splits.items():
            start = time.perf_counter()
            pairs = make_pairs(lexicon, part, args.sample, random.Random(13), linked)
            tables[split] = curve(pairs)
            rate = len(pairs) / (time.perf_counter() - start)
        chosen = pick(tables["dev"])
        print(f"\n{title}: {args.sample} names per split, 3 pairs each (same, random, hard); ~{rate:,.0f} pairs/s")
        print("  threshold | dev P   dev R  | held-out P  R      | held-out P, random / hard negatives only")
        for (t, p, r, *_), (_t, hp, hr, hpr, hph) in zip(tables["dev"], tables["held-out"], strict=True):
            mark = ""
            if t == chosen:
                mark += "  <- chosen on dev"
            if t == CROSS_SCRIPT_THRESHOLD:
                mark += "  <- CROSS_SCRIPT_THRESHOLD"
            print(f"  {t:9.2f} | {p:.3f}  {r:.3f} | {hp:.3f}  {hr:.3f}     | {hpr:.3f} / {hph:.3f}{mark}")
        held = {t: (p, r) for t, p, r, *_ in tables["held-out"]}
        dev = {t: (p, r) for t, p, r, *_ in tables["dev"]}
        summary.append((title, chosen, dev.get(chosen or -1), held.get(chosen or -1), held[CROSS_SCRIPT_THRESHOLD]))
    print(f"\nRule: highest recall with precision >= {TARGET_PRECISION} on dev; target recall >= 0.90.")
    for title, chosen, dev_pr, held_pr, _fixed in summary:
        if chosen is None or dev_pr is None or held_pr is None:
            print(f"  {title:26s} no threshold reaches precision {TARGET_PRECISION} on dev")
            continue
        print(
            f"  {title:26s} threshold {chosen:.2f}: dev P {dev_pr[0]:.3f} R {dev_pr[1]:.3f}; "
            f"held-out P {held_pr[0]:.3f} R {held_pr[1]:.3f}"
        )
    print(f"At CROSS_SCRIPT_THRESHOLD = {CROSS_SCRIPT_THRESHOLD} (held-out):")
    for title, _chosen, _dev, _held, (p, r) in summary:
        print(f"  {title:26s} P {p:.3f} R {r:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
