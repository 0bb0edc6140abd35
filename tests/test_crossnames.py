"""Names across languages: name-missing, name-mismatch and name-transliteration.

Hand-written bilingual pairs (English ↔ Ukrainian, Arabic → English, Russian → English),
back-translations from the dict-backed test double, the bundled gazetteer for known forms.
"""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.pipeline import check_documents, check_text
from mtcheck.registry import CHECKS
from mtcheck.types import Document, Finding, Location, Report, Segment, Severity
from tests.doubles import DictTranslator

MINE = {"name-missing", "name-mismatch", "name-transliteration"}
WITH_MODEL = Config(disable=frozenset(set(CHECKS.names()) - MINE))
NO_MODEL = Config(disable=frozenset(set(CHECKS.names()) - MINE), model=ModelSettings(enabled=False))

EN = [
    "President Volodymyr Zelensky met the mayor of Kharkiv on Monday.",
    "The talks lasted two hours and ended without a statement.",
]
UK_CLEAN = [
    "Президент Володимир Зеленський у понеділок зустрівся з мером Харкова.",
    "Переговори тривали дві години і завершилися без заяви.",
]
UK_DROPPED = [
    "Президент у понеділок зустрівся з мером Харкова.",
    UK_CLEAN[1],
]
UK_SWAPPED = [
    "Президент Петро Порошенко у понеділок зустрівся з мером Харкова.",
    UK_CLEAN[1],
]
UK_RUSSIAN_FORM = [
    "Президент Володимир Зеленський у понеділок зустрівся з мером Харькова.",
    UK_CLEAN[1],
]
UK_BACK = {
    UK_CLEAN[0]: "President Volodymyr Zelensky met with the mayor of Kharkiv on Monday.",
    UK_CLEAN[1]: "The negotiations lasted two hours and ended without a statement.",
    UK_DROPPED[0]: "On Monday the president met with the mayor of Kharkiv.",
    UK_SWAPPED[0]: "President Petro Poroshenko met with the mayor of Kharkiv on Monday.",
    UK_RUSSIAN_FORM[0]: "President Volodymyr Zelensky met with the mayor of Kharkov on Monday.",
}


def en_uk(translation: list[str], config: Config = WITH_MODEL) -> Report:
    return check_text(
        "\n".join(translation),
        source_lang="en",
        target_lang="uk",
        original="\n".join(EN),
        config=config,
        translator=DictTranslator({("uk", "en"): UK_BACK}) if config is WITH_MODEL else None,
    )


def of(report: Report, check: str) -> list[Finding]:
    return [f for f in report.findings if f.check == check]


def test_clean_ukrainian_translation_is_quiet() -> None:
    assert en_uk(UK_CLEAN).findings == ()
    assert en_uk(UK_CLEAN, NO_MODEL).findings == ()


def test_dropped_name_is_an_error_when_the_back_translation_confirms_it() -> None:
    [finding] = en_uk(UK_DROPPED).findings
    assert finding.check == "name-missing"
    assert finding.severity == Severity.ERROR
    assert finding.evidence["original_name"] == "Volodymyr Zelensky"
    assert EN[0][slice(*finding.evidence["original_span"])] == "Volodymyr Zelensky"
    assert finding.evidence["back_translation"] == UK_BACK[UK_DROPPED[0]]


def test_dropped_clear_name_without_a_model_is_a_warning() -> None:
    # No model, no known form, but a two-word name with a rare word: translators keep those.
    [finding] = en_uk(UK_DROPPED, NO_MODEL).findings
    assert finding.check == "name-missing"
    assert finding.severity == Severity.WARNING


def test_other_name_in_its_place_is_a_mismatch_with_all_three_spans() -> None:
    [finding] = en_uk(UK_SWAPPED).findings
    assert finding.check == "name-mismatch"
    assert finding.severity == Severity.ERROR
    assert finding.text in ("Петро", "Порошенко")
    assert finding.evidence["original_name"] == "Volodymyr Zelensky"
    assert finding.evidence["back_translation_name"] == "Petro Poroshenko"
    back = UK_BACK[UK_SWAPPED[0]]
    assert back[slice(*finding.evidence["back_translation_span"])] == "Petro Poroshenko"
    assert UK_SWAPPED[0][slice(*finding.evidence["target_span"])] == finding.text


