"""The check on a Dask cluster (``--workers`` / ``--scheduler``): same report, faults, cache, lazy import.

One LocalCluster of 2 worker processes (1 thread each) serves the whole module; the tiny
Marian model back-translates, so every run loads a translator on each worker.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

distributed = pytest.importorskip("distributed")

from mtcheck.cli import main  # noqa: E402
from mtcheck.config import Config, ModelSettings  # noqa: E402
from mtcheck.execute import check_files  # noqa: E402
from mtcheck.registry import RENDERERS  # noqa: E402
from mtcheck.render.base import RenderOptions  # noqa: E402
from mtcheck.types import Report  # noqa: E402
from tests import dask_tasks  # noqa: E402
from tests.adequacy_fixtures import TRANSLATION  # noqa: E402
from tests.conftest import ROOT, SEED  # noqa: E402
from tests.tiny_marian import tiny_marian_dir  # noqa: E402

CACHE_STATS = ("cache_hits", "cache_misses")
EXTRAS = [
    "Бюджет становить 120 мільйонів гривень.",
    "Рада рада рада підтримала план.",  # a repeated word
    "Мер Олександр Петренко сказав, що у 2025 році буде 40 автобусів.",
    "Depot will open in March.",  # untranslated
]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,
    ):
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """20 Ukrainian articles (translated from English), each a different mix of sentences."""
    folder = tmp_path_factory.mktemp("corpus")
    paths = []
    for i in range(20):
        name = "kill-me" if i == 7 else f"article-{i:02d}"
        lines = TRANSLATION[i % 6 :] + TRANSLATION[: i % 6] + [EXTRAS[i % 4]]
        path = folder / f"{name}.uk.txt"
        path.write_text("\n".join(lines[: 3 + i % 5]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory, corpus: list[Path]) -> Config:
    tiny = tiny_marian_dir(tmp_path_factory.getbasetemp())
    cache = tmp_path_factory.mktemp("dask-cache")
    model = ModelSettings(model=str(tiny), beam=1, threads=1, cache_dir=str(cache), required=True)
    return Config(source_lang="en", target_lang="uk", model=model, root=str(corpus[0].parent))


def rendered(report: Report) -> str:
    """The JSON report without the translation-cache statistics (which differ by where the cache was).

    The runs compared pass ``cache=False``: the per-file result cache would answer the
    second run without running its tasks.
    """
    details = {k: v for k, v in report.details.items() if k not in CACHE_STATS}
    return RENDERERS.get("json")(dataclasses.replace(report, details=details), RenderOptions())


def test_report_equals_local_run_and_the_cache_is_merged_back(client: Any, corpus: list[Path], config: Config) -> None:
    progress: list[str] = []
    remote = check_files(corpus, config, client=client, progress=progress.append, cache=False)
    assert remote.details["cache_misses"] > 0  # a cold cache: the workers translated
    local = check_files(corpus, config, cache=False)  # the same cache folder: the workers' entries were merged into it
    assert local.details["cache_misses"] == 0
    assert local.details["cache_hits"] > 0
    assert rendered(remote) == rendered(local)
    assert len(local.documents) == 20
    assert local.findings  # the corpus has findings, so their order is compared too
    assert len(progress) == 20
    assert progress[-1].startswith("file 20 of 20")


def test_a_killed_worker_still_yields_the_full_report(
    client: Any, corpus: list[Path], config: Config, tmp_path: Path
) -> None:
    from mtcheck.execute.dask import DaskExecutor

    fresh = dataclasses.replace(config, model=dataclasses.replace(config.model, cache_dir=str(tmp_path)))
    report = check_files(corpus, fresh, executor=DaskExecutor(client, task=dask_tasks.kill_once), cache=False)
    killed = [p for p in corpus if dask_tasks.KILL in p.name]
    assert Path(f"{killed[0]}.killed").exists()  # a worker really died mid-run
    assert rendered(report) == rendered(check_files(corpus, config, cache=False))
    assert "failed" not in report.details


def test_a_file_that_always_fails_is_reported_and_the_run_exits_3(
    client: Any,
    corpus: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    poison = tmp_path / f"{dask_tasks.POISON}.uk.txt"
    poison.write_text(TRANSLATION[0] + "\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()  # the report's root
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("mtcheck.execute.dask.check_file", dask_tasks.fail_poison)
    address = client.scheduler.address
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(corpus[0]), str(poison), "-s", "en", "-t", "uk", "--no-mt", "-f", "json",
              "--no-cache", "--scheduler", address])  # fmt: skip
    assert exit_.value.code == 3
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert list(report["details"]["failed"]) == ["poison.uk.txt"]
    assert "RuntimeError" in report["details"]["failed"]["poison.uk.txt"]
    assert any("poison.uk.txt: not checked" in note for note in report["notes"])
    assert len(report["documents"]) == 1  # the other file is checked and reported
    assert "1 file(s) not checked: poison.uk.txt" in err
    assert err.count("\n") == 1


def test_translate_on_the_cluster_equals_the_local_translation(
    client: Any, config: Config, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "many.en.txt"
    source.write_text("\n".join(TRANSLATION * 30) + "\n\n" + EXTRAS[3] + "\n", encoding="utf-8")  # 3 chunks
    common = ["translate", str(source), "--from", "uk", "--to", "en", "--model", str(config.model.model),
              "--beam", "1", "--threads", "1", "--cache-dir", str(tmp_path / "c")]  # fmt: skip
    outputs = []
    for extra in ([], ["--scheduler", client.scheduler.address]):
        with pytest.raises(SystemExit) as exit_:
            main([*common, *extra, "--no-cache"])
        assert exit_.value.code == 0
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") == len(TRANSLATION) * 30 + 2


def test_an_unreachable_scheduler_is_one_line_and_exit_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("mtcheck.execute.dask.CONNECT_TIMEOUT_S", 1.0)
    with pytest.raises(SystemExit) as exit_:
        main(["check", str(SEED), "-s", "ar", "--no-mt", "--scheduler", "tcp://127.0.0.1:9"])
    assert exit_.value.code == 3
    err = capsys.readouterr().err
    assert err.startswith("mtcheck: error: cannot connect to the Dask scheduler at tcp://127.0.0.1:9")
    assert err.count("\n") == 1


def test_workers_and_scheduler_are_project_settings(tmp_path: Path) -> None:
    from mtcheck.errors import ConfigError
    from mtcheck.gate.project_config import load_project_config

    (tmp_path / "mtcheck.toml").write_text('scheduler = "tcp://head:8786"\n', encoding="utf-8")
    config, _ = load_project_config(start=tmp_path)
    assert (config.scheduler, config.workers) == ("tcp://head:8786", None)
    (tmp_path / "mtcheck.toml").write_text("workers = 3\n", encoding="utf-8")
    assert load_project_config(start=tmp_path)[0].workers == 3
    (tmp_path / "mtcheck.toml").write_text('workers = 3\nscheduler = "tcp://head:8786"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="not both"):
        load_project_config(start=tmp_path)
    (tmp_path / "mtcheck.toml").write_text("workers = 0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="workers"):
        load_project_config(start=tmp_path)


def test_a_run_without_a_cluster_loads_nothing_of_dask() -> None:
    code = (
        "import sys\n"
        "from mtcheck.cli import main\n"
        "try:\n"
        f"    main(['check', {str(SEED)!r}, '-s', 'ar', '--no-mt', '-f', 'json', '-o', '/dev/null'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_ctrl_c_cancels_the_run_on_the_cluster(client: Any, corpus: list[Path], config: Config) -> None:
    def interrupt(_message: str) -> None:
        raise KeyboardInterrupt  # as Ctrl-C arrives while the client waits for the first result

    no_mt = dataclasses.replace(config, model=dataclasses.replace(config.model, enabled=False, required=False))
    with pytest.raises(KeyboardInterrupt):
        check_files(corpus, no_mt, client=client, progress=interrupt, cache=False)

    def left(dask_scheduler: Any) -> list[str]:
        return [str(key) for key in dask_scheduler.tasks if "mtcheck-check" in str(key)]

    deadline = time.monotonic() + 30
    while client.run_on_scheduler(left) and time.monotonic() < deadline:
        time.sleep(0.2)  # the scheduler forgets cancelled tasks asynchronously
    assert client.run_on_scheduler(left) == []


def test_an_input_error_on_a_worker_is_the_local_runs_error(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 8)
    monkeypatch.chdir(tmp_path)
    codes, errors = [], []
    for extra in ([], ["--scheduler", client.scheduler.address]):
        with pytest.raises(SystemExit) as exit_:
            main(["check", str(binary), "-s", "en", "-t", "uk", "--no-mt", "--no-cache", *extra])
        codes.append(exit_.value.code)
        errors.append(capsys.readouterr().err)
    assert codes == [2, 2]
    assert errors[0] == errors[1]
    assert errors[0].startswith("mtcheck: error: ")


def test_a_worker_shard_reads_the_users_cache_and_hands_back_only_new_entries(tmp_path: Path) -> None:
    from mtcheck.translators.cache import FILENAME, ShardCache, TranslationCache, cache_namespace

    ns = cache_namespace({"model": "m@1", "beam": "1"})
    user = TranslationCache(tmp_path / "user")
    user.put_many(ns, [("a", "A")])
    shard = ShardCache(tmp_path / "shard", tmp_path / "user" / FILENAME)
    assert shard.get_many(ns, ["a", "b", "a"]) == {"a": "A"}
    assert (shard.hits, shard.misses) == (2, 1)
    shard.put_many(ns, [("b", "B")])
    fresh = shard.take_fresh()
    assert len(fresh) == 1 and shard.take_fresh() == []
    user.add_rows(fresh)  # what the client does when the run ends
    assert user.get_many(ns, ["a", "b"]) == {"a": "A", "b": "B"}
    shard.close()
    user.close()


def test_a_long_document_is_back_translated_in_batches_with_the_same_report(
    client: Any, config: Config, tmp_path: Path
) -> None:
    from mtcheck.execute.dask import DaskExecutor

    long = tmp_path / "long.uk.txt"
    long.write_text("\n".join(TRANSLATION * 4 + EXTRAS) + "\n", encoding="utf-8")
    here = dataclasses.replace(config, root=str(tmp_path))
    own_cache = dataclasses.replace(here, model=dataclasses.replace(config.model, cache_dir=str(tmp_path / "c")))
    executor = DaskExecutor(client, batch=5)
    remote = check_files([long], own_cache, executor=executor, cache=False)
    sentences = len(remote.documents[0].segments)
    assert sentences > 10
    assert list(executor.batched.values()) == [-(-sentences // 5)]  # the back-translation went out in batches
    # the document's own task translated nothing: the batches had (seeded into its worker's
    # cache, or made on that worker when the scheduler put the task where its inputs were)
    assert remote.details["cache_misses"] == 0
    assert remote.details["cache_hits"] >= sentences
    local = check_files([long], here, cache=False)  # another translation cache: translated afresh
    assert rendered(remote) == rendered(local)
