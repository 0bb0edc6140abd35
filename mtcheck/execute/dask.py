"""``--workers N`` / ``--scheduler ADDRESS``: the file tasks on a Dask cluster (``pip install 'mtcheck[dask]'``).

The same task function as every executor (:func:`mtcheck.pipeline.check_file`), one task a
file; results come back packed (:mod:`mtcheck.execute.codec`) and are put in
task order, so :func:`mtcheck.pipeline.merge` runs the run-wide steps once, on the client,
and the report is the local run's. Only this module imports Dask, and only the executor
choice imports this module: a run without a cluster loads nothing of Dask.

* **Warm workers.** A :class:`ResourcesPlugin` is registered for the run: every worker,
  including one that joins or is restarted mid-run, loads the termbases, the gazetteer and
  the translator once and keeps them for every task it runs (the model loads on first use).
  It is removed after the run, so a later run never sees an edited termbase's old entries.
* **Translation cache.** Each worker writes its own shard (a SQLite file in its local
  directory) and reads the user's cache when its machine has that file
  (:class:`~mtcheck.translators.cache.ShardCache`); every task result carries the entries
  the task added, and the client adds them to the user's cache when the run ends (also
  when it is interrupted), so the next run, local or distributed, hits.
* **Faults.** A task that raises, or whose worker dies, is rerun by Dask (``retries=1``;
  the scheduler's ``allowed-failures`` for worker deaths). A file that still fails is a
  note and a ``details["failed"]`` entry naming it, and the command line exits 3; it is
  never silently dropped. An mtcheck error (an unreadable input, a required model that is
  missing) fails the run with its own message and exit code, as it would locally.
  Ctrl-C cancels the run's tasks on the cluster.

* **Long documents.** A document of more than ``batch`` segments has its back-translation
  sent out first as batches of segments (translation tasks that any worker may run); its
  check task then starts with those translations in its worker's cache, so the document's
  alignment, round trip and checks, which need the whole document, run in one task while
  the costly part was spread over the cluster. This needs the translation cache (the
  batches hand their results over through it): with ``--no-cache`` a document is one task.
"""

from __future__ import annotations

import contextlib
import dataclasses
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from mtcheck.config import Config, ModelSettings
from mtcheck.errors import ClusterError, MissingDependencyError, ModelError, MtcheckError
from mtcheck.execute.codec import Packed, pack
from mtcheck.pipeline import FileResult, FileTask, Progress, Resources, check_file, load_resources
from mtcheck.translators._engine import CachedTranslator, RoutedTranslator
from mtcheck.translators.base import Translator
from mtcheck.translators.cache import FILENAME, ShardCache, TranslationCache, default_cache_dir
from mtcheck.translators.decoded import Decoded

TaskFunction = Callable[[FileTask, Config, Resources], FileResult]

RETRIES = 1  # a task is tried twice before its file is reported as failed
CONNECT_TIMEOUT_S = 10.0
TRANSLATE_CHUNK = 64  # lines a `mtcheck translate` task: a few batches, small enough to balance
BATCH_SEGMENTS = 64  # a document longer than this has its back-translation sent out in batches this size


