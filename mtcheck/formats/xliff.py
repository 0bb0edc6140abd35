"""XLIFF 1.2 and 2.x, read through translate-toolkit (its lxml parser resolves no entities).

Inline codes (``<g>``, ``<x/>``, ``<ph/>``, ``<pc>``…) are kept in segment text as XML
tags, so the tag check can compare them; every ``<file>`` keeps its languages, and its
``original``/``id`` prefixes the unit id because unit ids repeat across files.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mtcheck.errors import InputError
from mtcheck.formats.base import Languages
from mtcheck.formats.langs import tidy_language
from mtcheck.formats.toolkit import storage
from mtcheck.formats.xmlparts import child, children, inline_text, local_name, reject_entities
from mtcheck.read.textio import read_bytes
from mtcheck.registry import READERS
from mtcheck.types import Document, Location, Segment

XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2"


def _needs_review(target: Any) -> bool:
    # The toolkit calls every 1.2 unit without approved="yes" fuzzy, which would make most
    # real files (Xcode exports carry no approval) entirely fuzzy; the state attributes
    # are what translators and tools actually set.
    if target is None:
        return False
    state = str(target.get("state", ""))
    return state.startswith("needs-review") or target.get("state-qualifier") == "fuzzy-match"


def _file_element(element: Any) -> Any:
    node = element
    while node is not None and local_name(node.tag) != "file":
        node = node.getparent()
    return node


class XliffReader:
    name = "xliff"
    extensions: tuple[str, ...] = (".xliff", ".xlf")

    def read(self, path: Path, languages: Languages) -> Sequence[Document]:
        raw = read_bytes(path)
        version2 = XLIFF2_NS.encode() in raw[:4096]
        storage("xliff")  # a missing toolkit is an install problem, not a bad file
        try:
            if version2:
                store: Any = storage("xliff2").Xliff2File(raw)
            else:
                store = storage("xliff").xlifffile(raw)
        except Exception as exc:  # noqa: BLE001 - lxml and the toolkit raise many types on bad XML
            raise InputError(f"{path}: not a valid XLIFF file ({exc})") from None
        reject_entities(store.document, path)
        root = store.document.getroot()
        groups: dict[tuple[str, str], list[Segment]] = {}
        for unit in store.units:
            if unit.isheader():
                continue
            element = unit.xmlelement
            file_el = _file_element(element)
            if version2:
                src = tidy_language(root.get("srcLang") or "")
                tgt = tidy_language(root.get("trgLang") or "")
                file_name = file_el.get("id", "") if file_el is not None else ""
            else:
                src = tidy_language(file_el.get("source-language", "") if file_el is not None else "")
                tgt = tidy_language(file_el.get("target-language", "") if file_el is not None else "")
                file_name = file_el.get("original", "") if file_el is not None else ""
            key = (src or languages.source or "", tgt or languages.target or "")
            groups.setdefault(key, []).append(self._segment(unit, element, str(path), file_name, version2))
        return [
            Document(path=str(path), source_lang=src, target_lang=tgt, segments=tuple(segs), format=self.name)
            for (src, tgt), segs in groups.items()
        ]

    def _segment(self, unit: Any, element: Any, path: str, file_name: str, version2: bool) -> Segment:
        source_el = child(element, "source")
        target_el = child(element, "target")
        source = inline_text(source_el) if source_el is not None else ""
        target = inline_text(target_el) if target_el is not None else ""
        ident = str(unit.getid() or "").rsplit("\x04", 1)[-1]
        unit_id = f"{file_name}#{ident}" if file_name else ident
        line = (target_el if target_el is not None else element).sourceline or 1
        notes: list[str] = []
        if version2:
            notes_el = child(unit.getunitelement(), "notes")
            if notes_el is not None:
                notes = [n.text or "" for n in children(notes_el, "note")]
        else:
            text = unit.getnotes()
            notes = [text] if text else []
        fuzzy = unit.isfuzzy() if version2 else _needs_review(target_el)
        flags = frozenset({"fuzzy"}) if fuzzy and target else frozenset()
        return Segment(unit_id, target, source, Location(path, line, 1, unit_id), 0, flags, tuple(notes))


READERS.add(XliffReader.name, XliffReader())
