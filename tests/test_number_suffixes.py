"""Scale suffixes ("£125m", "$2.8bn"), Chinese scale words and clock times, and numbers of
names ("COVID-19") in wire copy checked against its original.

Short texts written for these tests; no model. Each behaviour: quiet on the same amount,
firing on a changed one.
"""

from __future__ import annotations

import pytest

from mtcheck.config import Config
from mtcheck.pipeline import check_text
from mtcheck.read.numerals import numbers_in, same_number
from mtcheck.types import ModelSettings, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False))


def number_warnings(text: str, original: str, src: str, tgt: str = "en") -> list[str]:
    report = check_text(text, source_lang=src, target_lang=tgt, original=original, config=NO_MODEL)
    return [f.message for f in report.findings if f.check == "numbers" and f.severity >= Severity.WARNING]


QUIET = [
    ("ar", "خصصت الحكومة 125 مليون جنيه إسترليني للمستشفيات.", "The government set aside £125m for hospitals."),
    ("ru", "Компания потеряла 2,8 млрд долларов за год.", "The company lost $2.8bn in a year."),
    ("uk", "Від повені постраждали 5 млн людей.", "The flood hit 5m people."),
    ("ru", "Стена высотой 5 метров рухнула в среду.", "A 5m wall collapsed on Wednesday."),
    ("ru", "Бюджет проекта составил 125 фунтов.", "The project's budget was £125m."),
    ("zh", "塞阿拉州确诊超过16万例。", "Ceará has more than 160,000 confirmed cases."),
    ("zh", "美国确诊总数已经达到417.6万例。", "Confirmed cases in the US have reached 4.176 million."),
    ("zh", "7月24日15时50分，警方接到报警。", "At 15:50 on July 24, the police received a call."),
    ("zh", "7月26日上午9点半，记者到达现场。", "At 9:30 a.m. on July 26, the reporter arrived."),
    ("zh", "美国新冠肺炎确诊病例数突破400万。", "Confirmed COVID-19 cases in the US topped 4 million."),
]

FIRING = [
    ("ar", "خصصت الحكومة 130 مليون جنيه إسترليني للمستشفيات.", "The government set aside £125m for hospitals."),
    ("ru", "Компания потеряла 3,8 млрд долларов за год.", "The company lost $2.8bn in a year."),
    ("uk", "Від повені постраждали 6 млн людей.", "The flood hit 5m people."),
    ("zh", "塞阿拉州确诊超过17万例。", "Ceará has more than 160,000 confirmed cases."),
    ("zh", "7月24日15时40分，警方接到报警。", "At 15:50 on July 24, the police received a call."),
    ("zh", "7月26日上午8点半，记者到达现场。", "At 9:30 a.m. on July 26, the reporter arrived."),
]


@pytest.mark.parametrize(("src", "original", "text"), QUIET)
def test_the_same_amount_or_time_is_quiet(src: str, original: str, text: str) -> None:
    assert number_warnings(text, original, src) == []


@pytest.mark.parametrize(("src", "original", "text"), FIRING)
def test_a_changed_amount_or_time_is_still_a_warning(src: str, original: str, text: str) -> None:
    assert number_warnings(text, original, src)


def test_a_suffix_after_a_currency_sign_is_money_scale() -> None:
    [pounds] = numbers_in("£125m", "en")
    [dollars] = numbers_in("$50K", "en")
    assert (pounds.key, pounds.scaled, dollars.key) == ("125000000", True, "50000")


def test_a_lone_letter_without_currency_is_a_scale_only_as_an_alternative() -> None:
    [people] = numbers_in("5m people", "en")
    [video] = numbers_in("4K video", "en")
    assert (people.key, people.alts, video.key, video.alts) == ("5", ("5000000",), "4", ())


def test_a_number_in_a_name_is_glued_but_a_year_after_mid_is_not() -> None:
    [covid] = numbers_in("COVID-19", "en")
    [year] = numbers_in("mid-2020", "en")
    assert covid.glued and not year.glued


def test_a_scaled_number_still_meets_its_bare_digits() -> None:
    [scaled] = numbers_in("£125m", "en")
    [bare] = numbers_in("125", "ar")
    assert same_number(scaled, bare)
