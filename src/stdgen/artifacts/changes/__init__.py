"""差异对照表: a variant's changes against the set it extends, one row per change, in document
order (old number, new number, clause ID, change, reason) as HTML, DOCX, XLSX and JSON; and
the redline DOCX. Both are written only for a variant (a set with ``extends``)."""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path
from typing import Any

from ...diff import Comparison, compare, reference
from ...doctree import Cell, Document, PageSetup, Para, Section, Span, Style, Table
from ...render.xlsx_cells import put, without_numpy
from ...resolve import ResolvedSet

SCHEMA = "stdgen-changes/1"
TITLE = "差异对照表"
COLUMNS: list[tuple[str, float]] = [("序号", 5), ("原条号", 9), ("新条号", 9), ("条款ID", 13), ("变化", 14),
                                    ("条款", 22), ("理由", 28)]
PAGE = PageSetup(mirrored=False, inside_mm=15, outside_mm=15, top_mm=18, bottom_mm=16)
STYLES: dict[str, Style] = {
    "title": Style("对照表_标题", "hei", 16, "center", after=0.3),
    "subtitle": Style("对照表_副标题", "song", 10.5, "center", after=0.5),
    "lead": Style("对照表_说明", "song", 9, "left", before=0.3, after=0.3),
    "cell": Style("对照表_表格", "song", 9, "left"),
    "cell-center": Style("对照表_表格居中", "song", 9, "center"),
    "cell-head": Style("对照表_表头", "hei", 9, "center"),
    "header": Style("对照表_页眉", "hei", 9, "right"),
    "footer": Style("对照表_页脚", "song", 9, "right"),
}


def heading(c: Comparison) -> tuple[str, str]:
    """The title and the line under it: which document against which."""
    return (f"{c.new.standard.title.zh}　{TITLE}",
            f"{reference(c.new)}（{c.new.clause_set.name}）与{reference(c.old)}（{c.old.clause_set.name}）")


def document(c: Comparison, standard_href: str | None = "standard.html") -> Document:
    """The table as a document tree; clause IDs of the new set link into its standard.html."""
    title, subtitle = heading(c)
    lead = ("本表按新文件的条款顺序列出变体相对于所依据文件的每一项更改及其理由；删除的条款列在其原位置。"
            if c.declared else "本表按新文件的条款顺序列出两个文件中条款ID相同的条款的差异。")
    rows = [[Cell([Para.of("cell-head", name)], header=True) for name, _ in COLUMNS]]
    for i, row in enumerate(c.rows, start=1):
        link = f"{standard_href}#{row.id}" if standard_href and row.new is not None else None
        rows.append([
            Cell([Para.of("cell-center", str(i))]),
            Cell([Para.of("cell-center", row.old or "—")]),
            Cell([Para.of("cell-center", row.new or "—")]),
            Cell([Para("cell", [Span(row.id, href=link)])]),
            Cell([Para.of("cell", row.change)]),
            Cell([Para.of("cell", row.label)]),
            Cell([Para.of("cell", row.reason or "—")]),
        ])
    if not c.rows:
        rows.append([Cell([Para.of("cell-center", "两个文件的条款没有差异。")], colspan=len(COLUMNS))])
    table = Table(rows, columns=len(COLUMNS), header_rows=1, widths=[w for _, w in COLUMNS])
    return Document(title=title, styles=STYLES, page=PAGE, sections=[
        Section("changes", "arabic", title, [Para.of("title", title), Para.of("subtitle", subtitle),
                                             Para.of("lead", lead), table], odd_start=False)])


def as_json(c: Comparison) -> dict[str, Any]:
    def side(rs: ResolvedSet) -> dict[str, Any]:
        return {"set": rs.clause_set.name, "number": rs.standard.number, "title": rs.standard.title.zh}

    return {"schema": SCHEMA, "old": side(c.old), "new": side(c.new), "declared": c.declared,
            "foreword": c.foreword(), "rows": [row.as_json() for row in c.rows]}


def write_json(c: Comparison, path: Path) -> None:
    path.write_text(json.dumps(as_json(c), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def write_xlsx(c: Comparison, path: Path) -> None:
    with without_numpy():  # imported here: a build that writes no workbook does without it (0.12 s)
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = TITLE
    title, subtitle = heading(c)
    put(ws["A1"], title)
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    put(ws["A2"], subtitle)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(COLUMNS))
    for col, (name, width) in enumerate(COLUMNS, start=1):
        cell = put(ws.cell(row=3, column=col), name)
        cell.font, cell.border = Font(bold=True), box
        cell.alignment = Alignment(horizontal="center", vertical="center")
        ws.column_dimensions[cell.column_letter].width = width * 1.6
    for i, row in enumerate(c.rows, start=1):
        values = [str(i), row.old or "—", row.new or "—", row.id, row.change, row.label, row.reason or "—"]
        for col, value in enumerate(values, start=1):
            cell = put(ws.cell(row=3 + i, column=col), value)
            cell.border = box
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A4"
    ws.print_title_rows = "3:3"
    wb.save(str(path))


def units(rs: ResolvedSet) -> list[Any]:
    """The 差异对照表 of a variant; nothing for a set that extends none."""
    from ...build import Unit

    if rs.parent is None:
        return []
    return [Unit("changes", partial(_document, rs), ("docx", "html", "xlsx", "json"),
                 {"xlsx": partial(_write, write_xlsx, rs), "json": partial(_write, write_json, rs)},
                 partial(row_ids, rs), TITLE),
            Unit("redline", partial(_document, rs), ("docx",), {"docx": partial(write_set_redline, rs)},
                 partial(row_ids, rs), "修订标记稿")]


def row_ids(rs: ResolvedSet) -> list[str]:
    return [row.id for row in _comparison(rs).rows]


def _comparison(rs: ResolvedSet) -> Comparison:
    assert rs.parent is not None
    return compare(rs.parent, rs)


def _document(rs: ResolvedSet) -> Document:
    return document(_comparison(rs))


def write_comparison(c: Comparison, folder: Path) -> list[Path]:
    """Every file of the 差异对照表 and the redline, for ``stdgen diff --out``."""
    from ...render.docx_render import write_docx
    from ...render.html import write_html
    from ...reproducible import source_date
    from ..standard.tree import build as standard_tree
    from .redline import write_redline

    folder.mkdir(parents=True, exist_ok=True)
    doc = document(c, standard_href=None)
    paths = {fmt: folder / f"changes.{fmt}" for fmt in ("html", "docx", "xlsx", "json")}
    write_html(doc, paths["html"])
    write_docx(doc, paths["docx"])
    write_xlsx(c, paths["xlsx"])
    write_json(c, paths["json"])
    redline = folder / "redline.docx"
    write_redline(standard_tree(c.old), standard_tree(c.new), redline, source_date([c.new.standard.issued]))
    return [*paths.values(), redline]


def write_set_redline(rs: ResolvedSet, path: Path) -> None:
    """The variant's standard with tracked changes against its parent's."""
    from ...reproducible import source_date
    from ..standard.tree import build as standard_tree
    from .redline import write_redline

    assert rs.parent is not None
    write_redline(standard_tree(rs.parent), standard_tree(rs), path, source_date([rs.standard.issued]))


def _write(writer: Any, rs: ResolvedSet, path: Path) -> None:
    writer(_comparison(rs), path)
