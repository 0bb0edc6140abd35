"""Wire copy checked against its original: every aligned pair gets every pair check.

Short texts written for these tests; no model (the alignment is the model-free one).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.config import Config
from mtcheck.names.morphology import arabic_clitic_forms, find_phrase, tokens
from mtcheck.pipeline import check_text
from mtcheck.read.numerals import numbers_in, same_number
from mtcheck.types import Finding, ModelSettings, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False))

RU = (
    "Официальные лица сообщили, что ущерб составил 11 млрд долларов. "
    "Собор Святого Петра в городе был построен в 1870 году по проекту архитектора. "
    "Подробности опубликованы на сайте https://example.org/news и по адресу press@example.org."
)
EN = (
    "Officials said the damage came to $11 billion. "
    "The city's St Peter's Cathedral was built in 1870 to a design by the architect. "
    "Details are published at https://example.org/news and press@example.org."
)


def run(text: str, original: str, src: str, tgt: str, config: Config = NO_MODEL) -> list[Finding]:
    report = check_text(text, source_lang=src, target_lang=tgt, original=original, config=config)
    return list(report.findings)


def of(findings: list[Finding], check: str) -> list[Finding]:
    return [f for f in findings if f.check == check]


def test_clean_wire_copy_is_quiet() -> None:
    found = run(EN, RU, "ru", "en")
    assert [f for f in found if f.check in {"numbers", "urls", "emails", "unaligned"}] == []


def test_changed_numbers_on_wire_copy_point_at_the_target_number() -> None:
    damaged = EN.replace("$11 billion", "$17 billion").replace("1870", "1880")
    found = of(run(damaged, RU, "ru", "en"), "numbers")
    assert [(f.segment_id, f.text, f.severity) for f in found] == [
        ("s1", "17 billion", Severity.WARNING),
        ("s2", "1880", Severity.WARNING),
    ]
    assert [f.suggestion for f in found] == ["11 млрд", "1870"]
    assert found[1].evidence["problem"] == "changed"


def test_urls_and_emails_on_wire_copy() -> None:
    damaged = EN.replace("example.org/news", "example.com/news").replace("press@example.org", "press@example.com")
    found = run(damaged, RU, "ru", "en")
    assert {(f.check, f.evidence["problem"]) for f in found if f.check in {"urls", "emails"}} == {
        ("urls", "missing"),
        ("urls", "extra"),
        ("emails", "missing"),
        ("emails", "extra"),
    }
    extra = next(f for f in found if f.check == "urls" and f.evidence["problem"] == "extra")
    assert extra.segment_id == "s3" and extra.text == "https://example.com/news"


def test_a_number_in_the_second_sentence_of_a_split_is_located_there() -> None:
    original = "Протест собрал 2500 человек в центре города, и полиция задержала 40 из них за нарушение порядка."
    clean = "The protest drew 2,500 people in the city centre. Police detained 40 of them for breaching order."
    assert of(run(clean, original, "ru", "en"), "numbers") == []
    damaged = clean.replace("40", "45")
    [hit] = of(run(damaged, original, "ru", "en"), "numbers")
    assert (hit.segment_id, hit.text, hit.suggestion) == ("s2", "45", "40")


ARABIC_ORIGINAL = "قالت الحكومة إن الأضرار بلغت 17 مليار دولار في عام 2020."


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("The government said the damage reached $17 billion in 2020.", False),
        ("The government said the damage reached $17bn in 2020.", False),  # glued: a name or code, never reported
        ("The government said the damage reached $17 bn in 2020.", False),
        ("The government said the damage reached $17,000,000,000 in 2020.", False),
        ("The government said the damage reached $11 billion in 2020.", True),
        ("The government said the damage reached $17 million in 2020.", True),
    ],
)
def test_scale_words_ar_en(translation: str, flagged: bool) -> None:
    found = of(run(translation, ARABIC_ORIGINAL, "ar", "en"), "numbers")
    assert bool(found) == flagged, found


@pytest.mark.parametrize(
    ("left", "lang_left", "right", "lang_right", "same"),
    [
        ("11 billion", "en", "11 млрд", "ru", True),
        ("11 billion", "en", "11 مليار", "ar", True),
        ("1.5 million", "en", "1,5 млн", "uk", True),
        ("١٫٥ مليون", "ar", "1.5 million", "en", True),
        ("۱۱ مليار", "ar", "11 billion", "en", True),  # Persian digits
        ("3,000", "en", "3 000", "ru", True),
        ("11 billion", "en", "11 млн", "ru", False),
        ("11 billion", "fr", "11 billion", "en", False),  # French "billion" is 10¹²
        ("11 billion", "en", "17 مليار", "ar", False),
    ],
)
def test_scale_words_by_value(left: str, lang_left: str, right: str, lang_right: str, same: bool) -> None:
    [a] = numbers_in(left, lang_left)
    [b] = numbers_in(right, lang_right)
    assert same_number(a, b) == same


def test_one_digit_numbers_spelled_out_on_the_other_side_are_not_reported() -> None:
    original = "В матче участвовали 2 судьи."
    assert of(run("Two referees took part in the match.", original, "ru", "en"), "numbers") == []
    assert of(run("В матче участвовали два судьи.", "2 referees took part in the match.", "en", "ru"), "numbers") == []
    # a one-digit number that replaces another is still a change
    [hit] = of(run("3 referees took part in the match.", original, "ru", "en"), "numbers")
    assert hit.text == "3" and hit.suggestion == "2"


def _termbase(tmp_path: Path) -> Config:
    path = tmp_path / "terms.csv"
    path.write_text("en,ar\nWells Cathedral,كاتدرائية ويلز\n", encoding="utf-8")
    return Config(model=ModelSettings(enabled=False), termbases=(str(path),))


def test_term_adherence_on_wire_copy_en_ar(tmp_path: Path) -> None:
    config = _termbase(tmp_path)
    original = "The choir sang at Wells Cathedral on Sunday evening."
    clean = "غنت الجوقة في كاتدرائية ويلز مساء الأحد."
    assert of(run(clean, original, "en", "ar", config), "term-adherence") == []
    # a preposition written onto the term is still the term
    assert of(run("غنت الجوقة لكاتدرائية ويلز مساء الأحد.", original, "en", "ar", config), "term-adherence") == []
    [hit] = of(run("غنت الجوقة في كاتدرائية الآبار مساء الأحد.", original, "en", "ar", config), "term-adherence")
    assert hit.severity == Severity.WARNING and hit.suggestion == "كاتدرائية ويلز" and hit.segment_id == "s1"


def test_term_adherence_on_wire_copy_ar_en(tmp_path: Path) -> None:
    config = _termbase(tmp_path)
    original = "غنت الجوقة والكاتدرائية ويلز تستضيفها مساء الأحد."  # "and the cathedral" with و + ال
    assert of(run("The choir sang, Wells Cathedral hosting it on Sunday.", original, "ar", "en", config),
              "term-adherence") == []  # fmt: skip
    original = "غنت الجوقة لكاتدرائية ويلز مساء الأحد."
    [hit] = of(run("The choir sang for the cathedral of the wells on Sunday.", original, "ar", "en", config),
               "term-adherence")  # fmt: skip
    assert hit.suggestion == "Wells Cathedral"


def test_arabic_clitics_stripped_in_their_order() -> None:
    assert "كاتدرائية" in arabic_clitic_forms("لكاتدرائية")
    assert "كاتدرائية" in arabic_clitic_forms("للكاتدرائية")  # ل + ال, alif dropped
    assert {"الكاتدرائية", "كاتدرائية"} <= arabic_clitic_forms("والكاتدرائية")
    assert arabic_clitic_forms("ولز") == {"ولز"}  # too short to lose its و
    term = [keys for _s, _e, keys in tokens("كاتدرائية ولز", "ar")]
    assert find_phrase(term, tokens("زار لكاتدرائية ولز أمس", "ar")) is not None
    assert find_phrase(term, tokens("زار كاتدرائية الآبار أمس", "ar")) is None


def test_tags_on_wire_copy_are_warnings() -> None:
    original = "Читайте <b>главную</b> новость дня на нашем сайте."
    assert of(run("Read the <b>main</b> story of the day on our site.", original, "ru", "en"), "tags") == []
    found = of(run("Read the main story of the day on our site.", original, "ru", "en"), "tags")
    assert found and all(f.severity == Severity.WARNING for f in found)


def test_prose_percent_is_no_placeholder() -> None:
    original = "Цены выросли на 5% и продолжили расти в мае."
    assert of(run("Prices rose 5% in April and kept rising in May.", original, "ru", "en"), "placeholders") == []


def test_no_original_no_pairs() -> None:
    report = check_text("The damage came to $17 billion.", source_lang="ru", target_lang="en", config=NO_MODEL)
    assert [f for f in report.findings if f.check == "numbers"] == []
    assert report.details["skipped_checks"][""]["numbers"].startswith("a source for each segment")


SPLIT_ORIGINAL = (
    "Городской совет утвердил бюджет на следующий год. "
    "Мэр Иван Петренко заявил, что 40 миллионов гривен пойдут на ремонт школ, а еще 12 миллионов — на новые "
    "автобусы для северных районов города. "
    "Оппозиция назвала этот план слишком дорогим и потребовала провести общественные слушания. "
    "Голосование состоится в четверг."
)
SPLIT_TRANSLATION = (
    "The city council approved next year's budget. "
    "Mayor Ivan Petrenko said 40 million hryvnias would go to repairing schools. "
    "Another 12 million would buy new buses for the northern districts of the city. "
    "The opposition called the plan too expensive and demanded public hearings. "
    "The vote will take place on Thursday."
)


def test_a_split_sentence_is_not_an_omission() -> None:
    found = run(SPLIT_TRANSLATION, SPLIT_ORIGINAL, "ru", "en")
    assert of(found, "unaligned") == []


def test_a_dropped_sentence_is_flagged() -> None:
    dropped = SPLIT_TRANSLATION.replace(
        "The opposition called the plan too expensive and demanded public hearings. ", ""
    )
    [hit] = of(run(dropped, SPLIT_ORIGINAL, "ru", "en"), "unaligned")
    assert hit.severity == Severity.WARNING and "Оппозиция" in hit.evidence["original"]


@pytest.mark.parametrize(
    ("original", "translation"),
    [
        ("The storm hit land 385 miles south of the city.", "Шторм вийшов на сушу за 620 км на південь від міста."),
        ("Forecasters expect 2 to 4 inches of rain.", "Синоптики очікують від 5,08 до 10,16 см опадів."),
        ("The match starts at 3 p.m. on Wednesday.", "Матч починається о 15:00 у середу."),
        ("She was found at 7.55am on Sunday.", "Її знайшли о 7:55 ранку в неділю."),
    ],
)
def test_converted_units_and_clock_times_are_quiet(original: str, translation: str) -> None:
    assert of(run(translation, original, "en", "uk"), "numbers") == []


def test_a_changed_clock_time_is_reported() -> None:
    [hit] = of(run("Матч починається о 16:00 у середу.", "The match starts at 3 p.m. on Wednesday.", "en", "uk"),
               "numbers")  # fmt: skip
    assert hit.text == "16:00" and hit.suggestion == "3 p.m."


def test_a_number_with_no_counterpart_on_wire_copy_is_only_a_hint() -> None:
    # written out in words on the other side: the same as a dropped number, to a program
    found = of(
        run("Чиновники насчитали двести пятьдесят лодок.", "Officials counted 250 boats.", "en", "ru"), "numbers"
    )
    assert [(f.severity, f.evidence["problem"]) for f in found] == [(Severity.INFO, "missing")]
    # replaced by another number: a change, and a warning
    [changed] = of(run("Чиновники насчитали 205 лодок.", "Officials counted 250 boats.", "en", "ru"), "numbers")
    assert changed.severity == Severity.WARNING
