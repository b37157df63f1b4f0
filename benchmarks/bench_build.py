"""Build benchmark: the real CLI in fresh processes; prints figures, asserts nothing.

    python benchmarks/bench_build.py                       # everything the README quotes
    python benchmarks/bench_build.py --quick               # small sizes, 1 run each: a smoke test
    python benchmarks/bench_build.py --only scale --sizes 500 2000 5000 --runs 3
    python benchmarks/bench_build.py --only library --library-sets 200 --library-clauses 100

Parts (``--only``, repeatable): ``bundled`` (cold ``stdgen build --force`` of the bundled sets, no-op,
one-clause edits: a clause in the standard and on the checklist, and one only in the standard, each with
the files it rewrote), ``scale`` (synthetic sets of ``--sizes`` clauses: full ``stdgen build --force``,
and per output file the wall and CPU seconds to write it, each in a process forked from the loaded sets
(a file other than a PDF five times a run, a PDF once), and the marginal cost per clause between sizes,
from the least wall and CPU seconds of all runs (this machine's speed drifts, never above its best) and
from the median CPU seconds), ``library`` (a workspace of many ~100-clause sets), ``floor`` (each PDF
again with pure WeasyPrint on the exact HTML stdgen lays out, and the ratio). Every timing is a fresh
process; a build's figure is the median of ``--runs`` runs with min–max, a file's the least; peak memory
is given two ways: the sum over the build's processes of each one's peak resident set (VmHWM; pages
shared after fork count in every process, so the sum is an upper bound) and the highest sum at one
moment of their proportional sets (Pss).
Font subsets (render/fontcache.py) are kept as a user's builds keep them, in a folder beside the output:
a ``--force`` build and each per-file run start with it empty (as a first build on the machine), edits and
``stdgen serve`` find what the builds before them kept; the floors subset as WeasyPrint does.
Results go to ``--json`` and a Markdown table ``--markdown``.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent
ENV = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{HERE}"}
FONT_CACHE = "font-cache"  # XDG_CACHE_HOME of a benchmark's stdgen processes, beside their output

# In a child script, after `weasyprint = load()`: spy (set as weasyprint.HTML.__init__ while a job runs) keeps
# every HTML page stdgen hands WeasyPrint, and laid_out_for gives them for a unit's format: the HTML its PDF
# floor is timed on, the same for the per-file floors and an edit's.
HTML_SPY = """
from stdgen.render.html import render_html
laid_out = []  # every HTML page stdgen hands to WeasyPrint during a job (a long checklist: one per part)
weasyprint_init = weasyprint.HTML.__init__
def spy(self, *args, **kwargs):
    if isinstance(kwargs.get("string"), str):
        laid_out.append(kwargs["string"])
    weasyprint_init(self, *args, **kwargs)

def laid_out_for(unit, fmt):
    return list(laid_out) or ([render_html(unit.document(), external_links=False)] if fmt not in unit.direct else [])
"""

PER_FILE_CHILD = """
import inspect, json, os, statistics, sys, time
from pathlib import Path
import docx, openpyxl  # imported once, as a build's workers have them after their first job
from stdgen.build import ARTIFACTS, REUSES, render_job
from stdgen.diagnostics import Report
from stdgen.render.weasy import load
from stdgen.workspace import open_workspace
weasyprint = load()
import pydyf
import weasyprint.layout.inline as inline
from weasyprint.pdf.fonts import Font

QUICK_FORKS = 5
folders = [(Path(c), Path(o)) for c, o in json.loads(sys.argv[1])]  # (clauses, output) of each workspace
floor, only_pdf = sys.argv[2] == "1", sys.argv[3] == "1"  # only_pdf: the library's floor, its PDFs only
""" + HTML_SPY + """

def measure(rs, artifact, unit, fmt, path, given):
    \"\"\"Write one file; with the HTML pages to lay out for its floor.\"\"\"
    laid_out.clear()
    weasyprint.HTML.__init__ = spy
    start, cpu = time.perf_counter(), time.process_time()
    result = render_job(rs, artifact.name, unit.stem, fmt, path, given)
    row = {"set": rs.clause_set.name, "file": f"{unit.stem}.{fmt}", "seconds": time.perf_counter() - start,
           "cpu": time.process_time() - cpu, "result": result, "pages": []}
    weasyprint.HTML.__init__ = weasyprint_init
    if floor and fmt == "pdf":
        row["pages"] = laid_out_for(unit, fmt)
    return row

