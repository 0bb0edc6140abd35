"""The execution layer: --jobs gives the serial report, the result cache gives the uncached one.

A generated corpus of catalogues in two languages, with findings of document-scope
checks (placeholders, repeated words) and of the run-scope ones (the same source
translated differently in two files), so both the per-file results and the merge are
exercised.
"""

from __future__ import annotations

import dataclasses
import json
import pickle
import sqlite3
import threading
import zlib
from pathlib import Path
from typing import Any

import pytest

import mtcheck
from mtcheck.config import Config, ModelSettings
from mtcheck.execute import check_files
from mtcheck.execute import results_cache as rc
from mtcheck.execute.base import SerialExecutor
from mtcheck.execute.codec import Packed, pack, unpack
from mtcheck.execute.local import ProcessExecutor
from mtcheck.pipeline import FileResult, FileTask, check_file, load_resources, plan
from mtcheck.render.base import RenderOptions
from mtcheck.render.json_report import render_json
from mtcheck.types import PackedSegments, Severity
from tests.doubles import DictTranslator
from tests.loc_fixtures import run_cli

ROOT = Path(__file__).resolve().parents[1]
NO_MT = Config(model=ModelSettings(enabled=False), fail_on=None)

HEADER = 'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
WORDS = {"uk": ("Відкрити", "Зберегти", "файл", "Видалити"), "ru": ("Открыть", "Сохранить", "файл", "Удалить")}


def catalogue(lang: str, i: int) -> str:
    open_, save, file_, delete = WORDS[lang]
    units = [
        ("Open %s", f"{open_} %s" if i % 3 else f"{open_} %d"),  # a changed placeholder in every third file
        ("Save the file", f"{save} {file_} {file_}" if i % 2 else f"{save} {file_}"),  # a repeated word
        ("Delete", delete if i % 2 else f"{delete}!"),  # translated two ways across files
        (f"Item {i} of the list", f"{file_} {i}"),
    ]
    body = "".join(f'#, c-format\nmsgid "{s}"\nmsgstr "{t}"\n\n' for s, t in units)
    return HEADER.format(lang=lang) + body


def make_corpus(folder: Path, per_language: int = 4) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for lang in ("uk", "ru"):
        for i in range(per_language):
            path = folder / f"app{i}.{lang}.po"
            path.write_text(catalogue(lang, i), encoding="utf-8")
            paths.append(path)
    return paths


@pytest.fixture
def corpus(project: Path) -> Path:
    make_corpus(project / "po")
    return project / "po"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MTCHECK_CACHE_DIR", str(folder))
    return folder


def as_json(report: mtcheck.Report) -> str:
    return render_json(report, RenderOptions(fail_on=None))


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code, out, err = run_cli(["check", "po", "--no-mt", "--fail-on", "never", "-q", "-f", "json", *args], capsys)
    assert code == 0, err
    return code, out


# --jobs


