"""The cached copy of wordfreq's lists answers exactly what wordfreq answers, or defers to it."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import wordfreq

from mtcheck.names import frequency
from mtcheck.names.extract import zipf

TRICKY = [
    "", "Ukraine", "UKRAINE", "ukraine", "Kyiv", "Київ", "КИЇВ", "Straße", "STRASSE", "café", "cafe\u0301",
    "naïve", "İstanbul", "ǅemal", "Ωμέγα", "ΣΟΦΙΑ", "σοφία", "don't", "l'homme", "co-op", "MP3", "2024", "١٢",
    "بكييف", "الكتاب", "الْكِتَاب", "كـتاب", "ﻻ", "ﺍﻟﻜﺘﺎﺏ", "hello world", "e.g", "ﬁle", "Ⅻ", "ª", "ʰ", "東京",
    "ⓐ", "ǰ", "ŉ", "ß", "ẞ", "Ǆ", "x\u200bx", "a\u00adb", "Ё", "ё", "е\u0308", "ї", "і\u0308",
]  # fmt: skip


def _words(lang: str, rng: random.Random) -> list[str]:
    """Listed words of every frequency band, some capitalised or upper-cased, and a few made-up ones."""
    listed = [w for bucket in wordfreq.get_frequency_list(lang) for w in bucket]
    sample = rng.sample(listed, 1500)
    variants = [w.capitalize() for w in sample[:300]] + [w.upper() for w in sample[300:500]]
    made_up = ["".join(rng.sample(w, len(w))) for w in sample[500:700]]
    return sample + variants + made_up + TRICKY


def _wordfreq(word: str, lang: str) -> float:
    try:
        return float(wordfreq.zipf_frequency(word, lang))
    except (LookupError, ValueError, ImportError):  # as extract.zipf: unknown, or no jieba for Chinese
        return 0.0


@pytest.mark.parametrize("lang", ["en", "ru", "uk", "ar", "de", "tr", "zh", "sw", "pt-BR"])
def test_the_copy_answers_what_wordfreq_answers(lang: str) -> None:
    rng = random.Random(14)
    words = _words(lang, rng) if lang in ("en", "ru", "uk", "ar", "de") else TRICKY
    answered = 0
    for word in words:
        expected = _wordfreq(word, lang)
        found = frequency.looked_up(word, lang)
        if found is not None:
            answered += 1
            assert (found, str(found)) == (expected, str(expected)), (word, lang)
        assert zipf(word, lang) == expected, (word, lang)
    if lang in ("en", "ru", "uk", "ar", "de"):
        assert answered > len(words) * 0.8  # the fast path serves most words
    if lang in ("tr", "zh"):
        assert answered == 0  # dotless i, segmentation: wordfreq answers everything


def test_a_cache_that_cannot_be_written_leaves_wordfreq_to_answer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(blocked / "cache"))
    frequency._table.cache_clear()
    try:
        assert frequency.looked_up("Ukraine", "en") is None
    finally:
        frequency._table.cache_clear()
