"""Terminal conventions: NO_COLOR, FORCE_COLOR, COLUMNS, -q, progress only on a terminal,
and a directory argument that says what it skipped (--include / --exclude choose otherwise)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mtcheck import cli
from tests.loc_fixtures import LEGACY_PO, run_cli


@pytest.fixture
def po_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "uk.po").write_text(LEGACY_PO, encoding="utf-8")
    (tmp_path / "po" / "README.txt").write_text("How to translate this project.\n", encoding="utf-8")
    (tmp_path / "po" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_no_color_and_force_color(po_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("FORCE_COLOR", "1")
    _code, out, _err = run_cli(["check", "po", "--no-mt"], capsys)
    assert "\x1b[" in out
    monkeypatch.setenv("NO_COLOR", "1")  # no-color.org: wins over FORCE_COLOR
    _code, out, _err = run_cli(["check", "po", "--no-mt"], capsys)
    assert "\x1b[" not in out
    _code, out, _err = run_cli(["check", "po", "--no-mt", "--color"], capsys)
    assert "\x1b[" in out  # the flag wins over both


def test_columns_sets_the_width(po_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    _code, out, _err = run_cli(["check", "po", "--no-mt"], capsys)
    assert max(len(line) for line in out.splitlines() if not line.startswith("po/")) <= 80
    monkeypatch.setenv("COLUMNS", "200")
    _code, out, _err = run_cli(["check", "po", "--no-mt"], capsys)
    note = next(line for line in out.splitlines() if line.startswith("note: back-translation"))
    assert note.endswith("(--no-mt)")  # the note is not wrapped at 80 any more
    monkeypatch.setenv("COLUMNS", "40")
    _code, out, _err = run_cli(["check", "po", "--no-mt"], capsys)
    assert max(len(line.rstrip()) for line in out.splitlines() if not line.startswith("po/")) <= 40


def test_quiet_silences_notes(po_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _code, out, _err = run_cli(["check", "po", "--no-mt"], capsys)
    assert "note: " in out
    _code, out, err = run_cli(["check", "po", "--no-mt", "-q"], capsys)
    assert "note: " not in out and err == ""


def test_directory_says_what_it_skipped(po_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _code, out, _err = run_cli(["check", "po", "--no-mt", "-f", "json"], capsys)
    report = json.loads(out)
    assert "2 .md/.txt files skipped: pass them by name or with --include" in report["notes"]
    assert [d["path"] for d in report["documents"]] == ["po/uk.po"]


def test_include_and_exclude_choose_otherwise(po_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["check", "po", "--no-mt", "-s", "en", "-t", "uk", "-f", "json"]
    _code, out, _err = run_cli([*args, "--include", "*.txt"], capsys)
    report = json.loads(out)
    assert sorted(d["path"] for d in report["documents"]) == ["po/README.txt", "po/uk.po"]
    assert "1 .md file skipped: pass them by name or with --include" in report["notes"]
    _code, out, _err = run_cli([*args, "--exclude", "po/*.md"], capsys)
    assert (
        "1 .txt file skipped: pass them by name or with --include" in json.loads(out)["notes"]
    )  # excluded: not counted
    (po_dir / "mtcheck.toml").write_text('include = ["*.md", "*.txt"]\n', encoding="utf-8")
    _code, out, _err = run_cli(args, capsys)
    assert len(json.loads(out)["documents"]) == 3


def test_a_clean_directory_without_catalogues_names_what_it_skipped(po_dir: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (po_dir / "po" / "uk.po").unlink()
    code, _out, err = run_cli(["check", "po", "--no-mt"], capsys)
    assert code == 2 and "2 .md/.txt files skipped" in err


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_only(po_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli._stderr_progress(quiet=False) is None  # pytest's stderr is no terminal
    tty = _Tty()
    monkeypatch.setattr("sys.stderr", tty)
    say = cli._stderr_progress(quiet=False)
    assert say is not None and cli._stderr_progress(quiet=True) is None
    say("file 2 of 4: checking po/uk.po")
    shown = tty.getvalue()
    assert shown.startswith("\r\x1b[K") and "[#####---------------] file 2 of 4: checking po/uk.po" in shown
    assert "\n" not in shown  # redrawn in place, not one line per step


def test_no_mt_progress_does_not_say_back_translating(po_dir: Path) -> None:
    from mtcheck.config import Config, ModelSettings
    from mtcheck.pipeline import check_files

    said: list[str] = []
    config = Config(source_lang="en", model=ModelSettings(enabled=False))
    check_files(["po/uk.po"], config, progress=said.append)
    assert said == ["file 1 of 1: reading po/uk.po", "file 1 of 1: checking po/uk.po"]


def test_text_report_shows_editors_evidence_not_matcher_internals() -> None:
    from mtcheck.config import Config
    from mtcheck.pipeline import check_text
    from mtcheck.registry import RENDERERS
    from mtcheck.render.base import RenderOptions
    from mtcheck.types import ModelSettings

    termbase = Path(__file__).resolve().parents[1] / "seeds" / "termbase.tbx"
    config = Config(termbases=(str(termbase),), model=ModelSettings(enabled=False))
    text = "Defence Minister Rustam Omerov spoke on Sunday.\n"
    report = check_text(text, source_lang="ar", target_lang="en", config=config)
    found = [f for f in report.findings if f.check == "suspect-rendering"]
    assert found and found[0].evidence["key"]  # the JSON keeps the transliteration key
    shown = RENDERERS.get("text")(report, RenderOptions(width=100))
    assert "Rustem Umerov" in shown and "source: " in shown
    assert "key:" not in shown and "alternatives: []" not in shown
