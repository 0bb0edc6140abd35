"""Sentence alignment with n:m links, robust to imperfect machine translation.

Dynamic programming over the moves 1:1, 1:2, 2:1, 1:0, 0:1 (2:2 optional), like
Gale–Church, Bleualign and Vecalign. A link's cost combines

* how similar its two sides are: the Dice coefficient of their character n-gram
  multisets (the quantity chrF averages over orders), normalised by the similarity of
  unrelated sentence pairs of the same document, as Vecalign does, so that a
  document whose sides share few n-grams (a poor back-translation, two scripts) is
  not pushed towards merging everything;
* how plausible the two lengths are: the Gale–Church length model.

The DP itself runs a row at a time in numpy (see :func:`_dp`): a 5,000-sentence
document aligns in about 4 seconds on one core.

Why not sacrebleu's ``CHRF.sentence_score`` inside the DP: it costs about 160 µs a call
(measured), and a 5,000-sentence document needs over a million candidate scores, so
minutes. Here the n-grams are hashed into fixed-size count vectors with numpy (one
vectorised pass over the document) and the Dice score of a candidate is a ``minimum``
and a ``sum`` over two rows: all candidates of a 5,000-sentence document score in
about a second. The adequacy scores in the report still come from sacrebleu.

The search is banded: the document is aligned first at a coarse resolution (blocks of
sentences, the whole grid), and each finer level searches only a corridor around the
coarser path (Vecalign's recursive scheme), so time grows linearly with length and a
large omission still finds its way.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

    Matrix = NDArray[np.float32]

Move = tuple[int, int]


@dataclass(frozen=True)
class Link:
    """Source sentences ``source_ids`` correspond to target sentences ``target_ids``.

    Either side may be empty: ``(i,) → ()`` is an omission, ``() → (j,)`` an addition.
    ``score`` is the aligner's similarity of the two sides, 0 to 1.
    """

    source_ids: tuple[int, ...]
    target_ids: tuple[int, ...]
    score: float

    @property
    def kind(self) -> str:
        return f"{len(self.source_ids)}:{len(self.target_ids)}"

    @property
    def is_skip(self) -> bool:
        return not self.source_ids or not self.target_ids


@dataclass(frozen=True)
class Alignment:
    """An ordered, monotone sequence of links covering both sides exactly once."""

    links: tuple[Link, ...]

    def __iter__(self) -> Iterator[Link]:
        return iter(self.links)

    def __len__(self) -> int:
        return len(self.links)

    def link_of_target(self, target_id: int) -> Link | None:
        for link in self.links:
            if target_id in link.target_ids:
                return link
        return None

    def link_of_source(self, source_id: int) -> Link | None:
        for link in self.links:
            if source_id in link.source_ids:
                return link
        return None


@dataclass(frozen=True)
class AlignSettings:
    """The aligner's knobs; defaults were set on the wmt24 en-uk bench (bench/align_bench.py)."""

    moves: tuple[Move, ...] = ((1, 1), (1, 2), (2, 1), (1, 0), (0, 1))
    # weight of the length model against the similarity cost
    length_weight: float = 0.05
    # cost of leaving one sentence unaligned, on the scale where an unrelated pair costs 1
    skip_cost: float = 0.72
    # extra cost of a merge, so that two good 1:1 links beat one 2:2 of the same quality
    merge_cost: float = 0.35
    # penalty when a merge is no more similar than one of its sentences alone
    gain_weight: float = 2.0
    # hashed character n-grams (whitespace removed, lower-cased, as chrF removes spaces)
    orders: tuple[int, ...] = (1, 2, 3, 4)
    dims: int = 2048
    # below this many DP cells, search the whole grid; above, coarse-to-fine
    full_cells: int = 40_000
    level_ratio: int = 4
    # Corridor half-width in units of the finer level. A coarse path one block off is
    # ``level_ratio`` units off below, so the margin must exceed it to be corrected:
    # with 3 the 5,000-line bench document fell to F1 0.85, with 6 it is 0.95.
    margin: int = 6
    # Gale–Church: variance of the length difference per character (their 6.8)
    variance: float = 6.8
    # weight of the anchor term (1 − Dice of the two sides' numbers and names:
    # mtcheck.align.anchors) against the similarity cost; only when the caller passes
    # anchors (no model)
    anchor_weight: float = 0.35  # set on the dev half of bench/align_bench.py (0.25–0.35 tie)
    # a name shared by both sides counts as this many character n-grams
    name_weight: float = 20.0
    anchor_dims: int = 256
    # no-model post-pass (:func:`absorb_splits`): how much a join must improve the length
    # fit of a neighbour link (Gale–Church cost, nats), and how well the join must fit
    split_gain: float = 0.5
    split_fit: float = 1.0
    # a sentence that opens as the continuation of the one before it (``continues``)
    # joins that one's link when the join fits its lengths this well (Gale–Church cost)
    continuation_fit: float = 4.0
    # Paragraphs (no-model alignment, when both sides keep the same paragraphs): cost of a
    # link that starts a paragraph on one side only, or merges across a paragraph break on
    # one side only. Translators of wire copy keep paragraphs, so such a link is mostly an
    # omission absorbed into a merge with the neighbouring paragraph. On the dev half of
    # bench/errors_bench.py (dropped sentences found / split copies flagged / unaligned
    # warnings on clean copies): 0 → 364/409, 15/316, 27; 0.25 → 373, 8, 11; 0.5 → 377,
    # 7, 12; 1.0 the same as 0.5.
    paragraph_weight: float = 0.5
    # absorb_splits: a skip inside a paragraph joins its neighbour when the paragraph's fit
    # to its counterpart with the skip counted, plus this margin, is below its fit without
    # it (Gale–Church costs; a negative margin lets a near tie join). An original sentence left unaligned is where
    # omissions are, so it gets less slack than a target sentence (a translator's split is
    # far more common than an added sentence in professional copy). Dev half as above:
    # original side 0.5 → 377, 7, 15; 0 → 377, 7, 14; −0.5 → 377, 7, 12; −1 → 374, 7, 11
    # (WMT24 lost three omissions). A sentence of the translation only is judged apart
    # (:func:`_paragraph_holds`): no margin, a bound on the paragraph's fit.
    paragraph_margin: float = -0.5


