"""Frequent words that are names in an original (Trump, Arizona, Лондона, Індонезії): taken from
a stated source (US Census names, the gazetteer, pymorphy3's proper-name tags), not from the
capital alone, and their loss reported without a model."""

from __future__ import annotations

import pytest

from mtcheck.config import Config, ModelSettings
from mtcheck.names.extract import PERSON, PLACE, extract, listed_name
from mtcheck.names.morphology import proper_noun
from mtcheck.pipeline import check_text
from mtcheck.registry import CHECKS
from mtcheck.types import Report, Severity

MINE = {"name-missing", "name-mismatch", "name-transliteration"}
NO_MODEL = Config(disable=frozenset(set(CHECKS.names()) - MINE), model=ModelSettings(enabled=False))


def names(text: str, lang: str) -> list[str]:
    return [m.text for m in extract(text, lang, frequent=True)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Магазин откроется на юге Лондона в марте.", "ru", ["Лондона"]),  # Geox, Zipf 4.3
        ("Землетрус в Індонезії забрав життя сотень людей.", "uk", ["Індонезії"]),  # CLDR country, by its lemma
        ("Трамп заявив, що Кларк приїде до Вашингтона.", "uk", ["Трамп", "Кларк", "Вашингтона"]),
        ("The rally in Arizona was led by Trump and Clark.", "en", ["Arizona", "Trump", "Clark"]),
    ],
)
def test_frequent_names_of_an_original_are_extracted(text: str, lang: str, expected: list[str]) -> None:
    assert names(text, lang) == expected
    # Other texts (translations, one language checks) are read as before.
    assert not set(expected) <= {m.text for m in extract(text, lang)}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Western leaders met at the Court with Olympic officials.", "en"),  # everyday or not read alike abroad
        ("She told the Chair and the Bench that it was over.", "en"),  # "the X": offices
        ("Подчеркиваю, что Запад не поможет.", "ru"),  # a verb; a place reading with 0.06 of the probability
        ("Верховна Рада ухвалила закон, а Білий Дім мовчить.", "uk"),  # Рада, Білий: adjective readings too
        ("Кларк прийшов першим.", "uk"),  # at the start of a sentence Кларк is also "clerk"
        ("Он стал членом Зала Славы бейсбола.", "ru"),  # what is left of a translated name
    ],
)
def test_frequent_common_words_stay_out(text: str, lang: str) -> None:
    assert names(text, lang) == []


def test_listed_name_tells_persons_from_places() -> None:
    assert listed_name("Trump", "en", "They said ") == PERSON
    assert listed_name("Arizona", "en", "They said ") == PLACE
    assert listed_name("London", "en", "They said ") == PLACE  # a census name too, but a city first
    assert listed_name("Трампа", "ru", "Они поддержали ") == PERSON
    assert listed_name("Лондона", "ru", "на юге ") == PLACE


def test_listed_name_needs_the_middle_of_a_sentence_in_english() -> None:
    assert not listed_name("Trump", "en", "")  # capitalised by position
    assert not listed_name("Trump", "en", "met the ")  # "the X": an office or an institution
    assert not listed_name("Court", "en", "They said ")  # an everyday word
    assert not listed_name("Easter", "en", "They said ")  # read far less in other languages


def test_proper_noun_weighs_readings() -> None:
    assert proper_noun("Трампа", "ru")  # surname 0.67 against a common noun
    assert not proper_noun("Запад", "ru")
    assert proper_noun("Трамп", "uk", only=True)
    assert not proper_noun("Кларк", "uk", only=True)
    assert not proper_noun("Trump", "en")


def check(original: str, translation: str, src: str, tgt: str) -> Report:
    return check_text(translation, source_lang=src, target_lang=tgt, original=original, config=NO_MODEL)


EN_TRUMP = "Speaking in Wheeling, Trump said the vote would be held on Friday."
UK_TRUMP = "Виступаючи у Вілінгу, Трамп заявив, що голосування відбудеться у п'ятницю."


def test_frequent_name_replaced_without_a_model_is_a_warning() -> None:
    report = check(EN_TRUMP, UK_TRUMP.replace("Трамп", "Снуп"), "en", "uk")
    found = [f for f in report.findings if f.evidence.get("original_name") == "Trump"]
    assert found and found[0].severity >= Severity.WARNING


def test_frequent_name_kept_is_quiet() -> None:
    assert check(EN_TRUMP, UK_TRUMP, "en", "uk").findings == ()


UK_INDONESIA = "Влада Індонезії заявила, що кількість жертв землетрусу зросла до 832 людей."
EN_INDONESIA = "The authorities of Indonesia said the death toll from the earthquake had risen to 832 people."


def test_frequent_place_dropped_from_an_inflected_original_is_a_warning() -> None:
    report = check(UK_INDONESIA, EN_INDONESIA.replace(" of Indonesia", ""), "uk", "en")
    found = [f for f in report.findings if f.evidence.get("original_name") == "Індонезії"]
    assert found and found[0].severity >= Severity.WARNING


def test_frequent_place_of_an_inflected_original_kept_is_quiet() -> None:
    assert check(UK_INDONESIA, EN_INDONESIA, "uk", "en").findings == ()
