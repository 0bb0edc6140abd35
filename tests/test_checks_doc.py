"""docs/checks.md is generated from the check registry (tools/gen_checks_doc.py) and kept current."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from mtcheck.registry import CHECKS

ROOT = Path(__file__).resolve().parents[1]


def test_checks_md_is_current() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gen_checks_doc.py"), "--check"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + "\n(regenerate with: python tools/gen_checks_doc.py)"


def test_every_check_has_a_section_with_both_examples() -> None:
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    sections = text.split("\n## ")[1:]
    assert [s.split("\n", 1)[0] for s in sections] == CHECKS.names()
    for body in sections:
        assert "Fires:" in body and "Stays quiet:" in body and "Options" in body
        assert "Severity: " in body


def test_a_stale_page_is_caught(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_checks_doc", ROOT / "tools" / "gen_checks_doc.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    gen.OUTPUT = tmp_path / "checks.md"
    gen.OUTPUT.write_text("# The checks\n(old)\n", encoding="utf-8")
    assert gen.main(["--check"]) == 1
    assert gen.main([]) == 0 and gen.main(["--check"]) == 0
