"""How a run is executed: plan → result cache → executor → merge.

:func:`check_files` is the main entry point of the Python API (``mtcheck.check_files``).
A run is a list of file tasks (:func:`mtcheck.pipeline.plan`); a task whose result is
in the result cache is not read or checked again; the others run on an executor (in
this process, or on ``jobs`` local processes) with the same task function
(:func:`mtcheck.pipeline.check_file`), and send each result back packed
(:mod:`mtcheck.execute.codec`): a file's segments stay compressed until a report that
shows them reads them, so a run holds little more than one file's units at a time.
The run-wide steps (cross-file checks, suppressions, scores, order) then run once over
every result (:func:`mtcheck.pipeline.merge`), from each document's digest. The report
does not depend on the executor or on which results came from the cache.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from mtcheck.config import Config
from mtcheck.errors import ConfigError
from mtcheck.execute.base import Executor, SerialExecutor
from mtcheck.execute.codec import Packed, unpack
from mtcheck.pipeline import FileResult, FileTask, Progress, Resources, load_resources, merge, plan

if TYPE_CHECKING:
    from distributed import Client

    from mtcheck.execute.results_cache import ResultCache
    from mtcheck.names.gazetteer import Gazetteer
    from mtcheck.names.termbase import Termbase
    from mtcheck.translators.base import Translator
    from mtcheck.types import Report

__all__ = ["Executor", "SerialExecutor", "check_files", "choose_executor", "cluster", "default_jobs"]


def check_files(
    paths: Sequence[str | Path],
    config: Config,
    *,
    original: str | Path | None = None,
    translator: Translator | None = None,
    progress: Progress | None = None,
    termbase: Termbase | None = None,
    gazetteer: Gazetteer | None = None,
    jobs: int | None = None,
    executor: Executor | None = None,
    cache: bool = True,
    client: Client | None = None,
) -> Report:
    """Read ``paths`` and check them: the main entry point of the Python API.

    ``termbase`` adds entries to those of ``config.termbases`` (built in memory);
    ``gazetteer`` is used instead of opening the bundled one again; ``translator``
    instead of loading the configured model. These live in this process, so a run that
    brings one of them is checked here, whatever ``jobs`` says.

    ``jobs``: worker processes (default ``config.jobs``, else 1: this process);
    ``executor``: any :class:`Executor` instead. ``cache``: look each file up in the
    result cache (:mod:`mtcheck.execute.results_cache`) and store the new results; off
    when ``config.model.use_cache`` is off too, and when ``termbase`` is given (an
    in-memory termbase has no content to key the entries by). ``client``: a
    ``distributed.Client``; the tasks run on its Dask cluster (:mod:`mtcheck.execute.dask`,
    ``pip install 'mtcheck[dask]'``).

    It changes no process-wide setting (a service runs it in several threads at once).
    """
    tasks, skipped = plan(paths, config, original)
    resources = load_resources(config, termbase, gazetteer, translator)
    in_process = termbase is not None or gazetteer is not None or translator is not None
    if executor is None and client is not None:
        if in_process:
            raise ConfigError("a Dask run loads the configured termbases, gazetteer and model on each worker: "
                              "pass them in the config, not as objects")  # fmt: skip
        from mtcheck.execute.dask import DaskExecutor

        executor = DaskExecutor(client)
    if executor is None:
        executor = choose_executor(1 if in_process else jobs or config.jobs, len(tasks), resources)
    notes = [skipped] if skipped else []
    store = _open_cache(config, gazetteer, translator) if cache and termbase is None else None
    strings: dict[str, str] = {}  # one copy of each text of the results' summaries (codec.unpack)
    found = [store.get(task, strings) for task in tasks] if store is not None else [None] * len(tasks)
    misses = [task for task, result in zip(tasks, found, strict=True) if result is None]
    if store is not None and len(misses) < len(tasks) and progress is not None:
        progress(f"{len(tasks) - len(misses)} of {len(tasks)} files unchanged since they were last checked")
    fresh = iter(executor.run(misses, config, progress))
    results: list[FileResult] = []
    new: list[tuple[FileTask, FileResult, Packed]] = []
    for task, hit in zip(tasks, found, strict=True):
        if hit is not None:
            results.append(_as_cached(hit))
            continue
        packed = next(fresh)
        results.append(unpack(packed, strings))  # its segments stay packed until a report reads them
        # a file the cluster could not check (details["failed"]) is tried again next run, not remembered
        if "failed" not in results[-1].details:
            new.append((task, results[-1], packed))
    if store is not None:
        store.put_many(new)
        store.close()
        if store.note:
            notes.append(store.note)
    del new, fresh, found, strings  # the packed results, but for the segments their documents read: not kept
    return merge(results, config, resources, notes=notes)


def _as_cached(result: FileResult) -> FileResult:
    """A result from the cache, its translation-cache counters saying what this run did.

    Nothing was translated for it: every back-translation it holds was a cache hit.
    """
    details = result.details
    if "cache_misses" not in details:
        return result
    hits = details.get("cache_hits", 0) + details["cache_misses"]
    return dataclasses.replace(result, details={**details, "cache_hits": hits, "cache_misses": 0})


def _open_cache(config: Config, gazetteer: Gazetteer | None, translator: Translator | None) -> ResultCache | None:
    """The result cache, unless the run turns caches off (``--no-cache``)."""
    if not config.model.use_cache:
        return None
    from mtcheck.execute.results_cache import ResultCache
    from mtcheck.translators.cache import default_cache_dir

    return ResultCache(default_cache_dir(config.model), config, gazetteer=gazetteer, translator=translator)


def cluster(config: Config) -> AbstractContextManager[Client | None]:
    """A client of the Dask cluster that ``config.workers`` / ``config.scheduler`` ask for, else None.

    Dask is imported only when one is asked for (the command line's ``--workers`` / ``--scheduler``).
    """
    if config.workers is None and not config.scheduler:
        return nullcontext(None)
    from mtcheck.execute.dask import open_client

    return open_client(workers=config.workers, scheduler=config.scheduler)


def default_jobs(config: Config) -> int:
    """The command line's default ``--jobs``: one process a core without a model, else one.

    A model already runs on every core (torch's threads), and each worker process would
    load its own copy of it: with back-translation on, more processes cost memory and
    gain little, so they are used only when asked for. The Python API's default is one
    (a library does not start processes unless asked).
    """
    if config.model.enabled:
        return 1
    from mtcheck.execute.local import available_cores

    return available_cores()


def choose_executor(jobs: int | None, tasks: int, resources: Resources | None = None) -> Executor:
    """This process (with ``resources``) for one job or one task, else a pool of ``jobs`` local processes."""
    if jobs is None or jobs <= 1 or tasks <= 1:
        return SerialExecutor(resources)
    from mtcheck.execute.local import ProcessExecutor

    return ProcessExecutor(jobs)
