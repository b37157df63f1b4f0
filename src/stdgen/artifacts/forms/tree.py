"""A form as a document tree: inside its annex in the standard, and on its own page(s).

Grid forms are tables whose cells hold labels, text with blanks and whole-cell fields; letter
forms are paragraphs with blanks, numbered items to tick and right-aligned signature lines; a
tear-off part (存根, 回执) follows a cut line. Every blank is a ``Span`` with a ``FieldSpec``:
the renderers decide whether it is printed or fillable.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...doctree import Block, Cell, Document, FieldSpec, PageSetup, Para, Section, Span, Style, Table
from ...forms.spec import IDENTITY, Blank, cell_field, fields, form_version, split_blanks
from ...model import Form, FormCell, FormField, LetterBlock, LetterPart
from ...resolve import ResolvedSet

PAGE = PageSetup(inside_mm=20, outside_mm=20, top_mm=20, bottom_mm=18, mirrored=False)
GAP = "\u3000"
ROW_MM = 12  # a grid row leaves room for handwriting
LINE_MM = 9  # per line of a multi-line field

FORM_STYLES: dict[str, Style] = {
    "form-title": Style("表单_标题", "hei", 18, "center", after=0.6),
    "form-number": Style("表单_编号", "song", 10.5, "right", after=0.4),
    "form-label": Style("表单_栏目", "song", 10.5, "center"),
    "form-cell": Style("表单_填写", "song", 10.5, "left"),
    "form-cell-center": Style("表单_填写居中", "song", 10.5, "center"),
    "form-cell-right": Style("表单_填写右", "song", 10.5, "right"),
    "form-text": Style("表单_正文", "song", 12, "justify", indent_chars=2, before=0.2),
    "form-text-left": Style("表单_正文顶格", "song", 12, "left", before=0.2),
    "form-text-right": Style("表单_正文右", "song", 12, "right", before=0.2),
    "form-text-center": Style("表单_正文居中", "song", 12, "center", before=0.2),
    "form-item": Style("表单_勾选项", "song", 12, "left", indent_chars=2, before=0.2),
    "form-sign": Style("表单_落款", "song", 12, "right", before=0.6),
    "form-cut": Style("表单_裁剪线", "song", 9, "center", before=1.5, after=1),
    "form-part-title": Style("表单_回执标题", "hei", 15, "center", after=0.6),
    "form-basis": Style("表单_依据", "song", 9, "left", before=1),
    "form-basis-item": Style("表单_依据条款", "song", 9, "left", indent_chars=2),
}
STYLES: dict[str, Style] = {**FORM_STYLES, "header": Style("表单_页眉", "song", 9, "right"),
                            "footer": Style("表单_页脚", "song", 9, "center")}
CUT_LINE = "－" * 13 + "（沿此线剪开）" + "－" * 13  # GBK only: a DOCX names fonts, embeds none
TEXT_STYLE = {"indent": "form-text", "left": "form-text-left", "right": "form-text-right",
              "center": "form-text-center"}
CELL_STYLE = {"left": "form-cell", "center": "form-cell-center", "right": "form-cell-right"}


def spec(f: FormField, whole_cell: bool = False) -> FieldSpec:
    return FieldSpec(f.name, f.kind, f.label or "", f.lines, tuple(f.options), f.width, f.required, whole_cell)


def text_spans(rs: ResolvedSet, text: str, known: dict[str, FormField]) -> list[Span]:
    """Text with [[ID]] references and ［field:name］ blanks (an undefined name, reported by the
    check, prints as a plain blank)."""
    spans: list[Span] = []
    for part in rs.split(text):
        if not isinstance(part, str):
            spans.append(Span(part.reference, link=part.ident))
            continue
        for piece in split_blanks(part):
            if isinstance(piece, Blank):
                f = known.get(piece.name) or FormField(name=piece.name)
                spans.append(Span("", field=spec(f)))
            else:
                spans.append(Span(piece))
    return spans or [Span("")]


def form_blocks(rs: ResolvedSet, form: Form, caption: str | None) -> list[Block]:
    """The form's blocks; caption heads a grid (表C.1 …) or, for a letter, its title."""
    known = fields(form)
    blocks: list[Block] = []
    if form.rows:
        blocks.append(grid_table(rs, form, known, caption))
    else:
        blocks.append(Para.of("form-title", caption or form.title, anchor=form.id))
    if form.number and form.rows:
        blocks.insert(0, Para("form-number", text_spans(rs, form.number, known)))
    elif form.number:
        blocks.append(Para("form-number", text_spans(rs, form.number, known)))
    blocks.extend(_letter(rs, form.body, form.signature, known))
    if form.tear_off is not None:
        blocks.extend(_tear_off(rs, form.tear_off, known))
    return blocks


