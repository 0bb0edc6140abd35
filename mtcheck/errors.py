"""Typed exceptions. The library raises these; only :mod:`mtcheck.cli` maps them to exit codes."""

from __future__ import annotations

from typing import Any

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3


class MtcheckError(Exception):
    """Base class; ``exit_code`` tells the CLI how to exit."""

    exit_code = EXIT_INTERNAL

    def __reduce__(self) -> tuple[Any, ...]:
        # raised in a worker process (--jobs), an error is pickled back to the caller; the
        # default would call __init__ again with the message alone, which subclasses that
        # take other arguments (MissingDependencyError) refuse
        return (_rebuilt, (type(self), self.args, self.__dict__))


def _rebuilt(cls: type[MtcheckError], args: tuple[Any, ...], state: dict[str, Any]) -> MtcheckError:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class InputError(MtcheckError):
    """A file that cannot be read or parsed: missing, binary, badly encoded, malformed."""

    exit_code = EXIT_INPUT


class ConfigError(MtcheckError):
    """A bad option, configuration key, language code or termbase."""

    exit_code = EXIT_INPUT


class ModelError(MtcheckError):
    """A translation model that is missing, unsafe or fails to load or run."""

    exit_code = EXIT_INTERNAL


class ClusterError(MtcheckError):
    """A Dask cluster that cannot be reached (``--scheduler``) or that lost the run."""

    exit_code = EXIT_INTERNAL


class MissingDependencyError(MtcheckError):
    """An optional dependency (an extra) is not installed."""

    exit_code = EXIT_INTERNAL

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"{package} is not installed; install it with: pip install 'mtcheck[{extra}]'")
        self.package = package
        self.extra = extra
