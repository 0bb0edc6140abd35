"""A check leaves no process-wide trace: the collector, logging, and per-request state stay as they were."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from mtcheck.config import Config
from mtcheck.pipeline import check_files
from mtcheck.runtime import gc_paused
from tests.loc_fixtures import LEGACY_PO


def test_a_text_check_never_touches_the_collector(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(gc, "disable", lambda: calls.append("disable"))
    path = tmp_path / "copy.txt"
    path.write_text("The minister said the the aid was late.\n")
    report = check_files([path], Config(source_lang="ar", target_lang="en", use_gazetteer=False))
    assert any(f.check == "repeated-word" for f in report.findings)
    assert calls == []


def test_a_po_check_holds_the_collector_only_while_parsing(tmp_path: Path) -> None:
    path = tmp_path / "uk.po"
    path.write_text(LEGACY_PO, encoding="utf-8")
    states: list[bool] = []
    from mtcheck.formats import po

    original_read = po.PoReader._read

    def spy(self: po.PoReader, *args: object) -> object:
        states.append(gc.isenabled())
        return original_read(self, *args)  # type: ignore[arg-type]

    po.PoReader._read = spy  # type: ignore[method-assign]
    try:
        check_files([path], Config(source_lang="en", use_gazetteer=False))
    finally:
        po.PoReader._read = original_read  # type: ignore[method-assign]
    assert states == [False]
    assert gc.isenabled()


def test_concurrent_pauses_release_the_collector_when_the_last_one_ends() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    def first() -> None:
        with gc_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with gc_paused():
            second_in.set()
            first_out.wait(5)
            seen["after the first left"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == {"after the first left": False}
    assert gc.isenabled()


def test_loading_transformers_for_marian_changes_no_logging_setting() -> None:
    pytest.importorskip("transformers")
    import logging

    from transformers.utils import logging as hf_logging

    before = (hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled(), logging.getLogger().level)
    from mtcheck.translators.marian import import_marian

    import_marian()
    assert (hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled(), logging.getLogger().level) == before