def pure_weasyprint(pages, path):
    \"\"\"The floor: pure WeasyPrint (render + write, default options) on the exact HTML the job laid out, its
    leaders laid out, fonts subset and compressed and objects serialized as WeasyPrint and pydyf do (not as
    render/weasy.py and render/fontcache.py have them).\"\"\"
    inline.handle_leader = inline.handle_leader.__wrapped__
    Font.subset, pydyf.Stream.data = Font.subset.__wrapped__, property(inspect.unwrap(pydyf.Stream.data.fget))
    pydyf.PDF.write = inspect.unwrap(pydyf.PDF.write)
    start = time.perf_counter()
    for html in pages:
        pure = weasyprint.HTML(string=html, base_url=str(path.parent))
        pure.write_pdf(path.with_suffix(".floor.pdf"))
    return time.perf_counter() - start

def warm_up():
    \"\"\"What a build's worker has after its first job, before the forks: fontconfig and Pango with the CJK
    fonts open, the installed fonts checked, the templates compiled. The file and its floor then start alike.\"\"\"
    from stdgen.render import templates
    from stdgen.render.fonts import installed_font
    from stdgen.render.html import FONT_STACKS
    for stack in FONT_STACKS.values():
        installed_font(stack)
    for name in sorted(p.name for p in templates.PACKAGE.glob("*.j2")):
        templates._environment_for(name).get_template(name)
    families = "".join(f"<p style='font-family: {stack}'>服务规范 0</p>" for stack in FONT_STACKS.values())
    weasyprint.HTML(string=families).write_pdf()

def forked(work):
    \"\"\"work() in a child process, forked from the loaded sets: each file is timed apart from what the
    files before it left in the heap (timed one after the other in one process, a file written after the
    5,000-clause PDFs ran slower per clause than the same file at 2,000 clauses).\"\"\"
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            data = json.dumps(work())
        except Exception:  # an artifact with nothing to write for this set
            data = "null"
        with os.fdopen(write, "w") as pipe:
            pipe.write(data)
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    return json.loads(data)

workspaces = [(open_workspace(clauses, Report()), out) for clauses, out in folders]
warm_up()
rows = []
written = {}  # (workspace, set, unit) → format → what its job returned (the PDF's anchor pages)
for artifact in ARTIFACTS:
    # as a build runs them: a format that takes another's result (REUSES: the DOCX takes the PDF's page numbers
    # for its 目次) is written after it, from it. The workspaces (the scale's sizes) take turns file by file:
    # this machine's speed drifts over minutes, and a small file timed minutes apart at two sizes moved the
    # marginal ratio by 0.3 from run to run (standard.docx: 0.81, 1.32, 1.49)
    for fmt in sorted(artifact.formats, key=lambda f: f in REUSES):
        if only_pdf and fmt != "pdf":
            continue
        for number, (ws, out) in enumerate(workspaces):
            os.environ["XDG_CACHE_HOME"] = str(out / "font-cache")  # each workspace's files share their subsets
            for rs in ws.sets.values():
                for unit in artifact.outputs(rs):
                    if fmt not in unit.formats:
                        continue
                    done = written.setdefault((number, rs.clause_set.name, unit.stem), {})
                    reuse = REUSES.get(fmt)
                    given = None
                    if (reuse is not None and reuse.source in done and not {fmt, reuse.source} & set(unit.direct)
                            and reuse.wanted(unit.document())):
                        given = done[reuse.source]
                    path = out / rs.clause_set.name / f"{unit.stem}.{fmt}"
                    path.parent.mkdir(parents=True, exist_ok=True)
                    row = forked(lambda: measure(rs, artifact, unit, fmt, path, given))
                    if row is None:
                        continue
                    again = [row]
                    if fmt != "pdf":  # quick files (3 s at most at 5,000 clauses): QUICK_FORKS forks
                        again += [forked(lambda: measure(rs, artifact, unit, fmt, path, given))
                                  for _ in range(QUICK_FORKS - 1)]
                    for k in ("seconds", "cpu"):  # the least, and the median beside it
                        row |= {k: min(r[k] for r in again), f"{k}_median": statistics.median(r[k] for r in again)}
                    done[fmt] = row.pop("result")
                    pages = row.pop("pages")
                    if pages:  # in a process of its own too, forked from the same state
                        row["weasyprint"] = forked(lambda: pure_weasyprint(pages, path))
                    rows.append({**row, "workspace": number})
