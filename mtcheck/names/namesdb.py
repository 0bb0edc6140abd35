"""Name knowledge from a desk's own published copy: which name forms it uses, how often.

``mtcheck names learn ARCHIVE... -o names.db`` reads approved copy (text files, or
directories of them), extracts its names with :func:`mtcheck.names.extract.extract` and
counts every form: the whole mention ("Rustem Umerov") and, for a name of several words,
each word ("Umerov"). The counts go into SQLite (stdlib ``sqlite3``)::

    files(hash, path, lang, mentions)        -- one row per learned file, by content hash
    forms(form, lang, key, count)            -- key: mtcheck.names.translit.key(form)

Learning is incremental: new copy adds to the counts, and a file whose content was
learned before (same SHA-256) is skipped, so re-running over a growing archive never
counts twice.

At check time (``--names-db PATH`` or ``names-db`` in mtcheck.toml) the database is read
once into an immutable :class:`NamesDB` (cached per path and modification time, safe to
share between threads) and answers :meth:`NamesDB.attested` ("Umerov": 40) and
:meth:`NamesDB.by_key` (the forms in use that sound alike).
"""

from __future__ import annotations

import functools
import hashlib
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mtcheck.errors import ConfigError, InputError
from mtcheck.names.extract import extract, is_cased
from mtcheck.names.translit import key
from mtcheck.read.languages import base_language

SCHEMA_VERSION = "1"
# Suffixes of the copy a directory is searched for; a file named on the command line is
# read whatever its name.
TEXT_SUFFIXES = (".txt", ".md", ".text")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    hash TEXT PRIMARY KEY, path TEXT NOT NULL, lang TEXT NOT NULL, mentions INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS forms(
    form TEXT NOT NULL, lang TEXT NOT NULL, key TEXT NOT NULL, count INTEGER NOT NULL,
    PRIMARY KEY(form, lang));
