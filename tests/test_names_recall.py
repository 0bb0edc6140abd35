"""Names replaced, dropped or re-romanised, found without a model; clean copy stays quiet."""

from __future__ import annotations

from mtcheck.config import Config, ModelSettings
from mtcheck.names.mentions import ledger
from mtcheck.pipeline import check_text
from mtcheck.types import Finding, Severity

NO_MODEL = Config(model=ModelSettings(enabled=False), select=("name-",))


def names(translation: str, original: str, source_lang: str, target_lang: str) -> list[Finding]:
    report = check_text(
        translation, source_lang=source_lang, target_lang=target_lang, original=original, config=NO_MODEL
    )
    return [f for f in report.findings if f.severity >= Severity.WARNING]


# --------------------------------------------------------------------------- name-mismatch

SHIP = "The hospital ship was stationed off Lombok to treat the victims."


def hints(translation: str, original: str, source_lang: str, target_lang: str) -> list[Finding]:
    report = check_text(
        translation, source_lang=source_lang, target_lang=target_lang, original=original, config=NO_MODEL
    )
    return [f for f in report.findings if f.check == "name-mismatch"]


def test_rare_name_in_place_of_the_originals_is_a_mismatch() -> None:
    # Ферика sounds like nothing anywhere in the original: a name new to it, so a warning.
    found = hints("Плавучий госпіталь стояв біля Ферика, щоб лікувати постраждалих.", SHIP, "en", "uk")
    assert [(f.text, f.severity) for f in found] == [("Ферика", Severity.WARNING)]
    assert "Lombok" in found[0].message


def test_rare_name_the_original_has_elsewhere_is_only_a_hint() -> None:
    # Rarity alone is a hint (on clean wire copy it cost about 0.2 warnings per 1,000 words):
    # here the original names Ferik in another sentence, so it is not new to the original.
    original = SHIP + "\nFerik is a village nearby."
    found = hints("Плавучий госпіталь стояв біля Ферика, щоб лікувати постраждалих.\nФерик — село поблизу.",
                  original, "en", "uk")  # fmt: skip
    assert [(f.text, f.severity) for f in found] == [("Ферика", Severity.INFO)]


def test_the_originals_name_rendered_is_no_mismatch() -> None:
    assert not hints("Плавучий госпіталь стояв біля Ломбока, щоб лікувати постраждалих.", SHIP, "en", "uk")


def test_a_translated_name_is_no_mismatch() -> None:
    # Pacific Ocean is translated (Тихий океан), and the translation adds nothing rare in its place.
    original = "A trough is taking shape over the Pacific Ocean near Fiji."
    assert not hints("Над Тихим океаном біля Фіджі формується улоговина.", original, "en", "uk")


LONDON = "A cyclist has died in a collision in London.\nLondon police said the driver fled."


def test_frequent_name_the_translation_keeps_elsewhere_is_checked() -> None:
    # "London" is a frequent word, but the translation transliterates it: a name it keeps.
    found = hints(
        "Велосипедист загинув у зіткненні в Джакарті.\nПоліція Лондона заявила, що водій утік.", LONDON, "en", "uk"
    )
    # Jakarta is new to the original: a warning (before the rule it was a rarity hint)
    assert [(f.text, f.severity) for f in found] == [("Джакарті", Severity.WARNING)]


def test_frequent_name_kept_is_quiet() -> None:
    assert not hints(
        "Велосипедист загинув у зіткненні в Лондоні.\nПоліція Лондона заявила, що водій утік.", LONDON, "en", "uk"
    )


# --------------------------------------------------------------------------- name-missing


def test_name_said_again_in_the_original_is_only_a_hint_when_dropped() -> None:
    # Every other mention of the translation renders one of the original's own, so the name
    # was dropped here; but a pronoun for a repeated name looks just like this: a hint.
    report = check_text(
        "Ердоган прибув до Берліна в суботу вранці.\nНаступного дня він зустрівся з канцлером для переговорів.",
        source_lang="en",
        target_lang="uk",
        original="Erdogan arrived in Berlin on Saturday morning.\nThe next day Erdogan met the chancellor for talks.",
        config=NO_MODEL,
    )
    [finding] = [f for f in report.findings if f.check == "name-missing"]
    assert finding.severity == Severity.INFO
    assert "dropped here" in finding.message


