"""The checks made cheap for issue 14 find exactly what they found before.

Catalogues are generated (seeded, so a failure replays) in Arabic, Ukrainian and Russian,
plus an English one translated from Russian, with the kinds of text each check looks at
injected on purpose: look-alike letters, invisible and bidi characters, words left in
Latin script beside code, names and acronyms, repeated sources and translations with
accelerators, trailing colons and odd spaces. Each optimised check is run beside the old
code (:mod:`tests.findings_reference`, kept as code, not as recorded output) and the
hits must be the same, in the same order.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable

import pytest

from mtcheck.checks.base import CheckContext, Hit
from mtcheck.config import Config
from mtcheck.names.termbase import PREFERRED, Concept, Term, Termbase
from mtcheck.registry import CHECKS
from mtcheck.types import Document, Location, Segment
from tests import findings_reference as reference


def _split(text: str) -> list[str]:
    return text.split()


WORDS = {
    "ru": _split("файл Файл открыть Открыть сохранить папка документ настройки ошибка всё ещё изображение Цвет")
    + _split("цветом обводки"),
    "uk": _split("файл Файл відкрити Відкрити зберегти тека документ налаштування помилка їжак ґанок Київ")
    + _split("Києві кольором"),
    "ar": _split("ملف فتح حفظ مجلد مستند إعدادات خطأ الملف بالملف صورة"),
    "en": _split("file File open Open save folder document settings error the of image colour Colour"),
}
LATIN = _split(
    "File file Open open Save the of USB ID Firefox GTK OAuth2 read-bytes eMachines x Inkscape's HTTP http "
    "Forbidden Rules café naïve level tail stat small"
)
CODE = _split(
    "%s %d {0} $HOME <b> </b> &amp; https://example.com/a user@example.org Ctrl+click sr@latin stdio.h (ar) "
    "--sysv #textLabels *.zip"
)
# numbers as catalogues write them: grouped, scaled, measured, clock times, other digits
NUMBERS = _split("2 12 1,000.5 1\u00a0000,5 ١٢ ۱۲ 3 11\u00a0млрд 30\u00a0miles 5\u00a0км 15:00 7.55am")
NUMBERS += _split("10x11 MP3 30.12.1899 2nd")
OTHER = _split("Ωμέγα σοφία ς ΣΟΦΙΑ straße STRASSE İstanbul ǅemal")
# look-alike pairs (Cyrillic ↔ Latin), and invisible characters of every kind the check knows
LOOKALIKES = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "і": "i", "у": "y"}
INVISIBLE = list(
    "\u200b\u200c\u200d\u2060\u00ad\ufeff\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
SPACES = [" ", " ", " ", "  ", "\u00a0", "\t", "\x1c", "\u2028", "\n", "\u3000"]
DECORATIONS = ["", "", "", "...", "…", ":", "：", ": ", "... ", " (_F)", "\n"]


def _lookalike(word: str, rng: random.Random) -> str:
    spots = [i for i, c in enumerate(word) if c.lower() in LOOKALIKES or c in LOOKALIKES.values()]
    if not spots:
        return word
    i = rng.choice(spots)
    c = word[i]
    back = {v: k for k, v in LOOKALIKES.items()}
    swapped = LOOKALIKES.get(c.lower(), back.get(c, c))
    return word[:i] + (swapped.upper() if c.isupper() else swapped) + word[i + 1 :]


def _decorate(text: str, rng: random.Random) -> str:
    """Accelerators, trailing punctuation and spacing that the consistency checks see through."""
    if rng.random() < 0.2 and text:
        i = rng.randrange(len(text))
        text = text[:i] + rng.choice("_&~") + text[i:]
    return text + rng.choice(DECORATIONS)


def _text(lang: str, rng: random.Random, source_words: list[str]) -> str:
    words: list[str] = []
    for _ in range(rng.randint(1, 7)):
        roll = rng.random()
        if roll < 0.55:
            word = rng.choice(WORDS[lang])
        elif roll < 0.7:
            word = rng.choice(source_words or LATIN)  # copied from the source
        elif roll < 0.8:
            word = rng.choice(LATIN)
        elif roll < 0.88:
            word = rng.choice(CODE)
        elif roll < 0.91:
            word = rng.choice(OTHER)
        elif roll < 0.95:
            word = rng.choice(NUMBERS)
        else:
            word = rng.choice(WORDS["ru" if lang != "ru" else "uk"])
        if rng.random() < 0.08:
            word = _lookalike(word, rng)
        if rng.random() < 0.06:
            i = rng.randrange(len(word) + 1)
            word = word[:i] + rng.choice(INVISIBLE) + word[i:]
        words.append(word)
        if rng.random() < 0.05:
            words.append(word if rng.random() < 0.5 else word.upper())  # typed twice
    text = words[0]
    for word in words[1:]:
        text += rng.choice(SPACES) + word
    if rng.random() < 0.05:
        text = rng.choice(INVISIBLE) + text + rng.choice(INVISIBLE)
    return text


def _catalogue(lang: str, rng: random.Random, index: int, source_lang: str = "en") -> Document:
    path = f"gen/{lang}-{index}.po"
    sources = [_text(source_lang, rng, []) for _ in range(25)]
    translations = {s: [_text(lang, rng, s.split()) for _ in range(3)] for s in sources}
    segments = []
    for n in range(160):
        source = rng.choice(sources)
        target = _decorate(rng.choice(translations[source]), rng) if rng.random() < 0.9 else _text(lang, rng, [])
        flags = rng.choice(
            [frozenset(), frozenset(), frozenset({"fuzzy"}), frozenset({"plural"}), frozenset({"c-format"})]
        )
        if rng.random() < 0.03:
            target = source  # a whole copy
        if rng.random() < 0.03:
            target = ""
        context = rng.choice([None, None, None, "menu"])
        uid = f"{context} | {source}" if context else source
        segments.append(
            Segment(
                f"u{n}", target, _decorate(source, rng), Location(path, 3 * n + 1, 8, uid), flags=flags, context=context
            )
        )
    return Document(path, source_lang, lang, tuple(segments), format="po")


def _documents(seed: int) -> tuple[Document, ...]:
    rng = random.Random(seed)
    docs = [_catalogue(lang, rng, i) for lang in ("ar", "uk", "ru") for i in range(2)]
    docs.append(_catalogue("en", rng, 0, source_lang="ru"))
    return tuple(docs)


Check = Callable[[CheckContext], Iterable[Hit]]
DOCUMENT_CHECKS: dict[str, Check] = {
    "confusable-letters": reference.confusable_letters,
    "hidden-character": reference.hidden_character,
    "untranslated-script": reference.untranslated_script,
    "repeated-word": reference.repeated_word,
    "urls": reference.urls,
    "emails": reference.emails,
    "numbers": reference.numbers,
}
RUN_CHECKS: dict[str, Check] = {
    "target-inconsistency": reference.target_inconsistency,
    "source-inconsistency": reference.source_inconsistency,
}


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("check_id", sorted(DOCUMENT_CHECKS))
def test_document_checks_find_what_the_old_code_found(check_id: str, seed: int) -> None:
    docs = _documents(seed)
    found_any = False
    for doc in docs:
        new = list(CHECKS.get(check_id).run(CheckContext(document=doc, config=Config())))
        old = list(DOCUMENT_CHECKS[check_id](CheckContext(document=doc, config=Config())))
        assert new == old, doc.path
        found_any = found_any or bool(old)
    assert found_any  # the generated text does hold what the check looks for


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize("check_id", sorted(RUN_CHECKS))
def test_run_checks_find_what_the_old_code_found(check_id: str, seed: int) -> None:
    docs = _documents(seed)
    new = list(CHECKS.get(check_id).run(CheckContext(document=docs[0], config=Config(), run_documents=docs)))
    old = list(RUN_CHECKS[check_id](CheckContext(document=docs[0], config=Config(), run_documents=docs)))
    assert new == old
    assert len(old) > 10


@pytest.mark.parametrize(
    "text",
    ["Save:", "Save :", "_Save…", "Save...\n", "S&ave", "Save (_S)", "Save\u00a0 as", "Save\x1cas", "Save::", "a.."],
)
def test_normal_is_the_old_normal(text: str) -> None:
    from mtcheck.checks.consistency import normal

    assert normal(text) == reference.normal(text)


def _ctx(target: str, termbase: Termbase | None = None) -> CheckContext:
    seg = Segment("u0", target, "Rustem Umerov said", Location("t.po", 1, 1, "u0"))
    return CheckContext(document=Document("t.po", "en", "uk", (seg,), format="po"), config=Config(), termbase=termbase)


def test_suspect_rendering_extracts_no_names_with_nothing_to_compare_them_with() -> None:
    """A Cyrillic catalogue, no termbase terms in Ukrainian, no names db: no extraction at all."""
    ctx = _ctx("Рустам Омеров заявив")
    assert list(CHECKS.get("suspect-rendering").run(ctx)) == []
    assert "mentions" not in ctx.names.memo  # nothing was extracted, so no frequency table was read


def test_suspect_rendering_still_compares_with_a_termbase_of_the_language() -> None:
    termbase = Termbase((Concept("c1", (Term("Рустем Умеров", "uk", PREFERRED),)),))
    ctx = _ctx("Рустам Омеров заявив", termbase)
    [hit] = CHECKS.get("suspect-rendering").run(ctx)
    assert hit.suggestion == "Рустем Умеров"


@pytest.mark.parametrize(
    ("source", "target"),
    [("see http", "://x.org"), ("see http:", "//x.org"), ("w", "ww.x.org"), ("ww", "w.x.org"), ("www", ".x.org"),
     ("a", "b"), ("", "www."), ("://", ""), ("ww", "w"), ("http:/", "/")],
)  # fmt: skip
def test_the_url_filter_sees_what_the_joined_text_holds(source: str, target: str) -> None:
    from mtcheck.checks.numbers import _may_hold_url

    both = source + target
    assert _may_hold_url(source, target) == ("://" in both or "www." in both)


def test_the_format_character_scan_finds_every_format_character_unicodedata_knows() -> None:
    import sys
    import unicodedata

    from mtcheck.checks.hidden_characters import _FORMAT_CHAR

    missed = [hex(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"
              and not _FORMAT_CHAR.fullmatch(chr(c))]  # fmt: skip
    assert missed == []


@pytest.mark.parametrize("seed", range(4))
def test_code_spans_are_the_old_code_spans(seed: int) -> None:
    from mtcheck.read.textspans import code_spans

    docs = _documents(seed)
    texts = [t for doc in docs for seg in doc.segments for t in (seg.target, seg.source or "")]
    texts += ["see www.example.com", "WWW.EXAMPLE.COM", "ftp://x.org/a", "mail a@b.org.", "{0} and {{x}}", "$(HOME)",
              "%PRODUCTNAME", "<b>bold</b>", "100% sure", "a.b", "x@y"]  # fmt: skip
    assert [code_spans(t) for t in texts] == [reference.code_spans(t) for t in texts]


def _case_pairs() -> list[tuple[str, str]]:
    """Every pair of distinct characters that regex's case-insensitive matching takes as one."""
    import sys

    import regex

    cased = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000
             and (chr(c).lower() != chr(c) or chr(c).upper() != chr(c) or chr(c).casefold() != chr(c))]  # fmt: skip
    everything = "".join(cased)
    return [(c, d) for c in cased for d in regex.findall(regex.escape(c), everything, flags=regex.IGNORECASE) if d != c]


