"""The torch and CTranslate2 Marian backends on a tiny randomly initialised model.

The model's outputs are garbage: these tests assert mechanics (determinism, order, empty lines,
backend equality, pickle refusal, the CLI), never translation quality.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.config import ModelSettings
from mtcheck.errors import ModelError
from mtcheck.translators._engine import MAX_BATCH_EXAMPLES, Decoding, plan_batches
from mtcheck.translators.ctranslate2_backend import SUB_BATCH, CTranslate2Translator, sub_batch_size
from mtcheck.translators.marian import MarianTranslator
from tests.tiny_marian import tiny_marian_dir

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_58537a9fbf26f386.txt"

TEXTS = [
    "The president said on monday that talks would continue.",
    "",
    "Ministers met in paris.",
    "War",
    "   ",
    "A spokesman told reporters the conference ended with money for weapons and missiles near the border.",
    "Officials denied reports about the army",
]


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_marian_dir(tmp_path_factory.getbasetemp())


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("MTCHECK_MODELS", str(tmp_path / "models"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def settings(model: Path, **kw: object) -> ModelSettings:
    # One thread: on a busy 2-core CI box, OpenMP threads spinning on tiny tensors cost 10x.
    return ModelSettings(model=str(model), use_cache=False, threads=1, **kw)  # type: ignore[arg-type]


def test_load_by_path_translates_every_line_and_keeps_blanks_empty(tiny: Path) -> None:
    out = MarianTranslator(settings(tiny, beam=1)).translate(TEXTS, "en", "ar")
    assert len(out) == len(TEXTS)
    assert out[1] == "" and out[4] == ""
    assert all(o.strip() for i, o in enumerate(out) if i not in (1, 4))
    # input-dependent: a model that ignored its input would give one answer for all
    assert len({o for o in out if o}) > 1


def test_same_model_same_output_across_instances(tiny: Path) -> None:
    a = MarianTranslator(settings(tiny)).translate(TEXTS, "en", "ar")
    b = MarianTranslator(settings(tiny)).translate(TEXTS, "en", "ar")
    assert a == b


def test_greedy_outputs_do_not_depend_on_batching_and_keep_input_order(tiny: Path) -> None:
    one_batch = MarianTranslator(settings(tiny, beam=1)).translate(TEXTS, "en", "ar")
    small = MarianTranslator(settings(tiny, beam=1, batch_tokens=12))
    assert small.translate(TEXTS, "en", "ar") == one_batch
    assert [small.translate([t], "en", "ar")[0] for t in TEXTS] == one_batch
    assert small.translate(list(reversed(TEXTS)), "en", "ar") == list(reversed(one_batch))


def test_beam_search_restores_input_order(tiny: Path) -> None:
    # Beam search may legitimately differ with the batch-wide length cap, so compare like with like.
    translator = MarianTranslator(settings(tiny, beam=4))
    forward = translator.translate(TEXTS, "en", "ar")
    assert translator.translate(list(reversed(TEXTS)), "en", "ar") == list(reversed(forward))


def test_beam_is_a_decoding_setting_in_the_signature(tiny: Path) -> None:
    greedy = MarianTranslator(settings(tiny, beam=1))
    beam = MarianTranslator(settings(tiny, beam=4))
    assert greedy.route_signature("en", "ar")["beam"] == "1"
    assert beam.route_signature("en", "ar")["beam"] == "4"
    assert greedy.route_signature("en", "ar")["model"] == beam.route_signature("en", "ar")["model"]


def test_plan_batches_covers_each_index_once_within_budget() -> None:
    lengths = [5, 30, 7, 7, 120, 1, 30, 9]
    batches = plan_batches(lengths, budget=64)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(len(lengths)))
    for batch in batches:
        widest = max(lengths[i] for i in batch)
        assert len(batch) == 1 or len(batch) * widest <= 64
    assert batches[0] == [4]  # longer than the budget: alone, and first (longest first)


def test_forced_length_decodes_exactly_that_many_tokens(tiny: Path) -> None:
    t = MarianTranslator(settings(tiny, beam=1), Decoding(beam=1, forced_length=7))
    out = t.translate(["War", "Ministers met in paris to discuss support."], "en", "ar")
    step = t.route("en", "ar")[0]
    tok = t.load(step).tokenizer
    assert [len(tok(o, add_special_tokens=False)["input_ids"]) <= 7 for o in out] == [True, True]
    assert t.signature["max_length"] == "forced 7"


def test_pickle_only_folder_is_refused_unless_allowed(tiny: Path, tmp_path: Path) -> None:
    import torch
    from transformers import MarianMTModel

    pickled = tmp_path / "pickled"
    shutil.copytree(tiny, pickled, ignore=shutil.ignore_patterns("ctranslate2-*"))
    (pickled / "model.safetensors").unlink()
    torch.save(MarianMTModel.from_pretrained(str(tiny)).state_dict(), pickled / "pytorch_model.bin")
    assert (pickled / "pytorch_model.bin").is_file()
    with pytest.raises(ModelError, match="--allow-pickle"):
        MarianTranslator(settings(pickled, beam=1)).translate(["War"], "en", "ar")
    allowed = MarianTranslator(settings(pickled, beam=1, allow_pickle=True)).translate(TEXTS, "en", "ar")
    assert allowed == MarianTranslator(settings(tiny, beam=1)).translate(TEXTS, "en", "ar")


@pytest.mark.parametrize("beam", [1, 4])
def test_ctranslate2_float32_gives_the_torch_outputs(tiny: Path, beam: int) -> None:
    torch_out = MarianTranslator(settings(tiny, beam=beam)).translate(TEXTS, "en", "ar")
    ct2 = CTranslate2Translator(settings(tiny, beam=beam, compute_type="float32"))
    assert ct2.translate(TEXTS, "en", "ar") == torch_out


def test_ctranslate2_int8_is_converted_once_and_reused(tiny: Path) -> None:
    first = CTranslate2Translator(settings(tiny, beam=1))
    out = first.translate(TEXTS, "en", "ar")
    converted = tiny / "ctranslate2-int8" / "model.bin"
    assert converted.is_file()
    stamp = converted.stat().st_mtime_ns
    again = CTranslate2Translator(settings(tiny, beam=1)).translate(TEXTS, "en", "ar")
    assert converted.stat().st_mtime_ns == stamp
    assert again == out
    assert out[1] == "" and len(out) == len(TEXTS)
    assert first.signature["precision"] == "int8"


def test_ctranslate2_greedy_outputs_do_not_depend_on_sub_batches(tiny: Path) -> None:
    # Two workers and more texts than one sub-batch holds: the call is cut and run in parallel.
    words = " ".join(TEXTS).split()
    many = [" ".join(words[i : i + 2 + i % 7]) for i in range(20)]
    assert sub_batch_size(len(many), 2) < len(many)
    ct2 = CTranslate2Translator(ModelSettings(model=str(tiny), use_cache=False, threads=2, beam=1))
    together = ct2.translate(many, "en", "ar")
    assert [ct2.translate([t], "en", "ar")[0] for t in many] == together
    assert len(set(together)) > 1


def dispatch(texts: int, workers: int, size: int) -> list[int]:
    """Texts per worker when CTranslate2's sub-batches go, in order, to whichever worker is free."""
    loads = [0] * workers
    for start in range(0, texts, size):
        loads[loads.index(min(loads))] += min(size, texts - start)
    return loads


