"""The CLI contract: exit codes 0/1/2/3, reports on stdout, messages on stderr."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    assert isinstance(code, int)
    return code, out, err


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_text("Ukrainian Defence Minister Rustem Umerov spoke in Kyiv on Sunday.\n")
    return path


@pytest.fixture
def flawed(tmp_path: Path) -> Path:
    path = tmp_path / "flawed.txt"
    path.write_text("The minister said the the aid was late.\n")
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("mtcheck ")


def test_help_teaches_with_examples(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0
    for option in ("--source-lang", "--target-lang", "--original", "--format", "--output", "--fail-on"):
        assert option in out
    assert "Example" in out


def test_exit_0_when_clean_report_on_stdout(capsys: pytest.CaptureFixture[str], clean: Path) -> None:
    code, out, err = run(capsys, "check", str(clean), "-s", "ar", "-t", "en", "--no-mt")
    assert code == 0
    assert "PASSED" in out
    assert "PASSED" not in err


def test_exit_1_when_findings_reach_fail_on(capsys: pytest.CaptureFixture[str], flawed: Path) -> None:
    code, out, err = run(capsys, "check", str(flawed), "-s", "ar", "-t", "en", "--no-mt", "--fail-on", "warning")
    assert code == 1
    assert "repeated-word" in out
    assert err == ""


def test_fail_on_error_passes_warnings_and_never_passes_all(capsys: pytest.CaptureFixture[str], flawed: Path) -> None:
    assert run(capsys, "check", str(flawed), "-s", "ar", "-t", "en", "--no-mt")[0] == 0
    assert run(capsys, "check", str(flawed), "-s", "ar", "-t", "en", "--no-mt", "--fail-on", "never")[0] == 0
    assert run(capsys, "check", str(flawed), "-s", "ar", "-t", "en", "--no-mt", "--fail-on", "info")[0] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "{missing}", "-s", "ar"], "no such file"),
        (["check", "{clean}", "-s", "xx-notalang"], "not a known language code"),
        (["check", "{clean}"], "pass --source-lang"),
        (["check", "{clean}", "-s", "ar", "--fail-on", "sometimes"], "--fail-on"),
        (["check", "{clean}", "-s", "ar", "--format", "yaml"], "unknown renderer 'yaml'"),
        (["check", "{dir}", "-s", "ar"], "no localisation files"),
        (["check", "{binary}", "-s", "ar"], "binary"),
        (["check", "{latin1}", "-s", "ar"], "byte offset"),
        (["check", "{empty}", "-s", "ar"], "empty"),
        (["frobnicate"], "No such command"),
    ],
)
def test_exit_2_on_usage_and_input_errors_one_line_no_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, clean: Path, args: list[str], message: str
) -> None:
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "latin1.txt").write_bytes("Genève".encode("latin-1"))
    (tmp_path / "empty.txt").write_bytes(b"")
    paths = {
        "missing": tmp_path / "missing.txt",
        "clean": clean,
        "dir": tmp_path,
        "binary": tmp_path / "binary.bin",
        "latin1": tmp_path / "latin1.txt",
        "empty": tmp_path / "empty.txt",
    }
    argv = [a.format(**paths) for a in args]
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert "Traceback" not in err


def test_exit_3_when_a_model_is_required_but_missing(
    capsys: pytest.CaptureFixture[str], clean: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MTCHECK_MODELS", str(tmp_path / "no-models"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "no-hf"))
    code, out, err = run(capsys, "check", str(clean), "-s", "ar", "-t", "en", "--require-mt")
    assert code == 3
    assert out == ""
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_model_free_run_says_back_translation_was_skipped(
    capsys: pytest.CaptureFixture[str], clean: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MTCHECK_MODELS", str(tmp_path / "no-models"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "no-hf"))
    code, out, _ = run(capsys, "check", str(clean), "-s", "ar", "-t", "en", "--format", "json")
    assert code == 0
    notes = json.loads(out)["notes"]
    assert any("back-translation skipped" in note for note in notes)


def test_output_file_gets_the_report_and_stdout_stays_empty(
    capsys: pytest.CaptureFixture[str], flawed: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, "check", str(flawed), "-s", "ar", "-t", "en", "--no-mt", "-f", "json", "-o", str(target))
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text())["counts"]["warning"] == 1


def test_unwritable_output_is_exit_2_not_an_internal_error(
    capsys: pytest.CaptureFixture[str], clean: Path, tmp_path: Path
) -> None:
    target = tmp_path / "no-such-dir" / "report.json"
    code, _out, err = run(
        capsys, "check", str(clean), "-s", "ar", "-t", "en", "--no-mt", "-f", "json", "-o", str(target)
    )
    assert code == 2
    assert err.startswith("mtcheck: error: cannot write") and err.count("\n") == 1


@pytest.mark.parametrize("command", ["path", "verify", "pull"])
def test_models_command_with_a_bad_language_code_is_exit_2_not_a_missing_model(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    code, _out, err = run(capsys, "models", command, "ar-zz")
    assert code == 2
    assert err.strip() == "mtcheck: error: 'zz' is not a known language code (examples: ar, en, uk, pt-BR)"


def test_internal_error_is_one_line_exit_3(
    capsys: pytest.CaptureFixture[str], clean: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mtcheck.execute

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(mtcheck.execute, "check_files", broken)
    code, _out, err = run(capsys, "check", str(clean), "-s", "ar", "-t", "en")
    assert code == 3
    assert err.strip() == "mtcheck: internal error: RuntimeError: boom (run with --debug for details)"


def test_console_script_runs_as_a_module(clean: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mtcheck", "check", str(clean), "-s", "ar", "-t", "en", "--no-mt", "-f", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["passed"] is True
