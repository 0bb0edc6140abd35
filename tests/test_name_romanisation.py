"""name-romanisation: a name re-romanised, or spelled back letter by letter, is flagged;
its standard or established form is not."""

from __future__ import annotations

import pytest

from mtcheck.config import Config, ModelSettings
from mtcheck.names.romanise import (
    established_form,
    established_word,
    fold,
    keeps_syllables,
    looks_romanised,
    lookup_keys,
    reads_letter_by_letter,
    slavic_surname,
    standard_forms,
    standard_match,
    words_with_key,
)
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity

RU_ORIGINAL = "Министр Новак прибыл в Берлин. Там его встретил Кемпф."
RU_WELSH = "Вчера Элин Джонс выступила в парламенте."
AR_ORIGINAL = "قال جونز إن الاتفاق مهم."


def romanisation(translation: str, original: str, source_lang: str) -> list[Finding]:
    config = Config(model=ModelSettings(enabled=False), use_gazetteer=False)
    report = check_text(translation, source_lang=source_lang, target_lang="en", original=original, config=config)
    return [f for f in report.findings if f.check == "name-romanisation"]


def test_re_romanised_names_are_flagged_with_the_standard_form() -> None:
    found = romanisation("Minister Nufak arrived in Berlin. There he was met by Kimbf.", RU_ORIGINAL, "ru")
    assert [(f.text, f.suggestion, f.severity) for f in found] == [
        ("Nufak", "Novak", Severity.WARNING),
        ("Kimbf", "Kempf", Severity.WARNING),
    ]
    assert found[0].evidence["standard_forms"]["ISO 9"] == "Novak"


def test_standard_romanisation_is_quiet() -> None:
    assert not romanisation("Minister Novak arrived in Berlin. There he was met by Kempf.", RU_ORIGINAL, "ru")


def test_english_name_spelled_back_from_cyrillic_is_flagged() -> None:
    found = romanisation("Yesterday Elin Dzhons spoke in parliament.", RU_WELSH, "ru")
    assert [(f.text, f.suggestion, f.severity) for f in found] == [("Dzhons", "Jones", Severity.WARNING)]


def test_established_english_form_is_quiet() -> None:
    assert not romanisation("Yesterday Elin Jones spoke in parliament.", RU_WELSH, "ru")


@pytest.mark.parametrize("rendering", ["Jwnz", "Junz"])
def test_english_name_spelled_back_from_arabic_is_flagged(rendering: str) -> None:
    found = romanisation(f"{rendering} said the agreement was important.", AR_ORIGINAL, "ar")
    assert [(f.text, f.suggestion) for f in found] == [(rendering, "Jones")]


def test_arabic_original_with_established_form_is_quiet() -> None:
    assert not romanisation("Jones said the agreement was important.", AR_ORIGINAL, "ar")


def test_foreign_spelling_restored_is_not_a_warning() -> None:
    # Вёрман written as its German bearer writes it: not a romanisation, and w/ö are letters
    # no Russian romanisation writes, so at most a hint.
    found = romanisation("Chancellor Scholz met Woehrmann.", "Канцлер Шольц встретился с Вёрманом.", "ru")
    assert all(f.severity == Severity.INFO for f in found)


def test_standard_forms_cover_the_national_systems() -> None:
    forms = standard_forms("Київ", "uk")
    assert forms["KMU-2010"] == "Kyiv"
    assert standard_match("Kyiv", forms)[0] == 1.0
    assert "KMU-2010" not in standard_forms("Київ", "ru")  # the Ukrainian system only for Ukrainian
    assert standard_match("Nufak", standard_forms("Новак", "ru"))[0] < 0.8


def test_fold_trades_y_i_j_and_doubled_letters() -> None:
    assert fold("Zelenskyy") == fold("Zelenskij") == fold("Zelenskiy")


