"""Clean wire copy checked against its original stays quiet; the same texts damaged still fire.

Short texts written for these tests; no model.
"""

from __future__ import annotations

from mtcheck.align.align import Alignment, Link, absorb_splits
from mtcheck.config import Config
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, ModelSettings, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False))


def run(text: str, original: str, src: str, tgt: str) -> list[Finding]:
    return list(check_text(text, source_lang=src, target_lang=tgt, original=original, config=NO_MODEL).findings)


def of(findings: list[Finding], check: str) -> list[Finding]:
    return [f for f in findings if f.check == check]


def link(left: tuple[int, ...], right: tuple[int, ...]) -> Link:
    return Link(left, right, 0.5)


NO_ANCHORS: tuple[list[list[str]], list[list[str]]] = ([[]] * 3, [[]] * 4)


def test_the_second_half_of_a_split_sentence_joins_its_link() -> None:
    left = ["a" * 100, "b" * 120, "c" * 80]
    right = ["a" * 100, "b" * 70, "b" * 50, "c" * 80]
    dp = Alignment((link((0,), (0,)), link((1,), (1,)), link((), (2,)), link((2,), (3,))))
    joined = absorb_splits(dp, left, right, NO_ANCHORS)
    assert [(x.source_ids, x.target_ids) for x in joined] == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


def test_a_dropped_sentence_is_not_joined_to_a_well_matched_neighbour() -> None:
    left = ["a" * 100, "b" * 120, "c" * 80]
    right = ["a" * 100, "c" * 80]
    dp = Alignment((link((0,), (0,)), link((1,), ()), link((2,), (1,))))
    assert absorb_splits(dp, left, right, ([[]] * 3, [[]] * 2)) == dp


def test_a_sentence_is_not_joined_where_its_numbers_would_be_lost() -> None:
    left = ["a" * 100, "b" * 120, "c" * 80]
    right = ["a" * 100, "b" * 70, "b" * 50, "c" * 80]
    dp = Alignment((link((0,), (0,)), link((1,), (1,)), link((), (2,)), link((2,), (3,))))
    anchors = ([[], ["#12"], []], [[], [], ["#40"], []])
    assert absorb_splits(dp, left, right, anchors) == dp


def test_a_short_unaligned_sentence_is_a_hint_without_a_model() -> None:
    original = "Мы долго ждали ответа от министерства по поводу новых правил. Министр обещал ответить в понедельник."
    translation = "We waited a long time for the ministry to answer about the new rules. Fine. " + (
        "The minister promised to reply on Monday."
    )
    found = of(run(translation, original, "ru", "en"), "unaligned")
    assert found and all(f.severity == Severity.INFO for f in found)


def test_a_long_added_sentence_is_still_a_warning_without_a_model() -> None:
    original = "Мы долго ждали ответа от министерства по поводу новых правил. Министр обещал ответить в понедельник."
    translation = (
        "We waited a long time for the ministry to answer about the new rules. "
        "Critics in parliament said the rules would cost farmers more than 300 million a year. "
        "The minister promised to reply on Monday."
    )
    found = of(run(translation, original, "ru", "en"), "unaligned")
    assert [f.severity for f in found] == [Severity.WARNING]


def test_handles_links_and_markup_in_running_text_are_not_untranslated() -> None:
    translation = (
        "Дивіться https://example.org/news та #weekendbaking від @baker42, а також файл notes.html і <div id=a1>."
    )
    original = "See https://example.org/news and #weekendbaking by @baker42, and also notes.html and <div id=a1>."
    assert of(run(translation, original, "en", "uk"), "untranslated-script") == []


def test_an_untranslated_fragment_next_to_a_hashtag_is_still_flagged() -> None:
    translation = "Переговори the talks will continue тривають #news."
    [hit] = of(run(translation, "The talks will continue. #news", "en", "uk"), "untranslated-script")
    assert "the talks will continue" in hit.message


def test_a_time_on_the_hour_may_be_given_as_the_bare_hour() -> None:
    original = "The rally is scheduled for 7 p.m. on Friday, and doors open at 05:00."
    translation = "Мітинг запланований на 19 годину в пʼятницю, а двері відчинять о 5 ранку."
    assert of(run(translation, original, "en", "uk"), "numbers") == []


