"""PDF renderer: the HTML page laid out by WeasyPrint with print CSS."""

from __future__ import annotations

from pathlib import Path

from ..doctree import Document
from .html import render_html


def write_pdf(doc: Document, path: Path) -> None:
    import weasyprint  # imported late: it is slow to import and only PDF needs it

    weasyprint.HTML(string=render_html(doc), base_url=str(path.parent)).write_pdf(path)
