"""Inspection checklist: rows, filters, version, XLSX read back, PDF/DOCX/HTML through the build.

The small set ``tiny`` (defined here, also used by test_score.py) has a checklist known exactly;
the bundled DB34/T 3395—2019 and DB4108/T 6—2020 sets are built for real.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import docx
import openpyxl
import pdfplumber
import pytest
from docx.oxml.ns import qn

from conftest import CLAUSES
from stdgen.artifacts.checklist import RESULTS, Group, build_checklist
from stdgen.artifacts.checklist.rows import checkable, checklist_version, phrase_list
from stdgen.artifacts.checklist.tree import checklist_document
from stdgen.artifacts.checklist.xlsx import COLUMNS, FIELDS, FIRST_ROW, HEADER_ROW, META_SHEET, SHEET, write_xlsx
from stdgen.build import build_set
from stdgen.diagnostics import Report
from stdgen.doctree import Table
from stdgen.model import Clause, ProvisionType
from stdgen.render.html import render_html
from stdgen.resolve import ResolvedSet
from stdgen.version import canonical_json, digest, version
from stdgen.workspace import open_workspace

SETS = ["db34-t-3395-2019", "db4108-t-6-2020"]

# --- the tiny set ---------------------------------------------------------------------------

TINY = "tiny"
TINY_STANDARD = """\
code: TS
number: DB99/T 1—2024
banner: 测试省地方标准
title: {zh: 测试服务规范}
issuer: 测试省市场监督管理局
scope: [本文件规定了测试。]
"""
TINY_BODY = """\
clauses:
  - id: TS-4
    title: 窗口
    clauses:
      - id: TS-4.1
        type: requirement
        scope: [window]
        text: 窗口应整洁。
      - id: TS-4.2
        type: requirement
        scope: [window]
        text: 应使用文明用语，见[[TS-5.1]]。
        phrases:
          - scenario: 接待
            recommended: [您好]
        check: {points: 2}
      - id: TS-4.3
        type: recommendation
        scope: [window]
        text: 宜微笑服务。
  - id: TS-5
    title: 热线
    clauses:
      - id: TS-5.1
        type: requirement
        scope: [hotline]
        text: 应在三声内接听。
        check: {method: [测试], passes: 铃响三声内接听, points: 3}
      - id: TS-5.2
        type: statement
        scope: [hotline]
        text: 热线由中心管理。
        check: {points: 0.5}
      - id: TS-5.3
        type: requirement
        scope: [all-staff]
        text: 工作人员应着装整齐。
  - id: TS-6
    title: 监督
    type: requirement
    scope: [supervision]
    text: 应建立服务台账。
