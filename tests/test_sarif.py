"""SARIF 2.1.0 output validates against the official schema and points at the right file and line."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from tests.loc_fixtures import run_cli

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def test_sarif_validates_and_locates_the_placeholder_error(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, _err = run_cli(
        ["check", "po/uk.po", "--no-mt", "-q", "-f", "sarif", "-o", "out.sarif", "-f", "json", "-o", "out.json"],
        capsys,
    )
    assert code == 1
    log = json.loads((project / "out.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    errors = [r for r in run["results"] if r["ruleId"] == "placeholders"]
    lines = (project / "po" / "uk.po").read_text(encoding="utf-8").splitlines()
    extra = next(r for r in errors if "%d" in r["message"]["text"])
    location = extra["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "po/uk.po", "uriBaseId": "%SRCROOT%"}
    line = location["region"]["startLine"]
    assert lines[line - 1] == 'msgstr "Відкрити %d"'
    column = location["region"]["startColumn"]
    assert lines[line - 1][column - 1 : column + 1] == "%d"
    assert extra["level"] == "error" and rules[extra["ruleIndex"]] == "placeholders"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file://")
    missing = next(r for r in errors if "Saved" in r["locations"][0]["logicalLocations"][0]["name"])
    assert lines[missing["locations"][0]["physicalLocation"]["region"]["startLine"] - 1] == 'msgstr "Збережено"'
    assert len({r["partialFingerprints"]["mtcheck/v1"] for r in run["results"]}) == len(run["results"])
    assert (project / "out.json").is_file()


def test_clean_run_gives_an_empty_valid_log(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / "po" / "uk.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n\nmsgid "Open %s"\nmsgstr "Відкрити %s"\n', encoding="utf-8"
    )
    code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "sarif"], capsys)
    assert code == 0
    log = json.loads(out)
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["results"] == []


def test_more_formats_than_outputs_is_a_usage_error(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, err = run_cli(["check", "po", "--no-mt", "-f", "sarif", "-f", "json", "-f", "junit", "-o", "a"], capsys)
    assert code == 2 and "--output" in err


def test_rules_carry_what_code_scanning_shows(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """GitHub's documented reportingDescriptor properties: without fullDescription and help it warns
    (GH2012), and a rule name equal to its id is SARIF1001."""
    po = project / "po" / "uk.po"
    po.write_text(po.read_text(encoding="utf-8") + '\nmsgid "The end"\nmsgstr "кінець кінець"\n', encoding="utf-8")
    run_cli(["check", "po", "--no-mt", "-q", "-f", "sarif", "-o", "out.sarif"], capsys)
    log = json.loads((project / "out.sarif").read_text(encoding="utf-8"))
    jsonschema.validate(log, SCHEMA)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"placeholders", "repeated-word"}
    docs = (Path(__file__).parents[1] / "docs" / "checks.md").read_text(encoding="utf-8")
    for rule in rules:
        assert rule["name"] != rule["id"]
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
        page, _hash, anchor = rule["helpUri"].partition("#")
        assert page.endswith("docs/checks.md") and anchor == rule["id"]
        assert f"\n## {anchor}\n" in docs  # GitHub's heading slug of "## placeholders" is #placeholders
