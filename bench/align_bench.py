"""How well does the sentence aligner recover known n:m links? (wmt24 en-uk)

The WMT24 reference (``en-uk.refA.txt``) and each system output are two independent
Ukrainian versions of the same documents, line by line. We keep the reference as the
left side and perturb the system output at random (seeded): merge two lines (2:1),
split a line at a sentence boundary or near its middle (1:2), drop a line (1:0) or
insert a line from elsewhere in the corpus (0:1). The aligner must recover the links;
we report strict precision/recall/F1 (a link counts only when both sides match
exactly, deletions and insertions included) next to a length-only Gale–Church
baseline run through the same banded search, and the time for a 5,000-line document.

A second table aligns the English source with a perturbed Ukrainian reference
through anyascii transliteration: the no-model situation, where the length prior and
shared names and numbers are all the aligner has.

Usage: python bench/align_bench.py [--seed N] [--systems GPT-4 ...]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.align.adequacy import align_without_model
from mtcheck.align.align import Alignment, AlignSettings, align, align_by_length

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "wmt24-en-uk"

TruthLink = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Case:
    left: list[str]
    right: list[str]
    truth: set[TruthLink]


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[1:998]  # line 1 is the canary


def documents(doc_ids: list[str]) -> list[list[int]]:
    """Line numbers per document; one-line documents are pooled by twenties."""
    groups: dict[str, list[int]] = {}
    for index, doc in enumerate(doc_ids):
        groups.setdefault(doc, []).append(index)
    docs, pool = [], []
    for lines in groups.values():
        if len(lines) >= 4:
            docs.append(lines)
        else:
            pool.extend(lines)
    docs.extend(pool[k : k + 20] for k in range(0, len(pool), 20))
    return docs


def split_line(text: str, lang: str) -> tuple[str, str] | None:
    from mtcheck.read.segment import split_sentences

    spans = split_sentences(text, lang)
    if len(spans) >= 2:
        cut = spans[len(spans) // 2][0]
        return text[:cut].strip(), text[cut:].strip()
    words = text.split()
    if len(words) < 6:
        return None
    half = len(words) // 2
    return " ".join(words[:half]), " ".join(words[half:])


def perturb(left: list[str], right: list[str], filler: Sequence[str], rng: random.Random, lang: str) -> Case:
    out: list[str] = []
    truth: set[TruthLink] = set()
    i = 0
    while i < len(left):
        roll = rng.random()
        if roll < 0.03:
            truth.add(((), (len(out),)))
            out.append(rng.choice(filler))
        roll = rng.random()
        if roll < 0.10 and i + 1 < len(left):
            truth.add(((i, i + 1), (len(out),)))
            out.append(right[i] + " " + right[i + 1])
            i += 2
            continue
        pieces = split_line(right[i], lang) if roll < 0.20 else None
        if pieces:
            truth.add(((i,), (len(out), len(out) + 1)))
            out.extend(pieces)
        elif roll < 0.23:
            truth.add(((i,), ()))
        else:
            truth.add(((i,), (len(out),)))
            out.append(right[i])
        i += 1
    return Case(left, out, truth)


def prf(alignment: Alignment, truth: set[TruthLink]) -> tuple[int, int, int]:
    predicted = {(link.source_ids, link.target_ids) for link in alignment}
    return len(predicted & truth), len(predicted), len(truth)


def score(counts: list[tuple[int, int, int]]) -> tuple[float, float, float]:
    hit = sum(c[0] for c in counts)
    precision = hit / max(1, sum(c[1] for c in counts))
    recall = hit / max(1, sum(c[2] for c in counts))
    return precision, recall, 2 * precision * recall / max(1e-9, precision + recall)


Aligner = Callable[[list[str], list[str]], Alignment]


def run_cases(cases: list[Case], aligner: Aligner) -> tuple[tuple[float, float, float], float]:
    start = time.perf_counter()
    counts = [prf(aligner(case.left, case.right), case.truth) for case in cases]
    return score(counts), time.perf_counter() - start


def table(title: str, rows: list[tuple[str, tuple[float, float, float], float]]) -> None:
    print(f"\n{title}")
    print(f"{'aligner':<28} {'P':>6} {'R':>6} {'F1':>6} {'time s':>8}")
    for name, (p, r, f), seconds in rows:
        print(f"{name:<28} {p:6.3f} {r:6.3f} {f:6.3f} {seconds:8.2f}")


def romanize(texts: list[str]) -> list[str]:
    from mtcheck.align.adequacy import romanize as to_latin

    return [to_latin(t) for t in texts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--systems", nargs="*", default=None)
    parser.add_argument("--skip-timing", action="store_true")
    parser.add_argument(
        "--half",
        choices=("all", "dev", "test"),
        default="all",
        help="documents with an even index (dev: thresholds were set there) or odd (test: held out)",
    )
    parser.add_argument("--anchor-weight", type=float, default=None, help="override AlignSettings.anchor_weight")
    args = parser.parse_args()
    if not (DATA / "en-uk.refA.txt").exists():
        print(f"align_bench: data not found at {DATA}; nothing to measure (see shared/data/README.md).")
        return 0
    reference = read_lines(DATA / "en-uk.refA.txt")
    english = read_lines(DATA / "en-uk.txt")
    doc_ids = [line.split("\t")[1] for line in read_lines(DATA / "en-uk.docs")]
    docs = documents(doc_ids)
    if args.half != "all":
        docs = [d for k, d in enumerate(docs) if k % 2 == (0 if args.half == "dev" else 1)]
    systems = sorted(p.stem for p in (DATA / "system-outputs").glob("*.txt"))
    systems = [s for s in systems if args.systems is None or s in args.systems]
    rng = random.Random(args.seed)
    print(f"wmt24 en-uk: {len(docs)} documents, {len(reference)} lines; seed {args.seed}")
    print("perturbation of the right side per line: 10% merge, 10% split, 3% drop, 3% insert")

    all_rows: list[tuple[str, tuple[float, float, float], float]] = []
    for system in systems:
        output = read_lines(DATA / "system-outputs" / f"{system}.txt")
        cases = []
        for lines in docs:
            left = [reference[k] for k in lines]
            right = [output[k] for k in lines]
            cases.append(perturb(left, right, output, rng, "uk"))
        mt, mt_time = run_cases(cases, align)
        gc, gc_time = run_cases(cases, align_by_length)
        all_rows += [(f"{system}: mtcheck", mt, mt_time), (f"{system}: Gale-Church", gc, gc_time)]
    table("reference vs system output (uk-uk), strict links", all_rows)

    raw_cases, cross_cases = [], []
    for lines in docs:
        left = [english[k] for k in lines]
        right = [reference[k] for k in lines]
        case = perturb(left, right, reference, rng, "uk")
        raw_cases.append(case)
        cross_cases.append(Case(romanize(case.left), romanize(case.right), case.truth))
    mt, mt_time = run_cases(cross_cases, align)
    gc, gc_time = run_cases(cross_cases, align_by_length)
    settings = AlignSettings() if args.anchor_weight is None else AlignSettings(anchor_weight=args.anchor_weight)
    anchored, anchored_time = run_cases(
        raw_cases, lambda left, right: align_without_model(left, right, "en", "uk", settings)
    )
    table(
        f"English source vs reference, no model ({args.half} documents)",
        [("anyascii only", mt, mt_time), ("anyascii + anchors (mtcheck)", anchored, anchored_time),
         ("Gale-Church", gc, gc_time)],
    )  # fmt: skip

    if not args.skip_timing:
        timing(reference, systems, rng)
    return 0


def timing(reference: list[str], systems: list[str], rng: random.Random) -> None:
    """One 5,000-line document: the reference against each system in turn, five blocks."""
    left: list[str] = []
    right: list[str] = []
    sources = [*systems, systems[0]][:5] if systems else []
    while len(sources) < 5 and systems:
        sources.append(systems[len(sources) % len(systems)])
    for system in sources:
        left.extend(reference)
        right.extend(read_lines(DATA / "system-outputs" / f"{system}.txt"))
    left, right = left[:5000], right[:5000]
    case = perturb(left, right, right, rng, "uk")
    rows = []
    for name, aligner in (("mtcheck", align), ("Gale-Church", align_by_length)):
        start = time.perf_counter()
        result = aligner(case.left, case.right)
        seconds = time.perf_counter() - start
        rows.append((name, score([prf(result, case.truth)]), seconds))
    table(f"one document of {len(case.left)} x {len(case.right)} lines", rows)


if __name__ == "__main__":
    sys.exit(main())
