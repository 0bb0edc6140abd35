"""XLIFF 1.2, XLIFF 2.0 and TMX readers: several files, notes, inline codes, languages, lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.errors import InputError
from mtcheck.formats.base import Languages
from mtcheck.formats.tmx import TmxReader
from mtcheck.formats.xliff import XliffReader

DATA = Path(__file__).parent / "data" / "loc"


def test_xliff12_units_of_several_files_keep_file_in_the_unit_id() -> None:
    [doc] = XliffReader().read(DATA / "sample12.xliff", Languages())
    assert (doc.source_lang, doc.target_lang) == ("en", "ru")
    ids = [s.id for s in doc.segments]
    assert ids == ["App/Localizable.strings#greeting", "App/Localizable.strings#bold", "App/Menu.strings#greeting"]


def test_xliff12_inline_codes_notes_state_and_lines() -> None:
    [doc] = XliffReader().read(DATA / "sample12.xliff", Languages())
    greeting, bold, menu = doc.segments
    assert greeting.notes == ("Greeting on the start screen",)
    assert bold.source == 'Press <g id="1">Save</g> to keep <x id="2"/> changes'
    assert "fuzzy" in bold.flags and "fuzzy" not in greeting.flags
    lines = (DATA / "sample12.xliff").read_text(encoding="utf-8").splitlines()
    assert "<target>Привет" in lines[greeting.location.line - 1]
    assert menu.target == ""


def test_xliff2_languages_notes_and_placeholders() -> None:
    [doc] = XliffReader().read(DATA / "sample20.xlf", Languages())
    assert (doc.source_lang, doc.target_lang) == ("en", "ar")
    first, second = doc.segments
    assert first.id == "f1#u1" and second.id == "f2#u1"
    assert first.target == 'احذف <ph id="1"/> خلال ٧ أيام'
    assert first.notes == ("mtcheck: ignore numbers",)


def test_xliff_entities_are_not_expanded(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xliff"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="f" '
        'source-language="en" target-language="uk" datatype="plaintext"><body><trans-unit id="1">'
        "<source>&b;</source><target>x</target></trans-unit></body></file></xliff>",
        encoding="utf-8",
    )
    try:
        docs = XliffReader().read(bomb, Languages())
    except InputError:
        return  # refusing the DTD is fine too
    assert "aaaaaaaaaa" not in docs[0].segments[0].source


def test_broken_xliff_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlf"
    bad.write_text("<xliff><file>", encoding="utf-8")
    with pytest.raises(InputError):
        XliffReader().read(bad, Languages())


def test_tmx_gives_one_document_per_target_language() -> None:
    docs = {d.target_lang: d for d in TmxReader().read(DATA / "sample.tmx", Languages())}
    assert set(docs) == {"uk", "ru"}
    uk = docs["uk"].segments[0]
    assert uk.source == 'Open <bpt id="1"/>%s<ept id="1"/>'
    assert uk.target == 'Відкрити <bpt id="1"/>%s<ept id="1"/>'
    assert uk.location.unit_id == "t1" and docs["uk"].source_lang == "en"


_BOMB = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
_EXTERNAL = '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
_XLIFF12 = (
    '<?xml version="1.0"?>{dtd}<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
    '<file original="f" source-language="en" target-language="uk" datatype="plaintext"><body>'
    '<trans-unit id="1"><source>Hello</source><target>{target}</target></trans-unit></body></file></xliff>'
)
_XLIFF20 = (
    '<?xml version="1.0"?>{dtd}<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" '
    'trgLang="uk"><file id="f"><unit id="u"><segment><source>Hello</source><target>{target}</target></segment>'
    "</unit></file></xliff>"
)
_TMX = (
    '<?xml version="1.0"?>{dtd}<tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" '
    'adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body><tu><tuv xml:lang="en"><seg>Hello</seg>'
    '</tuv><tuv xml:lang="uk"><seg>{target}</seg></tuv></tu></body></tmx>'
)
_READERS = {
    "sample.xliff": (_XLIFF12, XliffReader()),
    "sample.xlf": (_XLIFF20, XliffReader()),
    "s.tmx": (_TMX, TmxReader()),
}


@pytest.mark.parametrize("name", sorted(_READERS))
@pytest.mark.parametrize(("dtd", "target"), [(_BOMB, "&b;"), (_EXTERNAL, "&secret;")], ids=["bomb", "external"])
def test_xml_declaring_entities_is_refused_not_read_with_the_text_missing(
    tmp_path: Path, name: str, dtd: str, target: str
) -> None:
    template, reader = _READERS[name]
    path = tmp_path / name
    path.write_text(template.format(dtd=dtd, target=target), encoding="utf-8")
    with pytest.raises(InputError, match="declares XML entities"):
        reader.read(path, Languages())


@pytest.mark.parametrize("name", sorted(_READERS))
def test_xml_with_a_doctype_but_no_entities_is_read(tmp_path: Path, name: str) -> None:
    template, reader = _READERS[name]
    path = tmp_path / name
    path.write_text(template.format(dtd="<!DOCTYPE x>", target="Привіт"), encoding="utf-8")
    [doc] = reader.read(path, Languages())
    assert [s.target for s in doc.segments] == ["Привіт"]


@pytest.mark.parametrize("name", ["missing.po", "missing.xliff", "missing.tmx"])
def test_every_reader_says_the_same_of_a_missing_file_or_a_directory(tmp_path: Path, name: str) -> None:
    from mtcheck.registry import READERS

    reader = next(r for _n, r in READERS.items() if Path(name).suffix in r.extensions)
    with pytest.raises(InputError, match="no such file"):
        reader.read(tmp_path / name, Languages())
    (tmp_path / name).mkdir()
    with pytest.raises(InputError, match="is a directory"):
        reader.read(tmp_path / name, Languages())
