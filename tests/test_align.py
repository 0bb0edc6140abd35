"""The sentence aligner on synthetic documents with known n:m links."""

from __future__ import annotations

import random

import pytest

from mtcheck.align.align import Alignment, AlignSettings, Link, align, align_by_length, char_ngram_vectors, dice

Truth = set[tuple[tuple[int, ...], tuple[int, ...]]]

WORDS = [
    "river",
    "bridge",
    "council",
    "budget",
    "station",
    "harbour",
    "winter",
    "market",
    "village",
    "doctor",
    "school",
    "tunnel",
    "railway",
    "festival",
    "museum",
    "engineer",
    "farmer",
    "teacher",
    "minister",
    "garden",
    "factory",
    "mountain",
    "island",
    "forest",
    "library",
    "hospital",
    "airport",
    "stadium",
    "bakery",
    "theatre",
    "orchestra",
]


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + "."


def noisy(text: str, rng: random.Random) -> str:
    """An imperfect rendering: about one word in six replaced, as a back-translation would."""
    words = text.rstrip(".").split()
    return " ".join(rng.choice(WORDS) if rng.random() < 0.17 else w for w in words) + "."


def perturbed(count: int, seed: int) -> tuple[list[str], list[str], Truth]:
    rng = random.Random(seed)
    left = [sentence(rng) for _ in range(count)]
    right: list[str] = []
    truth: Truth = set()
    i = 0
    while i < count:
        roll = rng.random()
        if roll < 0.1 and i + 1 < count:
            truth.add(((i, i + 1), (len(right),)))
            right.append(noisy(left[i], rng) + " " + noisy(left[i + 1], rng))
            i += 2
            continue
        if roll < 0.2:
            words = noisy(left[i], rng).split()
            half = len(words) // 2
            truth.add(((i,), (len(right), len(right) + 1)))
            right += [" ".join(words[:half]) + ".", " ".join(words[half:])]
        elif roll < 0.24:
            truth.add(((i,), ()))
        elif roll < 0.28:
            truth.add(((i,), (len(right),)))
            right.append(noisy(left[i], rng))
            truth.add(((), (len(right),)))
            right.append(sentence(rng))
        else:
            truth.add(((i,), (len(right),)))
            right.append(noisy(left[i], rng))
        i += 1
    return left, right, truth


def links(alignment: Alignment) -> Truth:
    return {(link.source_ids, link.target_ids) for link in alignment}


def f1(alignment: Alignment, truth: Truth) -> float:
    found = links(alignment)
    hit = len(found & truth)
    return 2 * hit / (len(found) + len(truth))


def covers_both_sides(alignment: Alignment, n: int, m: int) -> bool:
    left = [i for link in alignment for i in link.source_ids]
    right = [j for link in alignment for j in link.target_ids]
    return left == list(range(n)) and right == list(range(m))


