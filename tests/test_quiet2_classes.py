"""Classes of false alarm of unaligned, numbers, repeated-word and untranslated* on clean wire
copy checked against its original, each quiet on the clean case and still firing on the real
error beside it. Short texts written for these tests; no model."""

from __future__ import annotations

from mtcheck.align.align import Alignment, Link, absorb_splits
from mtcheck.config import Config, ModelSettings
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False))


def warnings(translation: str, original: str, src: str, tgt: str, check: str) -> list[Finding]:
    report = check_text(translation, source_lang=src, target_lang=tgt, original=original, config=NO_MODEL)
    return [f for f in report.findings if f.check == check and f.severity >= Severity.WARNING]


# --------------------------------------------------------------------------- unaligned

ORIGINAL = [
    "The city council approved next year's budget on Monday after long disputes.",
    "Councillors set aside more money for schools staffed with specialist teachers.",
    "The opposition voted against, because it believes taxes for small businesses will rise too sharply.",
    "The mayor promised to start work in spring.",
]
TRANSLATION = [
    "Міська рада в понеділок затвердила бюджет на наступний рік після довгих суперечок.",
    "Депутати виділили більше грошей на школи, подібні до тих, що є в найкращих районах столиці.",
    "Опозиція голосувала проти, бо вважає, що податки для малого бізнесу зростуть надто сильно.",
    "Мер пообіцяв почати роботи навесні.",
]


def test_a_sentence_split_off_and_expanded_inside_its_paragraph_is_no_addition() -> None:
    # The translator cut the second paragraph in two and spelled it out: its length fits the
    # original's paragraph worse with the second half than without, yet it is a split.
    split = list(TRANSLATION)
    split[1] += " Працювати в них будуть кваліфіковані вчителі."
    assert warnings("\n".join(split), "\n".join(ORIGINAL), "en", "uk", "unaligned") == []


def test_a_sentence_dropped_from_its_paragraph_is_still_an_omission() -> None:
    original = list(ORIGINAL)
    original[2] += " Its leader said the party would appeal to the regional court next week."
    [hit] = warnings("\n".join(TRANSLATION), "\n".join(original), "en", "uk", "unaligned")
    assert "regional court" in hit.evidence["original"]


def facing(original: str, translation: str, numbers: tuple[list[str], list[str]]) -> list[Link]:
    """absorb_splits on three one-sentence paragraphs a side, the middle ones left unaligned."""
    left = [ORIGINAL[0], original, ORIGINAL[3]]
    right = [TRANSLATION[0], translation, TRANSLATION[3]]
    links = Alignment((Link((0,), (0,), 0.5), Link((1,), (), 0.0), Link((), (1,), 0.0), Link((2,), (2,), 0.5)))
    keys = ([[], numbers[0], []], [[], numbers[1], []])
    return list(absorb_splits(links, left, right, keys, paragraphs=([0, 1, 2], [0, 1, 2])))


def test_a_paragraph_rewritten_around_a_quotation_is_its_originals_counterpart() -> None:
    # Each side's middle paragraph is one sentence, the translation's with its speaker moved
    # in: far longer than the original's, yet the paragraph's counterpart.
    original = '"They bullied me backstage.'
    translation = 'Як повідомляє видання Washington Examiner, мер заявив: "За лаштунками зі мною грубо повелися.'
    assert [x.kind for x in facing(original, translation, ([], []))] == ["1:1", "1:1", "1:1"]
    # ...unless a number of the original is not in it
    lost = facing(original, translation, (["#2018"], []))
    assert [x.kind for x in lost] == ["1:1", "1:0", "0:1", "1:1"]


# --------------------------------------------------------------------------- numbers


def numbers(translation: str, original: str, src: str, tgt: str) -> list[str | None]:
    return [f.text for f in warnings(translation, original, src, tgt, "numbers")]


def test_a_scale_word_made_an_adjective_is_the_scaled_number() -> None:
    original = "Полиция не подпустила 25-тысячную толпу к мечети, сообщили в понедельник."
    assert numbers("Police blocked a 25,000-strong crowd from the mosque, officials said.", original, "ru", "en") == []
    changed = "Police blocked a 35,000-strong crowd from the mosque, officials said."
    assert numbers(changed, original, "ru", "en") == ["35,000"]


def test_a_decade_of_two_digits_is_that_decade_in_full() -> None:
    assert numbers("Ще у 2000-х були біонікли з силами.", "Back in the 00s you had bionicles.", "en", "uk") == []
    # the 1990s are no 1900s: a real error of a reference stays
    original = "The site has been home to food production since the early 1900s."
    assert numbers("З початку 90-х р. тут розташовані підприємства.", original, "en", "uk") == ["90"]


