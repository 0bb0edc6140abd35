"""Classes of false alarm on clean wire copy checked against its original, each quiet on the clean
case and still firing on the real error beside it. Short texts written for these tests; no model."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False))


def warnings(translation: str, original: str, src: str, tgt: str, check: str) -> list[Finding]:
    report = check_text(translation, source_lang=src, target_lang=tgt, original=original, config=NO_MODEL)
    return [f for f in report.findings if f.check == check and f.severity >= Severity.WARNING]


# --------------------------------------------------------------------------- name-mismatch

GAMES = "The swimmer won gold at the Commonwealth Games in Glasgow last year."


def test_a_word_of_the_name_translated_is_no_other_name() -> None:
    # Співдружності is a dictionary noun with no name reading and no place: "Commonwealth" translated.
    translation = "Торік плавець виграв золото на Іграх Співдружності у Глазго."
    assert warnings(translation, GAMES, "en", "uk", "name-mismatch") == []


def test_a_place_in_the_names_stead_is_still_another_name() -> None:
    # The Ukrainian dictionary reads Флориди as a plain noun too, but the gazetteer knows the place.
    original = "The swimmer won gold at the meet in Glasgow last year."
    translation = "Торік плавець виграв золото на змаганнях у Флориди."
    found = warnings(translation, original, "en", "uk", "name-mismatch")
    assert [f.text for f in found] == ["Флориди"]


def test_a_hashtag_translated_is_no_other_name() -> None:
    original = "Great flight today with Teagan Air. #PilotTraining #pa28"
    translation = "Чудовий політ сьогодні з Teagan Air. #ПідготовкаПілотів #pa28"
    assert warnings(translation, original, "en", "uk", "name-mismatch") == []


def test_a_name_in_place_of_a_hashtags_name_is_still_reported() -> None:
    original = "Great flight today over Glasgow with the club. #PilotTraining"
    translation = "Чудовий політ сьогодні над Бостоном із клубом. #ПідготовкаПілотів"
    assert [f.text for f in warnings(translation, original, "en", "uk", "name-mismatch")] == ["Бостоном"]


# --------------------------------------------------------------------------- untranslated-script


def test_a_rare_word_kept_in_latin_letters_is_no_untranslated_prose() -> None:
    # wordfreq: tailwind and flightaware are no everyday English words: a product kept as written.
    original = "This tailwind component library is neat. Data from flightaware."
    translation = "Ця бібліотека компонентів tailwind чудова. Дані з flightaware."
    assert warnings(translation, original, "en", "uk", "untranslated-script") == []


def test_an_everyday_word_left_in_latin_letters_is_still_flagged() -> None:
    original = "Some life survived in yet another hard period."
    translation = "Деяке життя вижило в yet іншому важкому періоді."
    assert [f.text for f in warnings(translation, original, "en", "uk", "untranslated-script")] == ["yet"]


def test_a_name_the_original_capitalises_is_kept_as_written() -> None:
    # Capitalised inside the original's sentence: a name or a title (Global Citizen, I Love it).
    original = "Global Citizen organisers say the road will be long. West performed I Love it on stage."
    translation = "Організатори Global citizen кажуть, що шлях буде довгим. Вест виконав «I Love it» на сцені."
    assert warnings(translation, original, "en", "uk", "untranslated-script") == []


def test_a_name_the_original_capitalises_in_another_sentence_is_kept_too() -> None:
    original = "New York hosts the Global Citizen Festival. Global citizen replied: the road will be long."
    translation = "Нью-Йорк приймає фестиваль Global Citizen. Global citizen відповіли: шлях буде довгим."
    assert warnings(translation, original, "en", "uk", "untranslated-script") == []


def test_prose_the_original_writes_in_lower_case_is_still_flagged() -> None:
    # "reported" is lower case in the original, and "We" only opens a sentence there.
    original = "He said Reuters reported it yesterday. We must do it well, he added."
    translation = "Він сказав, що Reuters reported це вчора. We must do it well, додав він."
    found = warnings(translation, original, "en", "uk", "untranslated-script")
    assert [f.text for f in found] == ["Reuters reported", "We must do it well"]


def test_html_character_references_are_no_words_and_no_numbers() -> None:
    # A text escaped twice keeps &quot; and &#39;: markup, neither untranslated text nor a number.
    original = "He said it's &quot;a new normal&quot; for AT&amp;T customers."
    translation = "Він сказав, що це &quot;нова норма&quot; для клієнтів AT&amp;T, а інтерв&#39;ю вийде завтра."
    found = check_text(translation, source_lang="en", target_lang="uk", original=original, config=NO_MODEL).findings
    assert [f.check for f in found if f.check in ("untranslated-script", "numbers")] == []


def test_a_number_beside_a_character_reference_is_still_checked() -> None:
    original = "He said it's &quot;a new normal&quot; for 30 customers."
    translation = "Він сказав, що це &quot;нова норма&quot; для 80 клієнтів."
    assert [f.text for f in warnings(translation, original, "en", "uk", "numbers")] == ["80"]
