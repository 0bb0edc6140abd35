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


# --- every README snippet: run here, or marked in the README as not run (one way: a line
# "*Not run by the tests: REASON.*" just above the block); ```text blocks are diagrams.

MARK = "*Not run by the tests:"
# sections whose blocks the tests below run as written
RUN_HERE = {
    "## Checking wire copy",
    "### Configure once: `mtcheck.toml`",
    "### Adopt it on a legacy project: baselines",
    "### pre-commit",
    "## Python API",
    "### A damaged article, checked against its original",
    "#### Your desk's own name knowledge: `names learn` and `--names-db`",
    "## The review page and `mtcheck serve`",  # tests/test_render_html.py
}


def _readme_blocks() -> list[tuple[str, str, bool, str]]:
    """(heading, language, marked, body) of every fenced block of the README."""
    lines = README.read_text(encoding="utf-8").splitlines()
    blocks, heading, i = [], "", 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("#"):
            heading = line
        if line.startswith("```"):
            end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
            before = [x for x in lines[:i] if x.strip()][-1]
            blocks.append((heading, line[3:].strip(), before.startswith(MARK), "\n".join(lines[i + 1 : end])))
            i = end
        i += 1
    return blocks


def test_every_readme_snippet_is_run_or_marked() -> None:
    blocks = _readme_blocks()
    assert not any(line.startswith("    mtcheck ") for line in README.read_text(encoding="utf-8").splitlines())
    for heading, language, marked, body in blocks:
        if language == "text" or marked:
            continue
        assert heading in RUN_HERE or language == "console", f"{heading}: a block neither run nor marked: {body[:60]}"


def test_ci_snippets_install_from_the_repository_until_a_release_exists() -> None:
    installs = [line for _h, lang, _m, body in _readme_blocks() if lang == "yaml" for line in body.splitlines()]
    installs = [line for line in installs if "pip install" in line]
    assert len(installs) == 2 and all("git+https://" in line and "@main" in line for line in installs)


def test_terminal_sample_is_what_the_tool_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    [sample] = [body for _h, lang, _m, body in _readme_blocks() if lang == "console"]
    monkeypatch.chdir(README.parent)
    monkeypatch.setenv("MTCHECK_MODELS", str(tmp_path / "models"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    code, out, _err = run_cli(["check", "seeds/000_58537a9fbf26f386.txt", "--source-lang", "ar"], capsys)
    assert code == 0
    got = [line.rstrip() for line in out.splitlines()]
    # the note names this machine's folders; from the first finding on, the sample is the output
    shown = sample.splitlines()
    shown = shown[next(i for i, line in enumerate(shown) if line.startswith("seeds/")) :]
    head, tail = shown[: shown.index("...")], shown[shown.index("...") + 1 :]
    start = got.index(head[0])
    assert got[start : start + len(head)] == head
    assert got[-len(tail) :] == tail
    assert got[0].startswith("note: back-translation skipped: no en→ar translation model found")


def test_wire_copy_commands_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    [block] = [body for h, lang, _m, body in _readme_blocks() if h == "## Checking wire copy" and lang == "sh"]
    root = README.parent
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "copy.txt").write_bytes((root / "seeds" / "000_58537a9fbf26f386.txt").read_bytes())
    (tmp_path / "house-style.tbx").write_bytes((root / "seeds" / "termbase.tbx").read_bytes())
    (tmp_path / "original.ar.txt").write_text("وصل وزير الدفاع إلى كييف يوم الاثنين.\n", encoding="utf-8")
    monkeypatch.setenv("MTCHECK_MODELS", str(tmp_path / "models"))
    commands = [shlex.split(line.split("#")[0])[1:] for line in block.splitlines() if line.startswith("mtcheck ")]
    assert len(commands) == 4
    for command in commands:
        code, _out, err = run_cli(command, capsys)
        assert code in (0, 1) and "Traceback" not in err, (command, err)
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["findings"]


def test_damaged_article_report_is_what_the_tool_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    heading = "### A damaged article, checked against its original"
    [command] = [body for h, lang, _m, body in _readme_blocks() if h == heading and lang == "sh"]
    [shown] = [body for h, lang, _m, body in _readme_blocks() if h == heading and lang == "text"]
    monkeypatch.chdir(README.parent)
    monkeypatch.setenv("MTCHECK_MODELS", str(README.parent / "no-models-here"))
    code, out, err = run_cli(shlex.split(command)[1:], capsys)
    assert code == 0, err
    assert out.splitlines() == shown.splitlines()


def test_names_db_commands_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    heading = "#### Your desk's own name knowledge: `names learn` and `--names-db`"
    [block] = [body for h, lang, _m, body in _readme_blocks() if h == heading and lang == "sh"]
    monkeypatch.chdir(tmp_path)
    (tmp_path / "archive").mkdir()
    for day in range(40):  # the desk's published copy: Umerov, never Omerov
        (tmp_path / "archive" / f"{day}.txt").write_text(
            f"Defence Minister Rustem Umerov met allies on day {day}. Umerov said more aid was needed.\n",
            encoding="utf-8",
        )
    (tmp_path / "copy.txt").write_text("The minister arrived in Brussels. Omerov said more was needed.\n")
    monkeypatch.setenv("MTCHECK_MODELS", str(tmp_path / "models"))
    commands = [shlex.split(line.split("#")[0])[1:] for line in block.splitlines() if line.startswith("mtcheck ")]
    assert [c[:2] for c in commands] == [["names", "learn"], ["check", "copy.txt"]]
    code, _out, err = run_cli(commands[0], capsys)
    assert code == 0, err
    code, out, err = run_cli(commands[1], capsys)
    assert code in (0, 1) and "Traceback" not in err, err
    assert "suspect-rendering" in out and "Umerov" in out and "Omerov: 0" in out


def test_python_api_snippet_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    [block] = [body for h, lang, marked, body in _readme_blocks() if h == "## Python API" and not marked]
    root = README.parent
    monkeypatch.chdir(tmp_path)
    (tmp_path / "copy.txt").write_bytes((root / "seeds" / "000_58537a9fbf26f386.txt").read_bytes())
    (tmp_path / "house.tbx").write_bytes((root / "seeds" / "termbase.tbx").read_bytes())
    monkeypatch.setenv("MTCHECK_MODELS", str(tmp_path / "models"))
    exec(compile(block, "README.md", "exec"), {})  # the README's own example
    out = capsys.readouterr().out
    assert "deprecated-term" in out and "Kyiv" in out


def test_pre_commit_rev_exists_in_a_clone(tmp_path: Path) -> None:
    import subprocess

    [block] = [body for h, lang, _m, body in _readme_blocks() if h == "### pre-commit"]
    rev = re.search(r"rev: (\S+)", block)
    hook = re.search(r"- id: (\S+)", block)
    assert rev is not None and hook is not None
    root = README.parent
    if not (root / ".git").exists():
        pytest.skip("not a git checkout (an sdist): no revisions to look up")
    refs = subprocess.run(["git", "ls-remote", str(root)], capture_output=True, text=True, check=True).stdout
    if f"refs/heads/{rev.group(1)}" not in refs and f"refs/tags/{rev.group(1)}" not in refs:
        pytest.skip(f"this checkout has no {rev.group(1)!r} (a shallow CI clone of one commit)")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", "--branch", rev.group(1), str(root), str(clone)], check=True)
    hooks = (clone / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert f"- id: {hook.group(1)}\n" in hooks