def test_ledger_tells_a_spare_mention_from_an_owned_one() -> None:
    book = ledger(
        [
            (["Erdogan arrived in Berlin."], ["Ердоган прибув до Берліна."]),
            (["Erdogan met the chancellor."], ["Він зустрівся з канцлером."]),
            (["The talks were long."], ["Переговори Ердогана були довгими."]),
        ]
    )
    # link 2's mention has no owner in its original: the name may have moved there
    assert book.spare_mention(1, "Erdogan", (), "en")
    owned = ledger([(["Erdogan spoke."], ["Ердоган виступив."]), (["Erdogan left."], ["Він пішов."])])
    assert not owned.spare_mention(1, "Erdogan", (), "en")


# --------------------------------------------------------------------------- name-romanisation


def test_exonym_passed_over_for_a_letter_by_letter_spelling() -> None:
    original = "Толпа кричала: «Да здравствует Испания»."
    found = names("The crowd shouted: “Long live Ispaniya.”", original, "ru", "en")
    assert [(f.check, f.text, f.suggestion) for f in found] == [("name-romanisation", "Ispaniya", "Spain")]


def test_exonym_used_is_quiet() -> None:
    assert not names("The crowd shouted: “Long live Spain.”", "Толпа кричала: «Да здравствует Испания».", "ru", "en")


NEWPORT = "Воры украли деньги в Ньюпорте.\nПолиция Ньюпорта ищет их."


def test_one_original_name_rendered_two_ways_one_unattested() -> None:
    found = names("Thieves stole money in Newport.\nThe Nyuport police are looking for them.", NEWPORT, "ru", "en")
    assert [(f.check, f.text, f.suggestion) for f in found] == [("name-romanisation", "Nyuport", "Newport")]


def test_one_original_name_rendered_one_way_is_quiet() -> None:
    assert not names("Thieves stole money in Newport.\nThe Newport police are looking for them.", NEWPORT, "ru", "en")


CROYDON = "Первый магазин открылся в Кройдоне на юге Лондона."


def test_name_spelled_back_where_the_language_has_the_word() -> None:
    found = names("The first store opened in Kroydon, south London.", CROYDON, "ru", "en")
    assert [(f.check, f.text, f.suggestion) for f in found] == [("name-romanisation", "Kroydon", "Croydon")]


def test_name_in_the_languages_spelling_is_quiet() -> None:
    assert not names("The first store opened in Croydon, south London.", CROYDON, "ru", "en")


def test_name_restored_to_its_own_spelling_is_quiet() -> None:
    # Haeder is no standard romanisation of Хедер (Kheder, Heder): its bearer's own spelling.
    assert not names("So says Mark Haeder, a political scientist.", "Так считает Марк Хедер, политолог.", "ru", "en")


# --------------------------------------------------------------------------- one word of a name

SPOKESMAN = "Many people died, agency spokesman Sutopo Purwo Nugroho told a news conference."
NOMINEE = "The Senate will vote on Brett Kavanaugh next week.\nKavanaugh has denied the allegations."


def test_first_name_dropped_at_the_first_mention_is_a_warning() -> None:
    found = names("Багато людей загинуло, повідомив речник агентства Пурво Нугрохо на пресконференції.",
                  SPOKESMAN, "en", "uk")  # fmt: skip
    assert [(f.check, f.evidence["original_name"], f.evidence["full_name"]) for f in found] == [
        ("name-missing", "Sutopo", "Sutopo Purwo Nugroho")
    ]
    assert SPOKESMAN[slice(*found[0].evidence["original_span"])] == "Sutopo"


def test_name_rendered_in_full_is_quiet() -> None:
    full = "Багато людей загинуло, повідомив речник агентства Сутопо Пурво Нугрохо на пресконференції."
    assert not names(full, SPOKESMAN, "en", "uk")


def test_surname_dropped_is_a_warning() -> None:
    found = names("Сенат наступного тижня проголосує щодо Бретта.\nКавано заперечує звинувачення.",
                  NOMINEE, "en", "uk")  # fmt: skip
    assert [(f.check, f.evidence["original_name"]) for f in found] == [("name-missing", "Kavanaugh")]


