"""The original's names found in the translation whatever their form (issue 10, items 2, 3, 7, 8).

Inflected originals (pymorphy3 lemmas), Arabic clitics (one rule), CLDR exonyms and bloc
abbreviations, names of the original extracted from it, warnings for dropped and replaced
names without a model, any original script, and the key index's cost.
"""

from __future__ import annotations

import pytest

from mtcheck.config import Config, ModelSettings
from mtcheck.names.clitics import clitic_variants, proclitic_length, strip_clitics
from mtcheck.names.exonyms import exonyms
from mtcheck.names.extract import extract, extract_known
from mtcheck.names.keyindex import FormIndex
from mtcheck.names.translit import SAME_SCRIPT_THRESHOLD
from mtcheck.pipeline import check_text
from mtcheck.registry import CHECKS
from mtcheck.types import Finding, Report, Severity

NAME_CHECKS = {"name-missing", "name-mismatch", "name-transliteration"}
NO_MODEL = Config(model=ModelSettings(enabled=False), disable=frozenset(set(CHECKS.names()) - NAME_CHECKS))


def check(src: str, tgt: str, original: str, translation: str) -> Report:
    return check_text(translation, source_lang=src, target_lang=tgt, original=original, config=NO_MODEL)


def warnings(report: Report) -> list[Finding]:
    return [f for f in report.findings if f.severity >= Severity.WARNING]


# --- one clitic rule ---------------------------------------------------------------------


def test_clitics_are_stripped_in_every_reading() -> None:
    assert strip_clitics("للكاتدرائية") == "كاتدرائية"  # li + al, written لل
    assert strip_clitics("وبالدنمارك") == "دنمارك"  # wa + bi + al
    assert proclitic_length("لكاتدرائية") == 1
    # A name that starts with a clitic's letter keeps its unstripped reading.
    assert clitic_variants("لبنان")[0] == "لبنان"
    assert clitic_variants("Kyiv") == ("Kyiv",)
    assert strip_clitics("ولز") == "ولز"  # three letters: nothing left to strip


def test_termbase_match_in_arabic_leaves_the_clitic_outside_the_span() -> None:
    text = "زار الوفد لكاتدرائية ولز أمس."
    [mention] = extract_known(text, ["كاتدرائية ولز"], SAME_SCRIPT_THRESHOLD)
    assert mention.text == "كاتدرائية ولز"
    assert text[mention.span.start - 1] == "ل"


def test_termbase_match_in_arabic_is_quiet_without_the_term() -> None:
    assert extract_known("زار الوفد الكنيسة الكبيرة أمس.", ["كاتدرائية ولز"], SAME_SCRIPT_THRESHOLD) == []


# --- exonyms and inflected originals -----------------------------------------------------


def test_cldr_gives_established_forms_of_regions_and_blocs() -> None:
    assert "Hong Kong" in exonyms("Гонконгу", "uk", "en")  # declined: lemma Гонконг
    assert "US" in exonyms("США", "ru", "en")
    assert "Denmark" in exonyms("بالدانمرك", "ar", "en")  # "in Denmark", CLDR's spelling
    assert "EU" in exonyms("ЄС", "uk", "en")  # the abbreviations table
    assert set(exonyms("Туреччини", "uk", "en")) >= {"Türkiye", "Turkey"}  # CLDR's name and its variant
    for word in ("من", "فريق", "مرات", "بأننا", "بالغين", "الإعلام"):  # from, team, times, that we, adults, media
        assert exonyms(word, "ar", "en") == (), word


@pytest.mark.parametrize(
    ("src", "tgt", "original", "translation"),
    [
        ("uk", "en", "Делегація прибула до Гонконгу зі США.", "The delegation arrived in Hong Kong from the US."),
        ("ar", "en", "وصل الوفد إلى الدنمارك يوم الثلاثاء.", "The delegation arrived in Denmark on Tuesday."),
        ("ar", "en", "فاز الفريق باسم المدينة طوال الموسم.", "The team won for the city all season."),
        ("uk", "en", "Зеленський зустрівся з Дудою у Варшаві.", "Zelensky met Duda in Warsaw."),
        ("en", "uk", "The delegation arrived in Hong Kong.", "Делегація прибула до Гонконгу."),
        # CLDR's variant name (Turkey beside Türkiye), from ICU's region data
        ("uk", "en", "Делегація Туреччини прибула до Києва.", "The delegation of Turkey arrived in Kyiv."),
    ],
)
def test_exonyms_and_inflected_names_are_found(src: str, tgt: str, original: str, translation: str) -> None:
    assert check(src, tgt, original, translation).findings == ()


