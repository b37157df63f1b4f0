"""PDF fonts: preparation time, and PDF time and size with the prepared fonts vs the system fonts.

    python benchmarks/bench_fonts.py [--sets db34-t-3395-2019 ...] [--repeat 3] [--no-fonttools]

Uses an empty temporary font cache (STDGEN_CACHE), so the first figure is the first-ever
preparation. PDF times are whole write_pdf calls (layout included), the best of --repeat runs,
with the subsetter WeasyPrint uses here (HarfBuzz when libharfbuzz-subset0 is installed) and, unless
--no-fonttools, once each with WeasyPrint's fontTools fallback (what a machine without
libharfbuzz-subset0 gets).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]


def _seconds(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", help="clause sets (default: those named db34-*)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-fonttools", action="store_true", help="skip the fontTools-subsetter runs (slow)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="stdgen-bench-fonts-") as tmp:
        os.environ["STDGEN_CACHE"] = tmp  # read when fonts are looked up, not at import
        import weasyprint.pdf.fonts as weasyprint_fonts

        from stdgen.build import ARTIFACTS
        from stdgen.diagnostics import Report
        from stdgen.fonts import cache_root, find_faces, prepare_fonts
        from stdgen.render.pdf import write_pdf
        from stdgen.workspace import open_workspace

        faces = find_faces()
        if not faces:
            print("Noto Serif/Sans CJK SC not found: nothing to prepare (apt-get install fonts-noto-cjk)")
            return 1
        workers = min(len(faces), os.cpu_count() or 1)
        started = time.perf_counter()
        prepare_fonts()
        cold = time.perf_counter() - started
        started = time.perf_counter()
        prepare_fonts("镕堃喆")
        rare = time.perf_counter() - started
        size = sum(p.stat().st_size for p in cache_root().rglob("*.ttf"))
        print(f"font preparation, cold cache, {len(faces)} faces, {workers} worker(s): core slices {cold:.1f} s; "
              f"+ the slices of 镕堃喆 {rare:.1f} s; cache {size / 1e6:.1f} MB")

        clauses = ROOT / "clauses"
        names = args.sets or sorted(p.name for p in clauses.iterdir() if p.name.startswith("db34"))
        report = Report()
        ws = open_workspace(clauses, report, names)
        if report.failed():
            print(report.render_text())
            return 1
        docs = [(f"{name}/{a.name}", a.tree(ws.sets[name])) for name in names for a in ARTIFACTS if "pdf" in a.formats]

        subsetters: list[tuple[str, object, int]] = []
        harfbuzz = weasyprint_fonts.harfbuzz_subset
        subsetters.append(("HarfBuzz" if harfbuzz else "fontTools", harfbuzz, args.repeat))
        if harfbuzz and not args.no_fonttools:
            subsetters.append(("fontTools", None, 1))
        print(f"{'document':38} {'pages':>5}  {'subsetter':9}  {'system s':>8}  {'prepared s':>10}  "
              f"{'system KB':>9}  {'prepared KB':>11}")
        out = Path(tmp) / "pdf"
        out.mkdir()
        for prepared in (False, True):  # warm-up: imports, fontconfig
            write_pdf(docs[0][1], out / "warm-up.pdf", prepared_fonts=prepared)
        for label, doc in docs:
            for subsetter, value, repeat in subsetters:
                weasyprint_fonts.harfbuzz_subset = value
                row = {}
                for prepared in (False, True):
                    path = out / f"{prepared}.pdf"
                    seconds = _seconds(lambda: write_pdf(doc, path, prepared_fonts=prepared), repeat)  # noqa: B023
                    row[prepared] = (seconds, path.stat().st_size / 1e3, len(PdfReader(path).pages))
                weasyprint_fonts.harfbuzz_subset = harfbuzz
                print(f"{label:38} {row[True][2]:5}  {subsetter:9}  {row[False][0]:8.2f}  {row[True][0]:10.2f}  "
                      f"{row[False][1]:9.0f}  {row[True][1]:11.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
