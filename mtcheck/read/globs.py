"""Input paths: files, directories and glob patterns, expanded once for the whole run."""

from __future__ import annotations

import glob
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from fnmatch import fnmatch
from pathlib import Path

from mtcheck.errors import InputError

_GLOB_CHARS = set("*?[")


def _display(path: Path) -> Path:
    relative = os.path.relpath(path)
    return Path(relative) if not relative.startswith("..") else path


def expand(paths: Sequence[str | Path], exclude: Sequence[str], extensions: Iterable[str]) -> list[Path]:
    return expand_inputs(paths, exclude, extensions)[0]


def _matches(path: Path, patterns: Sequence[str]) -> bool:
    return any(fnmatch(path.as_posix(), p) or fnmatch(path.name, p) for p in patterns)


def expand_inputs(
    paths: Sequence[str | Path],
    exclude: Sequence[str],
    extensions: Iterable[str],
    include: Sequence[str] = (),
    readable: Iterable[str] = (),
) -> tuple[list[Path], Counter[str]]:
    """The files to read, and how many files of each ``readable`` extension directories held but
    were left out (``.txt``, ``.md``: a directory would sweep in READMEs), unless ``include`` matched them."""
    wanted = {e.lower() for e in extensions if e}
    other = {e.lower() for e in readable if e} - wanted
    found: list[Path] = []
    skipped: Counter[str] = Counter()
    unmatched: list[str] = []
    empty_dirs: list[str] = []
    for raw in paths:
        text = str(raw)
        path = Path(text)
        if path.is_dir():
            inside = []
            for p in sorted(path.rglob("*")):
                if not p.is_file():
                    continue
                shown = _display(p)
                if p.suffix.lower() in wanted or (include and _matches(shown, include)):
                    inside.append(shown)
                elif p.suffix.lower() in other and not _matches(shown, exclude):
                    skipped[p.suffix.lower()] += 1
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
    if not unique and skipped:
        empty_dirs = [f"{d} ({skipped_note(skipped)})" for d in empty_dirs]
    if not unique:
        patterns = f": no files match {', '.join(repr(u) for u in unmatched)}" if unmatched else ""
        if empty_dirs:
            kinds = ", ".join(sorted(wanted))
            patterns += f"; no localisation files ({kinds}) in directory {', '.join(empty_dirs)}"
        raise InputError(f"no input files found{patterns}")
    return unique, skipped


def skipped_note(skipped: Counter[str]) -> str:
    """``12 .txt/.md files skipped: pass them by name or with --include``."""
    total = sum(skipped.values())
    kinds = "/".join(sorted(skipped))
    return f"{total} {kinds} file{'s' if total != 1 else ''} skipped: pass them by name or with --include"
