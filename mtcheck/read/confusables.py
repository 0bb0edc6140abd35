"""Look-alike letters from another script inside a word ("Zelеnsky" with a Cyrillic е).

Unicode's confusables data (UTS #39), through ICU's spoof checker: a letter's
*skeleton* is the prototype it is confused with (Cyrillic е → e, Ukrainian і → i). A
word is suspect when it mixes scripts and every letter of the minority script has a
look-alike in the word's main script, so the word reads as one script but is spelt in
two. Real mixed usage is left alone: a Latin brand in Cyrillic text ("iPhone") is one
script, and parts joined by a hyphen ("PDF-файл", "Wi-Fi") are judged one by one.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

# word parts: a hyphen or apostrophe may join parts of different scripts on purpose
_PART = regex.compile(r"[\p{L}\p{M}]+")


@dataclass(frozen=True)
class Confusable:
    """One look-alike letter: where it stands in the word, and the letter it imitates."""

    offset: int
    char: str
    script: str
    intended: str
    intended_script: str

    def describe(self) -> str:
        import unicodedata

        return (
            f"U+{ord(self.char):04X} {unicodedata.name(self.char, '?')} looks like "
            f"U+{ord(self.intended):04X} {unicodedata.name(self.intended, '?')}"
        )


@functools.cache
def _spoof() -> Any:
    import icu

    return icu.SpoofChecker()


@functools.cache
def _script(char: str) -> str:
    import icu

    return str(icu.Script.getScript(char).getShortName())


@functools.cache
def _lookalike(char: str, script: str) -> str | None:
    """A letter of ``script`` with the same confusable skeleton as ``char``, if there is one."""
    skeleton = _spoof().getSkeleton(0, char)
    for candidate in _letters_by_skeleton(script).get(skeleton, ()):
        if candidate != char:
            return candidate
    return None


@functools.cache
def _letters_by_skeleton(script: str) -> dict[str, tuple[str, ...]]:
    # every letter of the script by its skeleton; the lowest code point first (the
    # basic letter rather than a rare one: Latin "e" before "ｅ"-like forms)
    import icu

    table: dict[str, list[str]] = {}
    for char in icu.UnicodeSet(f"[[:Script={script}:]&[:L:]]"):
        table.setdefault(_spoof().getSkeleton(0, char), []).append(char)
    return {k: tuple(sorted(v)) for k, v in table.items()}


class ScriptTable(dict[str, str]):
    """Character → its script for the letters (ICU), "" for the rest; filled as characters come.

    One per check run, not per process: a table is a dict lookup where :func:`_script` is a
    function call, and :func:`mixes_scripts` asks it about every distinct character of
    every segment.
    """

    def __missing__(self, char: str) -> str:
        script = _script(char) if char.isalpha() else ""
        self[char] = script
        return script


_NO_SCRIPT = frozenset({"", "Zyyy", "Zinh"})


@functools.cache
def _within(script: str) -> Any:
    """ICU's set of the characters of ``script``, Common and Inherited (frozen: safe to share
    between threads); None for a script ICU does not know."""
    import icu

    try:
        chars = icu.UnicodeSet(f"[[:Script={script}:][:Script=Common:][:Script=Inherited:]]")
    except icu.ICUError:
        return None
    chars.freeze()
    return chars


def mixes_scripts(text: str, table: ScriptTable | None = None, script: str | None = None) -> bool:
    """Whether the letters of ``text`` belong to two scripts or more (common and inherited aside).

    A text whose letters are all of one script has no look-alike of another: the checks ask
    this first, over the text's distinct characters, and most segments stop here.
    ``script`` (ISO 15924), the script most texts asked about are in (a document's): a text
    whose every character is of that script, Common or Inherited mixes none, which one ICU
    call tells, from the same script data :func:`_script` reads, for most segments of a
    catalogue, where a look-up a distinct character took four times as long over a run.
    """
    if script is not None:
        within = _within(script)
        if within is not None and within.containsAll(text):
            return False
    scripts = set(map((table if table is not None else ScriptTable()).__getitem__, set(text)))
    return len(scripts - _NO_SCRIPT) > 1


def confusables(word: str, preferred_script: str | None = None, table: ScriptTable | None = None) -> list[Confusable]:
    """The look-alike letters of ``word``: empty unless a part mixes scripts confusably.

    ``table``: a :class:`ScriptTable` to reuse over many words (one is made when none is given).
    """
    if word.isascii() or not mixes_scripts(word, table):
        return []  # ASCII letters are all Latin; a part mixes scripts only if the word does
    found: list[Confusable] = []
    for part in _PART.finditer(word):
        found.extend(_in_part(part.group(), part.start(), preferred_script))
    return found


def _in_part(part: str, offset: int, preferred: str | None) -> Iterator[Confusable]:
    scripts = [_script(c) if c.isalpha() else "" for c in part]
    counts: dict[str, int] = {}
    for script in scripts:
        if script and script not in ("Zyyy", "Zinh"):
            counts[script] = counts.get(script, 0) + 1
    if len(counts) < 2:
        return
    # the main script: the one most letters are in; on a tie, the text's own script
    main = max(counts, key=lambda s: (counts[s], s == preferred))
    hits = []
    for i, (char, script) in enumerate(zip(part, scripts, strict=True)):
        if script and script != main and script in counts:
            intended = _lookalike(char, main)
            if intended is None:
                return  # a letter with no look-alike: real mixed usage, not a disguise
            hits.append(Confusable(offset + i, char, script, intended, main))
    yield from hits
