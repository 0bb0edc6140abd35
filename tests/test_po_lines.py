"""The line reader of PO catalogues gives what translate-toolkit's parser gives, or steps aside.

Catalogues are generated (seeded) with every part of gettext's layout: headers, each kind
of comment, contexts, wrapped strings, escapes, plural forms (out of order, the first one
empty), obsolete entries and blank lines; each is read with the line reader and with the
toolkit alone, and the documents must be equal. Files outside the layout (other
charsets, carriage returns, KDE comments, indented lines) must go to the toolkit.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from translate.storage import pypo

from mtcheck.formats import po
from mtcheck.formats.base import Languages
from mtcheck.formats.po_lines import read_lines

WORDS = ["файл", "Open", "%s", "%d", "{0}", "<b>x</b>", "ملف", "تست", "the", "Kyiv", "&", "_Save", "…", "10", "000",
         "a\\tb"]  # fmt: skip
ESCAPES = ["\\n", "\\t", '\\"', "\\\\", "\\r", "\\a", "\\x"]


def _string(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(0, 6))]
    text = " ".join(words)
    for _ in range(rng.randint(0, 2)):
        i = rng.randint(0, len(text))
        text = text[:i] + rng.choice(ESCAPES) + text[i:]
    return text


def _quoted(keyword: str, text: str, rng: random.Random, clean: bool = False) -> list[str]:
    """``keyword "text"``, or wrapped over several lines (``keyword ""`` first, as msgmerge writes)."""
    if rng.random() < 0.3 and len(text) > 4:
        cut = rng.randint(1, len(text) - 1)
        while text[cut - 1] == "\\" and cut < len(text) - 1:
            cut += 1
        pieces = [text[:cut], text[cut:]]
        lines = [f'{keyword} ""'] + [f'"{p}"' for p in pieces]
        if rng.random() < 0.2 and not clean:
            lines.insert(2, rng.choice(["", "   ", "\t"]))  # a blank line inside, which the toolkit skips
        return lines
    return [f'{keyword} "{text}"']


def _comments(rng: random.Random) -> list[str]:
    kinds = ["# translator note", "#. extracted", "#: src/a.c:10 src/b.c:20", "#, c-format", "#, fuzzy, c-format",
             "#= no-wrap", "#| msgid \"old\"", "#", "#  spaced", "#.", "#,fuzzy"]  # fmt: skip
    return [rng.choice(kinds) for _ in range(rng.randint(0, 3))]


def _entry(rng: random.Random, nplurals: int, clean: bool = False) -> list[str]:
    lines = _comments(rng)
    if rng.random() < 0.1 and not clean:
        obsolete = _quoted("msgid", _string(rng), rng) + _quoted("msgstr", _string(rng), rng)
        lines += [f"#~ {line}" for line in obsolete if line.strip()]
        return lines
    if rng.random() < 0.2:
        lines += _quoted("msgctxt", _string(rng), rng, clean)
    lines += _quoted("msgid", _string(rng) or "x", rng, clean)
    if rng.random() < 0.2:
        lines += _quoted("msgid_plural", _string(rng), rng, clean)
        order = list(range(nplurals))
        if rng.random() < 0.2:
            rng.shuffle(order)
        for i in order:
            lines += _quoted(f"msgstr[{i}]", "" if i == 0 and rng.random() < 0.2 else _string(rng), rng, clean)
    else:
        lines += _quoted("msgstr", _string(rng), rng, clean)
    return lines


def catalogue(seed: int, clean: bool = False) -> str:
    """A generated catalogue; ``clean``: in msgmerge's own layout only (the entry reader's, po_lines._ENTRY)."""
    rng = random.Random(seed)
    nplurals = rng.choice([2, 3, 6])
    language = rng.choice(["uk", "ru", "ar", "", "pt_BR"])
    header = [
        "# Header comment",
        'msgid ""',
        'msgstr ""',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        f'"Language: {language}\\n"' if language else '"X-Nothing: 1\\n"',
        f'"Plural-Forms: nplurals={nplurals}; plural=(n%10==1 ? 0 : 1);\\n"',
    ]
    if rng.random() < 0.1:
        header = []  # no header at all
    lines = [*header, ""]
    for _ in range(40):
        lines += _entry(rng, nplurals, clean)
        if clean:
            lines += rng.choice([[""], [""], ["", ""], []])
        else:
            lines += rng.choice([[""], [""], ["", "  "], []]) if lines[-1].startswith(("msgstr", '"')) else [""]
    return "\n".join(lines) + ("\n" if clean else rng.choice(["\n", "", "\n\n"]))


def _read(path: Path, monkeypatch: pytest.MonkeyPatch, fast: bool) -> object:
    with monkeypatch.context() as mp:
        if not fast:
            mp.setattr(po, "read_lines", lambda raw, unescape: None)
        try:
            return po.PoReader().read(path, Languages(None, None))
        except Exception as exc:  # noqa: BLE001 - the same error either way is what is compared
            return type(exc), str(exc)


@pytest.mark.parametrize("seed", range(60))
def test_the_line_reader_reads_what_the_toolkit_reads(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "uk.po"
    path.write_text(catalogue(seed), encoding="utf-8")
    fast, slow = _read(path, monkeypatch, True), _read(path, monkeypatch, False)
    assert fast == slow
    assert isinstance(slow, list)  # the generated catalogue is valid PO
    assert read_lines(path.read_bytes(), pypo.unescape) is not None  # and read by the line reader


OUTSIDE = {
    "crlf": 'msgid ""\r\nmsgstr "Language: uk\\n"\r\n\r\nmsgid "a"\r\nmsgstr "б"\r\n',
    "latin-1": 'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "caf\xe9"\nmsgstr "x"\n',
    "kde comment": 'msgid ""\nmsgstr "Language: uk\\n"\n\nmsgid "_: menu\\n"\n"File"\nmsgstr "Файл"\n',
    "indented continuation": 'msgid ""\nmsgstr "Language: uk\\n"\n\nmsgid "a"\n  "b"\nmsgstr "б"\n',
    "indented comment": 'msgid ""\nmsgstr "Language: uk\\n"\n\n  # note\nmsgid "a"\nmsgstr "б"\n',
    "comments at the end": 'msgid ""\nmsgstr "Language: uk\\n"\n\nmsgid "a"\nmsgstr "б"\n\n# left over\n',
    "obsolete first": '#~ msgid "a"\n#~ msgstr "б"\n\nmsgid ""\nmsgstr "Language: uk\\n"\n\nmsgid "a"\nmsgstr "б"\n',
    "no msgstr": 'msgid ""\nmsgstr "Language: uk\\n"\n\nmsgid "a"\n\nmsgid "b"\nmsgstr "в"\n',
    "plural header": 'msgid ""\nmsgid_plural ""\nmsgstr[0] "Language: uk\\n"\n',
    "bare pipe": 'msgid ""\nmsgstr "Language: uk\\n"\n\n| msgid "old"\nmsgid "a"\nmsgstr "б"\n',
    "byte order mark": '\ufeffmsgid ""\nmsgstr "Language: uk\\n"\n\nmsgid "a"\nmsgstr "б"\n',
    "no space before the string": 'msgid ""\nmsgstr "Language: uk\\n"\n\nmsgid"a"\nmsgstr "б"\n',
    "unterminated": 'msgid ""\nmsgstr "Language: uk\\n"\n\nmsgid "a\nmsgstr "б"\n',
}


@pytest.mark.parametrize("name", sorted(OUTSIDE))
def test_outside_the_layout_the_toolkit_reads_the_file(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "uk.po"
    path.write_bytes(OUTSIDE[name].encode("latin-1" if name == "latin-1" else "utf-8"))
    assert read_lines(path.read_bytes(), pypo.unescape) is None
    assert _read(path, monkeypatch, True) == _read(path, monkeypatch, False)


def _line_reader(text: str) -> object:
    """What the line reader alone (po_lines._parse) makes of ``text``."""
    from mtcheck.formats import po_lines

    raw_lines = text.split("\n")
    numbers = [n for n, line in enumerate(raw_lines, 1) if line and not line.isspace()]
    try:
        return po_lines._parse([raw_lines[n - 1] for n in numbers], numbers, raw_lines, pypo.unescape)
    except po_lines._OutsideLayoutError:
        return None


@pytest.mark.parametrize("seed", range(60))
def test_the_entry_reader_reads_what_the_line_reader_and_the_toolkit_read(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mtcheck.formats.po_lines import _entries

    text = catalogue(seed, clean=True)
    entries = _entries(text, pypo.unescape)
    assert entries is not None  # read an entry a match
    assert entries == _line_reader(text)
    path = tmp_path / "uk.po"
    path.write_text(text, encoding="utf-8")
    assert _read(path, monkeypatch, True) == _read(path, monkeypatch, False)


HEAD = 'msgid ""\nmsgstr "Language: uk\\n"\n\n'
EDGES = {
    "kde comment on a continuation line": HEAD + 'msgid ""\n"_: menu\\n"\n"File"\nmsgstr "Файл"\n',
    "kde comment in a plural": HEAD + 'msgid "a"\nmsgid_plural "_: x"\nmsgstr[0] "б"\nmsgstr[1] "в"\n',
    "plural header": 'msgid ""\nmsgid_plural ""\nmsgstr[0] "Language: uk\\n"\n',
    "a form given twice": HEAD + 'msgid "a"\nmsgid_plural "b"\nmsgstr[1] "x"\nmsgstr[0] "y"\nmsgstr[01] "z"\n',
    "a wrapped first form": HEAD + 'msgid "a"\nmsgid_plural "b"\nmsgstr[0] ""\n"y"\nmsgstr[10] ""\n',
    "garbage after a previous msgid mark": HEAD + '#| nothing\nmsgid "a"\nmsgstr "б"\n',
    "previous msgid": HEAD + '#| msgctxt "c"\n#|  msgid "a"\n#| "b"\nmsgid "a"\nmsgstr "б"\n',
    "latin-1 header": 'msgid ""\nmsgstr "Content-Type: text/plain; charset=ISO-8859-1\\n"\n\nmsgid "a"\nmsgstr "b"\n',
    "a context header": 'msgctxt ""\nmsgid ""\nmsgstr "Language: uk\\n"\n',
    "a wrapped empty context": 'msgctxt ""\n""\nmsgid ""\nmsgstr "Language: uk\\n"\n',
    "a named context": 'msgctxt "x"\nmsgid ""\nmsgstr "Language: uk\\n"\n',
    "a wrapped empty msgid": 'msgid ""\n""\nmsgstr "Language: uk\\n"\n',
    "an empty header": 'msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n',
    "a string with quotes inside": HEAD + 'msgid "say "hi" \\"x\\""\nmsgstr "a" "b"\n',
    "a trailing space": HEAD + 'msgid "a" \nmsgstr "b"\n',
    "comments only": "# a\n#, fuzzy\n",
    "blank lines first": "\n\n" + HEAD + 'msgid "a"\nmsgstr "b"\n\n\n',
    "no newline at the end": HEAD + 'msgid "a"\nmsgstr "b"',
    "obsolete entry": HEAD + 'msgid "a"\nmsgstr "b"\n\n#~ msgid "c"\n#~ msgstr "d"\n',
    "empty": "",
    "no entry": "\n\n",
}


@pytest.mark.parametrize("name", sorted(EDGES))
def test_the_entry_reader_reads_what_the_line_reader_reads_or_steps_aside(name: str) -> None:
    from mtcheck.formats.po_lines import _entries, _OutsideLayoutError

    text = EDGES[name]
    try:
        entries = _entries(text, pypo.unescape)
    except _OutsideLayoutError:
        entries = None
    lines = _line_reader(text)
    assert entries is None or entries == lines
    assert read_lines(text.encode("utf-8"), pypo.unescape) == lines
