"""Reading untrusted text files: encodings, byte-order marks, binary detection.

Nothing is dropped: text is decoded strictly, and bad bytes are an error that names
their offset. Line ends are normalised to ``\\n`` (CRLF and CR alike) so that spans
and line:column positions mean the same on every platform.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from mtcheck.errors import InputError
from mtcheck.read.files import require_regular

# Sniffing this many bytes is enough to tell text from binary without reading a whole file twice.
_SNIFF_BYTES = 8192

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_bytes(path: str | Path) -> bytes:
    """Read a file, turning every OS-level problem into a one-line :class:`InputError`."""
    p = Path(path)
    require_regular(p, max_bytes=None)  # a FIFO or /dev/zero would hang or never end
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except PermissionError:
        raise InputError(f"{p}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None


def decode(data: bytes, name: str = "<input>") -> str:
    """Decode bytes to text: BOM-marked UTF-8/16/32, otherwise strict UTF-8."""
    encoding = "utf-8"
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom) :], bom_encoding
            break
    else:
        if b"\x00" in data[:_SNIFF_BYTES]:
            raise InputError(f"{name}: looks like a binary file (NUL bytes); expected UTF-8 text")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name}: not valid {encoding.upper()} at byte offset {exc.start} "
            f"(byte 0x{data[exc.start]:02x}); convert the file to UTF-8"
        ) from None
    if "\x00" in text:
        raise InputError(f"{name}: contains NUL characters; expected text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str | Path) -> str:
    """Read and decode a text file; an empty or whitespace-only file is an input error."""
    text = decode(read_bytes(path), str(path))
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    return text
