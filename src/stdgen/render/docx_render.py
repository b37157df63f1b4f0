"""DOCX renderer (python-docx): named paragraph styles, sections with their own
page numbering, odd/even headers, bookmarks per anchor and internal hyperlinks.

Fonts are named as Chinese Word users have them: Latin Times New Roman, East
Asian 宋体 / 黑体 / 楷体; LibreOffice and WPS substitute what they have.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any, cast

import docx
from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_Merge
from docx.oxml.table import CT_Row, CT_Tc
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Mm, Pt
from docx.styles.style import BaseStyle
from docx.table import _Row
from docx.text.paragraph import Paragraph
from lxml import etree

from ..doctree import (
    Cell,
    Document,
    Figure,
    ListBlock,
    PageSetup,
    Para,
    Rule,
    Section,
    Span,
    Split,
    Style,
    Table,
    Toc,
    has_toc,
)
from .docx_defaults import apply_chinese_defaults
from .docx_fields import add_control
from .html import LINE_HEIGHT, header_text, marker
from .pdf import folios_of, page_folios
from .restyle import restyled

MARKER_GAP = {"dash": "", "circled": "", "paren": ""}  # full-width markers need no space after them

EAST_ASIAN = {"song": "宋体", "hei": "黑体", "kai": "楷体"}
LATIN = "Times New Roman"
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
RUNNING_GAP_MM = 10  # from the header to the text area, and from the text area to the footer
PAGE_FORMAT = {"roman": "upperRoman", "arabic": "decimal"}
SETTINGS_ORDER = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape", "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth", "w:printFormsData", "w:embedTrueTypeFonts", "w:embedSystemFonts",
    "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign", "w:attachedTemplate",
    "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
    "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting",
    "w:documentProtection", "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet",
    "w:defaultTabStop", "w:autoHyphenation", "w:consecutiveHyphenLimit", "w:hyphenationZone",
    "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength", "w:clickAndTypeStyle", "w:defaultTableStyle",
    "w:evenAndOddHeaders", "w:bookFoldRevPrinting", "w:bookFoldPrinting", "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing", "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery", "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin", "w:doNotShadeFormData",
    "w:noPunctuationKerning", "w:characterSpacingControl", "w:printTwoOnOne", "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture", "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml", "w:ignoreMixedContent", "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr",
    "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang",
    "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # the schema order of w:settings children (Word rejects other orders)


class _Writer:
    def __init__(self, doc: Document, folios: dict[str, str]) -> None:
        self.doc = doc
        self.folios = folios  # anchor → printed page number, for the 目次
        self.out = docx.Document()
        body_end = self.out.element.body.sectPr  # the last section's properties close the body
        assert body_end is not None
        self.body_end: BaseOxmlElement = body_end
        self.bookmarks: dict[str, str] = {}
        self.bookmark_names: set[str] = set()
        self.style_ids: dict[str, str] = {}
        self.next_bookmark_id = 1
        self.next_control_id = 0
        self.text_width_mm = doc.page.width_mm - doc.page.inside_mm - doc.page.outside_mm

    # --- styles -------------------------------------------------------------------------
    def define_styles(self) -> None:
        apply_chinese_defaults(self.out)
        normal = self.out.styles["Normal"]
        _set_fonts(normal.element, "song")
        normal.font.size = Pt(10.5)
        _line_spacing(normal.element.get_or_add_pPr(), 10.5)
        # the names listed once: python-docx wraps every style of the template on each listing (0.17 s of the
        # 0.36 s DOCX of the 10-page 驻马店 standard when listed per style)
        names = {s.name for s in self.out.styles}
        for style in self.doc.styles.values():
            if style.docx_name not in names:
                names.add(style.docx_name)
                self._add_style(style, normal)

    def _add_style(self, style: Style, normal: BaseStyle) -> None:
        st = self.out.styles.add_style(style.docx_name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        st.quick_style = True
        _set_fonts(st.element, style.font)
        st.font.size = Pt(style.size)
        st.font.bold = style.bold
        fmt = st.paragraph_format
        fmt.alignment = ALIGN[style.align]
        ppr = st.element.get_or_add_pPr()
        # the HTML/PDF metrics in absolute units: a line is LINE_HEIGHT × the style's size, exactly
        spacing = _line_spacing(ppr, style.size)
        line_twips = style.size * LINE_HEIGHT * 20
        spacing.set(qn("w:before"), str(round(style.before * line_twips + style.top_mm * 56.7)))
        spacing.set(qn("w:after"), str(round(style.after * line_twips)))
        if style.indent_chars:
            ind = ppr.get_or_add_ind()
            ind.set(qn("w:firstLineChars"), str(int(style.indent_chars * 100)))
            ind.set(qn("w:firstLine"), str(int(style.indent_chars * style.size * 20)))  # twips, for LibreOffice
        if style.outline:
            fmt.keep_with_next = True
            level = OxmlElement("w:outlineLvl")
            level.set(qn("w:val"), str(style.outline - 1))
            ppr.insert_element_before(level, "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
        if style.letter_spacing:
            rpr = st.element.get_or_add_rPr()
            sp = OxmlElement("w:spacing")
            sp.set(qn("w:val"), str(int(style.letter_spacing * style.size * 20)))
            rpr.append(sp)

    # --- sections -----------------------------------------------------------------------
    def write(self) -> docx.document.Document:
        self.define_styles()
        _document_settings(self.out)
        for i, section in enumerate(self.doc.sections):
            docx_section = self.out.sections[0] if i == 0 else self.out.add_section(
                WD_SECTION.ODD_PAGE if section.odd_start else WD_SECTION.NEW_PAGE)
            self._setup_section(docx_section, section, first=i == 0)
            for block in section.blocks:
                self.block(block)
        return self.out

    def _setup_section(self, sec: docx.section.Section, section: Section, first: bool) -> None:
        page: PageSetup = self.doc.page
        sec.page_width, sec.page_height = Mm(page.width_mm), Mm(page.height_mm)
        sec.left_margin, sec.right_margin = Mm(page.inside_mm), Mm(page.outside_mm)
        sec.top_margin, sec.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
        sec.header_distance, sec.footer_distance = Mm(page.top_mm - RUNNING_GAP_MM), Mm(page.bottom_mm - RUNNING_GAP_MM)
        fmt = PAGE_FORMAT.get(section.numbering)
        for inherited in sec._sectPr.findall(qn("w:pgNumType")):  # add_section copies the previous one
            sec._sectPr.remove(inherited)
        if fmt:
            num = OxmlElement("w:pgNumType")
            num.set(qn("w:fmt"), fmt)
            num.set(qn("w:start"), "1")
            sec._sectPr.append(num)
        for part in (sec.header, sec.even_page_header, sec.footer, sec.even_page_footer):
            part.is_linked_to_previous = False
        even = "left" if page.mirrored else "right"
        header = header_text(self.doc, section)
        if header:
            self._running(sec.header.paragraphs[0], header, "right", "header")
            self._running(sec.even_page_header.paragraphs[0], header, even, "header")
        if fmt:
            self._running(sec.footer.paragraphs[0], None, "right", "footer")
            self._running(sec.even_page_footer.paragraphs[0], None, even, "footer")

    def _running(self, para: Paragraph, text: str | None, align: str, role: str) -> None:
        style = self.doc.styles.get(role)
        size = style.size if style else 10.5
        para.alignment = ALIGN[align]
        # The header and footer fill the gap to the text area themselves: LibreOffice starts the text
        # right below a header's content (Word at the top margin); so both start it at the margin.
        gap = Pt(RUNNING_GAP_MM * 72 / 25.4 - size * LINE_HEIGHT)
        _line_spacing(para._p.get_or_add_pPr(), size)
        if role == "header":
            para.paragraph_format.space_after = gap
        else:
            para.paragraph_format.space_before = gap
        run = para.add_run(text or "")
        _set_fonts(run._r, style.font if style else "song")
        run.font.size = Pt(size)
        if text is None:
            _field(run._r.getparent(), "PAGE", "1", style.font if style else "song")

    # --- blocks -------------------------------------------------------------------------
    def _style_id(self, name: str) -> str:
        """Style ID by name, cached: python-docx looks names up linearly (slow at 5,000 clauses)."""
        if name not in self.style_ids:
            self.style_ids[name] = self.out.styles[name].style_id
        return self.style_ids[name]

    def _paragraph(self, style_name: str, into: CT_Tc | None = None) -> Paragraph:
        """A new styled paragraph at the end of the body (before its w:sectPr) or of a table cell.

        Built with lxml directly: python-docx's add_paragraph and style setter search the schema's
        successor lists per call, a third of the time of a 5,000-row checklist."""
        if into is None:
            p = self.body_end.makeelement(qn("w:p"), {})
            self.body_end.addprevious(p)
        else:
            p = _child(into, "w:p")
        _child(_child(p, "w:pPr"), "w:pStyle", {qn("w:val"): self._style_id(style_name)})
        return Paragraph(cast(CT_P, p), self.out._body)

    def block(self, block: object) -> None:
        if isinstance(block, Para):
            self.para(block)
        elif isinstance(block, ListBlock):
            self.list_block(block)
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, Split):
            self.split(block)
        elif isinstance(block, Rule):
            self.rule(block)
        elif isinstance(block, Toc):
            self.toc(block)

    def para(self, p: Para, container: CT_Tc | None = None, prefix: str = "") -> Paragraph:
        out = self._paragraph(self.doc.styles[p.style].docx_name, container)
        if p.new_page:
            out.paragraph_format.page_break_before = True
        if p.anchor:
            self._bookmark(out, p.anchor)
        if p.number:
            gap = "" if p.number.endswith("：") else "\u3000"
            run = out.add_run(p.number + gap)
            _set_fonts(run._r, "hei")
        if prefix:
            _add_text(out, prefix)
        for span in p.spans:
            self._span(out, span)
        return out

    def _span(self, out: Paragraph, span: Span) -> None:
        if span.field is not None:  # a form blank: a content control
            self.next_control_id += 1
            add_control(out, span.field, self.next_control_id)
            return
        if not span.link:
            _add_text(out, span.text)
            return
        _text_run(_child(out._p, "w:hyperlink", {qn("w:anchor"): self._bookmark_name(span.link)}), span.text)

    def _bookmark_name(self, anchor: str) -> str:
        if anchor not in self.bookmarks:
            base = "_s" + re.sub(r"[^A-Za-z0-9]", "_", anchor)[:30]
            name, n = base, 1
            while name in self.bookmark_names:
                n += 1
                name = f"{base}_{n}"
            self.bookmarks[anchor] = name
            self.bookmark_names.add(name)
        return self.bookmarks[anchor]

    def _bookmark(self, out: Paragraph, anchor: str) -> None:
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.next_bookmark_id))
        start.set(qn("w:name"), self._bookmark_name(anchor))
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.next_bookmark_id))
        self.next_bookmark_id += 1
        out._p.insert(1 if out._p.pPr is not None else 0, start)
        out._p.append(end)

    def list_block(self, block: ListBlock, level: int = 1) -> None:
        for i, item in enumerate(block.items):
            self.para(item.para, prefix=marker(block.marker, i) + MARKER_GAP.get(block.marker, " "))
            if item.children:
                self.list_block(item.children, level + 1)

    def table(self, t: Table) -> None:
        """Write the table row by row, spans as w:gridSpan and w:vMerge directly.

        python-docx's own route (add_table with every row, table.rows[r], cell.merge) looks rows up
        by index, re-listing all rows per call: quadratic, 530 s for a 5,000-row checklist; this is
        linear (measured by benchmarks/bench_build.py)."""
        if t.caption:
            self.para(t.caption)
        columns = t.columns or max(sum(c.colspan for c in row) for row in t.rows)
        table = self.out.add_table(rows=0, cols=columns)
        table.style = self.out.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        if t.widths and len(t.widths) == columns:
            self._widths(table, t.widths)
        if t.anchor:
            self._bookmark_name(t.anchor)
        grid = [col.w for col in table._tbl.tblGrid.gridCol_lst]
        below: dict[int, tuple[int, int]] = {}  # grid column → (rows still to cover, columns) of a vertical span
        for r, row in enumerate(t.rows):
            tr = table._tbl.add_tr()
            height = t.row_mm[r] if r < len(t.row_mm) else (0 if t.row_mm else t.min_row_mm)
            if height:
                docx_row = _Row(tr, table)
                docx_row.height = Mm(height)
                docx_row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST  # a minimum: text still grows the row
            _row_props(tr, header=r < t.header_rows)
            self._cells(tr, row, columns, grid, below, len(t.rows) - r)
        self.out.add_paragraph()

    def _cells(self, tr: CT_Row, row: list[Cell], columns: int, grid: list[Length | None],
               below: dict[int, tuple[int, int]], rows_left: int) -> None:
        """One w:tc per cell, and a continuation w:tc where a cell above spans down into this row."""
        cells = iter(row)
        c = 0
        while c < columns:
            if c in below:
                left, span = below.pop(c)
                covered = _grid_tc(tr, grid, c, span)
                covered.vMerge = ST_Merge.CONTINUE
                _child(covered, "w:p")
                if left > 1:
                    below[c] = (left - 1, span)
                c += span
                continue
            cell = next(cells, None)
            span = 1 if cell is None else min(cell.colspan, columns - c)
            tc = _grid_tc(tr, grid, c, span)
            if cell is not None and (rows_below := min(cell.rowspan, rows_left) - 1):
                tc.vMerge = ST_Merge.RESTART
                below[c] = (rows_below, span)
            for p in cell.paras if cell is not None else []:
                self.para(p, container=tc)
            if cell is None or not cell.paras:
                _child(tc, "w:p")  # a cell holds at least one paragraph
            c += span

    def _widths(self, table: docx.table.Table, widths: list[float]) -> None:
        """Fixed column widths sharing the text width in the given proportions."""
        table.autofit = False  # w:tblLayout type="fixed"
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Mm(self.text_width_mm * width / sum(widths))

    def figure(self, f: Figure) -> None:
        """The image in a centred paragraph (bookmarked for references), its caption below it."""
        out = self._paragraph(self.doc.styles["figure"].docx_name if "figure" in self.doc.styles else "Normal", None)
        out.paragraph_format.first_line_indent = Mm(0)
        if f.anchor:
            self._bookmark(out, f.anchor)
        image = f.image.read_bytes()
        if f.image.suffix.lower() == ".svg":  # Word needs a raster image: the SVG drawn at 300 dpi
            import cairosvg

            image = cairosvg.svg2png(bytestring=image, dpi=300)
        picture = out.add_run().add_picture(io.BytesIO(image))
        widest = Mm(f.width_mm) if f.width_mm else Mm(min(150.0, self.text_width_mm))
        if f.width_mm or picture.width > widest:
            ratio = widest / picture.width
            picture.width, picture.height = widest, Length(int(picture.height * ratio))
        self.para(f.caption)

    def split(self, s: Split) -> None:
        out = self.para(s.left)
        out.paragraph_format.first_line_indent = Mm(0)
        out.paragraph_format.tab_stops.add_tab_stop(Mm(self.text_width_mm), WD_TAB_ALIGNMENT.RIGHT)
        out.add_run("\t")
        for span in s.right.spans:
            self._span(out, span)

    def rule(self, r: Rule) -> None:
        out = self.out.add_paragraph()
        side = self.text_width_mm * (1 - r.width) / 2
        out.paragraph_format.left_indent = Mm(side)
        out.paragraph_format.right_indent = Mm(side)
        out.paragraph_format.space_before = Pt(r.top_mm * 2.835)
        _border(out, "top", int(r.weight_pt * 8))

    def toc(self, toc: Toc) -> None:
        self.para(toc.title)
        for i, entry in enumerate(toc.entries):
            style = self.doc.styles[entry.style]
            out = self._paragraph(style.docx_name)
            out.paragraph_format.tab_stops.add_tab_stop(Mm(self.text_width_mm), WD_TAB_ALIGNMENT.RIGHT,
                                                        WD_TAB_LEADER.DOTS)
            if i == 0:
                _field_begin(out, 'TOC \\o "1-2" \\h \\z \\u')
            span = entry.spans[0]
            self._span(out, Span(span.text, link=span.link))
            out.add_run("\t")
            if span.link:
                _field(out._p, f"PAGEREF {self._bookmark_name(span.link)} \\h", self.folios.get(span.link, ""),
                       style.font)
            if i == len(toc.entries) - 1:
                _field_end(out)


def _grid_tc(tr: CT_Row, grid: list[Length | None], column: int, span: int) -> CT_Tc:
    """A new, empty cell (no paragraph yet) at the end of tr, covering span grid columns from column."""
    tc = _child(tr, "w:tc")
    tc_pr = _child(tc, "w:tcPr")
    widths = grid[column:column + span]
    if all(w is not None for w in widths):
        twips = sum(w for w in widths if w is not None) // 635  # EMU → twentieths of a point
        _child(tc_pr, "w:tcW", {qn("w:w"): str(twips), qn("w:type"): "dxa"})
    if span > 1:
        _child(tc_pr, "w:gridSpan", {qn("w:val"): str(span)})
    return cast(CT_Tc, tc)


def _child(parent: Any, tag: str, attrs: dict[str, str] | None = None) -> Any:
    """A new element at the end of parent, made in parent's document: python-docx's OxmlElement makes each
    element in a document of its own, to be moved in (twice the time per element; the 5,000-row
    checklist's DOCX makes about 400,000). The XML written is the same."""
    return etree.SubElement(parent, qn(tag), attrs or {})


def _text_run(parent: Any, text: str) -> None:
    _child(_child(parent, "w:r"), "w:t", {qn("xml:space"): "preserve"}).text = text


def _add_text(out: Paragraph, text: str) -> None:
    """A plain run; python-docx's add_run only where it turns tabs and line breaks into w:tab and w:br."""
    if "\t" in text or "\n" in text or "\r" in text:
        out.add_run(text)
    else:
        _text_run(out._p, text)


def _set_fonts(element: object, role: str) -> None:
    """宋体 text sets Latin letters and digits in Times New Roman; 黑体 and 楷体 text (headings, their
    numbers, the running header) in the same face throughout, as the PDF does."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN if role == "song" else EAST_ASIAN[role])
    fonts.set(qn("w:eastAsia"), EAST_ASIAN[role])


def _line_spacing(ppr: Any, size_pt: float) -> Any:
    """w:spacing with an exact line height of LINE_HEIGHT × size (the CSS line-height of the PDF)."""
    spacing = ppr.get_or_add_spacing()  # in schema order
    spacing.set(qn("w:line"), str(round(size_pt * LINE_HEIGHT * 20)))
    spacing.set(qn("w:lineRule"), "exact")
    return spacing


def _field(parent: object, instruction: str, cached: str, role: str) -> None:
    """A complete field (begin, instruction, separate, cached result, end) appended to parent."""
    def run_with(child: object) -> object:
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        fonts = OxmlElement("w:rFonts")
        fonts.set(qn("w:ascii"), LATIN)
        fonts.set(qn("w:hAnsi"), LATIN)
        fonts.set(qn("w:eastAsia"), EAST_ASIAN[role])
        rpr.append(fonts)
        run.append(rpr)
        run.append(child)
        return run

    for kind in ("begin", None, "separate", "result", "end"):
        if kind is None:
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = f" {instruction} "
        elif kind == "result":
            node = OxmlElement("w:t")
            node.text = cached
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        parent.append(run_with(node))  # type: ignore[attr-defined]


def _field_begin(out: Paragraph, instruction: str) -> None:
    for kind in ("begin", None, "separate"):
        run = OxmlElement("w:r")
        if kind is None:
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = f" {instruction} "
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        run.append(node)
        out._p.append(run)


def _field_end(out: Paragraph) -> None:
    run = OxmlElement("w:r")
    node = OxmlElement("w:fldChar")
    node.set(qn("w:fldCharType"), "end")
    run.append(node)
    out._p.append(run)


def _border(para: Paragraph, side: str, size_eighths: int) -> None:
    ppr = para._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size_eighths))
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), "000000")
    borders.append(edge)
    ppr.append(borders)


def _row_props(tr: object, header: bool) -> None:
    trpr = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    _child(trpr, "w:cantSplit")
    if header:
        _child(trpr, "w:tblHeader")


def _document_settings(out: docx.document.Document) -> None:
    settings = out.settings.element
    out.settings.odd_and_even_pages_header_footer = True
    order = list(SETTINGS_ORDER)
    for tag in ("w:mirrorMargins", "w:updateFields"):  # updateFields: Word fills the 目次 page numbers
        node = OxmlElement(tag)
        if tag == "w:updateFields":
            node.set(qn("w:val"), "true")
        later = order[order.index(tag) + 1:]
        settings.insert_element_before(node, *later)
    out.core_properties.language = "zh-CN"


def write_docx(doc: Document, path: Path) -> None:
    """Write the DOCX. A document with a 目次 is laid out as the PDF is, so that the 目次 shows the
    page numbers before any field update (Word can still refresh the TOC field)."""
    _save(doc, path, page_folios(doc) if has_toc(doc) else {})


def write_docx_paged(doc: Document, path: Path, pdf_pages: dict[str, int]) -> None:
    """Write the DOCX, its 目次 showing the pages of the PDF written from the same tree (anchor → 1-based
    page, as ``write_pdf`` returns them): nothing is laid out again."""
    _save(doc, path, folios_of(doc, pdf_pages))


def _save(doc: Document, path: Path, folios: dict[str, str]) -> None:
    doc = restyled(doc)  # a bureau's styles.txt.j2
    out = _Writer(doc, folios).write()
    out.core_properties.title = doc.title
    out.core_properties.keywords = doc.keywords
    out.save(str(path))