def test_russian_form_of_a_ukrainian_city_is_a_transliteration_of_the_known_form() -> None:
    [finding] = en_uk(UK_RUSSIAN_FORM).findings
    assert finding.check == "name-transliteration"
    assert finding.text == "Харькова"
    assert finding.suggestion == "Харків"
    assert finding.evidence["original_name"] == "Kharkiv"
    assert finding.evidence["expected_from"] == "gazetteer"


def test_inflected_known_form_is_not_a_transliteration() -> None:
    report = check_text(
        "Делегація прибула до Києва. Переговори в Києві тривали до вечора.",
        source_lang="en",
        target_lang="uk",
        original="The delegation arrived in Kyiv. The talks in Kyiv lasted until the evening.",
        config=NO_MODEL,
    )
    assert report.findings == ()


# Arabic has no case: the original's names come from the gazetteer (ألمانيا = Germany) and
# from words that sound like a name of the translation (زيلينسكي ↔ Zelensky).
AR = ["قال زيلينسكي إن ألمانيا سترسل المزيد من المساعدات.", "ولم يذكر موعد وصولها."]
EN_FROM_AR = ["Zelensky said Germany would send more aid.", "He did not say when it would arrive."]
EN_FROM_AR_DROPPED = ["Zelensky said they would send more aid.", EN_FROM_AR[1]]
AR_BACK = {
    EN_FROM_AR[0]: "وقال زيلينسكي إن ألمانيا سترسل مساعدات إضافية.",
    EN_FROM_AR[1]: "ولم يقل متى ستصل.",
    EN_FROM_AR_DROPPED[0]: "وقال زيلينسكي إنهم سيرسلون مساعدات إضافية.",
}


def ar_en(translation: list[str], config: Config = WITH_MODEL) -> Report:
    return check_text(
        "\n".join(translation),
        source_lang="ar",
        target_lang="en",
        original="\n".join(AR),
        config=config,
        translator=DictTranslator({("en", "ar"): AR_BACK}) if config is WITH_MODEL else None,
    )


def test_arabic_original_clean_translation_is_quiet() -> None:
    assert ar_en(EN_FROM_AR).findings == ()
    assert ar_en(EN_FROM_AR, NO_MODEL).findings == ()


def test_arabic_original_known_place_dropped() -> None:
    [finding] = ar_en(EN_FROM_AR_DROPPED).findings
    assert finding.check == "name-missing"
    assert finding.evidence["original_name"] == "ألمانيا"
    assert "Germany" in finding.evidence["expected"]
    assert finding.severity == Severity.ERROR
    # Without a model the known form's absence still makes it a warning.
    [finding] = ar_en(EN_FROM_AR_DROPPED, NO_MODEL).findings
    assert (finding.check, finding.severity) == ("name-missing", Severity.WARNING)


RU = ["Владимир Путин встретился с Олафом Шольцем в Берлине.", "Встреча длилась час."]
EN_FROM_RU = ["Vladimir Putin met Olaf Scholz in Berlin.", "The meeting lasted an hour."]
EN_FROM_RU_DROPPED = ["Vladimir Putin met the chancellor in Berlin.", EN_FROM_RU[1]]
RU_BACK = {
    EN_FROM_RU[0]: "Владимир Путин встретился с Олафом Шольцем в Берлине.",
    EN_FROM_RU[1]: "Встреча продолжалась час.",
    EN_FROM_RU_DROPPED[0]: "Владимир Путин встретился с канцлером в Берлине.",
}


def ru_en(translation: list[str], config: Config = WITH_MODEL) -> Report:
    return check_text(
        "\n".join(translation),
        source_lang="ru",
        target_lang="en",
        original="\n".join(RU),
        config=config,
        translator=DictTranslator({("en", "ru"): RU_BACK}) if config is WITH_MODEL else None,
    )


