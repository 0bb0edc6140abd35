"""Property-based tests (hypothesis): any text and any mutated catalogue is either checked or
refused with a one-line input error; never a crash, never a span outside its segment."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mtcheck.config import Config
from mtcheck.errors import InputError
from mtcheck.formats.base import Languages
from mtcheck.formats.po import PoReader
from mtcheck.pipeline import check_documents, check_text
from mtcheck.read.textio import decode
from mtcheck.types import Report

BOUNDED = settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
CONFIG = Config(use_gazetteer=False)

# letters of the scripts mtcheck knows, look-alikes, bidi controls, marks, punctuation and newlines
ALPHABET = st.sampled_from(
    [
        *"abcxyzKIev АБВеіКМ ابت שלום Ωα 0123456789 .,;:!?%s{}<>&\"'-\n\t\r",
        *["\u200b", "\u200e", "\u200f", "\u202a", "\u202c", "\u202e", "\u2066", "\u2069", "\u00ad", "\ufeff"],
    ]
)


@BOUNDED
@given(st.text(ALPHABET, min_size=1, max_size=300))
def test_text_reader_and_every_check_accept_any_text(text: str) -> None:
    try:
        clean = decode(text.encode("utf-8"))
    except InputError:
        return
    if not clean.strip():
        return
    _assert_spans_inside(check_text(clean, source_lang="ar", target_lang="en", config=CONFIG))


def _assert_spans_inside(report: Report) -> None:
    targets = {s.target for d in report.documents for s in d.segments}
    for finding in report.findings:
        assert finding.context in targets  # the finding quotes a real segment
        if finding.span is not None:
            assert 0 <= finding.span.start <= finding.span.end <= len(finding.context)
            assert finding.text == finding.context[finding.span.start : finding.span.end]


PO_HEAD = (
    'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : 1);\\n"\n\n'
)
UNITS = st.lists(
    st.tuples(
        st.sampled_from(["Open %s", "Delete {name}", "<b>Save</b> 3 files", "Kyiv", "Visit https://x.org"]),
        st.text(ALPHABET, max_size=40),
    ),
    min_size=1,
    max_size=6,
)


def _catalogue(units: list[tuple[str, str]]) -> str:
    body = ""
    for source, target in units:
        escaped = (
            target.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "").replace("\t", "\\t")
        )
        body += f'#, c-format\nmsgid "{source}"\nmsgstr "{escaped}"\n\n'
    return PO_HEAD + body


@BOUNDED
@given(
    UNITS,
    st.lists(
        st.tuples(st.integers(0, 10_000), st.sampled_from(['"', "\\", "\n", "msgstr ", "#", "\x00", "é"])), max_size=4
    ),
)
def test_po_reader_on_mutated_catalogues(
    tmp_path: Path, units: list[tuple[str, str]], mutations: list[tuple[int, str]]
) -> None:
    text = _catalogue(units)
    for position, insert in mutations:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at:]
    path = tmp_path / "uk.po"
    path.write_bytes(text.encode("utf-8"))
    try:
        documents = PoReader().read(path, Languages("en", None))
    except InputError as exc:
        assert str(exc).startswith(str(path))  # refused, naming the file
        return
    for doc in documents:
        for seg in doc.segments:
            assert "\x00" not in seg.target
    _assert_spans_inside(check_documents(documents, dataclasses.replace(CONFIG, root=str(tmp_path))))


@pytest.mark.parametrize("size", [10_000, 200_000])
def test_segments_stay_bounded_on_a_line_without_punctuation(size: int) -> None:
    from mtcheck.read.segment import MAX_SEGMENT_CHARS, split_sentences

    text = ("word " * size).strip()
    spans = split_sentences(text, "en")
    assert max(end - start for start, end in spans) <= MAX_SEGMENT_CHARS
    assert " ".join(text[a:b] for a, b in spans) == text  # nothing lost