class ResourcesPlugin(WorkerPlugin):
    """Loads a run's :class:`Resources` once on each worker and keeps them warm.

    Sent to the workers (pickled) with the run's config. The resources are built on the
    worker by its first task, in the thread that runs it, and kept per thread: the caches
    and the gazetteer are SQLite connections, which belong to the thread that opened them
    (a worker started with ``--nthreads 1``, as recommended, loads them once).
    """

    def __init__(self, config: Config, user_cache: str | None) -> None:
        self.config = config
        self.user_cache = user_cache
        self.directory = Path()
        self.local = threading.local()

    def __getstate__(self) -> dict[str, Any]:
        return {"config": self.config, "user_cache": self.user_cache}  # a thread's resources never travel

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["config"], state["user_cache"])  # type: ignore[misc]

    def setup(self, worker: Any) -> None:
        # the shards live in the worker's own folder (a node's local disk), which Dask removes with it
        self.directory = Path(worker.local_directory) / "mtcheck-cache"

    def warm(self) -> Resources:
        """This thread's resources, loaded on its first task."""
        resources: Resources | None = getattr(self.local, "resources", None)
        if resources is not None:
            return resources
        resources = load_resources(self.config)
        settings = self.config.model
        cache = None
        if settings.enabled and settings.use_cache:
            shared = Path(self.user_cache) if self.user_cache else None
            cache = ShardCache(self.directory / str(threading.get_ident()), shared)
        self.local.cache, self.local.model_error = cache, None
        try:
            # one model thread a Dask thread, unless --threads says otherwise
            resources.translator = worker_translator(settings, cache, settings.threads or 1)
        except (ModelError, MissingDependencyError) as exc:
            # left to the task: back_translate reports it (or raises, --require-mt) as a local run does
            self.local.model_error = exc
        self.local.resources = resources
        return resources

    def model_error(self) -> MtcheckError | None:
        error: MtcheckError | None = getattr(self.local, "model_error", None)
        return error

    def take_fresh(self) -> list[tuple[bytes, str]]:
        cache: ShardCache | None = getattr(self.local, "cache", None)
        return cache.take_fresh() if cache is not None else []


def worker_translator(settings: ModelSettings, cache: ShardCache | None, threads: int) -> Translator | None:
    """The configured backend on ``threads`` threads, over the worker's shard cache; None without a model."""
    from mtcheck.translators.backtranslate import make_translator

    if not settings.enabled:
        return None
    inner = make_translator(dataclasses.replace(settings, use_cache=False, threads=threads))
    if cache is None or not isinstance(inner, RoutedTranslator):
        return inner
    return CachedTranslator(inner, cache)


def _plugin(name: str) -> ResourcesPlugin:
    plugin = get_worker().plugins[name]
    assert isinstance(plugin, ResourcesPlugin)
    return plugin


def _check_task(
    task_function: TaskFunction, task: FileTask, config: Config, plugin_name: str,
    batches: Sequence[dict[str, Any]] = (),
) -> dict[str, Any]:  # fmt: skip
    """Runs on a worker: one file checked with the worker's warm resources.

    ``batches`` are the results of its long documents' translation batches (Dask passes
    them in once they are done): the translator keeps them first, so the check's
    back-translation finds them in this worker's cache; their new cache entries go back to
    the client with the task's own.
    """
    plugin = _plugin(plugin_name)
    resources = plugin.warm()
    translator = resources.translator
    for batch in batches:
        if isinstance(translator, CachedTranslator):
            outputs = [(text, Decoded(out, ended)) for text, out, ended in batch["outputs"]]
            translator.remember(batch["src"], batch["tgt"], outputs)
    result = task_function(task, config, resources)
    made_elsewhere = [row for batch in batches for row in batch["cache"]]
    return {"result": pack(result), "cache": made_elsewhere + plugin.take_fresh()}


def _batch_task(lines: list[str], src: str, tgt: str, plugin_name: str) -> dict[str, Any]:
    """Runs on a worker: one batch of a long document's back-translation, for its cache entries.

    Without a model on the worker nothing is translated: the document's own task then
    says why, as a local run would.
    """
    plugin = _plugin(plugin_name)
    translator = plugin.warm().translator
    if not isinstance(translator, CachedTranslator):  # no model here, or no cache to hand the batch over
        return {"src": src, "tgt": tgt, "outputs": [], "cache": []}
    outputs = translator.decode(lines, src, tgt)
    made = [(text, out.text, out.ended) for text, out in zip(lines, outputs, strict=True)]
    return {"src": src, "tgt": tgt, "outputs": made, "cache": plugin.take_fresh()}


