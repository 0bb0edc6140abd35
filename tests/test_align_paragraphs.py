"""Wire copy without a model: paragraphs, runs of skips and abjad names guide the aligner.

Short texts written for these tests; each behaviour is shown firing (an omission still
found) and quiet (a translator's split or merge not reported).
"""

from __future__ import annotations

from mtcheck.align.adequacy import align_without_model, kept_paragraphs
from mtcheck.align.align import Alignment, Link, absorb_splits
from mtcheck.align.anchors import abjad_name_keys, cased_name_keys, sound_key
from mtcheck.checks.unaligned import _short
from mtcheck.config import Config
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, ModelSettings, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False))


def unaligned(text: str, original: str, src: str, tgt: str) -> list[Finding]:
    report = check_text(text, source_lang=src, target_lang=tgt, original=original, config=NO_MODEL)
    return [f for f in report.findings if f.check == "unaligned" and f.severity >= Severity.WARNING]


def link(left: tuple[int, ...], right: tuple[int, ...]) -> Link:
    return Link(left, right, 0.5)


def shape(alignment: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(x.source_ids, x.target_ids) for x in alignment]


ORIGINAL = "\n".join(
    [
        "Міська рада в понеділок затвердила бюджет на наступний рік після довгих суперечок.",
        "Депутати виділили більше грошей на ремонт шкіл і лікарень у північних районах міста.",
        "Опозиція голосувала проти, бо вважає, що податки для малого бізнесу зростуть надто сильно.",
        "Мер пообіцяв почати роботи навесні.",
    ]
)
TRANSLATION = [
    "The city council approved next year's budget on Monday after long disputes.",
    "Councillors set aside more money for repairing schools and hospitals in the northern districts of the city.",
    "The opposition voted against, because it believes taxes for small businesses will rise too sharply.",
    "The mayor promised to start work in spring.",
]


def test_a_dropped_paragraph_is_an_omission() -> None:
    damaged = "\n".join(TRANSLATION[:2] + TRANSLATION[3:])
    [hit] = unaligned(damaged, ORIGINAL, "uk", "en")
    assert "Опозиція" in hit.evidence["original"]


def test_a_sentence_split_in_two_inside_its_paragraph_is_no_omission() -> None:
    split = list(TRANSLATION)
    split[1] = (
        "Councillors set aside more money for repairing schools. "
        "Hospitals in the city's northern districts get more too."
    )
    assert unaligned("\n".join(split), ORIGINAL, "uk", "en") == []
    assert unaligned("\n".join(TRANSLATION), ORIGINAL, "uk", "en") == []


def test_paragraphs_count_only_when_both_sides_keep_them() -> None:
    assert kept_paragraphs(([1, 1, 2, 3], [1, 2, 2, 3])) == ([0, 0, 1, 2], [0, 1, 1, 2])
    # one paragraph dropped still keeps the structure; a reflowed translation does not
    assert kept_paragraphs(([1, 2, 3, 4], [1, 2, 4])) is not None
    assert kept_paragraphs(([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1])) is None


def test_a_run_of_facing_skips_becomes_one_link_when_its_lengths_fit() -> None:
    # one original sentence the translator cut in three: no piece alone fits it
    left = ["a" * 100, "b" * 240, "c" * 80]
    right = ["a" * 100, "b" * 80, "b" * 90, "b" * 70, "c" * 80]
    dp = Alignment((link((0,), (0,)), link((1,), ()), link((), (1,)), link((), (2,)), link((), (3,)), link((2,), (4,))))
    no_anchors: tuple[list[list[str]], list[list[str]]] = ([[]] * 3, [[]] * 5)
    assert shape(absorb_splits(dp, left, right, no_anchors)) == [((0,), (0,)), ((1,), (1, 2, 3)), ((2,), (4,))]


