"""GeoNames alternate names in Cyrillic and Arabic: the letter rule that gives them a language,
the schema that keeps one form per language, and what the shipped gazetteer then knows."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from mtcheck.names.gazetteer import Gazetteer, load_gazetteer
from mtcheck.names.originals import known_forms
from mtcheck.names.sources import NameSources
from mtcheck.types import Document

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "tools" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def shipped() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("form", "languages"),
    [
        ("Лондон", ("uk", "ru")),  # no letter of one language only: both
        ("Берлін", ("uk",)),
        ("Х’юстон", ("uk",)),  # the apostrophe is Ukrainian
        ("Объединённый", ("ru",)),
        ("Бэрлін", ()),  # э and і together: Belarusian
        ("Сиднеј", ()),  # ј: Serbian
        ("Мәскеу", ()),  # ә: Kazakh
        ("Бристъл", ()),  # ъ inside a word, not before е ё ю я: Bulgarian
        ("Лондон ош", ()),  # a lower-case word: not a name as written in Russian or Ukrainian
        ("لندن", ("ar",)),
        ("بريستول", ("ar",)),
        ("برلین", ()),  # Persian ی
        ("پاریس", ()),  # Persian پ
        ("تِهران", ()),  # vowel marks
        ("لندن، انتاریو", ()),
        ("Лон1дон", ()),
    ],
)
def test_the_letters_tell_the_language(builder: ModuleType, form: str, languages: tuple[str, ...]) -> None:
    assert builder.alternate_languages(form) == languages


def test_one_form_per_language_and_the_old_queries(builder: ModuleType, tmp_path: Path) -> None:
    b = builder.Builder()
    berlin = b.entity("Berlin", "city", "DE", 3_400_000, "test")
    b.name("Berlin", berlin, "", "preferred")
    for lang in ("uk", "ru"):
        b.name("Берлин", berlin, lang, "variant")
    b.name("Берлін", berlin, "uk", "variant")
    kyiv = b.entity("Kyiv", "city", "UA", 2_900_000, "test")
    b.name("Kyiv", kyiv, "", "preferred")
    b.name("Kiev", kyiv, "", "variant")
    b.name("Kiev", kyiv, "en", "deprecated")  # replaces the language-free variant, as before
    b.name("Київ", kyiv, "uk", "preferred")
    b.write(tmp_path / "g.sqlite", {"source": "test"})
    g = Gazetteer(tmp_path / "g.sqlite")

    assert [p.preferred for p in g.lookup("берлин")] == ["Berlin"]  # two rows, one entry
    assert g.known("БЕРЛИН") and not g.known("Бэрлін")
    (uk,) = g.translations("Berlin", "en", "uk")
    assert set(uk.forms) == {"Берлин", "Берлін"}
    (ru,) = g.translations("Berlin", "en", "ru")
    assert ru.forms == ("Берлин",)
    (en,) = g.translations("Берлін", "uk", "en")
    assert "Berlin" in en.forms and en.preferred == "Berlin"
    assert g.translations("Берлін", "ru", "en") == []  # a Ukrainian form is no Russian one
    assert g.translations("Kiev", "en", "uk") == []  # deprecated: not a way in
    assert [(p.form, p.preferred) for p in g.deprecated_forms("en")] == [("Kiev", "Kyiv")]
    assert [p.status for p in g.lookup("Kiev")] == ["deprecated"]


def _known(name: str, src: str, tgt: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    found = known_forms(name, NameSources(Document(None, src, tgt, ()), gazetteer=gazetteer))
    return found.forms if found is not None else ()


@pytest.mark.parametrize(
    ("name", "src", "tgt", "expected"),
    [
        ("London", "en", "uk", "Лондон"),
        ("London", "en", "ru", "Лондон"),
        ("Лондона", "ru", "en", "London"),  # declined: found through its lemma
        ("Лондоні", "uk", "en", "London"),
        ("Berlin", "en", "uk", "Берлін"),
        ("Houston", "en", "uk", "Х'юстон"),  # any apostrophe
        ("Хьюстоне", "ru", "en", "Houston"),
    ],
)
def test_large_cities_have_their_cyrillic_and_arabic_forms(
    shipped: Gazetteer, name: str, src: str, tgt: str, expected: str
) -> None:
    assert expected in _known(name, src, tgt, shipped)


def test_the_shipped_file_keeps_the_letter_rule(shipped: Gazetteer) -> None:
    assert "Берлін" not in _known("Berlin", "en", "ru", shipped)
    assert not shipped.known("Бэрлін") and not shipped.known("Сиднеј")
    # Built without --arabic: no GeoNames Arabic alternates (CLDR's country names stay).
    assert not shipped.known("لندن") and shipped.meta()["population:arabic-alternates"] == "none"
    assert _known("Germany", "en", "ar", shipped)
    # Харьков is GeoNames' Russian form of Kharkiv; Ukrainian has KATOTTG's Харків only.
    assert "Харьков" in _known("Kharkiv", "en", "ru", shipped)
    assert _known("Kharkiv", "en", "uk", shipped) == ("Харків",)


@pytest.mark.parametrize(
    ("form", "population", "country", "kept"),
    [
        ("لندن", 8_961_989, "GB", True),
        ("سيدني", 5_638_830, "AU", True),
        ("عشاق", 369_433, "TR", False),  # "lovers" (Uşak): too small a city
        ("ميدان", 2_486_283, "ID", False),  # "square" (Medan): far more frequent than Medan in English
        ("المدينة", 1_300_000, "SA", False),  # the article and "city"
        ("القاهرة", 9_606_916, "EG", True),
        ("جده", 4_697_000, "SA", False),  # ه for the listed ة spelling: "his grandfather"
    ],
)
def test_arabic_alternates_that_are_words_are_left_out(
    builder: ModuleType, form: str, population: int, country: str, kept: bool
) -> None:
    names = {"GB": "London", "AU": "Sydney", "TR": "Uşak", "ID": "Medan", "SA": "Medina", "EG": "Cairo"}
    city = {"name": names[country], "population": population, "countrycode": country}
    assert builder.arabic_name(form, city, ["جدة", form]) is kept


def test_a_small_town_keeps_no_alternates(shipped: Gazetteer) -> None:
    # Washington, Tyne and Wear (67,000) has Вашингтон among its GeoNames alternates; only the
    # US capital's is kept.
    assert {p.country for p in shipped.lookup("Вашингтон")} == {"US"}
    assert {p.population >= 100_000 for p in shipped.lookup("Вашингтон")} == {True}
