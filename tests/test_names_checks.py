"""Each name check fires on a faulty text and stays quiet on a clean one."""

from __future__ import annotations

from pathlib import Path

from mtcheck.config import Config, ModelSettings
from mtcheck.names.gazetteer import load_gazetteer
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity

SEED_TB = str(Path(__file__).resolve().parents[1] / "seeds" / "termbase.tbx")


def run(text: str, *, termbases: tuple[str, ...] = (), original: str | None = None) -> list[Finding]:
    config = Config(termbases=termbases, model=ModelSettings(enabled=False))
    return list(check_text(text, source_lang="ar", target_lang="en", config=config, original=original).findings)


def of(findings: list[Finding], check: str) -> list[Finding]:
    return [f for f in findings if f.check == check]


def test_deprecated_term_from_gazetteer_fires() -> None:
    found = of(run("Aid pledged to Kiev arrived late. Shelling hit Kharkov overnight."), "deprecated-term")
    assert [(f.text, f.suggestion) for f in found] == [("Kiev", "Kyiv"), ("Kharkov", "Kharkiv")]
    assert all(f.severity == Severity.WARNING for f in found)


def test_deprecated_term_quiet_on_house_style() -> None:
    assert not of(run("Aid pledged to Kyiv arrived late. Shelling hit Kharkiv and Odesa."), "deprecated-term")


def test_ambiguous_deprecated_form_is_info() -> None:
    found = of(run("Oil prices rose in Odessa this week."), "deprecated-term")
    assert [(f.suggestion, f.severity) for f in found] == [("Odesa", Severity.INFO)]


def test_gazetteer_prefers_official_romanisation() -> None:
    places = load_gazetteer().lookup("Avdiyivka")
    assert places and all(p.preferred == "Avdiivka" for p in places if p.country == "UA")


def test_suspect_rendering_fires_with_termbase() -> None:
    text = "Defense Minister Rustam Omerov said troops left the Lastochkin area."
    found = of(run(text, termbases=(SEED_TB,)), "suspect-rendering")
    assert [(f.text, f.suggestion) for f in found] == [
        ("Rustam Omerov", "Rustem Umerov"),
        ("Lastochkin", "Lastochkyne"),
    ]
    assert found[0].evidence["key"] == found[0].evidence["known_key"] == "RZTM MRF"
    assert "termbase.tbx" in found[0].evidence["source"]
    assert found[0].confidence is not None and found[0].confidence > 0.9


def test_suspect_rendering_quiet_on_correct_names() -> None:
    text = "Defense Minister Rustem Umerov met Olaf Scholz and Andrzej Duda in Lastochkyne."
    assert not of(run(text, termbases=(SEED_TB,)), "suspect-rendering")


def test_name_variant_fires_at_every_variant() -> None:
    text = "Zelensky spoke on Sunday. Later Zelenskyy thanked allies. Zelensky left."
    found = of(run(text), "name-variant")
    assert [(f.text, f.suggestion) for f in found] == [("Zelenskyy", "Zelensky")]
    assert len(found[0].evidence["locations"]) == 3


def test_name_variant_quiet_on_consistent_text() -> None:
    assert not of(run("Zelensky spoke on Sunday. Later Zelensky thanked Macron."), "name-variant")


def test_name_variant_two_established_names_are_info_only() -> None:
    found = of(run("Olaf Scholz met Martin Schulz in Berlin."), "name-variant")
    assert all(f.severity == Severity.INFO for f in found)


def test_term_consistency(tmp_path: Path) -> None:
    glossary = tmp_path / "g.csv"
    glossary.write_text("ar,en,en:admitted\nوزير الدفاع,Defence Minister,Defense Secretary\n", encoding="utf-8")
    from mtcheck.checks.base import CheckContext
    from mtcheck.checks.term_consistency import term_consistency
    from mtcheck.names.termbase_io import load_termbases
    from mtcheck.types import Document, Location, Segment

    def doc(targets: list[str]) -> Document:
        segs = tuple(Segment(str(i), t, "قال وزير الدفاع", Location("x", i + 1)) for i, t in enumerate(targets))
        return Document("x", "ar", "en", segs, format="po")

    tb = load_termbases([glossary])
    mixed = doc(["The Defence Minister said.", "The Defense Secretary said."])
    hits = list(term_consistency(CheckContext(document=mixed, config=Config(), termbase=tb)))
    assert [(h.span.of(h.segment.target), h.suggestion) for h in hits if h.span] == [
        ("Defense Secretary", "Defence Minister")
    ]
    same = doc(["The Defence Minister said.", "The Defence Minister said."])
    assert not list(term_consistency(CheckContext(document=same, config=Config(), termbase=tb)))


