"""The document tree: what every artifact builds and every renderer reads.

Renderers know nothing about standards; they see styled paragraphs, lists,
tables, rules and sections. Which style means what (font role, size, spacing,
DOCX style name) is given by a StyleSheet that travels with the document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Align = Literal["left", "center", "right", "justify"]
FontRole = Literal["song", "hei", "kai"]  # 宋体, 黑体, 楷体 roles, mapped to real fonts per renderer
Numbering = Literal["none", "roman", "arabic"]


@dataclass(frozen=True)
class Style:
    docx_name: str  # paragraph style name in DOCX (TCS names for standards)
    font: FontRole = "song"
    size: float = 10.5  # points
    align: Align = "justify"
    indent_chars: float = 0  # first-line indent in characters
    before: float = 0  # space before, in lines
    after: float = 0  # space after, in lines
    outline: int = 0  # outline level for headings (1 = chapter); 0 = body text
    letter_spacing: float = 0  # em, for letter-spaced display lines
    bold: bool = False  # only for display type that GB/T asks to be bold-looking (cover marks)
    top_mm: float = 0  # extra space above, in mm (cover layout)


@dataclass(frozen=True)
class FieldSpec:
    """A blank of a form. Printed, it is what the kind asks for (a line, 年　月　日, 18 boxes,
    □是　□否 …); in a fillable document it is an input, a PDF form field or a content control."""

    name: str
    kind: str  # model.FieldKind
    label: str = ""  # what it asks for (tooltip, accessible name)
    lines: int = 1  # multiline: lines to write on
    options: tuple[str, ...] = ()  # choice
    width: float = 0  # characters, for a blank inside text; 0: by kind
    required: bool = False
    whole_cell: bool = False  # the blank is a whole table cell (the cell is the box: no underline)


@dataclass(frozen=True)
class Span:
    text: str
    link: str | None = None  # anchor this span links to
    href: str | None = None  # a URL outside this document (HTML only; printed formats show the text)
    field: FieldSpec | None = None  # a form blank (its text is empty)


@dataclass
class Para:
    style: str
    spans: list[Span]
    anchor: str | None = None  # target for links; also a DOCX bookmark
    number: str | None = None  # heading number, printed before the text with U+3000
    new_page: bool = False
    toc_level: int = 0  # >0: listed in the table of contents at this level
    toc_text: str | None = None  # the entry's text when it differs from the heading

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    @classmethod
    def of(cls, style: str, text: str, **kwargs: object) -> Para:
        return cls(style, [Span(text)], **kwargs)  # type: ignore[arg-type]


@dataclass
class ListBlock:
    marker: Literal["dash", "letter", "number", "circled", "paren", "bullet"]
    items: list[ListItem]
    style: str = "list"


@dataclass
class ListItem:
    para: Para
    children: ListBlock | None = None


@dataclass
class Cell:
    paras: list[Para]
    colspan: int = 1
    rowspan: int = 1
    field: str | None = None  # a fillable field's name (forms)
    header: bool = False


@dataclass
class Table:
    """Header rows (the first header_rows) repeat on every page; a row never splits across pages."""

    rows: list[list[Cell]]
    caption: Para | None = None
    columns: int = 0
    header_rows: int = 0
    min_row_mm: float = 0  # forms leave room to write
    anchor: str | None = None
    widths: list[float] = field(default_factory=list)  # relative column widths; empty: automatic
    row_mm: list[float] = field(default_factory=list)  # minimum height per row (0: automatic); overrides min_row_mm


@dataclass
class Figure:
    """An image with its caption below it; renderers embed the file's bytes (PNG, JPEG or SVG)."""

    image: Path
    caption: Para
    anchor: str | None = None
    width_mm: float = 0  # 0: the image's natural size, at most the text width


@dataclass
class Split:
    """One line with text at the left and at the right (cover dates)."""

    left: Para
    right: Para


@dataclass
class Rule:
    width: float = 1.0  # fraction of the text width
    weight_pt: float = 0.75
    align: Align = "center"
    top_mm: float = 0


@dataclass
class Toc:
    title: Para
    entries: list[Para]  # each links to an anchor; renderers add page numbers


Block = Para | ListBlock | Table | Figure | Split | Rule | Toc


@dataclass
class Section:
    name: str  # "cover", "front", "body": also the page name in CSS
    numbering: Numbering
    header: str | None  # running header text (odd pages right, even pages left)
    blocks: list[Block] = field(default_factory=list)
    odd_start: bool = True  # start on a right-hand page


@dataclass(frozen=True)
class PageSetup:
    width_mm: float = 210
    height_mm: float = 297
    inside_mm: float = 25
    outside_mm: float = 20
    top_mm: float = 25
    bottom_mm: float = 20
    mirrored: bool = True


@dataclass
class Document:
    title: str
    sections: list[Section]
    styles: dict[str, Style]
    page: PageSetup = PageSetup()
    lang: str = "zh-CN"
    meta: dict[str, str] = field(default_factory=dict)  # the set's metadata, for bureau templates
    keywords: str = ""  # PDF /Keywords, DOCX keywords: how a filled form names its definition
    fillable: bool = False  # form blanks become inputs (HTML), AcroForm fields (PDF); DOCX always has controls


def paras(blocks: Iterable[Block]) -> Iterator[Para]:
    """Every paragraph of the blocks, in reading order (list items, table cells, split halves, TOC title)."""
    for block in blocks:
        if isinstance(block, Para):
            yield block
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield item.para
                if item.children:
                    yield from paras([item.children])
        elif isinstance(block, Table):
            if block.caption:
                yield block.caption
            yield from (p for row in block.rows for cell in row for p in cell.paras)
        elif isinstance(block, Figure):
            yield block.caption
        elif isinstance(block, Split):
            yield from (block.left, block.right)
        elif isinstance(block, Toc):
            yield block.title


def blocks_of(doc: Document) -> Iterator[Block]:
    return (b for s in doc.sections for b in s.blocks)


def has_toc(doc: Document) -> bool:
    """Whether the document has a 目次 (whose page numbers the DOCX takes from the PDF's layout)."""
    return any(isinstance(block, Toc) for section in doc.sections for block in section.blocks)


def anchors_of(doc: Document) -> set[str]:
    """The anchors of a document: paragraphs', tables' and figures'."""
    anchors = {p.anchor for p in paras(blocks_of(doc)) if p.anchor}
    anchors.update(b.anchor for b in blocks_of(doc) if isinstance(b, Table | Figure) and b.anchor)
    return anchors


def link_target(span: Span) -> str | None:
    """The anchor a span points to: its link, or the #fragment of its href."""
    if span.link:
        return span.link
    if span.href and "#" in span.href:
        return span.href.rpartition("#")[2]
    return None


def anchor_ids(doc: Document, ids: Iterable[str] | None = None) -> None:
    """Give every shown ID without an anchor one: on the first paragraph that links to it, else the first
    that names it. ids None: the IDs the document links to. An ID the document neither links to nor
    names stays without an anchor."""
    anchored = anchors_of(doc)
    all_paras = list(paras(blocks_of(doc)))
    wanted = ids if ids is not None else [t for p in all_paras for s in p.spans if (t := link_target(s))]
    for ident in dict.fromkeys(wanted):
        if ident in anchored:
            continue
        home = next((p for p in all_paras if not p.anchor and any(link_target(s) == ident for s in p.spans)), None)
        home = home or next((p for p in all_paras if not p.anchor and ident in p.text), None)
        if home is not None:
            home.anchor = ident
            anchored.add(ident)