def test_a_number_written_as_a_word_of_the_original_is_no_added_number() -> None:
    original = "19 січня країна має ухвалити чотири з дванадцяти законопроектів."
    assert numbers("On January 19 the country must pass four of 12 bills.", original, "uk", "en") == []
    assert numbers("On January 19 the country must pass four of 13 bills.", original, "uk", "en") == ["13"]


def test_a_range_that_gives_only_the_changed_digits() -> None:
    assert numbers("коли на великих 4,25-4,35 доларів", "when in on big 4.25-.35", "en", "uk") == []
    assert numbers("коли на великих 4,25-4,45 доларів", "when in on big 4.25-.35", "en", "uk") == ["4,45"]
    # read literally as 0.35, the range's end is another number
    assert numbers("коли на великих 4,25-0,35 доларів", "when in on big 4.25-.35", "en", "uk") == ["0,35"]


def test_a_decimal_without_its_zero_is_the_fraction() -> None:
    assert (
        numbers("Куля калібру 0,45 пробила стіну.", "A bullet of .45 caliber went through the wall.", "en", "uk") == []
    )


# --------------------------------------------------------------------------- repeated-word


def repeated(translation: str, original: str, src: str, tgt: str) -> list[str | None]:
    return [f.text for f in warnings(translation, original, src, tgt, "repeated-word")]


def test_a_word_joined_by_an_apostrophe_is_no_repeat() -> None:
    original = "An independent office can monitor conditions in jails."
    assert repeated("Незалежний офіс може контролювати умови в в’язницях.", original, "en", "uk") == []
    assert repeated("Незалежний офіс може контролювати умови в в тюрмах.", original, "en", "uk") == ["в в"]


def test_an_arabic_acronym_spelled_in_letter_names_ends_with_v() -> None:
    original = "An official told Chris Harris of WSMV in Nashville that he was out of surgery."
    spelled = "أخبر مسؤول كريس هاريس من دبليو إس إم في في ناشفيل أنه خرج من الجراحة."
    assert repeated(spelled, original, "en", "ar") == []
    typo = "أخبر مسؤول كريس هاريس في في ناشفيل أنه خرج من الجراحة."
    assert repeated(typo, original, "en", "ar") == ["في في"]


# --------------------------------------------------------------------------- untranslated


def copies(translation: str, original: str, src: str, tgt: str) -> list[Finding]:
    return warnings(translation, original, src, tgt, "untranslated")


def test_a_quotation_the_original_keeps_in_another_script_is_kept() -> None:
    original = "Він сказав друзям французькою:\nIl faut bien le faire."
    assert copies("He told his friends in French:\nIl faut bien le faire.", original, "uk", "en") == []


def test_a_sentence_of_the_original_copied_is_still_untranslated() -> None:
    original = "Він сказав друзям:\nМи повинні зробити це добре."
    assert len(copies("He told his friends:\nМи повинні зробити це добре.", original, "uk", "en")) == 1


def test_a_posts_handles_and_initialisms_are_no_words_to_translate() -> None:
    original = "Markets are up today.\nlfg $tslq lol"
    assert copies("Ринки сьогодні ростуть.\nlfg $tslq lol", original, "en", "uk") == []
    original = "Markets are up today.\nwe must go now"
    assert len(copies("Ринки сьогодні ростуть.\nwe must go now", original, "en", "uk")) == 1


# --------------------------------------------------------------------------- untranslated-script


def test_a_word_the_original_writes_as_a_ticker_is_kept() -> None:
    found = warnings("під час входу на big 4,25 дол.", "when in on $big 4.25", "en", "uk", "untranslated-script")
    assert found == []
    found = warnings("під час входу на big 4,25 дол.", "when in on big 4.25", "en", "uk", "untranslated-script")
    assert [f.text for f in found] == ["big"]


def test_an_adverb_doubled_for_emphasis_is_a_hint() -> None:
    # English -ly of an everyday adjective, Ukrainian ADVB (pymorphy3): emphasis, not a slip
    original = "Я теж фотограф, і дуже радий прочитати ваш тред!"
    assert repeated("As a photographer too, I'm really really glad to read your thread!", original, "uk", "en") == []
    assert repeated("Я теж фотограф, і дуже дуже радий прочитати тред!", "I'm so glad to read it!", "en", "uk") == []
    slip = "Absolute rocket from from Stroud on a perfect half turn to goal."
    assert repeated(slip, "Абсолютна ракета від Страуда до воріт.", "uk", "en") == ["from from"]
    slip = "Проблеми є відмінними, але не не пов'язаними з тими, що в міністерстві."
    assert repeated(slip, "The problems are distinct but not unrelated.", "en", "uk") == ["не не"]