def test_first_name_left_out_after_the_first_mention_is_quiet() -> None:
    original = "Brett Kavanaugh was nominated in July.\nThe Senate will vote on Brett Kavanaugh next week."
    shortened = "Бретта Кавано висунули в липні.\nСенат наступного тижня проголосує щодо Кавано."
    assert not names(shortened, original, "en", "uk")


def test_first_name_in_a_spelling_the_comparison_misses_is_quiet() -> None:
    # Шон / Sean sound alike to no transliteration rule, but "Sean" stands right beside Combs.
    found = names("Sean Combs announced a new name.", "Шон Комбс оголосив нове ім'я.", "uk", "en")
    assert not found


def test_translated_word_of_a_name_is_no_loss() -> None:
    # Plaza is a word of Spanish, translated (площа), not a name's word left out.
    original = "On Saturday at Tlatelolco Plaza the president spoke."
    assert not names("У суботу на площі Тлателолко виступив президент.", original, "en", "uk")


# --------------------------------------------------------------------------- a name new to the original

TSUNAMI = "Death toll from Indonesia tsunami rises to 832.\nThe quake struck Indonesia on Friday."


def test_name_new_to_the_whole_original_in_the_place_of_a_lost_one_is_a_warning() -> None:
    # Argentina sounds like nothing anywhere in the original: a swap, though Indonesia is said again.
    found = names("Число загиблих від цунамі в Аргентині зросло до 832.\nЗемлетрус стався в Індонезії в пʼятницю.",
                  TSUNAMI, "en", "uk")  # fmt: skip
    assert [(f.check, f.text, f.evidence["original_name"]) for f in found] == [
        ("name-mismatch", "Аргентині", "Indonesia")
    ]


def test_name_the_original_gives_elsewhere_is_no_swap() -> None:
    # The translation names Lombok where the original names Indonesia, but the original names
    # Lombok in its next sentence: a loose rendering, not a name new to the original.
    original = "Death toll from Indonesia tsunami rises to 832.\nThe quake struck Lombok, Indonesia, on Friday."
    translation = (
        "Число загиблих від цунамі на Ломбоку зросло до 832.\nЗемлетрус стався на Ломбоку, Індонезія, в пʼятницю."
    )
    found = names(translation, original, "en", "uk")
    assert not [f for f in found if f.check == "name-mismatch"]


# --------------------------------------------------------------------------- Arabic false alarms


def test_arabic_adjective_with_the_article_is_no_country() -> None:
    # المالي is "the financial", not the article before مالي (Mali), which never takes one.
    original = "أحضر مستشارك المالي: يمكنه مساعدتك."
    assert not names("Bring in your financial advisor: he can help you.", original, "ar", "en")


def test_abbreviation_of_a_known_name_is_its_counterpart() -> None:
    original = "قالت الولايات المتحدة إنها سترسل المساعدات."
    assert not names("The U.S. said it would send aid.", original, "ar", "en")
    # and a name held inside an abbreviation (British Summer Time) is not a warning either
    original = "وقع الحادث حوالي الساعة 19:30 بالتوقيت الصيفي لبريطانيا."
    assert not names("The incident happened at about 19:30 BST.", original, "ar", "en")


def test_arabic_country_dropped_is_still_a_warning() -> None:
    original = "قالت الولايات المتحدة إنها سترسل المساعدات إلى المكسيك."
    found = names("The U.S. said it would send aid.", original, "ar", "en")
    assert [(f.check, f.evidence["original_name"]) for f in found] == [("name-missing", "المكسيك")]


# --------------------------------------------------------------------------- a sure one-word name dropped

HARBOUR = "The ferry left Ballyhackamore harbour at dawn with forty passengers."


def test_rare_one_word_name_dropped_at_its_first_mention_is_a_warning() -> None:
    # Ballyhackamore is no word of English (nor of the other Latin-script languages), and the
    # aligned sentence has no name-like word left that could render it.
    found = names("Пором вирушив із гавані на світанку з сорока пасажирами.", HARBOUR, "en", "uk")
    assert [(f.check, f.evidence["original_name"]) for f in found] == [("name-missing", "Ballyhackamore")]


