"""A variant's outputs: the 前言 change list, the 差异对照表 (HTML, DOCX, XLSX, JSON), the redline
DOCX with tracked changes, and the revision's 代替 statements."""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
import pytest
from lxml import etree
from typer.testing import CliRunner

from conftest import CLAUSES
from stdgen.artifacts.changes import as_json, document
from stdgen.artifacts.changes.redline import lines, write_redline
from stdgen.artifacts.standard.tree import build as standard_tree
from stdgen.build import build_set, plan
from stdgen.cli import app
from stdgen.diagnostics import Report
from stdgen.diff import compare
from stdgen.reproducible import ZIP_EPOCH
from stdgen.resolve import ResolvedSet
from stdgen.workspace import open_workspace

BASE = "db34-t-3395-2019"
EXAMPLE = "example-city-variant"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _sets(root: Path = CLAUSES, *names: str) -> dict[str, ResolvedSet]:
    report = Report()
    ws = open_workspace(root, report, list(names) or None)
    assert not report.errors, report.render_text()
    return ws.sets


def _variant(tmp_path: Path, changes: str, head: str = "") -> ResolvedSet:
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES / BASE, root / BASE)
    (root / "v").mkdir()
    (root / "v" / "standard.yaml").write_text(f"extends: {BASE}\ncode: V\n{head}changes:\n"
                                              + textwrap.indent(textwrap.dedent(changes), "  "), encoding="utf-8")
    return _sets(root, "v")["v"]


CHANGES = """\
    - modify: QC-11.4
      text: 评价结果应用于年度考核。
      reason: 只用于年度考核
    - add: {id: V-1, title: 引导服务, type: requirement, text: 应设引导员。}
      after: QC-4
      reason: 新设引导员
    - remove: QC-10.6
      reason: 不开展上门服务
    - move: QC-10.7
      before: QC-10.1
      reason: 公开服务排在首位
    - modify: QC-10.1
      title: 首问负责制
      summary: 更改了首问负责的规定
      reason: r
    """


def test_foreword_and_table_list_exactly_the_changes_in_document_order(tmp_path: Path) -> None:
    rs = _variant(tmp_path, CHANGES)
    assert rs.parent is not None
    comparison = compare(rs.parent, rs)
    got = [(r.kind, r.id, r.old, r.new) for r in comparison.rows]
    assert got == [
        ("added", "V-1", None, "第5章"),
        ("moved", "QC-10.7", "10.7", "11.1"),
        ("modified", "QC-10.1", "10.1", "11.2"),
        ("removed", "QC-10.6", "10.6", None),
        ("modified", "QC-11.4", "11.4", "12.4"),
    ]
    paragraphs = [line.text for line in lines(standard_tree(rs)) if line.key[0] == "foreword"]
    start = paragraphs.index("与DB34/T 3395—2019相比，除结构调整和编辑性改动外，主要技术变化如下：")
    assert paragraphs[start - 1] == "本文件以DB34/T 3395—2019为基础制定。"
    assert paragraphs[start + 1:start + 6] == [
        "——增加了“引导服务”的规定（见第5章）；",
        "——调整了“公开服务”的位置（见11.1，原10.7）；",
        "——更改了首问负责的规定（见11.2，原10.1）；",
        "——删除了“上门服务”的规定（见原10.6）；",
        "——更改了“评价结果应用”的条文（见12.4，原11.4）。",
    ]
    data = as_json(comparison)
    assert [r["reason"] for r in data["rows"]] == ["新设引导员", "公开服务排在首位", "r", "不开展上门服务",
                                                   "只用于年度考核"]
    assert data["old"]["set"] == BASE and data["new"]["set"] == "v" and data["declared"] is True


def test_undeclared_diff_finds_the_same_changes(tmp_path: Path) -> None:
    rs = _variant(tmp_path, CHANGES)
    assert rs.parent is not None
    declared = compare(rs.parent, rs)
    rs.clause_set = rs.clause_set.model_copy(update={"extends": None})  # the same two sets, not declared
    found = compare(rs.parent, rs)
    assert not found.declared
    assert [(r.kind, r.id, r.old, r.new) for r in found.rows] == [(r.kind, r.id, r.old, r.new) for r in declared.rows]