def test_the_repeat_filter_lets_through_every_doubled_word_the_pattern_finds() -> None:
    from mtcheck.checks.repeated_word import _REPEAT, _may_repeat

    rng = random.Random(7)
    pairs = _case_pairs()
    assert len(pairs) > 2000 and ("I", "\u0131") in pairs  # the Turkic i's are among them
    before = ["", " ", "(", "«", "-", "_", "x", "7", "\u0301", "foo-", "a\u0301"]
    after = ["", " ", ")", ".", ",", "-x", "-", "\u0301", "y", "7", "…"]
    texts = []
    for c, d in pairs:
        stem = "".join(rng.choice("abςσſsßкКяЯ\u0301") for _ in range(rng.randint(0, 3)))
        first, second = (stem + c, stem.upper() + d) if rng.random() < 0.5 else (c + stem, d + stem.swapcase())
        texts.append(rng.choice(before) + first + rng.choice(SPACES) + second + rng.choice(after))
    texts += [f"{a} {b}" for a in ("the", "Ωμέγα", "ΣΟΦΙΑ", "straße", "İstanbul") for b in ("THE", "ωμέγα", "σοφια",
              "STRASSE", "istanbul", "ıstanbul")]  # fmt: skip
    turkic = ["\u0131 I", "\u0130 i", "KIZ k\u0131z", "\u0130L il"]
    matched = [t for t in [*texts, *turkic] if _REPEAT.search(t)]
    assert len(matched) > 500 and set(turkic) <= set(matched)
    assert [t for t in matched if not _may_repeat(t)] == []
    assert not _may_repeat("no word here twice") and _may_repeat("the then")  # a superset: then the pattern decides


