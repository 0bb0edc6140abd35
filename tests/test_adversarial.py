"""Regression tests for the adversarial run (issue 11): nothing lost, nothing silently ignored."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mtcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    assert isinstance(code, int)
    return code, out, err


def run_as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI as an unprivileged user: CI runs as root, whom no permission stops."""
    if os.geteuid() != 0:
        pass  # already unprivileged: permissions apply as they are
    elif shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop privileges to test permissions")
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if os.geteuid() == 0 else []
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", "MTCHECK_CACHE_DIR": str(cwd)}
    env.pop("PYTHONPYCACHEPREFIX", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "mtcheck", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


PO = """msgid ""
msgstr ""
"Language: uk\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, c-format
msgid "Open %s"
msgstr "Відкрити %d"

msgid "Delete the file"
msgstr "Видалити файл"
"""


@pytest.fixture
def po(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "good.po"
    path.write_text(PO, encoding="utf-8")
    return path


# 1. -o naming an input ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "baseline"])
def test_output_naming_the_input_is_refused(capsys: pytest.CaptureFixture[str], po: Path, command: str) -> None:
    extra = ["-f", "json"] if command == "check" else []
    code, _out, err = run(capsys, command, str(po), "--no-mt", "-s", "en", *extra, "-o", str(po))
    assert code == 2
    assert "refusing to overwrite" in err
    assert po.read_text(encoding="utf-8") == PO


def test_output_reaching_the_input_through_links_is_refused(capsys: pytest.CaptureFixture[str], po: Path) -> None:
    (po.parent / "soft.po").symlink_to(po)
    os.link(po, po.parent / "hard.json")
    for name in ("soft.po", "hard.json"):
        code, _out, err = run(capsys, "check", str(po), "--no-mt", "-s", "en", "-f", "json", "-o", name)
        assert code == 2, name
        assert "refusing to overwrite" in err
    assert po.read_text(encoding="utf-8") == PO


def test_translate_output_naming_the_input_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = tmp_path / "f.txt"
    text.write_text("Hello.\n", encoding="utf-8")
    code, _out, err = run(capsys, "translate", str(text), "--from", "en", "--to", "uk", "-o", str(text))
    assert code == 2
    assert "refusing to overwrite" in err
    assert text.read_text(encoding="utf-8") == "Hello.\n"


def test_unwritable_output_fails_before_the_analysis(capsys: pytest.CaptureFixture[str], po: Path) -> None:
    code, _out, err = run(capsys, "check", str(po), "--no-mt", "-f", "json", "-o", "missing/dir/report.json")
    assert code == 2
    assert "does not exist" in err
    assert "recorded" not in err


def test_output_is_written_atomically(capsys: pytest.CaptureFixture[str], po: Path) -> None:
    report = po.parent / "report.json"
    report.write_text("old", encoding="utf-8")
    code, _out, _err = run(capsys, "check", str(po), "--no-mt", "-s", "en", "-f", "json", "-o", str(report))
    assert code == 1
    assert json.loads(report.read_text(encoding="utf-8"))["counts"]["error"] >= 1
    assert [p.name for p in po.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.read import files

    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def crash(self: Path, target: Path) -> Path:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.Path, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"


# 2. paths relative to the project root -------------------------------------------------


def _fingerprints(sarif_or_json: dict[str, object]) -> set[str]:
    return {f["fingerprint"] for f in sarif_or_json["findings"]}  # type: ignore[attr-defined, index]


def test_baseline_from_the_root_matches_from_a_subdirectory_and_absolute_paths(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mtcheck.toml").write_text('source-lang = "en"\nback-translation = false\n', encoding="utf-8")
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "uk.po").write_text(PO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _out, _err = run(capsys, "baseline", "po/uk.po", "-o", ".mtcheck-baseline.json")
    assert code == 0
    baseline = json.loads((tmp_path / ".mtcheck-baseline.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in baseline["findings"].values()} == {"po/uk.po"}
    monkeypatch.chdir(tmp_path / "po")
    for target in ("uk.po", str(tmp_path / "po" / "uk.po")):
        code, out, _err = run(
            capsys, "check", target, "-f", "json", "--baseline", str(tmp_path / ".mtcheck-baseline.json")
        )
        report = json.loads(out)
        assert code == 0, target
        assert report["findings"] == []
        assert report["details"]["baseline"]["known"] == len(baseline["findings"])
        assert report["documents"][0]["path"] == "po/uk.po"


def test_sarif_uris_are_relative_to_the_project_root(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mtcheck.toml").write_text('source-lang = "en"\nback-translation = false\n', encoding="utf-8")
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "uk.po").write_text(PO, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "po")
    _code, out, _err = run(capsys, "check", str(tmp_path / "po" / "uk.po"), "-f", "sarif")
    run_ = json.loads(out)["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]}
    assert uris == {"po/uk.po"}


# 3. only regular files -----------------------------------------------------------------


def test_fifo_is_refused_without_hanging(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code, _out, err = run(capsys, "check", str(fifo), "--no-mt", "-s", "en", "-t", "uk")
    assert code == 2
    assert "FIFO" in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "check", "/dev/zero", "--no-mt", "-s", "en", "-t", "uk")
    assert code == 2
    assert "character device" in err


def test_size_limit_is_clear_and_can_be_raised(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Kyiv is a city. " * 80_000, encoding="utf-8")  # 1.3 MB
    code, _out, err = run(capsys, "check", str(big), "--no-mt", "-s", "uk", "-t", "en", "--max-file-size", "1")
    assert code == 2
    assert "over the 1 MB input limit" in err
    assert "--max-file-size" in err
    code, _out, _err = run(capsys, "check", str(big), "--no-mt", "-s", "uk", "-t", "en", "--max-file-size", "2")
    assert code == 0


# 11. walking the tree ------------------------------------------------------------------


def test_directory_and_glob_do_not_follow_symlinks_out_of_the_tree(tmp_path: Path) -> None:
    from mtcheck.pipeline import expand_paths

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.po").write_text(PO, encoding="utf-8")
    tree = tmp_path / "tree"
    (tree / "po").mkdir(parents=True)
    (tree / "po" / "uk.po").write_text(PO, encoding="utf-8")
    (tree / "po" / "escape").symlink_to(outside, target_is_directory=True)
    by_dir = expand_paths([tree])
    by_glob = expand_paths([f"{tree}/**/*.po"])
    assert [p.name for p in by_dir] == ["uk.po"]
    assert [p.name for p in by_glob] == ["uk.po"]


@pytest.fixture
def public_dir() -> Iterator[Path]:
    """A folder an unprivileged user can enter (pytest's tmp_path sits in root's private folder)."""
    folder = Path(tempfile.mkdtemp(prefix="mtcheck-adv-"))
    folder.chmod(0o755)
    (folder / ".git").mkdir()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_unenterable_directory_is_an_input_error(public_dir: Path) -> None:
    tmp_path = public_dir
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    (locked / "inner" / "uk.po").write_text(PO, encoding="utf-8")
    locked.chmod(0o700)
    for args in (["check", "locked/inner/uk.po"], ["check", "locked"]):
        result = run_as_nobody(*args, "--no-mt", "-s", "en", cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert "locked" in result.stderr  # names the path
        assert "internal error" not in result.stderr
        assert "Traceback" not in result.stderr


# 4. look-alike letters -----------------------------------------------------------------


def _check_text(text: str, source: str = "uk", target: str = "en") -> list[object]:
    from mtcheck.config import Config
    from mtcheck.pipeline import check_text

    report = check_text(text, source_lang=source, target_lang=target, config=Config(use_gazetteer=False))
    return list(report.findings)


def test_confusable_letters_fire_in_text_naming_code_points_and_intended_letter() -> None:
    findings = [f for f in _check_text("President Zel\u0435nsky visited Ky\u0456v.") if f.check == "confusable-letters"]  # type: ignore[attr-defined]
    assert [f.suggestion for f in findings] == ["Zelensky", "Kyiv"]  # type: ignore[attr-defined]
    assert "U+0435 CYRILLIC SMALL LETTER IE" in findings[0].message  # type: ignore[attr-defined]
    assert "U+0065 LATIN SMALL LETTER E" in findings[0].message  # type: ignore[attr-defined]
    assert "U+0456" in findings[1].message and "U+0069" in findings[1].message  # type: ignore[attr-defined]


def test_confusable_letters_quiet_on_real_mixed_usage() -> None:
    text = "Купіть iPhone через Wi-Fi, відкрийте PDF-файл у Києві. Zelensky visited Kyiv."
    assert [f for f in _check_text(text, "en", "uk") if f.check == "confusable-letters"] == []  # type: ignore[attr-defined]


def test_confusable_letters_in_a_catalogue_instead_of_untranslated_script(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    po = tmp_path / "uk.po"
    po.write_text(PO + '\nmsgid "Kyiv"\nmsgstr "Ky\u0456v"\n\nmsgid "Buy an iPhone"\nmsgstr "Купіть iPhone"\n')
    _code, out, _err = run(capsys, "check", str(po), "--no-mt", "-s", "en", "-f", "json")
    findings = json.loads(out)["findings"]
    assert [(f["check"], f["suggestion"]) for f in findings if f["check"] == "confusable-letters"] == [
        ("confusable-letters", "Kyiv")
    ]
    assert not [f for f in findings if f["check"] == "untranslated-script" and "Ky" in f["text"]]


# 5. Trojan Source ----------------------------------------------------------------------


def _bidi(text: str, target: str = "en") -> list[str]:
    return [
        f.text for f in _check_text(text, "uk" if target == "en" else "en", target) if f.check == "hidden-character"
    ]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "Pay \u202e now.",  # alone, between words
        "Pay now\u202e.",  # at a word end
        "Pay \u2066admin\u2069 now.",  # balanced isolates, but no right-to-left text
        "Pay \u202bnow.",  # embedding, no right-to-left text
    ],
)
def test_bidi_controls_flagged_wherever_they_stand_without_rtl_text(text: str) -> None:
    assert _bidi(text)


@pytest.mark.parametrize(
    "text",
    [
        "افتح \u2067Firefox الآن.",  # isolate never closed
        "افتح Firefox\u2069 الآن.",  # closer with nothing open
        "افتح \u202bFirefox\u2069 الآن.",  # embedding closed by an isolate's closer
    ],
)
def test_unbalanced_bidi_controls_flagged_in_rtl_text(text: str) -> None:
    assert _bidi(text, "ar")


def test_balanced_controls_and_marks_in_rtl_text_pass() -> None:
    assert _bidi("افتح \u2066Firefox\u2069 الآن \u202bنص\u202c.", "ar") == []
    assert _bidi("افتح \u200fFirefox\u200f الآن\u061c.", "ar") == []


def test_marks_flagged_only_inside_ltr_words() -> None:
    assert _bidi("Open Fire\u200ffox now.") == ["Fire\u200ffox"]
    assert _bidi("Open \u200eFirefox\u200e now.") == []


# 6. a cache that cannot be written -----------------------------------------------------


def test_read_only_cache_goes_on_in_memory(public_dir: Path) -> None:
    from mtcheck.translators.cache import TranslationCache

    cache_dir = public_dir / "cache"
    TranslationCache(cache_dir).close()  # made by root: read-only to everyone else
    script = (
        "from pathlib import Path; from mtcheck.translators.cache import TranslationCache as C\n"
        f"c = C(Path({str(cache_dir)!r})); c.put_many('n', [('a', 'b')])\n"
        "print(c.get_many('n', ['a']), c.note)"
    )
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if os.geteuid() == 0 else []
    if prefix and shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop privileges to test permissions")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("PYTHONPYCACHEPREFIX", None)
    result = subprocess.run([*prefix, sys.executable, "-c", script], env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "{'a': 'b'}" in result.stdout
    assert "kept in memory" in result.stdout


# 7 and 8. input and configuration errors -----------------------------------------------


def _config(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mtcheck.toml"
    path.write_text('source-lang = "en"\nback-translation = false\n' + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ('[thresholds]\n"untranslated.min_word" = 2\n', "untranslated.min_word"),
        ('[thresholds]\n"low-adequacy.chrf" = nan\n', "low-adequacy.chrf"),
        ('[thresholds]\n"low-adequacy.chrf" = inf\n', "low-adequacy.chrf"),
        ('[thresholds]\n"low-adequacy.relative" = 7\n', "low-adequacy.relative"),
    ],
)
def test_bad_thresholds_are_config_errors_naming_the_key(
    capsys: pytest.CaptureFixture[str], po: Path, body: str, named: str
) -> None:
    config = _config(po.parent, body)
    code, _out, err = run(capsys, "check", str(po), "--config", str(config))
    assert code == 2
    assert named in err and "internal" not in err


def test_good_threshold_is_accepted(capsys: pytest.CaptureFixture[str], po: Path) -> None:
    config = _config(po.parent, '[thresholds]\n"untranslated.min_words" = 2\n')
    code, _out, _err = run(capsys, "check", str(po), "--config", str(config), "--disable", "placeholders")
    assert code == 0


def test_severity_setting_applies_to_every_finding_of_the_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = tmp_path / "copy.txt"
    text.write_text("The talks in Kiev went on.\n", encoding="utf-8")
    tb = tmp_path / "tb.csv"
    tb.write_text("en,en:forbidden\nKyiv,Kiev\n", encoding="utf-8")
    base = ["check", str(text), "--no-mt", "-s", "uk", "-t", "en", "--no-gazetteer", "--termbase", str(tb)]
    code, out, _err = run(capsys, *base, "-f", "json")
    assert code == 1  # forbidden: the check's own severity is error
    assert [f["severity"] for f in json.loads(out)["findings"] if f["check"] == "deprecated-term"] == ["error"]
    config = _config(tmp_path, '[severity]\n"deprecated-term" = "info"\n')
    code, out, _err = run(capsys, *base, "--config", str(config), "-f", "json")
    assert code == 0
    assert [f["severity"] for f in json.loads(out)["findings"] if f["check"] == "deprecated-term"] == ["info"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"format": "mtcheck-baseline", "version": 99, "findings": {}}', "version 99"),
        ("[" * 100_000 + "]" * 100_000, "nested too deep"),
    ],
)
def test_bad_baselines_are_config_errors(
    capsys: pytest.CaptureFixture[str], po: Path, content: str, message: str
) -> None:
    baseline = po.parent / "base.json"
    baseline.write_text(content, encoding="utf-8")
    code, _out, err = run(capsys, "check", str(po), "--no-mt", "-s", "en", "--baseline", str(baseline))
    assert code == 2
    assert message in err and "base.json" in err


def test_invalid_utf8_on_translate_stdin_fails_before_the_model_loads(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MTCHECK_MODELS": str(tmp_path), "HF_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "mtcheck", "translate", "-", "--from", "en", "--to", "uk", "--model", "no/such-model"],
        input=b"caf\xe9\n",
        env=env,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 2
    assert b"<stdin>: not valid UTF-8 at byte offset 3" in result.stderr


# 9. termbase CSV -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('en,uk\nKyiv,Київ\n"Lviv,Львів\nOdesa,Одеса\n', "tb.csv:4: bad CSV"),
        ("en,uk,en\nKyiv,Київ,Kiev\n", "column 'en' repeats"),
        ("en,uk,EN\nKyiv,Київ,Kiev\n", "column 'EN' repeats column 'en'"),
        ("en,uk\nKyiv," + "x" * 200_000 + "\n", "tb.csv:2: bad CSV (field larger than field limit"),
    ],
)
def test_termbase_csv_is_read_strictly(
    capsys: pytest.CaptureFixture[str], po: Path, content: str, message: str
) -> None:
    tb = po.parent / "tb.csv"
    tb.write_text(content, encoding="utf-8")
    code, _out, err = run(capsys, "check", str(po), "--no-mt", "-s", "en", "--termbase", str(tb))
    assert code == 2
    assert message in err


def test_large_termbase_loads_every_row(tmp_path: Path) -> None:
    # How fast it loads is measured by bench/names_cost.py (--load-rows), not asserted here.
    from mtcheck.names.termbase_io import load_termbases

    tb = tmp_path / "big.csv"
    rows = "".join(f"t{i},Term{i} City,Місто{i},Term{i}ov\n" for i in range(30_000))
    tb.write_text("id,en,uk,en:deprecated\n" + rows, encoding="utf-8")
    termbase = load_termbases([tb])
    assert len(termbase) == 30_000


# 13. licence ---------------------------------------------------------------------------


def test_licence_is_the_gpl3_and_is_packaged() -> None:
    import tomllib

    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "GNU GENERAL PUBLIC LICENSE" in text and "Version 3, 29 June 2007" in text
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "GPL-3.0-or-later"
    assert project["license-files"] == ["LICENSE"]


# 7 (model errors) and 10. model limits -------------------------------------------------


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("transformers")
    from tests.tiny_marian import tiny_marian_dir

    return tiny_marian_dir(tmp_path_factory.getbasetemp())


def _translate(capsys: pytest.CaptureFixture[str], model: Path, text: Path, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "translate", str(text), "--from", "en", "--to", "ar", "--model", str(model), "--beam", "1",
               "--threads", "1", "--no-cache", *extra)  # fmt: skip


def test_model_with_few_positions_translates_long_input(
    capsys: pytest.CaptureFixture[str], tiny: Path, tmp_path: Path
) -> None:
    from tests.tiny_marian import save_marian

    short = save_marian(tmp_path / "short", tiny / "source.spm", max_positions=16)
    text = tmp_path / "long.txt"
    text.write_text("ministers met in paris and talked about the war " * 8 + "\n", encoding="utf-8")
    code, out, err = _translate(capsys, short, text)
    assert code == 0, err
    assert len(out.splitlines()) == 1


def test_half_written_weights_are_a_model_error_naming_the_path(
    capsys: pytest.CaptureFixture[str], tiny: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken"
    shutil.copytree(tiny, broken)
    weights = broken / "model.safetensors"
    weights.write_bytes(weights.read_bytes()[: weights.stat().st_size // 2])
    text = tmp_path / "in.txt"
    text.write_text("War\n", encoding="utf-8")
    code, _out, err = _translate(capsys, broken, text)
    assert code == 3
    assert str(broken) in err
    assert len(err.strip().splitlines()) == 1


def test_pickle_refusal_names_the_model_path(capsys: pytest.CaptureFixture[str], tiny: Path, tmp_path: Path) -> None:
    pickled = tmp_path / "pickled"
    shutil.copytree(tiny, pickled)
    (pickled / "model.safetensors").rename(pickled / "pytorch_model.bin")
    text = tmp_path / "in.txt"
    text.write_text("War\n", encoding="utf-8")
    code, _out, err = _translate(capsys, pickled, text)
    assert code == 3
    assert str(pickled) in err and "--allow-pickle" in err
    assert len(err.strip().splitlines()) == 1


def test_weights_replaced_in_place_with_size_and_mtime_restored_are_hashed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mtcheck.translators.models import content_hash

    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    model = tmp_path / "m"
    model.mkdir()
    (model / "config.json").write_text("{}", encoding="utf-8")
    weights = model / "model.safetensors"
    weights.write_bytes(b"A" * 64)
    before = content_hash(model)
    stat = weights.stat()
    replacement = tmp_path / "new.safetensors"
    replacement.write_bytes(b"B" * 64)  # same size
    replacement.replace(weights)
    os.utime(weights, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # mtime restored
    assert weights.stat().st_size == stat.st_size and weights.stat().st_mtime_ns == stat.st_mtime_ns
    assert content_hash(model) != before


# 11. NUL in a PO message -----------------------------------------------------------------


def test_nul_inside_a_po_msgstr_is_an_input_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    po = tmp_path / "uk.po"
    po.write_bytes(PO.encode() + 'msgid "Open"\nmsgstr "Від\x00крити"\n'.encode())
    code, out, err = run(capsys, "check", str(po), "--no-mt", "-s", "en")
    assert code == 2
    assert f"{po}:" in err and "NUL" in err
    assert "\x00" not in out + err


def test_output_to_a_device_is_written_in_place(capsys: pytest.CaptureFixture[str], po: Path) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null on this system")
    before = Path("/dev/null").stat()
    code, _out, _err = run(capsys, "check", str(po), "--no-mt", "-s", "en", "-f", "json", "-o", "/dev/null")
    assert code == 1
    after = Path("/dev/null").stat()
    assert (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)  # still the device, not a file
