"""What the XML readers (XLIFF, TMX) share: element names, inline codes, and the entity guard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mtcheck.errors import InputError

# Codes whose content is native markup (XLIFF 1.2 and TMX), not translatable text.
NATIVE_CODES = frozenset({"bpt", "ept", "ph", "it", "x", "bx", "ex", "sc", "ec", "cp"})


def local_name(tag: object) -> str:
    """An element's name without its ``{namespace}``."""
    return str(tag).rsplit("}", 1)[-1]


def child(element: Any, name: str) -> Any:
    """The first child element called ``name`` (any namespace), or ``None``."""
    for node in element:
        if isinstance(node.tag, str) and local_name(node.tag) == name:
            return node
    return None


def children(element: Any, name: str) -> list[Any]:
    """Every child element called ``name`` (any namespace)."""
    return [node for node in element if isinstance(node.tag, str) and local_name(node.tag) == name]


def inline_text(element: Any) -> str:
    """Element text with inline codes written back as tags carrying only their id.

    The toolkit's ``unit.source`` drops empty codes such as ``<x/>``; a dropped code is
    exactly what the tag check must see, so the markup is rebuilt here. Codes holding
    native markup (``<bpt>&lt;b&gt;</bpt>``) become empty tags; wrappers of text
    (``<g>``, ``<pc>``, ``<mrk>``, ``<hi>``) keep their text.
    """
    parts = [element.text or ""]
    for node in element:
        if not isinstance(node.tag, str):  # comments, processing instructions
            parts.append(node.tail or "")
            continue
        name = local_name(node.tag)
        ident = node.get("id") or node.get("i") or node.get("x")
        attrs = f' id="{ident}"' if ident is not None else ""
        if name in NATIVE_CODES:
            parts.append(f"<{name}{attrs}/>")
        else:
            parts.append(f"<{name}{attrs}>{inline_text(node)}</{name}>")
        parts.append(node.tail or "")
    return "".join(parts)


def reject_entities(tree: Any, path: Path) -> None:
    """Refuse a document whose DTD declares entities, as defusedxml does by default.

    The toolkit's parser never expands them, so a "billion laughs" or ``SYSTEM`` entity is
    harmless but silently leaves its text out: the unit would be checked as empty. No
    localisation tool writes entity declarations; a file that has them is hostile or broken.
    """
    dtd = tree.docinfo.internalDTD
    names = [entity.name for entity in dtd.iterentities()] if dtd is not None else []
    if names:
        raise InputError(f"{path}: declares XML entities ({', '.join(names[:3])}); refusing it as unsafe")
