"""stdgen score: filled checklists (XLSX) and YAML/CSV results → checked, scored, reported.

Figures are asserted exactly on the small set ``tiny`` (see test_checklist.py) and, on the
bundled sets, for a known mix of results filled into their real checklist.xlsx.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import openpyxl
import pdfplumber
import pytest
from typer.testing import CliRunner

from conftest import CLAUSES
from stdgen.artifacts.checklist import build_checklist
from stdgen.artifacts.checklist.rows import checklist_version
from stdgen.artifacts.checklist.xlsx import FIELDS, FIRST_ROW, ID, NOTE, RESULT, SHEET, write_xlsx
from stdgen.artifacts.score import run_score
from stdgen.cli import app
from stdgen.diagnostics import Diagnostic, Report
from test_checklist import TINY, TINY_BODY, TINY_ROWS, resolve, write_tiny

runner = CliRunner()
FAST = ("json", "html")
DETAILS = {"unit": "测试中心 3号窗口", "type": "定点检查", "inspector": "张三", "date": "2024-05-06"}
MIX = {  # the known mix: 2 不符合 (points 2 and 1), 1 不适用 (0.5), 3 符合 (points 1, 3, 1)
    "TS-4.1": ("符合", ""),
    "TS-4.2": ("不符合", "未使用“您好”"),
    "TS-5.1": ("符合", "第二声接听"),
    "TS-5.2": ("不适用", "当日无热线值守"),
    "TS-5.3": ("不符合", "未着工装"),
    "TS-6": ("符合", ""),
}


def fill(src: Path, dst: Path, results: dict[str, tuple[str, str]], details: dict[str, str] = DETAILS) -> None:
    """Fill a checklist.xlsx as an inspector would: details at the top, a result and note per row."""
    wb = openpyxl.load_workbook(src)
    ws = wb[SHEET]
    for key, value in details.items():
        ws[FIELDS[key]] = value
    for r in range(FIRST_ROW, ws.max_row + 1):
        ident = ws.cell(r, ID).value
        if ident in results:
            result, note = results[ident]
            ws.cell(r, RESULT).value = result or None
            ws.cell(r, NOTE).value = note or None
    wb.save(dst)


def row_of(path: Path, ident: str) -> int:
    ws = openpyxl.load_workbook(path)[SHEET]
    return next(r for r in range(FIRST_ROW, ws.max_row + 1) if ws.cell(r, ID).value == ident)


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Path, Path]:
    """(clause folder, blank checklist.xlsx) of the tiny set."""
    clauses = tmp_path / "clauses"
    write_tiny(clauses)
    blank = tmp_path / "checklist.xlsx"
    write_xlsx(build_checklist(resolve(clauses, TINY)), blank)
    return clauses, blank


def score(paths: list[Path], clauses: Path, out: Path, set_name: str | None = None,
          formats: tuple[str, ...] = FAST) -> tuple[Report, list[Path]]:
    report = Report()
    written = run_score(paths, clauses, set_name, out, report, formats)
    return report, written


def codes(report: Report) -> set[tuple[str, str, int, int]]:
    return {(d.code, Path(d.position.file).name, d.position.line, d.position.col) for d in report.items}


def find(report: Report, code: str) -> list[Diagnostic]:
    return [d for d in report.items if d.code == code]


# --- exact figures ----------------------------------------------------------------------------

def test_scores_a_filled_workbook_exactly(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, blank = tiny
    filled = tmp_path / "filled.xlsx"
    fill(blank, filled, MIX)
    report, written = score([filled], clauses, tmp_path / "report")
    assert not report.items, report.render_text()
    assert [p.name for p in written] == ["score.json", "score.html"]
    data = json.loads((tmp_path / "report" / "score.json").read_text(encoding="utf-8"))
    assert data["version"] == checklist_version(resolve(clauses, TINY))
    total = {"applicable": 5, "passed": 3, "failed": 2, "not_applicable": 1, "rate": 0.6,
             "points_possible": 8.0, "points_earned": 5.0, "points_deducted": 3.0, "score_rate": 0.625}
    assert data["total"] == total
    insp = data["inspections"][0]
    assert insp["total"] == total
    assert {k: insp[k] for k in DETAILS} == DETAILS
    chapters = {c["chapter"]: (c["applicable"], c["passed"], c["failed"], c["not_applicable"], c["rate"],
                               c["points_earned"], c["points_possible"]) for c in insp["chapters"]}
    assert chapters == {"4": (2, 1, 1, 0, 0.5, 1.0, 3.0), "5": (2, 1, 1, 1, 0.5, 3.0, 4.0),
                        "6": (1, 1, 0, 0, 1.0, 1.0, 1.0)}
    assert [(n["number"], n["id"], n["note"], n["points"]) for n in insp["nonconformities"]] == [
        ("4.2", "TS-4.2", "未使用“您好”", 2.0), ("5.3", "TS-5.3", "未着工装", 1.0)]
    assert insp["nonconformities"][0]["requirement"] == "应使用文明用语，见5.1。"
    assert [r["result"] for r in insp["results"]] == [MIX[i][0] for i in TINY_ROWS]
    html = (tmp_path / "report" / "score.html").read_text(encoding="utf-8")
    for text in ("60.0%", "62.5%", "5/8", "未使用“您好”", "未着工装", "TS-4.2", "TS-5.3", "第4章",
                 "第二声接听", "当日无热线值守", "测试中心 3号窗口", "定点检查"):  # notes of other rows too
        assert text in html, text


def test_many_files_give_the_frequency_table(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, blank = tiny
    first = tmp_path / "a.xlsx"
    fill(blank, first, MIX)
    second = tmp_path / "b.yaml"
    rs = resolve(clauses, TINY)
    second.write_text(f"""\
