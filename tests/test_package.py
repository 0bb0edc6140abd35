"""A normal (non-editable) install is complete: build the wheel, install it into a fresh virtual
environment, and run it from another directory.

Nothing is downloaded: the wheel is built without build isolation (setuptools from this
environment) and installed with ``--no-deps --no-index``; the fresh environment sees this
environment's third-party packages through a ``.pth`` line, but not this checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SKIP = {".git", ".venv", "build", "dist", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "models"}

pytestmark = pytest.mark.package


def _source_copy(dest: Path) -> Path:
    """The project without caches, venvs or model weights, so building leaves the checkout untouched."""

    def ignore(_folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n in SKIP or n.endswith(".egg-info")}

    shutil.copytree(ROOT, dest, ignore=ignore)
    (dest / "models").mkdir()
    shutil.copy(ROOT / "models" / "README.md", dest / "models" / "README.md")
    return dest


def _build(kind: str, src: Path, out: Path) -> Path:
    pytest.importorskip("setuptools", reason="building the package needs setuptools in this environment")
    if kind == "wheel":
        cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out)]
        cmd.append(str(src))
    else:
        cmd = [sys.executable, "-c", "from setuptools import build_meta as b; import sys; b.build_sdist(sys.argv[1])"]
        cmd.append(str(out))
    done = subprocess.run(cmd, cwd=src, capture_output=True, text=True, timeout=600, env=_clean_env())
    assert done.returncode == 0, done.stdout + done.stderr
    (built,) = out.glob("mtcheck-*.whl" if kind == "wheel" else "mtcheck-*.tar.gz")
    return built


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"}}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh virtual environment with the built wheel installed in it."""
    work = tmp_path_factory.mktemp("wheel")
    wheel = _build("wheel", _source_copy(work / "src"), work / "dist")
    venv = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    (site,) = venv.glob("lib/python*/site-packages")
    (site / "_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
    done = subprocess.run([*pip, "--no-deps", "--no-index", str(wheel)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return venv / "bin"


def _run(bin_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = _clean_env()
    env.pop("MTCHECK_MODELS", None)
    return subprocess.run(
        [str(bin_dir / "mtcheck"), *args], cwd=cwd, capture_output=True, text=True, timeout=300, env=env
    )


def test_wheel_imports_the_installed_package_not_the_checkout(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [str(installed / "python"), "-c", "import mtcheck; print(mtcheck.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, env=_clean_env(),
    )  # fmt: skip
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout


def test_wheel_lists_the_registry_pairs(installed: Path, tmp_path: Path) -> None:
    done = _run(installed, "models", "list", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = {line.split()[0]: line for line in done.stdout.splitlines() if line and not line.startswith(" ")}
    assert {"ar-en", "en-ar", "uk-ar"} <= lines.keys()
    assert ">>ara<<" in lines["en-ar"]  # the target token comes from the shipped registry
    assert "via en" in lines["uk-ar"]


def test_wheel_checks_a_catalogue_from_another_directory(installed: Path, tmp_path: Path) -> None:
    from tests.loc_fixtures import LEGACY_PO

    (tmp_path / "uk.po").write_text(LEGACY_PO, encoding="utf-8")
    done = _run(installed, "check", "uk.po", "--no-mt", "--format", "json", cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # the changed %s → %d is an error
    assert '"placeholder' in done.stdout, done.stdout
    assert "Traceback" not in done.stderr


def test_sdist_carries_what_its_tests_read(tmp_path: Path) -> None:
    sdist = _build("sdist", _source_copy(tmp_path / "src"), tmp_path / "dist")
    with tarfile.open(sdist) as tar:
        names = {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}
    assert "mtcheck/data/registry.toml" in names
    assert "tests/data/sarif-schema-2.1.0.json" in names
    assert "seeds/000_58537a9fbf26f386.txt" in names
    assert not any("__pycache__" in name for name in names)