def test_one_script_texts_are_told_apart_as_the_full_look_up_tells_them() -> None:
    """mixes_scripts with the document's script (an ICU set) answers as without it, on every kind of character."""
    import sys

    from mtcheck.read.confusables import ScriptTable, mixes_scripts

    rng = random.Random(11)
    pools = ["abcXYZ", "абвгдеёжіїєґ", "абв", "ابتثجحخ", "αβγΩ", "אבג", "一二中", "ᄀ가", "\u0301\u064b\u0300",
             "0123٠١٢۱۲ ,.;:!?()«»—…%$@", "\u200b\u200d\u00ad\ufeff", "\ue000\U000f0000",
             "😀🇺🇦", "\U0001d400ℂⅫ"]  # fmt: skip
    chars = "".join(pools) + "".join(chr(rng.randrange(0x20, sys.maxunicode)) for _ in range(300))
    chars = "".join(c for c in chars if not 0xD800 <= ord(c) < 0xE000)
    table = ScriptTable()
    for script in ("Cyrl", "Arab", "Latn", "Grek", "Hani", "Jpan", "Hebr"):
        texts = ["", "%s", "абв abc"]
        for _ in range(1500):
            pool = rng.choice(pools) if rng.random() < 0.8 else chars
            texts.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 12))))
            texts.append(texts[-1] + rng.choice(chars))
        assert [mixes_scripts(t, table, script) for t in texts] == [mixes_scripts(t, table) for t in texts], script


