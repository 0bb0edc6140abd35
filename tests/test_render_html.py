"""The HTML report without a browser: spans, escaping, direction, hidden characters, catalogues."""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from mtcheck.cli import main

ORIGINAL_AR = (
    "قال وزير الدفاع الأوكراني رستم عمروف إن القوات صدت هجوما قرب كييف يوم الثلاثاء.\n"
    "وأضاف أن قرية لاستوشكين تعرضت لقصف عنيف خلال الليل.\n"
    "ودعا الحلفاء الغربيين إلى إرسال المزيد من أنظمة الدفاع الجوي في أقرب وقت ممكن.\n"
)
TRANSLATION_EN = (
    "Ukrainian Defence Minister Rustam Omerov said forces repelled an attack near Kiev on Tuesday.\n"
    "He called on Western allies to send more air defence systems as soon as possible.\n"
)
TERMBASE = Path(__file__).resolve().parents[1] / "seeds" / "termbase.tbx"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit):
        main(list(args))
    return capsys.readouterr().out


class Marks(HTMLParser):
    """Collects the text inside each <mark data-f>, per finding anchor, and every cell's dir."""

    def __init__(self) -> None:
        super().__init__()
        self.text: dict[str, str] = {}
        self.open: list[list[str]] = []
        self.cells: list[tuple[str, str]] = []
        self.anchors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "mark":
            self.open.append((a.get("data-f") or "").split())
        if tag == "td" and "cell" in (a.get("class") or ""):
            self.cells.append(((a.get("class") or "").split()[1], a.get("dir") or ""))
        if tag == "li" and "finding" in (a.get("class") or ""):
            self.anchors.append(a.get("id") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for ids in self.open:
            for anchor in ids:
                self.text[anchor] = self.text.get(anchor, "") + data


def both(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[dict[str, object], str]:
    report = json.loads(run(capsys, *args, "-f", "json"))
    return report, run(capsys, *args, "-f", "html")


def test_every_finding_is_marked_at_its_span_and_listed_once(capsys: pytest.CaptureFixture[str], seed: Path) -> None:
    report, page = both(capsys, "check", str(seed), "-s", "ar", "-t", "en", "--termbase", str(TERMBASE), "--no-mt")
    findings = report["findings"]
    assert isinstance(findings, list) and len(findings) >= 3
    parser = Marks()
    parser.feed(page)
    assert parser.anchors == [f"f{n}" for n in range(1, len(findings) + 1)]
    for n, finding in enumerate(findings, 1):
        if finding["span"] is not None:
            assert parser.text[f"f{n}"] == finding["text"]
    assert {"Rustam Omerov", "Lastochkin", "Kiev"} <= set(parser.text.values())


def test_aligned_arabic_original_is_right_to_left_and_the_omission_faces_an_empty_cell(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "orig.ar.txt").write_text(ORIGINAL_AR, encoding="utf-8")
    (tmp_path / "copy.en.txt").write_text(TRANSLATION_EN, encoding="utf-8")
    page = run(
        capsys, "check", str(tmp_path / "copy.en.txt"), "--original", str(tmp_path / "orig.ar.txt"),
        "-s", "ar", "-t", "en", "--no-mt", "-f", "html",
    )  # fmt: skip
    parser = Marks()
    parser.feed(page)
    assert ("original", "rtl") in parser.cells
    assert ("translation", "ltr") in parser.cells
    assert all(d == "rtl" for role, d in parser.cells if role == "original")
    omission = re.search(r'<tr class="seg omission">(.*?)</tr>', page, re.S)
    assert omission is not None
    assert "لاستوشكين" in omission.group(1) and "omitted in translation" in omission.group(1)
    assert 'data-check="unaligned"' in page[omission.end() : omission.end() + 2000]


def test_markup_in_the_text_is_escaped_and_hidden_characters_are_shown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("The minister said <script>alert(1)</script> the the aid was late. Ze\u200blensky agreed.\n")
    page = run(capsys, "check", str(path), "-s", "ar", "-t", "en", "--no-mt", "-f", "html")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'data-cp="U+200B"' in page and "ZERO WIDTH SPACE" in page
    assert page.count("<script>") == 1  # the page's own


def test_a_clean_text_has_no_marks_and_says_passed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "copy.txt"
    path.write_text("The minister said the aid was late. Officials agreed.\n")
    page = run(capsys, "check", str(path), "-s", "ar", "-t", "en", "--no-mt", "--no-gazetteer", "-f", "html")
    assert "<mark" not in page and 'class="finding' not in page
    assert "PASSED" in page
    assert "default-src 'none'" in page
    assert not re.search(r'(src|href)="(https?:)?//', page)  # nothing to fetch


def test_catalogue_units_with_findings_form_a_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    po = tmp_path / "uk.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Language: uk\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Open %s"\nmsgstr "Відкрити"\n\nmsgid "Close"\nmsgstr "Закрити"\n',
        encoding="utf-8",
    )
    page = run(capsys, "check", str(po), "-s", "en", "--no-mt", "-f", "html")
    assert '<th scope="col">Source (en)</th>' in page
    assert "Open %s" in page and "Відкрити" in page
    assert "Закрити" not in page  # a clean unit is not listed


def test_html_is_not_imported_for_other_formats(tmp_path: Path) -> None:
    import subprocess

    path = tmp_path / "copy.txt"
    path.write_text("The minister said the aid was late.\n")
    args = ["check", str(path), "-s", "ar", "-t", "en", "--no-mt", "-f", "json", "-o", str(tmp_path / "r.json")]
    code = (
        "import sys\nfrom mtcheck.cli import main\n"
        f"try:\n    main({args!r})\n"
        "except SystemExit:\n    pass\n"
        "assert 'jinja2' not in sys.modules, 'jinja2 imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_readme_html_commands_run_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import shlex

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## The review page and `mtcheck serve`") :]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    for name in ("000_58537a9fbf26f386.txt", "termbase.tbx"):
        (tmp_path / "seeds" / name).write_bytes((root / "seeds" / name).read_bytes())
    (tmp_path / "copy.txt").write_text(TRANSLATION_EN, encoding="utf-8")
    (tmp_path / "original.ar.txt").write_text(ORIGINAL_AR, encoding="utf-8")
    commands = [shlex.split(line)[1:] for line in block.group(1).splitlines() if line.startswith("mtcheck ")]
    assert len(commands) == 2
    for command in commands:
        (tmp_path / "report.html").unlink(missing_ok=True)
        run(capsys, *command)
        page = (tmp_path / "report.html").read_text(encoding="utf-8")
        assert '<li class="finding' in page and "<mark" in page
