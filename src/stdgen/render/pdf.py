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
from typing import Any

from ..doctree import Document
from .fonts import require_fonts
from .html import FONT_STACKS, render_html


def write_pdf(doc: Document, path: Path) -> dict[str, int]:
    """Write the PDF; return the 1-based physical page of every anchor (for cross-reference indexes)."""
    import weasyprint  # imported late: it is slow to import and only PDF needs it

    require_fonts(doc, FONT_STACKS)  # never a PDF of boxes: fail with the fonts to install
    html = render_html(doc, external_links=False)
    rendered = weasyprint.HTML(string=html, base_url=str(path.parent)).render(pdf_forms=doc.fillable)
    pages = {anchor: number for number, page in enumerate(rendered.pages, start=1) for anchor in page.anchors}
    rendered.write_pdf(path, pdf_identifier=True, pdf_forms=doc.fillable,  # /ID from the content's hash
                       finisher=_only_top_fields if doc.fillable else None)
    return pages


def _only_top_fields(_document: Any, pdf: Any) -> None:
    """WeasyPrint lists each radio button in /AcroForm /Fields besides its group (a loop that
    qpdf and Acrobat warn about): keep only fields without a parent."""
    form = pdf.catalog.get("AcroForm")
    if form is None:
        return
    objects = {obj.number: obj for obj in pdf.objects if getattr(obj, "number", None) is not None}
    top = [ref for ref in form["Fields"] if "Parent" not in objects.get(int(bytes(ref).split()[0]), {})]
    form["Fields"] = type(form["Fields"])(top)
