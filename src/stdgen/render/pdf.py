"""PDF renderer: the HTML page laid out by WeasyPrint with its print CSS.

Font embedding decides PDF speed with CJK fonts. WeasyPrint subsets fonts with
HarfBuzz when Debian's libharfbuzz-subset0 is installed (about 1 s for an
11-page standard with Noto CJK) and falls back to fontTools otherwise (15–20 s).
Measured alternative: pre-converting the Noto CFF faces to TrueType slices gave
the same time under HarfBuzz and only smaller files, so stdgen uses the system
fonts as they are.

The PDF holds no creation date and its /ID is a hash of its content, so equal input gives
an equal file (reproducible builds).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..doctree import Document
from .fonts import require_fonts
from .html import FONT_STACKS, render_html, section_anchor
from .restyle import restyled
from .weasy import layout

if TYPE_CHECKING:
    import pydyf
    import weasyprint


def write_pdf(doc: Document, path: Path) -> dict[str, int]:
    """Write the PDF; return the 1-based physical page of every anchor (for cross-reference indexes)."""
    doc = restyled(doc)  # a bureau's styles.txt.j2 (a style may change its font role)
    require_fonts(doc, FONT_STACKS)  # never a PDF of boxes: fail with the fonts to install
    rendered = _layout(render_html(doc, external_links=False), doc.fillable)
    first = _first_pages(rendered)
    labels = _page_labels(doc, first)

    def finish(_document: Any, pdf: Any) -> None:
        _add_page_labels(pdf, labels)
        if doc.fillable:
            _only_top_fields(pdf)

    rendered.write_pdf(path, pdf_identifier=True,  # /ID from the content's hash: same input, same bytes
                       pdf_forms=doc.fillable, pdf_tags=True, finisher=finish)
    return {anchor: index + 1 for anchor, index in first.items()}


PAGE_LABEL_STYLE = {"roman": "/R", "arabic": "/D"}


def _page_labels(doc: Document, first: dict[str, int]) -> list[tuple[int, str]]:
    """(first page index, numbering) of each section, so a PDF reader shows the printed folios."""
    return sorted((first[section_anchor(s)], s.numbering) for s in doc.sections if section_anchor(s) in first)


def _add_page_labels(pdf: pydyf.PDF, labels: list[tuple[int, str]]) -> None:
    import pydyf

    nums = pydyf.Array()
    for index, numbering in labels:
        style = PAGE_LABEL_STYLE.get(numbering)
        label = pydyf.Dictionary({"S": style, "St": 1} if style else {"P": pydyf.String("")})
        nums.extend([0 if not nums else index, label])
    pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": nums})


def page_folios(doc: Document) -> dict[str, str]:
    """The printed page number (folio) of every anchor as the PDF lays the document out: ``I``, ``II``
    in a Roman-numbered section, ``1``, ``2`` … in an Arabic one. The DOCX writes them into its 目次."""
    rendered = _layout(render_html(doc, external_links=False), doc.fillable)
    return folios_of(doc, {anchor: index + 1 for anchor, index in _first_pages(rendered).items()})


def folios_of(doc: Document, pages: dict[str, int]) -> dict[str, str]:
    """The folio of every anchor from its 1-based physical page in the PDF (what ``write_pdf`` returns)."""
    physical = {anchor: page - 1 for anchor, page in pages.items()}
    starts = _page_labels(doc, physical)
    folios: dict[str, str] = {}
    for anchor, index in physical.items():
        first, numbering = max((start for start in starts if start[0] <= index), default=(0, "none"))
        if numbering != "none":
            folio = index - first + 1  # each section's numbering starts at 1 on its first page
            folios[anchor] = roman(folio) if numbering == "roman" else str(folio)
    return folios


def _first_pages(rendered: weasyprint.Document) -> dict[str, int]:
    """0-based index of the page where each anchor starts (an element over several pages is on each)."""
    first: dict[str, int] = {}
    for index, page in enumerate(rendered.pages):
        for anchor in page.anchors:
            first.setdefault(anchor, index)
    return first


def roman(number: int) -> str:
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, number = divmod(number, value)
        out += letters * count
    return out


def _layout(html: str, fillable: bool) -> weasyprint.Document:
    """The laid-out pages of one HTML page. Not kept after use: a build's DOCX takes the PDF job's page
    numbers (build.REUSES) and never asked for it again, while a kept 5,000-clause standard held 0.9 GB
    in its worker for the rest of the build."""
    return layout(html, pdf_forms=fillable)


def _only_top_fields(pdf: Any) -> None:
    """WeasyPrint lists each radio button in /AcroForm /Fields besides its group (a loop that
    qpdf and Acrobat warn about): keep only fields without a parent."""
    form = pdf.catalog.get("AcroForm")
    if form is None:
        return
    objects = {obj.number: obj for obj in pdf.objects if getattr(obj, "number", None) is not None}
    top = [ref for ref in form["Fields"] if "Parent" not in objects.get(int(bytes(ref).split()[0]), {})]
    form["Fields"] = type(form["Fields"])(top)