set: {TINY}
version: {checklist_version(rs)}
unit: 测试中心 5号窗口
type: 抽点检查
inspector: 李四
date: 2024-05-07
results:
  TS-4.1: 符合
  TS-4.2: {{result: 不符合, note: 未问候}}
  TS-5.1: 符合
  TS-5.2: 符合
  TS-5.3: 符合
  TS-6: 不适用
""", encoding="utf-8")
    report, _ = score([first, second], clauses, tmp_path / "report")
    assert not report.items, report.render_text()
    data = json.loads((tmp_path / "report" / "score.json").read_text(encoding="utf-8"))
    assert data["files"] == 2
    assert data["total"]["applicable"] == 10 and data["total"]["passed"] == 7 and data["total"]["rate"] == 0.7
    assert data["total"]["points_possible"] == 15.5 and data["total"]["points_earned"] == 10.5
    assert [i["total"]["rate"] for i in data["inspections"]] == [0.6, 0.8]
    freq = [(q["id"], q["inspected"], q["failed"], q["not_applicable"]) for q in data["frequency"]]
    assert freq == [("TS-4.2", 2, 2, 0), ("TS-5.3", 2, 1, 0), ("TS-5.2", 2, 0, 1), ("TS-6", 2, 0, 1),
                    ("TS-4.1", 2, 0, 0), ("TS-5.1", 2, 0, 0)]
    html = (tmp_path / "report" / "score.html").read_text(encoding="utf-8")
    assert "各条款不符合与不适用频次" in html and "测试中心 5号窗口" in html and "未问候" in html


def test_yaml_and_csv_results_score_like_the_workbook(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, _ = tiny
    ver = checklist_version(resolve(clauses, TINY))
    lines = [f"{i},{r},{n}" for i, (r, n) in MIX.items()]
    csv_file = tmp_path / "r.csv"
    csv_file.write_text(f"# set: {TINY}\n# version: {ver}\n# unit: {DETAILS['unit']}\n# type: 定点检查\n"
                        f"# inspector: 张三\n# date: 2024-05-06\nid,result,note\n" + "\n".join(lines) + "\n",
                        encoding="utf-8")
    report, _ = score([csv_file], clauses, tmp_path / "csv")
    assert not report.items, report.render_text()
    as_csv = json.loads((tmp_path / "csv" / "score.json").read_text(encoding="utf-8"))
    assert as_csv["total"]["rate"] == 0.6 and as_csv["total"]["score_rate"] == 0.625
    yaml_file = tmp_path / "r.yaml"
    entries = "\n".join(f"  - {{id: {i}, result: {r}, note: '{n}'}}" for i, (r, n) in MIX.items())
    yaml_file.write_text(f"set: {TINY}\nversion: '{ver}'\nunit: x\ntype: 现场巡查\ninspector: y\ndate: 2024-05-06\n"
                         f"results:\n{entries}\n", encoding="utf-8")
    report, _ = score([yaml_file], clauses, tmp_path / "yaml")
    assert not report.items, report.render_text()
    as_yaml = json.loads((tmp_path / "yaml" / "score.json").read_text(encoding="utf-8"))
    assert as_yaml["total"] == as_csv["total"]


def test_filtered_checklist_is_scored_on_its_rows(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, _ = tiny
    blank = tmp_path / "window.xlsx"
    write_xlsx(build_checklist(resolve(clauses, TINY), ["window"]), blank)
    filled = tmp_path / "w.xlsx"
    fill(blank, filled, {"TS-4.1": ("符合", ""), "TS-4.2": ("符合", ""), "TS-5.3": ("不符合", "拖鞋")})
    report, _ = score([filled], clauses, tmp_path / "report")
    assert not report.items, report.render_text()
    data = json.loads((tmp_path / "report" / "score.json").read_text(encoding="utf-8"))
    assert data["inspections"][0]["scopes"] == ["window"]
    assert data["total"]["applicable"] == 3 and data["total"]["points_possible"] == 4.0
    assert data["total"]["points_earned"] == 3.0


@pytest.mark.parametrize("name", ["db34-t-3395-2019", "db4108-t-6-2020"])
def test_bundled_sets_known_mix(name: str, tmp_path: Path) -> None:
    """First three rows 不符合, next two 不适用, the rest 符合."""
    rs = resolve(CLAUSES, name)
    cl = build_checklist(rs)
    blank = tmp_path / "checklist.xlsx"
    write_xlsx(cl, blank)
    ids = [r.id for r in cl.rows]
    mix = {i: ("不符合", f"问题{n}") if n < 3 else ("不适用", "") if n < 5 else ("符合", "")
           for n, i in enumerate(ids)}
    filled = tmp_path / "filled.xlsx"
    fill(blank, filled, mix)
    report, _ = score([filled], CLAUSES, tmp_path / "report", formats=("json",))
    assert not report.failed(), report.render_text()
    data = json.loads((tmp_path / "report" / "score.json").read_text(encoding="utf-8"))
    n = len(ids)
    assert data["total"]["applicable"] == n - 2 and data["total"]["passed"] == n - 5
    assert data["total"]["failed"] == 3 and data["total"]["not_applicable"] == 2
    assert data["total"]["rate"] == round((n - 5) / (n - 2), 4)
    points = {r.id: r.points for r in cl.rows}
    assert data["total"]["points_earned"] == sum(points[i] for i in ids[5:])
    assert data["total"]["points_possible"] == sum(points[i] for i in ids[:3] + ids[5:])
    assert [(x["id"], x["number"], x["note"]) for x in data["inspections"][0]["nonconformities"]] == [
        (r.id, r.number, f"问题{k}") for k, r in enumerate(cl.rows[:3])]
    assert sum(c["applicable"] for c in data["inspections"][0]["chapters"]) == n - 2


# --- bad results files -------------------------------------------------------------------------

def test_bad_workbook_every_problem_with_its_cell(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, blank = tiny
    bad = tmp_path / "bad.xlsx"
    fill(blank, bad, {**MIX, "TS-4.1": ("合格", ""), "TS-5.1": ("", "")}, {**DETAILS, "inspector": ""})
    wb = openpyxl.load_workbook(bad)
    ws = wb[SHEET]
    ws["A3"] = "单位"  # edited header label
    ws.cell(5, 7).value = "结果"  # edited column header
    r6 = row_of(blank, "TS-6")
    ws.cell(r6, ID).value = "TS-7"  # edited clause ID cell
    ws.cell(r6, 10).value = "写在表外"  # outside the columns
    heading = FIRST_ROW  # the first row is the heading row of chapter 4
    ws.cell(heading, RESULT).value = "符合"
    wb.save(bad)
    report, written = score([bad], clauses, tmp_path / "report")
    assert written == [] and not (tmp_path / "report").exists()
    r41, r51 = row_of(blank, "TS-4.1"), row_of(blank, "TS-5.1")
    expected = {
        ("C107", "bad.xlsx", 3, 1),  # header label
        ("C107", "bad.xlsx", 5, 7),  # column header
        ("C107", "bad.xlsx", r6, 3),  # clause ID cell
        ("C105", "bad.xlsx", r41, 7),  # 合格 is not a result
        ("C104", "bad.xlsx", r51, 7),  # blank result
        ("C115", "bad.xlsx", heading, 7),  # result in a heading row
        ("C112", "bad.xlsx", r6, 10),  # cell outside the columns (warning)
        ("C113", "bad.xlsx", 4, 3),  # inspector not filled in (warning)
    }
    assert expected <= codes(report), report.render_text()
    assert all(d.hint for d in report.items)
    assert "合格" in find(report, "C105")[0].message and "符合" in find(report, "C105")[0].hint
    assert {d.severity for d in report.items if d.code in {"C112", "C113"}} == {"warning"}
    text = report.render_text("en")
    assert f"bad.xlsx:{r41}:7 C105 error:" in text


def test_wrong_version(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, blank = tiny
    filled = tmp_path / "filled.xlsx"
    fill(blank, filled, MIX)
    old = checklist_version(resolve(clauses, TINY))
    write_tiny(clauses, TINY_BODY.replace("窗口应整洁。", "窗口应整洁有序。"))  # the set changed since printing
    report, written = score([filled], clauses, tmp_path / "report")
    assert written == []
    [diag] = find(report, "C106")
    assert (diag.position.line, diag.position.col) == (2, 7) and old in diag.message
    assert checklist_version(resolve(clauses, TINY)) in diag.message


def test_edited_version_cell(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, blank = tiny
    filled = tmp_path / "filled.xlsx"
    fill(blank, filled, MIX)
    wb = openpyxl.load_workbook(filled)
    wb[SHEET]["G2"] = "000000000000"
    wb.save(filled)
    report, _ = score([filled], clauses, tmp_path / "report")
    assert ("C107", "filled.xlsx", 2, 7) in codes(report)


def test_bad_yaml_results(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, _ = tiny
    ver = checklist_version(resolve(clauses, TINY))
    path = tmp_path / "r.yaml"
    path.write_text(f"""\
