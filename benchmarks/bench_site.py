"""Site benchmark: prints figures for this machine; asserts nothing.

    python benchmarks/bench_site.py

Builds every bundled set's HTML into a temporary folder, then times the cross-set step that
writes the concordance, the cross-reference index and the site (pages, search index), reports
the site's size, and times queries in headless Chromium (when Debian's chromium and
chromium-driver are installed): the search box's own work from a keystroke to the result list.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from stdgen.build import build_sets, build_workspace  # noqa: E402
from stdgen.diagnostics import Report  # noqa: E402
from stdgen.workspace import open_workspace  # noqa: E402

QUERIES = ["首问负责", "请问有什么事需要帮忙", "QC-10.4", "第一责任人首先接待", "服务忌语", "12345"]


def main() -> None:
    out = Path(tempfile.mkdtemp(prefix="stdgen-bench-site-")) / "output"
    report = Report()
    ws = open_workspace(ROOT / "clauses", report)
    build_sets(ws.sets.values(), out, report, formats=("html",))
    start = time.perf_counter()
    build_workspace(ws, out, report)
    cross = time.perf_counter() - start
    site = out / "site"
    pages = sorted(site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    index = (site / "search-index.js").stat().st_size
    print(f"sets: {len(ws.sets)}; concordance + xref + site written in {cross:.2f} s")
    print(f"site: {len(pages)} pages + index.html, {size / 1e6:.1f} MB; search index {index / 1e3:.0f} kB")
    search(out)


def search(out: Path) -> None:
    import browser

    if not browser.available():
        print("search: chromium or chromium-driver not installed, skipped")
        return
    with browser.chromium() as driver:
        driver.get((out / "index.html").as_uri())
        for query in QUERIES:
            ms = driver.execute_script("""
                const box = document.getElementById('search-box');
                const t0 = performance.now();
                for (let i = 0; i < 20; i++) { box.value = arguments[0]; box.dispatchEvent(new Event('input')); }
                return [(performance.now() - t0) / 20, document.querySelectorAll('#search-results li').length];
            """, query)
            print(f"search {query!r}: {ms[0]:.1f} ms, {ms[1]} results")


if __name__ == "__main__":
    main()
