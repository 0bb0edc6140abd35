"""The bundled gazetteer: known place names, their preferred forms and deprecated ones.

Built by ``tools/build_gazetteer.py`` from packages only (sources and licences in
``mtcheck/data/SOURCES.md``) into one SQLite file, shipped xz-compressed
(``gazetteer.sqlite.xz``) and unpacked once into the user cache directory
(``MTCHECK_CACHE_DIR`` or the platform's cache dir), named by the archive's hash so that a new
release never reads an old copy. It is opened read-only: nothing is loaded up front, each
lookup is an indexed query.
"""

from __future__ import annotations

import hashlib
import lzma
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mtcheck.errors import ConfigError
from mtcheck.read.languages import script_of

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
PACKED_PATH = DATA_DIR / "gazetteer.sqlite.xz"
# An uncompressed build beside the archive (tools/build_gazetteer.py --out ….sqlite) wins.
DEFAULT_PATH = DATA_DIR / "gazetteer.sqlite"
# One name is written with any of three apostrophes (Х'юстон, Х’юстон, Хʼюстон): one lookup
# key for all of them. Arabic hamzas stay: بأنه "that he" is not بانه, أمل "hope" not آمل.
_KEY_FOLD = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})
APOSTROPHES = ("'", "’", "ʼ")


def form_key(form: str) -> str:
    """The ``name.form`` key of a written form: case-folded, apostrophes unified."""
    return form.casefold().translate(_KEY_FOLD)


def _apostrophe_spellings(form: str) -> list[str]:
    """A form with an apostrophe in each of its spellings: the matcher compares them letter by letter."""
    if not any(a in form for a in APOSTROPHES):
        return [form]
    plain = form.replace("’", "'").replace("ʼ", "'")
    return list(dict.fromkeys([form, *(plain.replace("'", a) for a in APOSTROPHES)]))


def _cache_dir() -> Path:
    import platformdirs

    return Path(os.environ.get("MTCHECK_CACHE_DIR") or platformdirs.user_cache_dir("mtcheck"))


def unpacked(packed: Path = PACKED_PATH) -> Path:
    """The bundled database as a plain SQLite file in the cache, unpacking it on first use."""
    try:
        data = packed.read_bytes()
    except OSError as exc:
        raise ConfigError(
            f"gazetteer {packed}: {exc.strerror}; rebuild it with: python tools/build_gazetteer.py"
        ) from None
    target = _cache_dir() / f"gazetteer-{hashlib.sha256(data).hexdigest()[:16]}.sqlite"
    if target.is_file():
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename: a concurrent run never sees a half-written file.
        fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(lzma.decompress(data))
        Path(tmp).replace(target)
    except (OSError, lzma.LZMAError) as exc:
        raise ConfigError(f"gazetteer {packed} could not be unpacked into {target.parent}: {exc}") from None
    return target


@dataclass(frozen=True)
class Place:
    """One form of a place name and what the gazetteer knows about it."""

    form: str
    preferred: str
    status: str  # preferred, variant or deprecated
    kind: str
    country: str
    population: int
    source: str
    ambiguous: bool = False


@dataclass(frozen=True)
class Translation:
    """One place's allowed forms in a target language."""

    forms: tuple[str, ...]
    preferred: str | None
    country: str


class Gazetteer:
    """Read-only lookups in the bundled SQLite gazetteer."""

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise ConfigError(f"gazetteer {path} is missing; rebuild it with: python tools/build_gazetteer.py")
        try:
            self._db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        except sqlite3.Error as exc:
            raise ConfigError(f"gazetteer {path}: {exc}") from None
        self.path = path

    def meta(self) -> dict[str, str]:
        return dict(self._db.execute("SELECT key, value FROM meta").fetchall())

    def lookup(self, form: str, lang: str = "") -> list[Place]:
        """Entries written ``form`` (case-insensitive) usable in ``lang`` ('' = any)."""
        rows = self._db.execute(
            "SELECT n.display, e.name, n.status, e.kind, e.country, e.population, e.source, n.ambiguous, n.lang "
            "FROM name n JOIN entity e ON e.id = n.entity WHERE n.form = ?",
            (form_key(form),),
        ).fetchall()
        # A form of one place in two languages (Берлин: uk and ru) is two rows and one entry.
        return list(
            dict.fromkeys(
                Place(r[0], r[1], r[2], r[3], r[4], int(r[5] or 0), r[6], bool(r[7]))
                for r in rows
                if not lang or not r[8] or r[8] == lang or r[2] != "deprecated"
            )
        )

    def known(self, form: str) -> bool:
        return self._db.execute("SELECT 1 FROM name WHERE form = ? LIMIT 1", (form_key(form),)).fetchone() is not None

    def by_key(self, key: str) -> list[Place]:
        """Preferred Latin forms whose transliteration key is ``key``."""
        rows = self._db.execute(
            "SELECT e.name, e.name, e.kind, e.country, e.population, e.source "
            "FROM namekey k JOIN entity e ON e.id = k.entity WHERE k.key = ?",
            (key,),
        ).fetchall()
        return [Place(r[0], r[1], "preferred", r[2], r[3], int(r[4] or 0), r[5]) for r in rows]

    def translations(self, form: str, src: str, tgt: str) -> list[Translation]:
        """For every place written ``form`` in language ``src``: its non-deprecated forms in ``tgt``.

        A Latin-script target also accepts the place's primary name (the official
        romanisation, or GeoNames' English name).
        """
        entities = [
            r[0]
            for r in self._db.execute(
                "SELECT DISTINCT entity FROM name WHERE form = ? AND status != 'deprecated' AND lang IN ('', ?)",
                (form_key(form), src),
            )
        ]
        latin_target = script_of(tgt) == "Latn"
        found = []
        for entity in entities:
            rows = self._db.execute("SELECT display, lang, status FROM name WHERE entity = ?", (entity,)).fetchall()
            name, country = self._db.execute("SELECT name, country FROM entity WHERE id = ?", (entity,)).fetchone()
            forms = [
                spelling
                for d, lang, status in rows
                if status != "deprecated" and (lang == tgt or (latin_target and not lang))
                for spelling in _apostrophe_spellings(d)
            ]
            forms = list(dict.fromkeys(forms))
            preferred = next((d for d, lang, status in rows if lang == tgt and status == "preferred"), None)
            if latin_target:
                forms.append(name)
                preferred = preferred or name
            found.append(Translation(tuple(forms), preferred, country or ""))
        return found

    def deprecated_forms(self, lang: str) -> list[Place]:
        rows = self._db.execute(
            "SELECT n.display, e.name, e.kind, e.country, e.population, e.source, n.ambiguous "
            "FROM name n JOIN entity e ON e.id = n.entity WHERE n.status = 'deprecated' AND n.lang IN ('', ?)",
            (lang,),
        ).fetchall()
        return [Place(r[0], r[1], "deprecated", r[2], r[3], int(r[4] or 0), r[5], bool(r[6])) for r in rows]


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    if path is None:
        path = DEFAULT_PATH if DEFAULT_PATH.is_file() else unpacked()
    return Gazetteer(path)
