"""Back-translation follows its input's length, and a degenerate one is not built upon.

A model that never ends a sentence (tests/tiny_marian.py's ``never_ending_marian_dir``: the
tiny model with its end-of-sentence logit pushed down, loaded the normal way) must come back
within 1.5× its input plus a few tokens on both backends, be marked unfinished (in the
translation cache too), and have its round trip skipped with a note.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.config import Config, ModelSettings
from mtcheck.pipeline import check_text
from mtcheck.translators._engine import CachedTranslator, Decoding
from mtcheck.translators.cache import TranslationCache
from mtcheck.translators.ctranslate2_backend import CTranslate2Translator
from mtcheck.translators.decoded import repeats_itself
from mtcheck.translators.marian import MarianTranslator
from tests.adequacy_fixtures import BACK, TRANSLATION
from tests.doubles import DictTranslator
from tests.tiny_marian import never_ending_marian_dir

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_58537a9fbf26f386.txt"
TEXTS = [
    "The president said on monday that talks would continue.",
    "War",
    "A spokesman told reporters the conference ended with money for weapons and missiles near the border.",
]


@pytest.fixture(scope="module")
def never_ends(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return never_ending_marian_dir(tmp_path_factory.getbasetemp())


def settings(model: Path, **kw: object) -> ModelSettings:
    return ModelSettings(model=str(model), use_cache=False, threads=1, **kw)  # type: ignore[arg-type]


def test_length_cap_and_end_detection() -> None:
    decoding = Decoding(beam=1)
    assert decoding.max_new_tokens(10) == 25 and decoding.max_new_tokens(400) == 512
    assert decoding.signature()["max_length"] == "1.5n+10"
    # n=2: cap 13 tokens, the last slot (index 12) is the one transformers forces an end into
    assert decoding.ended([5, 6, 0], end=0, input_length=2)
    assert not decoding.ended([5] * 12 + [0], end=0, input_length=2)
    assert not decoding.ended([5] * 20, end=0, input_length=2)
    assert decoding.trim([5] * 20, end=0, input_length=2) == [5] * 12


@pytest.mark.parametrize("backend", [MarianTranslator, CTranslate2Translator])
def test_a_model_that_never_ends_stops_at_one_and_a_half_times_its_input(never_ends: Path, backend: type) -> None:
    translator = backend(settings(never_ends, beam=4, compute_type="float32"))
    outputs = translator.decode(TEXTS, "en", "ar")
    step = translator.route("en", "ar")[0]
    tokenizer = translator.load(step).tokenizer if backend is MarianTranslator else translator.load(step)[1]
    for text, out in zip(TEXTS, outputs, strict=True):
        n = len(tokenizer(text)["input_ids"])
        assert not out.ended
        assert 0 < len(tokenizer(out.text, add_special_tokens=False)["input_ids"]) <= int(1.5 * n) + 10


def test_an_unfinished_output_is_cached_as_unfinished(never_ends: Path, tmp_path: Path) -> None:
    first = CachedTranslator(MarianTranslator(settings(never_ends, beam=1)), TranslationCache(tmp_path))
    decoded = first.decode(TEXTS, "en", "ar")
    again = CachedTranslator(MarianTranslator(settings(never_ends, beam=1)), TranslationCache(tmp_path))
    assert again.decode(TEXTS, "en", "ar") == decoded and not any(out.ended for out in decoded)
    assert again.stats == {"cache_hits": 3, "cache_misses": 0}  # nothing translated, still marked unfinished


def test_repetition_loops_are_degenerate_and_news_text_is_not() -> None:
    assert repeats_itself("Officials said of the country of the country of the country of the country")
    assert repeats_itself("الرئيس الرئيس الرئيس الرئيس")
    assert repeats_itself("ggggggggggggg")
    for text in [*BACK, *TRANSLATION, SEED.read_text(encoding="utf-8"), "He won 1000000 votes.", "Ha ha, he said."]:
        assert not repeats_itself(text), text


def test_round_trip_skips_a_looping_back_translation_with_a_note() -> None:
    loop = "the council the council the council the council the council"
    back = dict(zip(TRANSLATION, BACK, strict=True)) | {TRANSLATION[2]: loop}
    forward = dict(zip(BACK, TRANSLATION, strict=True))
    translator = DictTranslator({("uk", "en"): back, ("en", "uk"): forward})
    report = check_text(
        "\n".join(TRANSLATION), source_lang="en", target_lang="uk", config=Config(), translator=translator
    )
    trips = report.details["round_trips"][""]
    assert sorted(trips) == ["s1", "s2", "s4", "s5", "s6"]  # s3 looped: not translated forward again
    (note,) = [n for n in report.notes if "degenerate" in n]
    assert "1 of 6" in note
    links = report.details["alignment"][""]["links"]
    assert [link["target"] for link in links] == [["s1"], ["s2"], ["s4"], ["s5"], ["s6"]]  # s3 unscored


def test_cli_with_a_model_that_never_ends_finishes_with_a_note(never_ends: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mtcheck", "check", str(SEED), "-s", "ar", "-t", "en", "--model", str(never_ends),
         "--require-mt", "--threads", "1", "--cache-dir", str(tmp_path), "-f", "json"],
        capture_output=True, text=True, timeout=600, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    path = report["documents"][0]["path"]
    back = report["details"]["back_translations"][path]
    assert len(back) == 23 and all(text.strip() for text in back.values())
    assert report["details"].get("round_trips", {}).get(path, {}) == {}
    (note,) = [n for n in report["notes"] if "degenerate" in n]
    assert "23 of 23" in note and "not translated forward again" in note