@dataclass(frozen=True)
class _Side:
    lengths: list[float]
    vectors: Matrix | None  # one row per unit; None when aligning by length only
    anchors: Matrix | None = None  # hashed anchor counts per unit (no-model alignment)
    opens: NDArray[np.bool_] | None = None  # per unit: opens as a continuation (no-model alignment)
    paragraphs: NDArray[np.int64] | None = None  # per unit: its paragraph's number (no-model alignment)


# -- features -----------------------------------------------------------------------------


def char_ngram_vectors(texts: Sequence[str], orders: Sequence[int] = (1, 2, 3, 4), dims: int = 2048) -> Matrix:
    """Hashed character n-gram counts, one row per text (spaces removed, lower-cased).

    The hash is a fixed polynomial over code points, so results do not depend on
    Python's per-process string hash seed.
    """
    import numpy as np

    pieces, owner_parts = [], []
    for index, text in enumerate(texts):
        clean = "".join(text.lower().split())
        pieces.append(clean + "\x00")
        owner_parts.append(np.full(len(clean) + 1, index, dtype=np.int64))
        owner_parts[-1][-1] = -1
    out = np.zeros((len(texts), dims), dtype=np.float32)
    if not texts:
        return out
    joined = "".join(pieces)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    owner = np.concatenate(owner_parts)
    total = len(codes)
    counts = np.zeros(len(texts) * dims, dtype=np.float64)
    for n in orders:
        if total < n:
            continue
        count = total - n + 1
        h = np.full(count, np.uint64(0x9E3779B97F4A7C15 + n), dtype=np.uint64)
        for k in range(n):
            h = h * np.uint64(1_000_003) + codes[k : k + count]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
        start_owner = owner[:count]
        valid = (start_owner >= 0) & (start_owner == owner[n - 1 : n - 1 + count])
        slots = start_owner[valid] * dims + (h[valid] % np.uint64(dims)).astype(np.int64)
        counts += np.bincount(slots, minlength=len(texts) * dims)
    out[:] = counts.reshape(len(texts), dims)
    return out


def dice(a: Matrix, b: Matrix) -> NDArray[np.float64]:
    """Row-wise Dice coefficient of n-gram multisets: 2·|a∩b| / (|a|+|b|)."""
    import numpy as np

    match = np.minimum(a, b).sum(axis=1, dtype=np.float64)
    size = a.sum(axis=1, dtype=np.float64) + b.sum(axis=1, dtype=np.float64)
    return np.where(size > 0, 2.0 * match / np.maximum(size, 1.0), 0.0)


# -- the length model ---------------------------------------------------------------------


def gale_church_cost(source_len: float, target_len: float, ratio: float, variance: float) -> float:
    """−log P(length difference | the two sides are translations), after Gale & Church 1993."""
    if source_len <= 0 and target_len <= 0:
        return 0.0
    mean = max((source_len + target_len / ratio) / 2.0, 1.0)
    z = (source_len * ratio - target_len) / math.sqrt(mean * variance)
    return -math.log(max(math.erfc(abs(z) / math.sqrt(2.0)), 1e-12))


def gale_church_costs(
    source_len: float, target_len: NDArray[np.float64], ratio: float, variance: float
) -> NDArray[np.float64]:
    """:func:`gale_church_cost` of one source length against many target lengths."""
    import numpy as np

    erfc = np.frompyfunc(math.erfc, 1, 1)
    mean = np.maximum((source_len + target_len / ratio) / 2.0, 1.0)
    z = (source_len * ratio - target_len) / np.sqrt(mean * variance)
    tail = np.asarray(erfc(np.abs(z) / math.sqrt(2.0)), dtype=np.float64)
    out = -np.log(np.maximum(tail, 1e-12))
    if source_len <= 0:
        out = np.where(target_len <= 0, 0.0, out)
    return np.asarray(out, dtype=np.float64)