def test_rare_one_word_name_rendered_is_quiet() -> None:
    assert not names("Пором вирушив із гавані Беллігекамор на світанку з сорока пасажирами.", HARBOUR, "en", "uk")


def test_frequent_place_dropped_is_a_warning_where_nothing_else_renders_it() -> None:
    # Germany is the original's own; nothing in the translation may stand for Berlin.
    original = "The leaders of France and Germany met for breakfast in Berlin."
    report = check_text(
        "Лідери Франції та Німеччини зустрілися за сніданком.",
        source_lang="en",
        target_lang="uk",
        original=original,
        config=NO_MODEL,
    )
    [finding] = [f for f in report.findings if f.check == "name-missing"]
    assert finding.severity == Severity.WARNING


def test_frequent_place_its_country_may_stand_for_is_only_a_hint() -> None:
    # A capital may stand for its government (Paris → французький уряд): without a model its
    # absence is uncertain.
    report = check_text(
        "У понеділок французький уряд відмовився підписати угоду.",
        source_lang="en",
        target_lang="uk",
        original="On Monday, Paris refused to sign the deal.",
        config=NO_MODEL,
    )
    assert all(f.severity == Severity.INFO for f in report.findings if f.check == "name-missing")


def test_heading_is_no_running_text() -> None:
    # A short heading's capitals mark no names: "Cont." is translated (продовження).
    assert not names("Недільне продовження.", "Sunday Cont.", "en", "uk")


def test_city_rendered_by_an_exonym_the_comparison_misses_is_quiet() -> None:
    # Пекін does not sound like Beijing, but a dictionary noun capitalised inside the sentence is
    # a name-like word left that may render it: a hint at most.
    original = "Experts say that if Beijing plays it right, the pressure will ease."
    assert not names("Експерти вважають, що якщо Пекін правильно скористається ситуацією, тиск спаде.",
                     original, "en", "uk")  # fmt: skip


def test_name_said_before_in_the_original_is_left_to_context() -> None:
    # The second mention of Ballyhackamore may be left out: the reader knows where the ferry is.
    original = HARBOUR + "\nThe ferry returned to Ballyhackamore at noon."
    translation = "Пором вирушив із гавані Беллігекамор на світанку з сорока пасажирами.\nОпівдні пором повернувся."
    assert not names(translation, original, "en", "uk")


def test_word_of_a_title_is_no_sure_name() -> None:
    # Thrones is a word of a title (Game of Thrones), which translators translate.
    original = "He said he would not take part in any Game of Thrones prequels."
    assert not names("Він сказав, що не зніматиметься в жодних пріквелах «Гри престолів».", original, "en", "uk")


# --------------------------------------------------------------------------- a surname replaced

DETECTIVE = "The driver had been emptying an ATM, Det. Dennis McCarthy wrote in the release."


def test_surname_replaced_beside_the_first_name_is_a_mismatch() -> None:
    found = names("Водій спорожняв банкомат, написав детектив Денніс Гонсалес в повідомленні.", DETECTIVE, "en", "uk")
    assert [(f.check, f.text, f.evidence["original_name"]) for f in found] == [
        ("name-mismatch", "Гонсалес", "McCarthy")
    ]


def test_surname_rendered_beside_the_first_name_is_quiet() -> None:
    assert not names(
        "Водій спорожняв банкомат, написав детектив Денніс Маккарті в повідомленні.", DETECTIVE, "en", "uk"
    )


def test_name_dropped_at_its_first_mention_is_a_warning_though_said_again() -> None:
    # The translation names Portavogie only in the second sentence, which renders the original's
    # second mention: the first was dropped, and no pronoun can stand for a first mention.
    original = "The ferry left Portavogie harbour at dawn with forty passengers.\nIt returned to Portavogie at noon."
    translation = "Пором вирушив із гавані на світанку з сорока пасажирами.\nОпівдні він повернувся до Портавогі."
    found = names(translation, original, "en", "uk")
    assert [(f.check, f.evidence["original_name"], f.location.line) for f in found] == [
        ("name-missing", "Portavogie", 1)
    ]


