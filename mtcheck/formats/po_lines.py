"""A strict reading of well-formed UTF-8 PO catalogues, line by line; ``None`` for anything else.

Written by hand because translate-toolkit's parser builds a unit object with a dozen
lists and a state per entry and unquotes each field again on every access: on all of
debian-po it was half of a cold gate run's reading time. This reads only the layout
gettext itself writes (``msgfmt``/``msgmerge``: comments, then ``msgctxt``, ``msgid``,
``msgid_plural``, ``msgstr``/``msgstr[N]``, each with continuation lines, and obsolete
``#~`` entries), and gives up on any other line, where :mod:`mtcheck.formats.po` asks
translate-toolkit instead: other charsets, carriage returns, KDE ``_:`` comments,
indented keywords, a keyword out of order. What it returns is what the toolkit's units
hold (tests/test_formats_po.py compares the two on generated catalogues); strings are
unquoted with the toolkit's own ``unescape``. A catalogue in exactly msgmerge's layout is
read an entry at a time by one regular expression (:data:`_ENTRY`), to the same units.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

_BOM = "\ufeff"
_UTF8 = frozenset({"utf-8", "UTF-8", "utf8", "UTF8", "CHARSET"})


class Unit(NamedTuple):
    """One live entry, as translate-toolkit's ``pounit`` would give it (a tuple: made 100,000 times a run)."""

    context: str
    source: str
    source_plural: str | None  # msgid_plural; None for a unit without plural forms
    targets: tuple[str, ...]  # one msgstr, or the msgstr[N] in the order they first appear
    typecomments: tuple[str, ...]
    othercomments: tuple[str, ...]
    automaticcomments: tuple[str, ...]
    sourcecomments: tuple[str, ...]
    header: bool  # the toolkit's isheader()
    msgstr_at: tuple[
        tuple[int, int], ...
    ]  # (line, column) where each msgstr's text starts, as po._keyword_lines finds it


@dataclass(frozen=True)
class Catalogue:
    units: list[Unit]  # live units in file order
    header_text: str  # the first entry's lines, for the toolkit's header parsing ("" when none)


class _OutsideLayoutError(Exception):
    """A line outside the layout this reader knows: the toolkit reads the file."""


def read_lines(raw: bytes, unescape: Callable[[str], str]) -> Catalogue | None:
    """The live units of ``raw``, or None when the toolkit must read it."""
    if b"\r" in raw:
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text.startswith(_BOM):
        return None  # po._keyword_lines would not see the header's msgid behind it: keep what it does
    try:
        entries = _entries(text, unescape)
    except _OutsideLayoutError:
        entries = None  # the line reader decides
    if entries is not None:
        return entries
    raw_lines = text.split("\n")
    # the toolkit skips blank lines wherever they stand; so does this reader, once, keeping line numbers
    numbers = [n for n, line in enumerate(raw_lines, 1) if line and not line.isspace()]
    lines = [raw_lines[n - 1] for n in numbers]
    try:
        return _parse(lines, numbers, raw_lines, unescape)
    except _OutsideLayoutError:
        return None


# One entry exactly as msgmerge lays it out: comments (no obsolete "#~" line), then an optional
# msgctxt, msgid, and a msgstr or msgid_plural with its msgstr[N]; a keyword, one space and the
# string on one line, each continuation line a string from its first column, every line ending
# with its closing quote, and only empty lines after the entry. A catalogue made of such entries
# alone (every one of debian-po's) is read an entry a match instead of a Python step a line,
# in a third of the time; what these entries give is what _parse gives them (the line reader
# reads anything else: tests/test_po_lines.py reads every generated catalogue both ways).
_MORE = r'(?:"[^\n]*"\n)*'  # continuation lines: each string with its quotes
_ENTRY = re.compile(
    rf"""
    ((?:\#(?!~)[^\n]*\n)*)                          # 1: comments
    (?:msgctxt[ ]"([^\n]*)"\n({_MORE}))?            # 2, 3: context, its continuation lines
    msgid[ ]"([^\n]*)"\n({_MORE})                   # 4, 5: msgid
    (?:msgstr[ ]"([^\n]*)"\n({_MORE})               # 6, 7: msgstr
      |msgid_plural[ ]"([^\n]*)"\n({_MORE})         # 8, 9: msgid_plural
       ((?:msgstr\[[0-9]+\][ ]"[^\n]*"\n{_MORE})+)) # 10: its msgstr[N] lines
    \n*                                            # empty lines after the entry
    """,
    re.VERBOSE,
)
_FORM = re.compile(rf'msgstr\[([0-9]+)\] "([^\n]*)"\n({_MORE})')