def test_jobs_two_gives_the_serial_report_in_the_same_order(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, serial = cli_json(capsys, "--jobs", "1", "--no-cache")
    _code, parallel = cli_json(capsys, "--jobs", "2", "--no-cache")
    assert parallel == serial
    findings = json.loads(serial)["findings"]
    assert {"placeholders", "repeated-word"} <= {f["check"] for f in findings}
    assert any(f["check"].endswith("-inconsistency") for f in findings)  # a run-scope check saw every file


def test_a_process_with_threads_starts_its_workers_from_a_forkserver(corpus: Path) -> None:
    # a server's threads make a fork unsafe; the pool then uses the forkserver, same report
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        from mtcheck.execute.local import _context

        assert _context().get_start_method() == "forkserver"
        parallel = check_files(["po"], NO_MT, executor=ProcessExecutor(2), cache=False)
    finally:
        stop.set()
    assert as_json(parallel) == as_json(check_files(["po"], NO_MT, cache=False))


def test_jobs_in_the_project_file(corpus: Path) -> None:
    from mtcheck.errors import ConfigError
    from mtcheck.gate.project_config import load_project_config

    (corpus.parent / "mtcheck.toml").write_text("jobs = 2\n", encoding="utf-8")
    assert load_project_config()[0].jobs == 2
    (corpus.parent / "mtcheck.toml").write_text("jobs = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="jobs"):
        load_project_config()


def test_config_pickles_for_worker_processes() -> None:
    config = Config(severities={"numbers": Severity.ERROR}, thresholds={"name-variant": 0.5}, language_map={"ua": "uk"})
    assert pickle.loads(pickle.dumps(config)) == config


def test_the_package_api_is_the_execution_layers() -> None:
    assert mtcheck.check_files is check_files


# the codec


def _round_trip(result: FileResult) -> FileResult:
    packed = pack(result)
    back = unpack(Packed(bytes(packed.result), bytes(packed.segments)))
    assert pack(back) == packed
    return back


def test_codec_round_trips_po_xliff_and_text_with_original_results(tmp_path: Path) -> None:
    from tests.test_crossnames import EN, UK_BACK, UK_SWAPPED

    original, target = tmp_path / "story.en.txt", tmp_path / "story.uk.txt"
    original.write_text("\n".join(EN), encoding="utf-8")
    target.write_text("\n".join(UK_SWAPPED), encoding="utf-8")
    wire = Config(source_lang="en", target_lang="uk")
    translated = load_resources(wire, translator=DictTranslator({("uk", "en"): UK_BACK}))
    results = [
        check_file(FileTask(str(ROOT / "tests/data/loc/sample.uk.po")), NO_MT, load_resources(NO_MT)),
        check_file(FileTask(str(ROOT / "tests/data/loc/sample12.xliff")), NO_MT, load_resources(NO_MT)),
        check_file(FileTask(str(target), str(original)), wire, translated),
    ]
    assert all(r.findings for r in results)
    assert results[2].details["back_translations"] and results[2].scored  # the model's part is there too
    for result in results:
        assert _round_trip(result) == result


def test_packed_segments_are_decoded_only_when_read() -> None:
    result = check_file(FileTask(str(ROOT / "tests/data/loc/sample.uk.po")), NO_MT, load_resources(NO_MT))
    segments = unpack(pack(result)).documents[0].segments
    original = result.documents[0].segments
    assert isinstance(segments, PackedSegments) and len(segments) == len(original)
    assert segments.pick([2, 0]) == [original[2], original[0]] and not segments.decoded
    assert segments == original and segments.decoded and list(segments) == list(original)
    assert hash(segments) == hash(tuple(original))


def test_segments_packed_in_one_call_are_each_found_again_whatever_their_texts_hold() -> None:
    """The rows of one encoder call are split where one ends and the next starts, and only there."""
    import random

    from mtcheck.types import Document, Location, Segment

    rng = random.Random(3)
    tricky = ["],\n[", "],[", '"],["', "\n", "\\", '"', "]", "[", ",", "\u2028", "\x00", "\x1f", "مرحبا", "😀", "0"]

    def text() -> str:
        return "".join(rng.choice(tricky) for _ in range(rng.randint(0, 6)))

    def segment(n: int, path: str) -> Segment:
        flags = frozenset(text() for _ in range(rng.randint(0, 2)))
        notes = tuple(text() for _ in range(rng.randint(0, 2)))
        unit = rng.choice([None, text(), f"u{n}"])
        where = Location(rng.choice([path, "other.po", None]), n + 1, rng.randint(1, 9), unit)
        return Segment(f"u{n}", text(), rng.choice([None, text()]), where, rng.randint(0, 99), flags, notes,
                       rng.choice([None, text()]))  # fmt: skip

    docs = tuple(Document(f"d{k}.po", "en", "uk", tuple(segment(n, f"d{k}.po") for n in range(count)), format="po")
                 for k, count in enumerate((40, 0, 1, 25)))  # fmt: skip
    back = _round_trip(FileResult(documents=docs))
    for doc, again in zip(docs, back.documents, strict=True):
        assert isinstance(again.segments, PackedSegments)
        picks = sorted(rng.sample(range(len(doc.segments)), min(5, len(doc.segments))), reverse=True)
        assert again.segments.pick(picks) == [doc.segments[i] for i in picks] and again.segments.pick([]) == []
        assert tuple(again.segments) == doc.segments


def test_executors_return_results_packed(corpus: Path) -> None:
    tasks, _note = plan(["po"], NO_MT)
    for executor in (SerialExecutor(), ProcessExecutor(2)):
        packed = executor.run(tasks[:3], NO_MT, None)
        assert [type(p) for p in packed] == [Packed] * 3
        assert [unpack(p).documents[0].path for p in packed] == [t.path for t in tasks[:3]]


def test_codec_keeps_the_types_of_free_form_values() -> None:
    from mtcheck.types import Finding, Location

    evidence = {"pair": ("a", 1), "set": frozenset({"x"}), "by": {(1, 2): "t"}, "~t": "odd", "list": [1.5, None]}
    finding = Finding("c", Severity.WARNING, "s1", Location("p", 2, 3, "u"), "m", evidence=evidence)
    back = _round_trip(FileResult(documents=(), findings=(finding,), details={"n": 3, "t": (1, 2)}))
    assert dict(back.findings[0].evidence) == evidence
    assert back.details == {"n": 3, "t": (1, 2)}


# the result cache


def test_a_rerun_checks_no_unchanged_file_and_reports_the_same(
    corpus: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = as_json(check_files(["po"], NO_MT))
    changed = corpus / "app1.uk.po"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Видалити", "Вилучити"), encoding="utf-8")
    expected = as_json(check_files(["po"], NO_MT, cache=False))
    checked: list[str] = []

    def counting(task: FileTask, *args: Any, **kwargs: Any) -> FileResult:
        checked.append(task.path)
        return check_file(task, *args, **kwargs)

    monkeypatch.setattr("mtcheck.execute.base.check_file", counting)
    assert as_json(check_files(["po"], NO_MT)) == expected != first
    assert checked == ["po/app1.uk.po"]
    checked.clear()
    assert as_json(check_files(["po"], NO_MT)) == expected
    assert checked == []


def test_rerun_with_jobs_two_reports_the_same(
    corpus: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, cold = cli_json(capsys, "--jobs", "2")
    (corpus / "app0.ru.po").write_text(catalogue("ru", 5), encoding="utf-8")
    (corpus / "app3.uk.po").write_text(catalogue("uk", 6), encoding="utf-8")
    _code, rerun = cli_json(capsys, "--jobs", "2")
    _code, uncached = cli_json(capsys, "--jobs", "1", "--no-cache")
    assert rerun == uncached != cold


def _cache_for(config: Config, **kwargs: Any) -> rc.ResultCache:
    return rc.ResultCache(Path(rc.os.environ["MTCHECK_CACHE_DIR"]), config, **kwargs)


def _stored(config: Config, task: FileTask, **kwargs: Any) -> FileResult:
    # what is stored does not matter here, only the key it is stored under
    result = check_file(task, NO_MT, load_resources(NO_MT))
    store = _cache_for(config, **kwargs)
    store.put(task, result)
    store.close()
    return result


def _hit(config: Config, task: FileTask, **kwargs: Any) -> bool:
    store = _cache_for(config, **kwargs)
    try:
        return store.get(task) is not None
    finally:
        store.close()


def test_any_change_of_a_keyed_input_invalidates_the_entry(
    corpus: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    termbase, names = corpus.parent / "terms.csv", corpus.parent / "names.db"
    termbase.write_text("en,uk\nfile,файл\n", encoding="utf-8")
    names.write_bytes(b"names v1")
    gazetteer = corpus.parent / "gazetteer.sqlite"
    gazetteer.write_bytes(b"places v1")
    monkeypatch.setattr("mtcheck.names.gazetteer.DEFAULT_PATH", gazetteer)
    config = dataclasses.replace(NO_MT, termbases=(str(termbase),), names_db=str(names))
    task = FileTask("po/app1.uk.po")

    def store_then_change(change: Any, after: Config = config) -> bool:
        """Store an entry, check that it is a hit, change one input: is it still a hit?"""
        _stored(config, task)
        assert _hit(config, task)
        change()
        return _hit(after, task)

    edits = {
        "file bytes": lambda: Path(task.path).write_text(catalogue("uk", 7), encoding="utf-8"),
        "termbase content": lambda: termbase.write_text("en,uk\nfile,теку\n", encoding="utf-8"),
        "names db content": lambda: names.write_bytes(b"names v2"),
        "gazetteer file": lambda: gazetteer.write_bytes(b"places v2"),
        "mtcheck version": lambda: monkeypatch.setattr("mtcheck.version.__version__", "99.0"),
        "a library's version": lambda: monkeypatch.setattr("importlib.metadata.version", lambda name: "99.0"),
        "mtcheck's code": lambda: monkeypatch.setattr(rc, "code_fingerprint", lambda: "edited"),
    }
    for what, edit in edits.items():
        assert not store_then_change(edit), what
    configs = {
        "a threshold": dataclasses.replace(config, thresholds={"name-variant": 0.5}),
        "the language map": dataclasses.replace(config, language_map={"ua": "uk"}),
        "a check turned off": dataclasses.replace(config, disable=frozenset({"repeated-word"})),
        "a severity": dataclasses.replace(config, severities={"placeholders": Severity.INFO}),
        "the source language": dataclasses.replace(config, source_lang="de"),
        "ignore-text": dataclasses.replace(config, ignore_text=("x",)),
        # what the run-wide checks keep of each file (their summaries) is stored with it
        "a run-wide check turned off": dataclasses.replace(config, disable=frozenset({"target-inconsistency"})),
        "the gazetteer switch": dataclasses.replace(config, use_gazetteer=False),
    }
    for what, other in configs.items():
        assert not store_then_change(lambda: None, other), what
    # what does not change findings keeps the entry
    for what, same in {
        "the gate": dataclasses.replace(config, fail_on=Severity.INFO),
        "jobs": dataclasses.replace(config, jobs=2),
        "the baseline": dataclasses.replace(config, baseline="b.json"),
    }.items():
        assert store_then_change(lambda: None, same), what


class Retrained(DictTranslator):
    @property
    def signature(self) -> dict[str, str]:
        return {"model": "dict-double", "revision": "2"}


def test_a_change_of_model_invalidates_the_entry(
    corpus: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mtcheck.translators import models

    task = FileTask("po/app1.uk.po")
    table = {("uk", "en"): {line: line for line in ("Відкрити %s", "Зберегти файл файл", "Видалити", "файл 1")}}
    table[("en", "uk")] = {v: v for v in table[("uk", "en")]}
    old, new = DictTranslator(table), Retrained(table)
    # a translator given by the caller is known by its signature
    _stored(NO_MT, task, translator=old)
    assert _hit(NO_MT, task, translator=old)
    assert not _hit(NO_MT, task, translator=new)
    # the configured model: the models the route resolves to (ids, revisions, content hashes)
    with_model = dataclasses.replace(NO_MT, model=ModelSettings(enabled=True))
    step = models.ModelStep("uk", "en", Path("m"), "opus-mt-uk-en", "rev1", "models-dir")
    monkeypatch.setattr(models, "resolve_route", lambda src, tgt, settings: (step,))
    _stored(with_model, task)
    assert _hit(with_model, task)
    monkeypatch.setattr(
        models, "resolve_route", lambda src, tgt, settings: (dataclasses.replace(step, revision="rev2"),)
    )
    assert not _hit(with_model, task)


def test_no_cache_neither_reads_nor_writes(corpus: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _code, plain = cli_json(capsys, "--no-cache")
    assert not (cache_dir / rc.FILENAME).exists()  # nothing written
    cli_json(capsys)  # fills the cache
    # plant a finding in every entry: a run that reads the cache reports it
    with sqlite3.connect(cache_dir / rc.FILENAME) as db:
        for key, value in db.execute("SELECT key, result FROM entries").fetchall():
            data = json.loads(zlib.decompress(value))
            doc = data["documents"][0]
            planted = {
                "check": "repeated-word", "severity": 2, "segment_id": "planted",
                "location": [doc["path"], 1, 1, None], "message": "planted", "span": None, "text": "",
                "source_span": None, "suggestion": None, "confidence": None, "evidence": {}, "context": "",
            }  # fmt: skip
            data["findings"].append(planted)
            db.execute("UPDATE entries SET result = ? WHERE key = ?", (zlib.compress(json.dumps(data).encode()), key))
    _code, cached = cli_json(capsys)
    assert "planted" in cached
    _code, uncached = cli_json(capsys, "--no-cache")
    assert uncached == plain and "planted" not in uncached


def test_a_corrupt_entry_is_checked_again_and_rewritten(
    corpus: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _code, cold = cli_json(capsys)
    with sqlite3.connect(cache_dir / rc.FILENAME) as db:
        db.execute("UPDATE entries SET result = ?", (b"not zlib",))
    _code, again = cli_json(capsys)
    assert again == cold
    monkeypatch.setattr("mtcheck.execute.base.check_file", _fail)
    _code, hit = cli_json(capsys)  # the entries were written again
    assert hit == cold


def test_damaged_segments_are_a_miss_not_an_error_in_a_report(
    corpus: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # the segments are decoded only when a report shows them: a damaged column is found at look-up
    args = ("-f", "html", "-o", "report.html")
    cli_json(capsys, *args)
    cold = Path("report.html").read_text(encoding="utf-8")
    with sqlite3.connect(cache_dir / rc.FILENAME) as db:
        for key, segments in db.execute("SELECT key, segments FROM entries").fetchall():
            db.execute("UPDATE entries SET segments = ? WHERE key = ?", (segments[:-8] + b"damaged!", key))
    cli_json(capsys, *args)
    assert Path("report.html").read_text(encoding="utf-8") == cold


def test_a_rerun_decodes_no_segment_for_reports_that_show_none(corpus: Path, cache_dir: Path) -> None:
    from mtcheck.registry import RENDERERS

    formats = ("json", "sarif", "junit", "markdown", "text", "concise")
    options = RenderOptions(fail_on=None)
    cold = check_files(["po"], NO_MT)
    rerun = check_files(["po"], NO_MT)
    assert all(isinstance(d.segments, PackedSegments) for d in rerun.documents)
    for name in formats:
        assert RENDERERS.get(name)(rerun, options) == RENDERERS.get(name)(cold, options), name
    assert not any(d.segments.decoded for d in rerun.documents)  # type: ignore[attr-defined]
    assert RENDERERS.get("html")(rerun, options) == RENDERERS.get("html")(cold, options)  # reads the units


def test_a_corrupt_cache_file_leaves_the_run_uncached_with_a_note(
    corpus: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _code, plain = cli_json(capsys, "--no-cache")
    cache_dir.mkdir(parents=True, exist_ok=True)
    (cache_dir / rc.FILENAME).write_bytes(b"this is not a database" * 100)
    _code, out = cli_json(capsys)
    report = json.loads(out)
    assert any("result cache" in note for note in report["notes"])
    assert report["findings"] == json.loads(plain)["findings"]


def _fail(*args: Any, **kwargs: Any) -> FileResult:
    raise AssertionError("a cached file was checked again")


def test_plan_then_serial_executor_is_the_pipelines_serial_loop(corpus: Path) -> None:
    from mtcheck.pipeline import check_files as serial_loop

    tasks, _note = plan(["po"], NO_MT)
    assert len(tasks) == 9  # the project's po/uk.po too
    assert as_json(check_files(["po"], NO_MT, cache=False)) == as_json(serial_loop(["po"], NO_MT))


def test_entries_unused_for_a_month_are_dropped(corpus: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_files(["po"], NO_MT)
    today = rc._today()
    monkeypatch.setattr(rc, "_today", lambda: today + rc.KEEP_DAYS - 1)
    check_files(["po/app0.uk.po"], NO_MT)  # a hit: used again
    monkeypatch.setattr(rc, "_today", lambda: today + rc.KEEP_DAYS + 1)
    check_files(["po/app1.uk.po"], NO_MT)
    with sqlite3.connect(cache_dir / rc.FILENAME) as db:
        kept = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
    assert kept == 2  # app0.uk.po, used within the month, and app1.uk.po, just stored


def test_errors_raised_in_a_worker_come_back_whole() -> None:
    from mtcheck.errors import MissingDependencyError
    from mtcheck.translators.models import ModelMissingError

    for error in (ModelMissingError("uk", "en", "looked nowhere"), MissingDependencyError("torch", "marian")):
        back = pickle.loads(pickle.dumps(error))
        assert type(back) is type(error) and str(back) == str(error) and back.__dict__ == error.__dict__


def test_an_input_error_in_a_worker_is_the_same_one_line_error(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (corpus / "broken.uk.po").write_bytes(b'msgid "a"\nmsgstr "b\x00c"\n')  # a NUL is refused
    serial = run_cli(["check", "po", "--no-mt", "--no-cache", "-j", "1"], capsys)
    parallel = run_cli(["check", "po", "--no-mt", "--no-cache", "-j", "2"], capsys)
    assert parallel == serial and serial[0] == 2 and "broken.uk.po" in serial[2]


def test_html_and_write_failing_from_a_cached_run_are_the_uncached_ones(
    corpus: Path, cache_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # both need every unit's text, not only the findings: a cached result must carry them
    outputs = []
    for run in ("cold", "cached", "uncached"):
        extra = ["--no-cache"] if run == "uncached" else []
        html = f"{run}.html"
        args = ["check", "po", "--no-mt", "--fail-on", "never", "-q", "-f", "html", "-o", html]
        code, _out, err = run_cli([*args, "--write-failing", f"failing-{run}", *extra], capsys)
        assert code == 0, err
        failing = sorted(Path(f"failing-{run}").rglob("*.po"))
        assert failing  # the corpus has findings: the failing units are written
        texts = [p.read_text(encoding="utf-8") for p in failing]
        outputs.append((Path(html).read_text(encoding="utf-8"), [p.name for p in failing], texts))
    assert outputs[0] == outputs[1] == outputs[2]
    assert "Зберегти файл файл" in outputs[1][0]  # a flagged unit's text, from the cache
