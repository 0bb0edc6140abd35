"""Files on disk: what may be read, how big, and how outputs are written.

Only regular files are read: a FIFO waits forever and a device such as ``/dev/zero``
never ends. Outputs are written through a temporary file in the same folder and
renamed into place, so an interrupted run leaves the old file intact, and an output
that is also an input (the same file, also through a link) is refused before any
work is done.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mtcheck.errors import InputError

# Large enough for any real catalogue or article (the biggest Debian PO file is ~5 MB);
# small enough that a mistaken path to a disk image fails at once. Raise it with
# --max-file-size (MB).
DEFAULT_MAX_BYTES = 200 * 1024 * 1024

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def stat_input(path: str | Path) -> os.stat_result:
    """``os.stat`` of an input, with every OS-level problem as a one-line :class:`InputError`."""
    try:
        return Path(path).stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied (cannot enter a folder on the way, or read the file)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def require_regular(path: str | Path, max_bytes: int | None = DEFAULT_MAX_BYTES) -> os.stat_result:
    """Refuse anything but a regular file of at most ``max_bytes`` (stat only: a FIFO is never opened)."""
    info = stat_input(path)
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
        raise InputError(f"{path}: is {kind}, not a regular file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise InputError(
            f"{path}: {info.st_size / 2**20:.1f} MB is over the {max_bytes / 2**20:.0f} MB input limit "
            "(raise it with --max-file-size MB)"
        )
    return info


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def refuse_overwriting_inputs(outputs: Iterable[Path], inputs: Iterable[str | Path]) -> None:
    """Raise :class:`InputError` when an output is one of the inputs, by name, symlink or hard link."""
    by_identity: dict[tuple[int, int], str] = {}
    by_name: dict[str, str] = {}
    for raw in inputs:
        path = Path(raw)
        identity = _identity(path)
        if identity is not None:
            by_identity[identity] = str(raw)
        by_name[os.path.realpath(path)] = str(raw)
    for output in outputs:
        identity = _identity(output)
        clash = by_identity.get(identity) if identity is not None else None
        clash = clash or by_name.get(os.path.realpath(output))
        if clash is not None:
            raise InputError(f"output {output} is the input {clash}: refusing to overwrite it (choose another -o)")


def _special(path: Path) -> bool:
    """An existing output that is not a regular file (a device, a FIFO): renaming over it would replace it."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_writable(output: Path) -> None:
    """Fail before the analysis when ``output`` cannot be written (folder missing or not writable)."""
    folder = output.parent if str(output.parent) else Path()
    if output.is_dir():
        raise InputError(f"cannot write {output}: is a directory")
    if _special(output):
        if not os.access(output, os.W_OK):
            raise InputError(f"cannot write {output}: permission denied")
        return
    if not folder.is_dir():
        raise InputError(f"cannot write {output}: folder {folder} does not exist")
    # os.access answers for the real uid, which is who runs the command; a temporary file
    # proves it where access() cannot (ACLs, read-only mounts)
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{output.name}.", suffix=".tmp"):
            pass
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None


def write_atomic(output: Path, text: str | Iterable[str]) -> None:
    """Write ``text`` (or its pieces, in order) to a temporary file beside ``output``, then rename it over it."""
    pieces = [text] if isinstance(text, str) else text
    if _special(output):  # /dev/null, a pipe: nothing to replace, write straight to it
        try:
            with output.open("w", encoding="utf-8", newline="") as stream:
                stream.writelines(pieces)
        except OSError as exc:
            raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None
        return
    folder = output.parent if str(output.parent) else Path()
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{output.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.writelines(pieces)
            stream.flush()
            os.fsync(stream.fileno())
        # mkstemp makes the file 0600: keep the mode of a file being replaced, and give a
        # new one the mode of an ordinary report (reading the umask would change it process-wide)
        try:
            mode = stat.S_IMODE(output.stat().st_mode)
        except OSError:
            mode = 0o644
        Path(temporary).chmod(mode)
        Path(temporary).replace(output)
    except OSError as exc:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise InputError(f"cannot write {output}: {exc.strerror or exc}") from None