# Gale & Church's prior probabilities of each move (their Table 5), used by the baseline.
GALE_CHURCH_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089, (1, 2): 0.089, (2, 2): 0.011}


# -- the search ---------------------------------------------------------------------------


class _Scorer:
    """Link costs at one resolution; ``similarity`` False gives the length-only baseline."""

    def __init__(self, left: _Side, right: _Side, settings: AlignSettings, baseline: bool) -> None:
        self.left, self.right, self.settings, self.baseline = left, right, settings, baseline
        total_left, total_right = sum(left.lengths), sum(right.lengths)
        self.ratio = total_right / total_left if total_left > 0 and total_right > 0 else 1.0
        self.background = self._background() if not baseline and left.vectors is not None else 0.0
        self._sums: tuple[NDArray[np.float64], NDArray[np.float64]] | None = None
        self._span_cache: dict[tuple[bool, int, bool], tuple[Matrix, NDArray[np.float64]]] = {}
        self._row_cache: dict[int, tuple[int, NDArray[np.float64]]] = {}

    def _background(self) -> float:
        """Mean similarity of unrelated pairs (each unit against one half a document away)."""
        import numpy as np

        assert self.left.vectors is not None and self.right.vectors is not None
        n, m = len(self.left.lengths), len(self.right.lengths)
        if n < 2 or m < 2:
            return 0.1
        rows = np.arange(min(n, 500))
        cols = (rows * m // n + m // 2) % m
        return float(np.clip(dice(self.left.vectors[rows], self.right.vectors[cols]).mean(), 0.0, 0.9))

    def similarities(self, cells: list[tuple[int, int, Move]]) -> list[float]:
        """Dice similarity of the link each (i, j, move) closes, vectorised in chunks."""
        import numpy as np

        if self.left.vectors is None or self.right.vectors is None or not cells:
            return [0.0] * len(cells)
        # Group by move so each side is one fancy-indexed gather of precomputed spans.
        spans_left = {1: self.left.vectors, 2: self.left.vectors[:-1] + self.left.vectors[1:]}
        spans_right = {1: self.right.vectors, 2: self.right.vectors[:-1] + self.right.vectors[1:]}
        sims = [0.0] * len(cells)
        by_move: dict[Move, list[int]] = {}
        for index, (_i, _j, move) in enumerate(cells):
            by_move.setdefault(move, []).append(index)
        chunk = 2048
        for (a, b), indices in by_move.items():
            for start in range(0, len(indices), chunk):
                part = indices[start : start + chunk]
                rows = np.fromiter((cells[k][0] - a for k in part), dtype=np.int64, count=len(part))
                cols = np.fromiter((cells[k][1] - b for k in part), dtype=np.int64, count=len(part))
                for k, value in zip(part, dice(spans_left[a][rows], spans_right[b][cols]).tolist(), strict=True):
                    sims[k] = value
        return sims

    def _prefix(self) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        import numpy as np

        if self._sums is None:
            self._sums = (
                np.concatenate(([0.0], np.cumsum(self.left.lengths))),
                np.concatenate(([0.0], np.cumsum(self.right.lengths))),
            )
        return self._sums

    def _spans(self, right: bool, width: int, anchors: bool = False) -> tuple[Matrix, NDArray[np.float64]]:
        """Row k: the n-gram (or anchor) counts of units [k, k + width) of one side, and their totals."""
        import numpy as np

        cached = self._span_cache.get((right, width, anchors))
        if cached is None:
            side = self.right if right else self.left
            vectors = side.anchors if anchors else side.vectors
            assert vectors is not None
            summed = vectors[: len(vectors) - width + 1].copy()
            for extra in range(1, width):
                summed += vectors[extra : len(vectors) - width + 1 + extra]
            cached = (summed, summed.sum(axis=1, dtype=np.float64))
            self._span_cache[(right, width, anchors)] = cached
        return cached

    def _dice_row(self, i: int, a: int, cols: NDArray[np.int64], b: int) -> NDArray[np.float64]:
        """Similarity of left span [i-a, i) with right spans [j-b, j) for each j in ``cols``
        (the same Dice as :func:`dice`, with the span totals computed once per document)."""
        import numpy as np

        if self.left.vectors is None or self.right.vectors is None:
            return np.zeros(len(cols))
        left, left_sizes = self._spans(False, a)
        right, right_sizes = self._spans(True, b)
        match = np.minimum(left[i - a], right[cols - b]).sum(axis=1, dtype=np.float64)
        size = left_sizes[i - a] + right_sizes[cols - b]
        return np.where(size > 0, 2.0 * match / np.maximum(size, 1.0), 0.0)

    def _anchor_cost(self, i: int, a: int, cols: NDArray[np.int64], b: int) -> NDArray[np.float64]:
        """1 − Dice of the two spans' anchors where either side has any, else 0.

        Dice over n-grams only rewards what two sides share; this term also charges what
        one side has and the other lacks (a number or name with no counterpart), which is
        what tells a dropped sentence from the second half of a split."""
        import numpy as np

        left, left_sizes = self._spans(False, a, anchors=True)
        right, right_sizes = self._spans(True, b, anchors=True)
        match = np.minimum(left[i - a], right[cols - b]).sum(axis=1, dtype=np.float64)
        size = left_sizes[i - a] + right_sizes[cols - b]
        return np.where(size > 0, 1.0 - 2.0 * match / np.maximum(size, 1e-9), 0.0)

    def _paragraph_cost(self, i: int, a: int, cols: NDArray[np.int64], b: int) -> NDArray[np.float64]:
        """How many of (starts a paragraph, crosses a paragraph break) differ between the two sides."""
        import numpy as np

        assert self.left.paragraphs is not None and self.right.paragraphs is not None
        left, right = self.left.paragraphs, self.right.paragraphs
        left_starts = i - a == 0 or left[i - a] != left[i - a - 1]
        left_crosses = left[i - 1] != left[i - a]
        first = cols - b
        right_starts = (first == 0) | (right[first] != right[np.maximum(first - 1, 0)])
        right_crosses = right[cols - 1] != right[first]
        mismatch = (right_starts != left_starts).astype(np.float64) + (right_crosses != left_crosses)
        return np.asarray(mismatch, dtype=np.float64)

    def _one_to_one(self, i: int, cols: NDArray[np.int64]) -> NDArray[np.float64]:
        """1:1 similarities closing at (i, j), kept per row: merges ask for them again."""
        lo, hi = int(cols.min()), int(cols.max())
        cached = self._row_cache.get(i)
        if cached is None or not cached[0] <= lo or hi >= cached[0] + len(cached[1]):
            if cached is not None:
                lo, hi = min(lo, cached[0]), max(hi, cached[0] + len(cached[1]) - 1)
            import numpy as np

            cached = (lo, self._dice_row(i, 1, np.arange(lo, hi + 1), 1))
            self._row_cache[i] = cached
        return cached[1][cols - cached[0]]

    def skip_step(self) -> float:
        """Cost of one 0:1 link."""
        if self.baseline:
            return -math.log(GALE_CHURCH_PRIORS.get((0, 1), 0.001))
        return self.settings.skip_cost

    def row_costs(self, i: int, cols: NDArray[np.int64], move: Move) -> NDArray[np.float64]:
        """:meth:`cost` of the links closing at (i, j) for every j in ``cols``, at once."""
        import numpy as np

        a, b = move
        s = self.settings
        if b == 0:
            value = -math.log(GALE_CHURCH_PRIORS.get(move, 0.001)) if self.baseline else s.skip_cost * a
            return np.full(len(cols), value)
        left_sums, right_sums = self._prefix()
        left_len = float(left_sums[i] - left_sums[i - a])
        right_len = right_sums[cols] - right_sums[cols - b]
        length = gale_church_costs(left_len, right_len, self.ratio, s.variance)
        if self.baseline:
            return length - math.log(GALE_CHURCH_PRIORS.get(move, 0.001))
        sim = self._one_to_one(i, cols) if a == b == 1 else self._dice_row(i, a, cols, b)
        scale = max(1e-6, 1.0 - self.background)
        total = np.maximum(0.0, 1.0 - sim) / scale * (a + b) / 2.0 + s.length_weight * length
        if self.left.anchors is not None and self.right.anchors is not None:
            total = total + s.anchor_weight * self._anchor_cost(i, a, cols, b)
        if self.left.paragraphs is not None and self.right.paragraphs is not None:
            total = total + s.paragraph_weight * self._paragraph_cost(i, a, cols, b)
        if a + b > 2:
            # The best 1:1 link inside the merge (see :meth:`cost`).
            sub = np.zeros(len(cols))
            for x in range(a):
                for y in range(b):
                    sub = np.maximum(sub, self._one_to_one(i - x, cols - y))
            gain = np.maximum(0.0, sub - sim) / scale
            merge = np.full(len(cols), s.merge_cost * (a + b - 2))
            if b == 2 and a == 1 and self.right.opens is not None:
                # the second sentence opens as a continuation of the first: one sentence cut in two
                merge = np.where(self.right.opens[cols - 1], 0.0, merge)
            total = total + merge + s.gain_weight * gain
        return np.asarray(total, dtype=np.float64)

    def cost(self, i: int, j: int, move: Move, sim: float, sub: float = 0.0) -> float:
        """Cost of the link closing at (i, j); ``sub`` is the best 1:1 similarity inside a merge."""
        a, b = move
        left_len = sum(self.left.lengths[i - a : i])
        right_len = sum(self.right.lengths[j - b : j])
        if self.baseline:
            prior = -math.log(GALE_CHURCH_PRIORS.get(move, 0.001))
            if a == 0 or b == 0:
                return prior
            return gale_church_cost(left_len, right_len, self.ratio, self.settings.variance) + prior
        s = self.settings
        if a == 0 or b == 0:
            return s.skip_cost * (a + b)
        dissimilarity = max(0.0, 1.0 - sim) / max(1e-6, 1.0 - self.background)
        length = gale_church_cost(left_len, right_len, self.ratio, s.variance)
        total = dissimilarity * (a + b) / 2.0 + s.length_weight * length
        if a + b > 2:
            # A merge must earn its keep: the merged side must be more similar than its
            # best single sentence alone, or the extra sentence is an omission/addition
            # hiding inside a merge (short lines especially barely dent Dice).
            gain = max(0.0, sub - sim) / max(1e-6, 1.0 - self.background)
            total += s.merge_cost * (a + b - 2) + s.gain_weight * gain
        return total


Corridor = list[tuple[int, int]]  # per row i (0..n): allowed j range, inclusive


def _dp(scorer: _Scorer, n: int, m: int, corridor: Corridor, moves: Sequence[Move]) -> list[Link]:
    """Best monotone path through the corridor; each row is one batch of numpy operations.

    Moves that consume a left sentence read finished rows only, so a whole row of them is
    vectorised; the 0:1 move (skip a right sentence) chains along the row and, as its
    cost is the same at every step, is a running minimum (``np.minimum.accumulate``).
    """
    import numpy as np

    lows = [lo for lo, _hi in corridor]
    highs = [hi for _lo, hi in corridor]
    skip_moves = [(index, move) for index, move in enumerate(moves) if move[0] == 0]
    if any(move != (0, 1) for _index, move in skip_moves):
        raise ValueError("the only move that consumes no left sentence must be 0:1")
    costs: list[NDArray[np.float64]] = []
    backs: list[NDArray[np.int8]] = []
    for i in range(n + 1):
        lo, hi = lows[i], highs[i]
        cols = np.arange(lo, hi + 1)
        best = np.full(len(cols), np.inf)
        back = np.full(len(cols), -1, dtype=np.int8)
        if i == 0 and lo == 0:
            best[0] = 0.0
        for index, (a, b) in enumerate(moves):
            if a == 0 or i < a:
                continue
            prev_cols = cols - b
            plo, phi = lows[i - a], highs[i - a]
            ok = (prev_cols >= plo) & (prev_cols <= phi)
            if not ok.any():
                continue
            prev = np.full(len(cols), np.inf)
            prev[ok] = costs[i - a][prev_cols[ok] - plo]
            ok &= np.isfinite(prev)
            if not ok.any():
                continue
            total = prev[ok] + scorer.row_costs(i, cols[ok], (a, b))
            better = total < best[ok]
            where = np.flatnonzero(ok)[better]
            best[where] = total[better]
            back[where] = index
        for index, _move in skip_moves:
            step = scorer.skip_step()
            shifted = best - cols * step
            running = np.minimum.accumulate(shifted)
            # Strictly cheaper through earlier cells of the row (ties keep the move above).
            skip = running < shifted
            best = np.where(skip, running + cols * step, best)
            back[skip] = index
        costs.append(best)
        backs.append(back)
    path: list[tuple[int, int, Move]] = []
    i, j = n, m
    while i > 0 or j > 0:
        index = int(backs[i][j - lows[i]])
        if index < 0:  # pragma: no cover - the corridor always connects (0,0) to (n,m)
            raise RuntimeError("alignment corridor is disconnected")
        a, b = moves[index]
        path.append((i, j, (a, b)))
        i, j = i - a, j - b
    path.reverse()
    linked = [step for step in path if step[2][0] and step[2][1]]
    found = dict(zip(linked, scorer.similarities(linked), strict=True))
    sims = [found.get(step, 0.0) for step in path]
    return [
        Link(tuple(range(i - a, i)), tuple(range(j - b, j)), sim)
        for (i, j, (a, b)), sim in zip(path, sims, strict=True)
    ]


def _blocks(side: _Side, factor: int) -> _Side:
    import numpy as np

    if factor == 1:
        return side
    count = len(side.lengths)
    starts = list(range(0, count, factor))
    lengths = [sum(side.lengths[s : s + factor]) for s in starts]
    vectors = None if side.vectors is None else np.add.reduceat(side.vectors, starts, axis=0)
    anchors = None if side.anchors is None else np.add.reduceat(side.anchors, starts, axis=0)
    return _Side(lengths, vectors, anchors)


def _corridor_from(links: Sequence[Link], factor: int, n: int, m: int, margin: int) -> Corridor:
    """Project a coarse path (blocks of ``factor`` units) to a corridor of fine rows."""
    lows, highs = [m] * (n + 1), [0] * (n + 1)
    si = sj = 0  # coarse boundary before the link
    for link in links:
        ei, ej = si + len(link.source_ids), sj + len(link.target_ids)
        row_lo, row_hi = min(si * factor, n), min(ei * factor, n)
        col_lo, col_hi = max(0, min(sj * factor, m) - margin), min(m, ej * factor + margin)
        for row in range(max(0, row_lo - margin), min(n, row_hi + margin) + 1):
            lows[row] = min(lows[row], col_lo)
            highs[row] = max(highs[row], col_hi)
        si, sj = ei, ej
    lows[0], highs[n] = 0, m
    for row in range(1, n + 1):  # monotone and connected
        highs[row] = max(highs[row], highs[row - 1])
    for row in range(n - 1, -1, -1):
        lows[row] = min(lows[row], lows[row + 1])
    for row in range(1, n + 1):
        lows[row] = min(lows[row], highs[row - 1])
    return list(zip(lows, highs, strict=True))


def _align_sides(left: _Side, right: _Side, settings: AlignSettings, baseline: bool) -> Alignment:
    n, m = len(left.lengths), len(right.lengths)
    moves = settings.moves if not baseline else (*settings.moves, (2, 2))
    if baseline:
        moves = tuple(dict.fromkeys(moves))
    factors = [1]
    while (n // factors[-1] + 1) * (m // factors[-1] + 1) > settings.full_cells:
        factors.append(factors[-1] * settings.level_ratio)
    links: list[Link] = []
    for depth, factor in enumerate(reversed(factors)):
        coarse_left, coarse_right = _blocks(left, factor), _blocks(right, factor)
        cn, cm = len(coarse_left.lengths), len(coarse_right.lengths)
        if depth == 0:
            corridor = [(0, cm)] * (cn + 1)
        else:
            corridor = _corridor_from(links, settings.level_ratio, cn, cm, settings.margin)
        links = _dp(_Scorer(coarse_left, coarse_right, settings, baseline), cn, cm, corridor, moves)
    return Alignment(tuple(links))


def _lengths(texts: Sequence[str]) -> list[float]:
    return [float(len("".join(text.split()))) for text in texts]


def align(
    left: Sequence[str],
    right: Sequence[str],
    settings: AlignSettings | None = None,
    anchors: tuple[Sequence[Sequence[str]], Sequence[Sequence[str]]] | None = None,
    opens: tuple[Sequence[bool], Sequence[bool]] | None = None,
    paragraphs: tuple[Sequence[int], Sequence[int]] | None = None,
) -> Alignment:
    """Align two sentence lists (same language, or transliterated to one script).

    Source ids of the links index ``left``, target ids index ``right``. ``anchors`` (one
    list of keys per sentence of each side, :func:`mtcheck.align.anchors.anchors`) add
    what two languages share to the n-gram similarity: without a model, that is most of it.
    ``paragraphs`` (each sentence's paragraph number, both sides) charge links that break
    paragraphs differently on the two sides (:attr:`AlignSettings.paragraph_weight`).
    """
    import numpy as np

    settings = settings or AlignSettings()
    left_vectors = char_ngram_vectors(left, settings.orders, settings.dims)
    right_vectors = char_ngram_vectors(right, settings.orders, settings.dims)
    left_anchors = right_anchors = None
    if anchors is not None:
        from mtcheck.align.anchors import anchor_vectors

        # Names only reward (English capitalises days, months and demonyms that other
        # languages do not, so a name without counterpart proves little): they join the
        # n-grams. Numbers also charge for what has no counterpart.
        names = [[[k for k in keys if k.startswith("@")] for keys in side] for side in anchors]
        others = [[[k for k in keys if not k.startswith("@")] for keys in side] for side in anchors]
        weight = settings.name_weight
        left_vectors = np.hstack([left_vectors, weight * anchor_vectors(names[0], settings.anchor_dims)])
        right_vectors = np.hstack([right_vectors, weight * anchor_vectors(names[1], settings.anchor_dims)])
        if settings.anchor_weight > 0:
            left_anchors = anchor_vectors(others[0], settings.anchor_dims)
            right_anchors = anchor_vectors(others[1], settings.anchor_dims)
    left_opens = right_opens = None
    if opens is not None:
        left_opens, right_opens = np.array(opens[0], dtype=bool), np.array(opens[1], dtype=bool)
    left_paragraphs = right_paragraphs = None
    if paragraphs is not None and settings.paragraph_weight > 0:
        left_paragraphs = np.array(paragraphs[0], dtype=np.int64)
        right_paragraphs = np.array(paragraphs[1], dtype=np.int64)
    left_side = _Side(_lengths(left), left_vectors, left_anchors, left_opens, left_paragraphs)
    right_side = _Side(_lengths(right), right_vectors, right_anchors, right_opens, right_paragraphs)
    return _align_sides(left_side, right_side, settings, baseline=False)


def absorb_splits(
    alignment: Alignment,
    left: Sequence[str],
    right: Sequence[str],
    anchors: tuple[Sequence[Sequence[str]], Sequence[Sequence[str]]],
    settings: AlignSettings | None = None,
    continues: tuple[Sequence[bool], Sequence[bool]] | None = None,
    paragraphs: tuple[Sequence[int], Sequence[int]] | None = None,
) -> Alignment:
    """Join a sentence left unaligned to the neighbouring link it was split from.

    Without a model the n-gram similarity of two languages is mostly noise, so the DP
    often prefers a 1:1 link and a skip to the 1:2 link of a sentence the translator cut
    in two. Lengths tell them apart: the half of a split leaves its neighbour link too
    short on one side, and joining it brings the two lengths together (Gale–Church cost
    falls by ``split_gain`` or more, to at most ``split_fit``), while a dropped sentence
    joined to a well-matched neighbour makes it too long. A sentence whose numbers are
    not on the neighbour's other side is never joined: those numbers would be lost.
    Two skips facing each other (1:0 beside 0:1) become one 1:1 link when their lengths fit.
    Lengths are of the texts as written (not transliterated), ``anchors`` as for :func:`align`.

    ``continues`` (per sentence of each side, :func:`mtcheck.align.anchors.continues`)
    marks sentences that open as the continuation of the one before ("And…", "або…", a
    lower-case first letter): such a sentence cannot stand alone, so when it is left
    unaligned it was cut from the sentence before it. It joins the preceding link on a
    looser length fit (``continuation_fit``), its numbers still kept.

    ``paragraphs`` (each sentence's paragraph number, both sides, where the two sides keep
    the same paragraphs): a join that would put a paragraph break inside the link on one
    side only is not made.
    """
    settings = settings or AlignSettings()
    left_lengths, right_lengths = _lengths(left), _lengths(right)
    # the length ratio of what is linked: an omitted sentence would make the rest look short
    total_left = sum(left_lengths[i] for link in alignment if not link.is_skip for i in link.source_ids)
    total_right = sum(right_lengths[j] for link in alignment if not link.is_skip for j in link.target_ids)
    ratio = total_right / total_left if total_left > 0 and total_right > 0 else 1.0
    numbers = (
        [{k for k in keys if k.startswith("#")} for keys in anchors[0]],
        [{k for k in keys if k.startswith("#")} for keys in anchors[1]],
    )

    def fit(link_left: Sequence[int], link_right: Sequence[int]) -> float:
        a = sum(left_lengths[i] for i in link_left)
        b = sum(right_lengths[j] for j in link_right)
        return gale_church_cost(a, b, ratio, settings.variance)

    def numbers_kept(skip: Link, other: Link) -> bool:
        side, facing = (0, 1) if skip.source_ids else (1, 0)
        own = set().union(*(numbers[side][i] for i in (skip.source_ids or skip.target_ids)))
        ids = other.target_ids if side == 0 else other.source_ids
        return own <= set().union(set(), *(numbers[facing][i] for i in ids))

    lengths = (left_lengths, right_lengths)
    totals: tuple[dict[int, float], dict[int, float]] = ({}, {})  # each paragraph's length, per side
    for side in range(2 if paragraphs is not None else 0):
        assert paragraphs is not None
        for paragraph, length in zip(paragraphs[side], lengths[side], strict=True):
            totals[side][paragraph] = totals[side].get(paragraph, 0.0) + length
    links = _join_facing_skips(list(alignment.links), fit, settings, numbers, paragraphs)
    joined = True
    while joined:
        joined = False
        for k, link in enumerate(links):
            if not link.is_skip:
                continue
            best: tuple[float, int, Link] | None = None
            for n in (k - 1, k + 1):
                if not 0 <= n < len(links):
                    continue
                near = links[n]
                first, second = (near, link) if n < k else (link, near)
                merged = Link(first.source_ids + second.source_ids, first.target_ids + second.target_ids, near.score)
                if merged.is_skip or len(merged.source_ids) > 3 or len(merged.target_ids) > 3:
                    continue
                if not numbers_kept(link, merged):
                    continue
                if paragraphs is not None and _crosses(merged.source_ids, paragraphs[0]) != _crosses(
                    merged.target_ids, paragraphs[1]
                ):
                    continue
                after = fit(merged.source_ids, merged.target_ids)
                before = fit(near.source_ids, near.target_ids) if not near.is_skip else after + settings.split_gain
                gain = before - after
                follows = n == k - 1 and continues is not None and _opens_continuation(link, continues)
                fits = after <= settings.split_fit and gain >= settings.split_gain
                if not fits and after <= settings.continuation_fit and paragraphs is not None:
                    fits = _paragraph_holds(link, near, paragraphs, lengths, totals, ratio, settings)
                if follows and after <= settings.continuation_fit:
                    fits, gain = True, max(gain, 0.0) + 100.0  # a grammatical cue outranks lengths
                if fits and (best is None or gain > best[0]):
                    best = (gain, n, merged)
            if best is not None:
                _gain, n, merged = best
                links[min(k, n)] = merged
                del links[max(k, n)]
                joined = True
                break
    return Alignment(tuple(links))


def _paragraph_holds(
    skip: Link,
    near: Link,
    paragraphs: tuple[Sequence[int], Sequence[int]],
    lengths: tuple[Sequence[float], Sequence[float]],
    totals: tuple[dict[int, float], dict[int, float]],
    ratio: float,
    settings: AlignSettings,
) -> bool:
    """Whether the paragraph facing an unaligned sentence is long enough to hold it.

    When the skip and its neighbour link share one paragraph on each side, the length fit
    of the two whole paragraphs decides: with the sentence counted (the translator split or
    merged it into its neighbour) against without it (it has no counterpart: omitted or
    added). A paragraph is a longer, surer unit than a sentence, and its ends are marked on
    both sides, so this holds where one sentence's length says little.
    """
    side = 0 if skip.source_ids else 1
    own = skip.source_ids or skip.target_ids
    facing_ids = near.target_ids if side == 0 else near.source_ids
    near_own = near.source_ids if side == 0 else near.target_ids
    own_paragraphs, facing_paragraphs = paragraphs[side], paragraphs[1 - side]
    here = {own_paragraphs[i] for i in (*own, *near_own)}
    there = {facing_paragraphs[j] for j in facing_ids}
    if len(here) != 1 or len(there) != 1:
        return False
    total = totals[side][here.pop()]
    without = total - sum(lengths[side][i] for i in own)
    facing = totals[1 - side][there.pop()]

    def fit(own_length: float) -> float:
        if side == 0:
            return gale_church_cost(own_length, facing, ratio, settings.variance)
        return gale_church_cost(facing, own_length, ratio, settings.variance)

    if side == 1:
        # A sentence of the translation only, inside a paragraph both sides keep: the
        # translator split a sentence of the original far more often than adding one, and
        # one who split also tends to expand (a clause spelled out, a name explained), so
        # "without it" fitting better says little. It joins while the paragraph with it is
        # still a plausible rendering of the original's paragraph (the bound a continuation
        # gets). An omission leaves a sentence of the original alone (side 0), judged as before.
        return fit(total) <= settings.continuation_fit
    return fit(total) + settings.paragraph_margin < fit(without)


def _join_facing_skips(
    links: list[Link],
    fit: Callable[[Sequence[int], Sequence[int]], float],
    settings: AlignSettings,
    numbers: tuple[Sequence[set[str]], Sequence[set[str]]],
    paragraphs: tuple[Sequence[int], Sequence[int]] | None,
) -> list[Link]:
    """A run of unaligned sentences on both sides (0:1 beside 1:0 1:0…) becomes one link
    when the run's lengths fit (``split_fit``) and the original's numbers are all in the
    translation (the translation may have more: a measure read on one side only).

    A sentence the translator cut in three, or three merged into one, is too long for any
    single sentence of the other side, so the search leaves every piece unaligned; each
    piece alone fits nothing, the run as a whole fits."""
    out: list[Link] = []
    k = 0
    while k < len(links):
        end = k
        while end < len(links) and links[end].is_skip:
            end += 1
        run = links[k:end]
        left = tuple(i for link in run for i in link.source_ids)
        right = tuple(j for link in run for j in link.target_ids)
        if (
            left
            and right
            and len(left) <= 3
            and len(right) <= 3
            and len(left) + len(right) > 2
            and fit(left, right) <= settings.split_fit
            and set().union(*(numbers[0][i] for i in left)) <= set().union(*(numbers[1][j] for j in right))
            and (paragraphs is None or _crosses(left, paragraphs[0]) == _crosses(right, paragraphs[1]))
        ) or _same_paragraph(left, right, paragraphs, numbers):
            out.append(Link(left, right, 0.0))
        else:
            out.extend(run)
        if end < len(links):
            out.append(links[end])
        k = end + 1
    return out


def _same_paragraph(
    left: tuple[int, ...],
    right: tuple[int, ...],
    paragraphs: tuple[Sequence[int], Sequence[int]] | None,
    numbers: tuple[Sequence[set[str]], Sequence[set[str]]],
) -> bool:
    """Unaligned sentences facing each other that are, on each side, the whole of the
    paragraph at the same place, where both sides keep the same paragraphs: the
    translator rewrote that paragraph (a quotation given with its speaker, a sentence
    moved in from the one before), which lengths and anchors could not pair sentence by
    sentence. The paragraph is the counterpart whatever its lengths, unless a number of
    the original is not in it."""
    if paragraphs is None or not left or not right:
        return False
    here = {paragraphs[0][i] for i in left}
    there = {paragraphs[1][j] for j in right}
    if len(here) != 1 or here != there:
        return False
    paragraph = here.pop()
    whole = sum(1 for p in paragraphs[0] if p == paragraph) == len(left) and sum(
        1 for p in paragraphs[1] if p == paragraph
    ) == len(right)
    return whole and set().union(*(numbers[0][i] for i in left)) <= set().union(*(numbers[1][j] for j in right))


def _crosses(ids: Sequence[int], paragraphs: Sequence[int]) -> bool:
    return paragraphs[ids[0]] != paragraphs[ids[-1]]


def _opens_continuation(skip: Link, continues: tuple[Sequence[bool], Sequence[bool]]) -> bool:
    """Whether the first sentence of an unaligned run opens as a continuation of the sentence before."""
    if skip.source_ids:
        return bool(continues[0][skip.source_ids[0]])
    return bool(continues[1][skip.target_ids[0]])


def align_by_length(left: Sequence[str], right: Sequence[str], settings: AlignSettings | None = None) -> Alignment:
    """The Gale–Church baseline: lengths and move priors only (adds 2:2), same banded search."""
    settings = settings or AlignSettings()
    return _align_sides(_Side(_lengths(left), None), _Side(_lengths(right), None), settings, baseline=True)
