"""Import benchmark and round-trip figures: prints them for this machine; asserts nothing.

    python benchmarks/bench_import.py

Each bundled clause set is built to DOCX and PDF, imported back with ``stdgen import`` and
compared with the set (clauses exact, provision types that agree, terms, references); the
raw seeds 000 and 002 are imported as plain text and compared with their hand-encoded sets.
Import time is given per source page (the PDF's page count, also used for the DOCX).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from stdgen.artifacts.standard.tree import build as standard_tree
from stdgen.diagnostics import Report
from stdgen.importer import import_file
from stdgen.importer.compare import Match, compare
from stdgen.loader import load_set
from stdgen.render.docx_render import write_docx
from stdgen.render.pdf import write_pdf
from stdgen.resolve import ResolvedSet, resolve
from stdgen.workspace import set_folders

ROOT = Path(__file__).resolve().parents[1]
SEEDS = {"db4108-t-6-2020": "000_409eb28d6bae5e62.txt", "db34-t-3395-2019": "002_e87553705ef85d77.txt"}


def _resolved(folder: Path) -> ResolvedSet:
    report = Report()
    loaded = load_set(folder, report)
    assert loaded is not None, report.render_text()
    return resolve(loaded, report)


def _import(source: Path, code: str, folder: Path) -> tuple[ResolvedSet | None, float]:
    start = time.perf_counter()
    import_file(source, code, folder)
    seconds = time.perf_counter() - start
    report = Report()
    loaded = load_set(folder, report)
    return (resolve(loaded, report) if loaded else None), seconds


def _line(label: str, match: Match, seconds: float | None = None, pages: int = 0) -> str:
    timing = f"  {seconds / pages * 1000:6.0f} ms/page ({pages} pages)" if seconds is not None and pages else ""
    return (f"{label:<34} {match.exact:>3}/{match.clauses:<3} clauses exact {match.rate:6.1%}  "
            f"types agree {match.type_rate:6.1%}  terms {match.terms_exact}/{match.terms}  "
            f"references {'same' if match.references_exact else 'differ'}{timing}")


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="bench-import-"))
    total_pages, total_seconds = 0, 0.0
    print("round trip: bundled set → DOCX / PDF → stdgen import → compared with the set")
    for folder in set_folders(ROOT / "clauses"):
        original = _resolved(folder)
        pdf = tmp / f"{folder.name}.pdf"
        write_pdf(standard_tree(original), pdf)
        pages = len(PdfReader(pdf).pages)
        docx = tmp / f"{folder.name}.docx"
        write_docx(standard_tree(original), docx)
        for source in (docx, pdf):
            imported, seconds = _import(source, original.standard.code, tmp / f"{source.name}-set")
            total_pages += pages
            total_seconds += seconds
            match = compare(original, imported, folder.name)
            print(_line(f"{folder.name} {source.suffix[1:]}", match, seconds, pages))
    print(f"import time over all: {total_seconds / total_pages * 1000:.0f} ms per page")
    print("raw seeds (plain text) → stdgen import → compared with the hand-encoded set by printed number")
    for name, seed in SEEDS.items():
        original = _resolved(ROOT / "clauses" / name)
        imported, seconds = _import(ROOT / "tests" / "data" / "seeds" / seed, original.standard.code,
                                    tmp / f"{seed}-set")
        match = compare(original, imported, name, by_source=True)
        print(_line(f"seed {seed[:3]} ({name})", match))
        for difference in match.differences:
            print(f"    missing or different: {difference[:160]}")


if __name__ == "__main__":
    sys.exit(main())
