"""HTML renderer: one page per document, an anchor per clause ID, print CSS for PDF."""

from __future__ import annotations

import base64
import re
from functools import partial
from pathlib import Path

from markupsafe import Markup, escape

from ..doctree import Cell, Document, Para, Section, Style, Table
from . import templates
from .fields import FIELD_CSS, field_html
from .restyle import restyled

HERE = Path(__file__).parent
FONT_STACKS = {
    "song": '"Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif',
    "hei": '"Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "Heiti SC", sans-serif',
    "kai": '"AR PL UKai CN", "KaiTi", serif',
}
LETTERS = "abcdefghijklmnopqrstuvwxyz"
CIRCLED = "".join(chr(c) for c in range(0x2460, 0x2474))  # ①…⑳
LINE_HEIGHT = 1.5  # × the font size; the DOCX sets the same exact line height


def marker(kind: str, index: int) -> str:
    """List marker as GB/T 1.1 prints it, or as the source numbered it (circled, paren)."""
    if kind == "dash":
        return "——"
    if kind == "letter":
        return f"{LETTERS[index % 26]})"
    if kind == "number":
        return f"{index + 1})"
    if kind == "circled":
        return CIRCLED[index] if index < len(CIRCLED) else f"({index + 1})"
    if kind == "paren":
        return f"（{index + 1}）"
    return "·"


def header_text(doc: Document, section: Section) -> str:
    """The running header of a section: stdgen's text, or what the bureau's header.txt.j2 makes of it."""
    text = templates.render("header.txt.j2", header=section.header or "", section=section.name, meta=doc.meta,
                            doc=doc)
    return " ".join(line.strip() for line in text.splitlines() if line.strip())  # one line; 　 kept


KEPT_TOGETHER = re.compile(r"[A-Za-z0-9/.\-—]+(?:\u00a0[A-Za-z0-9/.\-—]+)+")


LONG_TEXT = 4000  # characters: a longer text is printed in pieces (see nobreak)
PIECE = 2000


def nobreak(text: str) -> Markup:
    """Escaped text in which words joined by a no-break space (``GB/T 1.1—2020``) are one unit that
    justification cannot stretch (WeasyPrint widens a no-break space like any other).

    A text longer than LONG_TEXT is set as spans of about PIECE characters, cut after punctuation:
    WeasyPrint re-encodes the rest of a text box for every line it breaks, so one 600,000-character
    paragraph cost the square of its length (minutes); in pieces it is linear, and prints the same."""
    if len(text) <= LONG_TEXT:
        return _nobreak(text)
    return Markup("").join(Markup("<span>%s</span>") % _nobreak(piece) for piece in _pieces(text))