print(json.dumps(rows))
"""


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


def _peak_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_of_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)  # every finished child and its waited-for workers
    return usage.ru_utime + usage.ru_stime


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def run(args: list[str], cwd: Path) -> dict[str, float]:
    """One fresh `python -m stdgen …` with the font subsets kept in cwd (render/fontcache.py), emptied first
    for a `--force` build (timed as a first build on the machine): wall seconds, CPU seconds of its process
    tree (a figure that other load on the machine disturbs less than wall time) and the peak memory of its
    process tree, two ways: the sum of each process's own peak resident set (VmHWM: pages a worker shares
    with the process it was forked from count in both, so an upper bound) and the highest sum at one moment
    of the processes' proportional sets (Pss). The wall time ends when the process does (this thread waits
    for it); the memory is read meanwhile by another thread (Memory)."""
    if "--force" in args:
        shutil.rmtree(cwd / FONT_CACHE, ignore_errors=True)
    cpu = _cpu_of_children()
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "stdgen", *args], cwd=cwd, env=_env(cwd),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = Memory(proc.pid)
    err = proc.communicate()[1].decode()
    seconds = time.perf_counter() - start
    memory.stop()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"stdgen {' '.join(args)} failed: {err[-2000:]}")
    return {"seconds": seconds, "cpu": _cpu_of_children() - cpu, "peak_mb": sum(memory.peaks.values()) / 1024,
            "pss_peak_mb": memory.pss_peak / 1024}


class Memory(threading.Thread):
    """The peaks of a process tree, read from /proc while it runs: each process's VmHWM every 20 ms
    (cheap: 0.02 ms a read) and the sum of their Pss every 200 ms from 40 ms in (smaps_rollup walks a
    process's pages: 3 ms a read of a 300 MB process). Both read every 50 ms took a fifth of a core from
    the build they measured, and the timing loop that read them saw the end up to 50 ms late: a one-clause
    edit measured 0.1 s slower."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peaks, self.pss_peak = pid, {pid: 0}, 0
        self.ended = threading.Event()
        self.start()

    def run(self) -> None:
        for tick in itertools.count():
            pids, stack = [], [self.pid]
            while stack:
                pid = stack.pop()
                pids.append(pid)
                self.peaks[pid] = max(self.peaks.get(pid, 0), _peak_kb(pid))
                stack += _children(pid)
            if tick % 10 == 2:  # 40 ms in, then every 200 ms: a no-op build ends in 70 ms
                self.pss_peak = max(self.pss_peak, sum(_pss_kb(pid) for pid in pids))
            if self.ended.wait(0.02):
                return

    def stop(self) -> None:
        self.ended.set()
        self.join()


def _env(cwd: Path) -> dict[str, str]:
    return {**ENV, "XDG_CACHE_HOME": str(cwd / FONT_CACHE)}


def repeated(n: int, make: Any) -> dict[str, Any]:
    return summary([make() for _ in range(n)])


def summary(results: list[dict[str, float]]) -> dict[str, Any]:
    """Median and min–max of the runs' seconds; the median CPU seconds; the highest peaks."""
    times = [r["seconds"] for r in results]
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "runs": len(results),
            "cpu": statistics.median(r.get("cpu", 0.0) for r in results), "peak_mb": max(r["peak_mb"] for r in results),
            "pss_peak_mb": max(r.get("pss_peak_mb", 0.0) for r in results)}


def per_file(clauses: Path, out: Path, floor: bool, runs: int, only_pdf: bool = False) -> dict[str, dict[str, float]]:
    """Seconds per output file (summed over sets; over runs as ``_figures`` has them), and WeasyPrint's on the
    same HTML."""
    return _figures([per_file_of([(clauses, out)], floor, only_pdf)[0] for _ in range(runs)])


def per_file_of(folders: list[tuple[Path, Path]], floor: bool,
                only_pdf: bool = False) -> list[dict[str, dict[str, float]]]:
    """One run of PER_FILE_CHILD over workspaces (clauses, output folder), their files timed in turns: for
    each, seconds (and CPU seconds, and WeasyPrint's on the same HTML) per output file, summed over sets."""
    for _, out in folders:
        shutil.rmtree(out / FONT_CACHE, ignore_errors=True)  # each file as a first build writes it
    result = subprocess.run([sys.executable, "-c", PER_FILE_CHILD, json.dumps([[str(c), str(o)] for c, o in folders]),
                             "1" if floor else "0", "1" if only_pdf else "0"],
                            env=_env(folders[0][1]), capture_output=True, text=True, check=True)
    totals: list[dict[str, dict[str, float]]] = [{} for _ in folders]
    for row in json.loads(result.stdout.strip().splitlines()[-1]):
        figures = totals[row["workspace"]].setdefault(_kind(row["file"]), {})
        for figure in ("seconds", "cpu", "seconds_median", "cpu_median", "weasyprint"):
            if figure in row:
                figures[figure] = figures.get(figure, 0.0) + row[figure]
    return totals


