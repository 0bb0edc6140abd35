"""Bilingual CSV/TSV tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.formats.base import Languages
from mtcheck.formats.csv_bilingual import CsvReader

DATA = Path(__file__).parent / "data" / "loc"


def test_tsv_with_named_columns_keeps_ids_notes_and_start_lines() -> None:
    [doc] = CsvReader().read(DATA / "sample.tsv", Languages("en", "uk"))
    first, second = doc.segments
    assert (first.id, first.source, first.target) == ("open", "Open %s", "Відкрити %s")
    assert second.source == "two\nlines" and second.location.line == 3
    assert second.notes == ("mtcheck: ignore untranslated",)


def test_csv_with_language_code_header_gives_the_language_pair() -> None:
    [doc] = CsvReader().read(DATA / "sample.csv", Languages())
    assert (doc.source_lang, doc.target_lang) == ("en", "uk")
    assert [s.target for s in doc.segments] == ["Відкрити %d", "Зберегти"]
    assert doc.segments[0].location.line == 2
    # no id column: a row number is no identity, so baselines do not fingerprint it
    assert doc.segments[0].location.unit_id is None


def test_headerless_two_column_csv(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Yes,Так\nNo,Ні\n", encoding="utf-8")
    [doc] = CsvReader().read(table, Languages("en", "uk"))
    assert [(s.source, s.target) for s in doc.segments] == [("Yes", "Так"), ("No", "Ні")]


def test_unterminated_quote_is_an_error_not_rows_swallowed_into_one_cell(tmp_path: Path) -> None:
    path = tmp_path / "strings.csv"
    path.write_text('source,target\nOpen,"Відкрити\nSave,Зберегти\nQuit,Вийти\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad CSV"):
        CsvReader().read(path, Languages())