def test_a_found_comparison_walks_each_set_a_few_times_not_once_per_clause(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Where each clause sits is worked out once per set (diff._Shape): walked again for every clause, two
    editions of 4,000 clauses took 34 s to compare."""
    rs = _variant(tmp_path, CHANGES)
    assert rs.parent is not None
    rs.clause_set = rs.clause_set.model_copy(update={"extends": None})
    walks: list[str] = []
    nodes = ResolvedSet.nodes
    monkeypatch.setattr(ResolvedSet, "nodes", lambda self: walks.append(self.clause_set.name) or nodes(self))
    found = compare(rs.parent, rs)
    assert len(found.rows) == 5
    assert sorted(walks) == [BASE] * 3 + ["v"] * 3  # its IDs, its shape, the document order


def test_revision_says_what_it_replaces(tmp_path: Path) -> None:
    rs = _variant(tmp_path, "- remove: QC-10.6\n  reason: r\n",
                  head="number: DB34/T 3395—2030\nreplaces: [DB34/T 3395—2019]\n")
    doc = standard_tree(rs)
    cover = [p.text for p in doc.sections[0].blocks if hasattr(p, "text")]
    assert "代替DB34/T 3395—2019" in cover
    front = [line.text for line in lines(doc) if line.key[0] == "foreword"]
    assert "本标准代替DB34/T 3395—2019。" in front
    assert "本文件以DB34/T 3395—2019为基础制定。" not in front  # a revision replaces, it is not based on
    assert "——删除了“上门服务”的规定（见原10.6）。" in front


def _accepted(path: Path) -> list[str]:
    """The text with every revision accepted: insertions kept, deletions (and deleted paragraphs) gone."""
    return _resolve(path, keep="ins")


def _rejected(path: Path) -> list[str]:
    return _resolve(path, keep="del")


def _resolve(path: Path, keep: str) -> list[str]:
    drop = "del" if keep == "ins" else "ins"
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    texts: list[str] = []
    for p in root.iter(f"{W}p"):
        if p.find(f"{W}pPr/{W}rPr/{W}{drop}") is not None:
            continue  # the paragraph exists only on the other side
        text = ""
        for node in p.iter(f"{W}t", f"{W}delText"):
            inside = {a.tag for a in node.iterancestors()}
            if f"{W}{drop}" in inside:
                continue
            text += node.text or ""
        texts.append(text)
    return texts


def test_redline_accept_all_gives_the_variant_reject_all_the_parent(tmp_path: Path) -> None:
    sets = _sets(CLAUSES, BASE, EXAMPLE)
    rs, parent = sets[EXAMPLE], sets[BASE]
    path = tmp_path / "redline.docx"
    count = write_redline(standard_tree(parent), standard_tree(rs), path, ZIP_EPOCH)
    assert count > 20
    assert _accepted(path) == [line.text for line in lines(standard_tree(rs))]
    assert _rejected(path) == [line.text for line in lines(standard_tree(parent))]
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert xml.count("<w:ins ") > 5 and xml.count("<w:del ") > 5 and 'w:author="stdgen"' in xml
    # a renumbered clause is one paragraph whose number changed: 9 技能 → 7 技能
    assert any(t.startswith("7\u3000技能") for t in _accepted(path))
    assert any(t.startswith("9\u3000技能") for t in _rejected(path))


def test_only_variants_get_the_table_and_redline() -> None:
    sets = _sets(CLAUSES, BASE, EXAMPLE)
    assert not [j for j in plan(sets[BASE]) if j.artifact == "changes"]
    files = {j.file for j in plan(sets[EXAMPLE]) if j.artifact == "changes"}
    assert files == {"changes.docx", "changes.html", "changes.xlsx", "changes.json", "redline.docx"}


class _Cells(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self._cell: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in {"td", "th"}:
            self._cell = ""
        elif tag == "a":
            self.links.extend(v for k, v in attrs if k == "href" and v)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None:
            self.rows[-1].append(self._cell.strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell += data


@pytest.mark.slow
def test_example_variant_builds_every_artifact(tmp_path: Path) -> None:
    sets = _sets(CLAUSES, BASE, EXAMPLE)
    rs = sets[EXAMPLE]
    report = Report()
    build_set(rs, tmp_path, report)
    assert not report.errors, report.render_text()
    out = tmp_path / EXAMPLE
    assert {p.name for p in out.iterdir()} >= {"standard.pdf", "standard.docx", "standard.html", "checklist.xlsx",
                                              "changes.html", "changes.docx", "changes.xlsx", "changes.json",
                                              "redline.docx"}
    data = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    expected = [[r["old"] or "—", r["new"] or "—", r["id"], r["change"]] for r in data["rows"]]
    assert [r["id"] for r in data["rows"]] == ["QC-5.3", "QC-6.3", "QC-9", "QC-7.1", "QC-10.5", "EXC-10.8",
                                               "QC-11.1", "QC-11.3.4"]
    page = _Cells()
    page.feed((out / "changes.html").read_text(encoding="utf-8"))
    assert [row[1:5] for row in page.rows[1:]] == expected
    assert "standard.html#EXC-10.8" in page.links
    table = docx.Document(str(out / "changes.docx")).tables[0]
    assert [[c.text for c in row.cells[1:5]] for row in table.rows[1:]] == expected
    sheet = openpyxl.load_workbook(out / "changes.xlsx").active
    assert sheet is not None
    assert [[sheet.cell(row=4 + i, column=c).value for c in range(2, 6)] for i in range(len(expected))] == expected
    # the standard's 前言 lists the same changes, and its body the new numbers
    standard = docx.Document(str(out / "standard.docx"))
    text = "\n".join(p.text for p in standard.paragraphs)
    assert "——增加了帮办代办服务的要求（见10.8）；" in text
    assert "——删除了办公设备、办公及个人用品摆放的要求（见原5.3）；" in text
    # LibreOffice opens the redline and keeps its tracked changes when it saves it again
    result = subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                             str(tmp_path / "lo"), str(out / "redline.docx")], capture_output=True, timeout=240)
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "lo" / "redline.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    assert "<w:ins " in xml and "<w:del " in xml
    assert _accepted(tmp_path / "lo" / "redline.docx") == [line.text for line in lines(standard_tree(rs))]


def test_changes_document_without_rows(tmp_path: Path) -> None:
    rs = _variant(tmp_path, "[]\n")
    assert rs.parent is not None
    doc = document(compare(rs.parent, rs))
    assert "没有差异" in doc.sections[0].blocks[-1].rows[1][0].paras[0].text  # type: ignore[union-attr]


runner = CliRunner()


def test_fork_scaffold_checks_and_its_examples_are_valid_changes(tmp_path: Path) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES / BASE, root / BASE)
    result = runner.invoke(app, ["fork", BASE, "my-city", "--code", "MC", "--clauses", str(root)])
    assert result.exit_code == 0, result.output
    path = root / "my-city" / "standard.yaml"
    text = path.read_text(encoding="utf-8")
    assert "extends: db34-t-3395-2019" in text and "code: MC" in text
    check = runner.invoke(app, ["check", "my-city", "--clauses", str(root)])
    assert check.exit_code == 0, check.output
    # uncomment every example: together they are a valid variant with every kind of change
    body = text.split("changes:\n", 1)
    path.write_text(body[0] + "changes:\n" + "\n".join(line[2:] if line.startswith("# ") else line
                                                       for line in body[1].splitlines()) + "\n", encoding="utf-8")
    report = Report()
    ws = open_workspace(root, report)
    assert not report.errors, report.render_text()
    kinds = {c.kind for c in ws.sets["my-city"].clause_set.changes}
    assert kinds == {"remove", "modify", "add", "move"}
    fields = {f for c in ws.sets["my-city"].clause_set.changes for f in c.fields}
    assert fields >= {"text", "title", "type", "scope", "items", "notes", "phrases", "check"}
    again = runner.invoke(app, ["fork", BASE, "my-city", "--code", "MC", "--clauses", str(root)])
    assert again.exit_code == 2  # the folder exists: nothing is overwritten
    bad = runner.invoke(app, ["fork", BASE, "other", "--code", "1X", "--clauses", str(root)])
    assert bad.exit_code == 2 and not (root / "other").exists()


def test_diff_of_two_sets_that_only_share_ids(tmp_path: Path) -> None:
    """Two editions kept apart (each folder on its own) share IDs but declare nothing."""
    first = tmp_path / "a" / BASE
    second = tmp_path / "b" / BASE
    shutil.copytree(CLAUSES / BASE, first)
    shutil.copytree(CLAUSES / BASE, second)
    body = second / "10-body.yaml"
    body.write_text(body.read_text(encoding="utf-8").replace("发型应保持自然，不然异色", "发型应保持自然，不染异色")
                    .replace("        related: [ZMD-8, CK-5.1]\n", ""), encoding="utf-8")
    out = tmp_path / "diff"
    result = runner.invoke(app, ["diff", str(first), str(second), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["declared"] is False
    assert [(r["kind"], r["id"], r["old"], r["new"], r["fields"]) for r in data["rows"]] == [
        ("modified", "QC-6.3", "6.3", "6.3", ["text"])]  # a related link is not content
    assert {p.name for p in out.iterdir()} == {"changes.html", "changes.docx", "changes.xlsx", "changes.json",
                                              "redline.docx"}
    assert _accepted(out / "redline.docx")[-1] == _rejected(out / "redline.docx")[-1]
    assert "发型应保持自然，不染异色，不影响办公操作。" in "".join(_accepted(out / "redline.docx"))
    text = runner.invoke(app, ["diff", BASE, EXAMPLE, "--clauses", str(CLAUSES)])
    assert text.exit_code == 0, text.output
    assert "5.3\t—\tQC-5.3\t删除" in text.output and "第9章\t第7章\tQC-9\t移动" in text.output
    none = runner.invoke(app, ["diff", BASE, "zmd-civility-2023", "--clauses", str(CLAUSES)])
    assert none.exit_code == 2 and "没有共同的条款编号" in none.output