def test_name_left_out_at_a_later_mention_is_only_a_hint() -> None:
    original = "The ferry left Portavogie harbour at dawn with forty passengers.\nIt returned to Portavogie at noon."
    translation = "Пором вирушив із гавані Портавогі на світанку з сорока пасажирами.\nОпівдні він повернувся."
    report = check_text(translation, source_lang="en", target_lang="uk", original=original, config=NO_MODEL)
    assert all(f.severity == Severity.INFO for f in report.findings if f.check == "name-missing")


def test_shouted_or_drawn_out_words_are_no_names_in_place() -> None:
    assert not hints("«БУДЕ НЕЛЕГКО!»", '"GONNA BE TRICKY!"', "en", "uk")
    assert not [
        f for f in hints("Тааааак, хороша штука.", "Yisssss, good stuff.", "en", "uk") if f.severity > Severity.INFO
    ]


# A sentence that gives one name twice, inflected differently: one lost name, one name in its place.
GDANSK = "Мэр Гданьска заявил, что Гданьск примет беженцев."


def test_name_replaced_at_both_its_mentions_in_a_sentence_is_a_mismatch() -> None:
    found = names("The mayor of Tallinn said that Tallinn would take in refugees.", GDANSK, "ru", "en")
    assert [(f.check, f.text) for f in found] == [("name-mismatch", "Tallinn")]


def test_name_kept_at_both_its_mentions_stays_quiet() -> None:
    assert names("The mayor of Gdansk said that Gdansk would take in refugees.", GDANSK, "ru", "en") == []


# --------------------------------------------------------------------------- places the gazetteer knows

BROOKLINE = "Он вырос в Бруклине и учился в Бостоне."


def test_rendering_that_is_another_places_own_name_is_no_misspelling() -> None:
    # GeoNames' Бруклин is Brooklyn; Brookline is a town of its own: no name-transliteration.
    assert names("He grew up in Brookline and studied in Boston.", BROOKLINE, "ru", "en") == []


def test_rendering_that_names_no_place_is_still_flagged() -> None:
    found = names("He grew up in Bruklin and studied in Boston.", BROOKLINE, "ru", "en")
    assert [f.text for f in found] == ["Bruklin"]


BREAKFAST_IN_LONDON = "The leaders met for breakfast in London on Tuesday."


def test_frequent_city_replaced_by_another_place_is_a_mismatch() -> None:
    # Dropped, London is only a hint (a capital may stand for its government); replaced by a
    # place new to the original, it is a swap: the gazetteer's Лондон says what was expected.
    found = names("Лідери зустрілися за сніданком у Болівії у вівторок.", BREAKFAST_IN_LONDON, "en", "uk")
    assert [(f.check, f.text) for f in found] == [("name-mismatch", "Болівії")]


def test_frequent_city_rendered_is_quiet() -> None:
    assert names("Лідери зустрілися за сніданком у Лондоні у вівторок.", BREAKFAST_IN_LONDON, "en", "uk") == []


def test_deprecated_place_form_is_reported_once() -> None:
    # Киеве is in the gazetteer now (a Russian alternate of Kyiv): "Kiev" is deprecated-term's
    # finding, with the house's form, and not a second one from name-transliteration.
    report = check_text(
        "Talks will continue in Kiev next month.",
        source_lang="ru",
        target_lang="en",
        original="Переговоры продолжатся в Киеве в следующем месяце.",
        config=Config(model=ModelSettings(enabled=False)),
    )
    assert [(f.check, f.text, f.suggestion) for f in report.findings if f.severity >= Severity.WARNING] == [
        ("deprecated-term", "Kiev", "Kyiv")
    ]


WHITE_HOUSE = "The White House said on Monday that talks would go on."


def test_translated_alternate_of_another_place_is_no_known_form() -> None:
    # GeoNames lists "White House" among Casablanca's alternates: Білий дім is no failed Казабланка.
    assert names("У понеділок у Білому домі заявили, що переговори триватимуть.", WHITE_HOUSE, "en", "uk") == []


def test_place_whose_own_name_is_everyday_words_is_still_known() -> None:
    found = names("Делегація прибула в понеділок.", "The delegation arrived in New York on Monday.", "en", "uk")
    assert [(f.check, f.evidence["original_name"]) for f in found] == [("name-missing", "New York")]
