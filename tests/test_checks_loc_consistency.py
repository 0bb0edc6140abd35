"""target-inconsistency and source-inconsistency across every file of a run."""

from __future__ import annotations

from mtcheck.types import Severity
from tests.loc_fixtures import doc, run_hits, unit


def test_one_source_translated_two_ways_across_files_flags_the_minority() -> None:
    first = doc(unit("Delete the file", "Видалити файл", "a", line=3, path="a.po"), path="a.po")
    second = doc(
        unit("Delete the file", "Видалити файл", "c", path="b.po"),
        unit("Delete the file", "Стерти файл", "d", path="b.po", line=9),
        path="b.po",
    )
    [hit] = run_hits("target-inconsistency", first, second)
    assert hit.segment.id == "d"
    assert hit.suggestion == "Видалити файл"
    assert "a.po:3" in hit.message


def test_consistent_translations_accelerators_and_contexts_are_quiet() -> None:
    same = doc(
        unit("_Delete the file", "_Видалити файл", "a"),
        unit("Delete the file…", "Видалити файл…", "b"),  # accelerator and ellipsis do not count
        unit("Delete the file", "Видалити файл", "c"),
        unit("Open", "Відкрити", "d", context="menu"),
        unit("Open", "Відкритий", "e", context="state"),  # msgctxt keeps uses apart
    )
    assert run_hits("target-inconsistency", same) == []


def test_inflected_forms_of_one_translation_are_consistent() -> None:
    ru = doc(unit("Stroke color", "Цвет обводки", "a"), unit("Stroke color", "Цветом обводки", "b"), tgt="ru")
    assert run_hits("target-inconsistency", ru) == []
    uk = doc(unit("Highlight color", "Колір підсвічення", "a"), unit("Highlight color", "Колір підсвічування", "b"))
    assert len(run_hits("target-inconsistency", uk)) == 1  # two different nouns


def test_ukrainian_inflections_are_told_apart_by_case_only() -> None:
    # no dictionary is loaded for the run-wide checks (tests/test_run_summaries.py: test_inflection_rule)
    uk = doc(unit("Rows", "Рядки", "a"), unit("Rows", "Рядки", "b"), unit("Rows", "Рядків", "c"))
    [hit] = run_hits("target-inconsistency", uk)
    assert hit.segment.id == "c"
    ru = doc(unit("Rows", "Строки", "a"), unit("Rows", "Строк", "b"), tgt="ru")
    assert run_hits("target-inconsistency", ru) == []  # one Snowball stem


def test_other_target_languages_do_not_mix() -> None:
    uk = doc(unit("Delete the file", "Видалити файл"), tgt="uk")
    ru = doc(unit("Delete the file", "Удалить файл"), tgt="ru")
    assert run_hits("target-inconsistency", uk, ru) == []


def test_one_word_sources_only_inform() -> None:
    [hit] = run_hits("target-inconsistency", doc(unit("Open", "Відкрити", "a"), unit("Open", "Відкритий", "b")))
    assert hit.severity == Severity.INFO


def test_fuzzy_units_do_not_count() -> None:
    fuzzy = unit("Delete the file", "Стерти файл", "b", flags=frozenset({"fuzzy"}))
    assert run_hits("target-inconsistency", doc(unit("Delete the file", "Видалити файл", "a"), fuzzy)) == []


def test_one_translation_for_two_sources() -> None:
    found = run_hits(
        "source-inconsistency",
        doc(unit("Remove the file", "Видалити файл", "a"), unit("Remove the file", "Видалити файл", "b"),
            unit("Delete the folder", "Видалити файл", "c")),
    )  # fmt: skip
    assert [h.segment.id for h in found] == ["c"]
    assert run_hits("source-inconsistency", doc(unit("Remove", "Видалити", "a"), unit("Open", "Відкрити", "b"))) == []
