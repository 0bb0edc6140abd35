"""How fast `mtcheck names learn` learns an archive, and what the name-romanisation index costs.

Writes ~10,000 short articles (default) into a temporary folder, made from the English side
of NTREX-128 (../shared/data/ntrex-128, sentences shuffled into articles of 5) when it is
there, else from a synthetic template, learns them into a fresh names database, learns
them again (every file must be skipped), and prints articles/s and CPU seconds.

    python bench/namesdb_bench.py [--articles 10000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from mtcheck.names.namesdb import learn, open_names_db

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "ntrex-128"


def sentences() -> list[str]:
    path = SHARED / "newstest2019-src.eng.txt"
    if path.is_file():
        return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    people = ["Rustem Umerov", "Olaf Scholz", "Elin Jones", "Mark Rutte", "Ursula von der Leyen"]
    places = ["Kyiv", "Berlin", "Cardiff", "Brussels", "The Hague"]
    return [f"{p} spoke in {c} on day {i}." for i in range(500) for p in people for c in places[:1]]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    pool = sentences()
    rng = random.Random(13)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "archive"
        folder.mkdir()
        for i in range(args.articles):
            body = " ".join(rng.choice(pool) for _ in range(5))
            (folder / f"a{i:05}.txt").write_text(f"Article {i}. {body}\n", encoding="utf-8")
        db = Path(tmp) / "names.db"
        wall, cpu = time.perf_counter(), time.process_time()
        result = learn(db, [folder], "en")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"source: {'NTREX-128 English' if SHARED.is_dir() else 'synthetic'}, {len(pool)} sentences")
        print(f"learned {result.learned} articles, {result.mentions} mentions, {result.forms} forms")
        print(f"  {result.learned / wall:,.0f} articles/s, {wall:.1f} s wall, {cpu:.1f} s CPU")
        wall = time.perf_counter()
        again = learn(db, [folder], "en")
        print(f"re-learn: {again.learned} learned, {again.skipped} skipped in {time.perf_counter() - wall:.1f} s")
        wall, cpu = time.perf_counter(), time.process_time()
        open_names_db(db)
        print(f"open at check time: {time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU")
    from mtcheck.names.romanise import frequent_names

    wall, cpu = time.perf_counter(), time.process_time()
    index = frequent_names("en")
    print(
        f"name-romanisation index (en): {len(index)} keys, "
        f"{time.perf_counter() - wall:.2f} s wall, {time.process_time() - cpu:.2f} s CPU (once per process)"
    )


if __name__ == "__main__":
    main()
