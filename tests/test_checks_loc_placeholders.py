"""placeholders and tags: printf, Objective-C, Python, ICU, variables, HTML/XML and inline codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from mtcheck.formats.base import Languages
from mtcheck.formats.po import PoReader
from mtcheck.types import Document, Span
from tests.loc_fixtures import doc, hits, one, unit

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
    ("Line %d char %d", "السطر %Id المحرف %Id"),  # glibc's "I" flag prints the locale's digits
]

FIRES = [
    ("Open %s", "Відкрити", "%s", "missing"),
    ("Open %s", "Відкрити %d", "%d", "changed"),
    ("%s of %d", "%d з %s", "%d", "changed"),  # swapped without positions: crashes at run time
    ("Hello, %1$@!", "Привіт, %2$@!", "%2$@", "changed"),
    ("Size %ld", "Розмір %d", "%d", "changed"),
    ("Hi %(name)s", "Привіт, %(nom)s", "%(nom)s", "changed"),
    ("Hi {name}", "Привіт {імʼя}", "{імʼя}", "changed"),
    ("{count, plural, one {# file} other {# files}}", "{кількість, plural, one {# файл} other {# файлів}}",
     "{кількість, plural, one {# файл} other {# файлів}}", "changed"),
    ("Run $(ARG1)", "Запустіть $(АРГ1)", "$(ARG1)", "changed"),
    ("Open %s", "Відкрити %s %d", "%d", "extra"),
    ("Open %s and %d", "Відкрити %s", "%d", "missing"),
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


def test_one_changed_placeholder_is_one_finding() -> None:
    [hit] = one("placeholders", "Open %s", "Відкрити %d")
    assert hit.evidence["problem"] == "changed" and "“%s”" in hit.message and "“%d”" in hit.message
    assert hit.span == Span(9, 11)


HELP_SOURCE = (
    "Usage: cut OPTION... [FILE]...\n  -f, --fields=LIST  select only these fields, e.g. {INTEGER} or %REGEXP%"
)
HELP_TARGET = "Використання: cut ПАРАМЕТР... [ФАЙЛ]...\n  -f, --fields=СПИСОК  лише ці поля, напр. {ЦІЛЕ} або %ВИРАЗ%"


def test_help_text_words_in_braces_or_percents_are_text_in_a_flagged_catalogue() -> None:
    flagged = unit("Open %s", "Відкрити %s", uid="a", flags=frozenset({"c-format"}))
    help_text = unit(HELP_SOURCE, HELP_TARGET, uid="b")
    assert hits("placeholders", doc(flagged, help_text)) == []


def test_brace_format_flag_makes_braces_placeholders_again() -> None:
    flagged = unit("Open %s", "Відкрити %s", uid="a", flags=frozenset({"c-format"}))
    braces = unit("Hi {name}", "Привіт {імʼя}", uid="b", flags=frozenset({"python-brace-format"}))
    assert [h.evidence["problem"] for h in hits("placeholders", doc(flagged, braces))] == ["changed"]


def test_without_flags_every_syntax_is_still_looked_for() -> None:
    assert one("placeholders", "Hi {name}", "Привіт {імʼя}")  # a compiled catalogue lost its flags


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


PLURAL_PO = """msgid ""
msgstr ""
"Language: {lang}\\n"
"Plural-Forms: nplurals={n}; plural={rule};\\n"

#, c-format
msgid "One file"
msgid_plural "%d files"
{forms}
"""
RU = "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)"
AR = "n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5"


def _plural_doc(tmp_path: Path, lang: str, rule: str, forms: list[str]) -> Document:
    body = "\n".join(f'msgstr[{i}] "{form}"' for i, form in enumerate(forms))
    po = tmp_path / f"x.{lang}.po"
    po.write_text(PLURAL_PO.format(lang=lang, n=len(forms), rule=rule, forms=body), encoding="utf-8")
    return PoReader().read(po, Languages())[0]


def test_a_form_for_many_numbers_must_show_the_count(tmp_path: Path) -> None:
    # Russian form 0 serves 1, 21, 31…: "один файл" would say "one file" for 21 files
    ru = _plural_doc(tmp_path, "ru", RU, ["один файл", "%d файла", "%d файлов"])
    [hit] = hits("placeholders", ru)
    assert hit.segment.id.endswith("[0]") and hit.evidence["subject"] == "%1$d"
    fine = _plural_doc(tmp_path, "ru", RU, ["%d файл", "%d файла", "%d файлов"])
    assert hits("placeholders", fine) == []


def test_a_form_for_one_number_may_spell_it_out(tmp_path: Path) -> None:
    # Arabic forms 0, 1 and 2 serve exactly 0, 1 and 2
    ar = _plural_doc(tmp_path, "ar", AR, ["لا ملفات", "ملف واحد", "ملفان", "%d ملفات", "%d ملفًا", "%d ملف"])
    assert hits("placeholders", ar) == []
    broken = _plural_doc(tmp_path, "ar", AR, ["لا ملفات", "ملف واحد", "ملفان", "%d ملفات", "ملفًا", "%d ملف"])
    [hit] = hits("placeholders", broken)
    assert hit.segment.id.endswith("[4]")