def _entries(text: str, unescape: Callable[[str], str]) -> Catalogue | None:
    """The live units of ``text`` when it holds only entries :data:`_ENTRY` matches, else None."""
    if text and not text.endswith("\n"):
        return None
    pos = len(text) - len(text.lstrip("\n"))  # empty lines before the first entry
    line = pos + 1
    units: list[Unit] = []
    header_text = ""
    end = len(text)
    while pos < end:
        m = _ENTRY.match(text, pos)
        if m is None:
            return None
        comments, context, context_more, msgid, msgid_more, msgstr, msgstr_more, plural, plural_more, forms = m.groups()
        if msgid.startswith("_:") or (msgid_more and ('\n"_:' in msgid_more or msgid_more.startswith('"_:'))):
            return None  # KDE-style msgid comments: the line reader says what to do
        typec, other, auto, refs = _comment_kinds(comments) if comments else ((), (), (), ())
        if plural is None:
            targets: tuple[str, ...] = (_joined(msgstr, msgstr_more, unescape),)
            at = line + text.count("\n", pos, m.start(6))
            places: tuple[tuple[int, int], ...] = ((at + 1, 2) if not msgstr and msgstr_more else (at, 9),)
            translated = bool(msgstr or msgstr_more)  # not _is_null
        else:
            if plural.startswith("_:") or (plural_more and ('\n"_:' in plural_more or plural_more.startswith('"_:'))):
                return None
            if not msgid and not msgid_more:
                return None  # a plural header: the toolkit reads it its own way
            targets, places, translated = _forms(forms, line + text.count("\n", pos, m.start(10)), unescape)
        null_context = context is None or (not context and not context_more)
        if not units:
            if plural is None and _charset(targets[0]) not in _UTF8:
                return None  # another encoding: the toolkit decodes the file again with it
            header_text = m.group().rstrip("\n") + "\n"
        units.append(
            Unit(
                _joined(context, context_more, unescape) if context is not None else "",
                _joined(msgid, msgid_more, unescape),
                _joined(plural, plural_more, unescape) if plural is not None else None,
                targets,
                typec,
                other,
                auto,
                refs,
                not msgid and not msgid_more and translated and null_context,  # _parse's is_header
                places,
            )
        )
        line += text.count("\n", pos, m.end())
        pos = m.end()
    return Catalogue(units, header_text)


def _forms(
    forms: str, line: int, unescape: Callable[[str], str]
) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...], bool]:
    """The msgstr[N] lines starting at ``line``: each form's text (in the order their indexes
    first appear, a repeated index adding to its form), where each msgstr line's text starts,
    and whether the first form is no null string (_parse's forms, places and _is_null)."""
    by_index: dict[int, list[str]] = {}
    places = []
    for f in _FORM.finditer(forms):
        index, string, more = f.groups()
        at = line + forms.count("\n", 0, f.start())
        places.append((at + 1, 2) if not string and more else (at, len(index) + 11))
        by_index.setdefault(int(index), []).extend((string, more))
    pieces = list(by_index.values())
    first = pieces[0]
    translated = not (len(first) == 2 and not first[0] and not first[1])
    return tuple([_pieces_joined(p, unescape) for p in pieces]), tuple(places), translated


def _joined(first: str, more: str, unescape: Callable[[str], str]) -> str:
    """_unquote of a string: its first line's string and the text of its continuation lines."""
    if not more:
        return unescape(first) if "\\" in first else first
    pieces = [first, *[p[1:-1] for p in more[:-1].split("\n")]]
    joined = "".join(pieces)
    return "".join([unescape(p) for p in pieces]) if "\\" in joined else joined


