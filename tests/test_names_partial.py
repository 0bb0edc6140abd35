"""One word of a multi-word name dropped or replaced while the rest of it is rendered (no model)."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.crossnames import _kept_word
from mtcheck.names.partial import patronymic, personal_name
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False), select=("name-",))


def names(translation: str, original: str, source_lang: str, target_lang: str) -> list[tuple[str, str, str]]:
    report = check_text(
        translation, source_lang=source_lang, target_lang=target_lang, original=original, config=NO_MODEL
    )
    found: list[Finding] = [f for f in report.findings if f.severity >= Severity.WARNING]
    return [(f.check, f.evidence.get("original_name", ""), f.text) for f in found]


def hints(translation: str, original: str, source_lang: str, target_lang: str) -> list[tuple[str, str]]:
    report = check_text(
        translation, source_lang=source_lang, target_lang=target_lang, original=original, config=NO_MODEL
    )
    return [(f.check, f.evidence.get("original_name", "")) for f in report.findings if f.severity == Severity.INFO]


# --------------------------------------------------------------------------- Arabic translation

SINGER = "He replaces singer Ariana Grande on the show, the show's creator said."


def test_surname_dropped_in_arabic_is_a_warning() -> None:
    # Without letter case nothing tells a word rendered by meaning from a lost one, but a person's
    # surname is never rendered by its meaning (tests/test_names_arabic_matching.py).
    translation = "وقال مؤلف البرنامج إنه بديل عن المغنية أريانا في البرنامج."
    assert ("name-missing", "Grande", "") in names(translation, SINGER, "en", "ar")


def test_surname_replaced_in_arabic_is_a_warning() -> None:
    translation = "وقال مؤلف البرنامج إنه بديل عن المغنية أريانا فيليبس في البرنامج."
    assert [n for n in names(translation, SINGER, "en", "ar") if n[:2] == ("name-mismatch", "Grande")]


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


def test_given_name_the_translation_gives_elsewhere_is_a_hint() -> None:
    # The translation names Christine in its next sentence: given there, left out here, which is
    # the translator's choice as often as a loss.
    original = ACCUSER + "\nThe hearing is on Monday."
    translation = (
        "Кавано заперечив звинувачення Блейзі Форд у тому, що він напав на неї.\n"
        "Слухання Крістін відбудеться в понеділок."
    )
    assert not names(translation, original, "en", "uk")
    assert ("name-missing", "Christine") in hints(translation, original, "en", "uk")


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


def test_census_names_vouch_only_for_words_as_frequent_in_the_other_languages() -> None:
    # A person's name is about as frequent in German, French, Spanish and Italian text as in English;
    # a title or common noun that is also a surname is a word of English, rarer in most of them.
    assert personal_name("Harris", "en") and personal_name("Trump", "en") and personal_name("Christine", "en")
    assert not personal_name("Prince", "en") and not personal_name("Grant", "en") and not personal_name("Bay", "en")


def test_common_noun_of_a_census_name_translated_is_no_loss() -> None:
    # Marina is a census first name and Bay a census surname, but Bay is a word of English
    # (Zipf 4.7, 3.8 in Spanish): затока translates it.
    original = "The race is held around Marina Bay in Singapore."
    assert not names("Перегони проходять довкола затоки Марина в Сінгапурі.", original, "en", "uk")


def test_word_of_a_place_translated_is_no_loss() -> None:
    # Bay is a Census surname, but Tampa Bay is no person's name: затока translates it.
    original = "The report shows a decrease in Red Tide for parts of the Tampa Bay area."
    clean = "Звіт свідчить про зниження рівня цвітіння в деяких частинах затоки Тампа."
    assert not names(clean, original, "en", "uk")


# --------------------------------------------------------------------------- a known name's kept word

HOTEL = "He was accused of an assault in a Las Vegas hotel room in 2009."


def test_word_of_a_known_form_dropped_is_a_warning() -> None:
    # Vegas is frequent in English (Zipf 4.4), but the gazetteer's Лас-Вегас keeps it.
    found = names("Його звинуватили в нападі в готельному номері Лас- у 2009 році.", HOTEL, "en", "uk")
    assert [(check, word) for check, word, _text in found] == [("name-missing", "Vegas")]


def test_known_form_joined_by_a_hyphen_is_quiet() -> None:
    assert not names("Його звинуватили в нападі в готельному номері Лас-Вегаса у 2009 році.", HOTEL, "en", "uk")


# --------------------------------------------------------------------------- the translation's own evidence

COACH = ["The home side and coach Peter Wheeling had every right to be pleased.", "Wheeling praised the defence."]


def test_word_the_translation_transliterates_elsewhere_dropped_is_a_hint() -> None:
    # Wheeling is no name list's, and English frequency (Zipf 3.2, rarer elsewhere) makes it a word;
    # the translation writes it Вілінг in its next sentence, so its translator keeps it. Only that
    # other sentence speaks for it, where the translator may have given it on purpose: a hint.
    translation = "Господарі й тренер Пітер мали повне право бути задоволеними.\nВілінг похвалив захист."
    assert not names(translation, "\n".join(COACH), "en", "uk")
    assert hints(translation, "\n".join(COACH), "en", "uk") == [("name-missing", "Wheeling")]


def test_word_the_translation_transliterates_everywhere_is_quiet() -> None:
    translation = "Господарі й тренер Пітер Вілінг мали повне право бути задоволеними.\nВілінг похвалив захист."
    assert not names(translation, "\n".join(COACH), "en", "uk")


def test_word_of_the_language_that_sounds_alike_elsewhere_is_quiet() -> None:
    # республіканець sounds like Republican but is a word of the language, not the name kept.
    original = "The Louisiana Republican may avoid the question for now. Republicans want a vote."
    translation = "Республіканець з Луїзіани поки може уникнути питання. Республіканці хочуть голосування."
    assert not names(translation, original, "en", "uk")


def test_abbreviation_kept_elsewhere_is_no_kept_word() -> None:
    # SEC is spelt out (Комісія з цінних паперів) here and kept as SEC in the next sentence.
    original = "SEC Chair Gary Gensler said the approval was no endorsement. The SEC approved the listing."
    translation = "Голова Комісії з цінних паперів Гері Генслер сказав, що це не схвалення. SEC дозволила лістинг."
    assert not names(translation, original, "en", "uk")


def test_word_wordfreq_barely_knows_dropped_is_a_warning() -> None:
    # Murchie: Zipf 1.6 in English, 0 in the other Latin-script languages: nobody's word to translate.
    original = "The home side and coach Peter Murchie had every right to be pleased."
    found = names("Господарі й тренер Пітер мали повне право бути задоволеними.", original, "en", "uk")
    assert [(check, word) for check, word, _text in found] == [("name-missing", "Murchie")]


def test_surname_replaced_by_a_name_of_the_same_first_sound_is_a_mismatch() -> None:
    # Телліс starts like Trump but shares too little else with it to be a spelling of it.
    original = "Donald Trump, the US President, fired the first warning earlier this year."
    found = names(
        "Президент США Дональд Телліс зробив перший попереджувальний постріл цього року.", original, "en", "uk"
    )
    assert found == [("name-mismatch", "Trump", "Телліс")]


def test_surname_in_a_spelling_the_comparison_misses_is_quiet() -> None:
    # Хьюса scores 0.38 against Hughes, under the bar, but starts with its sound and its consonants
    # half match: a spelling of it, not another name.
    original = "A yellow card for Scotland cap Rory Hughes allowed Melrose to make numbers tell."
    translation = "Жовта картка для гравця збірної Шотландії Рорі Хьюса дозволила «Мелроузу» скористатися перевагою."
    assert not names(translation, original, "en", "ru")


# --------------------------------------------------------------------------- a middle word


def test_rare_middle_word_dropped_is_a_warning() -> None:
    found = names("Кавано заперечив звинувачення Крістін Форд у тому, що він напав на неї.", ACCUSER, "en", "uk")
    assert [(check, word) for check, word, _text in found] == [("name-missing", "Blasey")]


def test_middle_given_name_left_out_is_quiet() -> None:
    original = "On this day the future physicist Johannes Wilhelm Geiger was born in Germany."
    assert not names("Цього дня в Німеччині народився майбутній фізик Йоганнес Гейгер.", original, "en", "uk")


def test_given_name_in_its_full_form_beside_the_surname_is_quiet() -> None:
    # Gus is short for Gustavo: a name that starts with the missing word's sounds is it, written out.
    original = "Ross's predecessors include David Moyes and Gus Poyet."
    assert not names("Серед попередників Росса були Девід Моєс і Густаво Поєт.", original, "en", "uk")


def test_patronymic_left_out_is_quiet() -> None:
    # The middle word of a Russian name is a patronymic, which an English translation drops.
    original = "Президент Владимир Путин провёл совещание с Сергеем Викторовичем Лавровым в Кремле."
    assert not names("President Vladimir Putin held a meeting with Sergei Lavrov in the Kremlin.", original, "ru", "en")


MEETING = "Встреча с Сергеем Лавровым прошла в Кремле."


def test_surname_after_a_given_name_dropped_is_a_warning() -> None:
    found = names("The meeting with Sergei took place in the Kremlin.", MEETING, "ru", "en")
    assert [(check, word) for check, word, _text in found] == [("name-missing", "Лавровым")]


def test_patronymic_after_a_given_name_left_out_is_quiet() -> None:
    # Сергей Викторович, given name and patronymic: the dictionary (pymorphy3) reads the second word
    # as a patronymic, which an English translation leaves out.
    assert patronymic("Викторовичем", "ru") and not patronymic("Лавровым", "ru")
    original = "Встреча с Сергеем Викторовичем прошла в Кремле."
    assert not names("The meeting with Sergei took place in the Kremlin.", original, "ru", "en")
