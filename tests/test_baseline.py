"""Baselines: a legacy catalogue passes; one new broken placeholder fails with exit 1 and only it is named."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck.types import Finding, Location, Severity
from tests.loc_fixtures import LEGACY_PO, run_cli


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # keeps the search for mtcheck.toml inside the project
    monkeypatch.chdir(tmp_path)
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "uk.po").write_text(LEGACY_PO, encoding="utf-8")
    return tmp_path


def test_legacy_catalogue_fails_without_baseline_and_passes_with_it(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _out, _err = run_cli(["check", "po", "--no-mt", "-q"], capsys)
    assert code == 1
    code, _out, err = run_cli(["baseline", "po", "--no-mt", "-o", ".mtcheck-baseline.json"], capsys)
    assert code == 0 and "recorded" in err
    data = json.loads((project / ".mtcheck-baseline.json").read_text(encoding="utf-8"))
    assert data["format"] == "mtcheck-baseline" and data["findings"]
    code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "--baseline", ".mtcheck-baseline.json"], capsys)
    assert code == 0, out


def test_a_new_broken_placeholder_fails_and_is_the_only_finding(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    run_cli(["baseline", "po", "--no-mt", "-o", ".mtcheck-baseline.json"], capsys)
    po = project / "po" / "uk.po"
    # new entry at the top moves every old one down: fingerprints must not care
    po.write_text(
        LEGACY_PO.replace(
            '#, c-format\nmsgid "Open %s"',
            '#, c-format\nmsgid "Close %s"\nmsgstr "Закрити %s %s"\n\n#, c-format\nmsgid "Open %s"',
        ),
        encoding="utf-8",
    )
    code, out, _err = run_cli(
        ["check", "po", "--no-mt", "-q", "--baseline", ".mtcheck-baseline.json", "-f", "json"], capsys
    )
    assert code == 1
    report = json.loads(out)
    assert [(f["check"], f["location"]["unit_id"], f["text"]) for f in report["findings"]] == [
        ("placeholders", "Close %s", "%s")
    ]
    assert report["findings"][0]["location"]["line"] == 8


def test_baseline_from_config_file(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    run_cli(["baseline", "po", "--no-mt", "-o", "accepted.json"], capsys)
    (project / "mtcheck.toml").write_text('baseline = "accepted.json"\nfiles = ["po/*.po"]\n', encoding="utf-8")
    code, out, _err = run_cli(["check", "--no-mt", "-q"], capsys)
    assert code == 0, out


def test_not_a_baseline_is_a_usage_error(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / "bad.json").write_text("[]", encoding="utf-8")
    code, _out, err = run_cli(["check", "po", "--no-mt", "--baseline", "bad.json"], capsys)
    assert code == 2 and "not an mtcheck baseline" in err


def _finding(line: int, path: str = "po/uk.po", **evidence: str) -> Finding:
    return Finding("placeholders", Severity.ERROR, "u", Location(path, line, 9, "Open %s"), "m",
                   context="Відкрити", evidence=evidence)  # fmt: skip


def test_fingerprint_ignores_lines_and_path_spelling_but_not_the_subject() -> None:
    assert _finding(3).fingerprint == _finding(300).fingerprint
    assert _finding(3).fingerprint == _finding(3, "./po/uk.po").fingerprint == _finding(3, "po\\uk.po").fingerprint
    assert _finding(3, subject="%1$s").fingerprint != _finding(3, subject="%2$d").fingerprint
    assert _finding(3).fingerprint != _finding(3, "po/ru.po").fingerprint


@pytest.mark.parametrize(
    "content",
    [
        b'{"format": "mtcheck-baseline", "findings": {"abc": "not an entry"}}',
        b'{"format": "mtcheck-baseline", "findings": {"abc": {"count": "two"}}}',
        b'{"format": "mtcheck-baseline", "findings": {"abc": {"count": -1}}}',
        b'\xff\xfe{"format"',
    ],
    ids=["entry-not-object", "count-not-number", "negative-count", "not-utf8"],
)
def test_corrupt_baseline_is_a_usage_error_not_an_internal_one(
    project: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    (project / "bad.json").write_bytes(content)
    code, _out, err = run_cli(["check", "po", "--no-mt", "--baseline", "bad.json"], capsys)
    assert code == 2, err
    assert err.startswith("mtcheck: error: bad.json") and err.count("\n") == 1


def test_baseline_takes_the_same_termbase_as_check(project, tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from tests.loc_fixtures import run_cli

    glossary = tmp_path / "glossary.csv"
    glossary.write_text("en,uk\nfile,файл\n", encoding="utf-8")
    po = project / "po" / "uk.po"
    po.write_text(
        po.read_text(encoding="utf-8") + '\nmsgid "Open file"\nmsgstr "Відкрити документ"\n',
        encoding="utf-8",
    )
    base = ["--no-mt", "-s", "en", "po/uk.po"]
    with_termbase = [*base, "--termbase", str(glossary)]
    check = ["check", *with_termbase, "--baseline", "b.json", "--fail-on", "info", "-f", "json"]
    # a baseline made without the termbase leaves the glossary finding new ...
    assert run_cli(["baseline", *base, "-o", "b.json"], capsys)[0] == 0
    code, out, _err = run_cli(check, capsys)
    assert code == 1
    assert "term-adherence" in out
    # ... one made with it, as check is run, accepts it
    assert run_cli(["baseline", *with_termbase, "-o", "b.json"], capsys)[0] == 0
    code, out, _err = run_cli(check, capsys)
    assert code == 0, out
