"""The HTML report in a real browser (headless Chromium): spans, direction, filters, keys, no network."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mtcheck.cli import main
from tests.browser import chromium, network_requests
from tests.test_render_html import ORIGINAL_AR, TERMBASE, TRANSLATION_EN


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def report_pair(tmp_path: Path, *args: str) -> tuple[dict[str, Any], Path]:
    """The JSON report and the HTML page of one run (both written with -o)."""
    out_json, out_html = tmp_path / "report.json", tmp_path / "report.html"
    with pytest.raises(SystemExit):
        main([*args, "-f", "json", "-o", str(out_json), "-f", "html", "-o", str(out_html)])
    return json.loads(out_json.read_text(encoding="utf-8")), out_html


def open_page(driver: Any, page: Path) -> None:
    driver.get_log("performance")  # drop what earlier pages logged
    driver.get(page.as_uri())


MARKED_TEXT = """
const text = {};
for (const m of document.querySelectorAll('mark[data-f]')) {
  for (const id of m.dataset.f.split(' ')) { text[id] = (text[id] || '') + m.textContent; }
}
return text;
"""


def visible_findings(driver: Any) -> list[str]:
    return [el.get_attribute("id") for el in driver.find_elements("css selector", "li.finding") if el.is_displayed()]


def test_seed_page_marks_every_finding_and_filters_hide_and_show_them(browser: Any, seed: Path, tmp_path: Path) -> None:
    # the README's screenshot shows the command's own relative paths
    shown_seed = os.path.relpath(seed) if seed.is_relative_to(Path.cwd()) else str(seed)
    shown_termbase = os.path.relpath(TERMBASE) if TERMBASE.is_relative_to(Path.cwd()) else str(TERMBASE)
    report, page = report_pair(tmp_path, "check", shown_seed, "-s", "ar", "-t", "en", "--termbase", shown_termbase,
                               "--no-mt")  # fmt: skip
    open_page(browser, page)
    findings = report["findings"]
    marked = browser.execute_script(MARKED_TEXT)
    for n, finding in enumerate(findings, 1):
        if finding["span"] is not None:
            assert marked.get(f"f{n}") == finding["text"], finding["check"]
    assert visible_findings(browser) == [f"f{n}" for n in range(1, len(findings) + 1)]
    checks = {f["check"] for f in findings}
    assert "deprecated-term" in checks
    deprecated = [f"f{n}" for n, f in enumerate(findings, 1) if f["check"] == "deprecated-term"]
    box = browser.find_element("css selector", 'input[name="check"][value="deprecated-term"]')
    box.click()
    shown = visible_findings(browser)
    assert shown and not set(deprecated) & set(shown)
    off = browser.execute_script("return [...document.querySelectorAll('mark.off')].map(m => m.dataset.f)")
    assert set(deprecated) <= {i for ids in off for i in ids.split()}
    box.click()
    assert visible_findings(browser) == [f"f{n}" for n in range(1, len(findings) + 1)]
    warning = browser.find_element("css selector", 'input[name="severity"][value="warning"]')
    warning.click()
    assert all(f["severity"] != "warning" for n, f in enumerate(findings, 1) if f"f{n}" in visible_findings(browser))
    warning.click()
    if os.environ.get("MTCHECK_SCREENSHOT"):  # the README's picture: make it with this test
        browser.set_window_size(1400, 1300)
        browser.save_screenshot(os.environ["MTCHECK_SCREENSHOT"])


def test_keys_move_between_findings_and_each_has_an_anchor(browser: Any, seed: Path, tmp_path: Path) -> None:
    report, page = report_pair(tmp_path, "check", str(seed), "-s", "ar", "-t", "en", "--termbase", str(TERMBASE),
                               "--no-mt")  # fmt: skip
    open_page(browser, page)
    body = browser.find_element("tag name", "body")
    active = []
    for key in ("j", "j", "k"):
        body.send_keys(key)
        active.append(browser.execute_script("return document.activeElement.id"))
    assert active == ["f1", "f2", "f1"]
    browser.get(page.as_uri() + "#f2")
    assert browser.execute_script("return document.querySelector(':target').id") == "f2"
    assert len(report["findings"]) >= 2


def test_arabic_original_is_right_to_left_and_the_page_fetches_nothing(browser: Any, tmp_path: Path) -> None:
    (tmp_path / "orig.ar.txt").write_text(ORIGINAL_AR, encoding="utf-8")
    (tmp_path / "copy.en.txt").write_text(TRANSLATION_EN, encoding="utf-8")
    report, page = report_pair(tmp_path, "check", str(tmp_path / "copy.en.txt"), "--original",
                               str(tmp_path / "orig.ar.txt"), "-s", "ar", "-t", "en", "--termbase", str(TERMBASE),
                               "--no-mt")  # fmt: skip
    open_page(browser, page)
    directions = browser.execute_script(
        "return [...document.querySelectorAll('td.cell')].map(td => "
        "[td.classList[1], getComputedStyle(td).direction, td.textContent.trim()])"
    )
    arabic = [d for role, d, text in directions if role == "original" and text]
    assert arabic and set(arabic) == {"rtl"}
    assert {d for role, d, _t in directions if role == "translation"} == {"ltr"}
    marked = browser.execute_script(MARKED_TEXT)
    for n, finding in enumerate(report["findings"], 1):
        if finding["span"] is not None:
            assert marked.get(f"f{n}") == finding["text"]
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert network_requests(browser) == [page.as_uri()]
