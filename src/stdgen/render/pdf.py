"""PDF renderer: the HTML page laid out by WeasyPrint with print CSS."""

from __future__ import annotations

from pathlib import Path

from ..doctree import Document
from .html import render_html


def write_pdf(doc: Document, path: Path, prepared_fonts: bool = True) -> None:
    """prepared_fonts: embed the cached TrueType slices of the CJK fonts (stdgen.fonts; made on first
    use) instead of the system fonts; same glyphs and metrics, faster to subset, smaller PDFs."""
    import weasyprint  # imported late: it is slow to import and only PDF needs it

    html = render_html(doc, external_links=False)
    if not prepared_fonts:
        weasyprint.HTML(string=html, base_url=str(path.parent)).write_pdf(path)
        return
    from weasyprint.text.fonts import FontConfiguration

    from ..fonts import pdf_fonts

    fonts = pdf_fonts(html)  # every character of the page, so each one's slice is there
    html = render_html(doc, fonts.stacks, external_links=False)
    font_config = FontConfiguration()
    css = weasyprint.CSS(string=fonts.css, font_config=font_config)
    weasyprint.HTML(string=html, base_url=str(path.parent)).write_pdf(path, stylesheets=[css], font_config=font_config)