def _pieces_joined(pieces: list[str], unescape: Callable[[str], str]) -> str:
    """_unquote of (first line's string, continuation lines) pairs, repeated for msgstr[N] given twice."""
    if len(pieces) == 2:
        return _joined(pieces[0], pieces[1], unescape)
    strings: list[str] = []
    for k in range(0, len(pieces), 2):
        strings.append(pieces[k])
        if pieces[k + 1]:
            strings.extend(p[1:-1] for p in pieces[k + 1][:-1].split("\n"))
    joined = "".join(strings)
    return "".join([unescape(p) for p in strings]) if "\\" in joined else joined


def _comment_kinds(
    comments: str,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """(typecomments, othercomments, automaticcomments, sourcecomments) of an entry's comment lines, as _parse
    sorts them; _OutsideLayoutError for a "#|" line the toolkit would fail on."""
    typec: list[str] = []
    other: list[str] = []
    auto: list[str] = []
    refs: list[str] = []
    for line in comments[:-1].split("\n"):
        _file_comment(line, typec, other, auto, refs)
    return tuple(typec), tuple(other), tuple(auto), tuple(refs)


def _file_comment(line: str, typec: list[str], other: list[str], auto: list[str], refs: list[str]) -> None:
    """Put one comment line with its kind, as translate-toolkit sorts them."""
    second = line[1:2]
    if second == ".":
        auto.append(line)
    elif second == ":":
        refs.append(line)
    elif second in (",", "="):
        typec.append("#," + line[2:])
    elif second == "|":
        _previous(line)
    else:
        other.append(line)


def _unquote(pieces: list[str], unescape: Callable[[str], str]) -> str:
    # pypo.unquotefrompo: each piece without its quotes, unescaped (only "\\." sequences change)
    joined = pieces[0][1:-1] if len(pieces) == 1 else "".join([p[1:-1] for p in pieces])
    if "\\" not in joined:
        return joined
    return "".join(unescape(p[1:-1]) for p in pieces)


def _quoted(line: str, start: int) -> str:
    """poparser.parse_quoted: from the first quote at ``start`` (after blanks) to the line's last quote."""
    left = line.find('"', start)
    if left != start and (left < 0 or not line[start:left].isspace()):
        raise _OutsideLayoutError
    right = line.rfind('"')
    if left == right:
        raise _OutsideLayoutError
    return line[left : right + 1]


def _is_null(pieces: list[str]) -> bool:
    return not pieces or (len(pieces) == 1 and pieces[0] == '""')


def _parse(lines: list[str], numbers: list[int], raw_lines: list[str], unescape: Callable[[str], str]) -> Catalogue:
    units: list[Unit] = []
    header_text = ""
    n = len(lines)
    i = 0
    first = True
    while True:
        # one entry: comments, then obsolete lines or the keywords
        start = i
        typec: list[str] = []
        other: list[str] = []
        auto: list[str] = []
        refs: list[str] = []
        while i < n:
            line = lines[i]
            if line[0] != "#":
                break
            second = line[1:2]
            if second == "~":
                break
            _file_comment(line, typec, other, auto, refs)
            i += 1
        if i >= n:
            if typec or other or auto or refs:
                raise _OutsideLayoutError  # comments with no entry: let the toolkit decide
            break
        line = lines[i]
        if line.startswith("#~"):
            if first:
                raise _OutsideLayoutError  # the toolkit's header is the first unit, obsolete or not
            i = _skip_obsolete(lines, i)
            continue
        context: list[str] = []
        if line.startswith("msgctxt"):
            i = _strings(lines, i, 7, context)
            line = lines[i] if i < n else ""
        msgid: list[str] = []
        if not line.startswith('msgid "'):
            raise _OutsideLayoutError  # also what po._keyword_lines counts entries by
        i = _strings(lines, i, 5, msgid)
        if any(p.startswith('"_:') for p in msgid):
            raise _OutsideLayoutError  # KDE-style msgid comments
        line = lines[i] if i < n else ""
        plural: list[str] | None = None
        targets: list[list[str]] = []
        places: list[tuple[int, int]] = []
        if line.startswith('msgstr "'):
            msgstr: list[str] = []
            places.append(_place(line, 6, numbers[i], raw_lines))
            i = _strings(lines, i, 6, msgstr)
            targets.append(msgstr)
        elif line.startswith("msgid_plural"):
            plural = []
            i = _strings(lines, i, 12, plural)
            if any(p.startswith('"_:') for p in plural):
                raise _OutsideLayoutError
            forms: dict[int, list[str]] = {}
            while i < n and lines[i].startswith("msgstr["):
                line = lines[i]
                close = line.find("]", 7)
                index = line[7:close]
                if close < 0 or not index.isdigit() or not index.isascii() or line[close + 1 : close + 3] != ' "':
                    raise _OutsideLayoutError
                places.append(_place(line, close + 1, numbers[i], raw_lines))
                piece: list[str] = []
                i = _strings(lines, i, close + 1, piece)
                forms.setdefault(int(index), []).extend(piece)
            if not forms:
                raise _OutsideLayoutError
            targets.extend(forms.values())
        else:
            raise _OutsideLayoutError  # "msgstr" with no space before its string, msgstr[N] without a plural…
        follower = lines[i] if i < n else ""
        if follower and not follower.startswith(("#", "msgctxt", "msgid")):
            raise _OutsideLayoutError  # a keyword out of order, an indented line…
        if follower.startswith("msgid_plural"):
            raise _OutsideLayoutError
        if plural is not None and _is_null(msgid):
            raise _OutsideLayoutError  # the toolkit's isheader() reads a plural entry its own way
        is_header = _is_null(msgid) and not _is_null(targets[0]) and _is_null(context)
        if first:
            if plural is None and _charset(_unquote(targets[0], unescape)) not in _UTF8:
                raise _OutsideLayoutError  # another encoding: the toolkit decodes the file again with it
            header_text = "\n".join(lines[start:i]) + "\n"
            first = False
        units.append(
            Unit(
                _unquote(context, unescape) if context else "",
                _unquote(msgid, unescape),
                _unquote(plural, unescape) if plural is not None else None,
                (_unquote(targets[0], unescape),)
                if len(targets) == 1
                else tuple([_unquote(t, unescape) for t in targets]),
                tuple(typec),
                tuple(other),
                tuple(auto),
                tuple(refs),
                is_header,
                tuple(places),
            )
        )
    return Catalogue(units, header_text)


def _place(line: str, keyword_end: int, number: int, raw_lines: list[str]) -> tuple[int, int]:
    """Where a msgstr's text starts, as po._keyword_lines computes it from the raw bytes: the
    next line, column 2, for a wrapped ``msgstr ""`` whose continuation follows at once."""
    wrapped = line[keyword_end:] == ' ""' and number < len(raw_lines) and raw_lines[number].startswith('"')
    return (number + 1, 2) if wrapped else (number, len(line[:keyword_end].encode("utf-8")) + 3)


def _strings(lines: list[str], i: int, start: int, into: list[str]) -> int:
    """A keyword line's string and its continuation lines; the index of the line after them."""
    into.append(_quoted(lines[i], start))
    i += 1
    n = len(lines)
    while i < n:
        line = lines[i]
        if line[0] == '"':
            into.append(_quoted(line, 0))
            i += 1
        elif line[0].isspace() and line.lstrip().startswith('"'):
            raise _OutsideLayoutError  # an indented continuation: the toolkit takes it, this reader does not
        else:
            break
    return i


def _previous(line: str) -> None:
    """A ``#|`` line (the previous msgid): the toolkit parses it and fails on garbage; so do we."""
    content = line[2:].lstrip(" ")
    if not content.startswith(("msgctxt", "msgid", '"')):
        raise _OutsideLayoutError


def _skip_obsolete(lines: list[str], i: int) -> int:
    """Past the ``#~`` lines of obsolete entries (none of them is checked)."""
    while i < len(lines) and lines[i].startswith("#~"):
        if not lines[i][2:].lstrip().startswith(("msgctxt", "msgid", "msgstr", '"', "|")):
            raise _OutsideLayoutError
        i += 1
    return i


def _charset(header: str) -> str:
    # poparser.get_header_charset
    match = re.search(r"charset=\s*([^\s\n]+)", header)
    return match.group(1) if match else "utf-8"
