"""The model-free surface checks: each fires on a defect and stays quiet on clean text."""

from __future__ import annotations

from mtcheck import Config, check_text
from mtcheck.types import Report, Severity


def run(text: str, source: str = "ar", target: str = "en") -> Report:
    return check_text(text, source_lang=source, target_lang=target, config=Config(model=_no_mt()))


def _no_mt():  # type: ignore[no-untyped-def]
    from mtcheck.config import ModelSettings

    return ModelSettings(enabled=False)


def by_check(report: Report, check_id: str) -> list:  # type: ignore[type-arg]
    return [f for f in report.findings if f.check == check_id]


CLEAN = (
    "Ukrainian Defence Minister Rustem Umerov said on Sunday that half of the aid was late. "
    "He had had enough of promises, he said, and that that was the problem."
)


def test_repeated_word_fires_with_span_and_suggestion() -> None:
    report = run("The minister said the the aid was late.")
    (finding,) = by_check(report, "repeated-word")
    assert finding.text == "the the"
    assert finding.suggestion == "the"
    assert finding.location.column == 19


def test_repeated_word_is_quiet_on_clean_text_and_grammatical_doubling() -> None:
    assert by_check(run(CLEAN), "repeated-word") == []


def test_repeated_word_ignores_deliberate_repetition_with_punctuation() -> None:
    assert by_check(run("It was very, very late. Now — now we go."), "repeated-word") == []


def test_hidden_character_inside_a_name() -> None:
    report = run("President Zelen\u200bsky spoke.")
    (finding,) = by_check(report, "hidden-character")
    assert finding.suggestion == "Zelensky"
    assert "U+200B ZERO WIDTH SPACE" in finding.message


def test_bidi_control_inside_a_word_fires() -> None:
    report = run("Officials in Ky\u202eiv said so.")
    assert [f.suggestion for f in by_check(report, "hidden-character")] == ["Kyiv"]


def test_hidden_character_quiet_on_clean_text_and_on_arabic_joiners() -> None:
    assert by_check(run(CLEAN), "hidden-character") == []
    # ZWNJ is correct Persian spelling (می‌خواهم); it must not be flagged in Arabic-script targets.
    assert by_check(run("من می\u200cخواهم بروم.", source="en", target="fa"), "hidden-character") == []


def test_untranslated_script_fires_on_source_script_left_in_target() -> None:
    report = run("The minister said الحرب مستمرة and left.")
    (finding,) = by_check(report, "untranslated-script")
    assert finding.text == "الحرب مستمرة"


def test_untranslated_script_quiet_on_clean_text_and_same_script_pairs() -> None:
    assert by_check(run(CLEAN), "untranslated-script") == []
    assert by_check(run("Le ministre a parlé.", source="fr", target="en"), "untranslated-script") == []


def test_direction_marks_are_allowed_in_right_to_left_targets_but_overrides_are_not() -> None:
    quiet = run("افتح \u200fFirefox\u200f الآن.", source="en", target="ar")
    assert by_check(quiet, "hidden-character") == []
    loud = run("افتح Fire\u202efox الآن.", source="en", target="ar")
    assert [f.suggestion for f in by_check(loud, "hidden-character")] == ["Firefox"]
    # the same direction mark inside an English word is a defect
    assert by_check(run("Open Fire\u200ffox now."), "hidden-character")


def test_untranslated_script_keeps_latin_names_in_cyrillic_news_but_flags_fragments() -> None:
    quiet = run("За даними BBC та Financial Times, компанія Apple покаже iPhone 15.", source="en", target="uk")
    assert by_check(quiet, "untranslated-script") == []
    loud = run("Прем'єр заявив, що the talks will continue у вівторок.", source="en", target="uk")
    assert [f.text for f in by_check(loud, "untranslated-script")] == ["the talks will continue"]
    # a name next to an untranslated word is part of the fragment
    mixed = run("Він сказав, що Reuters reported це вчора.", source="en", target="uk")
    assert [f.text for f in by_check(mixed, "untranslated-script")] == ["Reuters reported"]


def test_untranslated_script_keeps_names_of_several_words_joined_by_function_words() -> None:
    for text in ("Асоціація Brewers of Europe виступила проти.", "Організація Comité Européen des Entreprises Vins."):
        assert by_check(run(text, source="en", target="uk"), "untranslated-script") == []
    # function words alone between lower-case words are still a fragment
    loud = run("Він сказав: of the people, by the people.", source="en", target="uk")
    assert [f.text for f in by_check(loud, "untranslated-script")] == ["of the people, by the people"]


def test_repeated_word_arabic_acronym_letters_and_names_are_not_warnings() -> None:
    report = run("وقالت شبكة سي إن إن إن المحادثات ستستمر في في الأسبوع المقبل.", source="en", target="ar")
    assert [f.text for f in by_check(report, "repeated-word")] == ["في في"]
    named = run("The band Duran Duran played.")
    assert [f.severity for f in by_check(named, "repeated-word")] == [Severity.INFO]
