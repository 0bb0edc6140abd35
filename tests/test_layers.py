"""The package's import graph: layers in pipeline order, no cycles, a stable public API."""

from __future__ import annotations

import importlib
from pathlib import Path

import grimp
import pytest
from importlinter.cli import lint_imports

import mtcheck

ROOT = Path(__file__).resolve().parents[1]


def test_layer_and_cycle_contracts_hold(monkeypatch: pytest.MonkeyPatch) -> None:
    # The contracts live in pyproject.toml ([tool.importlinter]); this runs them as CI does.
    monkeypatch.chdir(ROOT)
    assert lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True) == 0


def test_no_module_imports_itself_through_others() -> None:
    # Module by module, type-checking imports included: a loop between two files is a
    # cycle even when their packages are in the right order.
    graph = grimp.build_graph("mtcheck", cache_dir=None)
    cycles = []
    for module in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back is not None:
                cycles.append((module, *back))
    assert cycles == []


def test_nothing_below_checks_imports_from_checks() -> None:
    graph = grimp.build_graph("mtcheck", cache_dir=None)
    lower = ("mtcheck.align", "mtcheck.names", "mtcheck.translators", "mtcheck.read", "mtcheck.formats")
    offenders = [
        (m, i)
        for m in graph.modules
        if m.startswith(lower)
        for i in graph.find_modules_directly_imported_by(m)
        if i.startswith("mtcheck.checks")
    ]
    assert offenders == []


def test_registry_names_protocols_not_plugin_modules() -> None:
    graph = grimp.build_graph("mtcheck", cache_dir=None)
    imported = graph.find_modules_directly_imported_by("mtcheck.registry")
    assert imported <= {"mtcheck.errors", "mtcheck.types"}


@pytest.mark.parametrize("name", mtcheck.__all__)
def test_public_api_names_resolve(name: str) -> None:
    assert getattr(mtcheck, name) is not None


def test_public_api_checks_text() -> None:
    from mtcheck import Config, ModelSettings, check_text

    report = check_text(
        "The the minister spoke.",
        source_lang="ar",
        target_lang="en",
        config=Config(model=ModelSettings(enabled=False)),
    )
    assert any(f.check == "repeated-word" for f in report.findings)
    assert importlib.import_module("mtcheck.version").__version__ == mtcheck.__version__
