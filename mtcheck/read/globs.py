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


def _walk(folder: Path, wanted: set[str]) -> list[Path]:
    """Files under ``folder`` with a wanted extension; symlinked folders are not entered.

    They may lead out of the tree (``os.walk`` without ``followlinks``).
    """

    def refuse(error: OSError) -> None:
        raise InputError(f"{error.filename}: cannot enter folder ({error.strerror or error})")

    found = []
    for here, _dirs, files in os.walk(folder, onerror=refuse, followlinks=False):
        for name in files:
            path = Path(here) / name
            if path.suffix.lower() in wanted and path.is_file():
                found.append(path)
    return sorted(found)


def _inside(match: str, base: str) -> bool:
    """Whether a glob match stays under the pattern's fixed folder once links are resolved."""
    real = os.path.realpath(Path(match).parent)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)


def _glob_base(pattern: str) -> str:
    parts = Path(pattern).parts
    fixed = []
    for part in parts:
        if _GLOB_CHARS & set(part):
            break
        fixed.append(part)
    return os.path.realpath(Path(*fixed) if fixed else Path())


def expand(paths: Sequence[str | Path], exclude: Sequence[str], extensions: Iterable[str]) -> list[Path]:
    wanted = {e.lower() for e in extensions if e}
    found: list[Path] = []
    unmatched: list[str] = []
    empty_dirs: list[str] = []
    for raw in paths:
        text = str(raw)
        path = Path(text)
        try:
            is_dir, exists = path.is_dir(), path.exists()
        except PermissionError:
            raise InputError(f"{text}: permission denied (cannot enter a folder on the way)") from None
        if is_dir:
            inside = [_display(p) for p in _walk(path, wanted)]
            if not inside:
                empty_dirs.append(text)
            found.extend(inside)
        elif not exists and _GLOB_CHARS & set(text):
            matches = sorted(glob.glob(text, recursive=True))  # noqa: PTH207 - Path.glob takes no absolute patterns
            # glob's ** follows symlinked folders; keep only what lies inside the tree it names
            base = _glob_base(text)
            matches = [m for m in matches if _inside(m, base)]
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
