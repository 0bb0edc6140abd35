"""numbers, urls, emails, untranslated and fuzzy."""

from __future__ import annotations

import pytest

from mtcheck.config import Config
from mtcheck.types import Severity
from tests.loc_fixtures import doc, hits, one, unit


@pytest.mark.parametrize(
    ("source", "target", "lang"),
    [
        ("Page 1 of 12", "Сторінка 1 з 12", "uk"),
        ("Page 1 of 12", "الصفحة ١ من ١٢", "ar"),  # Arabic-Indic digits are the same numbers
        ("Page 1 of 12", "الصفحة ۱ من ۱۲", "fa"),  # so are Extended Arabic-Indic ones
        ("1,000.5 MB", "1 000,5 МБ", "uk"),  # locale separators
        ("1,000.5 MB", "١٬٠٠٠٫٥ ميغابايت", "ar"),
        ("Open %1$s on port 8080", "Відкрити %1$s на порту 8080", "uk"),
        ("Use MP3 or x86", "Використовуйте MP3 або x86", "uk"),
        ("See https://example.org/2", "Див. https://example.org/2", "uk"),
        ("Sets 12/30/1899 as day zero.", "Задаёт 30.12.1899 в качестве нулевого дня.", "ru"),  # date order
        ("Sort 1, 2, 3", "Сортувати 1,2,3", "uk"),
        ("Between 1583 and 9956", "بين 1583 و9956", "ar"),  # "و" (and) is written onto the number
        ("Control 10x11", "Управление 10×11", "ru"),
        ("Icon 180x180", "Піктограма 180⨯180", "uk"),
        ("Key K2", "المفتاح ك2", "ar"),  # part of a name on both sides
        ("translator-credits", "Olena <olena@example.org>, 2021", "uk"),
        ("hexagon/six-pointed star", "шестикутник/зірка з 6 променями", "uk"),  # the source spells it out
        ("Canadian (intl., 1st part)", "الكندية (عالمية، الجزء الأول)", "ar"),  # an ordinal spelled out
    ],
)
def test_same_numbers_are_quiet(source: str, target: str, lang: str) -> None:
    assert one("numbers", source, target, tgt=lang) == []


@pytest.mark.parametrize(
    ("source", "target", "subject", "problem"),
    [
        ("Page 1 of 12", "Сторінка 1 з 21", "12", "missing"),
        ("Page 1 of 12", "الصفحة ١ من ١٣", "13", "extra"),
        ("Wait 30 seconds", "Зачекайте секунд", "30", "missing"),
        ("Version 2.5", "Версія 2.6", "26", "extra"),
    ],
)
def test_changed_numbers_fire(source: str, target: str, subject: str, problem: str) -> None:
    found = one("numbers", source, target)
    assert any(h.evidence["subject"] == subject and h.evidence["problem"] == problem for h in found), found


def test_urls() -> None:
    assert one("urls", "See https://example.org/help.", "Див. https://example.org/help.") == []
    # a localised path on the same host is a translation
    assert one("urls", "See https://support.example.org/en-US/kb", "Див. https://support.example.org/uk/kb") == []
    [missing] = one("urls", "See https://example.org/help", "Див. довідку")
    assert missing.evidence == {"subject": "https://example.org/help", "problem": "missing"}
    found = one("urls", "See https://example.org/help", "Див. https://evil.example.net/help")
    assert {h.evidence["problem"] for h in found} == {"missing", "extra"}


def test_emails() -> None:
    assert one("emails", "Write to bugs@example.org.", "Пишіть на bugs@example.org.") == []
    found = one("emails", "Write to bugs@example.org", "Пишіть на bugs@example.com")
    assert sorted(h.evidence["problem"] for h in found) == ["extra", "missing"]


def test_untranslated_empty_and_copied_long_source() -> None:
    assert [h.message for h in one("untranslated", "Delete all items", "")] == ["not translated (empty target)"]
    [copy] = one("untranslated", "Delete all selected items", "Delete all selected items")
    assert "copy" in copy.message


def test_one_copied_command_name_only_informs_but_a_copied_phrase_warns() -> None:
    [command] = one("untranslated-script", "With -f, tail follows the file", "З -f tail стежить за файлом")
    assert command.severity == Severity.INFO
    [phrase] = one("untranslated-script", "Para is Forbidden Rules", "Абзац: is Forbidden Rules", tgt="ru")
    assert phrase.severity is None  # the check's own severity, warning
    assert phrase.span is not None and phrase.span.of(phrase.segment.target) == "is Forbidden Rules"
    # code next to a command does not make a phrase of it
    [update] = one("untranslated-script", "apt-get update cannot add CD-ROMs", "apt-get update не додає CD-ROM")
    assert update.severity == Severity.INFO and update.span is not None
    assert update.span.of(update.segment.target) == "update"


