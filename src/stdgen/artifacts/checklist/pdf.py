"""The checklist as PDF, laid out in parts of rows that are joined page by page.

WeasyPrint keeps every laid-out page (with a Pango layout per line of text) until it writes
the file, and its tags cost more per row the more pages there are: in one run the 5,000-clause
checklist (4,000 rows, 320 pages) took 1.5 GB and 70 s. So a long checklist is laid out
PART_ENTRIES rows at a time: a part's last page is dropped and the next part starts with the
row that opened it (pages stay as full as in one run), its page counter starts where the
previous part's pages end, and each part is written to PDF (tags included) and freed. The parts
are then joined with pypdf: pages, bookmarks, the tag trees under one Document element, page
labels. What prints is what one run prints.
"""

from __future__ import annotations

import gc
import hashlib
import io
from pathlib import Path
from typing import Any

from ...render.fonts import require_fonts
from ...render.html import FONT_STACKS, render_html
from ...render.pdf import write_pdf
from ...resolve import ResolvedSet
from .rows import Checklist, build_checklist
from .tree import STANDARD_HTML, checklist_document

PART_ENTRIES = 400  # rows and group headings per part: about 25 pages


def write_checklist_pdf(cl: Checklist, path: Path, standard_href: str = STANDARD_HTML) -> dict[str, int]:
    """Write the checklist PDF; return the 1-based page of every anchor (as render.pdf.write_pdf)."""
    if len(cl.entries) <= PART_ENTRIES:
        return write_pdf(checklist_document(cl, standard_href), path)
    require_fonts(checklist_document(cl, standard_href, 0, 1), FONT_STACKS)
    parts: list[bytes] = []
    pages: dict[str, int] = {}
    start, printed = 0, 0
    while True:
        last = start + PART_ENTRIES >= len(cl.entries)
        doc = checklist_document(cl, standard_href, start, None if last else start + PART_ENTRIES)
        rendered, rows = _layout(render_html(doc, external_links=False), printed)
        kept = rendered.pages
        if not last:
            opening = _first_row(rendered.pages[-1], rows)
            if opening:  # the last page is laid out again as the first of the next part
                kept = rendered.pages[:-1]
                start += opening
            else:
                start += PART_ENTRIES
        for index, page in enumerate(kept):
            for anchor in page.anchors:
                pages.setdefault(anchor, printed + index + 1)
        parts.append(rendered.copy(kept).write_pdf(pdf_identifier=True, pdf_tags=True))
        printed += len(kept)
        del rendered, kept
        gc.collect()  # boxes refer to their parents: without a collection each part's pages outlive it
        if last:
            break
    _join(parts, path)
    return pages


def _layout(html: str, printed: int) -> tuple[Any, dict[int, int]]:
    """The laid-out part, its page numbers following the pages printed before it, and the index
    among the part's check-table rows of each row element (by identity)."""
    import weasyprint

    css = f"@page :nth(1 of checklist) {{ counter-reset: page {printed + 1}; }}\n"
    if printed:  # the table goes on from the previous page: no space above it (a page break drops it)
        css += "section > table:first-of-type { margin-top: 0; }\n"
    page = weasyprint.HTML(string=html.replace("</style>", css + "</style>", 1))
    tables = [t for t in page.etree_element.iter("table") if t.find("thead") is not None]
    body = tables[-1].find("tbody")
    rows = {id(tr): i for i, tr in enumerate(body.iter("tr"))} if body is not None else {}
    return page.render(), rows


def _first_row(page: Any, rows: dict[int, int]) -> int:
    """Index of the first check-table row on a laid-out page (0 when it has none)."""
    for box in page._page_box.descendants():
        index = rows.get(id(getattr(box, "element", None))) if box.element_tag == "tr" else None
        if index is not None:
            return index
    return 0


def _join(parts: list[bytes], path: Path) -> None:
    """One PDF of the parts' pages: bookmarks, metadata, one tag tree, page labels 1, 2, …"""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import (
        ArrayObject,
        ByteStringObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter()
    document: Any = DictionaryObject({NameObject("/Type"): NameObject("/StructElem"),
                                 NameObject("/S"): NameObject("/Document"), NameObject("/K"): ArrayObject()})
    document_ref = writer._add_object(document)
    nums = ArrayObject()
    first = PdfReader(io.BytesIO(parts[0]))
    for data in parts:
        reader = first if data is parts[0] else PdfReader(io.BytesIO(data))
        offset = len(writer.pages)
        writer.append(reader)
        catalog: Any = reader.trailer["/Root"]
        tree = catalog["/StructTreeRoot"]
        for kid in tree["/K"][0].get_object()["/K"]:
            element: Any = kid.get_object()
            del element["/P"]  # re-parented below, not cloned with its old Document
            clone = element.clone(writer)
            clone[NameObject("/P")] = document_ref
            document["/K"].append(clone.indirect_reference)
        old = tree["/ParentTree"].get_object()["/Nums"]
        for key, value in zip(old[::2], old[1::2], strict=True):
            nums += [NumberObject(key + offset), value.clone(writer)]
        for index, page in enumerate(reader.pages):  # pypdf does not copy /StructParents
            parents: Any = page["/StructParents"]
            writer.pages[offset + index][NameObject("/StructParents")] = NumberObject(parents + offset)
    root = DictionaryObject({NameObject("/Type"): NameObject("/StructTreeRoot"), NameObject("/K"): ArrayObject(
        [document_ref]), NameObject("/ParentTree"): writer._add_object(DictionaryObject({NameObject("/Nums"): nums}))})
    document[NameObject("/P")] = writer._add_object(root)
    source: Any = first.trailer["/Root"]
    catalog = writer._root_object
    for key in ("/Lang", "/MarkInfo", "/ViewerPreferences"):
        if key in source:
            catalog[NameObject(key)] = source[key].clone(writer)
    catalog[NameObject("/StructTreeRoot")] = document["/P"]
    catalog[NameObject("/PageLabels")] = DictionaryObject({NameObject("/Nums"): ArrayObject(
        [NumberObject(0), DictionaryObject({NameObject("/S"): NameObject("/D"), NameObject("/St"): NumberObject(1)})])})
    if first.metadata:
        writer.add_metadata({key: TextStringObject(str(value)) for key, value in first.metadata.items()})
    digest = ByteStringObject(hashlib.md5(b"".join(parts)).digest())  # same parts, same file (reproducible)
    writer._ID = ArrayObject([digest, digest])
    with path.open("wb") as out:
        writer.write(out)


def write_set_pdf(rs: ResolvedSet, path: Path) -> dict[str, int]:
    """The full checklist of a set as PDF (the build's writer for this format)."""
    return write_checklist_pdf(build_checklist(rs), path)
