"""Names between two Latin-script languages (de pl cs fr es → en), without a model.

A name is kept letter for letter, inflected or as its exonym: one the translation lacks is
dropped, and a name of the translation that nothing of the original accounts for is another
name in its place. Sentences written for these tests.
"""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.samescript import applies, fold
from mtcheck.pipeline import check_text
from mtcheck.types import Severity

NO_MODEL = Config(model=ModelSettings(enabled=False), select=("name-",))


def flagged(translation: str, original: str, source_lang: str) -> list[tuple[str, str]]:
    report = check_text(translation, source_lang=source_lang, target_lang="en", original=original, config=NO_MODEL)
    return [(f.check, f.text) for f in report.findings if f.severity >= Severity.WARNING]


def hints(translation: str, original: str, source_lang: str) -> list[str]:
    report = check_text(translation, source_lang=source_lang, target_lang="en", original=original, config=NO_MODEL)
    return [f.check for f in report.findings if f.severity == Severity.INFO]


TRUMP_DE = "US-Präsident Donald Trump schrieb am Montag, dass seine Regierung die Stürme genau beobachte."
TRUMP_EN = "US President Donald Trump wrote on Monday that his government is closely monitoring the storms."


def test_applies_only_to_two_latin_script_languages() -> None:
    assert applies("de", "en") and applies("pl", "en")
    assert not applies("uk", "en") and not applies("en", "en") and not applies("zh", "en")


def test_fold_drops_case_and_diacritics() -> None:
    assert fold("Söder") == "soder" and fold("Słania") == "slania"


def test_name_replaced_by_another_is_a_mismatch() -> None:
    swapped = TRUMP_EN.replace("Donald Trump", "Erwin Huber")
    assert flagged(swapped, TRUMP_DE, "de") == [("name-mismatch", "Erwin Huber")]


def test_name_kept_and_german_nouns_are_quiet() -> None:
    # Stürme, Regierung, Montag are capitalised German words, not names.
    assert flagged(TRUMP_EN, TRUMP_DE, "de") == []
    assert hints(TRUMP_EN, TRUMP_DE, "de") == []


def test_name_dropped_is_missing() -> None:
    original = "Pracując w szpitalu, Liggins wykorzystał wolny czas na badania."
    dropped = "While working at the hospital, he used his free time for research."
    assert flagged(dropped, original, "pl") == [("name-missing", "")]


def test_inflected_name_is_found() -> None:
    # Polish and Czech case endings: Trumpa is Trump, Merkelové is Merkel.
    assert flagged("Poland asked Trump for help.", "Polska poprosiła Trumpa o pomoc.", "pl") == []
    assert flagged("He spoke with Merkel on Friday.", "V pátek mluvil s Merkelovou.", "cs") == []


def test_exonym_is_found() -> None:
    # Varšava / Warsaw, Londýně / London: the translation's own name for the place.
    assert flagged("He lived in London and in Warsaw.", "Žil v Londýně a ve Varšavě.", "cs") == []


def test_exonym_replaced_is_flagged() -> None:
    found = flagged("He lived in London and in Madrid.", "Žil v Londýně a ve Varšavě.", "cs")
    assert [check for check, _text in found] == ["name-mismatch"]


def test_first_name_shortened_is_only_a_hint() -> None:
    original = "Der Präsident Donald Trump reiste am Montag nach Ohio."
    assert flagged("President Trump travelled to Ohio on Monday.", original, "de") == []


def test_acronym_dropped_is_missing_and_translated_acronym_is_quiet() -> None:
    original = "Según la OMS y la ONU, el virus se extiende."
    assert flagged("According to the WHO and the UN, the virus is spreading.", original, "es") == []
    assert flagged("According to experts, the virus is spreading.", "Según la NASA, el virus se extiende.", "es") == [
        ("name-missing", "")
    ]


def test_german_noun_that_is_also_a_place_and_currency_codes_are_quiet() -> None:
    # Essen is a city too, but written as the noun it needs no exonym; PLN renders zł.
    assert flagged("After dinner they flew to Berlin.", "Nach dem Essen flogen sie nach Berlin.", "de") == []
    assert flagged("Kowalski paid PLN 500.", "Kowalski zapłacił 500 zł.", "pl") == []
