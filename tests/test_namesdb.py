"""names learn builds an incremental names database; --names-db makes it evidence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from mtcheck.cli import main
from mtcheck.config import Config, ModelSettings
from mtcheck.errors import ConfigError
from mtcheck.names.namesdb import learn, open_names_db
from mtcheck.pipeline import check_text

COPY = "Defence minister Rustam Omerov met allies. Omerov said more was needed.\n"
CLEAN = "Defence minister Rustem Umerov met allies. Umerov said more was needed.\n"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out, err = capsys.readouterr()
    assert isinstance(exc.value.code, int)
    return exc.value.code, out, err


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """40 short stories that each name Umerov once (and never Omerov)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(40):
        (folder / f"story{i:02}.txt").write_text(f"Story {i}. Talks went on for hours on day {i}. Umerov said so.\n")
    return folder


def counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as connection:
        return dict(connection.execute("SELECT form, count FROM forms"))


def test_learn_counts_forms_and_words_of_names(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rustem Umerov met Boris Pistorius. Umerov spoke first.\n")
    result = learn(tmp_path / "n.db", [tmp_path / "a.txt"], "en")
    assert result.learned == 1
    found = counts(tmp_path / "n.db")
    assert found["Rustem Umerov"] == 1
    assert found["Umerov"] == 2  # alone once, and once inside the full name


def test_learning_the_same_file_twice_does_not_double_count(tmp_path: Path, archive: Path) -> None:
    db = tmp_path / "n.db"
    first = learn(db, [archive], "en")
    second = learn(db, [archive, archive / "story00.txt"], "en")
    assert (first.learned, second.learned, second.skipped) == (40, 0, 41)
    assert counts(db)["Umerov"] == 40


def test_learning_more_copy_updates_counts(tmp_path: Path, archive: Path) -> None:
    db = tmp_path / "n.db"
    learn(db, [archive], "en")
    (tmp_path / "new.txt").write_text("Umerov travelled to Brussels.\n")
    learn(db, [tmp_path / "new.txt"], "en")
    assert counts(db)["Umerov"] == 41
    assert open_names_db(db).attested("umerov", "en") == 41


def test_names_db_flags_a_form_the_archive_never_uses(tmp_path: Path, archive: Path) -> None:
    db = tmp_path / "n.db"
    learn(db, [archive], "en")
    config = Config(model=ModelSettings(enabled=False), use_gazetteer=False, names_db=str(db))
    report = check_text(COPY, source_lang="uk", target_lang="en", config=config)
    found = [f for f in report.findings if f.check == "suspect-rendering" and f.text == "Omerov"]
    assert [f.suggestion for f in found] == ["Umerov", "Umerov"]  # in "Rustam Omerov", then alone
    assert found[0].evidence["names_db_counts"] == {"Umerov": 40, "Omerov": 0}
    assert "Umerov: 40 times" in found[0].message


def test_names_db_quiet_on_the_form_in_use(tmp_path: Path, archive: Path) -> None:
    db = tmp_path / "n.db"
    learn(db, [archive], "en")
    config = Config(model=ModelSettings(enabled=False), use_gazetteer=False, names_db=str(db))
    report = check_text(CLEAN, source_lang="uk", target_lang="en", config=config)
    assert not [f for f in report.findings if f.check == "suspect-rendering"]


def test_without_names_db_omerov_alone_is_not_flagged() -> None:
    config = Config(model=ModelSettings(enabled=False), use_gazetteer=False)
    report = check_text(COPY, source_lang="uk", target_lang="en", config=config)
    assert not [f for f in report.findings if f.check == "suspect-rendering"]


def test_cli_learn_then_check(capsys: pytest.CaptureFixture[str], tmp_path: Path, archive: Path) -> None:
    db = tmp_path / "names.db"
    code, _out, err = run(capsys, "names", "learn", str(archive), "-o", str(db), "--lang", "en")
    assert code == 0 and "learned 40 file(s)" in err
    copy = tmp_path / "copy.txt"
    copy.write_text(COPY)
    code, out, _err = run(
        capsys, "check", str(copy), "-s", "uk", "-t", "en", "--no-mt", "--names-db", str(db), "--format", "json"
    )
    assert code == 0
    assert '"suggestion": "Umerov"' in out
    assert str(db) in out  # the database is part of the report's signature


@pytest.mark.parametrize("content", [None, b"not a database at all"])
def test_bad_names_db_is_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes | None
) -> None:
    db = tmp_path / "names.db"
    if content is not None:
        db.write_bytes(content)
    copy = tmp_path / "copy.txt"
    copy.write_text(COPY)
    code, out, err = run(capsys, "check", str(copy), "-s", "uk", "-t", "en", "--no-mt", "--names-db", str(db))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and "names database" in err


def test_open_names_db_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        open_names_db(tmp_path / "absent.db")


def test_names_db_config_key(tmp_path: Path) -> None:
    from mtcheck.gate.project_config import load_project_config

    (tmp_path / "mtcheck.toml").write_text('names-db = "desk/names.db"\n')
    config, _path = load_project_config(tmp_path / "mtcheck.toml")
    assert config.names_db is not None and config.names_db.endswith("names.db")
    assert config.signature()["names_db"] == config.names_db


ARABIC_ORIGINAL = "قال أوميروف إن الحلفاء وعدوا بمزيد من الدعم.\n"
DROPPED = "He said that the allies had promised more support.\n"


def _lost_arabic_names(config: Config) -> list[str]:
    report = check_text(DROPPED, source_lang="ar", target_lang="en", original=ARABIC_ORIGINAL, config=config)
    return [f.evidence["original_name"] for f in report.findings if f.check == "name-missing"]


def test_names_db_makes_a_name_of_an_arabic_original_known(tmp_path: Path, archive: Path) -> None:
    # أوميروف is in no census list or gazetteer, and the translation dropped it: only the desk's
    # archive (Umerov, 40 times) says it is a name, so its loss is reported.
    db = tmp_path / "n.db"
    learn(db, [archive], "en")
    config = Config(model=ModelSettings(enabled=False), names_db=str(db))
    assert _lost_arabic_names(config) == ["أوميروف"]


def test_without_names_db_the_arabic_word_is_not_taken_for_a_name() -> None:
    assert _lost_arabic_names(Config(model=ModelSettings(enabled=False))) == []
