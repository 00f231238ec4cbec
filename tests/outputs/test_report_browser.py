"""The HTML report in a real headless Chromium (Debian's `chromium`, driven by Playwright
without downloading a browser): every chart drew marks, the console stayed clean, the
province filter works, a bar leads to its evidence; a screenshot is kept in tests/artifacts/."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.cli import main
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHARTS = ("online_pct", "on_time_pct", "overdue_pct", "procedures_online_full", "computers", "items_lacking",
          "documents_issued", "failed_checks", "requests")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine: `make setup` installs it "
                                                          "with apt-get where it runs as root (apt-get install chromium)")


@pytest.fixture(scope="module")
def report(extracted, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "baocao_report.html"
    assert main(["report", str(extracted), "--html", str(path)]) == 0
    return path


@pytest.fixture(scope="module")
def page(report, tmp_path_factory):
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
                                                        viewport={"width": 1280, "height": 900})
        tab = browser.new_page()
        problems: list[str] = []
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: problems.append(str(e)))
        tab.on("request", lambda r: problems.append(f"network: {r.url}") if not r.url.startswith(("file:", "data:")) else None)
        tab.goto(report.as_uri())
        tab.wait_for_selector("section.chart svg")
        yield tab, problems
        browser.close()


def test_every_chart_rendered_with_marks(page):
    tab, problems = page
    for chart in CHARTS:
        marks = tab.locator(f"#chart-{chart} svg rect.bar, #chart-{chart} svg circle.point").count()
        assert marks > 0, f"chart {chart} drew nothing"
    # 5 series for the 2 communes that state machines; Phước Giang states none and is left out
    assert tab.locator("#chart-computers svg rect.bar").count() == 2 * 5
    ARTIFACTS.mkdir(exist_ok=True)
    tab.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    assert problems == []


def test_side_by_side_table_and_vietnamese_labels(page):
    tab, _ = page
    headers = tab.locator("#compare thead th").all_inner_texts()
    assert headers[0] == "Chỉ số" and "Phượng Tiến (Thái Nguyên)" in headers
    assert "Tỷ lệ giải quyết đúng và trước hạn (%)" in tab.locator("#chart-on_time_pct h2").inner_text()


def test_province_filter(page):
    tab, problems = page
    tab.select_option("#province", "Thái Nguyên")
    assert tab.locator("#compare thead th").count() == 2
    assert tab.locator("#chart-failed_checks svg rect.bar").count() <= 1
    tab.select_option("#province", "")
    assert tab.locator("#compare thead th").count() == 4
    assert problems == []


def test_a_bar_leads_to_its_evidence_sentences(page):
    tab, _ = page
    tab.locator("#chart-procedures_online_full svg a").first.click()
    opened = tab.locator("#chart-procedures_online_full details[open]")
    # the link changes the URL's fragment, and the page opens the evidence on `hashchange`, which the
    # browser fires after the click returns: wait for it (a bare count failed once under load)
    pytest.importorskip("playwright.sync_api").expect(opened).to_have_count(1)
    quote = opened.locator("blockquote").first.inner_text()
    assert "211" in quote and "ký tự" in quote
