"""The README's "Use as a CI gate" section works as written: its config, baseline and CI commands."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import jsonschema
import pytest
from defusedxml import ElementTree

from tests.loc_fixtures import run_cli

README = Path(__file__).resolve().parents[1] / "README.md"
SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def _guide() -> str:
    """The README's "Use as a CI gate" section, up to the next section."""
    text = README.read_text(encoding="utf-8")
    start = text.index("## Use as a CI gate")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", _guide(), re.DOTALL)


def _commands() -> list[list[str]]:
    """Every `mtcheck …` command of the guide's shell and CI blocks."""
    found = []
    for block in _blocks("sh") + _blocks("yaml"):
        for line in block.splitlines():
            match = re.search(r"(?:^|run: |- )(mtcheck .*)$", line.strip())
            if match:
                found.append(shlex.split(match.group(1))[1:])
    return found


@pytest.fixture
def project(project: Path) -> Path:
    [config] = _blocks("toml")
    (project / "mtcheck.toml").write_text(config, encoding="utf-8")
    return project


def test_the_guide_has_the_commands_it_promises() -> None:
    commands = _commands()
    assert commands[0][0] == "baseline"
    assert sum(c[0] == "check" for c in commands) == 2  # GitHub Actions and GitLab CI


def test_guide_config_and_commands_run_as_written(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    check = next(c for c in _commands() if c[0] == "check")
    code, _out, _err = run_cli(check, capsys)
    assert code == 1  # the legacy catalogue has broken placeholders
    baseline = next(c for c in _commands() if c[0] == "baseline")
    assert run_cli(baseline, capsys)[0] == 0
    for command in (c for c in _commands() if c[0] == "check"):
        code, out, _err = run_cli(command, capsys)
        assert code == 0, out
    jsonschema.validate(json.loads((project / "mtcheck.sarif").read_text(encoding="utf-8")), SCHEMA)
    assert ElementTree.parse(project / "mtcheck-junit.xml").getroot().get("failures") == "0"
    assert (project / "mtcheck.md").read_text(encoding="utf-8").startswith("## mtcheck: ✅ passed")


def test_pre_commit_hook_entry_runs(project: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    hooks = (README.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    entry = re.search(r"entry: (.*)", hooks)
    assert entry is not None
    args = shlex.split(entry.group(1))[1:]
    code, _out, _err = run_cli([*args, "po/uk.po"], capsys)
    assert code == 1