def test_letters_no_romanisation_writes() -> None:
    assert looks_romanised("Nufak", "ru")
    assert not looks_romanised("Wöhrmann", "ru")
    assert not looks_romanised("Quast", "ru")


def test_rare_name_a_letter_off_a_frequent_one_is_only_a_hint() -> None:
    # Менга is romanised faithfully as Menga; Meng sounds alike but may be another person.
    found = romanisation("Chairman Menga resigned.", "Председатель Менга ушёл в отставку.", "ru")
    assert all(f.severity == Severity.INFO for f in found)


def test_standard_romanisation_of_an_english_name_is_flagged() -> None:
    # Кларк is Klark letter for letter (BGN/PCGN), but the name is English and English writes Clark.
    original = "Вчера Кларк сказал, что переговоры прошли хорошо."
    found = romanisation("Yesterday Klark said the talks went well.", original, "ru")
    assert [(f.text, f.suggestion, f.severity) for f in found] == [("Klark", "Clark", Severity.WARNING)]
    assert not romanisation("Yesterday Clark said the talks went well.", original, "ru")


def test_slavic_surname_in_its_standard_romanisation_is_quiet() -> None:
    # Смуров's consonants spell "Smurf", but a surname in -ов is the language's own.
    original = "Вчера Смуров сказал, что переговоры прошли хорошо."
    assert not romanisation("Yesterday Smurov said the talks went well.", original, "ru")


def test_cyrillic_g_read_as_h() -> None:
    # Ukrainian г is h: Гарварді spelled back as "Garvard" is Harvard.
    found = romanisation("He studied at Garvard for two years.", "Він два роки навчався в Гарварді.", "uk")
    assert [(f.text, f.suggestion) for f in found] == [("Garvard", "Harvard")]
    assert not romanisation("He studied at Harvard for two years.", "Він два роки навчався в Гарварді.", "uk")


def test_romanised_beside_the_established_form_is_flagged() -> None:
    # "Tramp" is an English word, so it is attested; the translation's other sentence says which name is meant.
    original = "В среду выступил Дональд Трамп. Сторонники Трампа пришли на митинг."
    found = romanisation("On Wednesday Donald Trump spoke. Tramp's supporters came to the rally.", original, "ru")
    assert [(f.text, f.suggestion, f.severity) for f in found] == [("Tramp", "Trump", Severity.WARNING)]
    assert not romanisation("On Wednesday Donald Trump spoke. Trump's supporters came to the rally.", original, "ru")


def test_arabic_name_with_its_clitic_is_checked() -> None:
    # لترامب is ل + ترامب; "Tramb" is the Arabic letters read back, with no vowel Arabic does not write.
    original = "إنه التجمع الأول لترامب هذا الأسبوع."
    found = romanisation("It's Tramb's first rally this week.", original, "ar")
    assert [(f.text, f.severity) for f in found] == [("Tramb", Severity.WARNING)]
    assert not romanisation("It's Trump's first rally this week.", original, "ar")


def test_arabic_name_read_with_unwritten_vowels_is_not_a_warning() -> None:
    # Burnaston has vowels برنستون does not write: the translator knew the name.
    found = romanisation("He has worked at Burnaston for years.", "عمل في برنستون لسنوات.", "ar")
    assert all(f.severity == Severity.INFO for f in found)


def test_a_word_of_a_multi_word_arabic_name_is_found() -> None:
    # دامون alone is the Damon of "Matt Damun", which the whole two-word name does not match.
    original = "بطولة مات دامون في العرض."
    found = romanisation("The show starred Matt Damun.", original, "ar")
    assert [(f.text, f.suggestion) for f in found] == [("Damun", "Damon")]
    assert not romanisation("The show starred Matt Damon.", original, "ar")


def test_letter_by_letter_reading_of_arabic() -> None:
    assert reads_letter_by_letter("ترامب", "Tramb")
    assert reads_letter_by_letter("واشنطن", "Washntn")
    assert not reads_letter_by_letter("برنستون", "Burnaston")
    assert not reads_letter_by_letter("مارتن", "Martin")
    assert not reads_letter_by_letter("فليس", "Fleiss")  # a vowel digraph and a double letter
    assert not reads_letter_by_letter("كيغان", "Keaghan")