def test_merge_split_omission_and_addition_recovered_exactly() -> None:
    left = [
        "The council approved the transport budget on Tuesday morning.",
        "Forty electric buses will join the fleet.",
        "They arrive next summer.",
        "Critics expect fares to rise for students.",
        "The mayor will publish the contract next week.",
        "Work on the depot starts in the northern district in May.",
    ]
    right = [
        "On Tuesday morning the council approved the budget for transport.",
        "A reporter asked about the weather forecast for the weekend.",  # added
        "Forty electric buses will join the fleet, arriving next summer.",  # 2:1
        "Critics expect that fares rise for students.",
        # the mayor's sentence is omitted
        "Work on the depot begins in May",  # 1:2
        "in the northern district.",
    ]
    result = align(left, right)
    assert links(result) == {
        ((0,), (0,)),
        ((), (1,)),
        ((1, 2), (2,)),
        ((3,), (3,)),
        ((4,), ()),
        ((5,), (4, 5)),
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_synthetic_documents_align_with_high_f1(seed: int) -> None:
    left, right, truth = perturbed(60, seed)
    result = align(left, right)
    assert covers_both_sides(result, len(left), len(right))
    assert f1(result, truth) >= 0.95


def test_long_document_uses_the_band_and_keeps_a_large_omission() -> None:
    # 700 x ~700 sentences is past the full-grid limit, so the coarse-to-fine search runs;
    # a block of 30 dropped sentences in the middle must still be found.
    left, right, truth = perturbed(700, 7)
    cut = next(j for (s, t) in sorted(truth) if s and s[0] >= 350 and t for j in t)
    drop = set(range(cut, cut + 30))
    kept = [text for j, text in enumerate(right) if j not in drop]
    renumber = {old: new for new, old in enumerate(j for j in range(len(right)) if j not in drop)}
    new_truth: Truth = set()
    for s, t in truth:
        if t and set(t) <= drop:
            new_truth.update(((i,), ()) for i in s)
        elif t and set(t) & drop:
            continue  # a link cut in half by the block edge: no clean truth
        else:
            new_truth.add((s, tuple(renumber[j] for j in t)))
    assert (len(left) + 1) * (len(kept) + 1) > AlignSettings().full_cells
    result = align(left, kept)
    assert covers_both_sides(result, len(left), len(kept))
    found = links(result)
    omitted = {s for s, t in new_truth if not t}
    assert len({s for s, t in found if not t} & omitted) >= 0.9 * len(omitted)
    assert len(found & new_truth) / len(new_truth) >= 0.93


def test_adjacent_omission_and_addition_become_one_poor_link() -> None:
    # Documented limitation (shared with Vecalign): a dropped sentence next to an unrelated
    # added one costs less as one bad 1:1 link than as two skips; low-adequacy flags it.
    left = ["The council met on Tuesday.", "The mayor will publish the contract next week.", "Work starts in May."]
    right = ["The council met on Tuesday.", "A reporter asked about the weather forecast.", "Work starts in May."]
    result = align(left, right)
    middle = result.links[1]
    assert (middle.source_ids, middle.target_ids) == ((1,), (1,))
    assert middle.score < 0.5 < min(result.links[0].score, result.links[2].score)


def test_identical_sides_align_one_to_one_with_full_score() -> None:
    rng = random.Random(5)
    texts = [sentence(rng) for _ in range(20)]
    result = align(texts, texts)
    assert links(result) == {((i,), (i,)) for i in range(20)}
    assert all(link.score == pytest.approx(1.0) for link in result)


def test_empty_sides() -> None:
    assert align([], []).links == ()
    assert links(align(["Only on the left."], [])) == {((0,), ())}
    assert links(align([], ["Only on the right."])) == {((), (0,))}


def test_length_baseline_follows_lengths_only() -> None:
    left = ["a" * 40, "b" * 80, "c" * 20 + " " + "c" * 20]
    right = ["x" * 41, "y" * 78, "z" * 19, "w" * 20]
    result = align_by_length(left, right)
    assert links(result) == {((0,), (0,)), ((1,), (1,)), ((2,), (2, 3))}


def test_char_ngram_vectors_are_deterministic_and_case_and_space_blind() -> None:
    a = char_ngram_vectors(["Kyiv City", "kyivcity", "Lviv"])
    again = char_ngram_vectors(["Kyiv City", "kyivcity", "Lviv"])
    assert (a == again).all()
    sims = dice(a[[0, 0]], a[[1, 2]])
    assert sims[0] == pytest.approx(1.0)
    assert sims[1] < 0.5


def test_link_kind_and_lookup() -> None:
    alignment = Alignment((Link((0, 1), (0,), 0.8), Link((2,), (), 0.0)))
    assert [link.kind for link in alignment] == ["2:1", "1:0"]
    assert alignment.link_of_source(1) == alignment.links[0]
    assert alignment.link_of_target(0) == alignment.links[0]
    assert alignment.links[1].is_skip
