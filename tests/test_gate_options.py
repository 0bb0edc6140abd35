"""ruff's and pofilter's conventions: --select/--ignore with prefixes, --exit-zero, --statistics,
--format github|gitlab|concise, `checks --explain` / `--format json`, and --write-failing."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mtcheck.config import Config, check_matches
from tests.loc_fixtures import run_cli

DATA = Path(__file__).parent / "data" / "loc"

PO = """msgid ""
msgstr ""
"Language: uk\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, c-format
msgid "Open %s"
msgstr "Відкрити %d"

msgctxt "menu"
msgid "Delete the file"
msgstr "Видалити файл"

#, c-format
msgid "Save %s"
msgstr "Зберегти"

msgid "The end"
msgstr "кінець кінець"
"""


@pytest.fixture
def po(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()  # no project config above this folder is read
    path = tmp_path / "uk.po"
    path.write_text(PO, encoding="utf-8")
    return path


def _checks(out: str) -> set[str]:
    return {f["check"] for f in json.loads(out)["findings"]}


def test_prefix_names_whole_hyphenated_parts() -> None:
    assert check_matches("name-missing", "name-") and check_matches("name-missing", "name")
    assert check_matches("name-missing", "ALL") and check_matches("tags", "tags")
    assert not check_matches("names-x", "name") and not check_matches("tags", "tag")


def test_select_and_ignore_choose_checks_like_ruff() -> None:
    config = Config(select=("name-",), ignore=("name-variant",))
    assert config.check_enabled("name-missing") and not config.check_enabled("name-variant")
    assert not config.check_enabled("placeholders")
    assert Config().check_enabled("placeholders") and not Config(ignore=("placeholders",)).check_enabled("placeholders")


def test_select_and_ignore_on_the_command_line(po: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "-q", "-f", "json"], capsys)
    assert code == 1 and {"placeholders", "repeated-word"} <= _checks(out)
    code, out, _err = run_cli(
        ["check", "uk.po", "-s", "en", "--no-mt", "-q", "-f", "json", "--select", "repeated-word"], capsys
    )
    assert code == 0 and _checks(out) == {"repeated-word"}
    code, out, _err = run_cli(
        ["check", "uk.po", "-s", "en", "--no-mt", "-q", "-f", "json", "--ignore", "placeholders,repeated"], capsys
    )
    assert code == 0 and not _checks(out) & {"placeholders", "repeated-word"}


def test_unknown_select_is_a_usage_error(po: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "--select", "nosuch"], capsys)
    assert code == 2 and "'nosuch'" in err and "Traceback" not in err


def test_exit_zero_keeps_the_report_and_exits_0(po: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "-q", "-f", "concise", "--exit-zero"], capsys)
    assert code == 0 and " error placeholders " in out


def test_statistics_counts_findings_per_check(po: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "-q", "-f", "json"], capsys)
    expected = {}
    for f in json.loads(out)["findings"]:
        expected[f["check"]] = expected.get(f["check"], 0) + 1
    _code, out, _err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "-q", "--statistics"], capsys)
    got = {line.split()[1]: int(line.split()[0]) for line in out.splitlines()}
    assert got == expected and list(got.values()) == sorted(got.values(), reverse=True)


def test_concise_is_one_line_per_finding(po: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "-q", "-f", "json"], capsys)
    findings = json.loads(out)["findings"]
    _code, out, _err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "-q", "-f", "concise"], capsys)
    lines = out.splitlines()
    assert len(lines) == len(findings)
    for line, f in zip(lines, findings, strict=True):
        loc = f["location"]
        assert line.startswith(f"uk.po:{loc['line']}:{loc['column']} {f['severity']} {f['check']} ")


def test_github_annotations(po: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "-q", "--output-format", "github"], capsys)
    lines = out.splitlines()
    assert lines and all(line.startswith(("::error file=uk.po,line=", "::warning file=uk.po,line=")) for line in lines)
    assert any(",col=" in line and ",title=mtcheck placeholders::" in line for line in lines)


def test_github_escapes_what_would_break_a_command() -> None:
    from mtcheck.render.annotations import _escape_data, _escape_property

    assert _escape_data("50%\nnext") == "50%25%0Anext"
    assert _escape_property("a,b:c") == "a%2Cb%3Ac"


def test_gitlab_code_quality(po: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "-q", "-f", "gitlab"], capsys)
    issues = json.loads(out)
    assert issues and {i["check_name"] for i in issues} >= {"placeholders"}
    for issue in issues:
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == "uk.po" and issue["location"]["lines"]["begin"] >= 1
        assert issue["description"] and len(issue["fingerprint"]) >= 16
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_checks_explain_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run_cli(["checks", "--explain", "low-adequacy"], capsys)
    assert code == 0 and out.startswith("low-adequacy (LowAdequacy): ")
    assert "low-adequacy.chrf = " in out and "docs/checks.md#low-adequacy" in out
    code, out, _err = run_cli(["checks", "--format", "json"], capsys)
    listed = json.loads(out)
    assert code == 0 and "placeholders" in {c["id"] for c in listed}
    assert all(c["name"] != c["id"] and c["title"] and c["description"] for c in listed)
    code, _out, err = run_cli(["checks", "--explain", "nosuch"], capsys)
    assert code == 2 and "nosuch" in err


@pytest.mark.skipif(shutil.which("pomerge", path=str(Path(sys.executable).parent)) is None, reason="no pomerge")
def test_write_failing_po_round_trip_through_pomerge(po: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, _err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "-q", "--write-failing", "fix"], capsys)
    assert code == 1
    fixed = Path("fix/uk.po").read_text(encoding="utf-8")
    assert "Open %s" in fixed and "Save %s" in fixed and "Delete the file" not in fixed
    assert '"Language: uk\\n"' in fixed  # the catalogue's own header
    fixed = fixed.replace("Відкрити %d", "Відкрити %s").replace('"Зберегти"', '"Зберегти %s"')
    Path("fix/uk.po").write_text(fixed.replace("кінець кінець", "кінець"), encoding="utf-8")
    pomerge = str(Path(sys.executable).parent / "pomerge")
    subprocess.run([pomerge, "-t", "uk.po", "-i", "fix/uk.po", "-o", "uk.po"], check=True, capture_output=True)
    code, out, _err = run_cli(["check", "uk.po", "-s", "en", "--no-mt", "-q", "-f", "json"], capsys)
    assert code == 0 and _checks(out) == set()
    assert 'msgctxt "menu"' in po.read_text(encoding="utf-8")  # untouched units stay


def test_write_failing_xliff_keeps_files_and_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copy(DATA / "sample12.xliff", "app.xliff")
    run_cli(["check", "app.xliff", "--no-mt", "-q", "--write-failing", "fix"], capsys)
    written = Path("fix/app.xliff").read_text(encoding="utf-8")
    assert 'id="bold"' in written and 'original="App/Menu.strings"' in written
    assert "Hello, %1$@" not in written  # the clean unit is left out


def test_write_failing_writes_nothing_for_a_clean_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("ok.po").write_text(PO.split("#, c-format")[0] + 'msgid "File"\nmsgstr "Файл"\n', encoding="utf-8")
    code, _out, _err = run_cli(["check", "ok.po", "-s", "en", "--no-mt", "-q", "--write-failing", "fix"], capsys)
    assert code == 0 and not Path("fix").exists()