def _kind(file: str) -> str:
    """The row a file's time is added to: its own name, or for a unit under a folder (forms/QC-FORM-C1.pdf)
    the folder and format, all units together (forms/*.pdf, forms/*-fillable.pdf)."""
    if "/" not in file:
        return file
    folder, name = file.split("/", 1)
    return f"{folder}/*{'-fillable.pdf' if name.endswith('-fillable.pdf') else Path(name).suffix}"


def synthetic(folder: Path, sizes: list[int], sets: int = 1) -> Path:
    from synthetic import write_synthetic_set

    clauses = folder / "clauses"
    for i in range(sets):
        write_synthetic_set(clauses / f"syn{i:03d}", sizes[0], code=f"S{i:03d}" if sets > 1 else "SY")
    return clauses


# One-clause edits of the bundled 驻马店 set (clause ID, words of its text that the edit follows with a few
# characters): a requirement printed in the standard and on the checklist, edited in its opening words (which
# the cross-reference index, the concordance and the site's asides show as its excerpt) and in its last
# words (which they do not); and a statement printed only in the standard (the checklist's version follows
# its own rows, so this edit leaves its files alone), edited in its last words.
EDITS = {"standard + checklist clause, opening words": ("ZMD-1", "坚持“优质、方便、规范、快捷”"),
         "standard + checklist clause, last words": ("ZMD-1", "让服务对象满意。"),
         "standard-only clause, last words": ("ZMD-P1", "必备的综合素质")}
EDITED_SET = "zmd-civility-2023"


def _stamps(out: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(out)): (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(out).parts)}


def part_bundled(work: Path, runs: int) -> dict[str, Any]:
    clauses = work / "clauses"
    shutil.copytree(ROOT / "clauses", clauses)
    out = work / "output"
    build = ["build", "--clauses", str(clauses), "--out", str(out)]
    cold = repeated(runs, lambda: run([*build, "--force"], work))
    noop = repeated(runs, lambda: run(build, work))
    body = clauses / EDITED_SET / "body.yaml"
    text = body.read_text(encoding="utf-8")
    for _, words in EDITS.values():
        assert text.count(words) == 1, f"{words} should occur once in {body}"
    floor_pages = edit_floor_pages(clauses, work)
    # Rounds taking turns (each edit, then its floor), so that each edit is compared with a floor timed on the
    # same minutes: this machine's speed drifts by half within a run. Each build differs from the one before
    # it by one clause: an edit adds to its words a count of its runs, the other edits' counts stay.
    counts = dict.fromkeys(EDITS, 0)
    results: dict[str, list[dict[str, float]]] = {label: [] for label in EDITS}
    rewritten: dict[str, list[str]] = {}
    pdfs: dict[str, list[str]] = {}  # the PDFs each edit rewrote: its floor
    for _ in range(runs):
        for label in EDITS:
            counts[label] += 1
            body.write_text(_edited(text, counts), encoding="utf-8")
            before = _stamps(out)
            result = run(build, work)
            after = _stamps(out)
            rewritten[label] = sorted(name for name in after if after[name] != before.get(name))
            pdfs[label] = [name for name in rewritten[label] if name in floor_pages]
            results[label].append({**result, "floor": edit_floor_run([floor_pages[name] for name in pdfs[label]])})
    body.write_text(text, encoding="utf-8")
    run(build, work)  # back to the bundled text before the edits under serve
    edits: dict[str, Any] = {}
    for label, (ident, words) in EDITS.items():
        ratios = [r["seconds"] / r["floor"] for r in results[label]]
        floors = [r["floor"] for r in results[label]]
        edits[label] = {"clause": ident, **summary(results[label]), "rewritten": rewritten[label],
                        "floor": {"median": statistics.median(floors), "min": min(floors), "max": max(floors),
                                  "pdfs": pdfs[label]},
                        "ratio_to_floor": statistics.median(ratios),
                        "serve": served_edits(clauses, out, work, runs, partial(served_text, text, words))}
        body.write_text(text, encoding="utf-8")
        run(build, work)
    files = sum(1 for p in out.rglob("*") if p.is_file() and not p.name.startswith("."))
    return {"files": files, "cold": cold, "noop": noop, "edits": edits}