def run_ar(text: str, glossary: Path) -> list[Finding]:
    config = Config(termbases=(str(glossary),), model=ModelSettings(enabled=False))
    return list(check_text(text, source_lang="en", target_lang="ar", config=config).findings)


def arabic_glossary(tmp_path: Path) -> Path:
    glossary = tmp_path / "names.csv"
    glossary.write_text(
        "en,ar,ar:deprecated\nRustem Umerov,رستم عمروف,\nKharkiv,خاركيف,خاركوف\n",
        encoding="utf-8",
    )
    return glossary


def test_arabic_target_deprecated_term_behind_a_joined_preposition(tmp_path: Path) -> None:
    text = "قصفت القوات مدينة خاركوف ليلا، وفي خاركوف انقطعت الكهرباء عن بخاركوف."
    found = of(run_ar(text, arabic_glossary(tmp_path)), "deprecated-term")
    assert [(f.text, f.suggestion) for f in found] == [("خاركوف", "خاركيف")] * 3
    assert text[found[2].span.start - 1] == "ب"  # the preposition stays outside the span


def test_arabic_target_suspect_rendering_of_a_termbase_name(tmp_path: Path) -> None:
    text = "وقال وزير الدفاع رستام أوميروف إن القوات انسحبت."
    found = of(run_ar(text, arabic_glossary(tmp_path)), "suspect-rendering")
    assert [(f.text, f.suggestion) for f in found] == [("رستام أوميروف", "رستم عمروف")]


def test_arabic_target_quiet_on_the_preferred_forms(tmp_path: Path) -> None:
    text = "وقال وزير الدفاع رستم عمروف إن القوات انسحبت من محيط خاركيف وبخاركيف."
    found = run_ar(text, arabic_glossary(tmp_path))
    assert not [f for f in found if f.check in ("deprecated-term", "suspect-rendering", "name-variant")]


def test_name_variant_is_quiet_on_declined_names_in_ukrainian() -> None:
    from mtcheck import Config, ModelSettings, check_text

    text = (
        "Гемілтон виграв гонку. Команда Гемілтона святкувала. Журналісти говорили з Гемілтоном. "
        "Бернерс-Лі виступив. Слова Бернерса-Лі цитували."
    )
    report = check_text(text, source_lang="en", target_lang="uk", config=Config(model=ModelSettings(enabled=False)))
    assert [f for f in report.findings if f.check == "name-variant"] == []


def test_name_variant_still_fires_on_a_real_variant_in_ukrainian() -> None:
    from mtcheck import Config, ModelSettings, check_text

    text = "Рейнджерс виграли. Фанати Рейнджерс святкували. Тренер Ренджерс був задоволений."
    report = check_text(text, source_lang="en", target_lang="uk", config=Config(model=ModelSettings(enabled=False)))
    assert [(f.text, f.suggestion) for f in report.findings if f.check == "name-variant"] == [("Ренджерс", "Рейнджерс")]


def test_name_variant_original_latin_spelling_beside_cyrillic_is_info() -> None:
    from mtcheck import Config, ModelSettings, check_text

    text = "Бернерс-Лі (Berners-Lee) виступив. Бернерс-Лі сказав, що мережа змінилась."
    report = check_text(text, source_lang="en", target_lang="uk", config=Config(model=ModelSettings(enabled=False)))
    assert all(f.severity == Severity.INFO for f in report.findings if f.check == "name-variant")


def test_suspect_rendering_never_suggests_a_latin_gazetteer_form_in_cyrillic_text() -> None:
    from mtcheck import Config, ModelSettings, check_text

    # Correct Ukrainian city names that the gazetteer knows only in Latin (Abadan, Agadir).
    text = "Прогноз погоди для міст Абадан та Агадір."
    report = check_text(text, source_lang="en", target_lang="uk", config=Config(model=ModelSettings(enabled=False)))
    assert [f for f in report.findings if f.check == "suspect-rendering"] == []


def test_name_variant_does_not_compare_the_units_of_a_catalogue() -> None:
    from mtcheck import Config, ModelSettings
    from mtcheck.pipeline import check_documents
    from mtcheck.types import Document, Location, Segment

    units = [("Johnstown", "Джонстаун"), ("Johnston", "Джонстон"), ("Johnston", "Джонстон")]
    segments = tuple(
        Segment(f"u{i}", target, source, Location("places.po", i, 1, f"u{i}"))
        for i, (source, target) in enumerate(units)
    )
    document = Document("places.po", "en", "uk", segments, format="po")
    report = check_documents([document], Config(model=ModelSettings(enabled=False)))
    assert [f for f in report.findings if f.check == "name-variant"] == []
    as_text = Document("places.txt", "en", "uk", segments, format="text")
    assert [f.check for f in check_documents([as_text], Config(model=ModelSettings(enabled=False))).findings
            if f.check == "name-variant"]  # fmt: skip
