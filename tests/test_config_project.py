"""mtcheck.toml and [tool.mtcheck]: settings, unknown keys named, command-line flags on top."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck.errors import ConfigError
from mtcheck.gate.project_config import load_project_config
from mtcheck.types import Severity
from tests.loc_fixtures import LEGACY_PO, run_cli

FULL = """
source-lang = "en"
files = ["po/*.po"]
exclude = ["po/old/*"]
termbases = ["glossary.tbx"]
baseline = ".mtcheck-baseline.json"
fail-on = "warning"
back-translation = false
ignore-text = ["^Firefox$"]
select = ["placeholders", "numbers", "name-"]
ignore = ["name-missing"]

[checks]
disable = ["source-inconsistency"]

[severity]
numbers = "error"

[thresholds]
"untranslated.min_words" = 4

[languages]
ua = "uk"
"""


def test_every_setting_is_read(project: Path) -> None:
    (project / "mtcheck.toml").write_text(FULL, encoding="utf-8")
    config, origin = load_project_config()
    assert origin == project / "mtcheck.toml"
    assert config.source_lang == "en" and config.files == ("po/*.po",) and config.exclude == ("po/old/*",)
    assert config.termbases == ("glossary.tbx",) and config.baseline == ".mtcheck-baseline.json"
    assert config.fail_on == Severity.WARNING and config.model.enabled is False
    assert config.ignore_text == ("^Firefox$",) and config.disable == frozenset({"source-inconsistency"})
    assert config.severities == {"numbers": Severity.ERROR}
    assert config.threshold("untranslated.min_words", 3) == 4
    assert dict(config.language_map) == {"ua": "uk"}


def test_paths_are_relative_to_the_config_file(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "mtcheck.toml").write_text('files = ["po/*.po"]\n', encoding="utf-8")
    monkeypatch.chdir(project / "po")
    config, _origin = load_project_config()
    assert config.files == ("*.po",)  # shown relative to the working directory, po/


def test_pyproject_table(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.mtcheck]\nfail_on = "info"\n', encoding="utf-8"
    )
    config, origin = load_project_config()
    assert origin == project / "pyproject.toml" and config.fail_on == Severity.INFO


def test_pyproject_whose_tool_is_not_a_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('tool = "x"\n', encoding="utf-8")
    config, origin = load_project_config()  # not ours to judge: no [tool.mtcheck], so defaults
    assert origin is None and config.fail_on == Severity.ERROR
    with pytest.raises(ConfigError, match=r"no \[tool.mtcheck\] table"):
        load_project_config(project / "pyproject.toml")


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ('fial-on = "error"\n', "fial-on"),
        ('[checks]\ndisabel = ["numbers"]\n', "checks.disabel"),
        ('fail-on = "sometimes"\n', "fail-on"),
        ('ignore-text = ["("]\n', "ignore-text pattern"),
        ('select = ["nosuch"]\n', "select: 'nosuch' is not a check id"),
        ("back-translation = 1\n", "back-translation"),
    ],
)
def test_bad_settings_are_errors_that_name_the_key(project: Path, text: str, named: str) -> None:
    (project / "mtcheck.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=named.replace("(", r"\(")):
        load_project_config()


def test_unknown_key_exits_2_with_one_line(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / "mtcheck.toml").write_text('fial-on = "error"\n', encoding="utf-8")
    code, _out, err = run_cli(["check", "po", "--no-mt"], capsys)
    assert code == 2 and "fial-on" in err and "Traceback" not in err


def test_unknown_check_in_config_is_an_error(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / "mtcheck.toml").write_text('[checks]\ndisable = ["placeholder"]\n', encoding="utf-8")
    code, _out, err = run_cli(["check", "po", "--no-mt"], capsys)
    assert code == 2 and "placeholder" in err


def test_config_decides_and_flags_override(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / "mtcheck.toml").write_text(
        'files = ["po/*.po"]\nback-translation = false\n[severity]\nplaceholders = "warning"\n', encoding="utf-8"
    )
    code, out, _err = run_cli(["check", "-q", "-f", "json"], capsys)
    report = json.loads(out)
    assert code == 0 and {f["severity"] for f in report["findings"] if f["check"] == "placeholders"} == {"warning"}
    code, _out, _err = run_cli(["check", "-q", "--fail-on", "warning"], capsys)
    assert code == 1


def test_explicit_config_file_and_language_map(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / "po" / "uk.po").write_text(LEGACY_PO.replace("Language: uk", "Language: ua"), encoding="utf-8")
    (project / "ci.toml").write_text('[languages]\nua = "uk"\n[checks]\ndisable = ["numbers"]\n', encoding="utf-8")
    code, out, _err = run_cli(["check", "po", "--config", "ci.toml", "--no-mt", "-q", "-f", "json"], capsys)
    report = json.loads(out)
    assert report["documents"][0]["target_lang"] == "uk"
    assert code == 1


def test_ignore_patterns_drop_findings_about_matching_text(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    _code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "json"], capsys)
    subjects = [f["evidence"].get("subject") for f in json.loads(out)["findings"] if f["check"] == "placeholders"]
    assert sorted(subjects) == ["%1$d", "%1$s"]  # "Open %s" → "%d" (a change), "Saved %s" lost
    (project / "mtcheck.toml").write_text('ignore-text = ["^%1\\\\$s$"]\n', encoding="utf-8")
    _code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "json"], capsys)
    subjects = [f["evidence"].get("subject") for f in json.loads(out)["findings"] if f["check"] == "placeholders"]
    assert subjects == ["%1$d"]


def test_old_style_ignore_says_what_to_write_instead(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / "mtcheck.toml").write_text('ignore = ["^Firefox$"]\n', encoding="utf-8")
    code, _out, err = run_cli(["check", "po", "--no-mt"], capsys)
    assert code == 2 and "ignore-text = ['^Firefox$']" in err and len(err.strip().splitlines()) == 1


def test_select_and_ignore_in_config_choose_checks(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (project / "mtcheck.toml").write_text('select = ["placeholders"]\n', encoding="utf-8")
    config, _origin = load_project_config()
    assert config.select == ("placeholders",)
    code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "json"], capsys)
    assert code == 1 and {f["check"] for f in json.loads(out)["findings"]} == {"placeholders"}
    (project / "mtcheck.toml").write_text('ignore = ["placeholders"]\n', encoding="utf-8")
    code, out, _err = run_cli(["check", "po", "--no-mt", "-q", "-f", "json"], capsys)
    assert "placeholders" not in {f["check"] for f in json.loads(out)["findings"]}
