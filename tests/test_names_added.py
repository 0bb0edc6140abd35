"""name-added: a name of the translation that nothing in the original names (no model)."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.crossnames import _demonym
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False), select=("name-",))


def findings(translation: str, original: str, source_lang: str, target_lang: str) -> list[Finding]:
    report = check_text(
        translation, source_lang=source_lang, target_lang=target_lang, original=original, config=NO_MODEL
    )
    return list(report.findings)


def added(translation: str, original: str, source_lang: str = "uk", target_lang: str = "en") -> list[tuple[str, str]]:
    """(name, severity) of each name-added finding."""
    found = findings(translation, original, source_lang, target_lang)
    return [(f.text, f.severity.name.lower()) for f in found if f.check == "name-added"]


def warnings(translation: str, original: str, source_lang: str = "uk", target_lang: str = "en") -> list[str]:
    found = findings(translation, original, source_lang, target_lang)
    return [f.check for f in found if f.severity >= Severity.WARNING]


MEETING = (
    "Депутати зібралися в Києві, щоб обговорити новий закон про освіту.\n"
    "Після засідання Олена Мирошниченко сказала журналістам, що голосування відбудеться в п'ятницю."
)
RENDERED = (
    "MPs gathered in Kyiv to discuss the new education law.\n"
    "After the meeting, Olena Myroshnychenko told reporters that the vote would take place on Friday."
)


def test_a_name_nothing_in_the_original_names_is_a_hint() -> None:
    # Olena Myroshnychenko is rendered, so no original name is lost: a translator may add a
    # name (the state after a city), so the added place alone is a hint.
    translation = RENDERED.replace("told reporters", "told reporters in Dortmund")
    assert added(translation, MEETING) == [("Dortmund", "info")]


def test_a_name_added_where_the_original_lost_its_names_is_a_warning() -> None:
    # Two places of the original lost, one place new to the whole original in their sentence:
    # no one-for-one swap for name-mismatch, but the added name is a warning.
    original = (
        "MPs gathered in Kyiv to discuss the new education law.\n"
        "After the meeting, Olena Myroshnychenko spoke to reporters in Lviv and Kharkiv."
    )
    translation = (
        "Депутати зібралися в Києві, щоб обговорити новий закон про освіту.\n"
        "Після засідання Олена Мирошниченко поговорила з журналістами в Дортмунді."
    )
    assert added(translation, original, "en", "uk") == [("Дортмунді", "warning")]
    rendered = translation.replace("в Дортмунді", "у Львові та Харкові")
    assert not added(rendered, original, "en", "uk")


def test_the_clean_translation_is_quiet() -> None:
    assert not warnings(RENDERED, MEETING)


def test_a_name_given_again_in_the_translation_is_quiet() -> None:
    # A rendering the comparison misses repeats with each mention; a name put in by mistake stands once.
    translation = RENDERED.replace("told reporters", "told reporters in Dortmund") + "\nThe law reached Dortmund."
    assert not added(translation, MEETING + "\nЗакон дійшов до міста.")


def test_a_nationality_is_quiet() -> None:
    # English capitalises nationalities; Ukrainian writes європейцям in lower case.
    original = MEETING.replace("журналістам", "європейцям")
    assert not added(RENDERED.replace("reporters", "the Europeans"), original)
    assert _demonym("Spaniard", "en") and _demonym("Italians", "en") and _demonym("Israelis", "en")
    assert not _demonym("George", "en") and not _demonym("Jordan", "en") and not _demonym("Mendes", "en")


def test_a_word_at_a_sentences_start_is_quiet() -> None:
    translation = RENDERED + "\nTransparency matters, she added."
    assert not added(translation, MEETING + "\nПрозорість важлива, додала вона.")


def test_a_known_exonym_is_quiet() -> None:
    # Німеччина → Germany: a CLDR exonym, which no transliteration comparison sees.
    original = MEETING + "\nПодібний закон уже діє в Німеччині."
    translation = RENDERED + "\nA similar law is already in force in Germany."
    assert not added(translation, original)


def test_a_translated_institution_is_no_warning() -> None:
    # The words of an institution are translated (митної служби): frequent words, a hint at most.
    original = MEETING + "\nПро це повідомив посадовець Імміграційної та митної служби."
    translation = RENDERED + "\nThis was reported by an official of Immigration and Customs Enforcement."
    assert "name-added" not in warnings(translation, original)


def test_a_word_of_a_title_is_quiet() -> None:
    original = MEETING + "\nВона член Зали слави."
    assert not added(RENDERED + "\nShe is a Hall of Famer.", original)


def test_a_name_in_place_of_a_lost_one_is_reported_once() -> None:
    # Myroshnychenko lost and Fitzgerald in its place: name-mismatch reports the swap, name-added keeps quiet.
    translation = RENDERED.replace("Olena Myroshnychenko", "Fitzgerald")
    found = findings(translation, MEETING, "uk", "en")
    assert [f.text for f in found if f.check in ("name-mismatch", "name-added")] == ["Fitzgerald"]


def test_a_posts_leading_handle_is_no_sentence() -> None:
    assert not added("@user33 Вау!", "@user33 wow!", "en", "uk")
