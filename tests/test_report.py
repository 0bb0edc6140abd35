"""Reports: JSON validates against the shipped schema; the text report fits 80 columns."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest

from mtcheck.cli import main

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "mtcheck" / "schemas" / "report-1.schema.json").read_text())


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit):
        main(list(args))
    return capsys.readouterr().out


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_seed_json_report_validates(capsys: pytest.CaptureFixture[str], seed: Path) -> None:
    report = json.loads(cli(capsys, "check", str(seed), "--source-lang", "ar", "--format", "json"))
    jsonschema.validate(report, SCHEMA)
    assert report["documents"][0]["target_lang"] == "en"  # detected
    assert report["scores"]["segments"] == 23


def test_report_with_findings_validates_and_points_at_the_span(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "copy.txt"
    text = "Headline\n\nThe minister said the the aid was late. Ze\u200blensky agreed.\n"
    path.write_text(text)
    report = json.loads(cli(capsys, "check", str(path), "-s", "ar", "-t", "en", "--no-mt", "-f", "json"))
    jsonschema.validate(report, SCHEMA)
    findings = {f["check"]: f for f in report["findings"]}
    repeated = findings["repeated-word"]
    assert (repeated["location"]["line"], repeated["location"]["column"]) == (3, 19)
    assert repeated["context"][repeated["span"]["start"] : repeated["span"]["end"]] == "the the"
    assert findings["hidden-character"]["suggestion"] == "Zelensky"


def test_a_broken_report_does_not_validate() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema_version": "1.0", "findings": [{"check": "x"}]}, SCHEMA)


def test_text_report_fits_80_columns(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    long_sentence = "Officials said " + "that the talks went on " * 30 + "and the the aid was late."
    path = tmp_path / "copy.txt"
    path.write_text(long_sentence + "\n")
    out = cli(capsys, "check", str(path), "-s", "ar", "-t", "en", "--no-mt", "--no-color")
    assert "[[the the]]" in out
    # the location line is never wrapped (grep, quickfix); everything under it fits
    # (paths are shown relative to the project root, so a file in /tmp reads ../../tmp/…)
    location = re.compile(r"^\S+copy\.txt:\d+:\d+ (error|warning|info) ")
    context = [line for line in out.splitlines() if not location.match(line)]
    assert max(len(line) for line in context) <= 80
    assert sum(bool(location.match(line)) for line in out.splitlines()) == out.count("repeated-word")


def test_huge_single_line_file_is_checked_completely(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    sentence = "Officials in the capital said the talks would continue next week. "
    body = sentence * (50_000_000 // len(sentence))
    path = tmp_path / "huge.txt"
    path.write_text(body + "The the end.")
    report = json.loads(cli(capsys, "check", str(path), "-s", "ar", "-t", "en", "--no-mt", "-f", "json"))
    assert report["scores"]["segments"] == body.count(". ") + 1
    assert [f["text"] for f in report["findings"]] == ["The the"]


def test_json_report_has_one_finding_a_line_and_is_written_as_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("The minister said the the aid was late. Ze\u200blensky agreed, agreed agreed.\n")
    args = ["check", str(path), "-s", "ar", "-t", "en", "--no-mt", "-f", "json"]
    printed = cli(capsys, *args)
    cli(capsys, *args, "-o", str(tmp_path / "report.json"))  # written in pieces, as it is made
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == printed
    report = json.loads(printed)
    lines = [line for line in printed.splitlines() if line.startswith('    {"check": ')]
    assert [json.loads(line.rstrip(",")) for line in lines] == report["findings"] and len(lines) >= 2
    assert printed.startswith('{\n  "$schema": ') and '\n  "counts": {\n    "error": ' in printed