def _pieces(text: str) -> list[str]:
    pieces, start = [], 0
    while start < len(text):
        end = start + PIECE
        if end < len(text):
            cut = max(text.rfind(mark, start + PIECE // 2, end) for mark in "，。；、,.; ")
            end = cut + 1 if cut >= 0 else end
        pieces.append(text[start:end])
        start = end
    return pieces


def _nobreak(text: str) -> Markup:
    if "\u00a0" not in text:  # most texts: nothing to keep together (none of the xref page's 6,227)
        return escape(text)
    out, pos = [], 0
    for match in KEPT_TOGETHER.finditer(text):
        out.append(escape(text[pos:match.start()]))
        out.append(Markup('<span class="nb">%s</span>') % match.group(0))
        pos = match.end()
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def render_html(doc: Document, font_stacks: dict[str, str] | None = None, external_links: bool = True) -> str:
    """The whole document as one HTML page; the same page is the input of the PDF renderer.

    external_links=False prints links to other files (Span.href) as plain text (PDF)."""
    doc = restyled(doc)  # a bureau's styles.txt.j2
    roman = {b.anchor for s in doc.sections if s.numbering == "roman"
             for b in s.blocks if isinstance(b, Para) and b.anchor}
    css = stylesheet(doc, font_stacks or FONT_STACKS) + "\n" + templates.render("page.css.j2", doc=doc, meta=doc.meta)
    return templates.render("document.html.j2", doc=doc, css=Markup(css.replace("</", "<\\/")),
                            marker=marker, block_kind=lambda block: type(block).__name__, roman_anchors=roman,
                            external_links=external_links, image_uri=image_uri,
                            field_html=field_html, nobreak=nobreak, section_anchor=section_anchor,
                            row_class=row_class, lone_para=partial(lone_para, doc.styles))


MIME = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}


def image_uri(path: Path) -> str:
    """A figure's image as a data: URI, so the HTML page (and the PDF made from it) stands alone."""
    return f"data:{MIME[path.suffix.lower()]};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def section_anchor(section: Section) -> str:
    """The id of a section's element: where its pages start."""
    return f"section-{section.name}"


def write_html(doc: Document, path: Path) -> None:
    path.write_text(render_html(doc), encoding="utf-8")


def stylesheet(doc: Document, fonts: dict[str, str]) -> str:
    rules = [_base(fonts), _page_rules(doc, fonts), FIELD_CSS]
    rules.extend(_style_rule(name, style, fonts) for name, style in doc.styles.items())
    rules.extend(f"tr.{row_class(mm)} {{ height: {mm}mm; }}" for mm in _row_heights(doc))
    return "\n".join(rules)


# Table markup is kept lean because WeasyPrint's time grows with the number of boxes and of inline
# style attributes (each is parsed again): on the 2,000-row checklist, a class per row height instead
# of style="height: …" and a cell's only paragraph written as the cell itself took its layout from
# 7.5 s to 4.5 s of CPU per 500 rows, with pixel-identical pages.

def row_class(mm: float) -> str:
    """The class of table rows of this minimum height (``row-11mm``, ``row-16_5mm``)."""
    return f"row-{mm:g}mm".replace(".", "_")


def _row_heights(doc: Document) -> list[float]:
    heights = {h for s in doc.sections for b in s.blocks if isinstance(b, Table)
               for h in [*(b.row_mm or []), b.min_row_mm] if h}
    return sorted(heights)


def lone_para(styles: dict[str, Style], cell: Cell) -> Para | None:
    """A cell's only paragraph when the cell itself can carry it (class, anchor, text): one that prints
    the same without its own box — no space above or below (a cell has no margins), no blank to fill in."""
    if len(cell.paras) != 1:
        return None
    p = cell.paras[0]
    style = styles.get(p.style)
    if (style is None or not p.text or any(s.field for s in p.spans) or p.toc_text or p.new_page
            or style.before or style.after or style.top_mm or style.outline):
        return None
    return p


def _style_rule(name: str, s: Style, fonts: dict[str, str]) -> str:
    parts = [
        f"font-family: {fonts[s.font]}", f"font-size: {s.size}pt", f"text-align: {s.align}",
        f"text-indent: {s.indent_chars}em", f"margin: calc({s.before * 1.5}em + {s.top_mm}mm) 0 {s.after * 1.5}em 0",
        f"font-weight: {'bold' if s.bold else 'normal'}",
    ]
    if s.letter_spacing:
        parts.append(f"letter-spacing: {s.letter_spacing}em")
    if s.outline:
        parts.append("break-after: avoid")
        if s.outline <= 2:  # PDF bookmarks: chapters, annexes, front matter and the clauses below chapters
            parts.append(f"bookmark-level: {s.outline}; bookmark-label: content(text)")
    return f".{name} {{ {'; '.join(parts)} }}"


def _base(fonts: dict[str, str]) -> str:
    return f"""
html {{ font-family: {fonts['song']}; font-size: 10.5pt; line-height: {LINE_HEIGHT}; }}
body {{ max-width: 170mm; margin: 2em auto; padding: 0 1em; }}
p {{ margin: 0; orphans: 2; widows: 2; }}
.num {{ font-family: {fonts['hei']}; }}
.nb {{ display: inline-block; text-indent: 0; }}
p[data-bookmark] {{ bookmark-label: attr(data-bookmark); }}
nav.toc p {{ text-indent: 0; }}
a.ref {{ color: inherit; text-decoration: none; border-bottom: 0.5pt dotted #777; }}
.split {{ display: flex; justify-content: space-between; }}
figure.figure {{ margin: 0.5em 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }}
figure.figure img {{ max-width: 100%; height: auto; }}
hr.rule {{ border: 0; border-top: 1pt solid #000; margin-left: auto; margin-right: auto; }}
ol.list {{ list-style: none; margin: 0; padding: 0; }}
ol.list li {{ text-indent: 2em; text-align: justify; }}
ol.list ol.list li {{ text-indent: 4em; }}
ol.list .marker {{ margin-right: 0.25em; }}
nav.toc p a {{ color: inherit; text-decoration: none; }}
table {{ border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; border: 1.2pt solid #000; }}
td, th {{ border: 0.6pt solid #000; padding: 2pt 4pt; vertical-align: middle; font-size: 9pt; }}
tr {{ break-inside: avoid; }}
thead {{ display: table-header-group; }}
table.fixed {{ table-layout: fixed; }}
table.fixed td, table.fixed th {{ overflow-wrap: anywhere; }}
a.ext {{ color: inherit; }}
table.form td[data-field] {{ min-width: 20mm; }}
section {{ margin-bottom: 3em; }}
@media screen {{ section.cover {{ border-bottom: 1px solid #ccc; padding-bottom: 2em; }} }}
"""


def _page_rules(doc: Document, fonts: dict[str, str]) -> str:
    page, sections, styles = doc.page, doc.sections, doc.styles
    head = styles.get("header", Style("header", "hei"))
    foot = styles.get("footer", Style("footer"))
    head_font = f"font-family: {fonts[head.font]}; font-size: {head.size}pt"
    foot_font = f"font-family: {fonts[foot.font]}; font-size: {foot.size}pt"
    inside, outside = (page.inside_mm, page.outside_mm) if page.mirrored else (page.inside_mm, page.inside_mm)
    rules = [f"""
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; }}
  a.ref {{ border: 0; }}
  nav.toc a::after {{ content: leader('.') target-counter(attr(href), page); }}
  nav.toc a.roman::after {{ content: leader('.') target-counter(attr(href), page, upper-roman); }}
  .new-page {{ break-before: page; }}
  section {{ margin: 0; }}
}}
@page {{ size: {page.width_mm}mm {page.height_mm}mm;
  margin: {page.top_mm}mm {outside}mm {page.bottom_mm}mm {inside}mm; }}
@page :left {{ margin-left: {outside}mm; margin-right: {inside}mm; }}
@page :right {{ margin-left: {inside}mm; margin-right: {outside}mm; }}
@page :blank {{ @top-left {{ content: none; }} @top-right {{ content: none; }}
  @bottom-left {{ content: none; }} @bottom-right {{ content: none; }} }}"""]
    even = "left" if page.mirrored else "right"  # side of header and page number on even pages
    for section in sections:
        style = {"roman": "upper-roman", "arabic": "decimal"}.get(section.numbering)
        brk = "right" if section.odd_start else "page"
        rules.append(f"@media print {{ section.{section.name} {{ page: {section.name}; break-before: {brk}; }} }}")
        if style is None:
            continue
        header = _css_string(header_text(doc, section))
        rules.append(f"""@page :nth(1 of {section.name}) {{ counter-reset: page 1; }}
@page {section.name}:right {{
  @top-right {{ content: "{header}"; {head_font}; vertical-align: bottom; padding-bottom: 3mm; }}
  @bottom-right {{ content: counter(page, {style}); {foot_font}; vertical-align: top; padding-top: 3mm; }} }}
@page {section.name}:left {{
  @top-{even} {{ content: "{header}"; {head_font}; vertical-align: bottom; padding-bottom: 3mm; }}
  @bottom-{even} {{ content: counter(page, {style}); {foot_font}; vertical-align: top; padding-top: 3mm; }} }}""")
    return "\n".join(rules)


def _css_string(text: str) -> str:
    """Text for inside a double-quoted CSS string in a <style> element.

    Every character that could end the string, the declaration or the element (quotes,
    backslash, ``<``, ``>``, ``&``, ``{``, ``}``, ``;``, controls) is a six-digit CSS escape,
    so ``</style><script>`` in a title prints literally and never leaves the stylesheet."""
    return "".join(ch if ch.isalnum() or (ch.isprintable() and ch not in _CSS_UNSAFE) else f"\\{ord(ch):06x}"
                   for ch in text.replace("\n", " "))


_CSS_UNSAFE = frozenset('"\'\\<>&{};/*@:()[]!,`=')