def _edited(text: str, counts: dict[str, int]) -> str:
    for label, (_, words) in EDITS.items():
        if counts[label]:
            text = text.replace(words, f"{words}（第{counts[label]}次修改）")
    return text


EDIT_FLOOR_HTML = """
import json, sys
from pathlib import Path
from stdgen.build import ARTIFACTS, render_job
from stdgen.diagnostics import Report
from stdgen.render.weasy import load
from stdgen.workspace import open_workspace
weasyprint = load()
""" + HTML_SPY + """
weasyprint.HTML.__init__ = spy
rs = open_workspace(Path(sys.argv[1]), Report()).sets[sys.argv[2]]
folder, pages = Path(sys.argv[3]), {}
for artifact in ARTIFACTS:
    for unit in artifact.outputs(rs):
        if "pdf" not in unit.formats:
            continue
        laid_out.clear()
        render_job(rs, artifact.name, unit.stem, "pdf", folder / "stdgen" / f"{unit.stem}.pdf", None)
        paths = pages[f"{sys.argv[2]}/{unit.stem}.pdf"] = []
        for i, text in enumerate(laid_out_for(unit, "pdf")):
            paths.append(str(folder / f"{unit.stem}-{i}.html"))
            Path(paths[-1]).write_text(text, encoding="utf-8")
print(json.dumps(pages))
"""
# WeasyPrint imported as stdgen imports it (render/weasy.py: without find_library, 0.2 s less), its leaders laid
# out, its fonts subset and its objects serialized as WeasyPrint and pydyf do (not joined, kept, nor made once,
# as stdgen's)
EDIT_FLOOR_PDF = ("import sys; from stdgen.render.weasy import load; weasyprint = load(); "
                  "import weasyprint.layout.inline as inline; inline.handle_leader = inline.handle_leader.__wrapped__; "
                  "import pydyf; from weasyprint.pdf.fonts import Font; Font.subset = Font.subset.__wrapped__; "
                  "import inspect; pydyf.Stream.data = property(inspect.unwrap(pydyf.Stream.data.fget)); "
                  "pydyf.PDF.write = inspect.unwrap(pydyf.PDF.write); "
                  "[weasyprint.HTML(filename=html).write_pdf(html + '.pdf') for html in sys.argv[1:]]")


def edit_floor_pages(clauses: Path, work: Path) -> dict[str, list[str]]:
    """Each PDF of the edited set (its path under the output) → the exact HTML pages stdgen lays out for it,
    as files (a long checklist is laid out in parts)."""
    folder = work / "edit-floor"
    (folder / "stdgen").mkdir(parents=True, exist_ok=True)
    done = subprocess.run([sys.executable, "-c", EDIT_FLOOR_HTML, str(clauses), EDITED_SET, str(folder)], env=ENV,
                          check=True, capture_output=True, text=True)
    pages: dict[str, list[str]] = json.loads(done.stdout)
    return pages


def edit_floor_run(pdfs: list[list[str]]) -> float:
    """The floor of an edit, what pure WeasyPrint needs in fresh processes for the PDFs it rewrote (each given as
    the HTML pages stdgen lays out for it): each written by a process of its own that starts Python, imports
    WeasyPrint and writes it with WeasyPrint's defaults; as many processes side by side as the machine has cores
    (a build's workers), the PDFs dealt out in turn; seconds until the last ends."""
    count = min(len(pdfs), os.cpu_count() or 1)
    lanes = [[html for pages in pdfs[i::count] for html in pages] for i in range(count)]
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", EDIT_FLOOR_PDF, *lane], env=ENV) for lane in lanes]
    for proc in procs:
        if proc.wait() != 0:
            raise RuntimeError("the edit's floor failed")
    return time.perf_counter() - start


def served_text(text: str, words: str, i: int) -> str:
    return text.replace(words, f"{words}（服务中第{i}次修改）")


