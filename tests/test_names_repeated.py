"""A name the translation gives on another line: moved there, or lost from its own sentence?

Hand-written pairs without a model: a neighbouring sentence's mention that renders its own
original's is no excuse for this sentence, and a later mention dropped with no pronoun left
that could stand for it is a warning; a name moved by a split, or left to a pronoun, stays quiet.
"""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.mentions import has_third_person, ledger
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False), select=("name-",))

EN = "\n".join(
    [
        "Denys Shmyhal arrived in Lviv on Monday morning.",
        "Shmyhal met the mayor of the city for talks.",
        "The talks lasted two hours and ended without a statement.",
        "The prime minister then left for Kyiv.",
    ]
)
# The last sentence names him where the original does not: a mention with no owner, far off.
UK_TAIL = ["Переговори тривали дві години і завершилися без заяви.", "Потім Шмигаль поїхав до Києва."]
UK_SECOND = "Шмигаль зустрівся з мером міста."


def findings(translation: str, original: str, source_lang: str = "en", target_lang: str = "uk") -> list[Finding]:
    report = check_text(
        translation, source_lang=source_lang, target_lang=target_lang, original=original, config=NO_MODEL
    )
    return list(report.findings)


def warnings(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.severity >= Severity.WARNING]


def test_clean_translation_is_quiet() -> None:
    clean = "\n".join(["У понеділок вранці Денис Шмигаль прибув до Львова.", UK_SECOND, *UK_TAIL])
    assert findings(clean, EN) == []


def test_neighbours_own_mention_does_not_excuse_this_sentence() -> None:
    # Line 2 names him because its original does; the spare mention of line 4 is too far off to
    # be line 1's moved. Before, the neighbour's mention hid the loss entirely.
    lost = "\n".join(["У понеділок вранці прибув до Львова.", UK_SECOND, *UK_TAIL])
    [finding] = [f for f in findings(lost, EN) if f.location.line == 1]
    assert finding.check == "name-missing"
    assert "Shmyhal" in finding.message


def test_other_name_in_its_place_beside_the_neighbours_mention_is_a_mismatch() -> None:
    swapped = "\n".join(["У понеділок вранці Бжезінський прибув до Львова.", UK_SECOND, *UK_TAIL])
    [finding] = warnings(findings(swapped, EN))
    assert (finding.check, finding.location.line) == ("name-mismatch", 1)


def test_name_moved_to_the_neighbouring_sentence_by_a_split_is_quiet() -> None:
    # The translator moved the name to the next sentence, whose original has only "he": spare.
    original = "Denys Shmyhal arrived in Lviv on Monday morning.\nHe met the mayor of the city for talks."
    moved = "У понеділок вранці до Львова прибув прем'єр-міністр.\nДенис Шмигаль зустрівся з мером міста."
    assert warnings(findings(moved, original)) == []


ERDOGAN = "Erdogan arrived in Berlin on Saturday morning.\nThe next day Erdogan met the chancellor for talks."


def test_later_mention_dropped_with_no_pronoun_is_a_warning() -> None:
    dropped = "Ердоган прибув до Берліна в суботу вранці.\nНаступного дня зустрівся з канцлером для переговорів."
    [finding] = warnings(findings(dropped, ERDOGAN))
    assert (finding.check, finding.location.line) == ("name-missing", 2)
    assert "dropped here" in finding.message


def test_later_mention_left_to_a_pronoun_is_only_a_hint() -> None:
    for lang, translation in [
        ("uk", "Ердоган прибув до Берліна в суботу вранці.\nНаступного дня він зустрівся з канцлером."),
        ("ru", "Эрдоган прибыл в Берлин в субботу утром.\nНа следующий день он встретился с канцлером."),
    ]:
        found = findings(translation, ERDOGAN, target_lang=lang)
        assert warnings(found) == [], lang
        assert [f.severity for f in found if f.check == "name-missing"] == [Severity.INFO], lang


def test_english_translation_left_to_a_pronoun_is_only_a_hint() -> None:
    original = "Ердоган прибув до Берліна в суботу вранці.\nНаступного дня Ердоган зустрівся з канцлером."
    translation = "Erdogan arrived in Berlin on Saturday morning.\nThe next day he met the chancellor."
    assert warnings(findings(translation, original, "uk", "en")) == []


def test_third_person_pronouns_are_a_closed_class_per_language() -> None:
    assert has_third_person("The next day he met the chancellor.", "en")
    assert has_third_person("Наступного дня його зустрів канцлер.", "uk")
    assert has_third_person("На следующий день её встретил канцлер.", "ru")
    assert not has_third_person("I met the chancellor.", "en")  # first person stands for no name
    assert has_third_person("Наступного дня зустрівся з канцлером.", "uk") is False
    assert has_third_person("في اليوم التالي التقى المستشارة", "ar") is None  # not listed: clitics


def test_ledger_near_counts_only_the_neighbouring_sentences() -> None:
    book = ledger(
        [
            (["Erdogan arrived in Berlin."], ["Прибув до Берліна."]),
            (["Erdogan met the chancellor."], ["Ердоган зустрівся з канцлером."]),
            (["The talks were long."], ["Переговори були довгими."]),
            (["They ended late."], ["Ердоган пішов пізно."]),
        ]
    )
    assert book.spare_mention(0, "Erdogan", (), "en")  # link 3's mention has no owner
    assert not book.spare_mention(0, "Erdogan", (), "en", near=True)  # link 1's is its own
