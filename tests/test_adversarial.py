"""Regression tests for the adversarial run (issue 11): nothing lost, nothing silently ignored."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mtcheck.cli import main

ROOT = Path(__file__).resolve().parents[1]
NOBODY = 65534


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    code = exc.value.code
    assert isinstance(code, int)
    return code, out, err


def run_as_nobody(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI as an unprivileged user: CI runs as root, whom no permission stops."""
    if os.geteuid() != 0:
        pass  # already unprivileged: permissions apply as they are
    elif shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: cannot drop privileges to test permissions")
    prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if os.geteuid() == 0 else []
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", "MTCHECK_CACHE_DIR": str(cwd)}
    env.pop("PYTHONPYCACHEPREFIX", None)
    return subprocess.run(
        [*prefix, sys.executable, "-m", "mtcheck", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


PO = """msgid ""
msgstr ""
"Language: uk\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, c-format
msgid "Open %s"
msgstr "Відкрити %d"

msgid "Delete the file"
msgstr "Видалити файл"
"""


@pytest.fixture
def po(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "good.po"
    path.write_text(PO, encoding="utf-8")
    return path


# 1. -o naming an input ---------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "baseline"])
def test_output_naming_the_input_is_refused(capsys: pytest.CaptureFixture[str], po: Path, command: str) -> None:
    extra = ["-f", "json"] if command == "check" else []
    code, _out, err = run(capsys, command, str(po), "--no-mt", "-s", "en", *extra, "-o", str(po))
    assert code == 2
    assert "refusing to overwrite" in err
    assert po.read_text(encoding="utf-8") == PO


def test_output_reaching_the_input_through_links_is_refused(capsys: pytest.CaptureFixture[str], po: Path) -> None:
    (po.parent / "soft.po").symlink_to(po)
    os.link(po, po.parent / "hard.json")
    for name in ("soft.po", "hard.json"):
        code, _out, err = run(capsys, "check", str(po), "--no-mt", "-s", "en", "-f", "json", "-o", name)
        assert code == 2, name
        assert "refusing to overwrite" in err
    assert po.read_text(encoding="utf-8") == PO


def test_translate_output_naming_the_input_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = tmp_path / "f.txt"
    text.write_text("Hello.\n", encoding="utf-8")
    code, _out, err = run(capsys, "translate", str(text), "--from", "en", "--to", "uk", "-o", str(text))
    assert code == 2
    assert "refusing to overwrite" in err
    assert text.read_text(encoding="utf-8") == "Hello.\n"


def test_unwritable_output_fails_before_the_analysis(capsys: pytest.CaptureFixture[str], po: Path) -> None:
    code, _out, err = run(capsys, "check", str(po), "--no-mt", "-f", "json", "-o", "missing/dir/report.json")
    assert code == 2
    assert "does not exist" in err
    assert "recorded" not in err


def test_output_is_written_atomically(capsys: pytest.CaptureFixture[str], po: Path) -> None:
    report = po.parent / "report.json"
    report.write_text("old", encoding="utf-8")
    code, _out, _err = run(capsys, "check", str(po), "--no-mt", "-s", "en", "-f", "json", "-o", str(report))
    assert code == 1
    assert json.loads(report.read_text(encoding="utf-8"))["counts"]["error"] >= 1
    assert [p.name for p in po.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_interrupted_write_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mtcheck.read import files

    target = tmp_path / "report.json"
    target.write_text("old", encoding="utf-8")

    def crash(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        files.write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"


# 2. paths relative to the project root -------------------------------------------------


def _fingerprints(sarif_or_json: dict[str, object]) -> set[str]:
    return {f["fingerprint"] for f in sarif_or_json["findings"]}  # type: ignore[attr-defined, index]


def test_baseline_from_the_root_matches_from_a_subdirectory_and_absolute_paths(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mtcheck.toml").write_text('source-lang = "en"\nback-translation = false\n', encoding="utf-8")
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "uk.po").write_text(PO, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _out, _err = run(capsys, "baseline", "po/uk.po", "-o", ".mtcheck-baseline.json")
    assert code == 0
    baseline = json.loads((tmp_path / ".mtcheck-baseline.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in baseline["findings"].values()} == {"po/uk.po"}
    monkeypatch.chdir(tmp_path / "po")
    for target in ("uk.po", str(tmp_path / "po" / "uk.po")):
        code, out, _err = run(
            capsys, "check", target, "-f", "json", "--baseline", str(tmp_path / ".mtcheck-baseline.json")
        )
        report = json.loads(out)
        assert code == 0, target
        assert report["findings"] == []
        assert report["details"]["baseline"]["known"] == len(baseline["findings"])
        assert report["documents"][0]["path"] == "po/uk.po"


def test_sarif_uris_are_relative_to_the_project_root(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mtcheck.toml").write_text('source-lang = "en"\nback-translation = false\n', encoding="utf-8")
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "uk.po").write_text(PO, encoding="utf-8")
    monkeypatch.chdir(tmp_path / "po")
    _code, out, _err = run(capsys, "check", str(tmp_path / "po" / "uk.po"), "-f", "sarif")
    run_ = json.loads(out)["runs"][0]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]}
    assert uris == {"po/uk.po"}


# 3. only regular files -----------------------------------------------------------------


def test_fifo_is_refused_without_hanging(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code, _out, err = run(capsys, "check", str(fifo), "--no-mt", "-s", "en", "-t", "uk")
    assert code == 2
    assert "FIFO" in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
def test_device_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "check", "/dev/zero", "--no-mt", "-s", "en", "-t", "uk")
    assert code == 2
    assert "character device" in err


def test_size_limit_is_clear_and_can_be_raised(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Kyiv is a city. " * 80_000, encoding="utf-8")  # 1.3 MB
    code, _out, err = run(capsys, "check", str(big), "--no-mt", "-s", "uk", "-t", "en", "--max-file-size", "1")
    assert code == 2
    assert "over the 1 MB input limit" in err
    assert "--max-file-size" in err
    code, _out, _err = run(capsys, "check", str(big), "--no-mt", "-s", "uk", "-t", "en", "--max-file-size", "2")
    assert code == 0


# 11. walking the tree ------------------------------------------------------------------


def test_directory_and_glob_do_not_follow_symlinks_out_of_the_tree(tmp_path: Path) -> None:
    from mtcheck.pipeline import expand_paths

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.po").write_text(PO, encoding="utf-8")
    tree = tmp_path / "tree"
    (tree / "po").mkdir(parents=True)
    (tree / "po" / "uk.po").write_text(PO, encoding="utf-8")
    (tree / "po" / "escape").symlink_to(outside, target_is_directory=True)
    by_dir = expand_paths([tree])
    by_glob = expand_paths([f"{tree}/**/*.po"])
    assert [p.name for p in by_dir] == ["uk.po"]
    assert [p.name for p in by_glob] == ["uk.po"]


@pytest.fixture
def public_dir() -> Iterator[Path]:
    """A folder an unprivileged user can enter (pytest's tmp_path sits in root's private folder)."""
    folder = Path(tempfile.mkdtemp(prefix="mtcheck-adv-"))
    folder.chmod(0o755)
    (folder / ".git").mkdir()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_unenterable_directory_is_an_input_error(public_dir: Path) -> None:
    tmp_path = public_dir
    locked = tmp_path / "locked"
    (locked / "inner").mkdir(parents=True)
    (locked / "inner" / "uk.po").write_text(PO, encoding="utf-8")
    locked.chmod(0o700)
    for args in (["check", "locked/inner/uk.po"], ["check", "locked"]):
        result = run_as_nobody(*args, "--no-mt", "-s", "en", cwd=tmp_path)
        assert result.returncode == 2, result.stderr
        assert "locked" in result.stderr  # names the path
        assert "internal error" not in result.stderr
        assert "Traceback" not in result.stderr
