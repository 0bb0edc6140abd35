"""Task functions that fail on purpose, for tests/test_dask.py.

They run on Dask workers, which import them by name: they live in a module of their own, so
a worker imports this and mtcheck, not the test module and its fixtures.
"""

from __future__ import annotations

import os
from pathlib import Path

from mtcheck.config import Config
from mtcheck.pipeline import FileResult, FileTask, Resources, check_file

KILL = "kill-me"
POISON = "poison"


def kill_once(task: FileTask, config: Config, resources: Resources) -> FileResult:
    """Checks the file, except that the first attempt at a file named ``*kill-me*`` kills its worker process."""
    marker = Path(task.path + ".killed")
    if KILL in task.path and not marker.exists():
        marker.write_text("the worker was killed here once\n", encoding="utf-8")
        os._exit(1)  # the worker process dies mid-task, as one killed by the OOM killer would
    return check_file(task, config, resources)


def fail_poison(task: FileTask, config: Config, resources: Resources) -> FileResult:
    """Checks the file, except that a file named ``*poison*`` fails on every attempt."""
    if POISON in task.path:
        raise RuntimeError(f"{task.path} is poisoned")
    return check_file(task, config, resources)