def test_a_changed_bare_hour_is_still_reported() -> None:
    original = "The rally is scheduled for 7 p.m. on Friday."
    [hit] = of(run("Мітинг запланований на 18 годину в пʼятницю.", original, "en", "uk"), "numbers")
    assert hit.text == "18" and hit.severity == Severity.WARNING


def test_an_established_english_form_of_a_name_is_no_transliteration() -> None:
    # the gazetteer knows a village "Роза" as Roza; English writes the name Rosa far more often
    found = run("Hurricane Rosa is weakening over cooler water.", "Ураган Роза слабшає над холодною водою.", "uk", "en")
    assert of(found, "name-transliteration") == []


def test_a_transliterated_city_is_still_reported() -> None:
    found = run("Переговори пройшли в Харькові минулого тижня.", "Talks were held in Kharkiv last week.", "en", "uk")
    [hit] = of(found, "name-transliteration")
    assert hit.suggestion == "Харків"


def test_a_word_doubled_before_a_hyphenated_form_is_no_repetition() -> None:
    found = run("Он сказал, что что-то пошло не так.", "He said that something had gone wrong.", "en", "ru")
    assert of(found, "repeated-word") == []
    [hit] = of(run("Он был со со своим другом.", "He was with his friend.", "en", "ru"), "repeated-word")
    assert hit.evidence["word"] == "со"


def test_a_link_copied_as_its_own_sentence_is_not_untranslated() -> None:
    link_only = "https://example.org/even-if-you-beat-me/"
    assert of(run(link_only, link_only, "en", "uk"), "untranslated") == []
    copied = "The talks will continue tomorrow morning."
    assert of(run(copied, copied, "en", "uk"), "untranslated") != []


NORD = "Moscow has repeatedly said the Nord Stream pipeline is a commercial project."


def test_a_name_translated_word_by_word_is_no_warning() -> None:
    translated = "Москва неодноразово наголошувала, що газогін Північний потік є комерційним проєктом."
    found = run(translated, NORD, "en", "uk")
    assert [f.severity for f in of(found, "name-missing")] == [Severity.INFO]
    found = run("«Так, операція „Вогняний шторм“», – відповів Кохрен.", '"Yes, Operation Firestorm," Cochran replied.',
                "en", "uk")  # fmt: skip
    assert of(found, "name-mismatch") == [] and all(f.severity == Severity.INFO for f in of(found, "name-missing"))


def test_a_name_dropped_with_nothing_in_its_place_is_still_a_warning() -> None:
    dropped = "Москва неодноразово наголошувала, що газогін є комерційним проєктом."
    [hit] = of(run(dropped, NORD, "en", "uk"), "name-missing")
    assert hit.severity == Severity.WARNING


def test_a_sentence_opening_as_a_continuation_joins_the_sentence_before() -> None:
    # the first half alone fits the original's length: lengths say nothing, the "And" does
    left = ["a" * 100, "b" * 120, "c" * 80]
    right = ["a" * 100, "b" * 110, "b" * 40, "c" * 80]
    dp = Alignment((link((0,), (0,)), link((1,), (1,)), link((), (2,)), link((2,), (3,))))
    opens = ([False] * 3, [False, False, True, False])
    joined = absorb_splits(dp, left, right, NO_ANCHORS, None, opens)
    assert [(x.source_ids, x.target_ids) for x in joined] == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


def test_a_sentence_that_does_not_continue_stays_unaligned() -> None:
    left = ["a" * 100, "b" * 120, "c" * 80]
    right = ["a" * 100, "b" * 110, "b" * 40, "c" * 80]
    dp = Alignment((link((0,), (0,)), link((1,), (1,)), link((), (2,)), link((2,), (3,))))
    assert absorb_splits(dp, left, right, NO_ANCHORS, None, ([False] * 3, [False] * 4)) == dp
    # nor does a continuation whose numbers the original sentence does not have
    anchors = ([[], [], []], [[], [], ["#40"], []])
    assert absorb_splits(dp, left, right, anchors, None, ([False] * 3, [False, False, True, False])) == dp


def test_continuation_openings() -> None:
    from mtcheck.align.anchors import continues

    assert continues("And the talks will go on next week.", "en")
    assert continues("І переговори продовжаться.", "uk")
    assert continues("или через неделю.", "ru")
    assert not continues("The talks will go on next week.", "en")
    assert not continues("Переговори продовжаться.", "uk")
    # Arabic opens most sentences with a joined و, continuation or not: no cue there
    assert not continues("وقال الوزير إن المحادثات ستستمر.", "ar")