def test_a_run_of_skips_that_does_not_fit_stays_unaligned() -> None:
    # the original sentence is twice as long as what faces it: something is missing
    left = ["a" * 100, "b" * 400, "c" * 80]
    right = ["a" * 100, "b" * 80, "b" * 90, "c" * 80]
    dp = Alignment((link((0,), (0,)), link((1,), ()), link((), (1,)), link((), (2,)), link((2,), (3,))))
    assert absorb_splits(dp, left, right, ([[]] * 3, [[]] * 4)) == dp
    # nor does one whose original numbers the translation lacks
    fitting = ["a" * 100, "b" * 170, "c" * 80]
    anchors: tuple[list[list[str]], list[list[str]]] = ([[], ["#1870"], []], [[], [], [], []])
    assert absorb_splits(dp, fitting, right, anchors) == dp


def test_a_skip_joins_its_neighbour_when_the_paragraph_holds_it() -> None:
    # paragraph 2 of the translation (sentences 1, 2) is as long as the original's (sentence 1)
    left = ["a" * 100, "b" * 150, "c" * 80]
    right = ["a" * 100, "b" * 95, "b" * 60, "c" * 80]
    paragraphs = ([0, 1, 2], [0, 1, 1, 2])
    dp = Alignment((link((0,), (0,)), link((1,), (1,)), link((), (2,)), link((2,), (3,))))
    joined = absorb_splits(dp, left, right, ([[]] * 3, [[]] * 4), paragraphs=paragraphs)
    assert shape(joined) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


def test_an_original_sentence_the_paragraph_cannot_hold_stays_unaligned() -> None:
    # the translation's paragraph 2 only fits the first of the original's two sentences
    left = ["a" * 100, "b" * 120, "b" * 90, "c" * 80]
    right = ["a" * 100, "b" * 120, "c" * 80]
    paragraphs = ([0, 1, 1, 2], [0, 1, 2])
    dp = Alignment((link((0,), (0,)), link((1,), (1,)), link((2,), ()), link((3,), (2,))))
    assert absorb_splits(dp, left, right, ([[]] * 4, [[]] * 3), paragraphs=paragraphs) == dp
    # nor is a join made that puts a paragraph break inside a link on one side only
    across = ([0, 1, 2, 3], [0, 1, 2])
    assert absorb_splits(dp, left, right, ([[]] * 4, [[]] * 3), paragraphs=across) == dp


def test_names_meet_across_an_abjad_by_their_consonants() -> None:
    assert sound_key("Macpherson") == sound_key("ماكفيرسون")
    assert sound_key("Brighton") == sound_key("برايتون")  # a Latin gh is silent
    assert sound_key("Erdogan") == sound_key("أردوغان")  # an Arabic gh is not
    assert f"@{sound_key('Macpherson')}" in abjad_name_keys("وقال وماكفيرسون إن المباراة انتهت.")  # clitic stripped
    # the sentence's first word is no name; short keys match too many Arabic words
    assert cased_name_keys("Brighton lost to Blair Macpherson's side.") == ["@BLR", "@MKBR"]
    assert sound_key("Ye") == ""


def test_an_abjad_original_aligns_by_names() -> None:
    original = [
        "قال المدرب إن الفريق لعب بشكل جيد في الشوط الأول من المباراة.",
        "ثم حصل بلاير ماكفيرسون على بطاقة صفراء.",
        "وسجل ستروان هاتشينسون الهدف الثاني قبل نهاية المباراة بدقائق.",
    ]
    # the sentence about Hutchinson is missing: the name places Macpherson's
    translation = [
        "The coach said the team played well in the first half of the match.",
        "Then Blair Macpherson was shown a yellow card.",
    ]
    assert shape(align_without_model(original, translation, "ar", "en")) == [((0,), (0,)), ((1,), (1,)), ((2,), ())]
    # and the other way round
    translation[1] = "Then Struan Hutchinson scored the second goal minutes before the end."
    assert shape(align_without_model(original, translation, "ar", "en")) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]


def test_an_unspaced_long_sentence_is_not_short() -> None:
    assert not _short("تتضمنالدورةالتدريبيةالطويلةالتيتستغرقساعةسلسلةمنالمهام.")
    assert _short("Так, звісно.")
