"""The back-translation stage: one translator for a whole run, honest per-document counts."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

import pytest

from mtcheck import Config, ModelSettings
from mtcheck.errors import ModelError
from mtcheck.formats.base import Languages
from mtcheck.pipeline import check_documents, settle_languages
from mtcheck.registry import READERS, TRANSLATORS


class CountingTranslator:
    """Upper-cases its input; counts how often it was built and what it translated."""

    built = 0

    def __init__(self, settings: ModelSettings) -> None:
        type(self).built += 1
        self.translated = 0

    @property
    def signature(self) -> Mapping[str, str]:
        return {"model": "counting-double"}

    @property
    def stats(self) -> dict[str, int]:
        return {"cache_misses": self.translated}

    def translate(self, texts: Sequence[str], src: str, tgt: str) -> list[str]:
        self.translated += len(texts)
        return [t.upper() for t in texts]


@pytest.fixture
def counting_backend() -> Iterator[str]:
    CountingTranslator.built = 0
    TRANSLATORS.add("test-counting", CountingTranslator)
    yield "test-counting"
    TRANSLATORS.discard("test-counting")


def documents(*texts: str) -> list:  # type: ignore[type-arg]
    reader = READERS.get("text")
    return [
        settle_languages(reader.document(text, f"doc{i}.txt", Languages("ar", "en")))  # type: ignore[attr-defined]
        for i, text in enumerate(texts)
    ]


def test_one_translator_serves_every_document_and_counts_are_per_document(counting_backend: str) -> None:
    config = Config(model=ModelSettings(backend=counting_backend))
    report = check_documents(documents("One. Two.", "Three."), config)
    assert CountingTranslator.built == 1
    assert report.details["back_translations"]["doc1.txt"] == {"s1": "THREE."}
    assert report.details["cache_misses"] == 3  # 2 + 1, not 2 + 3


def test_missing_backend_is_a_note_unless_required() -> None:
    report = check_documents(documents("One."), Config(model=ModelSettings(backend="no-such-backend")))
    assert any("no translation backend 'no-such-backend'" in note for note in report.notes)
    with pytest.raises(ModelError):
        check_documents(documents("One."), Config(model=ModelSettings(backend="no-such-backend", required=True)))
