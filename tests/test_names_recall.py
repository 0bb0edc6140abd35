"""Names replaced, dropped or re-romanised, found without a model; clean copy stays quiet."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.mentions import ledger
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False), select=("name-",))


def names(translation: str, original: str, source_lang: str, target_lang: str) -> list[Finding]:
    report = check_text(
        translation, source_lang=source_lang, target_lang=target_lang, original=original, config=NO_MODEL
    )
    return [f for f in report.findings if f.severity >= Severity.WARNING]


# --------------------------------------------------------------------------- name-mismatch

SHIP = "The hospital ship was stationed off Lombok to treat the victims."


def hints(translation: str, original: str, source_lang: str, target_lang: str) -> list[Finding]:
    report = check_text(
        translation, source_lang=source_lang, target_lang=target_lang, original=original, config=NO_MODEL
    )
    return [f for f in report.findings if f.check == "name-mismatch"]


def test_rare_name_in_place_of_the_originals_is_a_mismatch_hint() -> None:
    # A hint, not a warning: on clean wire copy the rule costs about 0.2 warnings per 1,000 words.
    found = hints("Плавучий госпіталь стояв біля Ферика, щоб лікувати постраждалих.", SHIP, "en", "uk")
    assert [(f.text, f.severity) for f in found] == [("Ферика", Severity.INFO)]
    assert "Lombok" in found[0].message


def test_the_originals_name_rendered_is_no_mismatch() -> None:
    assert not hints("Плавучий госпіталь стояв біля Ломбока, щоб лікувати постраждалих.", SHIP, "en", "uk")


def test_a_translated_name_is_no_mismatch() -> None:
    # Pacific Ocean is translated (Тихий океан), and the translation adds nothing rare in its place.
    original = "A trough is taking shape over the Pacific Ocean near Fiji."
    assert not hints("Над Тихим океаном біля Фіджі формується улоговина.", original, "en", "uk")


LONDON = "A cyclist has died in a collision in London.\nLondon police said the driver fled."


def test_frequent_name_the_translation_keeps_elsewhere_is_checked() -> None:
    # "London" is a frequent word, but the translation transliterates it: a name it keeps.
    found = hints(
        "Велосипедист загинув у зіткненні в Джакарті.\nПоліція Лондона заявила, що водій утік.", LONDON, "en", "uk"
    )
    assert [(f.text, f.severity) for f in found] == [("Джакарті", Severity.INFO)]


def test_frequent_name_kept_is_quiet() -> None:
    assert not hints(
        "Велосипедист загинув у зіткненні в Лондоні.\nПоліція Лондона заявила, що водій утік.", LONDON, "en", "uk"
    )


# --------------------------------------------------------------------------- name-missing


def test_name_said_again_in_the_original_is_only_a_hint_when_dropped() -> None:
    # Every other mention of the translation renders one of the original's own, so the name
    # was dropped here; but a pronoun for a repeated name looks just like this: a hint.
    report = check_text(
        "Ердоган прибув до Берліна в суботу вранці.\nНаступного дня він зустрівся з канцлером для переговорів.",
        source_lang="en",
        target_lang="uk",
        original="Erdogan arrived in Berlin on Saturday morning.\nThe next day Erdogan met the chancellor for talks.",
        config=NO_MODEL,
    )
    [finding] = [f for f in report.findings if f.check == "name-missing"]
    assert finding.severity == Severity.INFO
    assert "dropped here" in finding.message


def test_ledger_tells_a_spare_mention_from_an_owned_one() -> None:
    book = ledger(
        [
            (["Erdogan arrived in Berlin."], ["Ердоган прибув до Берліна."]),
            (["Erdogan met the chancellor."], ["Він зустрівся з канцлером."]),
            (["The talks were long."], ["Переговори Ердогана були довгими."]),
        ]
    )
    # link 2's mention has no owner in its original: the name may have moved there
    assert book.spare_mention(1, "Erdogan", (), "en")
    owned = ledger([(["Erdogan spoke."], ["Ердоган виступив."]), (["Erdogan left."], ["Він пішов."])])
    assert not owned.spare_mention(1, "Erdogan", (), "en")


# --------------------------------------------------------------------------- name-romanisation


def test_exonym_passed_over_for_a_letter_by_letter_spelling() -> None:
    original = "Толпа кричала: «Да здравствует Испания»."
    found = names("The crowd shouted: “Long live Ispaniya.”", original, "ru", "en")
    assert [(f.check, f.text, f.suggestion) for f in found] == [("name-romanisation", "Ispaniya", "Spain")]


def test_exonym_used_is_quiet() -> None:
    assert not names("The crowd shouted: “Long live Spain.”", "Толпа кричала: «Да здравствует Испания».", "ru", "en")


NEWPORT = "Воры украли деньги в Ньюпорте.\nПолиция Ньюпорта ищет их."


def test_one_original_name_rendered_two_ways_one_unattested() -> None:
    found = names("Thieves stole money in Newport.\nThe Nyuport police are looking for them.", NEWPORT, "ru", "en")
    assert [(f.check, f.text, f.suggestion) for f in found] == [("name-romanisation", "Nyuport", "Newport")]


def test_one_original_name_rendered_one_way_is_quiet() -> None:
    assert not names("Thieves stole money in Newport.\nThe Newport police are looking for them.", NEWPORT, "ru", "en")


CROYDON = "Первый магазин открылся в Кройдоне на юге Лондона."


def test_name_spelled_back_where_the_language_has_the_word() -> None:
    found = names("The first store opened in Kroydon, south London.", CROYDON, "ru", "en")
    assert [(f.check, f.text, f.suggestion) for f in found] == [("name-romanisation", "Kroydon", "Croydon")]


def test_name_in_the_languages_spelling_is_quiet() -> None:
    assert not names("The first store opened in Croydon, south London.", CROYDON, "ru", "en")


def test_name_restored_to_its_own_spelling_is_quiet() -> None:
    # Haeder is no standard romanisation of Хедер (Kheder, Heder): its bearer's own spelling.
    assert not names("So says Mark Haeder, a political scientist.", "Так считает Марк Хедер, политолог.", "ru", "en")
