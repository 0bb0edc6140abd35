"""What a stated source says of a frequent word in an original: a village named after a common
word is no name, and a person's name the gazetteer also has as a place is judged as a person's."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.extract import PLACE, listed_name
from mtcheck.pipeline import check_text
from mtcheck.registry import CHECKS
from mtcheck.types import Finding, Severity

MINE = {"name-missing", "name-mismatch", "name-transliteration"}
NO_MODEL = Config(disable=frozenset(set(CHECKS.names()) - MINE), model=ModelSettings(enabled=False))


def warnings_for(original: str, translation: str) -> list[Finding]:
    report = check_text(translation, source_lang="uk", target_lang="en", original=original, config=NO_MODEL)
    return [f for f in report.findings if f.severity >= Severity.WARNING]


def test_a_village_named_after_a_common_word_is_no_listed_place() -> None:
    # GeoNames has villages named Свобода ("freedom") and Перемога ("victory"), no population.
    assert listed_name("Свободи", "uk", "член Кокусу ") == ""
    assert listed_name("Перемоги", "uk", "на площі ") == ""
    # A large city or a country is one, by its dictionary form.
    assert listed_name("Берліні", "uk", "зустріч у ") == PLACE
    assert listed_name("Індонезії", "uk", "землетрус в ") == PLACE


def test_translated_name_of_a_common_word_is_quiet() -> None:
    original = "Розендейл, член радикальної правої фракції Свободи, зірвав голосування в середу."
    translation = "Rosendale, a member of the hard-right Freedom Caucus, derailed the Wednesday votes."
    assert warnings_for(original, translation) == []


ORIGINAL = "Вона сказала, що Кері кивнула і вийшла з кімнати."


def test_person_name_rendered_loosely_is_not_judged_by_a_places_forms() -> None:
    # Кері is a surname to pymorphy3 and Kerry to the gazetteer; Kari is its rendering here.
    assert warnings_for(ORIGINAL, "She said that Kari nodded and left the room.") == []


def test_person_name_dropped_is_a_warning() -> None:
    found = warnings_for(ORIGINAL, "She said that she nodded and left the room.")
    assert [f.evidence.get("original_name") for f in found] == ["Кері"]
