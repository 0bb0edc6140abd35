"""name-variant with the original: a translation that follows two names of the original is
consistent, not a name spelled two ways."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.pipeline import check_text
from mtcheck.types import Finding

ORIGINAL = "Sean Combs has been known as Puff Daddy, P. Diddy and Diddy. Diddy released a new album on Friday."


def variants(translation: str, original: str | None) -> list[Finding]:
    config = Config(model=ModelSettings(enabled=False), use_gazetteer=False)
    report = check_text(translation, source_lang="en", target_lang="uk", original=original, config=config)
    return [f for f in report.findings if f.check == "name-variant"]


def test_two_names_of_the_original_rendered_apart_are_quiet() -> None:
    translation = "Шона Комбса знали як Пафф Дедді, Пі Дідді та Дідді. Дідді випустив новий альбом у п'ятницю."
    assert not variants(translation, ORIGINAL)


def test_one_name_of_the_original_spelled_two_ways_still_fires() -> None:
    original = "Diddy released a new album on Friday. Diddy said he was proud of it. Fans thanked Diddy."
    translation = "Дідді випустив новий альбом у п'ятницю. Дедді сказав, що пишається ним. Фанати подякували Дідді."
    assert [(f.text, f.suggestion) for f in variants(translation, original)] == [("Дедді", "Дідді")]
