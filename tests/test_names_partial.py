"""One word of a multi-word name dropped or replaced while the rest of it is rendered (no model)."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.crossnames import _kept_word
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False), select=("name-",))


def names(translation: str, original: str, source_lang: str, target_lang: str) -> list[tuple[str, str, str]]:
    report = check_text(
        translation, source_lang=source_lang, target_lang=target_lang, original=original, config=NO_MODEL
    )
    found: list[Finding] = [f for f in report.findings if f.severity >= Severity.WARNING]
    return [(f.check, f.evidence.get("original_name", ""), f.text) for f in found]


# --------------------------------------------------------------------------- Arabic translation

SINGER = "He replaces singer Ariana Grande on the show, the show's creator said."


def test_surname_dropped_in_arabic_is_a_warning() -> None:
    found = names("وقال مؤلف البرنامج إنه بديل عن المغنية أريانا في البرنامج.", SINGER, "en", "ar")
    assert [(check, word) for check, word, _text in found] == [("name-missing", "Grande")]


def test_surname_replaced_in_arabic_is_a_mismatch() -> None:
    found = names("وقال مؤلف البرنامج إنه بديل عن المغنية أريانا فيليبس في البرنامج.", SINGER, "en", "ar")
    assert found == [("name-mismatch", "Grande", "فيليبس")]


def test_name_rendered_in_full_in_arabic_is_quiet() -> None:
    assert not names("وقال مؤلف البرنامج إنه بديل عن المغنية أريانا غراندي في البرنامج.", SINGER, "en", "ar")


def test_arabic_spelling_the_comparison_misses_is_quiet() -> None:
    # فاينشتاين scores 0.79 against Feinstein, under the transliteration bar, yet near enough.
    original = "Senator Dianne Feinstein asked for an investigation."
    assert not names("وطلبت السيناتور ديان فاينشتاين إجراء تحقيق.", original, "en", "ar")


# --------------------------------------------------------------------------- a first name replaced

MAYOR = "The new policy comes weeks after Boris Johnson called for a stamp duty cut."


def test_first_name_replaced_beside_the_surname_is_a_mismatch() -> None:
    found = names("Нова політика з'явилася через кілька тижнів після того, як Мендес Джонсон закликав "
                  "знизити гербовий збір.", MAYOR, "en", "uk")  # fmt: skip
    assert found == [("name-mismatch", "Boris", "Мендес")]


def test_first_name_rendered_beside_the_surname_is_quiet() -> None:
    clean = "Нова політика з'явилася через кілька тижнів після того, як Борис Джонсон закликав знизити гербовий збір."
    assert not names(clean, MAYOR, "en", "uk")


def test_word_of_the_language_at_the_start_beside_the_surname_is_no_first_name() -> None:
    # Міністр is capitalised by position and a dictionary word: a title, not another name.
    original = "Boris Johnson called for a stamp duty cut."
    assert not names("Міністр Джонсон закликав знизити гербовий збір.", original, "en", "uk")


# --------------------------------------------------------------------------- frequent name words

ACCUSER = "Kavanaugh denied an allegation from Christine Blasey Ford that he assaulted her."
OFFICIAL = "A Tennessee State official told Chris Harris of WSMV in Nashville that she had surgery."


def test_frequent_census_first_name_dropped_is_a_warning() -> None:
    found = names("Кавано заперечив звинувачення Блейзі Форд у тому, що він напав на неї.", ACCUSER, "en", "uk")
    assert [(check, word) for check, word, _text in found] == [("name-missing", "Christine")]


def test_frequent_census_name_rendered_is_quiet() -> None:
    clean = "Кавано заперечив звинувачення Крістін Блейзі Форд у тому, що він напав на неї."
    assert not names(clean, ACCUSER, "en", "uk")


def test_frequent_census_surname_replaced_is_a_mismatch() -> None:
    found = names("Представитель штата Теннесси сказал Крису Элдону из WSMV в Нэшвилле, что ей сделали операцию.",
                  OFFICIAL, "en", "ru")  # fmt: skip
    assert found == [("name-mismatch", "Harris", "Элдону")]


def test_frequent_census_surname_rendered_is_quiet() -> None:
    clean = "Представитель штата Теннесси сказал Крису Харрису из WSMV в Нэшвилле, что ей сделали операцию."
    assert not names(clean, OFFICIAL, "en", "ru")


def test_name_lists_vouch_for_frequent_names_of_persons_not_for_everyday_words() -> None:
    person = True
    assert _kept_word("Harris", "en", person) and _kept_word("Christine", "en", person)  # Zipf 4.4 and 3.9
    assert not _kept_word("Street", "en", person) and not _kept_word("Cross", "en", person)  # everyday words
    assert not _kept_word("Harris", "en") and not _kept_word("Bay", "en")  # Tampa Bay: no person's name
    assert _kept_word("Джонсона", "uk", person)  # the dictionary's surname, Zipf 3.5
    assert not _kept_word("Міністр", "uk", person)


def test_word_of_a_place_translated_is_no_loss() -> None:
    # Bay is a Census surname, but Tampa Bay is no person's name: затока translates it.
    original = "The report shows a decrease in Red Tide for parts of the Tampa Bay area."
    clean = "Звіт свідчить про зниження рівня цвітіння в деяких частинах затоки Тампа."
    assert not names(clean, original, "en", "uk")