def test_syllables_and_surnames() -> None:
    assert keeps_syllables("Dzhons", "Jones", "Джонс")
    assert not keeps_syllables("Smurov", "Smurf", "Смуров")
    assert keeps_syllables("Washntn", "Washington", "واشنطن")
    assert slavic_surname("Шевченко") and slavic_surname("Иванов")
    assert not slavic_surname("Трамп")


# Names the extractor passes over (a common word of the language, Германию) are still paired
# with the word of the aligned translation that renders them.
RU_GERMANY = "Президент прибыл в Германию в понедельник."


def test_exonym_of_a_common_word_name_spelled_letter_by_letter_is_flagged() -> None:
    # Германию is a name to the extractor (pymorphy3 reads it as a place), so the cross-language
    # check, which knows CLDR's Germany, reports it; name-romanisation leaves it to that check
    # rather than report it twice.
    config = Config(model=ModelSettings(enabled=False), use_gazetteer=False)
    report = check_text(
        "The president arrived in Germaniya on Monday.", source_lang="ru", target_lang="en", original=RU_GERMANY,
        config=config,
    )  # fmt: skip
    found = [f for f in report.findings if f.check.startswith("name-")]
    assert [(f.check, f.text, f.suggestion, f.severity) for f in found] == [
        ("name-transliteration", "Germaniya", "Germany", Severity.WARNING)
    ]


def test_exonym_of_a_common_word_name_is_quiet() -> None:
    assert not romanisation("The president arrived in Germany on Monday.", RU_GERMANY, "ru")


RU_SENATE = "Законопроект направили Сенату в пятницу."


def test_case_ending_carried_into_the_rendering_is_flagged() -> None:
    found = romanisation("The bill was sent to the Senatu on Friday.", RU_SENATE, "ru")
    assert [(f.text, f.severity) for f in found] == [("Senatu", Severity.WARNING)]
    assert found[0].evidence["dictionary_form"] == "Сенат"


def test_dictionary_form_rendering_is_quiet() -> None:
    assert not romanisation("The bill was sent to the Senat on Friday.", RU_SENATE, "ru")
    assert not romanisation("The bill was sent to the Senate on Friday.", RU_SENATE, "ru")


def test_foreign_name_the_dictionary_does_not_know_is_not_taken_for_declined() -> None:
    # pymorphy3 guesses Сутопо to be a form of "Сутопа"; a name it does not know is left alone
    original = "Представитель Сутопо сообщил о жертвах."
    assert not romanisation("Spokesman Sutopo reported casualties.", original, "ru")


AR_WASHINGTON = "انتهت المحادثات في واشنطن يوم الجمعة. لا تزال الإدارة الأمريكية تريد صفقة."


def test_name_spelled_back_where_the_translation_writes_it_elsewhere_is_flagged() -> None:
    translation = "The talks in Washntn ended on Friday. Officials in Washington still want a deal."
    found = romanisation(translation, AR_WASHINGTON, "ar")
    assert [(f.text, f.suggestion, f.severity) for f in found] == [("Washntn", "Washington", Severity.WARNING)]
    assert found[0].evidence["elsewhere"] == "Washington"


def test_name_written_one_way_throughout_is_quiet() -> None:
    translation = "The talks in Washington ended on Friday. Officials in Washington still want a deal."
    assert not romanisation(translation, AR_WASHINGTON, "ar")


def test_arabic_has_no_p_or_v_to_read_back() -> None:
    assert reads_letter_by_letter("بورو", "Buru")
    assert not reads_letter_by_letter("بورو", "Purwo")  # someone who knew the name wrote the p
    assert not reads_letter_by_letter("فيلتزي", "Veltzi")


