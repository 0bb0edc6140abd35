"""Plain text and Markdown: one segment per sentence, with exact offsets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mtcheck.formats.base import Languages
from mtcheck.read.segment import split_sentences
from mtcheck.read.textio import read_text
from mtcheck.registry import READERS
from mtcheck.types import Document, Location, Segment

# Markdown block markers that are layout, not text: kept in the file, left out of spans.
_MARKDOWN_PREFIXES = ("#", ">", "- ", "* ", "+ ")


def sentences(text: str, lang: str, path: str | None, prefix: str = "s") -> tuple[Segment, ...]:
    """Split ``text`` into sentence segments whose offsets point into ``text``."""
    segments = []
    # Walk forward once: locating each sentence from the top of the file is quadratic.
    line, line_start, scanned = 1, 0, 0
    for number, (start, end) in enumerate(split_sentences(text, lang or "en"), 1):
        newlines = text.count("\n", scanned, start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", scanned, start) + 1
        scanned = start
        segments.append(
            Segment(
                id=f"{prefix}{number}",
                target=text[start:end],
                source=None,
                location=Location(path, line, start - line_start + 1),
                offset=start,
            )
        )
    return tuple(segments)


def _blank_markdown_layout(text: str) -> str:
    """Replace code blocks and block markers with spaces so offsets stay exact."""
    lines = text.split("\n")
    fenced = False
    for i, line in enumerate(lines):
        stripped = line.lstrip()
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            lines[i] = " " * len(line)
        elif fenced:
            lines[i] = " " * len(line)
        else:
            indent = len(line) - len(stripped)
            while stripped.startswith(_MARKDOWN_PREFIXES):
                marker = len(stripped) - len(stripped.lstrip("#>-*+ "))
                stripped = stripped[marker:]
            lines[i] = " " * (len(line) - len(stripped) - indent) + " " * indent + stripped
    return "\n".join(lines)


class TextReader:
    name = "text"
    extensions: tuple[str, ...] = (".txt", ".text", "")

    def read(self, path: Path, languages: Languages) -> Sequence[Document]:
        text = read_text(path)
        return [self.document(text, str(path), languages)]

    def document(self, text: str, path: str | None, languages: Languages) -> Document:
        return Document(
            path=path,
            source_lang=languages.source or "",
            target_lang=languages.target or "",
            segments=sentences(self.prepare(text), languages.target or "", path),
            format=self.name,
        )

    def prepare(self, text: str) -> str:
        return text


class MarkdownReader(TextReader):
    name = "markdown"
    extensions: tuple[str, ...] = (".md", ".markdown")

    def prepare(self, text: str) -> str:
        return _blank_markdown_layout(text)


READERS.add(TextReader.name, TextReader())
READERS.add(MarkdownReader.name, MarkdownReader())