def _translate_task(lines: list[str], src: str, tgt: str, plugin_name: str) -> dict[str, Any]:
    """Runs on a worker: a chunk of `mtcheck translate`'s lines."""
    plugin = _plugin(plugin_name)
    translator = plugin.warm().translator
    if translator is None:
        raise plugin.model_error() or ModelError("no translator on this worker")
    before = dict(getattr(translator, "stats", {}))
    outputs = translator.translate(lines, src, tgt)
    stats = {k: v - before.get(k, 0) for k, v in getattr(translator, "stats", {}).items()}
    return {"lines": outputs, "stats": stats, "cache": plugin.take_fresh()}


def user_cache_file(settings: ModelSettings) -> str | None:
    """The user's translation cache file as the client sees it (workers on this machine read it)."""
    return str(default_cache_dir(settings) / FILENAME) if settings.enabled and settings.use_cache else None


def merge_cache(settings: ModelSettings, rows: Sequence[tuple[bytes, str]]) -> None:
    """Add the workers' new translations to the user's cache (a no-op with the cache off)."""
    if not rows or not settings.use_cache:
        return
    cache = TranslationCache(default_cache_dir(settings))
    try:
        cache.add_rows(rows)
    finally:
        cache.close()


class DaskExecutor:
    """File tasks on a Dask cluster through ``client``; see the module docstring.

    ``task`` replaces the task function (tests use it to fail or kill a worker on purpose);
    it must be importable on the workers.
    """

    def __init__(
        self, client: Client, task: TaskFunction | None = None, retries: int = RETRIES, batch: int = BATCH_SEGMENTS
    ) -> None:
        self.client = client
        self.task = task or check_file
        self.retries = retries
        self.batch = batch
        self.batched: dict[str, int] = {}  # path → translation batches sent for its long documents

    def run(self, tasks: Sequence[FileTask], config: Config, progress: Progress | None) -> list[Packed]:
        if not tasks:
            return []
        say = progress or (lambda _msg: None)
        results: list[Packed | None] = [None] * len(tasks)
        rows: list[tuple[bytes, str]] = []
        with self._plugin(config) as name:
            run = uuid.uuid4().hex[:12]
            batches = self._batches(tasks, config, name, run)
            futures = [
                self.client.submit(_check_task, self.task, task, config, name, batches.get(i, []),
                                   key=f"mtcheck-check-{run}-{i}", retries=self.retries, pure=False)
                for i, task in enumerate(tasks)
            ]  # fmt: skip
            index = {future.key: i for i, future in enumerate(futures)}
            try:
                for done, future in enumerate(as_completed(futures, loop=self.client.loop), 1):
                    i = index[future.key]
                    results[i] = self._collect(future, tasks[i], rows)
                    say(f"file {done} of {len(tasks)}: checked {tasks[i].path}")
            except BaseException:  # Ctrl-C or an mtcheck error: nothing more runs on the cluster for this run
                self.client.cancel([*futures, *(f for batch in batches.values() for f in batch)], force=True)
                raise
            finally:
                merge_cache(config.model, rows)  # what finished is kept, even on Ctrl-C
        return [result for result in results if result is not None]

    def translate(
        self, lines: Sequence[str], src: str, tgt: str, settings: ModelSettings, progress: Progress | None = None
    ) -> tuple[list[str], dict[str, int]]:
        """``mtcheck translate`` on the cluster: chunks of lines as tasks; outputs in input order, cache stats."""
        say = progress or (lambda _msg: None)
        chunks = [list(lines[i : i + TRANSLATE_CHUNK]) for i in range(0, len(lines), TRANSLATE_CHUNK)]
        outputs: list[list[str]] = [[] for _ in chunks]
        stats: dict[str, int] = {}
        rows: list[tuple[bytes, str]] = []
        config = Config(model=dataclasses.replace(settings, enabled=True), use_gazetteer=False)
        with self._plugin(config) as name:
            run = uuid.uuid4().hex[:12]
            futures = [
                self.client.submit(_translate_task, chunk, src, tgt, name, key=f"mtcheck-translate-{run}-{i}",
                                   retries=self.retries, pure=False)
                for i, chunk in enumerate(chunks)
            ]  # fmt: skip
            index = {future.key: i for i, future in enumerate(futures)}
            try:
                for done, future in enumerate(as_completed(futures, loop=self.client.loop), 1):
                    data = future.result()  # a chunk that fails twice fails the command (exit 3)
                    outputs[index[future.key]] = data["lines"]
                    rows.extend(data["cache"])
                    for key, value in data["stats"].items():
                        stats[key] = stats.get(key, 0) + value
                    say(f"chunk {done} of {len(chunks)} translated")
            except BaseException:
                self.client.cancel(futures, force=True)
                raise
            finally:
                merge_cache(settings, rows)
        return [line for chunk in outputs for line in chunk], stats

    def _batches(self, tasks: Sequence[FileTask], config: Config, name: str, run: str) -> dict[int, list[Any]]:
        """Task index → the futures of its long documents' translation batches.

        The client reads a file to count its segments only when a model runs with the
        cache on: reading is cheap beside translating. A file that cannot be read is left
        to its task, which reports it as a local run does.
        """
        from mtcheck.pipeline import read_documents

        if not (config.model.enabled and config.model.use_cache) or self.batch < 1:
            return {}
        found: dict[int, list[Any]] = {}
        for i, task in enumerate(tasks):
            try:
                documents = read_documents([task.path], config, task.original)
            except MtcheckError:
                continue
            for doc in documents:
                lines = [seg.target for seg in doc.segments if seg.target.strip()]
                if len(lines) <= self.batch:
                    continue
                for start in range(0, len(lines), self.batch):
                    chunk = lines[start : start + self.batch]
                    key = f"mtcheck-batch-{run}-{i}-{len(found.get(i, []))}"
                    future = self.client.submit(_batch_task, chunk, doc.target_lang, doc.source_lang, name, key=key,
                                                retries=self.retries, pure=False)  # fmt: skip
                    found.setdefault(i, []).append(future)
            if i in found:
                self.batched[task.path] = len(found[i])
        return found

    @contextlib.contextmanager
    def _plugin(self, config: Config) -> Iterator[str]:
        """The run's resources plugin on every worker (and on workers that join), removed after the run."""
        name = f"mtcheck-resources-{uuid.uuid4().hex[:12]}"
        self.client.register_plugin(ResourcesPlugin(config, user_cache_file(config.model)), name=name)
        try:
            yield name
        finally:
            with contextlib.suppress(Exception):  # a cluster gone away has no plugin left to remove
                self.client.unregister_worker_plugin(name)

    def _collect(self, future: Any, task: FileTask, rows: list[tuple[bytes, str]]) -> Packed:
        if future.status == "error":
            exc = future.exception()
            if isinstance(exc, MtcheckError):
                raise exc  # the local run's error, message and exit code
            return pack(failed(task, exc, self.retries))
        data = future.result()
        rows.extend(data["cache"])
        packed: Packed = data["result"]
        return packed


