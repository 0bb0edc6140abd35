"""``--jobs N``: the file tasks on N local processes (the standard library's process pool).

Each worker process loads the run's :class:`~mtcheck.pipeline.Resources` (termbases,
gazetteer, and the translator on first need) once, in the pool's initializer, and keeps
them for every task it runs. A worker-process global is the standard pattern for this
with :mod:`concurrent.futures`: the initializer can hand nothing else to later tasks.
It lives only in the worker processes the pool starts, never in the caller's.

Results come back packed (:mod:`mtcheck.execute.codec`), in task order.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import sys
import threading
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from mtcheck.config import Config
from mtcheck.execute.base import SerialExecutor
from mtcheck.execute.codec import Packed, pack
from mtcheck.pipeline import FileTask, Progress, Resources, check_file, load_resources

# per worker process: (the run's config, its resources); set by _start_worker
_WORKER: tuple[Config, Resources] | None = None


def _start_worker(config: Config) -> None:
    global _WORKER  # the pool's per-process state (see the module docstring)
    _WORKER = (config, load_resources(config))


def _run_chunk(tasks: Sequence[FileTask]) -> list[Packed]:
    assert _WORKER is not None, "the pool's initializer did not run"
    config, resources = _WORKER
    return [pack(check_file(task, config, resources)) for task in tasks]


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), else the machine's count."""
    try:
        return max(len(os.sched_getaffinity(0)), 1)
    except AttributeError:  # not on Linux
        return max(os.cpu_count() or 1, 1)


class ProcessExecutor:
    """Tasks on ``jobs`` worker processes; one task or one job runs in this process.

    Tasks go out in chunks of a few files (fewer round trips than one by one, while the
    last chunks still balance the load); results are put back in task order.
    """

    def __init__(self, jobs: int) -> None:
        if jobs < 1:
            raise ValueError(f"jobs must be at least 1, got {jobs}")
        self.jobs = jobs

    def run(self, tasks: Sequence[FileTask], config: Config, progress: Progress | None) -> list[Packed]:
        workers = min(self.jobs, len(tasks))
        if workers <= 1:
            return SerialExecutor().run(tasks, config, progress)
        say = progress or (lambda _msg: None)
        if config.model.threads is None:  # the cores shared out, not every worker's model on all of them
            threads = max(1, available_cores() // workers)
            config = dataclasses.replace(config, model=dataclasses.replace(config.model, threads=threads))
        chunks = _chunks(tasks, workers)
        results: list[Packed] = []
        done = 0
        with ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker, initargs=(config,)) as pool:
            for chunk, packed in zip(chunks, pool.map(_run_chunk, chunks), strict=True):
                results.extend(packed)
                done += len(chunk)
                say(f"file {done} of {len(tasks)}: checked {chunk[-1].path}")
        return results


def _context() -> multiprocessing.context.BaseContext:
    """fork when it is safe, else forkserver.

    A fork copies this process's imports (no start-up cost in the workers, which are
    this process's children, so their CPU time is counted in its own); but a fork of a
    process that runs other threads (a server's, torch's native ones) can deadlock in
    the child. Then the forkserver, a clean process started once, forks the workers.
    """
    if sys.platform == "linux" and threading.active_count() == 1 and "torch" not in sys.modules:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["mtcheck.execute.local"])
    return context


def _chunks(tasks: Sequence[FileTask], workers: int) -> list[list[FileTask]]:
    # about four chunks a worker: big enough to amortise the round trip, small enough
    # that a worker with a large catalogue does not leave the others idle at the end
    size = max(1, len(tasks) // (workers * 4))
    return [list(tasks[i : i + size]) for i in range(0, len(tasks), size)]
