"""term-adherence (inflection-aware for uk, ru, ar) and source-deprecated-term."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.config import Config
from mtcheck.formats.base import Languages
from mtcheck.formats.po import PoReader
from mtcheck.names.termbase import ADMITTED, DEPRECATED, PREFERRED, Concept, Term, Termbase
from mtcheck.pipeline import check_documents
from tests.loc_fixtures import doc, hits, unit

KYIV = Concept(
    "kyiv",
    (
        Term("Kyiv", "en", PREFERRED),
        Term("Kiev", "en", DEPRECATED),
        Term("Київ", "uk", PREFERRED),
        Term("Киев", "ru", PREFERRED),
        Term("Київ", "ru", ADMITTED),
        Term("كييف", "ar", PREFERRED),
    ),
    origin="test",
)
TERMS = Termbase((KYIV, Concept("file", (Term("file", "en"), Term("файл", "uk", PREFERRED)))))


@pytest.mark.parametrize(
    ("source", "target", "lang"),
    [
        ("Weather in Kyiv", "Погода в Києві", "uk"),  # locative
        ("Trains from Kyiv", "Потяги з Києва", "uk"),  # genitive
        ("Weather in Kyiv", "Погода в Киеве", "ru"),
        ("Weather in Kyiv", "الطقس في كييف", "ar"),
        ("Weather in Kyiv", "الطقس بكييف", "ar"),  # attached preposition
        ("Delete files", "Видалити файли", "uk"),  # plural of a common noun
    ],
)
def test_inflected_required_term_is_found(source: str, target: str, lang: str) -> None:
    assert hits("term-adherence", doc(unit(source, target), tgt=lang), termbase=TERMS) == []


@pytest.mark.parametrize(
    ("source", "target", "lang", "wanted"),
    [
        ("Weather in Kyiv", "Погода в Кієві", "uk", "Київ"),
        ("Weather in Kiev", "Погода в Одесі", "uk", "Київ"),  # a deprecated source term still needs its rendering
        ("Weather in Kyiv", "الطقس في موسكو", "ar", "كييف"),
    ],
)
def test_missing_required_term_fires(source: str, target: str, lang: str, wanted: str) -> None:
    [hit] = hits("term-adherence", doc(unit(source, target), tgt=lang), termbase=TERMS)
    assert hit.suggestion == wanted
    assert hit.source_span is not None


def test_no_termbase_no_findings() -> None:
    assert hits("term-adherence", doc(unit("Weather in Kyiv", "Погода"))) == []


def test_deprecated_source_term_in_a_stale_catalogue(tmp_path: Path) -> None:
    # the situation of a catalogue built from an old template: msgid "Kiev", while the
    # current English source, and the house termbase, say "Kyiv"
    po = tmp_path / "locations.ar.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n\nmsgid "Kharkiv"\nmsgstr "خاركيف"\n\n'
        'msgid "Kiev"\nmsgstr "كييف"\n\nmsgid "Kyiv Oblast"\nmsgstr "كييف أوبلاست"\n',
        encoding="utf-8",
    )
    documents = PoReader().read(po, Languages())
    report = check_documents(documents, Config(), termbase=TERMS)
    found = [f for f in report.findings if f.check == "source-deprecated-term"]
    assert len(found) == 1
    assert found[0].location.line == 9 and found[0].suggestion == "Kyiv"
    assert "Kiev" in found[0].message
    assert not [f for f in report.findings if f.check == "term-adherence"]
