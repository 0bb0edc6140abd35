"""The per-file result cache: a re-run does not read or check a file that has not changed.

An entry is one file's :class:`~mtcheck.pipeline.FileResult`, packed by the codec
(:class:`~mtcheck.execute.codec.Packed`: JSON, never a pickle; the segments apart, so a
hit decodes none of them unless a report shows them, and the run-wide checks read the
result's summaries instead), stored under a key made of everything that changes that
file's findings:

- the file's bytes (and its original's, in wire mode) and the path it is named by;
- the configuration (every field but those that only say which files to read, where
  reports go, or how fast a run is), the language map and thresholds included;
- the contents of the termbases, of the names database and of the gazetteer file;
- mtcheck's version and a fingerprint of its installed files (size and time of each),
  so an edited checkout is never served a result of the code before the edit;
- the versions of the libraries that parse or check;
- with back-translation on, the model's signature (model ids and revisions or content
  hashes, backend, decoding), checked against the entry on every hit: which model a
  file needs is known from its languages, which the entry records.

SQLite in WAL mode, in the translation cache's folder (``--cache-dir``,
``$MTCHECK_CACHE_DIR``, else the user cache dir): concurrent runs (two CI jobs on one
runner) each see whole entries, and a writer that holds the lock is waited for. A file
keeps one entry per configuration (its older versions are dropped when a new one is
stored), and entries no run has used for 30 days are dropped, so the cache grows with
the files and configurations checked, not with runs.
An entry that cannot be read back (a crashed disk, another version's shape) is a miss
and is written again; a cache that cannot be opened leaves the run uncached, with a note.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import stat
import time
import zlib
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mtcheck.config import Config
from mtcheck.execute.codec import Packed, pack, unpack
from mtcheck.pipeline import FileResult, FileTask
from mtcheck.runtime import open_cache_database

if TYPE_CHECKING:
    from mtcheck.names.gazetteer import Gazetteer
    from mtcheck.translators.base import Translator

FILENAME = "results.sqlite3"
KEEP_DAYS = 30  # an entry no run has used for this long is dropped
_BUSY_TIMEOUT_S = 30.0
# Config fields that do not change a file's findings: which files a run reads, where
# its reports and baseline are, its gate, how many processes it uses; the model's
# cache and thread settings (translations are the same with or without them)
_NOT_KEYED = frozenset({"files", "exclude", "include", "baseline", "root", "fail_on", "jobs", "workers", "scheduler"})
_MODEL_NOT_KEYED = frozenset({"cache_dir", "use_cache", "threads", "required"})
# the distributions whose code reads files or makes findings (a new version may change them)
LIBRARIES = (
    "translate-toolkit", "defusedxml", "regex", "sentencex", "py3langid", "langcodes", "language-data", "sacrebleu",
    "rapidfuzz", "anyascii", "wordfreq", "pyicu-wheels", "PyICU", "babel", "numpy", "pymorphy3",
    "pymorphy3-dicts-uk", "pymorphy3-dicts-ru", "PyStemmer",
)  # fmt: skip
MODEL_LIBRARIES = ("torch", "transformers", "sentencepiece", "safetensors", "ctranslate2")


def file_digest(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _digest_or_absent(path: str | Path | None) -> str | None:
    """The file's content hash; "absent" for what is not a regular file (a FIFO is never opened)."""
    if path is None:
        return None
    try:
        if not stat.S_ISREG(Path(path).stat().st_mode):
            return "absent"
        return file_digest(path)
    except OSError:
        return "absent"  # the run itself says why it cannot read it


def config_key(config: Config) -> dict[str, Any]:
    """The configuration as it shapes findings (see ``_NOT_KEYED``), as JSON types."""
    data = {f.name: getattr(config, f.name) for f in dataclasses.fields(config) if f.name not in _NOT_KEYED}
    model = dataclasses.asdict(config.model)
    data["model"] = {k: v for k, v in model.items() if k not in _MODEL_NOT_KEYED}
    plain: dict[str, Any] = json.loads(json.dumps(data, sort_keys=True, default=_jsonable))
    return plain


def _jsonable(value: Any) -> Any:
    if isinstance(value, frozenset | set):
        return sorted(value)
    if isinstance(value, Mapping):
        return dict(value)
    return str(value)