def test_rare_established_form_is_found() -> None:
    # Nugroho is rare in English (wordfreq Zipf 1.7) but attested; "Nugrokho" is Нугрохо's
    # BGN/PCGN form, which nobody writes.
    original = "Об этом сообщил представитель агентства Сутопо Пурво Нугрохо."
    found = romanisation("Agency spokesman Sutopo Purwo Nugrokho said so.", original, "ru")
    assert [(f.text, f.suggestion, f.severity) for f in found] == [("Nugrokho", "Nugroho", Severity.WARNING)]
    assert not romanisation("Agency spokesman Sutopo Purwo Nugroho said so.", original, "ru")


def test_cyrillic_initial_ya_is_not_read_as_a_latin_j() -> None:
    # Юлія / "Yuliia" is the standard romanisation of a Ukrainian name, not Julia spelled back;
    # an initial я, ю, є or й is how every native Ya-, Yu-, Ye-, Yo- name is written.
    assert "GL" not in lookup_keys("Юлія", "Yuliia")
    assert established_form("Юлія", "Yuliia", "en") is None
    found = established_word("Йосип", "Yosyp", "en", vouched=lambda word: False)
    assert found is None or found[0] != "gossip"


def test_rare_word_needs_a_second_source_or_an_exact_sound() -> None:
    # Nugroho (Zipf 1.7) sounds exactly like Нугрохо, vowels and all: found with any vouching;
    # without it (a rendering that is a spelling of its own), rare words are never suggested.
    assert established_word("Нугрохо", "Nugrokho", "en", vouched=lambda word: False) == ("nugroho", 1.0)
    assert established_word("Нугрохо", "Nugrokho", "en") is None
    # exact as the original is written: г read as h is a guess (Гунди / "Gundi" is not Hundi)
    found = established_word("Гунди", "Gundi", "en", vouched=lambda word: False)
    assert found is None or found[0] != "hundi"
    # Arabic writes no short vowel, so no sound match is exact: Noisome (1.7) is a rare word with
    # no second source, not the established form of نوسوم / "Nusum"; vouched, it would be.
    found = established_word("نوسوم", "Nusum", "en", vouched=lambda word: False)
    assert found is None or found[0] != "noisome"
    vouched = established_word("نوسوم", "Nusum", "en", vouched=lambda word: word == "noisome")
    assert vouched is not None and vouched[0] == "noisome"


def test_rare_word_must_have_the_renderings_vowels() -> None:
    # Cyrillic writes every vowel: Maroto (Zipf 1.5) is not Мариотто / "Mariotto", nor Barrera
    # (a census name, 2.3) Баррейра / "Barreira", whatever their consonants.
    anything = lambda word: True  # noqa: E731
    found = established_word("Мариотто", "Mariotto", "en", vouched=anything)
    assert found is None or found[0] != "maroto"
    found = established_word("Баррейра", "Barreira", "en", vouched=anything)
    assert found is None or found[0] != "barrera"


def test_rare_unvouched_words_are_quiet_on_clean_copy() -> None:
    assert not romanisation("Nusum said the agreement was important.", "وقال نوسوم إن الاتفاق مهم.", "ar")
    assert not romanisation("Yesterday Mariotto spoke.", "Вчера Мариотто выступил.", "ru")
    original = "Пол Баррейра, професор психіатрії, сказав це."
    assert not romanisation("Paul Barreira, a professor of psychiatry, said so.", original, "uk")


def test_rare_vouched_word_is_suggested() -> None:
    # Rothenberg (Zipf 2.4) is a US Census surname: روتنبرغ / "Rutnbrgh" spells it back.
    found = romanisation("Rutnbrgh said the agreement was important.", "وقال روتنبرغ إن الاتفاق مهم.", "ar")
    assert [(f.text, f.suggestion) for f in found] == [("Rutnbrgh", "Rothenberg")]
    assert not romanisation("Rothenberg said the agreement was important.", "وقال روتنبرغ إن الاتفاق مهم.", "ar")


