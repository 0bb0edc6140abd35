"""Bilingual and monolingual mode end to end with a real (tiny, randomly initialised) Marian model.

The model's outputs are garbage by construction; these tests check that every stage runs
on them and lands in the report — back-translation, round trip, alignment, scores — not
what the scores are.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from mtcheck.cli import main
from tests.adequacy_fixtures import ORIGINAL, TRANSLATION
from tests.tiny_marian import tiny_marian_dir

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "mtcheck" / "schemas" / "report-1.schema.json").read_text())


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tiny_marian_dir(tmp_path_factory.getbasetemp())


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--format", "json", "--beam", "1", "--threads", "1", "--require-mt", "--no-cache"])
    assert exit_.value.code in (0, 1)
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, SCHEMA)
    return report  # type: ignore[no-any-return]


def test_bilingual_mode_back_translates_aligns_and_scores(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = tmp_path / "original.en.txt"
    original.write_text("\n".join(ORIGINAL) + "\n", encoding="utf-8")
    target = tmp_path / "copy.uk.txt"
    target.write_text("\n".join(TRANSLATION) + "\n", encoding="utf-8")
    report = run_json(
        capsys, "check", str(target), "--original", str(original), "-s", "en", "-t", "uk", "--model", str(tiny)
    )
    # keyed by the path relative to the project root, as every report path is
    back = report["details"]["back_translations"][report["documents"][0]["path"]]
    assert len(back) == len(TRANSLATION)
    links = report["details"]["alignment"][report["documents"][0]["path"]]
    linked_targets = sorted(t for link in links["links"] for t in link["target"])
    assert linked_targets == sorted(back)  # every target sentence is accounted for, once
    assert "chrF" in report["scores"]


def test_monolingual_mode_skips_the_round_trip_of_degenerate_back_translations(
    tiny: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A random model never ends a sentence on its own: every back-translation runs to the
    # length cap, so none is translated forward again; the report says so (round trips of
    # real back-translations: tests/test_adequacy.py, test_bounded_decoding.py).
    target = tmp_path / "copy.uk.txt"
    target.write_text("\n".join(TRANSLATION) + "\n", encoding="utf-8")
    report = run_json(capsys, "check", str(target), "-s", "en", "-t", "uk", "--model", str(tiny))
    path = report["documents"][0]["path"]
    assert len(report["details"]["back_translations"][path]) == len(TRANSLATION)
    assert report["details"].get("round_trips", {}).get(path, {}) == {}
    (note,) = [n for n in report["notes"] if "degenerate" in n]
    assert f"{len(TRANSLATION)} of {len(TRANSLATION)}" in note and "not translated forward again" in note
