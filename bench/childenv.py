"""What every bench does before it starts child processes: compiled bytecode, CPU accounting.

The environment may set ``PYTHONDONTWRITEBYTECODE``; then every child recompiles mtcheck and
its libraries from source (and with ``PYTHONPYCACHEPREFIX`` also set, even what site-packages
has compiled), which triples a start-up. Benches therefore give their children a bytecode
cache of their own, written once and read after that.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


def compiled_bytecode() -> Path:
    """Set this process's environment so that its children write and reuse compiled bytecode."""
    prefix = os.environ.get("PYTHONPYCACHEPREFIX") or str(Path(tempfile.gettempdir()) / f"mtcheck-pyc-{os.getuid()}")
    os.environ["PYTHONPYCACHEPREFIX"] = prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    sys.dont_write_bytecode = False  # and this process's own later imports
    return Path(prefix)


def children_cpu() -> float:
    """User + system seconds of all waited-for children (and theirs) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    returncode: int


def run_child(command: Sequence[str], **kwargs: object) -> Run:
    """Run a command to its end (no time limit) and return its wall and CPU seconds."""
    cpu, start = children_cpu(), time.perf_counter()
    done = subprocess.run(list(command), check=False, **kwargs)  # type: ignore[call-overload]
    return Run(time.perf_counter() - start, children_cpu() - cpu, done.returncode)


def process_cpu(pid: int) -> float:
    """User + system seconds of a running process so far, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
