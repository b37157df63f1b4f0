"""A long checklist PDF is laid out in parts and joined: the same pages, numbers, tags and bookmark
as one WeasyPrint run (benchmarks/bench_build.py measures why: memory and time at 5,000 clauses)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from pypdf import PdfReader
from pypdf.generic import IndirectObject

from stdgen.artifacts.checklist import build_checklist
from stdgen.artifacts.checklist import pdf as checklist_pdf
from stdgen.artifacts.checklist.tree import checklist_document
from stdgen.collector import collected_after
from stdgen.diagnostics import Report
from stdgen.render.pdf import write_pdf
from stdgen.workspace import open_workspace

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import write_synthetic_set

pytestmark = pytest.mark.slow


def _pages_text(path: Path) -> list[str]:
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def test_parts_print_what_one_run_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_synthetic_set(tmp_path / "clauses" / "syn", 150)
    report = Report()
    rs = open_workspace(tmp_path / "clauses", report).sets["syn"]
    cl = build_checklist(rs)
    assert len(cl.entries) == 150 // 50 * 11 + 120  # chapters and sub-clauses as group rows, 120 check rows
    one, parted = tmp_path / "one.pdf", tmp_path / "parts.pdf"
    pages_one = checklist_pdf.write_checklist_pdf(cl, one)
    monkeypatch.setattr(checklist_pdf, "PART_ENTRIES", 40)
    pages_parted = checklist_pdf.write_checklist_pdf(cl, parted)
    assert pages_parted == pages_one  # every anchor on the same page

    text_one, text_parted = _pages_text(one), _pages_text(parted)
    assert len(text_one) >= 8 and text_parted == text_one  # same rows on the same pages, same folios
    assert text_parted[-1].rstrip().endswith(str(len(text_parted)))  # page numbers run on to the end

    reader = PdfReader(parted)
    catalog = reader.trailer["/Root"]
    assert catalog["/PageLabels"]["/Nums"][1]["/S"] == "/D" and catalog["/MarkInfo"]["/Marked"]
    tree = catalog["/StructTreeRoot"]
    document = tree["/K"][0].get_object()
    assert document["/S"] == "/Document" and len(document["/K"]) >= len(reader.pages)
    assert all(kid.get_object()["/P"].get_object() is document for kid in document["/K"])
    nums = tree["/ParentTree"]["/Nums"]
    parents = sorted(int(page["/StructParents"]) for page in reader.pages)
    assert parents == list(range(len(reader.pages))) == [int(k) for k in nums[::2]]
    page_ids = {page.indirect_reference.idnum for page in reader.pages}
    for marked in nums[1::2]:  # every marked content points to an element on one of the pages
        for ref in marked:
            assert ref.get_object().raw_get("/Pg").idnum in page_ids
    assert [item["/Title"] for item in reader.outline] == ["检查结果汇总与签字"]
    dests = reader.named_destinations  # every anchor a link can jump to, on the page one run puts it
    assert set(dests) == set(PdfReader(one).named_destinations) == set(pages_parted)
    assert {name: reader.get_destination_page_number(dest) + 1 for name, dest in dests.items()} == pages_parted
    elements = [tree["/K"][0].get_object()]  # the tag tree: every element's parent is the one that lists it
    while elements:
        element = elements.pop()
        for kid in element.get("/K", []):
            if isinstance(kid, IndirectObject) and kid.get_object().get("/Type") == "/StructElem":
                assert kid.get_object().raw_get("/P").get_object() is element
                elements.append(kid.get_object())
    assert PdfReader(one).metadata["/Title"] == reader.metadata["/Title"]
    with pikepdf.open(parted) as pdf:  # no part's own tag root or Document left in the file
        kinds = [str(obj.get("/S", obj.get("/Type"))) for obj in pdf.objects if isinstance(obj, pikepdf.Dictionary)]
        assert kinds.count("/StructTreeRoot") == 1 and kinds.count("/Document") == 1
    assert checklist_pdf.write_checklist_pdf(cl, tmp_path / "again.pdf") == pages_parted
    assert (tmp_path / "again.pdf").read_bytes() == parted.read_bytes()  # reproducible


def test_parts_leave_the_collector_as_they_found_it() -> None:
    with collected_after(paused=True):  # alone: the set is frozen, then thawed
        assert not gc.isenabled() and gc.get_freeze_count() > 0
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.freeze()  # inside a build job, which froze the set and thaws it after its own collection
    try:
        with collected_after(paused=True):
            pass
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()



def test_row_numbers_of_four_digits_print_on_one_line(tmp_path: Path) -> None:
    write_synthetic_set(tmp_path / "clauses" / "syn", 1300)  # 1,040 check rows
    cl = build_checklist(open_workspace(tmp_path / "clauses", Report()).sets["syn"])
    first = next(i for i, e in enumerate(cl.entries) if getattr(e, "index", 0) == 990)
    path = tmp_path / "rows.pdf"
    write_pdf(checklist_document(cl, start=first, stop=first + 30), path)  # the rows around 1000 only
    with pdfplumber.open(path) as pdf:
        words = {w["text"] for page in pdf.pages for w in page.extract_words()}
    printed = {str(e.index) for e in cl.entries[first:first + 30] if hasattr(e, "index")}
    assert "1005" in printed and printed <= words  # 序号 1005 whole, not 100 over 5
