"""Helpers for the localisation tests: build units and run one check on them."""

from __future__ import annotations

from typing import Any

from mtcheck.checks.base import CheckContext, Hit
from mtcheck.config import Config
from mtcheck.registry import CHECKS
from mtcheck.types import Document, Location, Segment


def unit(
    source: str, target: str, uid: str = "u", flags: frozenset[str] = frozenset(), unit_id: str | None = None,
    line: int = 1, path: str = "t.po", **kw: Any,
) -> Segment:  # fmt: skip
    return Segment(uid, target, source, Location(path, line, 1, unit_id or uid), flags=flags, **kw)


def doc(*segments: Segment, src: str = "en", tgt: str = "uk", path: str = "t.po") -> Document:
    return Document(path, src, tgt, tuple(segments), format="po")


def hits(check_id: str, document: Document, **ctx: Any) -> list[Hit]:
    context = CheckContext(document=document, config=ctx.pop("config", Config()), run_documents=(document,), **ctx)
    return list(CHECKS.get(check_id).run(context))


def run_hits(check_id: str, *documents: Document) -> list[Hit]:
    context = CheckContext(document=documents[0], config=Config(), run_documents=documents)
    return list(CHECKS.get(check_id).run(context))


def one(check_id: str, source: str, target: str, tgt: str = "uk", **kw: Any) -> list[Hit]:
    return hits(check_id, doc(unit(source, target, **kw), tgt=tgt))


def run_cli(args: list[str], capsys: Any) -> tuple[int, str, str]:
    """Run the command line in-process: (exit code, stdout, stderr)."""
    import pytest

    from mtcheck.cli import main

    with pytest.raises(SystemExit) as exc:
        main(args)
    captured = capsys.readouterr()
    return int(exc.value.code or 0), captured.out, captured.err


LEGACY_PO = """msgid ""
msgstr ""
"Language: uk\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

#, c-format
msgid "Open %s"
msgstr "Відкрити %d"

msgid "Delete the file"
msgstr "Видалити файл"

#, c-format
msgid "Saved %s"
msgstr "Збережено"
"""
