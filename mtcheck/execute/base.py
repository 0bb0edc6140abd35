"""How a run's file tasks are executed: the :class:`Executor` protocol and the serial one.

Every executor runs the same task function (:func:`mtcheck.pipeline.check_file`) and
returns the results packed (:func:`mtcheck.execute.codec.pack`), in task order, so the
merge step (:func:`mtcheck.pipeline.merge`) and therefore the report do not depend on
which executor ran them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from mtcheck.config import Config
from mtcheck.execute.codec import Packed, pack
from mtcheck.pipeline import FileTask, Progress, Resources, check_file, load_resources


class Executor(Protocol):
    """Runs file tasks; each worker builds its own :class:`Resources` once and reuses it."""

    def run(self, tasks: Sequence[FileTask], config: Config, progress: Progress | None) -> list[Packed]:
        """The result of every task, packed, in the order of ``tasks``."""
        ...


class SerialExecutor:
    """Every task in this process, one after the other.

    ``resources``, when given, is used instead of loading the configured ones: an API
    caller's in-memory termbase, open gazetteer or loaded translator cannot be sent to
    another process, so runs that bring them are serial.
    """

    def __init__(self, resources: Resources | None = None) -> None:
        self.resources = resources

    def run(self, tasks: Sequence[FileTask], config: Config, progress: Progress | None) -> list[Packed]:
        if not tasks:
            return []
        say = progress or (lambda _msg: None)
        if self.resources is None:
            self.resources = load_resources(config)
        results = []
        for i, task in enumerate(tasks, 1):
            where = f"file {i} of {len(tasks)}: "
            say(f"{where}reading {task.path}")
            # packed at once: only the file being checked has its segments decoded
            results.append(pack(check_file(task, config, self.resources, _prefixed(say, where))))
        return results


def _prefixed(say: Progress, prefix: str) -> Progress:
    """``say`` with ``prefix`` ("file 2 of 9: ") before each message."""
    return lambda message: say(prefix + message)
