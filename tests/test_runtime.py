"""gc_paused: the collector is held inside and restored as it was, also on error and when nested."""

from __future__ import annotations

import gc

import pytest

from mtcheck.runtime import gc_paused


def test_gc_is_held_inside_and_restored_after_an_error_and_when_nested() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block must not re-enable what the outer one holds
        raise RuntimeError
    assert gc.isenabled()