def test_untranslated_is_quiet_on_short_copies_translations_and_same_language() -> None:
    assert one("untranslated", "%-e %b %Y", "%-e %b %Y") == []  # a date format has no words
    assert one("untranslated", "Cherry CyMotion Master Linux", "Cherry CyMotion Master Linux") == []  # a product
    assert one("untranslated", "Left Shift+Caps Lock", "Left Shift+Caps Lock") == []  # key names
    assert one("untranslated", "Microsoft Comfort Curve 2000", "Microsoft Comfort Curve 2000") == []
    assert one("untranslated", "Firefox Sync", "Firefox Sync") == []  # names and short labels stay
    assert one("untranslated", "Delete all selected items", "Видалити всі вибрані елементи") == []
    same = doc(unit("Delete all selected items", "Delete all selected items"), src="en", tgt="en-GB")
    assert hits("untranslated", same) == []


def test_untranslated_word_threshold_is_configurable() -> None:
    config = Config(thresholds={"untranslated.min_words": 2})
    assert hits("untranslated", doc(unit("Firefox Sync", "Firefox Sync")), config=config)


def test_fuzzy_is_counted_apart() -> None:
    fuzzy = unit("Close", "Закрити", flags=frozenset({"fuzzy"}))
    assert len(hits("fuzzy", doc(fuzzy))) == 1
    assert hits("fuzzy", doc(unit("Close", "Закрити"))) == []
    assert hits("untranslated", doc(fuzzy)) == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Open %s", "Відкрити %s"),  # placeholders are code
        ("Press <b>Save</b>", "Натисніть <b>Зберегти</b>"),
        ("Sync with Firefox", "Синхронізація з Firefox"),  # a name copied from the source
        ("  -s, --sysv      use System V", "  -s, --sysv      використовувати System V"),  # an option
        ("List Id", "Список: ID"),  # an acronym
        ("Mail apt@packages.debian.org", "Пишіть на apt@packages.debian.org"),
        ("sendmail", "sendmail"),  # a whole copy is the untranslated check's to judge
        ("eMachines laptop", "Ноутбук eMachines"),
        ("Arabic (ar)", "Арабська (ar)"),  # a code in brackets
        ("The HTTP server", "خادم http"),  # the source's acronym, lower-cased
        ("Wrap in z-order", "Перехід у напрямку z"),  # one letter: a variable or axis
        ("an HTML page", "HTML-сторінкою"),  # a compound with a Cyrillic part
        ("   erase CHAR    erases", "   erase СИМВОЛ  стирає"),  # an option listed in a help text
        ("with 'auto_start_reverse'", "за допомогою «auto_start_reverse»"),  # an identifier
        ("Expected application/xml", "Очікувалась відповідь application/xml"),
        ("Move by (dx,dy)", "Пересунути на (dx,dy)"),
        ("  %s stdio.h", "  %s stdio.h"),
        ('3rd level of the "&lt; &gt;" key', "3-ій рівень клавіші «&lt; &gt;»"),  # entities are markup
        ("Load fonts from Inkscape's folder", "Завантажувати шрифти з теки Inkscape"),
        ("<b>Ctrl+click</b> to change", "<b>Ctrl+click</b> - змінити"),  # a key combination
        ("usage [last|first|min]", "користування [last|first|min]"),  # alternatives of a syntax
        ("PostScript level 2", "PostScript Level 2"),  # copied with a capital
        ("translator-credits", "Olena Petrenko <olena@example.org>"),
    ],
)
def test_untranslated_script_keeps_code_names_and_acronyms(source: str, target: str) -> None:
    assert one("untranslated-script", source, target) == []


def test_untranslated_script_still_flags_copied_plain_words_and_mixed_letters() -> None:
    [hit] = one("untranslated-script", "Use the small font", "Використовуйте small шрифт")
    assert hit.span is not None and hit.span.of("Використовуйте small шрифт") == "small"
    # a Latin M in a Cyrillic word is a look-alike letter (confusable-letters), not Latin left untranslated
    assert one("untranslated-script", "Mérida", "Mерида", tgt="ru") == []
    [homoglyph] = one("confusable-letters", "Mérida", "Mерида", tgt="ru")
    assert homoglyph.suggestion == "Мерида"


def test_repeated_word_follows_a_source_that_repeats() -> None:
    assert one("repeated-word", " * lnext CHAR    CHAR quotes", " * lnext СИМВОЛ   СИМВОЛ цитує") == []
    assert len(one("repeated-word", "which return TRUE", "які які повертають TRUE")) == 1
