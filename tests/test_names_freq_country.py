"""A country and a place the gazetteer puts in it render one another (Испании → Madrid, the
capital for its government): no swap of names, at most a hint; a place of another country in
the lost one's place is still a warning."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.rendered import country_and_place
from mtcheck.pipeline import check_text
from mtcheck.registry import CHECKS
from mtcheck.types import Finding, Severity

MINE = {"name-missing", "name-mismatch", "name-transliteration"}
NO_MODEL = Config(disable=frozenset(set(CHECKS.names()) - MINE), model=ModelSettings(enabled=False))


def warnings_for(original: str, translation: str) -> list[Finding]:
    report = check_text(translation, source_lang="ru", target_lang="en", original=original, config=NO_MODEL)
    return [f for f in report.findings if f.severity >= Severity.WARNING]


RU = "Напряжённость в отношениях между регионом и Испанией сохраняется спустя год после референдума."
EN = "Tensions between the region and {} remain high a year after the referendum."


def test_capital_for_its_country_is_no_swap() -> None:
    assert warnings_for(RU, EN.format("Madrid")) == []


def test_a_place_of_another_country_for_the_country_is_a_warning() -> None:
    found = warnings_for(RU, EN.format("Lisbon"))
    assert [f.evidence.get("original_name") for f in found] == ["Испанией"]


def test_country_and_place_by_the_gazetteer() -> None:
    # A country and a city in it, either way round, inflected or not.
    assert country_and_place(("Испании", "Spain"), "ru", ("Madrid",), "en")
    assert country_and_place(("Madrid",), "en", ("Іспанії",), "uk")
    # What a name most likely names: Paris, France, not Paris, Texas.
    assert not country_and_place(("United States",), "en", ("Paris",), "en")
    # Two cities of one country, or two countries, are two names.
    assert not country_and_place(("Berlin",), "en", ("Munich",), "en")
    assert not country_and_place(("Spain",), "en", ("Portugal",), "en")