set: {TINY}
version: {ver}
unit: 测试中心
type: 随便看看
inspector: 张三
date: 2024-05-06
weather: 晴
results:
  TS-4.1: 符合
  TS-4.9: 符合
  TS-4.3: 符合
  TS-5.1: 好
  TS-5.2: {{result: 不适用, remark: 无}}
  TS-5.3: 符合
  TS-5.3: 不符合
""", encoding="utf-8")
    report, written = score([path], clauses, tmp_path / "report")
    assert written == []
    found = codes(report)
    assert ("C102", "r.yaml", 10, 3) in found  # unknown ID
    assert "did you mean TS-4.2?" in find(report, "C102")[0].hint  # the row the file lacks
    assert ("C111", "r.yaml", 11, 3) in found  # a 推荐 clause: not on this checklist
    assert ("C105", "r.yaml", 12, 11) in found  # not a result
    assert ("C112", "r.yaml", 13, 25) in found  # unknown key in a result (warning)
    assert ("C109", "r.yaml", 15, 3) in found  # a second result for TS-5.3
    assert ("C112", "r.yaml", 7, 1) in found  # unknown top-level key (warning)
    assert ("C113", "r.yaml", 4, 7) in found  # not an inspection type (warning)
    missing = find(report, "C103")
    assert [d.message for d in missing] == ["no row for 4.2 (TS-4.2) of the checklist",
                                            "no row for 6 (TS-6) of the checklist"]
    assert all((d.position.line, d.position.col) == (8, 1) for d in missing)


def test_bad_csv_and_unreadable_files(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, _ = tiny
    path = tmp_path / "r.csv"
    path.write_text(f"# set: {TINY}\nid,result,comment\nTS-4.1,符合,x\nTS-4.1,不符合\n,符合\n", encoding="utf-8")
    foreign = tmp_path / "foreign.xlsx"
    openpyxl.Workbook().save(foreign)
    text = tmp_path / "notes.txt"
    text.write_text("QX-4.1 ok", encoding="utf-8")
    report, written = score([path, foreign, text, tmp_path / "missing.xlsx"], clauses, tmp_path / "report")
    assert written == []
    found = codes(report)
    assert ("C112", "r.csv", 2, 3) in found  # column not read (warning)
    assert ("C109", "r.csv", 4, 1) in found
    assert ("C115", "r.csv", 5, 1) in found
    assert ("C116", "r.csv", 1, 1) in found  # no version (warning)
    assert {("C101", "foreign.xlsx", 1, 1), ("C101", "notes.txt", 1, 1), ("C101", "missing.xlsx", 0, 0)} <= found


def test_set_mismatch(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, blank = tiny
    filled = tmp_path / "filled.xlsx"
    fill(blank, filled, MIX)
    report, written = score([filled], clauses, tmp_path / "report", set_name="db34-t-3395-2019")
    assert written == [] and ("C110", "filled.xlsx", 2, 7) in codes(report)
    orphan = tmp_path / "r.yaml"
    orphan.write_text("results: {TS-4.1: 符合}\n", encoding="utf-8")
    report, written = score([orphan], clauses, tmp_path / "report")
    assert written == [] and [d.code for d in report.items] == ["C110"]


# --- command line ------------------------------------------------------------------------------

def test_cli_score(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, blank = tiny
    filled = tmp_path / "filled.xlsx"
    fill(blank, filled, MIX)
    out = tmp_path / "report"
    result = runner.invoke(app, ["score", str(filled), "--clauses", str(clauses), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "score.json").is_file() and (out / "score.pdf").is_file() and (out / "score.html").is_file()
    bad = tmp_path / "bad.xlsx"
    fill(blank, bad, {**MIX, "TS-4.1": ("OK", "")})
    result = runner.invoke(app, ["score", str(bad), "--clauses", str(clauses), "--out", str(tmp_path / "x"),
                                 "--format", "json"])
    assert result.exit_code == 1
    diagnostics = json.loads(result.stdout)
    assert [d["code"] for d in diagnostics] == ["C105"]
    assert not (tmp_path / "x").exists()


@pytest.mark.slow
def test_report_pdf_names_every_nonconformity(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, blank = tiny
    files = []
    for k in range(2):
        path = tmp_path / f"f{k}.xlsx"
        fill(blank, path, MIX, {**DETAILS, "unit": f"窗口{k + 1}"})
        files.append(path)
    report, written = score(files, clauses, tmp_path / "report", formats=("pdf",))
    assert not report.items, report.render_text()
    with pdfplumber.open(written[0]) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    for needle in ("监督检查评分报告", "60.0%", "62.5%", "TS-4.2", "未使用“您好”", "TS-5.3", "未着工装",
                   "各条款不符合与不适用频次", "窗口1", "窗口2"):
        assert needle in text, needle


@pytest.mark.slow
def test_build_then_score_round_trip(tmp_path: Path) -> None:
    """`stdgen build` writes checklist.xlsx; filled in, `stdgen score` reads it back by clause ID."""
    name = "db4108-t-6-2020"
    shutil.copytree(CLAUSES, tmp_path / "clauses")
    out = tmp_path / "output"
    result = runner.invoke(app, ["build", name, "--clauses", str(tmp_path / "clauses"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    blank = out / name / "checklist.xlsx"
    ids = [r.id for r in build_checklist(resolve(tmp_path / "clauses", name)).rows]
    filled = tmp_path / "filled.xlsx"
    fill(blank, filled, {i: ("不符合" if k == 0 else "符合", "记录" if k == 0 else "") for k, i in enumerate(ids)})
    result = runner.invoke(app, ["score", str(filled), "--clauses", str(tmp_path / "clauses"),
                                 "--out", str(tmp_path / "scores")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "scores" / "score.json").read_text(encoding="utf-8"))
    assert data["total"]["failed"] == 1 and data["total"]["passed"] == len(ids) - 1
