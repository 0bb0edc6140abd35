"""Cost of the name checks on a long Arabic article with a termbase (issue 10, item 8).

Builds, from a fixed seed, a 250-line Arabic article (common words from wordfreq, with
about one name in three lines, some rendered off their termbase form) and a 100-term
English–Arabic termbase of names, then checks the article with every check and no model.
Prints the CPU seconds and the number of :func:`mtcheck.names.translit.similarity` calls.
Target: under 1 s of CPU (it was about 20 s and 131,000 calls when every word was compared
with every term).

Usage: python bench/names_cost.py [--lines 250] [--terms 100]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.config import Config, ModelSettings
from mtcheck.formats.base import Languages
from mtcheck.names import translit
from mtcheck.names.termbase import PREFERRED, Concept, Term, Termbase
from mtcheck.pipeline import check_documents
from mtcheck.registry import READERS

# Syllables of made-up Arabic-script names: consonant + long vowel or none.
CONSONANTS = "بتدرزسشفقكلمنهج"
VOWELS = ("ا", "و", "ي", "")
LATIN = {"ب": "b", "ت": "t", "د": "d", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ف": "f", "ق": "q", "ك": "k",
         "ل": "l", "م": "m", "ن": "n", "ه": "h", "ج": "j", "ا": "a", "و": "u", "ي": "i", " ": " "}  # fmt: skip


def make_name(rng: random.Random) -> str:
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(rng.randint(2, 4)))


def build(lines: int, terms: int, seed: int = 7) -> tuple[str, Termbase]:
    from wordfreq import top_n_list

    rng = random.Random(seed)
    words = [w for w in top_n_list("ar", 2000) if len(w) > 2][:1500]
    names = [make_name(rng) + " " + make_name(rng) for _ in range(terms)]
    concepts = tuple(
        Concept(f"c{k}", (Term("".join(LATIN[c] for c in name), "en", PREFERRED), Term(name, "ar", PREFERRED)))
        for k, name in enumerate(names)
    )
    text = []
    for _ in range(lines):
        line = [rng.choice(words) for _ in range(rng.randint(12, 20))]
        if rng.random() < 0.35:
            name = rng.choice(names)
            if rng.random() < 0.3:  # a letter off: what suspect-rendering is for
                name = name[:-1] + rng.choice(CONSONANTS)
            line.insert(rng.randint(0, len(line)), rng.choice(("", "و", "ل", "بال")) + name)
        text.append(" ".join(line) + ".")
    return "\n".join(text), Termbase(concepts)


def load_cost(rows: int) -> str:
    """CPU seconds to load a generated CSV termbase of ``rows`` concepts (three terms each)."""
    import tempfile
    from pathlib import Path

    from mtcheck.names.termbase_io import load_termbases

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.csv"
        lines = "".join(f"t{i},Term{i} City,Місто{i},Term{i}ov\n" for i in range(rows))
        path.write_text("id,en,uk,en:deprecated\n" + lines, encoding="utf-8")
        start, wall = time.process_time(), time.perf_counter()
        loaded = len(load_termbases([path]))
        cpu, elapsed = time.process_time() - start, time.perf_counter() - wall
    return f"loading a {loaded}-concept CSV termbase: {cpu:.2f} s CPU ({elapsed:.2f} s wall)"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=250)
    parser.add_argument("--terms", type=int, default=100)
    parser.add_argument("--load-rows", type=int, default=30_000, help="also time loading a CSV termbase this long")
    args = parser.parse_args()
    print(load_cost(args.load_rows))
    article, termbase = build(args.lines, args.terms)
    config = Config(model=ModelSettings(enabled=False), source_lang="en", target_lang="ar")
    doc = READERS.get("text").document(article, None, Languages("en", "ar"))  # type: ignore[attr-defined]
    calls = 0
    plain = translit.similarity

    def counted(a: str, b: str, *, vowels: bool = True) -> float:
        nonlocal calls
        calls += 1
        return plain(a, b, vowels=vowels)

    translit.similarity = counted  # type: ignore[assignment]
    try:
        check_documents([doc], config, termbase=Termbase())  # warm-up: loads word lists and models
        calls = 0
        start = time.process_time()
        report = check_documents([doc], config, termbase=termbase)
        cpu = time.process_time() - start
    finally:
        translit.similarity = plain  # type: ignore[assignment]
    words = sum(len(s.target.split()) for s in doc.segments)
    print(f"{args.lines} lines, {words} words, {args.terms} terms: {cpu:.2f} s CPU, {calls} similarity calls")
    print(f"findings: {len(report.findings)} ({', '.join(sorted({f.check for f in report.findings}))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