def test_russian_original_declined_names_are_found() -> None:
    # Олафом Шольцем (instrumental) ↔ Olaf Scholz, Берлине (locative) ↔ Berlin.
    assert ru_en(EN_FROM_RU).findings == ()
    assert ru_en(EN_FROM_RU, NO_MODEL).findings == ()


def test_russian_original_dropped_name() -> None:
    [finding] = ru_en(EN_FROM_RU_DROPPED).findings
    assert (finding.check, finding.severity) == ("name-missing", Severity.ERROR)
    assert finding.evidence["original_name"] == "Олафом Шольцем"


def paired(target: str, source: str, fmt: str = "tmx") -> Report:
    segment = Segment("u1", target, source, Location(f"memory.{fmt}", 3, 1, "u1"))
    doc = Document(f"memory.{fmt}", "en", "uk", (segment,), format=fmt)
    return check_documents([doc], NO_MODEL)


def test_interface_catalogues_are_not_searched_for_names() -> None:
    # Title Case labels of a PO or XLIFF catalogue are not names; the termbase checks cover them.
    for fmt in ("po", "xliff"):
        assert [f.check for f in paired("Відкрити недавній файл", "Open Recent File", fmt).findings] == []


def test_paired_units_are_checked_without_an_original_file() -> None:
    assert paired("Ласкаво просимо до Києва", "Welcome to Kyiv").findings == ()
    [finding] = paired("Ласкаво просимо до Киева", "Welcome to Kyiv").findings
    assert (finding.check, finding.text, finding.suggestion) == ("name-transliteration", "Киева", "Київ")
    [finding] = paired("Ласкаво просимо", "Welcome to Kyiv").findings
    assert (finding.check, finding.severity) == ("name-missing", Severity.WARNING)


def test_hard_transliterations_and_kept_latin_names_are_counterparts() -> None:
    # Чейслер scores 0.73 against Czeisler (cz → ч): below the cross-script bar, but a
    # capitalised word of the sentence; Sainsbury's stays in Latin script.
    report = check_text(
        "Чарльз Чейслер розробив курс. Sainsbury's планує вийти на ринок косметики.",
        source_lang="en",
        target_lang="uk",
        original="Charles Czeisler designed the course. Sainsbury's plans push into the beauty market.",
        config=NO_MODEL,
    )
    assert report.findings == ()


def test_name_moved_to_another_sentence_is_only_a_hint() -> None:
    # A neighbouring sentence is tolerated silently (loose alignment); further away it is a hint.
    report = check_text(
        "Уряд оголосив про новий план реформ. Він почне діяти в травні наступного року. "
        "Про це в понеділок повідомив прем'єр-міністр Денис Шмигаль на брифінгу.",
        source_lang="en",
        target_lang="uk",
        original="Denys Shmyhal announced a new reform plan. It will start in May next year. "
        "The prime minister said this on Monday at a briefing.",
        config=NO_MODEL,
    )
    [finding] = report.findings
    assert (finding.check, finding.severity) == ("name-missing", Severity.INFO)
    assert "elsewhere" in finding.message


def test_english_original_arabic_translation() -> None:
    original = "Mike Pompeo will visit Germany next week."
    clean = check_text(
        "سيزور مايك بومبيو ألمانيا الأسبوع المقبل.",
        source_lang="en",
        target_lang="ar",
        original=original,
        config=NO_MODEL,
    )
    assert clean.findings == ()
    dropped = check_text(
        "سيزور مايك بومبيو أوروبا الأسبوع المقبل.",
        source_lang="en",
        target_lang="ar",
        original=original,
        config=NO_MODEL,
    )
    [finding] = dropped.findings
    assert (finding.check, finding.severity) == ("name-missing", Severity.WARNING)
    assert finding.evidence["original_name"] == "Germany"
    assert finding.evidence["expected"] == ["ألمانيا"]
