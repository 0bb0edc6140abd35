"""An Arabic original's names guessed from the original alone (mtcheck.names.caseless): words
of the calendar, capitalised by English spelling, are no names of the translation."""

from __future__ import annotations

from mtcheck.names.caseless import caseless_names
from mtcheck.names.gazetteer import load_gazetteer
from mtcheck.names.sources import NameSources
from mtcheck.types import Document, Location, Segment


def found(text: str, translation: list[str]) -> list[str]:
    segments = [Segment(str(k), line, None, Location(None, k + 1)) for k, line in enumerate(translation)]
    sources = NameSources(Document(None, "ar", "en", segments), gazetteer=load_gazetteer())
    return [c.text for c in caseless_names(text, sources)]


def test_month_or_day_of_the_translation_is_no_name() -> None:
    # نوفمبر is November, ساترداي a transliterated Saturday: the translation capitalises them by spelling.
    translation = ["The vote is on hold until November.", "He appeared on Saturday Night Live."]
    assert found("تم تعليق التصويت حتى نوفمبر.", translation) == []
    assert found("ظهر في برنامج ساترداي نايت لايف.", translation) == []


def test_name_of_the_translation_is_still_found() -> None:
    translation = ["The vote is on hold until November.", "Corbyn said the plan would help renters."]
    assert found("أعلن كوربين خطة جديدة في نوفمبر.", translation) == ["كوربين"]
