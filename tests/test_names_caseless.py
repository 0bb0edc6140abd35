"""Names of an Arabic original found from the original alone (mtcheck.names.caseless).

Hand-written Arabic sentences and English translations, no model; the bundled gazetteer
and census list for knowledge.
"""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.caseless import caseless_names
from mtcheck.names.gazetteer import load_gazetteer
from mtcheck.names.namesdb import NamesDB
from mtcheck.names.sources import NameSources
from mtcheck.names.translit import key
from mtcheck.pipeline import check_text
from mtcheck.registry import CHECKS
from mtcheck.types import Document, Location, Report, Segment, Severity

MINE = {"name-missing", "name-mismatch", "name-transliteration"}
NO_MODEL = Config(disable=frozenset(set(CHECKS.names()) - MINE), model=ModelSettings(enabled=False))


def sources(translation: list[str], names_db: NamesDB | None = None) -> NameSources:
    segments = [Segment(str(k), text, None, Location(None, k + 1)) for k, text in enumerate(translation)]
    return NameSources(Document(None, "ar", "en", segments), gazetteer=load_gazetteer(), names_db=names_db)


def found(text: str, translation: list[str], names_db: NamesDB | None = None) -> list[tuple[str, bool]]:
    return [(c.text, c.clear) for c in caseless_names(text, sources(translation, names_db))]


def ar_en(original: list[str], translation: list[str]) -> Report:
    return check_text(
        "\n".join(translation), source_lang="ar", target_lang="en", original="\n".join(original), config=NO_MODEL
    )


def test_name_the_translation_keeps_in_another_sentence_is_found() -> None:
    # كوربين: the translation names Corbyn only in its second sentence.
    translation = ["He announced a new housing plan.", "Corbyn said the plan would help renters."]
    assert found("أعلن كوربين خطة جديدة للإسكان.", translation) == [("كوربين", True)]
    # with a clitic: "and in London", London named elsewhere (frequent in Arabic: not clear)
    assert found("وقال إنه سيعيش وبلندن.", ["He will live there.", "London is big."]) == [("لندن", False)]


def test_rare_word_that_sounds_like_a_census_name_is_a_clear_name() -> None:
    # جاكمان: nowhere in the translation, but Jackman is a census name and the word is rare in Arabic.
    assert found("قال جاكمان إن الفيلم سيعرض في الصيف.", ["He said the film would be shown."]) == [("جاكمان", True)]


def test_place_of_some_size_is_a_name() -> None:
    assert found("وصل الوفد إلى بلفاست مساء الأحد.", ["The delegation arrived on Sunday evening."]) == [
        ("بلفاست", False)  # Belfast: a city of 350,000, but بلفاست is not rare in Arabic (Zipf 3.0)
    ]


def test_words_of_the_language_are_no_names() -> None:
    translation = ["The spokesman said the government would study the proposal.", "Melvin Jordon left."]
    # verbs with endings (ستدرسه), the article (المتحدث), native letters (الحكومة), frequent words
    assert found("وقال المتحدث إن الحكومة ستدرسه وأدهشني الاقتراح كثيرا.", translation) == []
    # محلفين "jurors" sounds like Melvin, a capitalised word of the translation: ح is no letter of a
    # transliterated name; a frequent word with a census name's sound (فورد, Ford) needs the translation.
    assert found("قال المحلفون ومحلفين إن فورد جاء.", ["The jurors said he came."]) == []
    # a three-letter form left by a clitic is a word (وربت "and patted"), not و + a census name
    assert found("وربت على كتفي.", ["He patted my shoulder."]) == []


def test_names_database_is_a_source() -> None:
    # ويسبانكو (Wesbanco): no census name nor place; the desk's copy uses it.
    db = NamesDB("names.db", "x", 1, {("en", "wesbanco"): 3}, {("en", "wesbanco"): "Wesbanco"},
                 {("en", key("Wesbanco")): ("Wesbanco",)})  # fmt: skip
    text = "أعلن بنك ويسبانكو أرباحه."
    assert found(text, ["The bank announced its profits."]) == []
    assert found(text, ["The bank announced its profits."], db) == [("ويسبانكو", False)]


AR = ["قال جاكمان إن الفيلم سيعرض في الصيف.", "ولم يذكر موعدا محددا للعرض."]
EN = ["Jackman said the film would be shown in the summer.", "He did not give a date for the screening."]


def test_clean_translation_is_quiet() -> None:
    assert ar_en(AR, EN).findings == ()


def test_dropped_name_of_an_arabic_original_is_a_warning() -> None:
    report = ar_en(AR, ["He said the film would be shown in the summer.", EN[1]])
    [finding] = report.findings
    assert (finding.check, finding.severity) == ("name-missing", Severity.WARNING)
    assert finding.evidence["original_name"] == "جاكمان"


def test_replaced_name_of_an_arabic_original_is_a_mismatch() -> None:
    [finding] = ar_en(AR, ["Jakarta said the film would be shown in the summer.", EN[1]]).findings
    assert (finding.check, finding.severity) == ("name-mismatch", Severity.WARNING)


def test_name_dropped_at_its_first_mention_and_kept_later_is_a_warning() -> None:
    original = ["أعلن كوربين خطة جديدة للإسكان.", "وقال كوربين إن الخطة ستساعد المستأجرين."]
    assert (
        ar_en(original, ["Corbyn announced a new housing plan.", "Corbyn said it would help renters."]).findings == ()
    )
    [finding] = ar_en(original, ["He announced a new housing plan.", "Corbyn said it would help renters."]).findings
    assert (finding.check, finding.severity) == ("name-missing", Severity.WARNING)


KAVANAUGH = ["صوت مجلس الشيوخ على تعيين كافانو قاضيا في المحكمة العليا.", "وقد نفى كافانو الاتهامات."]


def test_silent_gh_of_the_translation_is_heard_when_dropped() -> None:
    # كافانو is Kavanaugh as spoken: dropped at its first mention, the later one says it is a name.
    translation = [
        "The Senate voted to confirm him as a Supreme Court justice.",
        "Kavanaugh has denied the allegations.",
    ]
    lost = [f for f in ar_en(KAVANAUGH, translation).findings if f.check == "name-missing"]
    assert [(f.evidence["original_name"], f.location.line, f.severity) for f in lost] == [
        ("كافانو", 1, Severity.WARNING)
    ]


def test_silent_gh_of_the_translation_is_heard_when_kept() -> None:
    translation = [
        "The Senate voted to confirm Kavanaugh as a Supreme Court justice.",
        "Kavanaugh has denied the allegations.",
    ]
    assert not [f for f in ar_en(KAVANAUGH, translation).findings if f.severity >= Severity.WARNING]
