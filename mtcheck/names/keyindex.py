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

# rapidfuzz ratio (0..100) between two keys below which their names are never similar enough.
# Names at similarity 0.88 (the same-script bar) had keys at ratio 87.5 or more in a sweep over
# 27,000 pairs of made-up names; the margin below keeps near misses of other lengths.
KEY_MARGIN = 20
LOOSEST_CUTOFF = 50
# At most this many forms are scored per word: the closest keys.
CANDIDATES = 10


class FormIndex:
    """Forms grouped by word count, with their keys, for ``best`` lookups."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.by_length: dict[int, list[str]] = {}
        for form in dict.fromkeys(forms):
            self.by_length.setdefault(len(form.split()), []).append(form)
        self.keys = {n: [translit.key(f) for f in group] for n, group in self.by_length.items()}
        self.exact = {n: {f.casefold(): f for f in group} for n, group in self.by_length.items()}
        self.lengths = sorted(self.by_length, reverse=True)
        # A long article repeats its words: each is scored once (per index, so per document).
        self._best: dict[tuple[str, int, float], tuple[str, float]] = {}

    def candidates(self, text: str, n: int, threshold: float = 0.0) -> list[str]:
        """Forms of ``n`` words whose key is close to ``text``'s (for a ``threshold`` of similarity)."""
        from rapidfuzz import fuzz, process

        keys = self.keys.get(n)
        if not keys:
            return []
        wanted = translit.key(text)
        if not wanted:
            return []
        cutoff = max(LOOSEST_CUTOFF, 100 * threshold - KEY_MARGIN)
        found = process.extract(wanted, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=CANDIDATES)
        return [self.by_length[n][index] for _key, _ratio, index in found]

    def best(self, text: str, n: int, threshold: float) -> tuple[str, float]:
        """The form of ``n`` words most similar to ``text`` (score >= ``threshold``), or ("", 0)."""
        exact = self.exact.get(n, {}).get(text.casefold())
        if exact is not None:
            return exact, 1.0
        memo = (text, n, threshold)
        if memo not in self._best:
            best = ("", 0.0)
            for form in self.candidates(text, n, threshold):
                score = translit.similarity(text, form)
                if score >= threshold and score > best[1]:
                    best = (form, score)
            self._best[memo] = best
        return self._best[memo]
