"""Hostile results files for `stdgen score`: each gives its exact diagnostic, never a traceback."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest

from stdgen.artifacts.checklist import build_checklist
from stdgen.artifacts.checklist.rows import checklist_version
from stdgen.artifacts.checklist.xlsx import REQUIREMENT, SHEET, write_xlsx
from test_checklist import TINY, resolve, write_tiny
from test_score import MIX, codes, fill, find, row_of, score


@pytest.fixture
def tiny(tmp_path: Path) -> tuple[Path, Path]:
    """(clause folder, blank checklist.xlsx) of the tiny set."""
    clauses = tmp_path / "clauses"
    write_tiny(clauses)
    blank = tmp_path / "checklist.xlsx"
    write_xlsx(build_checklist(resolve(clauses, TINY)), blank)
    return clauses, blank


def test_a_text_file_renamed_to_xlsx(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, _ = tiny
    fake = tmp_path / "results.xlsx"
    fake.write_text("id,result\nTS-4.1,符合\n", encoding="utf-8")
    report, written = score([fake], clauses, tmp_path / "out", TINY)
    assert codes(report) == {("C101", "results.xlsx", 1, 1)} and not written
    assert "renamed" in report.items[0].message


def test_a_zip_bomb_is_not_unpacked(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, _ = tiny
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * 120_000_000)
    assert bomb.stat().st_size < 1_000_000
    report, written = score([bomb], clauses, tmp_path / "out", TINY)
    assert codes(report) == {("C101", "bomb.xlsx", 1, 1)} and not written
    assert "unpacks to 120,000,000 bytes" in report.items[0].message


def test_row_and_column_bombs_are_not_read(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, blank = tiny
    filled = tmp_path / "filled.xlsx"
    fill(blank, filled, MIX)
    wb = openpyxl.load_workbook(filled)
    wb[SHEET].cell(200_000, 1, "x")
    wb[SHEET].cell(10, 16_000, "y")
    wb.save(filled)
    report, written = score([filled], clauses, tmp_path / "out", TINY)
    assert not report.errors and written
    (bomb,) = find(report, "C112")
    assert "reaches row 200000, column 16000" in bomb.message and bomb.severity == "warning"


def test_an_edited_requirement_cell_is_reported(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, blank = tiny
    filled = tmp_path / "filled.xlsx"
    fill(blank, filled, MIX)
    row = row_of(filled, "TS-4.1")
    wb = openpyxl.load_workbook(filled)
    wb[SHEET].cell(row, REQUIREMENT, "窗口可以不整洁。")
    wb.save(filled)
    report, written = score([filled], clauses, tmp_path / "out", TINY)
    assert codes(report) == {("C108", "filled.xlsx", row, REQUIREMENT)} and written
    assert "窗口可以不整洁" in report.items[0].message


def _csv(clauses: Path) -> str:
    ver = checklist_version(resolve(clauses, TINY))
    rows = "\n".join(f"{i},{r},{n}" for i, (r, n) in MIX.items())
    return (f"# set: {TINY}\n# version: {ver}\n# unit: 测试中心\n# type: 定点检查\n# inspector: 张三\n"
            f"# date: 2024-05-06\nid,result,note\n{rows}\n")


def test_a_gbk_csv_is_named_at_its_first_chinese_character(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, _ = tiny
    results = tmp_path / "r.csv"
    results.write_bytes(_csv(clauses).encode("gbk"))
    report, written = score([results], clauses, tmp_path / "out")
    assert codes(report) == {("C101", "r.csv", 3, 9)} and not written
    assert "GBK" in report.items[0].message


def test_a_utf16_csv(tiny: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, _ = tiny
    results = tmp_path / "r.csv"
    results.write_bytes(_csv(clauses).encode("utf-16"))
    report, written = score([results], clauses, tmp_path / "out")
    assert codes(report) == {("C101", "r.csv", 1, 1)} and not written
    assert "UTF-16" in report.items[0].message
