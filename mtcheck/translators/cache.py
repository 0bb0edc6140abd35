"""A persistent translation cache: SQLite in WAL mode, shared safely by concurrent processes.

An entry is keyed by everything that shapes a translation: the model signature (model id and
revision or content hash of every hop), the backend and its numeric precision, the decoding
settings, the language pair, and the text. Re-checking a document translates nothing.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from mtcheck.config import ModelSettings
from mtcheck.runtime import open_cache_database

FILENAME = "translations.sqlite3"
# SQLite's default limit on host parameters is 999 on old builds; stay under it.
_CHUNK = 500
# Another process holding the write lock (a large insert) is waited for, not treated as an error.
_BUSY_TIMEOUT_S = 30.0


def default_cache_dir(settings: ModelSettings | None) -> Path:
    """``--cache-dir``, else ``$MTCHECK_CACHE_DIR``, else the platform's user cache dir."""
    if settings is not None and settings.cache_dir:
        return Path(settings.cache_dir).expanduser()
    if os.environ.get("MTCHECK_CACHE_DIR"):
        return Path(os.environ["MTCHECK_CACHE_DIR"])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("mtcheck", appauthor=False))


def cache_namespace(signature: Mapping[str, str]) -> str:
    return json.dumps(dict(sorted(signature.items())), ensure_ascii=False, separators=(",", ":"))


def _key(namespace: str, text: str) -> bytes:
    return hashlib.sha256(f"{namespace}\0{text}".encode()).digest()


class TranslationCache:
    """``get_many``/``put_many`` over (namespace, text) → translation; counts hits and misses.

    A cache that cannot be opened or written (locked past the timeout, read-only, disk
    full) never costs finished work: the cache goes on in memory for the rest of the run
    and :attr:`note` says so once; the report is what it would be with the cache off.
    """

    def __init__(self, directory: Path, busy_timeout_s: float = _BUSY_TIMEOUT_S) -> None:
        self.path = directory / FILENAME
        self.hits = 0
        self.misses = 0
        self.note: str | None = None
        self._memory: dict[bytes, str] = {}
        self._db: sqlite3.Connection | None = None
        try:
            self._db = open_cache_database(
                self.path,
                busy_timeout_s,
                "CREATE TABLE IF NOT EXISTS translations (key BLOB PRIMARY KEY, output TEXT NOT NULL) WITHOUT ROWID",
            )
        except (OSError, sqlite3.Error) as exc:
            self._fall_back("cannot be opened", exc)

    def _fall_back(self, what: str, exc: Exception) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        self.note = (
            f"translation cache {self.path} {what} ({exc}): translations kept in memory for this run only "
            "(--cache-dir DIR to use another)"
        )

    def get_many(self, namespace: str, texts: Sequence[str], *, count: bool = True) -> dict[str, str]:
        """Cached outputs by text; ``count=False`` for look-ups that are not translations (no stats)."""
        wanted = {_key(namespace, t): t for t in dict.fromkeys(texts)}
        found = {wanted[k]: v for k, v in self._memory.items() if k in wanted} if self._memory else {}
        keys = [k for k in wanted if wanted[k] not in found]
        try:
            for i in range(0, len(keys) if self._db is not None else 0, _CHUNK):
                chunk = keys[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                assert self._db is not None
                rows = self._db.execute(f"SELECT key, output FROM translations WHERE key IN ({marks})", chunk)
                for key, output in rows:
                    found[wanted[key]] = output
        except sqlite3.Error as exc:
            self._fall_back("cannot be read", exc)
        if count:
            self.hits += sum(1 for t in texts if t in found)
            self.misses += sum(1 for t in texts if t not in found)
        return found

    def put_many(self, namespace: str, pairs: Iterable[tuple[str, str]]) -> None:
        rows = [(_key(namespace, text), out) for text, out in pairs]
        if self._db is not None:
            try:
                with self._db:
                    self._db.execute("BEGIN IMMEDIATE")
                    self._db.executemany("INSERT OR IGNORE INTO translations (key, output) VALUES (?, ?)", rows)
                return
            except sqlite3.Error as exc:
                self._fall_back("cannot be written", exc)
        self._memory.update(rows)

    def add_rows(self, rows: Iterable[tuple[bytes, str]]) -> int:
        """Insert entries as another cache exported them (:attr:`ShardCache.fresh`); returns how many."""
        rows = list(rows)
        if self._db is None:
            self._memory.update(rows)
            return len(rows)
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("INSERT OR IGNORE INTO translations (key, output) VALUES (?, ?)", rows)
        except sqlite3.Error as exc:
            self._fall_back("cannot be written", exc)
            self._memory.update(rows)
        return len(rows)

    def __len__(self) -> int:
        if self._db is None:
            return len(self._memory)
        return int(self._db.execute("SELECT COUNT(*) FROM translations").fetchone()[0]) + len(self._memory)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


class ShardCache(TranslationCache):
    """A worker's own cache (a cluster worker's): its shard file, over the user's cache read-only.

    New entries go to the shard in ``directory`` and are kept in :attr:`fresh` until the
    worker hands them to the client (:meth:`take_fresh`), which adds them to the user's cache
    with :meth:`TranslationCache.add_rows`; so the next run hits, local or distributed. The
    user's cache (``shared``) is only read, and only when the worker's machine has that file:
    one SQLite file is never written from several machines (docs/scaling.md says why).
    """

    def __init__(self, directory: Path, shared: Path | None = None) -> None:
        super().__init__(directory)
        self.fresh: list[tuple[bytes, str]] = []
        self._shared: sqlite3.Connection | None = None
        if shared is not None and shared.is_file() and shared != self.path:
            try:
                self._shared = sqlite3.connect(
                    f"{shared.resolve().as_uri()}?mode=ro", uri=True, timeout=_BUSY_TIMEOUT_S
                )
            except sqlite3.Error:
                self._shared = None  # an unreadable user cache only costs hits

    def get_many(self, namespace: str, texts: Sequence[str], *, count: bool = True) -> dict[str, str]:
        found = super().get_many(namespace, texts, count=count)
        wanted = {_key(namespace, t): t for t in dict.fromkeys(texts) if t not in found}
        if self._shared is None or not wanted:
            return found
        keys = list(wanted)
        shared: dict[str, str] = {}
        try:
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._shared.execute(f"SELECT key, output FROM translations WHERE key IN ({marks})", chunk)
                shared.update((wanted[key], output) for key, output in rows)
        except sqlite3.Error:
            return found  # the user's cache went away or is locked: misses, not an error
        if count:
            moved = sum(1 for t in texts if t in shared)  # counted as misses by the shard's lookup
            self.hits += moved
            self.misses -= moved
        return {**found, **shared}

    def put_many(self, namespace: str, pairs: Iterable[tuple[str, str]]) -> None:
        pairs = list(pairs)
        super().put_many(namespace, pairs)
        self.fresh.extend((_key(namespace, text), out) for text, out in pairs)

    def take_fresh(self) -> list[tuple[bytes, str]]:
        """The entries added since the last call (for the client to merge into the user's cache)."""
        fresh, self.fresh = self.fresh, []
        return fresh

    def close(self) -> None:
        super().close()
        if self._shared is not None:
            self._shared.close()
