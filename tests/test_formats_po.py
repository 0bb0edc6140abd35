"""The PO reader: plurals, msgctxt, fuzzy, references, notes, locations a CI can point at."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.formats.base import Languages
from mtcheck.formats.po import PoReader

DATA = Path(__file__).parent / "data" / "loc"


@pytest.fixture(scope="module")
def doc():  # type: ignore[no-untyped-def]
    [document] = PoReader().read(DATA / "sample.uk.po", Languages())
    return document


def test_language_pair_from_header_and_gettext_convention(doc) -> None:  # type: ignore[no-untyped-def]
    assert doc.target_lang == "uk"
    assert doc.source_lang == "en"


def test_configured_source_language_wins_over_the_english_default() -> None:
    [document] = PoReader().read(DATA / "sample.uk.po", Languages(source="de"))
    assert document.source_lang == "de"


def test_units_header_and_obsolete_entries(doc) -> None:  # type: ignore[no-untyped-def]
    sources = [s.source for s in doc.segments]
    assert "Obsolete" not in sources and "" not in sources
    assert sources.count("%d files in %s") == 2  # plural forms 1 and 2


def test_locations_point_at_the_msgstr_line(doc) -> None:  # type: ignore[no-untyped-def]
    lines = (DATA / "sample.uk.po").read_text(encoding="utf-8").splitlines()
    for seg in doc.segments:
        line = lines[seg.location.line - 1]
        assert seg.target.split("\n")[0][:8] in line, (seg.id, line)
    open_unit = doc.segment("Open %s")
    assert lines[open_unit.location.line - 1] == 'msgstr "Відкрити %s"'
    assert open_unit.location.column == len('msgstr "') + 1
    wrapped = doc.segment("A long message on two lines")
    assert lines[wrapped.location.line - 1] == '"Довге повідомлення "'


def test_plural_forms_are_separate_segments(doc) -> None:  # type: ignore[no-untyped-def]
    forms = [s for s in doc.segments if "plural" in s.flags]
    assert [s.target for s in forms] == ["%d файл у %s", "%d файли у %s", "%d файлів у %s"]
    assert forms[0].source == "%d file in %s" and forms[2].source == "%d files in %s"
    assert len({s.id for s in forms}) == 3 and len({s.location.unit_id for s in forms}) == 1


def test_context_fuzzy_flags_and_notes(doc) -> None:  # type: ignore[no-untyped-def]
    save = doc.segment("menu | Save")
    assert save.context == "menu"
    assert "Shown in the File menu" in save.notes
    assert "#: src/main.c:20" in save.notes
    assert "fuzzy" in doc.segment("Close the window").flags
    assert "c-format" in doc.segment("Open %s").flags
    assert doc.segment("Delete all selected items now").target == ""


def test_language_from_file_name_when_header_lacks_it(tmp_path: Path) -> None:
    po = tmp_path / "app.ru.po"
    po.write_text('msgid "Yes"\nmsgstr "Да"\n', encoding="utf-8")
    [document] = PoReader().read(po, Languages())
    assert document.target_lang == "ru"


def test_malformed_po_is_an_input_error(tmp_path: Path) -> None:
    po = tmp_path / "bad.po"
    po.write_text('msgid "unterminated\nmsgstr\n', encoding="utf-8")
    with pytest.raises(InputError):
        PoReader().read(po, Languages())