def library_versions(names: Iterable[str]) -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str | None] = {}
    for name in names:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def code_fingerprint() -> str:
    """mtcheck's version and the size and time of each of its files (code and bundled data)."""
    from mtcheck import version

    root = Path(__file__).resolve().parents[1]  # the mtcheck package
    digest = hashlib.sha256(version.__version__.encode())
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            path = Path(folder, name)
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def gazetteer_file(config: Config, gazetteer: Gazetteer | None) -> str | None:
    """The gazetteer data file a run reads (the given one's, else the bundled one), or None when off."""
    if not config.use_gazetteer:
        return None
    if gazetteer is not None:
        return str(gazetteer.path)
    from mtcheck.names import gazetteer as bundled

    return str(bundled.DEFAULT_PATH if bundled.DEFAULT_PATH.is_file() else bundled.PACKED_PATH)


def run_key(config: Config, gazetteer: Gazetteer | None = None) -> str:
    """The hash of everything but the file itself (and the model) that shapes a file's findings."""
    from mtcheck import version

    gazetteer_path = gazetteer_file(config, gazetteer)
    parts = {
        "config": config_key(config),
        "termbases": [_digest_or_absent(p) for p in config.termbases],
        "names_db": _digest_or_absent(config.names_db),
        "gazetteer": _digest_or_absent(gazetteer_path),
        "mtcheck": version.__version__,
        "code": code_fingerprint(),
        "libraries": library_versions((*LIBRARIES, *(MODEL_LIBRARIES if config.model.enabled else ()))),
        "codec": _codec_format(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def _codec_format() -> int:
    from mtcheck.execute import codec

    return codec.FORMAT


def model_state(
    pairs: Iterable[tuple[str, str]], config: Config, translator: Translator | None = None
) -> dict[str, Any]:
    """What back-translation would use for these (source, target) pairs: {} when it is off.

    A translator given by the caller is known by its signature; otherwise each direction
    (target → source, and source → target for the round trip) is resolved to its models
    as the translator would, without loading them: an installed, replaced or removed
    model changes this.
    """
    if translator is not None:
        return {"translator": dict(translator.signature)}
    if not config.model.enabled:
        return {}
    from mtcheck.errors import MtcheckError
    from mtcheck.translators.models import resolve_route

    state: dict[str, Any] = {}
    for src, tgt in sorted(set(pairs)):
        for a, b in ((tgt, src), (src, tgt)):
            try:
                state[f"{a}>{b}"] = [step.signature() for step in resolve_route(a, b, config.model)]
            except MtcheckError as exc:
                state[f"{a}>{b}"] = f"unavailable: {exc}"
    return state


def pairs_of(result: FileResult) -> list[tuple[str, str]]:
    return sorted({(doc.source_lang, doc.target_lang) for doc in result.documents})


class ResultCache:
    """get/put of file results under :func:`run_key` plus each file's own content.

    ``hits`` and ``misses`` count lookups; ``note`` says why the cache was not used, if
    it could not be (the run goes on uncached).
    """

    def __init__(
        self, directory: Path, config: Config, *, gazetteer: Gazetteer | None = None,
        translator: Translator | None = None, busy_timeout_s: float = _BUSY_TIMEOUT_S,
    ) -> None:  # fmt: skip
        self.path = directory / FILENAME
        self.config = config
        self.translator = translator
        self.hits = 0
        self.misses = 0
        self.note: str | None = None
        self._run = run_key(config, gazetteer)
        self._db: sqlite3.Connection | None = None
        self._keys: dict[FileTask, bytes | None] = {}
        self._used: list[bytes] = []  # the keys of this run's hits
        try:
            self._db = open_cache_database(
                self.path,
                busy_timeout_s,
                "DROP TABLE IF EXISTS results",  # entries of mtcheck 0.x before packed results: never read
                # meta: JSON {"pairs": the documents' languages, "model": model_state(pairs), "crc": segments'}
                "CREATE TABLE IF NOT EXISTS entries (key BLOB PRIMARY KEY, slot BLOB NOT NULL, meta TEXT NOT NULL, "
                "result BLOB NOT NULL, segments BLOB NOT NULL, used INTEGER NOT NULL) WITHOUT ROWID",
                "CREATE INDEX IF NOT EXISTS entries_slot ON entries (slot)",
            )
        except (OSError, sqlite3.Error) as exc:
            self._fail("cannot be opened", exc)

    def _fail(self, what: str, exc: Exception) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        self.note = (
            f"result cache {self.path} {what} ({exc}): files checked without it (--cache-dir DIR to use another)"
        )

    def _slot(self, task: FileTask) -> bytes:
        # one file under one configuration: its older entries are dropped when a new one is stored
        return hashlib.sha256(f"{self._run}\0{task.path}\0{task.original}".encode()).digest()

    def key(self, task: FileTask) -> bytes | None:
        """The entry's key: the run's key, the file's path and bytes, and its original's.

        None for a task that is not cached: an input that is not a regular file within the
        size limit (the run refuses it; a FIFO must not be opened here, nor a disk image
        read). Hashed once a run: the result stored is filed under the bytes looked up.
        """
        if task not in self._keys:
            self._keys[task] = self._key(task)
        return self._keys[task]

    def _key(self, task: FileTask) -> bytes | None:
        from mtcheck.errors import InputError
        from mtcheck.read.files import require_regular

        limit = int(self.config.max_file_mb * 2**20)
        try:
            for path in (task.path, task.original):
                if path is not None:
                    require_regular(path, limit)
            files = f"{file_digest(task.path)}\0{file_digest(task.original) if task.original else None}"
        except (InputError, OSError):
            return None
        return hashlib.sha256(self._slot(task) + files.encode()).digest()

    def get(self, task: FileTask, strings: dict[str, str] | None = None) -> FileResult | None:
        """The stored result for ``task``, or None (no entry, the model changed, or unreadable).

        Its segments stay packed (:func:`~mtcheck.execute.codec.unpack`, with ``strings``).
        """
        result = self._get(task, strings) if self._db is not None else None
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def _get(self, task: FileTask, strings: dict[str, str] | None) -> FileResult | None:
        assert self._db is not None
        key = self.key(task)
        if key is None:
            return None
        try:
            row = self._db.execute("SELECT meta, result, segments FROM entries WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._fail("cannot be read", exc)
            return None
        if row is None:
            return None
        try:
            meta = json.loads(row[0])
            # the segments are decoded only if a report shows them: checked now, cheaply, so a
            # damaged entry is a miss rather than an error in the middle of writing a report
            if meta["crc"] != zlib.crc32(row[2]):
                return None
            result = unpack(Packed(row[1], row[2]), strings)
            pairs = [(str(a), str(b)) for a, b in meta["pairs"]]
        except (ValueError, KeyError, TypeError, IndexError, zlib.error):
            return None  # unreadable: checked again, and the new result replaces it
        if model_state(pairs, self.config, self.translator) != meta["model"]:
            return None
        self._used.append(key)
        return result

    def put(self, task: FileTask, result: FileResult, packed: Packed | None = None) -> None:
        self.put_many([(task, result, packed or pack(result))])

    def put_many(self, entries: Sequence[tuple[FileTask, FileResult, Packed]]) -> None:
        """Store each result, packed (one transaction), dropping the file's older entries."""
        if self._db is None or not entries:
            return
        rows = []
        for task, result, packed in entries:
            key = self.key(task)
            if key is None:
                continue
            pairs = pairs_of(result)
            state = model_state(pairs, self.config, self.translator)
            meta = json.dumps({"pairs": pairs, "model": state, "crc": zlib.crc32(packed.segments)}, sort_keys=True)
            rows.append((key, self._slot(task), meta, packed.result, packed.segments, _today()))
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany("DELETE FROM entries WHERE slot = ?", [(row[1],) for row in rows])
                self._db.executemany(
                    "INSERT OR REPLACE INTO entries (key, slot, meta, result, segments, used) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    rows,
                )
        except sqlite3.Error as exc:
            self._fail("cannot be written", exc)

    def close(self) -> None:
        """Mark this run's hits as used today, drop entries unused for :data:`KEEP_DAYS`, and close."""
        if self._db is None:
            return
        today = _today()
        try:
            with self._db:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    "UPDATE entries SET used = ? WHERE key = ? AND used < ?", [(today, k, today) for k in self._used]
                )
                # configurations and file versions no longer checked (an old release, a deleted branch)
                self._db.execute("DELETE FROM entries WHERE used < ?", (today - KEEP_DAYS,))
        except sqlite3.Error as exc:
            self._fail("cannot be written", exc)
        if self._db is not None:
            self._db.close()
            self._db = None


def _today() -> int:
    return int(time.time() // 86400)
