"""wordfreq's Zipf frequency of a plain word, without loading wordfreq's tables.

Importing wordfreq and unpacking one language's list costs 0.2–0.5 s at every start,
more than the rest of a model-free check of an article. wordfreq stays the source of
truth: the first time a language is asked for, its list (as wordfreq reads it) is copied
into an SQLite table in the user cache, keyed by wordfreq's version and the language;
after that a plain word costs one indexed query.

Only what wordfreq would look up unchanged but for normalisation and case folding is
answered here: a word of letters only (no digits, apostrophes, hyphens or marks), in a
script whose letters one word-boundary rule joins (Latin, Cyrillic, Greek, Arabic), in a
language whose preprocessing is no more than that (not Turkish dotless i, Serbian
transliteration or Chinese segmentation). :func:`looked_up` returns ``None`` for the
rest, and the caller asks wordfreq itself. tests/test_frequency.py compares the two.
"""

from __future__ import annotations

import functools
import math
import os
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import regex

# bump when the table's layout or what it stores changes
_LAYOUT = 1
# Letters that Unicode's default word boundaries (UAX #29: ALetter × ALetter) keep in one
# token, which is how wordfreq's tokenizer splits a string of them: not at all.
_PLAIN = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Greek}\p{Arabic}]+")
_TATWEEL = "\u0640"  # a letter to str.isalpha(), but wordfreq strips it in Arabic


@dataclass(frozen=True)
class _Table:
    """One language's copy of wordfreq's list; ``db`` is None where wordfreq has no list."""

    db: sqlite3.Connection | None
    normal_form: Literal["NFC", "NFKC"]

    def zipf(self, token: str) -> float:
        if self.db is None:
            return 0.0
        row = self.db.execute("SELECT zipf FROM words WHERE token = ?", (token,)).fetchone()
        return float(row[0]) if row else 0.0


def looked_up(word: str, lang: str) -> float | None:
    """wordfreq's ``zipf_frequency(word, lang)`` for a plain word, else None (ask wordfreq)."""
    table = _table(lang)
    if table is None:
        return None
    text = unicodedata.normalize(table.normal_form, word)
    if not _plain(text):
        return None
    # wordfreq: normalise, case-fold, NFC again, one token, stripped of "'" and case-folded again
    token = unicodedata.normalize("NFC", text.casefold())
    if token != token.casefold() or not _plain(token):
        return None
    return table.zipf(token)


def _plain(text: str) -> bool:
    return text.isalpha() and _TATWEEL not in text and _PLAIN.fullmatch(text) is not None


@functools.cache
def _table(lang: str) -> _Table | None:
    """The language's table, built on first use; None where the fast path cannot serve it."""
    import platformdirs

    folder = Path(os.environ.get("MTCHECK_CACHE_DIR") or platformdirs.user_cache_dir("mtcheck"))
    safe = "".join(c if c.isalnum() else "_" for c in lang)
    path = folder / f"wordfreq-{wordfreq_version()}-{safe}-{_LAYOUT}.sqlite"
    if not path.is_file():
        try:
            _build(path, lang)
        except (OSError, sqlite3.Error):
            return None  # a read-only or full cache: wordfreq answers every word
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.Error:
        return None
    if meta.get("fast") != "1":
        db.close()
        return None
    form: Literal["NFC", "NFKC"] = "NFKC" if meta.get("normal_form") == "NFKC" else "NFC"
    if meta.get("listed") != "1":
        db.close()
        return _Table(None, form)
    return _Table(db, form)


def _build(path: Path, lang: str) -> None:
    """Copy wordfreq's list for ``lang`` into ``path`` (written beside it, then renamed)."""
    import wordfreq
    from wordfreq.language_info import get_language_info

    meta = {"wordfreq": wordfreq_version(), "lang": lang}
    rows: list[tuple[str, float]] = []
    try:
        info: dict[str, Any] = get_language_info(lang)
        pack = wordfreq.get_frequency_list(lang)
        meta["listed"] = "1"
    except (LookupError, ValueError):
        info, pack = {}, []
        meta["listed"] = "0"
    meta["normal_form"] = str(info.get("normal_form", "NFC"))
    simple = (
        info.get("tokenizer") == "regex"
        and info.get("normal_form") in ("NFC", "NFKC")
        and not info.get("dotless_i")
        and info.get("diacritics_under") is None
        and info.get("transliteration") is None
        and info.get("lookup_transliteration") is None
    )
    # a language wordfreq has no list for answers 0.0 for every word, as wordfreq does
    meta["fast"] = "1" if simple or meta["listed"] == "0" else "0"
    if simple:
        for index, bucket in enumerate(pack):
            value = _bucket_zipf(index)
            rows.extend((token, value) for token in bucket)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        with db:
            db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
            db.execute("CREATE TABLE words (token TEXT PRIMARY KEY, zipf REAL) WITHOUT ROWID")
            db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            # a token listed in two buckets keeps the later one, as wordfreq's dict does
            db.executemany("INSERT OR REPLACE INTO words VALUES (?, ?)", rows)
        db.close()
        Path(tmp).replace(path)  # a concurrent run never sees a half-written table
    finally:
        Path(tmp).unlink(missing_ok=True)


def _bucket_zipf(index: int) -> float:
    """The Zipf value wordfreq gives a one-token word of bucket ``index`` (``-index`` centibels).

    The same arithmetic, in the same order, as wordfreq's ``_word_frequency`` and
    ``zipf_frequency`` with ``minimum=0``, so the floats round alike.
    """
    freq = 10 ** (-index / 100)  # cB_to_freq
    one_over_result = 0.0
    one_over_result += 1.0 / freq
    freq = 1.0 / one_over_result
    unrounded = max(freq, 10**0.0 / 1e9)  # zipf_to_freq(minimum=0)
    if unrounded == 0.0:
        return 0.0
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    rounded = round(unrounded, leading_zeroes + 3)
    return round(math.log(rounded, 10) + 9, 2)  # freq_to_zipf


def wordfreq_version() -> str:
    from importlib.metadata import version

    return version("wordfreq")
