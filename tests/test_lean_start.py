"""A check without a model loads no model machinery, and language codes need no langcodes.

The hub client, httpx, torch and transformers cost more to import than the rest of a
model-free check; they must load only when a model is used or a download is asked for.
Each case runs in a fresh interpreter, since this test process imports them all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.read.languages import CANONICAL, normalize_language

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_58537a9fbf26f386.txt"
HEAVY = ("huggingface_hub", "httpx", "httpx2", "torch", "transformers", "ctranslate2")

PROBE = """
import json, sys
from mtcheck.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""


def loaded_after(tmp_path: Path, *args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MTCHECK_CACHE_DIR": str(tmp_path / "cache"), "HF_HUB_OFFLINE": "1",
           "MTCHECK_MODELS": str(tmp_path / "models"), "HF_HOME": str(tmp_path / "hf")}  # fmt: skip
    for name in ("HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE"):
        env.pop(name, None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        check=False,
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


@pytest.mark.parametrize("model_args", [["--no-mt"], []], ids=["no-mt", "model-lookup-finds-none"])
def test_a_check_without_a_model_imports_no_model_machinery(tmp_path: Path, model_args: list[str]) -> None:
    loaded = loaded_after(tmp_path, "check", str(SEED), "-s", "ar", "-t", "en", "-f", "json", *model_args)
    assert "mtcheck" in loaded
    assert loaded.isdisjoint(HEAVY), sorted(loaded & set(HEAVY))


def test_help_imports_no_model_machinery_nor_checks(tmp_path: Path) -> None:
    loaded = loaded_after(tmp_path, "--help")
    assert loaded.isdisjoint({*HEAVY, "wordfreq", "langcodes", "sacrebleu"})


def test_the_fast_path_language_codes_are_what_langcodes_says() -> None:
    import langcodes

    for code in CANONICAL:
        tag = langcodes.Language.get(code)
        assert tag.is_valid() and str(tag) == code
    assert normalize_language(" en ") == "en" and normalize_language("pt_br") == "pt-BR"


def test_the_mapped_language_model_detects_what_the_packaged_one_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from py3langid import langid

    from mtcheck.read import languages

    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path))
    mapped = languages._identifier()  # unpacks into tmp_path
    assert languages._identifier().classify("x") == mapped.classify("x")  # and maps what it unpacked
    packaged = langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)
    texts = [SEED.read_text(encoding="utf-8"), "Привіт, як справи у Києві?", "مرحبا بكم في الأخبار", "", "123", "Hi"]
    for text in texts:
        assert mapped.classify(text) == packaged.classify(text)
        assert mapped.rank(text) == packaged.rank(text)


def test_a_check_reads_word_frequencies_without_wordfreq_once_the_language_is_cached(tmp_path: Path) -> None:
    args = ("check", str(SEED), "-s", "ar", "-t", "en", "-f", "json", "--no-mt", "--no-cache")
    loaded_after(tmp_path, *args)  # the first run copies wordfreq's English list into the cache
    assert "wordfreq" not in loaded_after(tmp_path, *args)


def test_a_check_builds_no_pydantic_adapter_for_its_options(tmp_path: Path) -> None:
    """typer's pydantic adapters are built only for a value the lean converters leave to them (cli.lean_coercion)."""
    args = ("check", str(SEED), "-s", "ar", "-t", "en", "-f", "json", "-o", str(tmp_path / "r.json"), "--no-mt",
            "--jobs", "1", "--beam", "3", "--select", "name-", "--exclude", "x/*", "--cache-dir",
            str(tmp_path))  # fmt: skip
    assert "pydantic" not in loaded_after(tmp_path, *args)
    assert "pydantic" not in loaded_after(tmp_path, "--help")
    assert "pydantic" in loaded_after(tmp_path, *args, "--beam", "+2")  # typer's own way: "+2" is pydantic's to read


COMMAND_LINES = [
    ["copy.txt", "-s", "ar"],
    ["a.po", "b.po", "-s", "en", "-t", "uk", "--beam", "8", "--jobs", "2", "--threads", "3", "-f", "json", "-o",
     "r.json", "-f", "sarif", "-o", "r.sarif", "--select", "name-,numbers", "--ignore", "urls", "--no-mt"],
    ["--beam", "0"], ["--beam", "33"], ["--beam", "007"], ["--beam", "+3"], ["--beam", " 4"], ["--beam", "x"],
    ["--beam", "1_0"], ["--jobs", "0"], ["--threads", "٣"], ["--color"], ["--no-color"], ["--cache-dir", ""],
    ["--config", "-"], ["--original", " o r.txt "], ["--max-file-size", "2.5"], ["--fail-on", "warning"], ["--"],
    ["--", "-x.po"], [""], ["--termbase", "a.tbx", "--termbase", "b.csv"], ["--enable", "a", "--disable", "b"],
]  # fmt: skip


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=[" ".join(a) or "empty" for a in COMMAND_LINES])
def test_the_lean_converters_give_what_typer_gives(argv: list[str]) -> None:
    import typer

    from mtcheck.cli import app, lean_coercion

    def parsed(lean: bool) -> object:
        command = typer.main.get_command(app)
        if lean:
            lean_coercion(command)
        check = command.commands["check"]  # type: ignore[attr-defined]
        try:
            return check.make_context("check", list(argv)).params
        except typer.BadParameter as exc:  # the message is compared
            return ("error", exc.format_message())
        except Exception as exc:  # noqa: BLE001 - any other failure must be the same too
            return ("failed", type(exc).__name__, str(exc))

    assert parsed(lean=True) == parsed(lean=False)


def test_the_command_line_keeps_numpy_to_one_blas_thread_unless_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """OpenBLAS's thread pool costs CPU at numpy's import: the CLI sets a default, a user's value wins."""
    from mtcheck.cli import quiet_libraries

    # a copy of the environment, so the other defaults it sets stay out of the test process
    monkeypatch.setattr(os, "environ", {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"})
    quiet_libraries()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    os.environ["OPENBLAS_NUM_THREADS"] = "4"
    quiet_libraries()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
