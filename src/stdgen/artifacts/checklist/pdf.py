"""The checklist as PDF, laid out in parts of rows that are joined page by page.

WeasyPrint keeps every laid-out page (with a Pango layout per line of text) until it writes
the file, and its tags cost more per row the more pages there are: in one run the 5,000-clause
checklist (4,000 rows, 320 pages) took 1.5 GB and 70 s. So a long checklist is laid out
PART_ENTRIES rows at a time: a part's last page is dropped and the next part starts with the
row that opened it (pages stay as full as in one run), its page counter starts where the
previous part's pages end, and each part is written to PDF (tags included) and freed. The parts
are then joined with qpdf (pikepdf): pages, named destinations, bookmarks, the tag trees under one
Document element, page labels. What prints is what one run prints.
"""

from __future__ import annotations

import gc
import io
from pathlib import Path
from typing import Any

from ...collector import collected_after
from ...render.fonts import require_fonts
from ...render.html import FONT_STACKS, render_html
from ...render.pdf import write_pdf
from ...render.weasy import load
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
    with collected_after(paused=True):  # collected by part too, see _write_parts
        _write_parts(cl, standard_href, parts, pages)
    _join(parts, path)
    return pages


def _write_parts(cl: Checklist, standard_href: str, parts: list[bytes], pages: dict[str, int]) -> None:
    """Lay out and write the parts (PDF bytes appended to parts, each anchor's page to pages)."""
    load()  # the fast import (render/weasy.py) before naming a module of WeasyPrint's
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()  # one for all parts: one per part read the fonts again (1 of 20 s at 2,000 clauses)
    start, printed = 0, 0
    while True:
        last = start + PART_ENTRIES >= len(cl.entries)
        doc = checklist_document(cl, standard_href, start, None if last else start + PART_ENTRIES)
        rendered, rows = _layout(render_html(doc, external_links=False), printed, fonts)
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


def _layout(html: str, printed: int, fonts: Any) -> tuple[Any, dict[int, int]]:
    """The laid-out part, its page numbers following the pages printed before it, and the index
    among the part's check-table rows of each row element (by identity)."""
    weasyprint = load()

    css = f"@page :nth(1 of checklist) {{ counter-reset: page {printed + 1}; }}\n"
    if printed:  # the table goes on from the previous page: no space above it (a page break drops it)
        css += "section > table:first-of-type { margin-top: 0; }\n"
    page = weasyprint.HTML(string=html.replace("</style>", css + "</style>", 1))
    tables = [t for t in page.etree_element.iter("table") if t.find("thead") is not None]
    body = tables[-1].find("tbody")
    rows = {id(tr): i for i, tr in enumerate(body.iter("tr"))} if body is not None else {}
    return page.render(font_config=fonts), rows


def _first_row(page: Any, rows: dict[int, int]) -> int:
    """Index of the first check-table row on a laid-out page (0 when it has none)."""
    for box in page._page_box.descendants():
        index = rows.get(id(getattr(box, "element", None))) if box.element_tag == "tr" else None
        if index is not None:
            return index
    return 0


def _join(parts: list[bytes], path: Path) -> None:
    """One PDF of the parts' pages: the first part's catalog and metadata, every part's named
    destinations, bookmarks and tag tree (one Document element), page labels 1, 2, …

    qpdf (pikepdf) joins them: on the 2,000-clause checklist (6 parts, 44,000 objects, mostly tags)
    pypdf took 5.2 s of CPU to parse and copy the parts' object streams, qpdf 1.0 s (same parts)."""
    import pikepdf

    out = pikepdf.open(io.BytesIO(parts[0]))
    tree: Any = out.Root.StructTreeRoot
    document, nums = tree.K[0], tree.ParentTree.Nums
    dests = _named_destinations(out)
    for data in parts[1:]:
        source = pikepdf.open(io.BytesIO(data))
        offset, first_page = max((int(key) + 1 for key in nums[::2]), default=0), len(out.pages)
        out.pages.extend(source.pages)
        for page in out.pages[first_page:]:  # a page's marked content: its key in the parent tree
            page.obj.StructParents = int(page.obj.StructParents) + offset
        children = _children(source)
        for child in children:
            del child.P  # re-parented below, not copied with their old Document
        document.K.extend(out.copy_foreign(kid) for kid in source.Root.StructTreeRoot.K[0].K)
        old = source.Root.StructTreeRoot.ParentTree.Nums
        for key, value in zip(old[::2], old[1::2], strict=True):
            nums.extend([int(key) + offset, _copy(out, value)])
        for child in children:
            out.copy_foreign(child).P = document  # the copy made above: qpdf copies an object once
        for name, dest in _named_destinations(source).items():
            dests.setdefault(name, _copy(out, dest))  # an anchor is where it first appears
        _append_bookmarks(out, source)
        for stream in _streams(out.pages[first_page:]):  # qpdf reads a copied stream's data from its source
            stream.write(stream.read_raw_bytes(), filter=stream.get("/Filter"), decode_parms=stream.get("/DecodeParms"),
                         type_check=False)  # as it is (compressed): the source can be closed
        source.close()  # with all parts open until the save, the 5,000-clause join peaked at 433 MB, now 274
    if dests:  # one list, not one append per name: pikepdf's Array.extend grew this quadratically (1.9 s)
        names = [item for name in sorted(dests) for item in (pikepdf.String(name), dests[name])]  # keys sorted
        if "/Names" not in out.Root:
            out.Root.Names = pikepdf.Dictionary()
        out.Root.Names.Dests = pikepdf.Dictionary(Names=pikepdf.Array(names))
    out.Root.PageLabels = pikepdf.Dictionary(Nums=[0, pikepdf.Dictionary(S=pikepdf.Name.D, St=1)])
    # same parts, same bytes: /ID is a hash of the content, objects are numbered in order
    out.save(path, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)


