"""Input paths: files, directories and glob patterns, expanded once for the whole run."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Sequence
from fnmatch import fnmatch
from pathlib import Path

from mtcheck.errors import InputError

_GLOB_CHARS = set("*?[")


def _display(path: Path) -> Path:
    relative = os.path.relpath(path)
    return Path(relative) if not relative.startswith("..") else path


def expand(paths: Sequence[str | Path], exclude: Sequence[str], extensions: Iterable[str]) -> list[Path]:
    wanted = {e.lower() for e in extensions if e}
    found: list[Path] = []
    unmatched: list[str] = []
    empty_dirs: list[str] = []
    for raw in paths:
        text = str(raw)
        path = Path(text)
        if path.is_dir():
            inside = [_display(p) for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in wanted]
            if not inside:
                empty_dirs.append(text)
            found.extend(inside)
        elif not path.exists() and _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))  # noqa: PTH207 - Path.glob takes no absolute patterns
            if not matches:
                unmatched.append(text)  # fine while another pattern finds files ("po/*.po", "ios/*.xliff")
            found.extend(_display(Path(m)) for m in matches if Path(m).is_file())
        else:
            found.append(path)
    if exclude:
        found = [p for p in found if not any(fnmatch(p.as_posix(), pattern) for pattern in exclude)]
    unique = list(dict.fromkeys(found))
    if not unique:
        patterns = f": no files match {', '.join(repr(u) for u in unmatched)}" if unmatched else ""
        if empty_dirs:
            kinds = ", ".join(sorted(wanted))
            patterns += f"; no localisation files ({kinds}) in directory {', '.join(empty_dirs)}"
        raise InputError(f"no input files found{patterns}")
    return unique
