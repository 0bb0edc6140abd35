"""Shared fixtures. Tests never touch the network or ../shared; caches go to a temp dir."""

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


@pytest.fixture
def seed() -> Path:
    return SEED