def test_sub_batches_keep_two_workers_equally_busy() -> None:
    for texts in range(2, MAX_BATCH_EXAMPLES + 1):
        size = sub_batch_size(texts, 2)
        assert 1 <= size <= SUB_BATCH
        loads = dispatch(texts, 2, size)
        # a plain ceil(texts / workers) cap of 16 gives 48 texts as 16+16+16: 32 against 16
        assert max(loads) - min(loads) <= 4, (texts, size, loads)
    assert dispatch(23, 2, sub_batch_size(23, 2)) == [12, 11]
    assert sub_batch_size(40, 1) == SUB_BATCH  # one worker: the fewest sub-batches


def test_cli_translate_writes_one_line_per_input_line(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.txt"
    src.write_text("War\n\nMinisters met in paris.\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(
            ["translate", str(src), "--from", "en", "--to", "ar", "--model", str(tiny), "--beam", "1", "--threads", "1"]
        )
    assert exit_.value.code == 0
    lines = capsys.readouterr().out.split("\n")
    assert lines[-1] == "" and len(lines) == 4  # three lines, each ended by a newline
    assert lines[0] and lines[1] == "" and lines[2]
    expected = MarianTranslator(settings(tiny, beam=1)).translate(["War", "", "Ministers met in paris."], "en", "ar")
    assert lines[:3] == expected


@pytest.mark.parametrize("backend", ["torch", "ctranslate2"])
def test_check_with_a_model_puts_back_translations_in_the_json_report(
    tiny: Path, tmp_path: Path, backend: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["check", str(SEED), "-s", "ar", "-t", "en", "--format", "json", "--model", str(tiny)]
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--beam", "1", "--threads", "1", "--backend", backend, "--require-mt"])
    assert exit_.value.code in (0, 1)
    report = json.loads(capsys.readouterr().out)
    back = report["details"]["back_translations"][str(SEED)]
    assert len(back) == report["scores"]["segments"] == 23
    assert all(text.strip() for text in back.values())
    assert report["details"]["model"]["backend"] == backend
    assert not any("skipped" in note for note in report["notes"])
    assert report["details"]["cache_misses"] == 23
    with pytest.raises(SystemExit):
        main([*argv, "--beam", "1", "--threads", "1", "--backend", backend])
    again = json.loads(capsys.readouterr().out)
    assert (again["details"]["cache_hits"], again["details"]["cache_misses"]) == (23, 0)
    assert again["details"]["back_translations"] == report["details"]["back_translations"]


def test_tokenizer_advice_about_sacremoses_stays_out_of_the_output(tiny: Path) -> None:
    import warnings

    from mtcheck.translators.marian import load_tokenizer

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_tokenizer(tiny)
    assert not [w for w in caught if "sacremoses" in str(w.message)]