@pytest.mark.parametrize("seed", range(2))
def test_checks_sharing_a_context_find_what_each_finds_alone(seed: int) -> None:
    """confusable-letters and untranslated-script share their word spans through the context's memo."""
    from mtcheck.read.words import iter_words, word_spans

    ids = ["confusable-letters", "untranslated-script", "confusable-letters"]
    for doc in _documents(seed):
        shared = CheckContext(document=doc, config=Config())
        together = [list(CHECKS.get(i).run(shared)) for i in ids]
        alone = [list(CHECKS.get(i).run(CheckContext(document=doc, config=Config()))) for i in ids]
        assert together == alone and shared.memo["word_spans"]
        assert all(word_spans(t, {}) == list(iter_words(t)) for t in shared.memo["word_spans"])


def test_the_letter_scan_finds_every_letter_and_summaries_keep_their_letterless_units() -> None:
    import sys

    from mtcheck.checks.consistency import _MAYBE_LETTER, summarise

    missed = [hex(c) for c in range(sys.maxunicode + 1) if chr(c).isalpha() and not _MAYBE_LETTER.fullmatch(chr(c))]
    assert missed == []
    docs = list(_documents(0))
    extra = ["²", "%s ²", "² x", "½", "—", "", "١٢", "Ⅻ", "ǅ", "x"]
    segs = [Segment(f"e{k}", t, "source", Location("e.po", k + 1, 1, f"e{k}")) for k, t in enumerate(extra)]
    docs.append(Document("e.po", "en", "uk", tuple(segs), format="po"))
    for doc in docs:
        old = [i for i, seg in enumerate(doc.segments) if seg.source and seg.target and "plural" not in seg.flags
               and "fuzzy" not in seg.flags and not any(c.isalpha() for c in seg.target)]  # fmt: skip
        assert summarise(doc)["letterless"] == old
    assert summarise(docs[-1])["letterless"] == [0, 3, 4, 6, 7]  # "Ⅻ" is a numeral, "²" too