"""
TINY_ROWS = ["TS-4.1", "TS-4.2", "TS-5.1", "TS-5.2", "TS-5.3", "TS-6"]


def write_tiny(clauses: Path, body: str = TINY_BODY) -> Path:
    folder = clauses / TINY
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "standard.yaml").write_text(TINY_STANDARD, encoding="utf-8")
    (folder / "body.yaml").write_text(body, encoding="utf-8")
    return folder


def resolve(clauses: Path, name: str) -> ResolvedSet:
    report = Report()
    ws = open_workspace(clauses, report, [name])
    assert not report.failed(), report.render_text()
    return ws.sets[name]


@pytest.fixture
def tiny(tmp_path: Path) -> ResolvedSet:
    write_tiny(tmp_path / "clauses")
    return resolve(tmp_path / "clauses", TINY)


@pytest.fixture(scope="module")
def bundled() -> dict[str, ResolvedSet]:
    report = Report()
    ws = open_workspace(CLAUSES, report, SETS)
    assert not report.failed(), report.render_text()
    return ws.sets


def test_tiny_rows_methods_points_and_wording(tiny: ResolvedSet) -> None:
    cl = build_checklist(tiny)
    assert [r.id for r in cl.rows] == TINY_ROWS  # requirements, plus the statement that has a check
    rows = cl.by_id
    assert [r.index for r in cl.rows] == [1, 2, 3, 4, 5, 6]
    assert [r.number for r in cl.rows] == ["4.1", "4.2", "5.1", "5.2", "5.3", "6"]
    assert {i: r.points for i, r in rows.items()} == {"TS-4.1": 1, "TS-4.2": 2, "TS-5.1": 3, "TS-5.2": 0.5,
                                                      "TS-5.3": 1, "TS-6": 1}
    assert rows["TS-4.1"].method == ("观察",)  # default
    assert rows["TS-4.2"].method == ("观察", "暗访")  # phrases, check without method
    assert rows["TS-5.1"].method == ("测试",)  # check.method
    assert rows["TS-5.2"].method == ("暗访", "电子监察")  # hotline only
    assert rows["TS-6"].method == ("查看", "询问")  # supervision only
    assert rows["TS-4.2"].text == "应使用文明用语，见5.1。"  # reference printed as the document prints it
    assert rows["TS-5.1"].text == "铃响三声内接听"  # check.passes replaces the text
    assert cl.total_points == 8.5
    groups = [e.label for e in cl.entries if isinstance(e, Group)]
    assert groups == ["4　窗口", "5　热线"]  # TS-6 is a row itself: no heading row


def test_tiny_filters(tiny: ResolvedSet) -> None:
    window = build_checklist(tiny, ["window"])
    assert [r.id for r in window.rows] == ["TS-4.1", "TS-4.2", "TS-5.3"]  # all-staff counts for window
    assert [r.index for r in window.rows] == [1, 2, 3]
    assert window.suffix == "-window"
    assert [r.id for r in build_checklist(tiny, ["window"], recommendations=True).rows] == [
        "TS-4.1", "TS-4.2", "TS-4.3", "TS-5.3"]
    assert [r.id for r in build_checklist(tiny, ["supervision"]).rows] == ["TS-6"]  # all-staff: staff only
    assert [r.id for r in build_checklist(tiny, ["hotline", "supervision"]).rows] == [
        "TS-5.1", "TS-5.2", "TS-5.3", "TS-6"]


def test_version_is_a_content_hash(tmp_path: Path) -> None:
    write_tiny(tmp_path / "a")
    write_tiny(tmp_path / "b", "# reformatted, same data\n" + TINY_BODY.replace("{points: 2}", "{ points: 2 }"))
    write_tiny(tmp_path / "c", TINY_BODY.replace("窗口应整洁。", "窗口应整洁有序。"))
    a, b, c = (resolve(tmp_path / x, TINY).clause_set for x in "abc")
    assert version(a) == version(b) == digest(a)[:12]
    assert version(a) != version(c)
    assert re.fullmatch(r"[0-9a-f]{12}", version(a))
    assert canonical_json(a) == canonical_json(b)


def test_the_checklist_version_follows_what_a_checklist_can_print(tmp_path: Path) -> None:
    """One version for every checklist of a set (filtered or not, with 推荐 rows or not): it changes with a
    row, a 推荐 row or a number, not with a clause that is on no checklist, so filled-in results stay valid."""
    statement = "      - id: TS-5.4\n        type: statement\n        text: 热线号码为12345。\n"
    bodies = {
        "same": "# reformatted, same data\n" + TINY_BODY.replace("{points: 2}", "{ points: 2 }"),
        "row": TINY_BODY.replace("窗口应整洁。", "窗口应整洁有序。"),
        "recommendation": TINY_BODY.replace("宜微笑服务。", "宜始终微笑服务。"),
        "points": TINY_BODY.replace("{points: 2}", "{points: 3}"),
        "off the checklist": TINY_BODY.replace("  - id: TS-6\n", statement + "  - id: TS-6\n"),
        "renumbering": TINY_BODY.replace("      - id: TS-5.1\n", statement + "      - id: TS-5.1\n"),
    }
    write_tiny(tmp_path / "tiny")
    tiny = resolve(tmp_path / "tiny", TINY)
    ours = build_checklist(tiny).version
    assert re.fullmatch(r"[0-9a-f]{12}", ours)
    assert {build_checklist(tiny, scopes, rec).version for scopes in ([], ["window"], ["hotline", "supervision"])
            for rec in (False, True)} == {ours} == {checklist_version(tiny)}
    versions = {}
    for name, body in bodies.items():
        write_tiny(tmp_path / name.replace(" ", "-"), body)
        edited = resolve(tmp_path / name.replace(" ", "-"), TINY)
        assert version(edited.clause_set) != version(tiny.clause_set) or name == "same"
        versions[name] = build_checklist(edited).version
    assert versions["same"] == versions["off the checklist"] == ours
    assert ours not in {versions[name] for name in ("row", "recommendation", "points", "renumbering")}


def test_bundled_rows_are_the_requirement_clauses(bundled: dict[str, ResolvedSet]) -> None:
    for name, rs in bundled.items():
        cl = build_checklist(rs)
        folded = {n.id for top in rs.chapters + rs.annexes for p in top.walk() if phrase_list(p)
                  for n in p.walk() if n is not p}  # inside a phrase-list row
        expected = [n.id for n in rs.nodes() if n.id not in folded and isinstance(n.item, Clause)
                    and (checkable(n.item, False) or phrase_list(n))]
        assert [r.id for r in cl.rows] == expected
        requirements = [n.id for n in rs.nodes()
                        if isinstance(n.item, Clause) and n.item.type is ProvisionType.requirement]
        assert set(requirements) <= {r.id for r in cl.rows} | folded, name
        assert len(cl.rows) == len({r.id for r in cl.rows})
        for row in cl.rows:  # each row's number is the document's number for that ID
            assert rs.targets[row.id].number == row.number
            assert "[[" not in row.text


def test_xlsx_reads_back(tiny: ResolvedSet, tmp_path: Path) -> None:
    cl = build_checklist(tiny)
    path = tmp_path / "checklist.xlsx"
    write_xlsx(cl, path)
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    assert [ws.cell(HEADER_ROW, c).value for c in range(1, len(COLUMNS) + 1)] == list(COLUMNS)
    assert ws.freeze_panes == f"A{FIRST_ROW}"
    assert ws.column_dimensions["I"].hidden  # the printed clause IDs, kept to notice edits
    ids = [ws.cell(r, 3).value for r in range(FIRST_ROW, ws.max_row + 1)
           if str(ws.cell(r, 3).value or "").startswith("TS-")]
    assert ids == TINY_ROWS
    kept = [ws.cell(r, 9).value for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 9).value]
    assert kept == TINY_ROWS
    points = {ws.cell(r, 3).value: ws.cell(r, 6).value for r in range(FIRST_ROW, ws.max_row + 1)
              if ws.cell(r, 3).value in TINY_ROWS}
    assert points == {"TS-4.1": 1, "TS-4.2": 2, "TS-5.1": 3, "TS-5.2": 0.5, "TS-5.3": 1, "TS-6": 1}
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    result_ranges = [k for k, v in lists.items() if v == f'"{",".join(RESULTS)}"']
    assert len(result_ranges) == 1 and result_ranges[0].startswith("G")
    first, last = (int(x) for x in re.findall(r"\d+", result_ranges[0]))
    assert first == FIRST_ROW and last >= max(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 9).value)
    assert any(FIELDS["type"] in k for k in lists)  # inspection type drop-down
    meta = {row[0]: row[1] for row in wb[META_SHEET].iter_rows(min_row=2, values_only=True)}
    assert wb[META_SHEET].sheet_state == "hidden"
    assert meta["version"] == cl.version == ws["G2"].value
    assert meta["set"] == TINY and meta["rows"] == "6"
    assert ws.protection.sheet and not ws.cell(FIRST_ROW + 1, 7).protection.locked


def test_tree_repeats_header_and_keeps_room_to_write(tiny: ResolvedSet) -> None:
    doc = checklist_document(build_checklist(tiny))
    tables = [b for b in doc.sections[0].blocks if isinstance(b, Table)]
    check = next(t for t in tables if t.header_rows)
    assert check.header_rows == 2 and len(check.widths) == 9
    assert all(h >= 10 for h, row in zip(check.row_mm, check.rows, strict=True) if len(row) == 9)
    html = render_html(doc)
    assert html.count("<thead>") == 1 and "<colgroup>" in html
    for ident in TINY_ROWS:
        assert f'href="standard.html#{ident}"' in html
        assert f'id="{ident}"' in html  # checklist.html#ID reaches the row too
    assert 'href="standard.html#TS-5.1">5.1</a>' in html  # a reference in a requirement links as well
    assert 'href="standard.html' not in render_html(doc, external_links=False)  # PDF: no links out of the file



def test_html_rows_are_lean_for_the_pdf_layout(tiny: ResolvedSet) -> None:
    """Row heights are classes, and a cell whose only paragraph has no space above or below is written
    as the cell itself (WeasyPrint's time grows with boxes and inline styles); the look stays."""
    html = render_html(checklist_document(build_checklist(tiny)))
    assert 'style="height' not in html
    assert re.search(r"tr\.row-11mm \{ height: 11mm; \}", html) and '<tr class="row-11mm">' in html
    assert '<td class="cell-center">1</td>' in html  # 序号 of the first row, no <p> inside
    assert re.search(r'<td class="group">\d', html) is None  # group rows: colspan, still one paragraph
    assert '<td colspan="9" class="group">' in html
    two = re.search(r'<td><p class="cell-center" id="([^"]+)">.*?</p><p class="cell-small">', html)
    assert two is not None and two.group(1) in TINY_ROWS  # the clause cell keeps its two paragraphs

# --- built for real ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def built(bundled: dict[str, ResolvedSet], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    report = Report()
    for rs in bundled.values():
        paths = build_set(rs, out, report)
        assert {p.name for p in paths} >= {"checklist.pdf", "checklist.docx", "checklist.xlsx", "checklist.html"}
    assert not report.failed(), report.render_text()
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_pdf_header_repeats_and_every_row_is_there(name: str, built: Path, bundled: dict[str, ResolvedSet]) -> None:
    cl = build_checklist(bundled[name])
    with pdfplumber.open(built / name / "checklist.pdf") as pdf:
        assert len(pdf.pages) >= 2
        texts = [page.extract_text() or "" for page in pdf.pages]
        for page in pdf.pages:
            assert abs(page.width - 595.3) < 1 and abs(page.height - 841.9) < 1  # A4
    for text in texts[1:]:  # the table's two header rows head every page the table continues on
        if not any(row.id in text for row in cl.rows):
            continue  # the sign-off alone
        head = text[:120]
        for label in ("序", "检查要求", "检查结果", "符合", "不符合", "不适用", "备注"):
            assert label in head, (label, head)
    everything = "".join(texts)
    for row in cl.rows:
        assert row.id in everything
    assert cl.version in texts[1]  # running header: version on every page
    last = "".join(texts[-2:])  # the summary box and the signatures close the checklist
    for label in ("适用项", "符合项", "符合率", "检查人员（签字）", "被检查单位（签字）"):
        assert label in last
    first = texts[0]
    for label in ("被检查单位", "检查类型", "抽点检查", "定点检查", "现场巡查", "检查人员", "检查日期", "检查表版本"):
        assert label in first


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_pdf_rows_are_not_split(name: str, built: Path, bundled: dict[str, ResolvedSet]) -> None:
    """Every row's ID and its □ boxes are on one page: the row was not broken across pages."""
    cl = build_checklist(bundled[name])
    with pdfplumber.open(built / name / "checklist.pdf") as pdf:
        pages = [(page.extract_text() or "") for page in pdf.pages]
    for row in cl.rows:
        whole = re.compile(re.escape(row.id) + r"(?![0-9.])")  # QC-A.1.1.1 is not QC-A.1.1.10
        on = [i for i, text in enumerate(pages) if whole.search(text)]
        assert len(on) == 1, row.id
    boxes = sum(text.count("□") for text in pages)
    assert boxes == 3 * len(cl.rows) + 4  # three per row, three inspection types, one in the instructions


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_docx_has_the_rows(name: str, built: Path, bundled: dict[str, ResolvedSet]) -> None:
    cl = build_checklist(bundled[name])
    document = docx.Document(str(built / name / "checklist.docx"))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "序号")
    header_flags = [r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None for r in table.rows]
    assert header_flags[:2] == [True, True] and not any(header_flags[2:])
    ids = [row.cells[1].text.split("\n")[-1] for row in table.rows[2:] if row.cells[0].text.strip().isdigit()]
    assert ids == [r.id for r in cl.rows]
    numbers = [row.cells[0].text for row in table.rows[2:] if row.cells[0].text.strip().isdigit()]
    assert numbers == [str(i) for i in range(1, len(cl.rows) + 1)]
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)


