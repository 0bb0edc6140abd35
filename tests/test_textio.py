"""Untrusted text input: every bad file gives a one-line InputError, nothing is dropped."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.read.textio import decode, read_text


def test_utf8_bom_is_stripped() -> None:
    assert decode(codecs.BOM_UTF8 + b"Kyiv") == "Kyiv"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_decoded(encoding: str) -> None:
    text = "Київ — столиця. كييف"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    assert decode(data) == text


def test_crlf_and_cr_become_lf() -> None:
    assert decode(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_invalid_utf8_names_the_byte_offset() -> None:
    data = b"Kyiv " + b"\xff" + b" more"
    with pytest.raises(InputError, match=r"byte offset 5 \(byte 0xff\)"):
        decode(data, "copy.txt")


def test_latin1_file_is_an_error_not_mojibake() -> None:
    with pytest.raises(InputError, match="not valid UTF-8"):
        decode("Café à Genève".encode("latin-1"))


def test_binary_file_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_bidi_and_zero_width_characters_are_kept() -> None:
    text = "Ze\u200blensky \u202bقال\u202c"
    assert decode(text.encode()) == text


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.write_bytes(b""), "empty"),
        (lambda p: p.write_text(" \n\t\n"), "empty"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: None, "no such file"),
    ],
)
def test_unreadable_files(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "input.txt"
    make(path)
    with pytest.raises(InputError, match=message):
        read_text(path)
