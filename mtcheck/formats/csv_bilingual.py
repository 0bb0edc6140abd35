"""Bilingual CSV/TSV tables: a source column and a target column, one unit a row.

Read with the standard ``csv`` module rather than translate-toolkit's ``csvl10n``, whose
fixed column layout (location, source, target) does not fit the spreadsheets teams
export. Columns are found by header name (``source``/``target``, ``msgid``/``msgstr``,
or two language codes such as ``en``/``uk``); without a header, two columns are
source and target and three are id, source, target.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.formats.base import Languages
from mtcheck.formats.langs import LOCALE, tidy_language
from mtcheck.read.textio import read_text
from mtcheck.registry import READERS
from mtcheck.types import Document, Location, Segment

_SOURCE = {"source", "msgid", "original", "src", "english"}
_TARGET = {"target", "msgstr", "translation", "tgt"}
_ID = {"id", "key", "location", "unit", "name", "string id"}
_CONTEXT = {"context", "msgctxt"}
_NOTES = {"note", "notes", "comment", "comments", "developer comment"}


def _columns(header: list[str]) -> dict[str, int] | None:
    """Role → column index when ``header`` is a header row, else ``None``."""
    names = [h.strip().lower() for h in header]
    roles: dict[str, int] = {}
    for i, name in enumerate(names):
        for role, words in (("source", _SOURCE), ("target", _TARGET), ("id", _ID), ("context", _CONTEXT),
                            ("notes", _NOTES)):  # fmt: skip
            if name in words and role not in roles:
                roles[role] = i
    if "source" not in roles or "target" not in roles:
        langs = [i for i, h in enumerate(header) if LOCALE.match(h.strip())]
        if len(langs) < 2:
            return None
        roles["source"], roles["target"] = langs[0], langs[1]
        roles["source_lang"], roles["target_lang"] = -1, -1
    return roles


class CsvReader:
    name = "csv"
    extensions: tuple[str, ...] = (".csv", ".tsv")

    def read(self, path: Path, languages: Languages) -> Sequence[Document]:
        text = read_text(path)
        if path.suffix.lower() == ".tsv":
            dialect: type[csv.Dialect] | csv.Dialect = csv.excel_tab
        else:
            try:
                dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
        # strict: a stray quote would otherwise swallow every later row into one cell, silently
        reader = csv.reader(io.StringIO(text), dialect, strict=True)
        try:
            rows = []
            start = 1
            for row in reader:
                rows.append((start, row))
                start = reader.line_num + 1
        except csv.Error as exc:
            raise InputError(f"{path}:{reader.line_num}: bad CSV ({exc})") from None
        if not rows:
            return [Document(str(path), languages.source or "", languages.target or "", (), format=self.name)]
        source_lang, target_lang = languages.source or "", languages.target or ""
        roles = _columns(rows[0][1])
        if roles is not None:
            if roles.pop("source_lang", None) is not None:
                roles.pop("target_lang", None)
                header = rows[0][1]
                source_lang = tidy_language(header[roles["source"]])
                target_lang = tidy_language(header[roles["target"]])
            rows = rows[1:]
        else:
            width = max(len(r) for _, r in rows)
            if width < 2:
                raise InputError(f"{path}: a bilingual table needs a source and a target column")
            roles = {"source": 0, "target": 1} if width == 2 else {"id": 0, "source": 1, "target": 2}

        def cell(row: list[str], role: str) -> str:
            i = roles.get(role)
            return row[i] if i is not None and i < len(row) else ""

        segments = []
        for line, row in rows:
            if not any(c.strip() for c in row):
                continue
            # A row number is no identity (it moves when rows are added), so the location's
            # unit id, which baselines fingerprint, is only an explicit id column.
            unit_id = cell(row, "id") or None
            notes = (cell(row, "notes"),) if cell(row, "notes") else ()
            segments.append(
                Segment(unit_id or f"row{line}", cell(row, "target"), cell(row, "source"),
                        Location(str(path), line, 1, unit_id),
                        notes=notes, context=cell(row, "context") or None)
            )  # fmt: skip
        return [Document(str(path), source_lang, target_lang, tuple(segments), format=self.name)]


READERS.add(CsvReader.name, CsvReader())
