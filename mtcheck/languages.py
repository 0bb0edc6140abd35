"""Language codes (BCP-47) and target-language detection."""

from __future__ import annotations

import re

from mtcheck.errors import ConfigError

# BCP-47 shape: a 2-3 letter primary subtag, then optional script/region/variant subtags.
_BCP47 = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")

# The languages mtcheck's segmenter, name checks and registry know; others still work
# through fallbacks, so this only decides what "detect" may answer.
SCRIPT_OF = {
    "ar": "Arab", "fa": "Arab", "ur": "Arab",
    "ru": "Cyrl", "uk": "Cyrl", "be": "Cyrl", "bg": "Cyrl", "sr": "Cyrl", "mk": "Cyrl", "kk": "Cyrl",
    "he": "Hebr", "el": "Grek", "zh": "Hani", "ja": "Jpan", "ko": "Kore",
}  # fmt: skip


def normalize_language(code: str) -> str:
    """Validate a BCP-47 tag and return it in canonical case (``pt-br`` → ``pt-BR``)."""
    import langcodes

    code = code.strip().replace("_", "-")
    if not _BCP47.match(code):
        raise ConfigError(f"{code!r} is not a BCP-47 language code (examples: ar, en, uk, pt-BR)")
    try:
        tag = langcodes.Language.get(code)
    except (ValueError, LookupError) as exc:
        raise ConfigError(f"{code!r} is not a BCP-47 language code ({exc})") from None
    if not tag.is_valid():
        raise ConfigError(f"{code!r} is not a known language code (examples: ar, en, uk, pt-BR)")
    return str(tag)


def base_language(code: str) -> str:
    """The primary subtag: ``en-GB`` → ``en``."""
    return code.split("-", 1)[0].lower()


def script_of(code: str) -> str:
    """ISO 15924 script a language is usually written in (Latin when unknown)."""
    return SCRIPT_OF.get(base_language(code), "Latn")


def detect_language(text: str) -> tuple[str, float]:
    """Guess the language of ``text`` with py3langid (97 languages, normalised probability;
    its model is an npz file loaded without pickle).

    On a paragraph or more of news text it is reliable (well above 0.99 probability);
    below a couple of sentences, or on mixed-language text, pass ``--target-lang``.
    """
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    lang, prob = identifier.classify(text[:20000])
    return str(lang), float(prob)
