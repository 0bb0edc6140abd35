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
