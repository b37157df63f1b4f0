"""The sheet of cards as DOCX, so a bureau can retouch the wording in Word, WPS or LibreOffice.

One borderless page per sheet: a table of card cells (2 × 2 A6, or 2 × 1 A5 on landscape A4) of
fixed size with dashed cut lines between them, each card with the same blocks as the PDF. Fonts
are named as Chinese Word users have them (黑体, Latin Arial to match).
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from .deck import NO_REPLACEMENT, Deck, Phrase
from .layout import LINE, Card, Geometry, Heading, Scenario, Size, pack
from .render import geometry, subtitle

RED = RGBColor(0xB3, 0x12, 0x1F)
GREEN = RGBColor(0x14, 0x60, 0x2F)
GREY = RGBColor(0x33, 0x33, 0x33)
SPARE_MM = 1.0  # the rows leave this much of the page for the tiny paragraph Word needs between tables


def write_sheet_docx(deck: Deck, path: Path, size: Size = "a6") -> None:
    geo = geometry("sheet", size)
    document = docx.Document()
    _page(document, geo)
    cards = pack(deck, geo)
    document.core_properties.title = f"用语卡片 {deck.title}"
    document.core_properties.subject = subtitle(deck)
    for start in range(0, len(cards), geo.per_page):
        if start:
            _tiny(document.add_paragraph()).add_run().add_break(WD_BREAK.PAGE)
        _sheet(document, cards[start:start + geo.per_page], geo)
    # Word ends a body with a paragraph
    _tiny(document.add_paragraph("" if cards else "本文件未给出文明用语或服务忌语。"))
    document.save(str(path))


def _page(document: docx.document.Document, geo: Geometry) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if geo.page_w > geo.page_h else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(geo.page_w), Mm(geo.page_h)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin", "header_distance",
                 "footer_distance"):
        setattr(section, side, Mm(0))


def _tiny(paragraph: Paragraph) -> Paragraph:
    """A paragraph that takes (almost) no room: Word needs one between two tables."""
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing = Pt(1)
    for run in paragraph.runs:
        run.font.size = Pt(1)
    mark = paragraph._p.get_or_add_pPr()
    rpr = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    rpr.append(size)
    mark.append(rpr)
    return paragraph


def _sheet(document: docx.document.Document, cards: list[Card], geo: Geometry) -> None:
    table = document.add_table(rows=geo.rows, cols=geo.cols)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col in table._tbl.tblGrid.findall(qn("w:gridCol")):  # the card width, not the template's text width
        col.set(qn("w:w"), str(_dxa(geo.card_w)))
    width = table._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(_dxa(geo.card_w * geo.cols)))
    _table_borders(table)
    for row in table.rows:
        row.height = Mm(geo.card_h - SPARE_MM / geo.rows)
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
    for slot in range(geo.per_page):
        cell = table.cell(slot // geo.cols, slot % geo.cols)
        cell.width = Mm(geo.card_w)
        _cell_margins(cell, geo.pad)
        if slot < len(cards):
            _card(cell, cards[slot], geo)


def _table_borders(table: docx.table.Table) -> None:
    """Dashed grey lines between the cards and round them: where the sheet is cut."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "dashed")
        line.set(qn("w:sz"), "4")
        line.set(qn("w:color"), "999999")
        borders.append(line)
    later = [tbl_pr.find(qn(f"w:{name}")) for name in ("shd", "tblLayout", "tblCellMar", "tblLook")]
    following = next((e for e in later if e is not None), None)  # the schema's order of tblPr children
    if following is None:
        tbl_pr.append(borders)
    else:
        following.addprevious(borders)


def _cell_margins(cell: _Cell, pad_mm: float) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    margins = OxmlElement("w:tcMar")
    for side in ("top", "left", "bottom", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(_dxa(pad_mm)))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    tc_pr.append(margins)


def _dxa(mm: float) -> int:
    """Millimetres in twentieths of a point, Word's table unit."""
    return round(mm * 72 / 25.4 * 20)


