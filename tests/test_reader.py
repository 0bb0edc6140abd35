"""The text reader: sentences keep exact offsets and line:column, in any script."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.formats.base import Languages
from mtcheck.formats.text import MarkdownReader, TextReader

CASES = {
    "en": (
        "Dr. Smith met Mr. Jones in Washington.  They talked.\n\nU.S. officials said so! Then left?",
        ["Dr. Smith met Mr. Jones in Washington.", "They talked.", "U.S. officials said so!", "Then left?"],
    ),
    "uk": (
        "Рустем Умєров заявив це в неділю. Проф. Іванов погодився.\nКиїв — столиця України!",
        ["Рустем Умєров заявив це в неділю.", "Проф. Іванов погодився.", "Київ — столиця України!"],
    ),
    "ar": (
        "قال وزير الدفاع الأوكراني رستم عمروف إن نصف المساعدات تأخر. وأضاف أن التعهد لا يعني التسليم؟\nالمصدر: الجزيرة",
        [
            "قال وزير الدفاع الأوكراني رستم عمروف إن نصف المساعدات تأخر.",
            "وأضاف أن التعهد لا يعني التسليم؟",
            "المصدر: الجزيرة",
        ],
    ),
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_sentences_and_offsets_are_exact(tmp_path: Path, lang: str) -> None:
    text, expected = CASES[lang]
    path = tmp_path / f"copy.{lang}.txt"
    path.write_text(text, encoding="utf-8")
    (doc,) = TextReader().read(path, Languages("en", lang))
    assert [s.target for s in doc.segments] == expected
    for seg in doc.segments:
        assert text[seg.offset : seg.offset + len(seg.target)] == seg.target
        line_start = text.rfind("\n", 0, seg.offset) + 1
        assert seg.location.line == text.count("\n", 0, seg.offset) + 1
        assert seg.location.column == seg.offset - line_start + 1


def test_crlf_file_offsets_refer_to_normalised_text(tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_bytes(b"First line.\r\nSecond one. Third.\r\n")
    (doc,) = TextReader().read(path, Languages("ar", "en"))
    assert [(s.location.line, s.location.column) for s in doc.segments] == [(1, 1), (2, 1), (2, 13)]


def test_markdown_layout_is_left_out_of_segments(tmp_path: Path) -> None:
    text = "# Headline here\n\n- First point. Second point.\n\n```\ncode = 1. not text.\n```\n> Quoted.\n"
    path = tmp_path / "copy.md"
    path.write_text(text)
    (doc,) = MarkdownReader().read(path, Languages("ar", "en"))
    assert [s.target for s in doc.segments] == ["Headline here", "First point.", "Second point.", "Quoted."]
    for seg in doc.segments:
        assert text[seg.offset : seg.offset + len(seg.target)] == seg.target


def test_nothing_is_dropped_between_segments(tmp_path: Path) -> None:
    text = "One. Two three.\n\nFour five six seven. Eight!\nNine"
    path = tmp_path / "copy.txt"
    path.write_text(text)
    (doc,) = TextReader().read(path, Languages("ar", "en"))

    def visible(t: str) -> str:
        return "".join(t.split())

    assert visible("".join(s.target for s in doc.segments)) == visible(text)
