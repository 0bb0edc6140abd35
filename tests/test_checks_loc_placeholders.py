"""placeholders and tags: printf, Objective-C, Python, ICU, variables, HTML/XML and inline codes."""

from __future__ import annotations

import pytest
from loc_fixtures import doc, hits, one, unit

from mtcheck.types import Span

QUIET = [
    ("Open %s", "Відкрити %s"),
    ("%s of %d", "%2$d з %1$s"),  # reordered with positions
    ("Hello, %1$@! %2$d new", "%2$d нових, %1$@!"),
    ("Done: 100%%", "Готово: 100%%"),
    ("50% off", "знижка 50%"),  # a bare percent sign is no specifier
    ("Hi %(name)s", "Привіт, %(name)s"),
    ("Hi {name}, {0:.2f}", "Привіт {name}, {0:.2f}"),
    ("{count, plural, one {# file} other {# files}}", "{count, plural, one {# файл} few {# файли} other {# файлів}}"),
    ("Run $(ARG1) with %PRODUCTNAME", "Запустіть $(ARG1) з %PRODUCTNAME"),
    ("%a %b %e", "%e %B"),  # date formats are locale-specific
    ("File %1 of %2", "Файл %1 з %2"),
]

FIRES = [
    ("Open %s", "Відкрити", "%s", "missing"),
    ("Open %s", "Відкрити %d", "%d", "extra"),
    ("%s of %d", "%d з %s", "%d", "extra"),  # swapped without positions: crashes at run time
    ("Hello, %1$@!", "Привіт, %2$@!", "%2$@", "extra"),
    ("Size %ld", "Розмір %d", "%d", "extra"),
    ("Hi %(name)s", "Привіт, %(nom)s", "%(nom)s", "extra"),
    ("Hi {name}", "Привіт {імʼя}", "{імʼя}", "extra"),
    ("{count, plural, one {# file} other {# files}}", "{кількість, plural, one {# файл} other {# файлів}}",
     "{кількість, plural, one {# файл} other {# файлів}}", "extra"),
    ("Run $(ARG1)", "Запустіть $(АРГ1)", "$(ARG1)", "missing"),
    ("File %1 of %2", "Файл %1", "%2", "missing"),
]  # fmt: skip


@pytest.mark.parametrize(("source", "target"), QUIET)
def test_matching_placeholders_are_quiet(source: str, target: str) -> None:
    assert one("placeholders", source, target) == []


@pytest.mark.parametrize(("source", "target", "text", "problem"), FIRES)
def test_broken_placeholders_fire(source: str, target: str, text: str, problem: str) -> None:
    found = one("placeholders", source, target)
    assert any(f"“{text}”" in h.message and h.evidence["problem"] == problem for h in found), found


def test_extra_placeholder_span_points_at_it_in_the_target() -> None:
    [hit] = one("placeholders", "Open file", "Відкрити %s")
    assert hit.span == Span(9, 11)


def test_c_format_flags_decide() -> None:
    assert one("placeholders", "%a %b", "%b", flags=frozenset({"c-format"}))  # declared printf: checked
    assert one("placeholders", "Open %s", "Відкрити", flags=frozenset({"no-c-format"})) == []


def test_plural_forms_may_spell_out_the_count_but_keep_other_placeholders() -> None:
    plural = frozenset({"plural"})
    forms = [
        unit("%d file in %s", "один файл у %2$s", "p[0]", plural, unit_id="p"),
        unit("%d files in %s", "%d файли у %s", "p[1]", plural, unit_id="p"),
    ]
    assert hits("placeholders", doc(*forms)) == []
    broken = unit("%d files in %s", "%d файлів", "p[2]", plural, unit_id="p")
    found = hits("placeholders", doc(*forms, broken))
    assert [h.evidence["subject"] for h in found] == ["%2$s"]


def test_empty_target_is_left_to_the_untranslated_check() -> None:
    assert one("placeholders", "Open %s", "") == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Press <b>Save</b>", "Натисніть <b>Зберегти</b>"),
        ('See <a href="https://x.org">docs</a>', 'Див. <a href="https://x.org/uk">документацію</a>'),
        ('Press <g id="1">Save</g> <x id="2"/>', '<x id="2"/> Натисніть <g id="1">Зберегти</g>'),
        ("Use a < b and c > d", "Використайте a < b і c > d"),
    ],
)
def test_matching_tags_are_quiet(source: str, target: str) -> None:
    assert one("tags", source, target) == []


@pytest.mark.parametrize(
    ("source", "target", "subject"),
    [
        ("Press <b>Save</b>", "Натисніть <b>Зберегти", "</b>"),
        ("Line<br/>break", "Рядок розрив", "<br/>"),
        ('Keep <x id="2"/> changes', "Зберегти зміни", '<x id="2"/>'),
        ('Keep <x id="2"/> changes', 'Зберегти <x id="3"/> зміни', '<x id="3"/>'),
    ],
)
def test_broken_tags_fire(source: str, target: str, subject: str) -> None:
    assert subject in [h.evidence["subject"] for h in one("tags", source, target)]