def test_an_invisible_character_before_a_word_is_a_hint() -> None:
    translation = "Об этом сообщила Тереза \u200b\u200bМэй в понедельник."
    found = of(run(translation, "Theresa May said so on Monday.", "en", "ru"), "hidden-character")
    assert [f.severity for f in found] == [Severity.INFO]
    inside = of(run("Об этом сообщила Тереза М\u200bэй в понедельник.", "Theresa May said so on Monday.", "en", "ru"),
                "hidden-character")  # fmt: skip
    assert [f.severity for f in inside] == [Severity.WARNING]


def test_initialisms_and_glossed_terms_are_not_untranslated() -> None:
    original = "Learning css would be easier tbh. West performed I Love It in a water bottle costume."
    translation = "Вивчити css було б простіше, tbh. Вест виконав пісню I Love it (Я це люблю) у костюмі пляшки води."
    assert of(run(translation, original, "en", "uk"), "untranslated-script") == []


def test_untranslated_prose_beside_a_bracket_is_still_flagged() -> None:
    original = "West said the talks will continue (in Kyiv) next week."
    translation = "Вест сказав, що the talks will continue (у Києві) наступного тижня."
    found = of(run(translation, original, "en", "uk"), "untranslated-script")
    assert [f.severity for f in found] == [Severity.WARNING]


def test_a_year_range_a_fraction_and_a_military_time_are_the_same_numbers() -> None:
    original = "The office ran from 1981-87. He pitched 220 2/3 innings. At 0500 sharp, the company assembled."
    translation = "Служба діяла з 1981 по 1987 рік. Він провів 220\u00a02/3 іннінга. Рівно о 05:00 підрозділ зібрався."
    assert of(run(translation, original, "en", "uk"), "numbers") == []


def test_a_changed_year_of_an_abbreviated_range_is_still_reported() -> None:
    original = "The office ran from 1981-87, the ministry said on Monday."
    translation = "Служба діяла з 1981 по 1988 рік, повідомило міністерство в понеділок."
    found = of(run(translation, original, "en", "uk"), "numbers")
    assert [f.severity for f in found] == [Severity.WARNING]


def test_a_quotation_in_a_third_language_is_kept_as_written() -> None:
    original = "The head teacher quoted his old motto. Il faut bien le faire. The pupils laughed."
    translation = "Директор процитував свій старий девіз. Il faut bien le faire. Учні засміялися."
    found = run(translation, original, "en", "uk")
    assert of(found, "untranslated") == [] and of(found, "untranslated-script") == []


def test_an_english_sentence_left_untranslated_is_still_flagged() -> None:
    original = "The head teacher quoted his old motto. We must do it well. The pupils laughed."
    translation = "Директор процитував свій старий девіз. We must do it well. Учні засміялися."
    found = run(translation, original, "en", "uk")
    assert of(found, "untranslated") and of(found, "untranslated-script")


def test_a_bare_number_beside_a_converted_measurement_is_a_hint() -> None:
    original = "Очікується, що температура становитиме 27 градусів Цельсія, повідомили синоптики."
    translation = "Forecasters said temperatures are expected to reach widespread 80s."
    found = of(run(translation, original, "uk", "en"), "numbers")
    assert found and all(f.severity == Severity.INFO for f in found)


def test_a_number_added_beside_an_unconverted_one_is_still_a_warning() -> None:
    original = "Очікується, що температура становитиме 27 градусів Цельсія, повідомили 12 синоптиків."
    translation = "Twelve forecasters said temperatures are expected to reach 27 degrees Celsius, with 80 stations."
    found = of(run(translation, original, "uk", "en"), "numbers")
    assert [f.severity for f in found if "80" in f.message] == [Severity.WARNING]


def test_an_age_is_no_measurement_and_a_changed_one_is_reported() -> None:
    from mtcheck.read.numerals import numbers_in

    assert not numbers_in("42-летний механик", "ru")[0].measure
    assert numbers_in("249-кілограмовий ведмідь", "uk")[0].measure
    original = "Хоан Пуч, 42-летний механик, сказал, что конфликт подогревается обеими сторонами."
    translation = "Joan Puig, a 44-year-old mechanic, said the conflict had been stoked by both sides."
    assert [f.severity for f in of(run(translation, original, "ru", "en"), "numbers")] == [Severity.WARNING]
