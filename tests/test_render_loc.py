"""JUnit XML and Markdown reports; directories and globs as input; inline suppressions."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from mtcheck.config import Config, ModelSettings
from mtcheck.gate.suppress import suppressed_checks
from mtcheck.pipeline import check_files
from tests.loc_fixtures import LEGACY_PO, run_cli


@pytest.fixture
def project(project: Path) -> Path:
    (project / "po" / "README.md").write_text("Not a catalogue. Not checked.\n", encoding="utf-8")
    return project


def test_junit_has_a_failing_case_per_failing_check_and_file(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "junit"], capsys)
    assert code == 1
    root = ET.fromstring(out)
    [suite] = root.findall("testsuite")
    assert suite.get("name") == "po/uk.po"
    failed = [case.get("name") for case in suite.findall("testcase") if case.find("failure") is not None]
    assert failed == ["placeholders"]
    failure = suite.find("testcase[@name='placeholders']/failure")
    assert failure is not None and "po/uk.po:8:" in (failure.text or "")
    assert root.get("failures") == "1"
    assert suite.find("testcase[@name='numbers']") is not None  # checks that ran and passed are cases too


def test_junit_leaves_out_disabled_checks(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / "mtcheck.toml").write_text('[checks]\ndisable = ["numbers"]\n', encoding="utf-8")
    _code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "junit"], capsys)
    names = [case.get("name") for case in ET.fromstring(out).iter("testcase")]
    assert "numbers" not in names and "placeholders" in names


def test_junit_leaves_out_checks_that_did_not_run(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "junit"], capsys)
    names = {case.get("name") for case in ET.fromstring(out).iter("testcase")}
    assert "low-adequacy" not in names  # needs a back-translation: under --no-mt it never ran
    assert "fuzzy" in names  # ran and passed


def test_markdown_summary(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "markdown"], capsys)
    assert code == 1
    assert out.startswith("## mtcheck: ❌ failed (fail on error)")
    assert "| `placeholders` | 2 |" in out and "`po/uk.po:8`" in out


def test_directory_takes_catalogues_not_readmes_and_globs_work(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / "po" / "sub").mkdir()
    (project / "po" / "sub" / "ru.po").write_text(LEGACY_PO.replace("uk", "ru"), encoding="utf-8")
    _code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "json"], capsys)
    assert [d["path"] for d in json.loads(out)["documents"]] == ["po/sub/ru.po", "po/uk.po"]
    _code, out, _err = run_cli(["check", "po/**/*.po", "--no-mt", "-q", "-f", "json"], capsys)
    assert {d["path"] for d in json.loads(out)["documents"]} == {"po/sub/ru.po", "po/uk.po"}
    code, _out, err = run_cli(["check", "nothing/*.po", "--no-mt"], capsys)
    assert code == 2 and "no files match 'nothing/*.po'" in err


def test_translator_comment_silences_one_check_on_one_unit(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    po = project / "po" / "uk.po"
    po.write_text(
        LEGACY_PO.replace(
            '#, c-format\nmsgid "Saved %s"', '# mtcheck: ignore placeholders\n#, c-format\nmsgid "Saved %s"'
        ),
        encoding="utf-8",
    )
    _code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "json"], capsys)
    report = json.loads(out)
    units = [f["location"]["unit_id"] for f in report["findings"] if f["check"] == "placeholders"]
    assert units == ["Open %s"]  # %s → %d: one change
    assert any("silenced" in note for note in report["notes"])


def test_xliff_note_silences_and_suppression_syntax(tmp_path: Path) -> None:
    assert suppressed_checks(["mtcheck: ignore numbers, urls"]) == {"numbers", "urls"}
    assert suppressed_checks(["Context. mtcheck: ignore"]) == {"*"}
    assert suppressed_checks(["no directive here"]) == frozenset()
    data = Path(__file__).parent / "data" / "loc" / "sample20.xlf"
    report = check_files([data], Config(model=ModelSettings(enabled=False)))
    assert [f for f in report.findings if f.check == "numbers"] == []
    # without the note, a changed number in the same unit is flagged
    unnoted = data.read_text(encoding="utf-8").replace("mtcheck: ignore numbers", "a note")
    copy = tmp_path / "copy.xlf"
    copy.write_text(unnoted, encoding="utf-8")
    report = check_files([copy], Config(model=ModelSettings(enabled=False)))
    assert [f.check for f in report.findings if f.check == "numbers"] == ["numbers", "numbers"]


def test_text_report_has_one_location_line_per_finding(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    multi = (
        '\n#, c-format\nmsgid "Usage: %s FILE\\nCopy a file to somewhere else that is far away\\n"\n'
        'msgstr "Використання: ФАЙЛ\\n"\n'
    )
    po = project / "po" / "uk.po"
    po.write_text(po.read_text(encoding="utf-8") + multi, encoding="utf-8")
    _code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "json"], capsys)
    findings = json.loads(out)["findings"]
    _code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "--no-color"], capsys)
    heads = [line for line in out.splitlines() if line.startswith("po/uk.po:")]
    assert len(heads) == len(findings)
    for head, f in zip(heads, findings, strict=True):
        loc = f["location"]
        assert head == f"po/uk.po:{loc['line']}:{loc['column']} {f['severity']} {f['check']} {f['message']}"
    assert not any("Copy a file" in head for head in heads)  # the unit's source is context, below
