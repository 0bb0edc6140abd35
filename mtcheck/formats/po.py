"""Gettext PO catalogues: gettext's own layout line by line (:mod:`mtcheck.formats.po_lines`),
anything else, and every header, through translate-toolkit (GPL-3.0-or-later, like mtcheck).

One segment per translation; a plural unit gives one segment per ``msgstr[i]`` whose
``flags`` hold ``plural`` and whose id ends in ``[i]``. Locations point at the
``msgstr`` line, which is what a CI annotation should underline.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from mtcheck.errors import InputError
from mtcheck.formats.base import Languages
from mtcheck.formats.langs import language_from_filename, tidy_language
from mtcheck.formats.po_lines import Unit, read_lines
from mtcheck.formats.toolkit import storage
from mtcheck.read.textio import read_bytes
from mtcheck.registry import READERS
from mtcheck.runtime import gc_paused
from mtcheck.types import Document, Location, Segment

# The toolkit's pure-Python parser keeps no line numbers, so the msgid/msgstr keyword
# lines are found in the raw text; entries come in the same order in both.
_KEYWORD = re.compile(rb'^(msgid|msgstr(?:\[\d+\])?) (""\r?\n")?', re.MULTILINE)


def _keyword_lines(raw: bytes) -> list[list[tuple[int, int]]]:
    """For each live entry in file order, (line, column) where each msgstr's text starts.

    The column is that of the first character inside the quotes, so a finding's span
    offset lands near the right character (exactly, when no escapes come before it);
    a wrapped ``msgstr ""`` starts on the next line.
    """
    entries: list[list[tuple[int, int]]] = []
    line = 1
    last = 0
    for match in _KEYWORD.finditer(raw):
        line += raw.count(b"\n", last, match.start())
        last = match.start()
        if match.group(1) == b"msgid":
            entries.append([])
        elif entries:
            wrapped = match.group(2) is not None
            column = 2 if wrapped else len(match.group(1)) + 3
            entries[-1].append((line + 1 if wrapped else line, column))
    return entries


_PLURAL_EXPRESSION = re.compile(r"plural\s*=\s*([^;]+)")


@functools.lru_cache(maxsize=64)  # a project's catalogues share a few headers; the answer is a value
def exact_plural_forms(plural_forms: str) -> frozenset[int] | None:
    """Indexes of the plural forms that serve exactly one number (Arabic "zero", "one", "two").

    Such a form may spell its number out instead of showing the count; a form that
    serves many numbers (Russian form 0: 1, 21, 31…) must show it. ``None`` when the
    header has no usable ``plural=`` expression. The C expression is evaluated by the
    standard library's ``gettext.c2py``, which accepts only gettext's expression grammar.
    """
    import gettext
    from collections import Counter

    match = _PLURAL_EXPRESSION.search(plural_forms)
    if not match:
        return None
    try:
        rule = gettext.c2py(match.group(1).strip())
        counts = Counter(rule(n) for n in range(1000))
    except (ValueError, SyntaxError, ZeroDivisionError, RecursionError):
        return None
    return frozenset(form for form, count in counts.items() if count == 1)


def _flags(unit: Unit) -> frozenset[str]:
    flags: set[str] = set()
    for comment in unit.typecomments:
        flags.update(f.strip() for f in comment.lstrip("#,").split(",") if f.strip())
    return frozenset(flags)


def _notes(unit: Unit) -> tuple[str, ...]:
    # the raw comment lists, not getnotes()/getlocations(), which re-join and re-split
    # them on every call: reading is most of a gate's run time
    notes = []
    for prefix, comments in (("#", unit.othercomments), ("#.", unit.automaticcomments)):
        if comments:
            notes.append("\n".join(c[len(prefix) :].strip() for c in comments))
    if unit.sourcecomments:
        notes.append("#: " + " ".join(c[2:].strip() for c in unit.sourcecomments))
    return tuple(notes)


class PoReader:
    name = "po"
    extensions: tuple[str, ...] = (".po",)

    def read(self, path: Path, languages: Languages) -> Sequence[Document]:
        pypo = storage("pypo")
        raw = read_bytes(path)
        with gc_paused():
            return self._read(pypo, raw, path, languages)

    def _read(self, pypo: Any, raw: bytes, path: Path, languages: Languages) -> Sequence[Document]:
        # gettext's own layout is read line by line (po_lines); anything else by translate-toolkit
        fast = read_lines(raw, pypo.unescape)
        try:
            if fast is not None:
                # the header alone through the toolkit: its language and plural rules, as it reads them
                store = pypo.pofile(fast.header_text.encode("utf-8"))
                units = fast.units
                places = None  # each unit knows where its msgstr lines are
            else:
                store = pypo.pofile(raw)
                units = [_unit(u) for u in store.units if not u.obsolete]
                places = _keyword_lines(raw)
        except Exception as exc:  # noqa: BLE001 - the toolkit raises bare ValueError/Exception on bad PO
            raise InputError(f"{path}: not a valid PO file ({exc})") from None
        header_lang = store.gettargetlanguage() or ""
        target = tidy_language(header_lang) or languages.target or language_from_filename(path)
        # a local, not an attribute: one reader serves every thread of a service
        exact = exact_plural_forms(store.parseheader().get("Plural-Forms", ""))
        # units and their store point at each other; emptying the list frees them by
        # reference counting, without waiting for the (paused) cycle collector
        store.units = []
        segments: list[Segment] = []
        # one object per distinct set of flags: most units share a few ({"c-format"}); one frozenset
        # for each unit took 20 MiB over 100,000 units (keyed by the flags and by their comments)
        shared: dict[frozenset[str] | tuple[str, ...], frozenset[str]] = {}
        name = str(path)
        # a NUL in a message read as UTF-8 is a zero byte of the file: with none, not looked for in each
        nul = fast is None or b"\x00" in raw
        for live, unit in enumerate(units):
            if live == 0 and unit.header:
                continue
            here = places[live] if places is not None and live < len(places) else []
            msgstr_lines = unit.msgstr_at if places is None else here
            for seg in self._segments(unit, name, msgstr_lines, exact, shared):
                if nul and ("\x00" in seg.target or "\x00" in (seg.source or "")):
                    # as in the text reader: a NUL is no text, and must never reach a terminal raw
                    raise InputError(f"{path}:{seg.location.line}: contains a NUL character in a message")
                segments.append(seg)
        return [
            Document(
                path=str(path),
                source_lang=languages.source or "en",  # gettext msgids are English by convention
                target_lang=target or "",
                segments=tuple(segments),
                format=self.name,
            )
        ]

    def _segments(
        self,
        unit: Unit,
        path: str,
        msgstr_lines: Sequence[tuple[int, int]],
        exact: frozenset[int] | None,
        shared: dict[frozenset[str] | tuple[str, ...], frozenset[str]],
    ) -> list[Segment]:
        context = unit.context or None
        first_source = unit.source
        unit_id = f"{context} | {first_source}" if context else first_source  # = getid(), readable
        flags = shared.get(unit.typecomments)  # units repeat their flag comments ("#, c-format"): parsed once
        if flags is None:
            made = _flags(unit) if unit.typecomments else frozenset()
            flags = shared[unit.typecomments] = shared.setdefault(made, made)
        notes = _notes(unit) if unit.othercomments or unit.automaticcomments or unit.sourcecomments else ()
        line, column = msgstr_lines[0] if msgstr_lines else (1, 1)
        if unit.source_plural is None:
            return [
                Segment(unit_id, unit.targets[0] if unit.targets else "", first_source,
                        Location(path, line, column, unit_id), 0, flags, notes, context)
            ]  # fmt: skip
        sources = [first_source, unit.source_plural]
        # the toolkit's multistring is false when its first form is empty: then one empty form
        targets = list(unit.targets) if unit.targets and unit.targets[0] else [""]
        plural_flags = frozenset(flags | {"plural"} | ({"plural-rules"} if exact is not None else set()))
        out = []
        for i, target in enumerate(targets):
            form_flags = plural_flags | {"plural-exact"} if exact and i in exact else plural_flags
            form_flags = shared.setdefault(form_flags, form_flags)
            source = sources[0] if i == 0 and len(targets) > 1 else sources[-1]
            form_line, form_column = msgstr_lines[i] if i < len(msgstr_lines) else (line, column)
            out.append(
                Segment(f"{unit_id}[{i}]", target, source, Location(path, form_line, form_column, unit_id), 0,
                        form_flags, notes, context)
            )  # fmt: skip
        return out


def _unit(unit: Any) -> Unit:
    """A toolkit unit as :class:`~mtcheck.formats.po_lines.Unit` (each property read once: each unquotes again)."""
    source_value = unit.source
    target_value = unit.target
    if unit.hasplural():
        strings = [str(s) for s in source_value.strings]
        source, plural = strings[0], strings[-1]
        targets = tuple(str(t) for t in target_value.strings) if target_value else ("",)
    else:
        source, plural = str(source_value), None
        targets = (str(target_value or ""),)
    return Unit(
        unit.getcontext(),
        source,
        plural,
        targets,
        tuple(unit.typecomments),
        tuple(unit.othercomments),
        tuple(unit.automaticcomments),
        tuple(unit.sourcecomments),
        unit.isheader(),
        (),  # the reader finds the lines in the raw text (_keyword_lines)
    )


READERS.add(PoReader.name, PoReader())