def served_edits(clauses: Path, out: Path, work: Path, runs: int, edited: Any) -> dict[str, Any]:
    """The same edit under `stdgen serve`, whose process has paid Python's start and the imports: seconds
    from its line saying the clause files changed to its line saying what it wrote (its rebuild alone, not
    the half-second polls that notice the save)."""
    import queue
    import threading

    body = clauses / EDITED_SET / "body.yaml"
    proc = subprocess.Popen([sys.executable, "-m", "stdgen", "serve", "--clauses", str(clauses), "--out", str(out),
                             "--port", "0", "--lang", "en"], cwd=work, env=_env(work),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[tuple[float, str]] = queue.Queue()

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put((time.perf_counter(), line))

    threading.Thread(target=read, daemon=True).start()

    def until(prefix: str) -> float:
        while True:
            when, line = lines.get(timeout=300)
            if line.startswith(prefix):
                return when

    try:
        until("serving ")
        time.sleep(1.5)  # it takes its first look at the clause files after saying where it serves
        times = []
        for i in range(runs):
            body.write_text(edited(i), encoding="utf-8")
            changed = until("clause files changed")
            times.append(until("built: ") - changed)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
    return {"median": statistics.median(times), "min": min(times), "max": max(times), "runs": runs}


def part_scale(work: Path, sizes: list[int], runs: int, floor: bool) -> dict[str, Any]:
    # The sizes take turns, run after run: this machine's speed drifts over minutes, and a size timed only
    # at the end of a part once came out 15-25% slower in every file, PDFs whose code had not changed too.
    folders = {n: work / f"scale{n}" for n in sizes}
    clauses = {n: synthetic(folders[n], [n]) for n in sizes}
    builds: dict[int, list[dict[str, float]]] = {n: [] for n in sizes}
    files: dict[int, list[dict[str, dict[str, float]]]] = {n: [] for n in sizes}
    for _ in range(runs):
        for n in sizes:
            build = ["build", "--clauses", str(clauses[n]), "--out", str(folders[n] / "output"), "--force"]
            builds[n].append(run(build, folders[n]))
        each = per_file_of([(clauses[n], folders[n] / "files") for n in sizes], floor)  # the sizes file by file
        for n, figures in zip(sizes, each, strict=True):
            files[n].append(figures)
    results = {str(n): {"build": repeated(runs, iter(builds[n]).__next__), "files": _figures(files[n])}
               for n in sizes}
    return {"sizes": results, "marginal": marginals(results)}


def marginals(results: dict[str, Any]) -> dict[str, Any]:
    """Between each two sizes, ms per added clause: of each file (from the least wall and CPU seconds, from
    the median CPU seconds, and for a PDF from pure WeasyPrint's on the same HTML, a reference for what the
    layout itself adds) and of the whole build (from its fastest and its median run)."""
    marginal: dict[str, Any] = {}
    for a, b in itertools.pairwise(sorted(results, key=int)):
        clauses = int(b) - int(a)
        files: dict[str, dict[str, float]] = {"seconds": {}, "cpu": {}, "cpu_median": {}, "weasyprint": {}}
        for name, figures in results[b]["files"].items():
            before = results[a]["files"].get(name, {})
            for figure, step in files.items():
                if figure in figures and (figure in before or figure != "weasyprint"):
                    step[name] = (figures[figure] - before.get(figure, 0.0)) / clauses * 1000
        build = {kind: (results[b]["build"][kind] - results[a]["build"][kind]) / clauses * 1000
                 for kind in ("min", "median", "cpu")}
        marginal[f"{a}-{b}"] = {"files_ms_per_clause": files["seconds"], "files_cpu_ms_per_clause": files["cpu"],
                                "files_cpu_median_ms_per_clause": files["cpu_median"],
                                "files_weasyprint_ms_per_clause": files["weasyprint"],
                                "build_ms_per_clause": build["min"], "build_median_ms_per_clause": build["median"],
                                "build_cpu_ms_per_clause": build["cpu"]}
    return marginal


def _figures(runs: list[dict[str, dict[str, float]]]) -> dict[str, dict[str, float]]:
    """Per file, over runs: the least of each timing, and the median of the runs' medians (``*_median``).
    The least is what the marginals are made from: this machine's speed drifts by up to 1.5x over minutes,
    never above its best, and in one run of 7 forks per file and size the marginal ratios of the quick
    files came out 0.89-1.08 from the least and 0.85-1.26 from the median."""
    names = {name for result in runs for name in result}
    return {name: {figure: (statistics.median if figure.endswith("_median") else min)(
                       r[name][figure] for r in runs if figure in r.get(name, {}))
                   for figure in {f for r in runs for f in r.get(name, {})}} for name in sorted(names)}


def part_library(work: Path, sets: int, clauses_each: int, runs: int) -> dict[str, Any]:
    clauses = synthetic(work / "library", [clauses_each], sets)
    build = ["build", "--clauses", str(clauses), "--out", str(work / "library" / "output"), "--force"]
    timing = repeated(runs, lambda: run(build, work / "library"))
    # the floor once: one process writing every PDF of 200 sets takes longer than the builds
    files = per_file(clauses, work / "library" / "files", True, 1, only_pdf=True)
    floor = sum(v.get("weasyprint", 0.0) for v in files.values())
    return {"sets": sets, "clauses_each": clauses_each, "build": timing, "weasyprint_floor": floor,
            "ratio_to_floor": timing["median"] / floor if floor else None, "files": files}


def part_floor(work: Path, runs: int) -> dict[str, Any]:
    clauses = work / "floor-clauses"
    shutil.copytree(ROOT / "clauses", clauses)
    files = per_file(clauses, work / "floor", True, runs)
    return {name: {**v, "ratio": v["seconds"] / v["weasyprint"]} for name, v in files.items() if "weasyprint" in v}


def _ratio(values: list[float | None]) -> str:
    """The last of a row's marginals over the first, as printed ("" if either is missing)."""
    first, last = values[0], values[-1]
    return f"{last / first:.2f}" if len(values) > 1 and first and last is not None else ""


def markdown(results: dict[str, Any], command: str) -> str:
    lines = [f"Command: `{command}`  ", f"Machine: {results['machine']}", ""]
    if "bundled" in results:
        b = results["bundled"]
        lines += ["| bundled sets | median s | min–max s | CPU s (median) | peak MB (sum of peaks) | peak MB (Pss) "
                  "| ÷ its floor (same round) |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        rows = [(f"cold `build --force` ({b['files']} files)", b["cold"]), ("no-op build", b["noop"])]
        rows += [(f"one-clause edit, {label} ({e['clause']}): {len(e['rewritten'])} files rewritten", e)
                 for label, e in b["edits"].items()]
        for label, r in rows:
            to_floor = f"{r['ratio_to_floor']:.2f}" if "ratio_to_floor" in r else ""
            lines.append(f"| {label} | {r['median']:.2f} | {r['min']:.2f}–{r['max']:.2f} | {r['cpu']:.2f} | "
                         f"{r['peak_mb']:.0f} | {r.get('pss_peak_mb', 0):.0f} | {to_floor} |")
        lines.append("")
        floors = [(label, e["floor"]) for label, e in b["edits"].items() if "floor" in e]
        if floors:
            lines += ["| floor of the edit: the PDFs it rewrote, pure WeasyPrint in fresh processes side by side "
                      "| PDFs | median s | min–max s |", "| --- | --- | ---: | ---: |"]
            lines += [f"| {label} | {', '.join(f['pdfs'])} | {f['median']:.2f} | {f['min']:.2f}–{f['max']:.2f} |"
                      for label, f in floors]
            lines.append("")
        served = [(label, e["serve"]) for label, e in b["edits"].items() if "serve" in e]
        if served:
            lines += ["| the same edit under `stdgen serve` (imports paid) | rebuild median s | min–max s |",
                      "| --- | ---: | ---: |"]
            lines += [f"| {label} | {r['median']:.2f} | {r['min']:.2f}–{r['max']:.2f} |" for label, r in served]
            lines.append("")
        for label, e in b["edits"].items():
            lines.append(f"Rewritten by the {label} edit: {', '.join(e['rewritten'])}  ")
        lines.append("")
    if "scale" in results:
        s = results["scale"]
        lines += ["| synthetic clauses | `build --force` median s | min–max s | peak MB (sum of peaks) "
                  "| peak MB (Pss) |",
                  "| ---: | ---: | ---: | ---: | ---: |"]
        for n, r in s["sizes"].items():
            t = r["build"]
            lines.append(f"| {n} | {t['median']:.1f} | {t['min']:.1f}–{t['max']:.1f} | {t['peak_mb']:.0f} | "
                         f"{t.get('pss_peak_mb', 0):.0f} |")
        lines.append("")
        steps = list(s["marginal"])
        if steps:
            names = sorted(s["marginal"][steps[0]]["files_ms_per_clause"])
            lines += ["Per file: the least of its runs (forks of one process holding every size's sets, the sizes "
                      "taking turns file by file; a quick file 5 forks a run, a PDF one), the median beside it. "
                      "The whole build: its fastest run, its median CPU.", "",
                      "| ms per added clause (least) | " + " | ".join(steps) + " | last ÷ first | CPU: last ÷ first "
                      "| CPU, medians: last ÷ first | pure WeasyPrint: last ÷ first |",
                      "| --- | " + " | ".join("---:" for _ in steps) + " | ---: | ---: | ---: | ---: |"]
            for name in [*names, "whole build"]:
                values, cpus, medians, pure = (
                    [s["marginal"][k].get(f"files_{kind}ms_per_clause", {}).get(name) if name != "whole build"
                     else s["marginal"][k].get(f"build_{kind}ms_per_clause") for k in steps]
                    for kind in ("", "cpu_", "cpu_median_", "weasyprint_"))
                cells = " | ".join("" if v is None else f"{v:.2f}" for v in values)
                lines.append(f"| {name} | {cells} | {_ratio(values)} | {_ratio(cpus)} | {_ratio(medians)} | "
                             f"{_ratio(pure)} |")
            lines.append("")
            lines += ["| PDF ÷ pure WeasyPrint | " + " | ".join(s["sizes"]) + " |",
                      "| --- | " + " | ".join("---:" for _ in s["sizes"]) + " |"]
            pdfs = sorted({n for r in s["sizes"].values() for n, v in r["files"].items() if "weasyprint" in v})
            for name in pdfs:
                row = []
                for r in s["sizes"].values():
                    v = r["files"].get(name, {})
                    row.append(f"{v['seconds'] / v['weasyprint']:.2f}" if v.get("weasyprint") else "")
                lines.append(f"| {name} | " + " | ".join(row) + " |")
            lines.append("")
    if "floor" in results:
        lines += ["| bundled PDF | stdgen s | pure WeasyPrint s | ratio |", "| --- | ---: | ---: | ---: |"]
        for name, v in results["floor"].items():
            lines.append(f"| {name} | {v['seconds']:.2f} | {v['weasyprint']:.2f} | {v['ratio']:.2f} |")
        lines.append("")
    if "library" in results:
        lib = results["library"]
        t = lib["build"]
        lib_ratio = "" if lib["ratio_to_floor"] is None else f"{lib['ratio_to_floor']:.2f}"
        lines += ["| library | `build --force` median s | min–max s | peak MB (sum of peaks) | peak MB (Pss) "
                  "| WeasyPrint floor s (one run) | ratio |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
                  f"| {lib['sets']} sets × {lib['clauses_each']} clauses | {t['median']:.1f} | {t['min']:.1f}–"
                  f"{t['max']:.1f} | {t['peak_mb']:.0f} | {t.get('pss_peak_mb', 0):.0f} | "
                  f"{lib['weasyprint_floor']:.1f} | {lib_ratio} |", ""]
        if lib.get("files"):
            lines += ["| library file (all sets, one process) | stdgen s | pure WeasyPrint s |",
                      "| --- | ---: | ---: |"]
            for name, v in sorted(lib["files"].items()):
                pure_s = f"{v['weasyprint']:.1f}" if "weasyprint" in v else ""
                lines.append(f"| {name} | {v['seconds']:.1f} | {pure_s} |")
            lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", action="append", choices=["bundled", "scale", "library", "floor"])
    parser.add_argument("--quick", action="store_true", help="sizes 100 200 400, 1 run, library 5 × 50 (a smoke test)")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--library-sets", type=int, default=200)
    parser.add_argument("--library-clauses", type=int, default=100)
    parser.add_argument("--json", type=Path, default=HERE / "results.json")
    parser.add_argument("--markdown", type=Path, default=HERE / "results.md")
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.runs, args.library_sets, args.library_clauses = [100, 200, 400], 1, 5, 50
    parts = args.only or ["bundled", "scale", "floor", "library"]
    # stdgen's bytecode, as a user's second run finds it: a shell with PYTHONDONTWRITEBYTECODE set (or a
    # read-only checkout) would otherwise compile every module in every timed process (0.5-1 s an edit)
    compileall.compile_dir(ROOT / "src", quiet=1)
    results: dict[str, Any] = {"machine": f"{os.cpu_count()} cores, {platform.machine()}, Python "
                                          f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f} "
                                          "at the start"}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if "bundled" in parts:
            results["bundled"] = part_bundled(work / "bundled", args.runs)
        if "scale" in parts:
            results["scale"] = part_scale(work / "scale", args.sizes, args.runs, floor=True)
        if "floor" in parts:
            results["floor"] = part_floor(work / "floor", args.runs)
        if "library" in parts:
            results["library"] = part_library(work / "library", args.library_sets, args.library_clauses, args.runs)
    command = "python benchmarks/bench_build.py " + " ".join(sys.argv[1:])
    results["command"] = command.strip()
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    table = markdown(results, command.strip())
    args.markdown.write_text(table + "\n", encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
