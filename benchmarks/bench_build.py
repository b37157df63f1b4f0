"""Build benchmarks: prints figures for this machine; asserts nothing.

    python benchmarks/bench_build.py            # everything (about 3 minutes on 2 cores)
    python benchmarks/bench_build.py --quick    # skip the 5,000-clause standard

Measures a cold full build of the bundled sets (every artifact, every format), a no-op
rebuild, a one-clause edit, and a synthetic standard of 500 and 5,000 clauses (DOCX + PDF)
with time per clause and peak memory. Every measurement runs in a fresh process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

SCALE_CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {bench!r})
from synthetic import write_synthetic_set
from stdgen.artifacts.standard.tree import build
from stdgen.diagnostics import Report
from stdgen.render.docx_render import write_docx
from stdgen.render.pdf import write_pdf
from stdgen.workspace import open_workspace

folder = Path({folder!r})
write_synthetic_set(folder / "clauses" / "syn", {n})
times = {{}}
start = time.perf_counter()
ws = open_workspace(folder / "clauses", Report())
rs = ws.sets["syn"]
times["load"] = time.perf_counter() - start
doc = build(rs)
start = time.perf_counter(); write_docx(doc, folder / "syn.docx"); times["docx"] = time.perf_counter() - start
start = time.perf_counter(); write_pdf(doc, folder / "syn.pdf"); times["pdf"] = time.perf_counter() - start
nodes = sum(1 for _ in rs.nodes())
print(json.dumps({{"clauses": nodes, "times": times,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def build_figures(work: Path) -> None:
    clauses = work / "clauses"
    shutil.copytree(ROOT / "clauses", clauses)
    out = work / "output"
    stdgen = [sys.executable, "-m", "stdgen", "build", "--clauses", str(clauses), "--out", str(out)]
    cold = timed([*stdgen, "--force"], work)
    noop = timed(stdgen, work)
    body = clauses / "db34-t-3395-2019" / "10-body.yaml"
    body.write_text(body.read_text(encoding="utf-8").replace("窗明几净", "窗明几亮", 1), encoding="utf-8")
    edit = timed(stdgen, work)
    files = sum(1 for p in out.rglob("*") if p.is_file() and p.name != "build.json")
    print(f"cold full build (5 sets, {files} files): {cold:6.2f} s   target ≤ 15 s")
    print(f"no-op rebuild:                         {noop:6.2f} s   target ≤ 1 s")
    print(f"one-clause edit (db34 5.1):            {edit:6.2f} s   target ≤ 3 s")


def scale_figures(work: Path, sizes: list[int]) -> None:
    per_clause: dict[int, float] = {}
    for n in sizes:
        folder = work / f"syn{n}"
        code = SCALE_CHILD.format(bench=str(Path(__file__).parent), folder=str(folder), n=n)
        result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        data = json.loads(result.stdout.strip().splitlines()[-1])
        total = sum(data["times"].values())
        per_clause[n] = total / data["clauses"]
        t = data["times"]
        print(f"synthetic {data['clauses']:5d} clauses: load {t['load']:5.2f} s, DOCX {t['docx']:5.2f} s, "
              f"PDF {t['pdf']:6.2f} s, total {total:6.2f} s, {per_clause[n] * 1000:5.2f} ms/clause, "
              f"peak {data['peak_mb']:6.0f} MB")
    if len(per_clause) == 2:
        small, large = sorted(per_clause)
        print(f"time per clause at {large} / at {small}: {per_clause[large] / per_clause[small]:.2f}   target ≤ 1.5; "
              "5,000 clauses target ≤ 60 s, peak ≤ 1 GB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="skip the 5,000-clause standard")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        build_figures(work)
        scale_figures(work, [500] if args.quick else [500, 5000])


if __name__ == "__main__":
    main()
