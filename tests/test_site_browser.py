"""The site in headless Chromium (Selenium + Debian's chromium-driver), opened from disk.

Screenshots at 1280 px and 360 px are kept in tmp/artifacts/ (each test run replaces them)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import browser
import linkcheck
from conftest import CLAUSES, ROOT
from stdgen.build import build_sets, build_workspace
from stdgen.diagnostics import Report
from stdgen.site import SITE
from stdgen.workspace import open_workspace

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not browser.available(), reason="needs Debian chromium and chromium-driver")]
SHOTS = ROOT / "tmp" / "artifacts"
STANDARD = "db34-t-3395-2019"


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A whole `stdgen build`: every set in every format, then the cross-set outputs and the site."""
    out = tmp_path_factory.mktemp("browser") / "output"
    report = Report()
    ws = open_workspace(CLAUSES, report)
    build_sets(ws.sets.values(), out, report, jobs=2)
    build_workspace(ws, out, report)
    assert not report.errors, report.render_text()
    return out


@pytest.fixture(scope="module")
def shots() -> Path:
    shutil.rmtree(SHOTS, ignore_errors=True)
    SHOTS.mkdir(parents=True)
    return SHOTS


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with browser.chromium() as d:
        browser.requests(d)  # what the browser loads for itself before the first page
        yield d


def in_view(driver: Any, ident: str) -> bool:
    top = driver.execute_script(f"return document.getElementById({ident!r}).getBoundingClientRect().top")
    return bool(0 <= top < driver.execute_script("return window.innerHeight"))


def assert_clean(driver: Any) -> None:
    """No console error; every request of the site's pages is a file:// one (or inline data:), and nothing at
    all goes out."""
    assert browser.console_errors(driver) == []
    seen = browser.requests(driver)
    assert seen, "the performance log recorded nothing"
    ours = [url for page, url in seen if page.startswith("file://")]
    assert ours and all(url.startswith(("file://", "data:")) for url in ours), ours
    assert not [url for _, url in seen if re.match(r"(https?|wss?|ftp)://", url)]


def test_every_link_and_anchor_of_the_output_resolves(output: Path) -> None:
    checked, problems = linkcheck.check(output)
    assert not problems, "\n".join(problems[:20])
    assert checked > 3000
    assert (output / SITE / STANDARD / "standard.html").is_file()


def test_checklist_row_to_standard_and_back(driver: Any, output: Path) -> None:
    browser.set_width(driver, 1280)
    driver.get((output / "index.html").as_uri())
    assert driver.title == "标准文件库"
    driver.find_element("css selector", f'a[href="{SITE}/{STANDARD}/checklist.html"]').click()
    assert driver.current_url.endswith(f"{SITE}/{STANDARD}/checklist.html")
    row_link = driver.find_element("css selector", 'a[href="standard.html#QC-10.1"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", row_link)
    row_link.click()
    assert driver.current_url.endswith(f"{SITE}/{STANDARD}/standard.html#QC-10.1")
    assert in_view(driver, "QC-10.1")
    heading = driver.find_element("id", "QC-10.1")
    assert heading.tag_name == "h3" and heading.text == "10.1　首问负责"
    aside = driver.find_element("css selector", "#QC-10\\.1 + aside.xref")
    assert "QC-10.1" in aside.find_element("css selector", ".cid").text
    back = aside.find_element("css selector", 'a[href="checklist.html#QC-10.1"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", back)
    back.click()
    assert driver.current_url.endswith(f"{SITE}/{STANDARD}/checklist.html#QC-10.1")
    assert in_view(driver, "QC-10.1")
    driver.back()
    assert driver.current_url.endswith("standard.html#QC-10.1")
    assert_clean(driver)


def test_find_a_clause_by_a_phrase(driver: Any, output: Path, shots: Path) -> None:
    browser.set_width(driver, 1280)
    driver.get((output / SITE / STANDARD / "checklist.html").as_uri())
    box = driver.find_element("id", "search-box")
    box.send_keys("请问有什么事需要帮忙")  # a recommended phrase of 附录A
    results = driver.find_elements("css selector", "#search-results li a")
    assert results
    first = results[0]
    assert first.find_element("css selector", "mark").text == "请问有什么事需要帮忙"
    href = first.get_attribute("href")
    assert href.startswith("file://") and f"/{SITE}/{STANDARD}/standard.html#" in href
    driver.save_screenshot(str(shots / "search-1280.png"))
    box.send_keys("\n")  # Enter opens the first result
    ident = href.rpartition("#")[2]
    assert driver.current_url == href and in_view(driver, ident)
    assert "请问有什么事需要帮忙" in driver.find_element("tag name", "main").text
    # without word segmentation: an ID, a number, words in another order than the text's
    for query, wanted in [("QC-10.4", "#QC-10.4"), ("首问 负责", "#QC-10.1"), ("第一责任人首先接待", "#QC-10.1")]:
        box = driver.find_element("id", "search-box")
        box.clear()
        box.send_keys(query)
        hrefs = [a.get_attribute("href") for a in driver.find_elements("css selector", "#search-results li a")]
        assert any(h.endswith(wanted) for h in hrefs[:3]), (query, hrefs[:3])
    assert_clean(driver)


@pytest.mark.parametrize("width", [1280, 360])
def test_pages_read_at_desktop_and_phone_width(driver: Any, output: Path, shots: Path, width: int) -> None:
    browser.set_width(driver, width)
    site = output / SITE
    pages = {"index": output / "index.html", "standard": site / STANDARD / "standard.html",
             "checklist": site / STANDARD / "checklist.html", "concordance": site / "concordance.html"}
    for name, path in pages.items():
        driver.get(path.as_uri())
        # nothing sticks out sideways: wide tables scroll inside their own box
        assert driver.execute_script("return document.documentElement.scrollWidth") <= width, name
        browser.full_page_png(driver, shots / f"{name}-{width}.png")
    driver.get((output / SITE / STANDARD / "standard.html").as_uri() + "#QC-10.1")
    driver.save_screenshot(str(shots / f"standard-10.1-{width}.png"))
    toc_open = driver.execute_script("return document.getElementById('toc').open")
    assert toc_open is (width >= 900)  # a phone starts with the table of contents folded
    size = driver.execute_script(
        "return parseFloat(getComputedStyle(document.querySelector('.doc p.body')).fontSize)")
    assert size >= 13  # body text stays readable on a phone
    color = driver.execute_script("return [getComputedStyle(document.body).color, "
                                  "getComputedStyle(document.documentElement).backgroundColor]")
    assert color == ["rgb(26, 26, 26)", "rgb(255, 255, 255)"]
    assert_clean(driver)
    for png in shots.glob(f"*-{width}.png"):
        assert png.stat().st_size > 5000


def test_print_hides_navigation_and_keeps_the_text(driver: Any, output: Path, shots: Path) -> None:
    import base64

    driver.get((output / SITE / STANDARD / "standard.html").as_uri())
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = driver.execute_script("return ['.site-head', '.side', 'aside.xref']"
                                       ".map(s => getComputedStyle(document.querySelector(s)).display)")
        assert hidden == ["none", "none", "none"]
        assert driver.find_element("id", "QC-10.1").is_displayed()
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    (shots / "standard-print.pdf").write_bytes(base64.b64decode(pdf["data"]))
    assert (shots / "standard-print.pdf").stat().st_size > 10000
