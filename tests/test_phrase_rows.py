"""Phrases on the checklist: a phrase list is one row ticked for behaviour, its phrases listed small;
verifiable 指示 clauses are rows; the 驻马店 condition （工作出现差错时） printed with its phrase."""

from __future__ import annotations

import pytest

from conftest import CLAUSES
from stdgen.artifacts.checklist import build_checklist
from stdgen.artifacts.checklist.tree import checklist_document
from stdgen.artifacts.standard.tree import build as standard_tree
from stdgen.diagnostics import Report
from stdgen.doctree import Para, Table
from stdgen.model import Clause, ProvisionType
from stdgen.render.html import render_html
from stdgen.resolve import ResolvedSet
from stdgen.workspace import open_workspace


@pytest.fixture(scope="module")
def sets() -> dict[str, ResolvedSet]:
    report = Report()
    ws = open_workspace(CLAUSES, report, None)
    assert not report.failed(), report.render_text()
    return ws.sets


def _forbidden(rs: ResolvedSet, under: str) -> list[str]:
    node = next(n for n in rs.nodes() if n.id == under)
    return [f.text for n in node.walk() if isinstance(n.item, Clause) for g in n.item.phrases for f in g.forbidden]


def test_forbidden_phrases_are_one_row(sets: dict[str, ResolvedSet]) -> None:
    rs = sets["db34-t-3395-2019"]
    rows = build_checklist(rs).by_id
    assert rows["QC-A.2"].text.startswith("未使用服务忌语（见A.2）")
    assert not [i for i in rows if i.startswith("QC-A.2.")]  # not one row per “喂！”
    listed = rows["QC-A.2"].phrases
    assert len(listed) == 1 + 16  # the lead 忌语： then each phrase once
    for phrase in _forbidden(rs, "QC-A.2"):
        assert sum(f"“{phrase}”" in p for p in listed) == 1, phrase
    assert "“喂！”（称呼、问候、接打电话时）" in listed  # the condition stays with its phrase
    assert rows["QC-A.1"].text.startswith("使用规范文明用语（见A.1）")
    assert not [i for i in rows if i.startswith("QC-A.1.")]
    assert rows["QC-A.2"].kind is ProvisionType.requirement and rows["QC-A.2"].method == ("观察", "暗访")


def test_rule_is_not_quoted_and_condition_leads_its_phrase(sets: dict[str, ResolvedSet]) -> None:
    rows = build_checklist(sets["zmd-civility-2023"]).by_id
    forbidden = rows["ZMD-60"].phrases
    assert rows["ZMD-60"].text.startswith("未使用服务忌语（见8.2）")
    assert forbidden[-1] == "其他有损人格，伤自尊心、伤感情，易诱发矛盾的不负责任的语言。"  # a rule, no quotes
    assert forbidden[1] == "“还没上班，等等，上班再办！”"
    recommended = rows["ZMD-P5.1"].phrases
    assert "（工作出现差错时）“对不起，是我不对，请原谅，欢迎您多提宝贵意见！”" in recommended
    assert not [i for i in rows if i in {f"ZMD-{n}" for n in range(52, 60)}]


def test_a_clause_saying_more_than_its_phrases_stays_a_row(sets: dict[str, ResolvedSet]) -> None:
    rows = build_checklist(sets["db4108-t-6-2020"]).by_id
    assert {"QX-7.3.1", "QX-7.3.2", "QX-7.2.1"} <= set(rows)  # 禁用“……”等用语，推卸责任…: behaviour + phrases
    assert not rows["QX-7.3.1"].phrases
    rows = build_checklist(sets["cq-12345-hotline"]).by_id
    assert "CQ-03.2" in rows and not rows["CQ-03.2"].phrases  # its text says far more than a lead-in


def test_scope_filter_lists_only_phrases_in_scope(sets: dict[str, ResolvedSet]) -> None:
    rs = sets["db34-t-3395-2019"]
    hotline = build_checklist(rs, ["hotline"]).by_id["QC-A.1"]
    assert any("请问您需要办什么事？" in p for p in hotline.phrases)  # A.1.2 电话服务用语
    assert not any("请问办理什么业务" in p for p in hotline.phrases)  # A.1.1 is window only
    window = build_checklist(rs, ["window"]).by_id["QC-A.1"]
    assert any("请问办理什么业务" in p for p in window.phrases)


def test_verifiable_instructions_are_rows(sets: dict[str, ResolvedSet]) -> None:
    db34 = build_checklist(sets["db34-t-3395-2019"]).by_id
    assert db34["QC-5.2"].kind is ProvisionType.instruction and db34["QC-5.2"].method == ("查看",)
    assert "QC-10.6" in db34
    assert "QC-11.1" not in db34  # an instruction nobody declared checkable
    db4108 = build_checklist(sets["db4108-t-6-2020"]).by_id
    assert {"QX-5.2", "QX-5.3", "QX-5.4"} <= set(db4108)
    assert "QX-6.1.1" not in db4108


def test_phrases_print_small_under_the_row(sets: dict[str, ResolvedSet]) -> None:
    cl = build_checklist(sets["db34-t-3395-2019"])
    doc = checklist_document(cl)
    table = next(b for b in doc.sections[0].blocks if isinstance(b, Table) and b.header_rows)
    small = [p.text for row in table.rows for cell in row for p in cell.paras if p.style == "cell-phrases"]
    assert len(small) == 2 and small[1].startswith("忌语：“喂！”（称呼、问候、接打电话时）；“我不知道。”")
    assert doc.styles["cell-phrases"].size < doc.styles["cell"].size
    assert 'class="cell-phrases"' in render_html(doc)


def test_standard_prints_the_condition_with_its_phrase(sets: dict[str, ResolvedSet]) -> None:
    doc = standard_tree(sets["zmd-civility-2023"])
    texts = [b.para.text for s in doc.sections for block in s.blocks if not isinstance(block, Para)
             for b in getattr(block, "items", [])]
    assert "（工作出现差错时）对不起，是我不对，请原谅，欢迎您多提宝贵意见！" in texts  # as the seed prints it
    assert "对不起，是我不对，请原谅，欢迎您多提宝贵意见！" not in texts
