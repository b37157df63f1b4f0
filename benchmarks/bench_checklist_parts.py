"""The long checklist PDF's phases per row: prints figures, asserts nothing.

    python benchmarks/bench_checklist_parts.py                 # 500, 2,000 and 5,000 clauses
    python benchmarks/bench_checklist_parts.py --sizes 500 2000 --rounds 1

``checklist.pdf`` of more than 400 rows is laid out in parts (``artifacts/checklist/pdf.py``): each part
is laid out by WeasyPrint, written to PDF bytes, and the parts are joined by qpdf. For each synthetic set
size (``synthetic.py``) this times, in CPU seconds of one process that writes the file as a build's job
does, each part's layout, the writing of the parts, the join and the rest (the parts' trees and HTML),
and prints each per check-table row: a phase whose cost per row grows with the size is what would make
the file's marginal cost grow. The sizes take turns round by round, and each figure is the least of the
rounds (this machine's speed drifts, never above its best).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent / "src"), str(HERE)]

PHASES = ("layout", "write", "join", "rest")


def timed_run(folder: Path) -> dict[str, Any]:
    """Write the set's checklist PDF once, in a fresh forked process; its rows, parts and CPU seconds by phase."""
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")) as child:
        return child.submit(_phases, folder).result()


def _phases(folder: Path) -> dict[str, Any]:
    import stdgen.artifacts.checklist.pdf as checklist_pdf
    from stdgen.artifacts.checklist.rows import build_checklist
    from stdgen.diagnostics import Report
    from stdgen.render.weasy import load
    from stdgen.workspace import open_workspace

    load()
    from weasyprint.document import Document

    rs = next(iter(open_workspace(folder, Report()).sets.values()))
    spent = dict.fromkeys(PHASES, 0.0)
    parts = 0

    def timing(phase: str, work: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            nonlocal parts
            parts += phase == "layout"
            start = time.process_time()
            try:
                return work(*args, **kwargs)
            finally:
                spent[phase] += time.process_time() - start
        return run

    checklist_pdf._layout = timing("layout", checklist_pdf._layout)
    checklist_pdf._join = timing("join", checklist_pdf._join)
    Document.write_pdf = timing("write", Document.write_pdf)
    cl = build_checklist(rs)
    start = time.process_time()
    with tempfile.TemporaryDirectory() as tmp:
        checklist_pdf.write_checklist_pdf(cl, Path(tmp) / "checklist.pdf")
    spent["rest"] = time.process_time() - start - spent["layout"] - spent["write"] - spent["join"]
    return {"rows": len(cl.entries), "parts": parts, **spent}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    from synthetic import write_synthetic_set

    with tempfile.TemporaryDirectory() as tmp:
        folders = {n: Path(tmp) / f"s{n}" / "clauses" for n in args.sizes}
        for n, folder in folders.items():
            write_synthetic_set(folder / "syn", n)
        runs: dict[int, list[dict[str, Any]]] = {n: [] for n in args.sizes}
        for _ in range(args.rounds):
            for n, folder in folders.items():
                runs[n].append(timed_run(folder))
    print(f"`python benchmarks/bench_checklist_parts.py --sizes {' '.join(map(str, args.sizes))} "
          f"--rounds {args.rounds}`, least CPU of the rounds\n")
    print("| clauses | check-table rows | parts | " + " | ".join(f"{p} ms/row" for p in PHASES) + " | total s |")
    print("| ---: | ---: | ---: | " + " | ".join("---:" for _ in PHASES) + " | ---: |")
    for n, results in runs.items():
        rows, parts = results[0]["rows"], results[0]["parts"]
        least = {p: min(r[p] for r in results) for p in PHASES}
        total = min(sum(r[p] for p in PHASES) for r in results)
        cells = " | ".join(f"{least[p] / rows * 1000:.2f}" for p in PHASES)
        print(f"| {n} | {rows} | {parts} | {cells} | {total:.1f} |")


if __name__ == "__main__":
    main()
