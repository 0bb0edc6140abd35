"""The bundled gazetteer ships compressed and is unpacked once into the cache directory."""

from __future__ import annotations

import lzma
import sqlite3
from pathlib import Path

import pytest

from mtcheck.errors import ConfigError
from mtcheck.names.gazetteer import Gazetteer, unpacked


def test_unpacks_once_into_the_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plain = tmp_path / "g.sqlite"
    db = sqlite3.connect(plain)
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute("INSERT INTO meta VALUES ('source', 'test')")
    db.commit()
    db.close()
    packed = tmp_path / "g.sqlite.xz"
    packed.write_bytes(lzma.compress(plain.read_bytes()))
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    first = unpacked(packed)
    assert first.parent == tmp_path / "cache" and first.name.startswith("gazetteer-")
    assert Gazetteer(first).meta() == {"source": "test"}
    mtime = first.stat().st_mtime_ns
    assert unpacked(packed) == first and first.stat().st_mtime_ns == mtime  # not unpacked again


def test_a_damaged_archive_is_a_config_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    packed = tmp_path / "g.sqlite.xz"
    packed.write_bytes(b"not xz")
    with pytest.raises(ConfigError, match="could not be unpacked"):
        unpacked(packed)
    with pytest.raises(ConfigError, match="rebuild"):
        unpacked(tmp_path / "missing.xz")