def failed(task: FileTask, exc: BaseException, retries: int) -> FileResult:
    """The result of a file that could not be checked: a note and ``details["failed"]`` naming it."""
    reason = " ".join(f"{type(exc).__name__}: {exc}".split())
    tries = f"{retries + 1} tries" if retries else "1 try"
    note = f"{task.path}: not checked: its task failed on the cluster after {tries} ({reason})"
    return FileResult(documents=(), notes=(note,), details={"failed": {task.path: reason}})


@contextlib.contextmanager
def open_client(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a local cluster of ``workers`` processes (1 thread each).

    An address that does not answer within :data:`CONNECT_TIMEOUT_S` is a
    :class:`~mtcheck.errors.ClusterError` (exit 3); one that is not an address, a
    :class:`~mtcheck.errors.ConfigError` (exit 2).
    """
    from mtcheck.errors import ConfigError

    if scheduler:
        if "://" not in scheduler and ":" not in scheduler:
            raise ConfigError(f"--scheduler {scheduler!r} is not an address; write it as tcp://HOST:8786")
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ClusterError(f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from None
        with client:
            yield client
        return
    if workers is None or workers < 1:
        raise ConfigError(f"--workers {workers}: give at least 1")
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster, set_as_default=False) as client,
    ):
        yield client
