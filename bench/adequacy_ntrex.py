"""False alarms of the alignment/adequacy checks on clean professional translations (NTREX-128).

Bilingual checking with no model: the English original (``newstest2019-src.eng.txt``)
against each professional translation (Arabic, Ukrainian, Russian), document by
document (``DOCUMENT_IDS.tsv``). Without a model there is no back-translation, so
``low-adequacy`` cannot fire; what can is ``unaligned`` (alignment through anyascii
transliteration: the length prior plus shared names and numbers), at warning severity
only, the cross-language name checks (``name-missing``, ``name-mismatch``,
``name-transliteration``: names of the English original looked for in the Arabic or
Cyrillic target through romanisation and the gazetteer's known forms), and the checks
that need no model at all. Every finding here is a false alarm or a real defect of the
professional translation. Target: < 1 error per 1,000 words.

Usage: python bench/adequacy_ntrex.py [--langs arb ukr rus]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.config import Config, ModelSettings
from mtcheck.pipeline import check_text
from mtcheck.types import Severity

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ntrex-128"
LANGS = {"arb": "ar", "ukr": "uk", "rus": "ru"}
MINE = {"unaligned", "low-adequacy", "name-missing", "name-mismatch", "name-transliteration"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--langs", nargs="*", default=list(LANGS))
    parser.add_argument(
        "--only-mine", action="store_true", help="only the alignment, adequacy and cross-language name checks"
    )
    args = parser.parse_args()
    source = DATA / "newstest2019-src.eng.txt"
    if not source.exists():
        print(f"adequacy_ntrex: data not found at {DATA}; nothing to measure (see shared/data/README.md).")
        return 0
    english = source.read_text(encoding="utf-8").split("\n")
    doc_ids = (DATA / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").split("\n")
    groups: dict[str, list[int]] = {}
    for index, doc in enumerate(doc_ids[: len(english)]):
        if doc.strip():
            groups.setdefault(doc.strip(), []).append(index)
    disable: frozenset[str] = frozenset()
    if args.only_mine:
        from mtcheck.registry import CHECKS

        disable = frozenset(set(CHECKS.names()) - MINE)
    config = Config(model=ModelSettings(enabled=False), disable=disable)
    print(f"NTREX-128: {len(groups)} documents, {sum(map(len, groups.values()))} segments; no model")
    print(
        f"{'lang':<5} {'words':>7} {'errors':>7} {'warnings':>9} {'err/1k':>7} {'warn+err/1k':>12} "
        f"{'name hints/1k':>14}"
    )
    causes: dict[str, Counter[str]] = {}
    named: dict[str, Counter[str]] = {}
    for code in args.langs:
        lang = LANGS[code]
        target = (DATA / f"newstest2019-ref.{code}.txt").read_text(encoding="utf-8").split("\n")
        words = errors = warnings = hints = 0
        cause: Counter[str] = Counter()
        names: Counter[str] = Counter()
        for lines in groups.values():
            original = "\n".join(english[k] for k in lines)
            translation = "\n".join(target[k] for k in lines)
            report = check_text(translation, source_lang="en", target_lang=lang, original=original, config=config)
            words += int(report.scores.get("words", 0))
            for finding in report.findings:
                # Info-level name-missing: no model and no known form, so only a hint.
                hints += finding.check == "name-missing" and finding.severity == Severity.INFO
                if finding.severity >= Severity.WARNING:
                    errors += finding.severity == Severity.ERROR
                    warnings += finding.severity == Severity.WARNING
                    cause[f"{finding.check} ({finding.severity})"] += 1
                    if "original_name" in finding.evidence:
                        shown = finding.text or "-"
                        names[f"{finding.check}: {finding.evidence['original_name']} → {shown}"] += 1
        causes[code] = cause
        named[code] = names
        print(
            f"{lang:<5} {words:>7} {errors:>7} {warnings:>9} {1000 * errors / words:>7.2f} "
            f"{1000 * (errors + warnings) / words:>12.2f} {1000 * hints / words:>14.2f}"
        )
    for code, cause in causes.items():
        print(f"\nmost frequent causes, {LANGS[code]}: " + ", ".join(f"{k} ×{v}" for k, v in cause.most_common(6)))
        if named[code]:
            print("  names: " + ", ".join(f"{k} ×{v}" for k, v in named[code].most_common(8)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
