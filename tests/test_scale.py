"""Build cost that grows with the clause count, tested by structure (never by time).

The DOCX table writer builds spans row by row; these tests check that its cells are the cells
python-docx's own merge route gives (which is quadratic), and that writing a table never
re-lists the table's rows. A job keeps no layout after it and leaves Python's collector as it was.
"""

from __future__ import annotations

import gc
from pathlib import Path

import docx
import pytest
from docx.oxml.table import CT_Tbl
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CLAUSES, resolve_alone
from stdgen import build
from stdgen.build import WRITERS, render_job
from stdgen.collector import collector_paused
from stdgen.diagnostics import Report
from stdgen.doctree import Cell, Document, Para, Section, Style, Table
from stdgen.lint import lint_workspace
from stdgen.render.docx_render import write_docx
from stdgen.workspace import open_workspace

COLUMNS = 5


@st.composite
def tables(draw: st.DrawFn) -> list[list[tuple[int, int]]]:
    """Rows of (colspan, rowspan) that fill a 5-column grid, spans never overlapping."""
    rows = draw(st.integers(1, 6))
    taken: set[tuple[int, int]] = set()
    layout: list[list[tuple[int, int]]] = []
    for r in range(rows):
        row: list[tuple[int, int]] = []
        c = 0
        while c < COLUMNS:
            if (r, c) in taken:
                c += 1
                continue
            free = next((k for k in range(c, COLUMNS) if (r, k) in taken), COLUMNS) - c
            colspan = draw(st.integers(1, free))
            rowspan = draw(st.integers(1, 3))
            taken.update((rr, cc) for rr in range(r, r + rowspan) for cc in range(c, c + colspan))
            row.append((colspan, rowspan))
            c += colspan
        layout.append(row)
    return layout


def _document(layout: list[list[tuple[int, int]]]) -> Document:
    rows = [[Cell([Para.of("cell", f"{r}.{i}")], colspan=cs, rowspan=rs) for i, (cs, rs) in enumerate(row)]
            for r, row in enumerate(layout)]
    table = Table(rows, columns=COLUMNS, widths=[1, 2, 3, 2, 1])
    return Document(title="t", sections=[Section("body", "arabic", None, [table])],
                    styles={"cell": Style("cell")})


def _python_docx_grid(layout: list[list[tuple[int, int]]]) -> list[list[str]]:
    """The same table made with python-docx's cell.merge: the text each grid position shows."""
    out = docx.Document()
    table = out.add_table(rows=len(layout), cols=COLUMNS)
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(layout):
        c = 0
        for i, (colspan, rowspan) in enumerate(row):
            while (r, c) in taken:
                c += 1
            last_r = min(r + rowspan, len(layout)) - 1
            cell = table.cell(r, c).merge(table.cell(last_r, c + colspan - 1))
            cell.paragraphs[0].text = f"{r}.{i}"
            taken.update((rr, cc) for rr in range(r, last_r + 1) for cc in range(c, c + colspan))
            c += colspan
    return [[table.cell(r, c).text for c in range(COLUMNS)] for r in range(len(layout))]


def _written_grid(path: Path) -> list[list[str]]:
    table = docx.Document(str(path)).tables[0]
    return [[table.cell(r, c).text for c in range(COLUMNS)] for r in range(len(table.rows))]


@settings(max_examples=40, deadline=None)
@given(tables())
def test_docx_spans_are_the_cells_python_docx_merges(tmp_path_factory: pytest.TempPathFactory,
                                                     layout: list[list[tuple[int, int]]]) -> None:
    path = tmp_path_factory.mktemp("docx") / "t.docx"
    write_docx(_document(layout), path)
    assert _written_grid(path) == _python_docx_grid(layout)


def test_docx_table_never_relists_its_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Looking rows up by index (table.rows[r], tr_lst[r], cell.merge) re-lists all rows per call."""
    listed = 0
    original = CT_Tbl.tr_lst

    def counting(self: CT_Tbl) -> object:
        nonlocal listed
        listed += 1
        return original.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(CT_Tbl, "tr_lst", property(counting))
    counts = []
    for rows in (10, 300):
        listed = 0
        layout = [[(2, 2), (1, 1), (2, 1)] if r % 2 == 0 else [(1, 1), (2, 1)] for r in range(rows)]
        write_docx(_document(layout), tmp_path / f"{rows}.docx")
        counts.append(listed)
    assert counts[0] == counts[1] == 0


def _live_layouts() -> list[object]:
    import weasyprint

    return [o for o in gc.get_objects() if isinstance(o, weasyprint.Document)]


@pytest.mark.slow
def test_a_pdf_job_keeps_no_layout_and_leaves_the_collector_as_it_found_it(tmp_path: Path) -> None:
    """A worker that wrote a large standard's PDF held its layout (0.9 GB at 5,000 clauses) through its
    later jobs; the DOCX takes the PDF's page numbers instead."""
    rs = resolve_alone(CLAUSES / "zmd-civility-2023")
    pages = render_job(rs, "standard", "standard", "pdf", tmp_path / "standard.pdf")
    assert pages and not _live_layouts()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    render_job(rs, "standard", "standard", "docx", tmp_path / "standard.docx", pages)
    assert not _live_layouts()


def test_a_failed_job_leaves_the_collector_as_it_found_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rs = resolve_alone(CLAUSES / "zmd-civility-2023")

    def fail(_doc: Document, _path: Path) -> None:
        assert gc.get_freeze_count() > 0  # the set and what came before are left alone during the job
        raise RuntimeError("renderer failed")

    monkeypatch.setitem(WRITERS, "html", fail)
    with pytest.raises(RuntimeError):
        render_job(rs, "standard", "standard", "html", tmp_path / "standard.html")
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_the_collector_is_paused_only_while_weasyprint_works() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # one that was off stays off
    finally:
        gc.enable()


def test_workers_inherit_no_document_trees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The trees made for the content keys are dropped before the worker processes fork from the build."""
    seen: list[int] = []

    def run(tasks: list[build.Task], jobs: int, progress: object, meanwhile: object, pool: object) -> None:
        seen.extend(len(task.work.docs) for task in tasks)

    monkeypatch.setattr(build, "_run", run)
    build.build_set(resolve_alone(CLAUSES / "zmd-civility-2023"), tmp_path / "out", Report())
    assert seen and not any(seen)


def test_loading_and_linting_run_without_collections() -> None:
    """Loading and linting make models that live on, with next to no cyclic garbage: the collector is paused
    meanwhile (5,000 clauses: 1.50 -> 1.06 s), and on again after."""
    started: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started.append(info["generation"])

    threshold = gc.get_threshold()
    gc.set_threshold(100)  # were it on, a collection every 100 allocations
    gc.callbacks.append(count)
    try:
        report = Report()
        lint_workspace(open_workspace(CLAUSES, report), report)
    finally:
        gc.callbacks.remove(count)
        gc.set_threshold(*threshold)
    assert len(started) < 10 and gc.isenabled()  # on, a few thousand: only the steps between the two collect