def test_standard_match_of_a_rendering_sharing_nothing() -> None:
    assert standard_match("Xq", standard_forms("Ы", "ru"))[1] in standard_forms("Ы", "ru")


def test_adjective_of_a_name_romanised_is_flagged() -> None:
    # Лондонской газеты is "the London Gazette": the adjective's romanisation is no name.
    original = "Согласно Лондонской газете, он повёл батальон в атаку."
    found = romanisation("According to the Londonskoy Gazette, he led the battalion.", original, "ru")
    assert [(f.text, f.suggestion, f.severity) for f in found] == [("Londonskoy", "London", Severity.WARNING)]
    assert not romanisation("According to the London Gazette, he led the battalion.", original, "ru")


def test_case_ending_of_a_name_the_dictionary_does_not_know() -> None:
    # Фуріка is guessed a nominative; Фурік in the next sentence shows the -а is a case ending.
    original = "Команда Фуріка програла. Фурік визнав поразку."
    found = romanisation("Furika's team lost. Furyk admitted defeat.", original, "uk")
    assert [(f.text, f.suggestion) for f in found] == [("Furika", "Furyk")]
    assert not romanisation("Furyk's team lost. Furyk admitted defeat.", original, "uk")


def test_romanisation_with_i_for_short_i_is_not_spelled_letter_by_letter() -> None:
    # Barreira is no Russian system's form of Баррейра (Barreyra, Barrejra): the name's own spelling.
    original = "Пол Баррейра, профессор психиатрии, сказал это."
    assert not romanisation("Paul Barreira, a professor of psychiatry, said so.", original, "ru")


def test_standard_match_cuts_only_a_case_ending() -> None:
    assert standard_match("Novak", standard_forms("Новака", "ru"))[0] == 1.0
    assert standard_match("Erli", standard_forms("Ерліх", "uk"))[0] < 0.95
    assert standard_match("Barreira", standard_forms("Баррейра", "ru"), exact=True)[0] < 0.95
    assert standard_match("Barreira", standard_forms("Баррейра", "ru"))[0] == 1.0


def test_words_by_key_through_the_coarse_skeleton() -> None:
    assert "nugroho" in dict(words_with_key("NGRH", "en"))
    assert words_with_key("MNHTN", "en")[0][0] == "manhattan"


def test_rare_name_is_not_taken_for_a_misspelled_word() -> None:
    # Tarek (a rare name) is one letter off "trek": not a misspelling of it to suggest for ثوريك.
    found = established_word("ثوريك", "Thariq", "en", vouched=lambda word: False)
    assert found is None or found[0] != "trek"


def test_form_written_elsewhere_at_the_start_of_a_sentence_counts() -> None:
    # Midsomer opens its sentence; a rare word there is a name, not a capitalised word.
    original = "ميدسومر نورتون بلدة صغيرة. وقع الحادث في ميدسورمر."
    found = romanisation("Midsomer Norton is a small town. The incident happened in Midsurmr.", original, "ar")
    assert [(f.text, f.suggestion) for f in found] == [("Midsurmr", "Midsomer")]
    assert not romanisation("Midsomer Norton is a small town. The incident happened in Midsomer.", original, "ar")


def test_guessed_case_of_an_unknown_name_is_no_case_ending() -> None:
    # pymorphy3 does not know Тромбини and guesses a plural by its ending: no stem to restore.
    assert not romanisation("Yesterday Trombini spoke in parliament.", "Вчера Тромбини выступил в парламенте.", "ru")
    # Латинской is a dictionary word in the genitive: its stem's word is suggested, the most
    # frequent of those that sound alike (Latin, not the census name Lattin).
    found = romanisation("The Latinsk quarter was quiet.", "В Латинской четверти было тихо.", "ru")
    assert [(f.text, f.suggestion) for f in found] == [("Latinsk", "Latin")]
