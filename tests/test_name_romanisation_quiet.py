"""name-romanisation stays quiet on names written right (authentic English, invented names) and
still fires on the re-romanised or spelled-back forms each rule is about. One test a rule: the
clean case quiet, the real error still flagged."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.romanise import english_inflection, keeps_syllables
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity


def romanisation(translation: str, original: str, source_lang: str) -> list[Finding]:
    config = Config(model=ModelSettings(enabled=False), use_gazetteer=False)
    report = check_text(translation, source_lang=source_lang, target_lang="en", original=original, config=config)
    return [f for f in report.findings if f.check == "name-romanisation"]


def warnings(found: list[Finding]) -> list[tuple[str, str | None]]:
    return [(f.text, f.suggestion) for f in found if f.severity >= Severity.WARNING]


def test_rendering_that_leaves_the_case_ending_out_is_compared_as_its_stem() -> None:
    # Таєла is the genitive of an invented Таєл, written "Tayel" as English writes any name,
    # undeclined: the -а is no part of the name, so "Tail" (Таєла's sound) is not what it should be.
    original = "Ми чекали на Таєла. Таєл не прийшов."
    assert not romanisation("We waited for Tayel. Tayel did not come.", original, "uk")
    # the vocative's -е neither: "Chile" is no name for Шаєл
    assert not romanisation("“Come here, Shayel!” Shayel came.", "«Ходи сюди, Шаєле!» Шаєл підійшов.", "uk")
    # A stem that is itself an English name spelled back is still flagged, in either case.
    found = romanisation(
        "We saw Kayl by the river. Kayl smiled.", "Ми побачили Кайла біля річки. Кайл усміхнувся.", "uk"
    )
    assert warnings(found) == [("Kayl", "Kyle"), ("Kayl", "Kyle")]


def test_frequent_word_opening_a_sentence_is_no_name_form() -> None:
    # "Will you come" opens a sentence inside the segment: the word will, not a spelling of Вілл.
    original = "Вчора Вілл кивнув. «Добре, Вілле! Підеш з нами?» Вілл пішов."
    quiet = "Yesterday Vill nodded. “Fine, Vill! Will you come with us?” Vill left."
    assert not romanisation(quiet, original, "uk")
    # Will inside a sentence is the name written otherwise: Vill is the slip.
    slip = "Yesterday Vill nodded. “Fine, Vill! Then Will came with us.” Vill left."
    assert {f.suggestion for f in romanisation(slip, original, "uk")} == {"Will"}


def test_english_plural_or_possessive_is_one_word() -> None:
    assert english_inflection("Mordens", "Morden")
    assert english_inflection("Rangers", "Ranger")
    assert english_inflection("Gobblins", "Goblin")  # a doubled letter tells romanisations nothing
    assert not english_inflection("Mordan", "Morden")
    assert not english_inflection("Tomas", "Thomas")
    # "Mordens radio" is Morden's radio without its apostrophe, not another spelling of Мордена.
    original = "Рація Мордена затріщала. Морден відповів. Морден пішов."
    assert not romanisation("Mordens radio crackled. Morden answered. Morden left.", original, "uk")


def test_cyrillic_diphthong_is_no_english_short_vowel() -> None:
    # ей is English [eɪ]: a, ai, ay, ey… (Mason, Payne), never a lone short e or i (Devin, Mel).
    assert keeps_syllables("Meyson", "Mason", "Мейсон")
    assert keeps_syllables("Peyn", "Payne", "Пейн")
    assert keeps_syllables("Kayl", "Kyle", "Кайл")
    assert not keeps_syllables("Meyl", "Mel", "Мейл")
    assert not keeps_syllables("Deyven", "Devin", "Дейвен")
    assert not romanisation("Yesterday Deyven spoke in parliament.", "Вчора Дейвен виступив у парламенті.", "uk")
    # and where English spells the diphthong so, the romanisation is still flagged (Penn, a short
    # e, is no longer offered for Пейн's "Peyn"; Reagan is, over Regan, for Рейган's "Reygan")
    found = romanisation("Yesterday Keyt spoke in parliament.", "Вчора Кейт виступила в парламенті.", "uk")
    assert warnings(found) == [("Keyt", "Kate")]
    found = romanisation("Yesterday Reygan spoke in parliament.", "Вчора Рейган виступив у парламенті.", "uk")
    assert warnings(found) == [("Reygan", "Reagan")]


def test_arabic_final_vowel_letter_is_the_forms_final_vowel() -> None:
    # ya ends كاروليني: its name ends in i, not in the a that alif writes (Carolina is كارولينا).
    assert not keeps_syllables("Karolini", "Carolina", "كاروليني")
    assert keeps_syllables("Karolina", "Carolina", "كارولينا")
    assert not romanisation("Karolini said the agreement was important.", "قال كاروليني إن الاتفاق مهم.", "ar")
    found = romanisation("Karulina said the agreement was important.", "قالت كارولينا إن الاتفاق مهم.", "ar")
    assert warnings(found) == [("Karulina", "Carolina")]
