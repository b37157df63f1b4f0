"""A published standard keeps its printed clause numbers; a fork or new set is numbered from position."""

from __future__ import annotations

from pathlib import Path

from stdgen.diagnostics import Report
from stdgen.workspace import open_workspace

BODY = """clauses:
  - id: T-4
    title: 要求
    source: {document: DB99/T 1—2020, clause: "4"}
    clauses:
      - id: T-4.1
        title: 分类
        source: {document: DB99/T 1—2020, clause: "4.1"}
        clauses:
          - id: T-4.1.1
            text: 第一条。
            source: {document: DB99/T 1—2020, clause: "4.1.1"}
          - id: T-4.1.3
            text: 印成4.1.3的第二条。
            source: {document: DB99/T 1—2020, clause: "4.1.3"}
"""


def _resolve(tmp_path: Path, number: str) -> tuple[dict[str, str], Report]:
    folder = tmp_path / number.replace("/", "-") / "t"
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text(
        f"code: T\nnumber: {number}\nbanner: 测试\ntitle: {{zh: 测试}}\nissuer: 测试局\n"
        "scope: [本文件规定了测试。]\n", encoding="utf-8")
    (folder / "body.yaml").write_text(BODY, encoding="utf-8")
    report = Report()
    workspace = open_workspace(folder.parent, report)
    resolved = workspace.sets["t"]
    return {node.id: node.number for node in resolved.nodes()}, report


def test_published_set_keeps_printed_numbers_and_the_lint_says_where_they_break_rules(tmp_path: Path) -> None:
    numbers, report = _resolve(tmp_path, "DB99/T 1—2020")
    assert numbers == {"T-4": "4", "T-4.1": "4.1", "T-4.1.1": "4.1.1", "T-4.1.3": "4.1.3"}
    codes = {(d.code, d.severity): d.message for d in report.items}
    assert "4.1.3 kept as published" in codes[("R011", "warning")]
    assert "(as published)" in codes[("R003", "warning")]  # chapter 4 has the single clause 4.1
    assert not report.errors


def test_fork_with_another_number_is_numbered_from_position(tmp_path: Path) -> None:
    numbers, report = _resolve(tmp_path, "DB99/T 1—2024")
    assert numbers == {"T-4": "4", "T-4.1": "4.1", "T-4.1.1": "4.1.1", "T-4.1.3": "4.1.2"}
    assert not [d for d in report.items if d.code == "R011"]
    assert [d.severity for d in report.items if d.code == "R003"] == ["error"]
