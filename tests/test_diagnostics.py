"""A tampered clause set gets all of its errors in one run, each at the right line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import line_of
from stdgen.cli import app
from stdgen.diagnostics import Report
from stdgen.workspace import open_workspace

runner = CliRunner()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _tamper(folder: Path) -> dict[str, tuple[str, int]]:
    """Break the set in many ways; return code → (file name, expected line)."""
    body = folder / "10-body.yaml"
    _edit(body, "    title: 基本要求\n    type: requirement", "    title: 基本要求\n    type: requirment")
    _edit(body, "        type: instruction\n        scope: [hall, window]\n        text: 提供",
          "        type: instruction\n        scpoe: [hall, window]\n        text: 提供")
    _edit(body, "  - id: QC-6\n", "  - id: QC-5\n")
    _edit(body, "发型应保持自然", "见[[QC-99]]发型应保持自然")
    # chapter 9 gets a single sub-clause; chapter 4 gets mixed titled/untitled children
    _edit(body, "  - id: QC-6.4\n", "  - id: QC-6.4\n        title: 仪表\n")
    std = folder / "standard.yaml"
    _edit(std, "issuer: 安徽省市场监督管理局\n", "")
    _edit(std, "issued: 2019-11-04", "issued: 2019-13-04")
    return {
        "S003": ("10-body.yaml", line_of(body, "requirment")),
        "S001": ("10-body.yaml", line_of(body, "scpoe")),
        "R002": ("10-body.yaml", line_of(body, "[[QC-99]]")),
        "Y005": ("standard.yaml", line_of(std, "2019-13-04")),
    }


def test_all_errors_reported_in_one_run(set_copy) -> None:  # type: ignore[no-untyped-def]
    folder = set_copy("db34-t-3395-2019")
    expected = _tamper(folder)
    result = runner.invoke(app, ["check", "--clauses", str(folder.parent), "--format", "json"])
    assert result.exit_code == 1
    found = json.loads(result.stdout)
    codes = {(d["code"], Path(d["position"]["file"]).name, d["position"]["line"]) for d in found}
    # the YAML value error stops validation of standard.yaml; the other files are still checked
    assert ("Y005", *expected["Y005"]) in codes
    for code in ("S003", "S001"):
        assert (code, *expected[code]) in codes, (code, sorted(codes))
    assert all(d["hint"] for d in found)
    assert "Traceback" not in result.output


def test_resolution_errors_with_positions(set_copy) -> None:  # type: ignore[no-untyped-def]
    folder = set_copy("db34-t-3395-2019")
    body = folder / "10-body.yaml"
    _edit(body, "  - id: QC-6\n", "  - id: QC-5\n")
    _edit(body, "发型应保持自然", "见[[QC-99]]发型应保持自然")
    _edit(body, "  - id: QC-6.4\n", "  - id: QC-6.4\n        title: 仪表\n")
    report = Report()
    open_workspace(folder.parent, report)
    got = {(d.code, d.position.line) for d in report.items}
    assert ("R001", line_of(body, "  - id: QC-5\n".strip())) in got or any(c == "R001" for c, _ in got)
    assert ("R002", line_of(body, "[[QC-99]]")) in got
    assert any(code == "R004" for code, _ in got)
    r001 = next(d for d in report.items if d.code == "R001")
    lines = body.read_text(encoding="utf-8").splitlines()
    assert lines[r001.position.line - 1].strip().endswith("QC-5")
    assert r001.position.line == [i for i, x in enumerate(lines, 1) if x.strip() == "- id: QC-5"][1]


def test_structure_rules(tmp_path: Path) -> None:
    folder = tmp_path / "clauses" / "t"
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text(
        "code: T\nbanner: 测试\ntitle: {zh: 测试}\nissuer: 测试局\nscope: [本文件规定了测试。]\n", encoding="utf-8")
    (folder / "body.yaml").write_text(
        "clauses:\n"
        "  - id: T-4\n    title: 一\n    clauses:\n      - id: T-4.1\n        text: 唯一的条。\n"
        "  - id: T-5\n    title: 二\n    clauses:\n      - id: T-5.1\n        title: 有标题\n"
        "      - id: T-5.2\n        text: 无标题。\n", encoding="utf-8")
    report = Report()
    open_workspace(tmp_path / "clauses", report)
    got = {(d.code, d.position.line) for d in report.items}
    assert ("R003", 5) in got  # the lone sub-clause T-4.1
    assert ("R004", 10) in got  # the first of the mixed siblings


def test_too_deep(tmp_path: Path) -> None:
    folder = tmp_path / "clauses" / "t"
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text(
        "code: T\nbanner: 测试\ntitle: {zh: 测试}\nissuer: 测试局\nscope: [本文件规定了测试。]\n", encoding="utf-8")

    def level(depth: int, indent: str) -> str:
        if depth > 7:
            return ""
        kids = level(depth + 1, indent + "    ")
        one = f"{indent}- id: T-a{depth}\n{indent}  text: 条{depth}。\n"
        if kids:
            one += f"{indent}  clauses:\n{kids}"
        return one + f"{indent}- id: T-b{depth}\n{indent}  text: 旁{depth}。\n"

    (folder / "body.yaml").write_text("clauses:\n" + level(1, "  "), encoding="utf-8")
    report = Report()
    open_workspace(tmp_path / "clauses", report)
    deep = [d for d in report.items if d.code == "R005"]
    assert deep and all("more than five levels" in d.message for d in deep)


def test_garbage_yaml_gives_positioned_error_not_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "clauses" / "t"
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text("code: T\ntitle: {zh: [unclosed\n", encoding="utf-8")
    (folder / "body.yaml").write_bytes(b"\xff\xfe not utf8")
    result = runner.invoke(app, ["check", "--clauses", str(folder.parent)])
    assert result.exit_code == 1
    assert "standard.yaml:3:1 Y001" in result.output or "standard.yaml:2" in result.output
    assert "body.yaml:1:1 F003" in result.output
    assert "Traceback" not in result.output


def test_reference_in_flow_list_gets_a_quoting_hint(tmp_path: Path) -> None:
    folder = tmp_path / "clauses" / "t"
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text("code: T\nscope: [见[[T-4]]。]\n", encoding="utf-8")
    report = Report()
    open_workspace(tmp_path / "clauses", report)
    assert [d.code for d in report.items] == ["Y001"]
    assert "quote" in report.items[0].hint


def test_aliases_refused(tmp_path: Path) -> None:
    folder = tmp_path / "clauses" / "t"
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text(
        "code: T\nbanner: &b 测试\ntitle: {zh: *b}\nissuer: 测试局\n", encoding="utf-8")
    report = Report()
    open_workspace(tmp_path / "clauses", report)
    assert [d.code for d in report.items] == ["Y003"]


def test_unknown_set_is_usage_error(tmp_path: Path) -> None:
    (tmp_path / "clauses").mkdir()
    result = runner.invoke(app, ["check", "nope", "--clauses", str(tmp_path / "clauses")])
    assert result.exit_code == 1
    assert "F004" in result.output


def test_bundled_sets_check_clean() -> None:
    result = runner.invoke(app, ["check", "--clauses", "clauses"])
    assert result.exit_code == 0, result.output


def test_schema_command(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    result = runner.invoke(app, ["schema", "--out", str(out)])
    assert result.exit_code == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    clause = schema["$defs"]["Clause"]
    refs = re.findall(r'"\$ref": "#/\$defs/([^"]+)"', out.read_text(encoding="utf-8"))
    assert refs and all(ref in schema["$defs"] for ref in refs)  # editors resolve every reference
    assert {"id", "type", "scope", "phrases", "check", "source", "related"} <= set(clause["properties"])


def test_references_checked_everywhere_text_can_hold_them(tmp_path: Path) -> None:
    folder = tmp_path / "clauses" / "t"
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text(
        "code: T\nbanner: 测试\ntitle: {zh: 测试}\nissuer: 测试局\nscope: [本文件规定了测试。]\n"
        "introduction:\n  - 引言见[[T-98]]。\n", encoding="utf-8")
    (folder / "body.yaml").write_text(
        "clauses:\n  - id: T-4\n    title: 一\n    examples: [\"示例见[[T-97]]。\"]\n"
        "    table: {id: T-tab, caption: 表, rows: [[\"见[[T-96]]\"]]}\n", encoding="utf-8")
    report = Report()
    open_workspace(tmp_path / "clauses", report)
    got = {(d.code, Path(d.position.file).name, d.position.line) for d in report.items if d.code == "R002"}
    assert got == {("R002", "standard.yaml", 7), ("R002", "body.yaml", 4), ("R002", "body.yaml", 5)}


def test_internal_error_is_one_line_and_exit_3(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import sys

    import stdgen.cli as cli

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("stdgen.workspace.open_workspace", broken)  # the commands import it when run
    monkeypatch.setattr(sys, "argv", ["stdgen", "check"])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert "内部错误" in err and "boom" in err and "Traceback" not in err
    monkeypatch.setattr(sys, "argv", ["stdgen", "check", "--lang", "en"])
    with pytest.raises(SystemExit):
        cli.main()
    assert "internal error" in capsys.readouterr().err
