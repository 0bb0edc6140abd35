"""Language codes as localisation files write them (``uk_UA``, ``sr@latin``, ``pt_BR.UTF-8``)."""

from __future__ import annotations

import re
from pathlib import Path

_MODIFIER_SCRIPT = {"latin": "Latn", "cyrillic": "Cyrl", "arabic": "Arab"}
# a file or column name that is a locale: "uk", "pt_BR", "sr-Latn", "es-419"
LOCALE = re.compile(r"^[a-z]{2,3}(?:[_-][A-Za-z]{2}|[_-][A-Z][a-z]{3}|[_-]\d{3})?$")


def tidy_language(code: str) -> str:
    """Turn a POSIX locale or file language into a BCP-47 tag (``""`` when empty)."""
    code = code.strip().split(".", 1)[0]  # drop a codeset such as ".UTF-8"
    if not code:
        return ""
    code, _, modifier = code.partition("@")
    code = code.replace("_", "-")
    script = _MODIFIER_SCRIPT.get(modifier.lower())
    if script:
        parts = code.split("-")
        code = "-".join([parts[0], script, *parts[1:]])
    return code


def language_from_filename(path: Path) -> str:
    """``apt.uk.po``, ``uk.po`` or ``pt_BR.po`` → the language code; ``""`` if none."""
    parts = path.name.split(".")[:-1]
    for part in reversed(parts):
        if LOCALE.match(part):
            return tidy_language(part)
    return ""
