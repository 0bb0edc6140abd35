"""The SQLite translation cache: keys, hit/miss counts, re-runs, several processes at once."""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.config import ModelSettings
from mtcheck.translators._engine import CachedTranslator
from mtcheck.translators.cache import FILENAME, TranslationCache, cache_namespace
from mtcheck.translators.decoded import Decoded
from mtcheck.translators.marian import MarianTranslator
from mtcheck.translators.models import ModelStep
from tests.tiny_marian import tiny_marian_dir


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_marian_dir(tmp_path_factory.getbasetemp())


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(tmp_path / "memo"))
    monkeypatch.setenv("MTCHECK_MODELS", str(tmp_path / "models"))
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))


class CountingMarian(MarianTranslator):
    """The real translator, counting the texts that reach the model."""

    def __init__(self, settings: ModelSettings) -> None:
        super().__init__(settings)
        self.seen: list[str] = []

    def run_step(self, step: ModelStep, texts: list[str]) -> list[Decoded]:
        self.seen.extend(texts)
        return super().run_step(step, texts)


def cached(tiny: Path, cache_dir: Path, beam: int = 1) -> tuple[CountingMarian, CachedTranslator]:
    inner = CountingMarian(ModelSettings(model=str(tiny), beam=beam, threads=1))
    return inner, CachedTranslator(inner, TranslationCache(cache_dir))


def test_round_trip_and_counts(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    ns = cache_namespace({"model": "m@1", "beam": "4"})
    assert cache.get_many(ns, ["a", "b"]) == {}
    cache.put_many(ns, [("a", "A"), ("b", "B")])
    assert cache.get_many(ns, ["a", "c", "b"]) == {"a": "A", "b": "B"}
    assert (cache.hits, cache.misses) == (2, 3)
    other = cache_namespace({"model": "m@1", "beam": "1"})
    assert cache.get_many(other, ["a"]) == {}  # decoding settings are part of the key


def test_cache_file_is_in_wal_mode(tmp_path: Path) -> None:
    TranslationCache(tmp_path).put_many("ns", [("x", "y")])
    with sqlite3.connect(tmp_path / FILENAME) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_rerun_translates_nothing_and_returns_the_same(tiny: Path, tmp_path: Path) -> None:
    texts = ["War", "", "Ministers met in paris.", "War"]
    inner, first = cached(tiny, tmp_path)
    out = first.translate(texts, "en", "ar")
    assert inner.seen == ["War", "Ministers met in paris."]  # duplicates and blanks never reach the model
    inner2, second = cached(tiny, tmp_path)
    assert second.translate(texts, "en", "ar") == out
    assert inner2.seen == []
    assert second.stats == {"cache_hits": 3, "cache_misses": 0}
    assert second.signature["model"] == first.signature["model"]


def test_only_new_texts_are_translated(tiny: Path, tmp_path: Path) -> None:
    _, first = cached(tiny, tmp_path)
    first.translate(["War", "Ministers met in paris."], "en", "ar")
    inner, second = cached(tiny, tmp_path)
    second.translate(["War", "Officials denied reports."], "en", "ar")
    assert inner.seen == ["Officials denied reports."]


def test_a_different_beam_is_a_cache_miss(tiny: Path, tmp_path: Path) -> None:
    _, greedy = cached(tiny, tmp_path, beam=1)
    greedy.translate(["War"], "en", "ar")
    inner, beam = cached(tiny, tmp_path, beam=4)
    beam.translate(["War"], "en", "ar")
    assert inner.seen == ["War"]


def _writer(directory: str, worker: int) -> None:
    cache = TranslationCache(Path(directory))
    for i in range(40):
        cache.put_many("ns", [(f"text {worker} {i}", f"out {worker} {i}"), ("shared", "same")])
        cache.get_many("ns", [f"text {(worker + 1) % 4} {i}"])


def test_several_processes_share_one_cache(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), w)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
    assert [p.exitcode for p in procs] == [0, 0, 0, 0]
    cache = TranslationCache(tmp_path)
    assert len(cache) == 4 * 40 + 1
    assert cache.get_many("ns", ["text 3 39", "shared"]) == {"text 3 39": "out 3 39", "shared": "same"}


def run_translate(args: Sequence[str]) -> int:
    with pytest.raises(SystemExit) as exit_:
        main(list(args))
    return int(exit_.value.code or 0)


def test_cli_second_run_is_all_hits_and_no_cache_bypasses(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in.txt"
    src.write_text("War\nMinisters met in paris.\n", encoding="utf-8")
    base = ["translate", str(src), "--from", "en", "--to", "ar", "--model", str(tiny), "--beam", "1", "--threads", "1"]
    cache_dir = ["--cache-dir", str(tmp_path / "cli-cache")]
    assert run_translate([*base, *cache_dir]) == 0
    first = capsys.readouterr()
    assert "0 hits, 2 misses" in first.err
    assert run_translate([*base, *cache_dir]) == 0
    second = capsys.readouterr()
    assert "2 hits, 0 misses" in second.err and second.out == first.out
    assert run_translate([*base, "--no-cache"]) == 0
    uncached = capsys.readouterr()
    assert "hits" not in uncached.err and uncached.out == first.out
    assert (tmp_path / "cli-cache" / FILENAME).is_file()


def test_unopenable_cache_goes_on_in_memory_with_one_note(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = TranslationCache(blocker / "sub")
    assert cache.note is not None and "kept in memory" in cache.note
    cache.put_many("ns", [("War", "حرب")])
    assert cache.get_many("ns", ["War", "Peace"]) == {"War": "حرب"}
    assert (cache.hits, cache.misses) == (1, 1)


def test_cache_locked_past_the_timeout_keeps_the_finished_translations(tmp_path: Path) -> None:
    first = TranslationCache(tmp_path / "c")
    holder = sqlite3.connect(first.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        cache = TranslationCache(tmp_path / "c", busy_timeout_s=0.1)
        cache.put_many("ns", [("War", "حرب"), ("Peace", "سلام")])
        assert cache.note is not None and "cannot be written" in cache.note
        assert cache.get_many("ns", ["War", "Peace"]) == {"War": "حرب", "Peace": "سلام"}
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        first.close()
