"""The run-wide checks read each document's summary, not its segments, and find what they did.

target-inconsistency and source-inconsistency used to group every unit of every document
of a run; they now group the normalised keys that :func:`mtcheck.checks.consistency.summarise`
kept of each document when it was checked (and the result cache stored), and decode only
the units a finding names. The old code (:mod:`tests.findings_reference`) runs beside them
on the generated catalogues of :mod:`tests.test_findings_stable`, plus catalogues that
repeat sources across files with inflected, differently-spelt and letterless targets;
the documents the new code sees are packed as a cached run's are, so a decoded segment
it did not need shows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from mtcheck.checks.base import CheckContext, Hit
from mtcheck.checks.consistency import inflection_keys
from mtcheck.config import Config
from mtcheck.execute.codec import pack, unpack
from mtcheck.names import morphology
from mtcheck.pipeline import FileResult, digest
from mtcheck.registry import CHECKS
from mtcheck.types import Document, Location, PackedSegments, Segment
from tests import findings_reference as reference
from tests.test_findings_stable import _documents

OLD: dict[str, Callable[[CheckContext], Any]] = {
    "target-inconsistency": reference.target_inconsistency,
    "source-inconsistency": reference.source_inconsistency,
}
SOURCES = ["Delete the file", "Open", "Save _As…", "Row", "Stroke color", "Layer to bottom", "%s", "Color:"]
TARGETS = {
    "uk": ["Видалити файл", "Вилучити файл", "Рядки", "Рядків", "Колір обведення", "Кольором обведення", "%s", "—"],
    "ru": ["Удалить файл", "Стереть файл", "Строки", "Строк", "Цвет обводки", "Цветом обводки", "%s", "Цвет:"],
}


def _repeating(seed: int) -> tuple[Document, ...]:
    """Catalogues in two languages that share their sources: many groups, inflected variants among them."""
    rng = random.Random(seed)
    docs = []
    for n in range(6):
        lang = "uk" if n % 2 else "ru"
        path = f"rep/{lang}-{n}.po"
        units = []
        for i in range(60):
            source = rng.choice(SOURCES)
            target = rng.choice(TARGETS[lang]) if rng.random() < 0.95 else ""
            context = "menu" if rng.random() < 0.2 else None
            flags = frozenset({"fuzzy"}) if rng.random() < 0.05 else frozenset()
            units.append(Segment(f"u{i}", target, source, Location(path, 4 * i + 3, 8, f"u{i}"), flags=flags,
                                 context=context))  # fmt: skip
        docs.append(Document(path, "en", lang, tuple(units), format="po"))
    return tuple(docs)


def _cached(doc: Document) -> tuple[Document, dict[str, Any]]:
    """``doc`` as a run gets it back from the result cache: packed segments, its summaries."""
    result = unpack(pack(FileResult(documents=(doc,), digests=(digest(doc, Config()),))))
    return result.documents[0], dict(result.digests[0].summaries)


def _old_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """The old code with today's inflection rule (the rule changed on purpose: test_inflection_rule)."""
    keyer = morphology.keyer
    monkeypatch.setattr(
        morphology, "keyer", lambda lang: inflection_keys(lang) if lang in ("uk", "ru") else keyer(lang)
    )


def _run(check_id: str, docs: tuple[Document, ...]) -> tuple[list[Hit], list[Hit], tuple[Document, ...]]:
    old = list(OLD[check_id](CheckContext(document=docs[0], config=Config(), run_documents=docs)))
    cached = [_cached(doc) for doc in docs]
    packed = tuple(doc for doc, _summaries in cached)
    ctx = CheckContext(document=packed[0], config=Config(), run_documents=packed,
                       run_summaries=tuple(summaries for _doc, summaries in cached))  # fmt: skip
    return old, list(CHECKS.get(check_id).run(ctx)), packed


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("check_id", sorted(OLD))
@pytest.mark.parametrize("corpus", [_documents, _repeating])
def test_summaries_find_what_whole_documents_found(
    corpus: Callable[[int], tuple[Document, ...]], check_id: str, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    _old_rule(monkeypatch)
    old, new, packed = _run(check_id, corpus(seed))
    assert new == old  # the same hits, in the same order
    assert len(old) > 5
    for doc in packed:  # only the units the hits name were decoded
        assert isinstance(doc.segments, PackedSegments) and not doc.segments.decoded


def test_a_hand_built_context_is_summarised_on_the_spot() -> None:
    docs = _repeating(7)
    by_hand = CheckContext(document=docs[0], config=Config(), run_documents=docs)
    _old, cached, _packed = _run("target-inconsistency", docs)
    assert list(CHECKS.get("target-inconsistency").run(by_hand)) == cached


def test_inflection_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ukrainian inflections are told apart by case only, Russian ones by Snowball's stems.

    pymorphy3's dictionaries (which told both apart by lemma) cost the run-wide step 40 MiB
    and a quarter of a second, more than the rest of a cached re-run of 49 catalogues.
    """
    uk, ru = inflection_keys("uk"), inflection_keys("ru")
    assert uk("Рядки") == {"рядки"} and not uk("Рядки") & uk("Рядків")
    assert ru("Цветом") & ru("цвет") and ru("Строки") & ru("Строк")
    assert inflection_keys("ar")("بالملف") & inflection_keys("ar")("الملف")  # Arabic as the name matcher keys it
    monkeypatch.setattr(morphology, "_analyzer", _no_dictionary)
    docs = _repeating(3)
    assert list(CHECKS.get("target-inconsistency").run(CheckContext(docs[0], Config(), run_documents=docs)))


def _no_dictionary(lang: str) -> None:
    raise AssertionError(f"pymorphy3's {lang} dictionary was loaded")
