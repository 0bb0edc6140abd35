"""TMX translation memories, parsed by translate-toolkit's safe lxml parser.

A TMX may hold several target languages; each becomes one document whose segments are
the ``<tu>``s that have both the source-language and that language's ``<tuv>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mtcheck.errors import InputError
from mtcheck.formats.base import Languages
from mtcheck.formats.langs import tidy_language
from mtcheck.formats.toolkit import storage
from mtcheck.formats.xmlparts import child, children, inline_text, reject_entities
from mtcheck.read.textio import read_bytes
from mtcheck.registry import READERS
from mtcheck.types import Document, Location, Segment

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _tuv_lang(tuv: Any) -> str:
    return tidy_language(tuv.get(_XML_LANG) or tuv.get("lang") or "")


class TmxReader:
    name = "tmx"
    extensions: tuple[str, ...] = (".tmx",)

    def read(self, path: Path, languages: Languages) -> Sequence[Document]:
        tmxfile = storage("tmx").tmxfile
        raw = read_bytes(path)
        try:
            store = tmxfile(raw)
        except Exception as exc:  # noqa: BLE001 - lxml and the toolkit raise many types on bad XML
            raise InputError(f"{path}: not a valid TMX file ({exc})") from None
        reject_entities(store.document, path)
        root = store.document.getroot()
        header = child(root, "header")
        source = tidy_language(header.get("srclang", "") if header is not None else "")
        if not source or source == "*all*":
            source = languages.source or ""
        docs: dict[str, list[Segment]] = {}
        for number, tu in enumerate(root.iter("{*}tu"), 1):
            tuvs = children(tu, "tuv")
            by_lang = {_tuv_lang(t): t for t in tuvs}
            src_tuv = by_lang.get(source) if source else (tuvs[0] if tuvs else None)
            if src_tuv is None:
                continue
            src_seg = child(src_tuv, "seg")
            unit_id = tu.get("tuid") or str(number)
            notes = tuple(n.text or "" for n in children(tu, "note"))
            for lang, tuv in by_lang.items():
                if tuv is src_tuv or (languages.target and lang != tidy_language(languages.target)):
                    continue
                seg = child(tuv, "seg")
                docs.setdefault(lang, []).append(
                    Segment(
                        unit_id,
                        inline_text(seg) if seg is not None else "",
                        inline_text(src_seg) if src_seg is not None else "",
                        Location(str(path), (seg if seg is not None else tuv).sourceline or 1, 1, unit_id),
                        notes=notes,
                    )
                )
        return [Document(str(path), source, lang, tuple(segs), format=self.name) for lang, segs in docs.items()]


READERS.add(TmxReader.name, TmxReader())