def grid_table(rs: ResolvedSet, form: Form, known: dict[str, FormField], caption: str | None) -> Table:
    rows: list[list[Cell]] = []
    heights: list[float] = []
    for row in form.rows:
        label = ""
        cells: list[Cell] = []
        for cell in row:
            cells.append(_cell(rs, cell, known, label))
            label = cell.label or label
        rows.append(cells)
        lines = max((c.lines for c in row if c.kind == "multiline" and c.field), default=0)
        heights.append(max(ROW_MM, LINE_MM * lines + 4) if lines else ROW_MM)
    title = Para.of("table-caption" if caption and caption != form.title else "form-title", caption or form.title)
    return Table(rows, title, form.columns or 1, 0, min_row_mm=ROW_MM, anchor=form.id, row_mm=heights)


def _cell(rs: ResolvedSet, cell: FormCell, known: dict[str, FormField], row_label: str) -> Cell:
    paras: list[Para] = []
    if cell.label:
        paras.append(Para.of("form-label" if cell.field is None and not cell.text else CELL_STYLE[cell.align],
                             cell.label))
    if cell.text:
        paras.extend(Para(CELL_STYLE[cell.align], text_spans(rs, line, known)) for line in cell.text.split("\n"))
    defined = cell_field(cell)
    if defined is not None:
        if defined.label is None and row_label:
            defined = defined.model_copy(update={"label": row_label.rstrip("：:")})
        paras.append(Para(CELL_STYLE[cell.align], [Span("", field=spec(defined, whole_cell=not cell.label))]))
    return Cell(paras or [Para.of("form-cell", "")], cell.colspan, cell.rowspan, field=cell.field)


def _letter(rs: ResolvedSet, body: list[LetterBlock], signature: list[str],
            known: dict[str, FormField]) -> Iterator[Block]:
    for block in body:
        if block.text:
            for line in block.text.split("\n"):
                yield Para(TEXT_STYLE[block.align], text_spans(rs, line, known))
        for i, item in enumerate(block.items, start=1):
            box = Span("", field=spec(known.get(item.field) or FormField(name=item.field, kind="checkbox")))
            yield Para("form-item", [box, Span(f"{i}．"), *text_spans(rs, item.text, known)])
    for n, line in enumerate(signature):
        para = Para("form-sign", text_spans(rs, line, known))
        if n:
            para = Para("form-text-right", para.spans)
        yield para


def _tear_off(rs: ResolvedSet, part: LetterPart, known: dict[str, FormField]) -> Iterator[Block]:
    yield Para.of("form-cut", CUT_LINE)
    if part.title:
        yield Para.of("form-part-title", part.title)
    yield from _letter(rs, part.body, part.signature, known)


def basis(rs: ResolvedSet, form: Form) -> list[Para]:
    """The clauses that rely on the form, linked into the standard (the form names them back): one line
    each, so that each clause ID has its own anchor on the form's page (the site links there and back)."""
    users = [ident for ident in rs.form_users.get(form.id, []) if ident in rs.targets]
    if not users:
        return []
    lines = [Para.of("form-basis", f"依据：{rs.standard.number or rs.standard.title.zh}")]
    for ident in users:
        spans = [Span(rs.targets[ident].reference, href=f"../standard.html#{ident}")]
        title = rs.user_titles.get(ident)
        if title:
            spans.append(Span(f"（{title}）"))
        lines.append(Para("form-basis-item", spans))
    return lines


def identity(rs: ResolvedSet, form: Form) -> str:
    """Recorded in every form file (PDF/DOCX keywords) so that ``stdgen form read`` finds the definition."""
    return f"{IDENTITY} {rs.clause_set.name} {form.id} {form_version(form)}"


def form_document(rs: ResolvedSet, form: Form, fillable: bool) -> Document:
    """A form on its own A4 pages: printable, or with fillable fields."""
    blocks = form_blocks(rs, form, None)
    blocks.extend(basis(rs, form))
    header = f"{rs.standard.number or rs.standard.title.zh}{GAP}{form.title}"
    return Document(title=form.title, styles=STYLES, page=PAGE, fillable=fillable, keywords=identity(rs, form),
                    sections=[Section("form", "none", header, blocks, odd_start=False)])
