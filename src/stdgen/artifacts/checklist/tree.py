"""The checklist as a document tree (PDF, DOCX and HTML go through the shared renderers).

Layout: A4 portrait; a header block to fill in (unit, inspection type, inspector, date); the
check table whose two header rows repeat on every page and whose rows never split, with a □
per result to tick and a wide 备注 column; then the summary box and the signature lines.
The HTML links every clause ID to its anchor in ``standard.html`` of the same set.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...doctree import Block, Cell, Document, Para, Section, Span, Table
from ...i18n import Message, msg
from ...resolve import ResolvedSet
from ..standard.tree import template_meta
from .rows import INSPECTION_TYPES, RESULTS, Checklist, Group, Part, Row, build_checklist
from .styles import PAGE, STYLES

BOX = "□"  # U+25A1: in the CJK fonts (U+2610 ☐ is not, and would print as a missing glyph)
GAP = "\u3000"
STANDARD_HTML = "standard.html"
COLUMNS: list[tuple[str, float]] = [
    ("序号", 9), ("条款", 21), ("检查要求", 57), ("检查方法", 12), ("分值", 8),
    (RESULTS[0], 13), (RESULTS[1], 13), (RESULTS[2], 13), ("备注", 34),
]
ROW_MM = 11  # minimum height of a check row: room for a tick and a short note
FIELD_MM = 11  # height of a line to write on in the header block
SIGN_MM = 16
DATE = f"{GAP * 3}年{GAP * 2}月{GAP * 2}日"  # blanks to write the date in
LEAD = ("填写说明：逐项核查，在“检查结果”相应栏的□内打“√”；“不符合”“不适用”的，在“备注”栏写明情况。"
        "适用项＝符合项＋不符合项；符合率＝符合项÷适用项。条款ID与标准文本、评分用XLSX表中的条款ID一一对应。")


def build(rs: ResolvedSet) -> Document:
    """The full checklist of a set (every requirement clause, every scope)."""
    return checklist_document(build_checklist(rs))


def row_ids(rs: ResolvedSet) -> list[str]:
    """The clause IDs the full checklist shows, one per row (for the cross-reference index)."""
    return [row.id for row in build_checklist(rs).rows]


def empty_notice(rs: ResolvedSet) -> Message | None:
    """Why the full checklist of a set would have no rows (for the build to say so), else None."""
    if build_checklist(rs).rows:
        return None
    return msg("B003.checklist", name=rs.clause_set.name)


def title_of(cl: Checklist) -> str:
    std = cl.rs.standard
    return f"{std.number or ''} {std.title.zh} 监督检查表".strip()


def checklist_document(cl: Checklist, standard_href: str = STANDARD_HTML, start: int = 0,
                       stop: int | None = None) -> Document:
    """The checklist's tree; standard_href is where the HTML finds the standard (clause IDs link to it).

    start/stop: only the check table's entries[start:stop] (a part laid out on its own, see .pdf),
    with the header block if it is the first part and the summary if it is the last."""
    std = cl.rs.standard
    blocks: list[Block] = []
    if start == 0:
        blocks += [
            Para.of("title", f"{std.title.zh}　监督检查表"),
            Para.of("subtitle", f"依据 {std.number}" if std.number else std.banner or std.title.zh),
            _info_table(cl),
            Para.of("lead", LEAD),
        ]
    blocks.append(_check_table(standard_href, cl.entries[start:stop], _widths(cl)))
    if stop is None or stop >= len(cl.entries):
        blocks += [Para.of("heading", "检查结果汇总与签字"), _summary_table(), _signature_table()]
    header = f"{std.number or std.title.zh}　监督检查表　版本 {cl.version}"
    return Document(title=title_of(cl), sections=[Section("checklist", "arabic", header, blocks, odd_start=False)],
                    styles=STYLES, page=PAGE, meta={**template_meta(std), "version": cl.version})


def _text(style: str, text: str) -> Cell:
    return Cell([Para.of(style, text)])


def _label(text: str, colspan: int = 1) -> Cell:
    return Cell([Para.of("cell-label", text)], colspan=colspan)


def _field(name: str, text: str = "", colspan: int = 1) -> Cell:
    return Cell([Para.of("cell-field", text)], colspan=colspan, field=name)


def _info_table(cl: Checklist) -> Table:
    std = cl.rs.standard
    scope = cl.scope_label + ("（含推荐性条款）" if cl.recommendations else "")
    points = _points(cl.total_points)
    rows = [
        [_label("依据标准"), _text("cell-field", f"{std.number or ''}《{std.title.zh}》".strip()), ],
        [_label("条款集"), _text("cell-field", cl.rs.clause_set.name), _label("检查表版本"),
         _text("cell-field", cl.version)],
        [_label("检查范围"), _text("cell-field", scope), _label("检查项"),
         _text("cell-field", f"{len(cl.rows)}项，满分{points}分")],
        [_label("被检查单位（窗口）"), _field("unit", colspan=3)],
        [_label("检查类型"), _field("type", (GAP * 2).join(f"{BOX}{t}" for t in INSPECTION_TYPES), colspan=3)],
        [_label("检查人员"), _field("inspector"), _label("检查日期"), _field("date", DATE)],
    ]
    rows[0][1].colspan = 3
    heights: list[float] = [0, 0, 0, FIELD_MM, FIELD_MM, FIELD_MM]
    return Table(rows, columns=4, widths=[28, 62, 25, 65], row_mm=heights, min_row_mm=FIELD_MM)


def _widths(cl: Checklist) -> list[float]:
    """Column widths: 9 mm of 序号 hold three digits (1245 printed as 124 over 5); past that the column
    widens by 4 mm a digit (LibreOffice wraps 1000 in 12 mm with the DOCX cell margins), taken from
    检查要求, the same in every part of a long checklist."""
    last = max((e.index for e in cl.entries if isinstance(e, Row)), default=0)
    extra = 4.0 * max(0, len(str(last)) - 3)
    widths = [w for _, w in COLUMNS]
    widths[0] += extra
    widths[2] -= extra
    return widths


def _check_table(standard_href: str, entries: Iterable[Row | Group], widths: list[float]) -> Table:
    head_1 = [Cell([Para.of("cell-head", name)], rowspan=2, header=True) for name, _ in COLUMNS[:5]]
    head_1.append(Cell([Para.of("cell-head", "检查结果")], colspan=3, header=True))
    head_1.append(Cell([Para.of("cell-head", COLUMNS[-1][0])], rowspan=2, header=True))
    head_2 = [Cell([Para.of("cell-head-small", name)], header=True) for name, _ in COLUMNS[5:8]]
    rows: list[list[Cell]] = [head_1, head_2]
    heights: list[float] = [0, 0]
    for entry in entries:
        if isinstance(entry, Group):
            rows.append([Cell([Para.of("group", entry.label)], colspan=len(COLUMNS))])
            heights.append(0)
        else:
            rows.append(_check_row(entry, standard_href))
            heights.append(ROW_MM)
    return Table(rows, columns=len(COLUMNS), header_rows=2, widths=widths, row_mm=heights,
                 min_row_mm=ROW_MM)


def _check_row(row: Row, standard_href: str) -> list[Cell]:
    link = f"{standard_href}#{row.id}"
    clause = Cell([Para("cell-center", [Span(row.number, href=link)], anchor=row.id),
                   Para("cell-small", [Span(row.id, href=link)])])
    requirement = [Para.of("cell-title", row.title)] if row.title else []
    requirement.extend(Para("cell", _spans(line, standard_href)) for line in row.lines)
    if row.phrases:
        requirement.append(Para.of("cell-phrases", row.phrase_line))
    return [
        _text("cell-center", str(row.index)),
        clause,
        Cell(requirement or [Para.of("cell", "")]),
        Cell([Para.of("cell-center", m) for m in row.method]),
        _text("cell-center", _points(row.points)),
        *[Cell([Para.of("box", BOX)], field=f"{row.id}:{result}") for result in RESULTS],
        Cell([Para.of("cell", "")], field=f"{row.id}:note"),
    ]


def _spans(line: Iterable[Part], standard_href: str) -> list[Span]:
    spans = [Span(p) if isinstance(p, str) else Span(p.reference, href=f"{standard_href}#{p.ident}")
             for p in line]
    return spans or [Span("")]


def _summary_table() -> Table:
    rows = [
        [_label("适用项"), _field("applicable", f"{GAP * 4}项"), _label("符合项"), _field("passed", f"{GAP * 4}项"),
         _label("符合率"), _field("rate", f"{GAP * 4}%")],
        [_label("不符合项"), _field("failed", f"{GAP * 4}项"), _label("不适用项"), _field("na", f"{GAP * 4}项"),
         _label("得分"), _field("score", f"{GAP * 4}分")],
    ]
    return Table(rows, columns=6, widths=[20, 40, 20, 40, 20, 40], min_row_mm=FIELD_MM)


def _signature_table() -> Table:
    rows = [
        [_label("检查人员（签字）"), _field("inspector-sign"), _label("被检查单位（签字）"), _field("unit-sign")],
        [_label("日期"), _field("inspector-date", DATE), _label("日期"), _field("unit-date", DATE)],
    ]
    return Table(rows, columns=4, widths=[38, 52, 38, 52], row_mm=[SIGN_MM, FIELD_MM], min_row_mm=FIELD_MM)


def _points(value: float) -> str:
    return f"{value:g}"
