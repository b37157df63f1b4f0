"""The checklist as an XLSX workbook to fill in (on a tablet, or from the paper sheet) and read back.

Sheet ``检查表``: the header block (rows 1–4, inspection details in C3, G3, C4, G4), the
table header (row 5, frozen), one row per provision with a drop-down in 检查结果 (G), notes
in 备注 (H), heading rows between chapters, and the summary with formulas below. Column I
(hidden) keeps each row's clause ID as written, so an edited ID cell is noticed. Hidden
sheet ``stdgen`` keeps what the scorer checks the filled file against: set, version, filter,
layout. Only the input cells are unlocked; the sheet is protected without a password.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from copy import copy
from pathlib import Path
from typing import Any

from ...render.xlsx_cells import put, without_numpy
from ...resolve import ResolvedSet
from .rows import INSPECTION_TYPES, RESULTS, Checklist, Group, build_checklist
from .tree import title_of

with without_numpy():
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.worksheet.worksheet import Worksheet

FORMAT = "stdgen-checklist"
FORMAT_VERSION = "1"
SHEET = "检查表"
META_SHEET = "stdgen"
HEADER_ROW = 5
FIRST_ROW = HEADER_ROW + 1
COLUMNS = ("序号", "条款号", "条款ID", "检查要求", "检查方法", "分值", "检查结果", "备注", "条款ID（原）")
COL = {name: i + 1 for i, name in enumerate(COLUMNS)}  # column numbers, 1-based
INDEX, NUMBER, ID, REQUIREMENT, METHOD, POINTS, RESULT, NOTE, ORIGINAL_ID = range(1, 10)
WIDTHS = (6, 8, 11, 48, 9, 11, 9, 24, 14)  # A:H print on A4 landscape at about 90 %
LABELS = {  # header block: label cell → label text (an edited label is an edited header)
    "A2": "依据标准", "F2": "检查表版本", "A3": "被检查单位（窗口）",
    "F3": "检查类型", "A4": "检查人员", "F4": "检查日期",
}
FIELDS = {"unit": "C3", "type": "G3", "inspector": "C4", "date": "G4"}  # inspection details to fill in
VERSION_CELL = "G2"
METHOD_SEP = "、"
SUMMARY_ROW_PT = 24  # a total in 14 pt with room above and below
SUMMARY_LABELS = ("适用项", "符合项", "不符合项", "不适用项", "符合率", "得分", "满分（适用项分值合计）",
                  "检查人员（签字）", "被检查单位（签字）")

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="E7E6E6")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
INPUT_FILL = PatternFill("solid", fgColor="FFF9DB")
FONT = "宋体"
BOLD_FONT = "黑体"
UNLOCKED = Protection(locked=False)


def write_xlsx(cl: Checklist, path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    _header_block(ws, cl)
    last = _table(ws, cl)
    _summary(ws, last)
    _layout(ws, last)
    _metadata(wb, cl, last)
    wb.properties.title = title_of(cl)
    wb.properties.subject = f"{cl.rs.clause_set.name} {cl.version}"
    wb.save(path)


def _cell(ws: Worksheet, ref: str, value: str | None, bold: bool = False, fill: PatternFill | None = None,
          merge_to: str | None = None, unlocked: bool = False, formula: bool = False) -> None:
    cell = put(ws[ref], value, formula=formula)
    cell.font = Font(name=BOLD_FONT if bold else FONT, size=11)
    cell.alignment = Alignment(vertical="center", wrap_text=True)
    if fill is not None:
        cell.fill = fill
    if unlocked:
        cell.protection = UNLOCKED
    if merge_to:
        ws.merge_cells(f"{ref}:{merge_to}")
        for row in ws[f"{ref}:{merge_to}"]:
            for c in row:
                c.border = BOX
    else:
        cell.border = BOX


def _header_block(ws: Worksheet, cl: Checklist) -> None:
    std = cl.rs.standard
    title = f"{std.title.zh}　监督检查表"
    if cl.scopes or cl.recommendations:
        title += f"（{cl.scope_label}{'，含推荐性条款' if cl.recommendations else ''}）"
    put(ws["A1"], title)
    ws["A1"].font = Font(name=BOLD_FONT, size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells("A1:H1")
    ws.row_dimensions[1].height = 30
    _cell(ws, "A2", LABELS["A2"], bold=True, merge_to="B2")
    _cell(ws, "C2", f"{std.number or ''}《{std.title.zh}》".strip(), merge_to="E2")
    _cell(ws, "F2", LABELS["F2"], bold=True)
    _cell(ws, VERSION_CELL, cl.version, merge_to="H2")
    _cell(ws, "A3", LABELS["A3"], bold=True, merge_to="B3")
    _cell(ws, FIELDS["unit"], None, fill=INPUT_FILL, merge_to="E3", unlocked=True)
    _cell(ws, "F3", LABELS["F3"], bold=True)
    _cell(ws, FIELDS["type"], None, fill=INPUT_FILL, merge_to="H3", unlocked=True)
    _cell(ws, "A4", LABELS["A4"], bold=True, merge_to="B4")
    _cell(ws, FIELDS["inspector"], None, fill=INPUT_FILL, merge_to="E4", unlocked=True)
    _cell(ws, "F4", LABELS["F4"], bold=True)
    _cell(ws, FIELDS["date"], None, fill=INPUT_FILL, merge_to="H4", unlocked=True)
    for row in (2, 3, 4):
        ws.row_dimensions[row].height = 30  # a label may take two lines (被检查单位（窗口）)
    kinds = DataValidation(type="list", formula1=f'"{",".join(INSPECTION_TYPES)}"', allow_blank=True,
                           showErrorMessage=True, errorTitle="检查类型", error="请从下拉列表中选择检查类型")
    ws.add_data_validation(kinds)
    kinds.add(FIELDS["type"])


def _table(ws: Worksheet, cl: Checklist) -> int:
    """Write the header row and the rows; return the number of the last row written."""
    for col, name in enumerate(COLUMNS, start=1):
        cell = put(ws.cell(HEADER_ROW, col), name)
        cell.font = Font(name=BOLD_FONT, size=11)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.fill = HEAD_FILL
        cell.border = BOX
    looks = Looks()
    r = HEADER_ROW
    for entry in cl.entries:
        r += 1
        if isinstance(entry, Group):
            for col in range(INDEX, NOTE + 1):
                looks.apply(ws.cell(r, col), "group", _group_look)
            put(ws.cell(r, NUMBER), entry.number)  # after the look: put may add the quote prefix
            put(ws.cell(r, REQUIREMENT), entry.title)
            continue
        values: tuple[str | float | None, ...] = (
            entry.index, entry.number, entry.id, entry.label, METHOD_SEP.join(entry.method), entry.points,
            None, None, entry.id)
        ws.row_dimensions[r].height = _height(entry.label, WIDTHS[REQUIREMENT - 1])
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col)
            looks.apply(cell, col, _row_look)
            put(cell, value)  # after the look: put may add the quote prefix
    last = r
    if last >= FIRST_ROW:
        results = DataValidation(type="list", formula1=f'"{",".join(RESULTS)}"', allow_blank=True,
                                 showErrorMessage=True, errorTitle="检查结果",
                                 error=f"检查结果只能是{'、'.join(RESULTS)}之一",
                                 showInputMessage=True, promptTitle="检查结果", prompt="、".join(RESULTS))
        ws.add_data_validation(results)
        results.add(f"{get_column_letter(RESULT)}{FIRST_ROW}:{get_column_letter(RESULT)}{last}")
    return last


class Looks:
    """Each distinct look (font, fill, border, alignment, protection) styled once; later cells of the
    same look share its style indexes, as openpyxl's own cell copy does (``_style``). Styling every
    cell through openpyxl hashes each style object again: 45 s of 48 s for 5,000 rows."""

    def __init__(self) -> None:
        self.styles: dict[object, StyleArray] = {}

    def apply(self, cell: Any, key: object, style: Callable[[Any, Any], None]) -> None:  # Any: _style is private
        known = self.styles.get(key)
        if known is None:
            style(cell, key)
            self.styles[key] = copy(cell._style)
        else:
            cell._style = copy(known)


def _group_look(cell: Any, _key: object) -> None:
    cell.font = Font(name=BOLD_FONT, size=11)
    cell.fill = GROUP_FILL
    cell.border = BOX


def _row_look(cell: Any, col: Any) -> None:
    cell.font = Font(name=FONT, size=11)
    cell.border = BOX
    wrap = col in (REQUIREMENT, NOTE)
    centre = col in (INDEX, NUMBER, ID, METHOD, POINTS, RESULT)
    cell.alignment = Alignment(horizontal="center" if centre else "left", vertical="center", wrap_text=wrap)
    if col in (RESULT, NOTE):
        cell.protection = UNLOCKED
        cell.fill = INPUT_FILL


def _summary(ws: Worksheet, last: int) -> None:
    """Totals and signatures under the table, printed as readable as the rows: each label on one line
    in cells wide enough for it (A:C, E:G), the figures in 14 pt, rows tall enough for the type."""
    g = get_column_letter(RESULT)
    f = get_column_letter(POINTS)
    rng = f"{g}{FIRST_ROW}:{g}{max(last, FIRST_ROW)}"
    pts = f"{f}{FIRST_ROW}:{f}{max(last, FIRST_ROW)}"
    start = last + 2
    formulas = [
        ("适用项", f'=COUNTIF({rng},"{RESULTS[0]}")+COUNTIF({rng},"{RESULTS[1]}")', "0"),
        ("符合项", f'=COUNTIF({rng},"{RESULTS[0]}")', "0"),
        ("不符合项", f'=COUNTIF({rng},"{RESULTS[1]}")', "0"),
        ("不适用项", f'=COUNTIF({rng},"{RESULTS[2]}")', "0"),
        ("符合率", f'=IF(D{start}=0,"",D{start + 1}/D{start})', "0.0%"),
        ("得分", f'=SUMIF({rng},"{RESULTS[0]}",{pts})', "0.##"),
        ("满分（适用项分值合计）", f'=SUMIF({rng},"{RESULTS[0]}",{pts})+SUMIF({rng},"{RESULTS[1]}",{pts})', "0.##"),
    ]
    for i, (label, formula, number_format) in enumerate(formulas):
        row = start + i
        _cell(ws, f"A{row}", label, bold=True, merge_to=f"C{row}")
        _cell(ws, f"D{row}", formula, formula=True)
        ws[f"D{row}"].number_format = number_format
        ws[f"D{row}"].font = Font(name=BOLD_FONT, size=14)
        ws[f"D{row}"].alignment = Alignment(horizontal="left", vertical="center")
        ws.row_dimensions[row].height = SUMMARY_ROW_PT
    sign = start + len(formulas) + 1
    _cell(ws, f"A{sign}", "检查人员（签字）", bold=True, merge_to=f"C{sign}")
    _cell(ws, f"D{sign}", None)
    _cell(ws, f"E{sign}", "被检查单位（签字）", bold=True, merge_to=f"G{sign}")
    _cell(ws, f"H{sign}", None)
    ws.row_dimensions[sign].height = 36


def _layout(ws: Worksheet, last: int) -> None:
    for col, width in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.column_dimensions[get_column_letter(ORIGINAL_ID)].hidden = True
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.print_area = f"A1:H{last + 12}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # False = allowed: widths and heights stay adjustable
    ws.protection.formatRows = False


def _height(text: str, width: float) -> float:
    """Row height in points for wrapped text in a column of this width (spreadsheets do not grow rows
    that a file gives no height for; full-width characters take two units of column width)."""
    lines = 0
    for line in text.split("\n"):
        units = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1.1 for ch in line)
        lines += max(1, math.ceil(units / (width - 1)))
    return max(24.0, 15.0 * lines + 6)


def metadata(cl: Checklist, last: int) -> dict[str, str]:
    std = cl.rs.standard
    return {
        "format": FORMAT, "format_version": FORMAT_VERSION, "set": cl.rs.clause_set.name,
        "standard": std.number or "", "title": std.title.zh, "version": cl.version,
        "scopes": ",".join(cl.scopes), "recommendations": "yes" if cl.recommendations else "no",
        "header_row": str(HEADER_ROW), "first_row": str(FIRST_ROW), "last_row": str(last),
        "columns": "|".join(COLUMNS), "rows": str(len(cl.rows)),
    }


def _metadata(wb: Workbook, cl: Checklist, last: int) -> None:
    ws = wb.create_sheet(META_SHEET)
    for row, (key, value) in enumerate([("key", "value"), *metadata(cl, last).items()], start=1):
        put(ws.cell(row, 1), key)
        put(ws.cell(row, 2), value)
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 60
    ws.sheet_state = "hidden"
    ws.protection.sheet = True


def write_set_xlsx(rs: ResolvedSet, path: Path) -> None:
    """The full checklist of a set as XLSX (the build's writer for this format)."""
    write_xlsx(build_checklist(rs), path)