def _streams(pages: Any) -> list[Any]:
    """The streams the pages use (contents, fonts, images), not following /Parent to other pages."""
    import pikepdf

    found: list[Any] = []
    seen: set[tuple[int, int]] = set()
    stack: list[Any] = [page.obj for page in pages]
    while stack:
        obj = stack.pop()
        if obj.is_indirect:
            if obj.objgen in seen:
                continue
            seen.add(obj.objgen)
        if isinstance(obj, pikepdf.Stream):
            found.append(obj)
            obj = obj.stream_dict
        items = obj.items() if isinstance(obj, pikepdf.Dictionary) else enumerate(obj)
        stack.extend(value for key, value in items
                     if key != "/Parent" and isinstance(value, pikepdf.Dictionary | pikepdf.Array | pikepdf.Stream))
    return found


def _children(pdf: Any) -> list[Any]:
    """The tag elements whose parent is the Document: those it lists, and the NonStruct elements of
    the running heads that WeasyPrint parents to it without listing them."""
    import pikepdf

    document = pdf.Root.StructTreeRoot.K[0].objgen
    return [obj for obj in pdf.objects
            if isinstance(obj, pikepdf.Dictionary) and "/P" in obj and obj.P.objgen == document]


def _copy(out: Any, obj: Any) -> Any:
    """A source's object for out: an indirect one copied (qpdf maps each source object once, so
    what the copied pages refer to is the same copy), a direct array or dictionary item by item."""
    import pikepdf

    if getattr(obj, "is_indirect", False):
        return out.copy_foreign(obj)
    if isinstance(obj, pikepdf.Array):
        return pikepdf.Array([_copy(out, item) for item in obj])
    if isinstance(obj, pikepdf.Dictionary):
        return pikepdf.Dictionary({key: _copy(out, value) for key, value in obj.items()})
    return obj


def _named_destinations(pdf: Any) -> dict[str, Any]:
    """A PDF's named destinations (its /Dests name tree, leaves and kids)."""
    found: dict[str, Any] = {}
    names = pdf.Root.get("/Names")
    stack = [names.Dests] if names is not None and "/Dests" in names else []
    while stack:
        node = stack.pop()
        leaves = node.get("/Names", [])
        found.update((str(key), value) for key, value in zip(leaves[::2], leaves[1::2], strict=True))
        stack.extend(node.get("/Kids", []))
    return found


def _append_bookmarks(out: Any, source: Any) -> None:
    """Append the source's top-level bookmarks (with the bookmarks below them) to out's outline."""
    import pikepdf

    old = source.Root.get("/Outlines")
    item = old.get("/First") if old is not None else None
    if item is None:
        return
    if "/Outlines" not in out.Root:
        out.Root.Outlines = out.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Outlines, Count=0))
    outline = out.Root.Outlines
    while item is not None:
        following = item.get("/Next")
        for key in ("/Parent", "/Prev", "/Next"):  # linked again below, not copied with their neighbours
            if key in item:
                del item[key]
        clone = out.copy_foreign(item)
        clone.Parent = outline
        last = outline.get("/Last")
        if last is None:
            outline.First = clone
        else:
            last.Next, clone.Prev = clone, last
        outline.Last = clone
        outline.Count = int(outline.get("/Count", 0)) + 1 + max(int(clone.get("/Count", 0)), 0)
        item = following


def write_set_pdf(rs: ResolvedSet, path: Path) -> dict[str, int]:
    """The full checklist of a set as PDF (the build's writer for this format)."""
    return write_checklist_pdf(build_checklist(rs), path)