@pytest.mark.slow
@pytest.mark.parametrize("name", SETS)
def test_html_links_to_the_standard_anchors(name: str, built: Path, bundled: dict[str, ResolvedSet]) -> None:
    checklist = (built / name / "checklist.html").read_text(encoding="utf-8")
    standard = (built / name / "standard.html").read_text(encoding="utf-8")
    anchors = set(re.findall(r'id="([^"]+)"', standard))
    for row in build_checklist(bundled[name]).rows:
        assert f'href="standard.html#{row.id}"' in checklist
        assert row.id in anchors
    for target in re.findall(r'href="standard.html#([^"]+)"', checklist):
        assert target in anchors
    wb = openpyxl.load_workbook(built / name / "checklist.xlsx")
    ws = wb[SHEET]
    ids = [ws.cell(r, 3).value for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 9).value]
    assert ids == [r.id for r in build_checklist(bundled[name]).rows]


@pytest.mark.slow
def test_cli_filtered_checklist(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from stdgen.cli import app

    write_tiny(tmp_path / "clauses")
    out = tmp_path / "lists"
    runner = CliRunner()
    result = runner.invoke(app, ["checklist", TINY, "--scope", "window", "--recommendations",
                                 "--clauses", str(tmp_path / "clauses"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (out / TINY).iterdir())
    assert names == [f"checklist-window-rec.{x}" for x in ("docx", "html", "pdf", "xlsx")]
    ws = openpyxl.load_workbook(out / TINY / "checklist-window-rec.xlsx")[SHEET]
    assert [ws.cell(r, 9).value for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, 9).value] == [
        "TS-4.1", "TS-4.2", "TS-4.3", "TS-5.3"]
    result = runner.invoke(app, ["checklist", TINY, "--scope", "citizen", "--clauses", str(tmp_path / "clauses"),
                                 "--out", str(out), "--format", "json"])
    assert result.exit_code == 0 and '"B002"' in result.stdout  # nothing to check: a warning, no files
    assert not list((out / TINY).glob("checklist-citizen*"))


NUMPY_SEEN = ("import sys; {first}import stdgen.artifacts.checklist.xlsx, stdgen.artifacts.changes;"
              " import openpyxl.compat.numbers as n;"
              " print('numpy' in sys.modules, n.NUMPY, sys.modules.get('numpy', 0) is None)")


def test_the_workbook_writers_import_openpyxl_without_numpy() -> None:
    """openpyxl imports numpy only to count numpy's scalars as numbers (0.05 s of a worker's first workbook):
    kept out, and still importable afterwards; a process that had numpy already keeps openpyxl's use of it."""
    def seen(first: str = "") -> list[str]:
        code = NUMPY_SEEN.format(first=first)
        return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()

    assert seen() == ["False", "False", "False"]
    if find_spec("numpy") is not None:
        assert seen("import numpy; ") == ["True", "True", "False"]
        subprocess.run([sys.executable, "-c", "import stdgen.artifacts.checklist.xlsx, numpy"], check=True)
