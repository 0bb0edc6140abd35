"""A frequent one-word place that only the gazetteer knows (Bristol, Berlin, London), lost in the
translation: a warning, unless its sentence renders it otherwise, by an adjective of its stem
(лондонських) or by the country it may stand for (Madrid → іспанський уряд) that the original does not
name itself."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.rendered import place_rendered
from mtcheck.pipeline import check_text
from mtcheck.registry import CHECKS
from mtcheck.types import Finding, Severity

MINE = {"name-missing", "name-mismatch", "name-transliteration"}
NO_MODEL = Config(disable=frozenset(set(CHECKS.names()) - MINE), model=ModelSettings(enabled=False))


def findings_for(original: str, translation: str, name: str) -> list[Finding]:
    report = check_text(translation, source_lang="en", target_lang="uk", original=original, config=NO_MODEL)
    return [f for f in report.findings if f.evidence.get("original_name") == name]


EN_BRISTOL = "The band from Bristol says that hip hop has moved away from its political roots."
UK_BRISTOL = "Гурт із Брістоля стверджує, що хіп-хоп відійшов від своїх політичних коренів."


def test_frequent_city_dropped_is_a_warning() -> None:
    found = findings_for(EN_BRISTOL, UK_BRISTOL.replace(" із Брістоля", ""), "Bristol")
    assert [(f.check, f.severity) for f in found] == [("name-missing", Severity.WARNING)]


def test_frequent_city_kept_is_quiet() -> None:
    assert findings_for(EN_BRISTOL, UK_BRISTOL, "Bristol") == []


def test_frequent_city_rendered_by_its_adjective_stays_a_hint() -> None:
    found = findings_for(EN_BRISTOL, UK_BRISTOL.replace("Гурт із Брістоля", "Брістольський гурт"), "Bristol")
    assert all(f.severity < Severity.WARNING for f in found)


EN_MADRID = "Madrid has refused to talk to the leaders of the region, the minister said."
UK_MADRID = "Як заявив міністр, іспанський уряд відмовився від переговорів з лідерами регіону."


def test_capital_rendered_by_its_country_stays_a_hint() -> None:
    found = findings_for(EN_MADRID, UK_MADRID, "Madrid")
    assert all(f.severity < Severity.WARNING for f in found)


def test_place_rendered_by_stem_or_by_a_country_the_original_does_not_name() -> None:
    forms = ("Лондон",)
    assert place_rendered(forms, ("GB",), "Ціни на лондонських ринках зросли.", "uk", "London prices rose.", "en")
    assert not place_rendered(forms, ("GB",), "Ціни на ринках зросли.", "uk", "London prices rose.", "en")
    # Берлін → Німеччина: the country stands for its capital only where the original does not
    # name the country itself.
    berlin = (("Берлін",), ("DE",))
    assert place_rendered(*berlin, "Німеччина відмовилася.", "uk", "Berlin refused.", "en")
    assert not place_rendered(
        *berlin, "Лідери Німеччини зустрілися.", "uk", "The leaders of Germany met in Berlin.", "en"
    )


def test_everyday_word_the_gazetteer_has_as_a_foreign_place_stays_a_hint() -> None:
    # Усі ("all") is a Ukrainian form of Wuxi; at the start of a sentence pymorphy3 reads it as
    # a pronoun, so no stated source makes it a name there.
    report = check_text(
        "Everyone involved in the housing sector warned that this would happen.",
        source_lang="uk",
        target_lang="en",
        original="Усі причетні до житлового сектору попереджали, що це станеться.",
        config=NO_MODEL,
    )
    assert [f for f in report.findings if f.severity >= Severity.WARNING] == []


def test_frequent_place_dropped_from_ukrainian_is_a_warning() -> None:
    report = check_text(
        "The band says that hip hop has moved away from its political roots.",
        source_lang="uk",
        target_lang="en",
        original="Гурт із Лондона стверджує, що хіп-хоп відійшов від своїх політичних коренів.",
        config=NO_MODEL,
    )
    found = [f for f in report.findings if f.severity >= Severity.WARNING]
    assert [f.evidence.get("original_name") for f in found] == ["Лондона"]
