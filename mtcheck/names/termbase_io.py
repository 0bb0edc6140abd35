"""Read termbases: TBX (TBX-Basic / TBX 2008 ``martif`` and TBX v3 ``tbx``) and CSV/TSV glossaries.

TBX is parsed with defusedxml: no DTD, entity or external resource is ever resolved, so a
hostile file cannot expand entities ("billion laughs") or read local files.

CSV/TSV glossaries have a header row naming a language per column (``en``, ``uk``, ``ar``).
A column ``en:deprecated`` (or ``:forbidden``, ``:admitted``, ``:preferred``) holds terms with
that status; a plain language column holds preferred terms. Several terms in one cell are
separated by ``|``. Optional columns: ``id``, ``note``, ``pos`` (part of speech).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from mtcheck.errors import ConfigError, InputError
from mtcheck.names.termbase import ADMITTED, DEPRECATED, FORBIDDEN, PREFERRED, STATUSES, Concept, Term, Termbase

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def load_termbases(paths: Iterable[str | Path]) -> Termbase:
    """Read every termbase in ``paths`` (TBX, CSV or TSV by extension) into one Termbase."""
    merged = Termbase()
    for raw in paths:
        path = Path(raw)
        if not path.is_file():
            raise ConfigError(f"termbase {path} not found")
        suffix = path.suffix.lower()
        if suffix in (".tbx", ".xml"):
            merged = merged + read_tbx(path)
        elif suffix in (".csv", ".tsv", ".txt"):
            merged = merged + read_glossary(path)
        else:
            raise ConfigError(f"termbase {path}: unknown format {suffix!r} (use .tbx, .csv or .tsv)")
    return merged


def tbx_status(value: str) -> str:
    """Map a TBX administrativeStatus / normativeAuthorization value to our four statuses."""
    v = value.strip().lower()
    if "forbidden" in v:
        return FORBIDDEN
    if any(word in v for word in ("deprecated", "superseded", "notrecommended", "obsolete")):
        return DEPRECATED
    if any(word in v for word in ("preferred", "standardized", "legal", "regulated")):
        return PREFERRED
    return ADMITTED


def _local(tag: Any) -> str:
    return str(tag).rsplit("}", 1)[-1].split(":")[-1] if isinstance(tag, str) else ""


def read_tbx(path: Path) -> Termbase:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, parse

    try:
        root = parse(str(path), forbid_dtd=True).getroot()
    except (ParseError, DefusedXmlException) as exc:
        raise InputError(f"{path}: not a safe, well-formed TBX file ({exc})") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None
    concepts: list[Concept] = []
    for number, entry in enumerate(e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")):
        concept_id = entry.get("id") or f"{path.name}#{number + 1}"
        terms: list[Term] = []
        for lang_el in (e for e in entry.iter() if _local(e.tag) in ("langSet", "langSec")):
            lang = lang_el.get(_XML_LANG) or lang_el.get("lang") or ""
            for group in (e for e in lang_el.iter() if _local(e.tag) in ("tig", "ntig", "termSec")):
                terms.extend(_tbx_terms(group, lang))
        if terms:
            concepts.append(Concept(concept_id, tuple(terms), origin=f"{path.name} (entry {concept_id})"))
    if not concepts and _local(root.tag) not in ("martif", "tbx"):
        raise InputError(f"{path}: not a TBX file (root element <{_local(root.tag)}>)")
    return Termbase(tuple(concepts))


def _tbx_terms(group: Any, lang: str) -> list[Term]:
    text: str | None = None
    status, pos, note = ADMITTED, None, None
    for el in group.iter():
        name = _local(el.tag)
        kind = el.get("type") or name
        value = "".join(el.itertext()).strip()
        if name == "term":
            text = value
        elif kind in ("administrativeStatus", "normativeAuthorization"):
            status = tbx_status(value)
        elif kind == "partOfSpeech":
            pos = value or None
        elif name == "note" or kind == "usageNote":
            note = value or None
    return [Term(text, lang, status, pos, note)] if text and lang else []


def read_glossary(path: Path) -> Termbase:
    from mtcheck.read.textio import read_text

    text = read_text(path)
    delimiter = "\t" if path.suffix.lower() in (".tsv", ".txt") or "\t" in text.split("\n", 1)[0] else ","
    # strict, as the input CSV reader: an unterminated quote would otherwise swallow every
    # later row into one cell, silently; a cell over csv's field limit is an error too
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    numbered: list[tuple[int, list[str]]] = []
    try:
        start = 1
        for row in reader:
            numbered.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{path}:{reader.line_num}: bad CSV ({exc})") from None
    numbered = [(n, r) for n, r in numbered if any(cell.strip() for cell in r) and not r[0].startswith("#")]
    if not numbered:
        return Termbase()
    header = [h.strip() for h in numbered[0][1]]
    columns = _glossary_columns(path, header)
    concepts: list[Concept] = []
    for line_no, row in numbered[1:]:
        cells = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
        note = cells.get("note") or None
        pos = cells.get("pos") or cells.get("part_of_speech") or None
        terms = [
            Term(form.strip(), lang, status, pos, note)
            for name, (lang, status) in columns.items()
            for form in cells.get(name, "").split("|")
            if form.strip()
        ]
        if terms:
            concept_id = cells.get("id") or f"{path.name}:{line_no}"
            concepts.append(Concept(concept_id, tuple(terms), origin=f"{path.name}:{line_no}"))
    return Termbase(tuple(concepts))


def _glossary_columns(path: Path, header: Sequence[str]) -> dict[str, tuple[str, str]]:
    from mtcheck.read.languages import normalize_language

    columns: dict[str, tuple[str, str]] = {}
    for name in header:
        if name.lower() in ("id", "note", "pos", "part_of_speech", ""):
            continue
        lang, _, status = name.partition(":")
        status = status.strip().lower() or PREFERRED
        if status not in STATUSES:
            raise ConfigError(f"{path}: column {name!r}: status must be one of {', '.join(STATUSES)}")
        try:
            role = (normalize_language(lang.strip()), status)
        except ConfigError:
            raise ConfigError(f"{path}: column {name!r} is not a language code (e.g. en, uk, en:deprecated)") from None
        twin = next((other for other, seen in columns.items() if seen == role), None)
        if twin is not None or name in columns:
            raise ConfigError(
                f"{path}: column {name!r} repeats column {twin or name!r} (one column per language and status)"
            )
        columns[name] = role
    if not columns:
        raise ConfigError(f"{path}: the header row names no language column (e.g. en, uk, en:deprecated)")
    return columns