def _card(cell: _Cell, card: Card, geo: Geometry) -> None:
    forbidden = card.kind == "forbidden"
    band = cell.paragraphs[0]
    text = "× 服务忌语　禁止使用" if forbidden else "○ 文明用语　推荐使用"
    _run(band, text, geo.small_pt + 0.5, bold=True, color=RGBColor(0xFF, 0xFF, 0xFF) if forbidden else GREEN)
    _shade(band, "B3121F" if forbidden else None, "146030")
    for block in card.blocks:
        if isinstance(block, Heading):
            p = _para(cell, 2, geo.head_pt)
            _run(p, block.title, geo.head_pt, bold=True)
            if block.continued:
                _run(p, "（续上一张）", geo.small_pt)
        elif isinstance(block, Scenario):
            _run(_para(cell, 1, geo.small_pt), f"◆ {block.text}", geo.small_pt, color=GREY)
        else:
            _phrase(cell, block, geo)
    if card.continues:
        p = _para(cell, 1, geo.small_pt)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        _run(p, "转下一张 →", geo.small_pt, color=GREY)
    cites = "　".join(f"{std} " + " · ".join(c.label for c in list_) for std, list_ in card.cite_lines())
    _run(_para(cell, 3, geo.cite_pt), f"依据 {cites}", geo.cite_pt, color=GREY)


def _phrase(cell: _Cell, phrase: Phrase, geo: Geometry) -> None:
    forbidden = phrase.kind == "forbidden"
    if phrase.context and not forbidden:
        _run(_para(cell, 1.5, geo.small_pt), f"（{phrase.context}）", geo.small_pt, color=GREY)
    p = _para(cell, 0 if phrase.context and not forbidden else 1.5, geo.phrase_pt)
    _run(p, "× " if forbidden else "○ ", geo.phrase_pt, bold=True, color=RED if forbidden else GREEN)
    if phrase.rule:
        _run(p, "〔规则〕", geo.small_pt)
    _run(p, phrase.shown, geo.phrase_pt, bold=not phrase.rule)
    if phrase.context and forbidden:
        _run(_para(cell, 0, geo.small_pt), f"（{phrase.context}）", geo.small_pt, color=GREY)
    if forbidden:
        if phrase.instead:
            _run(_para(cell, 0, geo.phrase_pt), f"→ {phrase.instead}", geo.phrase_pt, bold=True, color=GREEN)
        else:
            _run(_para(cell, 0, geo.small_pt), f"〔{NO_REPLACEMENT}〕", geo.small_pt)
    if len(phrase.cites) > 1:
        also = "；".join(f"{c.standard} {c.label}" for c in phrase.cites[1:])
        _run(_para(cell, 0, geo.cite_pt), f"亦见 {also}", geo.cite_pt, color=GREY)


def _para(cell: _Cell, before_mm: float, pt: float) -> Paragraph:
    """A paragraph of type size pt with the line height the packing assumed (exact: the CJK fonts'
    own line gap would make Word's "single" taller than the PDF's lines)."""
    p: Paragraph = cell.add_paragraph()
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Mm(before_mm), Pt(0)
    fmt.line_spacing = Pt(pt * LINE)
    fmt.keep_together = True  # a phrase is never broken
    return p


def _run(p: Paragraph, text: str, size: float, bold: bool = False, color: RGBColor | None = None) -> None:
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    if color is not None:
        run.font.color.rgb = color
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), "Arial")
    fonts.set(qn("w:eastAsia"), "黑体")
    fonts.set(qn("w:hint"), "eastAsia")  # quotation marks and × in the 黑体, not the Latin font


def _shade(p: Paragraph, fill: str | None, border: str) -> None:
    """A band: filled (forbidden) or only outlined (recommended), so the two differ in grey too."""
    ppr = p._p.get_or_add_pPr()
    box = OxmlElement("w:pBdr")  # before w:shd, as the schema orders them
    for edge in ("top", "left", "bottom", "right"):
        line = OxmlElement(f"w:{edge}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), "12")
        line.set(qn("w:space"), "1")
        line.set(qn("w:color"), border if fill is None else fill)
        box.append(line)
    ppr.append(box)
    if fill is not None:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        ppr.append(shd)
