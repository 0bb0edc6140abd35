"""The one place where plug-ins are registered.

Each extension point (readers, translators, checks, renderers) is a :class:`Registry`.
Implementations register themselves with the registry's decorator in their own module;
the modules of each plug-in package are imported on first use (:data:`PLUGIN_PACKAGES`),
so adding a check, format or renderer means adding one file, nothing else. Plug-in
modules must import heavy libraries (torch, transformers, lxml…) inside functions.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from mtcheck.errors import ConfigError
from mtcheck.types import CheckSpec, Reader, Renderer, TranslatorFactory

T = TypeVar("T")

# registry name → package whose modules hold its implementations
PLUGIN_PACKAGES = {
    "reader": "mtcheck.formats",
    "translator": "mtcheck.translators",
    "check": "mtcheck.checks",
    "renderer": "mtcheck.render",
}


class Registry(Generic[T]):
    """A name → implementation dict that fills itself from its plug-in package."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._items: dict[str, T] = {}
        self._loaded = False

    def add(self, name: str, item: T) -> T:
        if name in self._items and self._items[name] is not item:
            raise ValueError(f"{self.kind} {name!r} is registered twice")
        self._items[name] = item
        return item

    def discard(self, name: str) -> None:
        """Unregister ``name`` (for tests and plug-ins that replace a built-in)."""
        self._items.pop(name, None)

    def register(self, name: str) -> Callable[[T], T]:
        """Decorator: ``@READERS.register("po")``."""

        def decorate(item: T) -> T:
            return self.add(name, item)

        return decorate

    def _load(self) -> None:
        if self._loaded:
            return
        self._loaded = True
        package = importlib.import_module(PLUGIN_PACKAGES[self.kind])
        for module in pkgutil.iter_modules(package.__path__):
            if not module.name.startswith("_"):
                importlib.import_module(f"{package.__name__}.{module.name}")

    def get(self, name: str) -> T:
        self._load()
        try:
            return self._items[name]
        except KeyError:
            choices = ", ".join(sorted(self._items))
            raise ConfigError(f"unknown {self.kind} {name!r} (choose from {choices})") from None

    def names(self) -> list[str]:
        self._load()
        return sorted(self._items)

    def items(self) -> Iterator[tuple[str, T]]:
        self._load()
        yield from sorted(self._items.items())

    def __contains__(self, name: object) -> bool:
        self._load()
        return name in self._items


READERS: Registry[Reader] = Registry("reader")
TRANSLATORS: Registry[TranslatorFactory] = Registry("translator")
CHECKS: Registry[CheckSpec] = Registry("check")
RENDERERS: Registry[Renderer] = Registry("renderer")
