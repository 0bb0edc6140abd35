"""Bilingual and monolingual adequacy end to end, through a test-double translator."""

from __future__ import annotations

import json

from mtcheck.config import Config
from mtcheck.pipeline import check_text
from mtcheck.registry import (
    CHECKS,
    RENDERERS,
)
from mtcheck.render.base import RenderOptions
from mtcheck.types import Report, Severity
from tests.adequacy_fixtures import (
    ADDED,
    BACK,
    BACK_TABLE,
    MERGED,
    MERGED_BACK,
    ORIGINAL,
    TRANSLATION,
    WRONG,
    WRONG_BACK,
)
from tests.doubles import DictTranslator

# Only the checks under test, so that checks added elsewhere cannot change these outcomes.
MINE = {"low-adequacy", "unaligned"}
CONFIG = Config(disable=frozenset(set(CHECKS.names()) - MINE))


def bilingual(translation: list[str], original: list[str] = ORIGINAL) -> Report:
    translator = DictTranslator({("uk", "en"): BACK_TABLE})
    return check_text(
        "\n".join(translation),
        source_lang="en",
        target_lang="uk",
        original="\n".join(original),
        config=CONFIG,
        translator=translator,
    )


def found(report: Report, check: str) -> list[str]:
    return [f.segment_id for f in report.findings if f.check == check]


def test_clean_bilingual_translation_is_quiet_and_scored() -> None:
    report = bilingual(TRANSLATION)
    assert report.findings == ()
    assert report.scores["chrF"] > 70
    assert "nc:6" in report.scores["signatures"]["chrF"]
    assert "tok:13a" in report.scores["signatures"]["BLEU"]


def test_merged_sentences_are_not_an_omission() -> None:
    report = bilingual([MERGED, *TRANSLATION[2:]])
    assert report.findings == ()
    links = report.details["alignment"][""]["links"]
    assert links[0]["original"] == ["o1", "o2"] and links[0]["target"] == ["s1"]


def test_omitted_sentence_is_an_error_on_its_neighbour() -> None:
    report = bilingual(TRANSLATION[:2] + TRANSLATION[3:])
    [finding] = [f for f in report.findings if f.check == "unaligned"]
    assert finding.severity == Severity.ERROR
    assert finding.segment_id == "s3"  # the sentence after the gap
    assert finding.evidence["original"] == ORIGINAL[2]
    assert "o3" in finding.message


def test_added_sentence_is_flagged() -> None:
    report = bilingual([*TRANSLATION[:3], ADDED, *TRANSLATION[3:]])
    assert found(report, "unaligned") == ["s4"]
    assert found(report, "low-adequacy") == []


def test_wrong_sentence_has_low_adequacy() -> None:
    translation = [*TRANSLATION]
    translation[3] = WRONG
    report = bilingual(translation)
    [finding] = [f for f in report.findings if f.check == "low-adequacy"]
    assert finding.segment_id == "s4"
    assert finding.evidence["back_translation"] == WRONG_BACK
    assert finding.evidence["original"] == ORIGINAL[3]
    assert finding.evidence["chrF"] < 15


def test_threshold_is_configurable() -> None:
    translation = [*TRANSLATION]
    translation[3] = WRONG
    translator = DictTranslator({("uk", "en"): BACK_TABLE})
    config = Config(disable=CONFIG.disable, thresholds={"low-adequacy.chrf": 5.0, "low-adequacy.relative": 0.1})
    report = check_text(
        "\n".join(translation), source_lang="en", target_lang="uk", original="\n".join(ORIGINAL),
        config=config, translator=translator,
    )  # fmt: skip
    assert found(report, "low-adequacy") == []


def test_without_a_model_alignment_still_finds_an_omission_as_a_warning() -> None:
    config = Config(disable=CONFIG.disable)
    report = check_text(
        "\n".join(TRANSLATION[:2] + TRANSLATION[3:]),
        source_lang="en",
        target_lang="uk",
        original="\n".join(ORIGINAL),
        config=config,
    )
    assert any("back-translation" in note for note in report.notes)
    [finding] = [f for f in report.findings if f.check == "unaligned"]
    assert finding.severity == Severity.WARNING
    assert finding.evidence["original"] == ORIGINAL[2]
    assert report.details["alignment"][""]["by_model"] is False


def test_a_lone_dash_line_is_neither_added_nor_omitted() -> None:
    # Dialogue dashes the sentence splitter leaves on their own carry no content.
    config = Config(disable=CONFIG.disable)
    report = check_text(
        "\n".join([*TRANSLATION[:3], "—", *TRANSLATION[3:]]),
        source_lang="en",
        target_lang="uk",
        original="\n".join([*ORIGINAL[:1], '"', *ORIGINAL[1:]]),
        config=config,
    )
    assert [f for f in report.findings if f.check == "unaligned"] == []


def monolingual(round_trip: dict[str, str]) -> Report:
    translator = DictTranslator({("uk", "en"): BACK_TABLE, ("en", "uk"): round_trip})
    return check_text("\n".join(TRANSLATION), source_lang="en", target_lang="uk", config=CONFIG, translator=translator)


def test_monolingual_round_trip_quiet_when_it_comes_back() -> None:
    report = monolingual(dict(zip(BACK, TRANSLATION, strict=True)))
    assert report.findings == ()
    assert report.details["alignment"][""]["mode"] == "round-trip"
    assert report.details["round_trips"][""]["s2"] == TRANSLATION[1]


def test_monolingual_round_trip_flags_a_sentence_that_comes_back_different() -> None:
    trips = dict(zip(BACK, TRANSLATION, strict=True))
    trips[BACK[4]] = "Вчора футбольна команда програла матч на стадіоні."
    report = monolingual(trips)
    [finding] = [f for f in report.findings if f.check == "low-adequacy"]
    assert finding.segment_id == "s5"
    assert finding.evidence["round_trip"] == trips[BACK[4]]
    assert found(report, "unaligned") == []  # no original: nothing can be omitted


def test_json_report_carries_alignment_and_back_translation() -> None:
    report = bilingual(TRANSLATION[:2] + TRANSLATION[3:])
    data = json.loads(RENDERERS.get("json")(report, RenderOptions()))
    doc = data["details"]["alignment"][""]
    assert {"original": ["o3"], "target": [], "kind": "1:0"}.items() <= doc["links"][2].items()
    assert doc["links"][0]["chrF"] > 70
    assert data["details"]["back_translations"][""]["s1"] == BACK[0]
    assert "version:" in doc["signatures"]["chrF"]


def test_terminal_report_shows_original_translation_and_back_translation() -> None:
    translation = [*TRANSLATION]
    translation[3] = WRONG
    text = RENDERERS.get("text")(bilingual(translation), RenderOptions(width=200))
    assert f"original: {ORIGINAL[3]}" in text
    assert f"translation: {WRONG}" in text
    assert f"back-translation: {WRONG_BACK}" in text


def test_merged_back_translation_fixture_is_used() -> None:
    # guards the fixture: the merged sentence's back-translation covers both originals
    assert ORIGINAL[1].split()[3] in MERGED_BACK
