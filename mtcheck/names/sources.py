"""What the name stage reads for one document, and what it has worked out for it.

The name checks (``suspect-rendering``, ``name-variant``, ``name-missing``…) all start
from the same extraction and matching, the costly part of a name check. It is done once
per document and kept in :attr:`NameSources.memo`, which travels with the document's
check context: no module-level state, so concurrent runs never see each other's names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from mtcheck.types import Document

if TYPE_CHECKING:
    from mtcheck.align.align import Alignment
    from mtcheck.names.gazetteer import Gazetteer
    from mtcheck.names.namesdb import NamesDB
    from mtcheck.names.termbase import Termbase

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class NameSources:
    """One document, the knowledge its names are checked against, and the memo of results.

    ``alignment`` links the original's sentences (or the units' sources) to target
    segments; ``back_translations`` maps segment id → back-translation (empty without a model);
    ``names_db`` is the desk's names database (``--names-db``), when the user gave one.
    """

    document: Document
    termbase: Termbase | None = None
    gazetteer: Gazetteer | None = None
    back_translations: Mapping[str, str] = field(default_factory=dict)
    alignment: Alignment | None = None
    memo: dict[str, Any] = field(default_factory=dict, repr=False)
    names_db: NamesDB | None = None

    def remember(self, name: str, compute: Callable[[], T]) -> T:
        """``compute()`` once per document; later calls get the same value."""
        if name not in self.memo:
            self.memo[name] = compute()
        value: T = self.memo[name]
        return value
