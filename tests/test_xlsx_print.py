"""checklist.xlsx printed from LibreOffice Calc: A4 landscape, labels whole on their line, type that
reads at clipboard size (rows at least 9 pt, the totals larger)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pdfplumber
import pytest

from conftest import CLAUSES
from stdgen.artifacts.checklist.xlsx import LABELS, write_set_xlsx
from stdgen.diagnostics import Report
from stdgen.workspace import open_workspace

MM = 72 / 25.4


@pytest.mark.slow
def test_checklist_xlsx_prints_cleanly_from_calc(tmp_path: Path) -> None:
    report = Report()
    ws = open_workspace(CLAUSES, report, ["db34-t-3395-2019"])
    workbook = tmp_path / "checklist.xlsx"
    write_set_xlsx(ws.sets["db34-t-3395-2019"], workbook)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(workbook)],
                   capture_output=True, check=True, timeout=300)
    with pdfplumber.open(tmp_path / "checklist.pdf") as pdf:
        pages = pdf.pages
        assert all(abs(p.width - 297 * MM) < 1 and abs(p.height - 210 * MM) < 1 for p in pages)  # A4 landscape
        words = [w for p in pages for w in p.extract_words(extra_attrs=["size"])]
        sizes = [c["size"] for p in pages for c in p.chars]
        last = pages[-1].extract_words(extra_attrs=["size"])
    texts = {w["text"] for w in words}
    summary = ["适用项", "符合率", "满分（适用项分值合计）", "检查人员（签字）", "被检查单位（签字）"]
    for label in [*LABELS.values(), *summary]:
        if label != "被检查单位（窗口）":  # the one label that takes two lines of its cell
            assert label in texts, label  # whole, on one line: not cut by its cell or run into the next
    assert min(sizes) >= 9  # the sheet is not shrunk to fit beyond reading
    totals = [w for w in last if w["text"] == "0"]
    assert len(totals) >= 6 and min(w["size"] for w in totals) >= 11