CREATE INDEX IF NOT EXISTS forms_by_key ON forms(lang, key);
"""


@dataclass(frozen=True)
class LearnResult:
    """What one ``learn`` run did."""

    learned: int  # files read and counted
    skipped: int  # files whose content the database had already learned
    mentions: int  # name mentions counted in the learned files
    forms: int  # distinct forms in the database afterwards


def count_forms(text: str, lang: str) -> tuple[Counter[str], int]:
    """Every name form of ``text`` with its count (each mention, and each capitalised word
    of a mention of several words), and the number of mentions."""
    counts: Counter[str] = Counter()
    if not is_cased(text):
        return counts, 0  # caseless scripts have no extractable names without a termbase
    mentions = extract(text, lang)
    for mention in mentions:
        counts[mention.text] += 1
        words = mention.text.split()
        if len(words) > 1:
            counts.update(w for w in words if w[:1].isupper())
    return counts, len(mentions)


def archive_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The files named, and the text files under the directories named, in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
        elif path.is_file():
            yield path
        else:
            raise InputError(f"{path}: no such file or directory")


def _connect(db_path: str | Path) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(db_path)
        connection.executescript(_SCHEMA)
        connection.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
    except sqlite3.Error as exc:
        raise ConfigError(f"{db_path}: not a names database ({exc})") from None
    return connection


def learn(
    db_path: str | Path,
    paths: Iterable[str | Path],
    lang: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> LearnResult:
    """Count the name forms of the copy in ``paths`` into the database at ``db_path``.

    ``lang`` is the copy's language (BCP-47); when None it is detected per file.
    """
    from mtcheck.read.languages import detect_language
    from mtcheck.read.textio import decode, read_bytes

    connection = _connect(db_path)
    learned = skipped = mentions = 0
    try:
        with connection:  # one transaction: an interrupted run leaves the database as it was
            known = {row[0] for row in connection.execute("SELECT hash FROM files")}
            totals: Counter[tuple[str, str]] = Counter()
            for path in archive_files(paths):
                data = read_bytes(path)
                digest = hashlib.sha256(data).hexdigest()
                if digest in known:
                    skipped += 1
                    continue
                text = decode(data, str(path))
                file_lang = base_language(lang or detect_language(text)[0])
                counts, found = count_forms(text, file_lang)
                totals.update({(form, file_lang): n for form, n in counts.items()})
                connection.execute("INSERT INTO files VALUES (?, ?, ?, ?)", (digest, str(path), file_lang, found))
                known.add(digest)
                learned += 1
                mentions += found
                if progress is not None and learned % 1000 == 0:
                    progress(f"{learned} files learned")
            connection.executemany(
                "INSERT INTO forms VALUES (?, ?, ?, ?) "
                "ON CONFLICT(form, lang) DO UPDATE SET count = count + excluded.count",
                ((form, form_lang, key(form), n) for (form, form_lang), n in totals.items()),
            )
        forms = connection.execute("SELECT COUNT(*) FROM forms").fetchone()[0]
    except sqlite3.Error as exc:
        raise ConfigError(f"{db_path}: cannot update the names database ({exc})") from None
    finally:
        connection.close()
    return LearnResult(learned, skipped, mentions, int(forms))


@dataclass(frozen=True)
class NamesDB:
    """A names database read into memory; immutable, so one instance serves every thread."""

    path: str
    fingerprint: str  # SHA-256 over the learned files' hashes: what the counts come from
    files: int
    counts: Mapping[tuple[str, str], int] = field(repr=False)  # (lang, casefolded form) → count
    spelled: Mapping[tuple[str, str], str] = field(repr=False)  # (lang, casefolded form) → form as written
    keys: Mapping[tuple[str, str], tuple[str, ...]] = field(repr=False)  # (lang, key) → forms, most used first

    def attested(self, form: str, lang: str | None = None) -> int:
        """How often the archive uses ``form`` (case-insensitive); any language when ``lang`` is None."""
        folded = form.casefold()
        if lang is not None:
            return self.counts.get((base_language(lang), folded), 0)
        return sum(n for (_lang, f), n in self.counts.items() if f == folded)

    def by_key(self, name_key: str, lang: str) -> list[tuple[str, int]]:
        """The forms in ``lang`` whose transliteration key is ``name_key``, with counts, most used first."""
        code = base_language(lang)
        forms = self.keys.get((code, name_key), ())
        return [(f, self.counts[(code, f.casefold())]) for f in forms]


def open_names_db(path: str | Path) -> NamesDB:
    """The database at ``path`` read into memory; ConfigError when it is missing or not one.

    Read once per path and modification time, so a run over many documents, or a service
    answering many requests, reads it once.
    """
    target = Path(path)
    try:
        stat = target.stat()
    except OSError as exc:
        raise ConfigError(f"names database {path}: {exc.strerror or exc}") from None
    if not target.is_file():
        raise ConfigError(f"names database {path}: not a file")
    return _load(str(target.resolve()), stat.st_mtime_ns, stat.st_size, str(path))


@functools.lru_cache(maxsize=8)
def _load(resolved: str, _mtime_ns: int, _size: int, shown: str) -> NamesDB:
    try:
        connection = sqlite3.connect(f"file:{resolved}?mode=ro", uri=True)
        try:
            schema = connection.execute("SELECT value FROM meta WHERE name = 'schema'").fetchone()
            rows = connection.execute("SELECT form, lang, key, count FROM forms").fetchall()
            hashes = sorted(row[0] for row in connection.execute("SELECT hash FROM files"))
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise ConfigError(
            f"names database {shown}: not a names database made by `mtcheck names learn` ({exc})"
        ) from None
    if schema is None or schema[0] != SCHEMA_VERSION:
        raise ConfigError(f"names database {shown}: unknown schema version; learn it again with `mtcheck names learn`")
    counts: dict[tuple[str, str], int] = {}
    spelled: dict[tuple[str, str], tuple[int, str, str]] = {}  # the most used spelling, its count and key
    for form, lang, form_key, count in rows:
        where = (lang, form.casefold())
        counts[where] = counts.get(where, 0) + count
        if where not in spelled or count > spelled[where][0]:
            spelled[where] = (count, form, form_key)
    by_key: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for where, (_n, form, form_key) in spelled.items():
        by_key.setdefault((where[0], form_key), []).append((counts[where], form))
    keys = {k: tuple(f for _n, f in sorted(v, key=lambda item: -item[0])) for k, v in by_key.items()}
    fingerprint = hashlib.sha256("\n".join(hashes).encode()).hexdigest()[:12]
    forms = {k: form for k, (_n, form, _key) in spelled.items()}
    return NamesDB(shown, fingerprint, len(hashes), counts, forms, keys)
