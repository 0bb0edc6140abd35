"""Find the placeholders, format specifiers and markup in a localisation string.

Kinds: ``printf`` (C/Objective-C ``%s``, ``%1$@``, ``%ld``; Python ``%(name)s``; Qt and
boost ``%1``), ``variable`` (``$(NAME)``, ``${NAME}``, LibreOffice ``%PRODUCTNAME``),
``brace`` (Python ``{name}``/``{0:.2f}`` and ICU MessageFormat arguments
``{count, plural, …}``) and ``tag`` (HTML/XML tags and XLIFF/TMX inline codes).

Hand-written because no maintained library scans all of these in free text: parsers
such as ICU's reject the human text around the placeholders, and a checker must
tolerate malformed strings, which are exactly the ones it exists to report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# printf conversions (C, POSIX, Objective-C %@, wide %S/%C; glibc's "I" flag, which prints
# the locale's digits, as in Arabic "%Id"); the space flag is left out because "50% sure"
# would otherwise read as "% s". The locale-only flags "I" and "'" (digit grouping) may be
# added by a translator, so they are left out of the comparison key.
_PRINTF = re.compile(
    r"%(?:"
    r"(?P<escape>%)"
    r"|\((?P<key>\w+)\)(?P<kspec>[-+#0]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa])"
    r"|(?P<upper>[A-Z][A-Z0-9_]{2,}\b)"  # LibreOffice %PRODUCTNAME (a variable, not printf)
    r"|(?:(?P<pos>[1-9]\d*)\$)?(?P<spec>[-+#0'I]*(?:\d+|\*)?(?:\.(?:\d+|\*))?"
    r"(?:hh|h|ll|l|L|q|j|z|t|I64|I32)?)(?P<conv>[diouxXeEfFgGaAcCsSpn@])"
    r"|(?P<qt>[1-9]\d?)(?P<boost>%)?(?![\d$])"
    r")"
)
_VARIABLE = re.compile(r"\$\((?:\w|[.:-])+\)|\$\{\w+\}")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:\s+[^<>]*?)?)\s*(/?)>")
_TAG_ID = re.compile(r"""\bid\s*=\s*["']([^"']*)["']""")
_IDENT = re.compile(r"\s*([^\W\d][\w.-]*|\d+)?\s*")
_STRFTIME_ONLY = re.compile(r"%[-_0^#]?[HMYyBZkIlTRjmUVWGz](?![A-Za-z])")
INTEGER_CONVERSIONS = frozenset("diuxXoc")


@dataclass(frozen=True)
class Placeholder:
    """One placeholder: its kind, the key compared across languages, and where it is."""

    kind: str
    key: str
    start: int
    end: int
    text: str
    integer: bool = False


def is_strftime(text: str) -> bool:
    """Date/time format strings (``%H:%M``), whose directives a locale may reorder or change."""
    return bool(_STRFTIME_ONLY.search(text))


def printf_placeholders(text: str) -> list[Placeholder]:
    found: list[Placeholder] = []
    sequential = 0
    for m in _PRINTF.finditer(text):
        if m.group("escape"):
            continue
        raw = m.group(0)
        if m.group("key"):
            found.append(Placeholder("printf", f"%({m.group('key')}){m.group('kspec')}", m.start(), m.end(), raw))
        elif m.group("upper"):
            found.append(Placeholder("variable", raw, m.start(), m.end(), raw))
        elif m.group("conv"):
            conv = "d" if m.group("conv") == "i" else m.group("conv")
            if m.group("pos"):
                position = int(m.group("pos"))
            else:
                sequential += 1
                position = sequential
            integer = conv in INTEGER_CONVERSIONS
            spec = m.group("spec").replace("I", "").replace("'", "")
            found.append(Placeholder("printf", f"%{position}${spec}{conv}", m.start(), m.end(), raw, integer))
        elif m.group("qt"):
            found.append(Placeholder("printf", f"%{m.group('qt')}", m.start(), m.end(), raw))
    return found


def variable_placeholders(text: str) -> list[Placeholder]:
    return [Placeholder("variable", m.group(0), m.start(), m.end(), m.group(0)) for m in _VARIABLE.finditer(text)]


def tag_placeholders(text: str) -> list[Placeholder]:
    found = []
    for m in _TAG.finditer(text):
        closing, name, attrs, empty = m.groups()
        ident = _TAG_ID.search(attrs)
        id_part = f' id="{ident.group(1)}"' if ident else ""
        key = f"<{closing}{name.lower()}{id_part}{'/' if empty else ''}>"
        found.append(Placeholder("tag", key, m.start(), m.end(), m.group(0)))
    return found


def brace_placeholders(text: str) -> list[Placeholder]:
    """Python ``str.format`` fields and ICU MessageFormat arguments, nested ones included."""
    found: list[Placeholder] = []
    _scan_message(text, 0, found, nested=False)
    return found


def _matching_brace(text: str, start: int) -> int:
    """Index just past the ``}`` closing the ``{`` at ``start`` (``-1`` if unbalanced)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return -1


def _scan_message(text: str, pos: int, found: list[Placeholder], nested: bool, end: int | None = None) -> None:
    stop = len(text) if end is None else end
    i = pos
    while i < stop:
        char = text[i]
        if char == "{" and text.startswith("{{", i) and not nested:
            i += 2  # Python's escaped brace
            continue
        if char != "{":
            i += 1
            continue
        close = _matching_brace(text, i)
        if close == -1 or close > stop:
            return
        _argument(text, i, close, found)
        i = close


def _argument(text: str, start: int, close: int, found: list[Placeholder]) -> None:
    body = text[start + 1 : close - 1]
    m = _IDENT.match(body)
    name = (m.group(1) or "") if m else ""
    rest = body[m.end() :] if m else body
    if rest.startswith(","):  # ICU: {name, type[, style]}
        kind = rest[1:].partition(",")[0].strip()
        if not name or not re.fullmatch(r"[a-z]+", kind):
            return
        found.append(Placeholder("brace", f"{{{name}, {kind}}}", start, close, text[start:close]))
        if kind in ("plural", "select", "selectordinal"):
            # the cases' sub-messages are translated text that may hold more arguments
            sub_start = text.find("{", start + 1, close - 1)
            while sub_start != -1:
                sub_end = _matching_brace(text, sub_start)
                if sub_end == -1 or sub_end > close - 1:
                    break
                _scan_message(text, sub_start + 1, found, nested=True, end=sub_end - 1)
                sub_start = text.find("{", sub_end, close - 1)
        return
    simple = rest == "" or re.fullmatch(r"(?:![rsa])?(?::[^{}]*)?", rest)
    if simple and (name or rest or body == ""):
        found.append(Placeholder("brace", "{" + body.replace(" ", "") + "}", start, close, text[start:close]))


def all_placeholders(text: str, *, printf: bool = True, braces: bool = True) -> list[Placeholder]:
    """Every placeholder in ``text`` (printf skipped for date formats or when ``printf`` is false)."""
    found = printf_placeholders(text) if printf else []
    found += variable_placeholders(text)
    if braces and "{" in text:
        found += brace_placeholders(text)
    return found