def test_dropped_exonym_is_a_warning() -> None:
    [finding] = check("ar", "en", "وصل الوفد إلى ألمانيا يوم الثلاثاء.", "The delegation arrived on Tuesday.").findings
    assert (finding.check, finding.severity) == ("name-missing", Severity.WARNING)
    assert "Germany" in finding.evidence["expected"]


# --- the original's own names --------------------------------------------------------------


def test_capitalised_verb_at_sentence_start_is_not_a_name() -> None:
    assert extract("Подчеркиваю, что переговоры продолжаются.", "ru") == []
    assert check("ru", "en", "Подчеркиваю, что переговоры продолжаются.", "I stress that talks go on.").findings == ()


def test_name_at_sentence_start_is_still_a_name() -> None:
    assert [m.text for m in extract("Шольц прибыл вчера.", "ru")] == ["Шольц"]


# --- dropped and replaced names without a model --------------------------------------------


def test_dropped_person_name_is_a_warning_without_a_model() -> None:
    original = "Elin Jones, the presiding officer, said the vote was close."
    report = check("en", "ru", original, "Председатель сказала, что голосование было близким.")
    [finding] = warnings(report)
    assert (finding.check, finding.evidence["original_name"]) == ("name-missing", "Elin Jones")


def test_kept_person_name_is_quiet_without_a_model() -> None:
    original = "Elin Jones, the presiding officer, said the vote was close."
    report = check("en", "ru", original, "Элин Джонс, председатель, сказала, что голосование было близким.")
    assert warnings(report) == []


def test_uncertain_drop_stays_info() -> None:
    # A lone word: it may have been translated (Llywydd → спикер), so only a hint.
    report = check("en", "ru", "The Llywydd said the vote was close.", "Спикер сказала, что голосование было близким.")
    assert [f.severity for f in report.findings] == [Severity.INFO]


def test_name_replaced_by_another_is_a_mismatch_without_a_model() -> None:
    report = check("uk", "en", "Делегація прибула до Гонконгу.", "The delegation arrived in Macau.")
    [finding] = report.findings
    assert (finding.check, finding.severity, finding.text) == ("name-mismatch", Severity.WARNING, "Macau")
    assert finding.evidence["original_name"] == "Гонконгу"


def test_name_mismatch_runs_without_a_model() -> None:
    assert CHECKS.get("name-mismatch").needs == frozenset({"pair"})


# --- any original script ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "original"),
    [
        ("zh", "总统周二在 Cupertino 会见了 Biden。"),
        ("ja", "首相は火曜日に Tokyo で Biden 大統領と会談した。"),
        ("hi", "नरेंद्र मोदी ने मंगलवार को दिल्ली में बाइडेन से मुलाकात की।"),
        ("he", "נתניהו נפגש ביום שלישי עם ביידן בירושלים."),
        ("el", "Ο Μητσοτάκης συναντήθηκε με τον Μπάιντεν στην Αθήνα."),
        ("ka", "ირაკლი კობახიძე თბილისში შეხვდა ბაიდენს."),
    ],
)
def test_any_original_script_is_checked_without_crashing(lang: str, original: str) -> None:
    report = check_text(
        "The leader met Biden on Tuesday.",
        source_lang=lang,
        target_lang="en",
        original=original,
        config=Config(model=ModelSettings(enabled=False)),
    )
    unextracted = [n for n in report.notes if "names of the" in n]
    assert len(unextracted) == (1 if lang in ("zh", "ja") else 0)
    assert "repeated-word" in CHECKS.names()  # the other checks ran: nothing skipped the run


# --- cost: the key index -----------------------------------------------------------------------


def test_key_index_finds_the_close_form_only() -> None:
    index = FormIndex(["Rustem Umerov", "Umerov", "Olaf Scholz", "Scholz"])
    assert index.best("Omerov", 1, 0.8)[0] == "Umerov"
    assert index.best("Petrenko", 1, 0.8) == ("", 0.0)


def test_translated_name_of_common_words_stays_info() -> None:
    # Capitalised and multi-word, but made of English words, which translators translate.
    report = check(
        "en", "uk", "The Drought Monitor said rain was coming.", "Служба моніторингу посухи заявила, що йде дощ."
    )
    assert warnings(report) == []


def test_headline_capitals_are_not_clear_names() -> None:
    report = check("en", "uk", "Analysts Warn Of Deep Slowdown", "Аналітики попереджають про глибокий спад")
    assert warnings(report) == []
