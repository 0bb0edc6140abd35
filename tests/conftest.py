"""Shared fixtures. Tests never touch the network or the development data; caches go to a temp dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_58537a9fbf26f386.txt"


@pytest.fixture(autouse=True, scope="session")
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    mp = pytest.MonkeyPatch()
    mp.setenv("MTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("mtcheck-cache")))
    mp.setenv("HF_HUB_OFFLINE", "1")
    yield
    mp.undo()


@pytest.fixture(autouse=True)
def _own_result_cache(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    # The session shares one cache folder (the gazetteer unpacks there once), but not its
    # per-file results: a test that patches a check would be served another test's findings
    # for the same file name and bytes, as no real run could be.
    from mtcheck.execute import results_cache

    monkeypatch.setattr(results_cache, "FILENAME", f"results-{abs(hash(request.node.nodeid))}.sqlite3")


@pytest.fixture
def seed() -> Path:
    return SEED


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository (``.git``) with a legacy Ukrainian catalogue ``po/uk.po``, as the working directory."""
    from tests.loc_fixtures import LEGACY_PO

    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "po").mkdir()
    (tmp_path / "po" / "uk.po").write_text(LEGACY_PO, encoding="utf-8")
    return tmp_path
