"""Language codes (BCP-47) and target-language detection."""

from __future__ import annotations

import lzma
import os
import re
import shutil
from pathlib import Path
from typing import Any

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


# Plain primary tags that langcodes keeps as they are and calls valid (a test holds this list
# to langcodes): they skip importing it (0.04-0.07 CPU s, its data tables).
# fmt: off
CANONICAL = frozenset((
    "ar", "be", "bg", "ca", "cs", "da", "de", "el", "en", "es", "et", "fa", "fi", "fr", "ga", "he",
    "hi", "hr", "hu", "hy", "id", "it", "ja", "ka", "kk", "ko", "lt", "lv", "mk", "ms", "nl", "no",
    "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "th", "tr", "uk", "ur", "uz", "vi", "zh",
))
# fmt: on


def normalize_language(code: str) -> str:
    """Validate a BCP-47 tag and return it in canonical case (``pt-br`` → ``pt-BR``)."""
    code = code.strip().replace("_", "-")
    if code in CANONICAL:
        return code
    if not _BCP47.match(code):
        raise ConfigError(f"{code!r} is not a BCP-47 language code (examples: ar, en, uk, pt-BR)")
    import langcodes

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
    """Guess the language of ``text`` with py3langid (97 languages, normalised probability).

    On a paragraph or more of news text it is reliable (well above 0.99 probability);
    below a couple of sentences, or on mixed-language text, pass ``--target-lang``.
    """
    lang, prob = _identifier().classify(text[:20000])
    return str(lang), float(prob)


def _identifier() -> Any:
    """py3langid's identifier, its model mapped from an unpacked copy when possible.

    The package ships its model LZMA-compressed; decompressing costs ~0.4 s on every start,
    more than the rest of a model-free check. We unpack it once into the user cache, one
    ``.npy`` file per array, and map those into memory afterwards (``mmap_mode``, no
    pickle): a text touches only the rows of the features it has, so a start reads a few
    pages instead of 68 MB (0.13 → 0.01 CPU s, and as much less memory).
    """
    import numpy as np
    import py3langid
    from py3langid import langid

    # the package states its version; asking importlib.metadata scans every installed
    # distribution (0.04 CPU s at every start)
    version = getattr(py3langid, "__version__", None) or _package_version("py3langid")
    folder = _cache_dir() / f"py3langid-{version}-model"
    if not folder.is_dir():
        try:
            _unpack_model(folder)
        except OSError:  # read-only home, full disk: the packaged model still works
            return langid.LanguageIdentifier.from_model_file(langid.MODEL_FILE, norm_probs=True)

    def mapped(name: str) -> Any:
        return np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)

    return langid.LanguageIdentifier(
        mapped("ptc"),
        np.array(mapped("pc")),
        mapped("classes").tolist(),
        # the automaton's table, read a byte of text at a time: indexed as py3langid's
        # stdlib array would be, from the mapped file
        memoryview(mapped("nextmove")),
        mapped("out_feat").tolist(),
        norm_probs=True,
        tk_row=memoryview(mapped("nextmove_row")),
    )


def _unpack_model(folder: Path) -> None:
    """py3langid's packaged model as one ``.npy`` file per array in ``folder`` (made whole, then renamed)."""
    import tempfile

    import numpy as np
    from py3langid import langid

    folder.parent.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(dir=folder.parent, prefix=folder.name, suffix=".part"))
    try:
        with tempfile.TemporaryFile(dir=folder.parent) as npz:
            with lzma.open(langid.MODEL_DIR / langid.MODEL_FILE) as src:
                shutil.copyfileobj(src, npz, length=1 << 20)
            npz.seek(0)
            with np.load(npz, allow_pickle=False) as data:
                for name in ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat"):
                    np.save(partial / f"{name}.npy", np.ascontiguousarray(data[name]), allow_pickle=False)
        try:
            partial.rename(folder)  # a concurrent run never maps a half-written model
        except OSError:
            if not folder.is_dir():
                raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def _cache_dir() -> Path:
    import platformdirs

    return Path(os.environ.get("MTCHECK_CACHE_DIR") or platformdirs.user_cache_dir("mtcheck"))


def _package_version(name: str) -> str:
    from importlib.metadata import version

    return version(name)
