"""Plug-ins: a check defined anywhere with the decorator is picked up by the pipeline."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mtcheck import Config, check_text
from mtcheck.checks.base import CheckContext, Hit, check
from mtcheck.config import ModelSettings
from mtcheck.errors import ConfigError
from mtcheck.registry import CHECKS, READERS, RENDERERS
from mtcheck.types import Severity, Span


@pytest.fixture
def shouting_check() -> Iterator[str]:
    @check("test-shouting", Severity.INFO)
    def shouting(ctx: CheckContext) -> Iterator[Hit]:
        """Word in capitals."""
        for seg in ctx.document.segments:
            start = seg.target.find("LOUD")
            if start >= 0:
                yield Hit(seg, "shouting", span=Span(start, start + 4))

    yield "test-shouting"
    CHECKS.discard("test-shouting")


def test_check_defined_in_a_test_module_runs(shouting_check: str) -> None:
    report = check_text(
        "A quiet start. A LOUD end.",
        source_lang="ar",
        target_lang="en",
        config=Config(model=ModelSettings(enabled=False)),
    )
    (finding,) = [f for f in report.findings if f.check == shouting_check]
    assert finding.text == "LOUD"
    assert finding.severity is Severity.INFO
    assert CHECKS.get(shouting_check).title == "Word in capitals."


def test_configured_severity_overrides_the_default(shouting_check: str) -> None:
    config = Config(model=ModelSettings(enabled=False), severities={shouting_check: Severity.ERROR})
    report = check_text("LOUD.", source_lang="ar", target_lang="en", config=config)
    assert [f.severity for f in report.findings if f.check == shouting_check] == [Severity.ERROR]
    assert report.exit_code(Severity.ERROR) == 1


def test_disabled_check_does_not_run(shouting_check: str) -> None:
    config = Config(model=ModelSettings(enabled=False), disable=frozenset({shouting_check}))
    report = check_text("LOUD.", source_lang="ar", target_lang="en", config=config)
    assert not [f for f in report.findings if f.check == shouting_check]


def test_unknown_check_name_in_config_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown check 'no-such-check'"):
        check_text("Text.", source_lang="ar", target_lang="en", config=Config(disable=frozenset({"no-such-check"})))


def test_built_in_plugins_are_discovered() -> None:
    assert {"repeated-word", "hidden-character", "untranslated-script"} <= set(CHECKS.names())
    assert {"text", "markdown"} <= set(READERS.names())
    assert {"text", "json"} <= set(RENDERERS.names())


def test_registering_a_name_twice_is_refused(shouting_check: str) -> None:
    with pytest.raises(ValueError, match="registered twice"):
        check(shouting_check, Severity.INFO)(lambda ctx: iter(()))
