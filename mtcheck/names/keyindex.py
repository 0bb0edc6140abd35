"""Known forms (termbase terms, gazetteer names) indexed by transliteration key.

Comparing every word of a document with every known form costs words × forms calls of
:func:`mtcheck.names.translit.similarity` (a 250-line article against a 100-term termbase:
131,000 calls, 20 s). Here the forms' keys (:func:`mtcheck.names.translit.key`, the
consonant-class skeleton) are held once; a word's key is compared with them by rapidfuzz
(C speed), and only the few forms whose keys are close are scored by ``similarity``.
"""

from __future__ import annotations

from collections.abc import Iterable

from mtcheck.names import translit

# rapidfuzz ratio (0..100) between two keys below which their names are never similar enough:
# a name one letter class off a four-letter key still scores 75.
KEY_CUTOFF = 50
# At most this many forms are scored per word: the closest keys.
CANDIDATES = 20


class FormIndex:
    """Forms grouped by word count, with their keys, for ``best`` lookups."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.by_length: dict[int, list[str]] = {}
        for form in dict.fromkeys(forms):
            self.by_length.setdefault(len(form.split()), []).append(form)
        self.keys = {n: [translit.key(f) for f in group] for n, group in self.by_length.items()}
        self.exact = {n: {f.casefold(): f for f in group} for n, group in self.by_length.items()}
        self.lengths = sorted(self.by_length, reverse=True)

    def candidates(self, text: str, n: int) -> list[str]:
        """Forms of ``n`` words whose key is close to ``text``'s."""
        from rapidfuzz import fuzz, process

        keys = self.keys.get(n)
        if not keys:
            return []
        wanted = translit.key(text)
        if not wanted:
            return []
        found = process.extract(wanted, keys, scorer=fuzz.ratio, score_cutoff=KEY_CUTOFF, limit=CANDIDATES)
        return [self.by_length[n][index] for _key, _ratio, index in found]

    def best(self, text: str, n: int, threshold: float) -> tuple[str, float]:
        """The form of ``n`` words most similar to ``text`` (score >= ``threshold``), or ("", 0)."""
        exact = self.exact.get(n, {}).get(text.casefold())
        if exact is not None:
            return exact, 1.0
        best = ("", 0.0)
        for form in self.candidates(text, n):
            score = translit.similarity(text, form)
            if score >= threshold and score > best[1]:
                best = (form, score)
        return best
