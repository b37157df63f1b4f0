"""GB/T 1.1—2009 前言 details, standard.yaml suppressions, all-parts citations, draft placeholder numbers."""

from __future__ import annotations

from pathlib import Path

from stdgen.artifacts.standard.wording import foreword
from stdgen.diagnostics import Report
from stdgen.importer import import_file
from stdgen.lint import lint_set
from stdgen.loader import load_set
from stdgen.resolve import resolve

STANDARD = """code: T
number: DB3402/T XXXX—2025
banner: 芜湖市地方标准
title: 测试规范
issuer: 芜湖市市场监督管理局
status: draft
edition: 2009
patent_notice: false
proposer: [芜湖市数据资源管理局]
administered_by: [芜湖市市场监督管理局]
lead_drafting_units: [芜湖市数据资源管理局]
participating_units: [芜湖市标准化研究院, 镜湖区政务服务中心]
drafters: [翁明, 徐济中]
replaces: [DB3402/T 1—2015]
foreword_order: [drafted, proposer, administered_by, lead_drafting_units, participating_units, drafters, replaces]
scope: [本标准规定了测试。, 本标准适用于芜湖市政务服务窗口，其他单位可参照执行。]
normative_references:
  - {number: GB/T 32169（所有部分）, title: 政务服务中心运行规范}
"""
BODY = "clauses:\n  - id: T-4\n    title: 要求\n    type: requirement\n    text: 窗口应符合 GB/T 32169.3 的要求。\n"
SUPPRESS = "suppress:\n  - {code: L111, reason: 范围照原文写“可参照执行”，是发布文本的用语}\n"


def _check(root: Path, standard: str = STANDARD) -> tuple[Report, object]:
    folder = root / "t"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "standard.yaml").write_text(standard, encoding="utf-8")
    (folder / "body.yaml").write_text(BODY, encoding="utf-8")
    report = Report()
    loaded = load_set(folder, report)
    assert loaded is not None, report.render_text()
    resolved = resolve(loaded, report)
    lint_set(resolved, loaded, report)
    return report, resolved


def test_foreword_in_the_source_order_with_lead_and_participating_units(tmp_path: Path) -> None:
    _, resolved = _check(tmp_path)
    assert foreword(resolved.standard) == [  # type: ignore[attr-defined]
        "本标准按照GB/T\u00a01.1—2009给出的规则起草。",  # the edition table's sentence, em dash as printed
        "本标准由芜湖市数据资源管理局提出。",
        "本标准由芜湖市市场监督管理局归口。",
        "本标准负责起草单位：芜湖市数据资源管理局。",
        "本标准参与起草单位：芜湖市标准化研究院、镜湖区政务服务中心。",
        "本标准主要起草人：翁明、徐济中。",
        "本标准代替DB3402/T 1—2015。",
    ]


def test_import_reads_them_back_in_order(tmp_path: Path) -> None:
    _, resolved = _check(tmp_path / "clauses")
    std = resolved.standard  # type: ignore[attr-defined]
    source = tmp_path / "std.txt"
    lines = ["芜湖市地方标准", "DB3402/T XXXX—2025", "测试规范", "前 言", *foreword(std), "测试规范", "1 范围",
             *std.scope, "2 规范性引用文件", "GB/T 32169（所有部分） 政务服务中心运行规范", "3 术语和定义",
             "4 要求", "窗口应符合 GB/T 32169.3 的要求。"]
    source.write_text("\n\n".join(lines), encoding="utf-8")
    parsed = import_file(source, "T", tmp_path / "imported").parsed.standard
    for key in ("lead_drafting_units", "participating_units", "drafters", "replaces", "proposer", "administered_by",
                "foreword_order", "edition", "status", "number"):
        assert parsed[key] == getattr(std, key), key
    assert parsed["normative_references"] == [{"number": "GB/T 32169（所有部分）", "title": "政务服务中心运行规范"}]


def test_all_parts_reference_cited_by_a_part_and_draft_number_accepted(tmp_path: Path) -> None:
    report, _ = _check(tmp_path)
    assert [d.code for d in report.items] == ["L111"]  # no L206, L212 (GB/T 32169.3), L207 (XXXX in a draft)


def test_placeholder_number_only_in_a_draft(tmp_path: Path) -> None:
    report, _ = _check(tmp_path, STANDARD.replace("status: draft", "status: published"))
    assert "L207" in {d.code for d in report.items}


def test_standard_yaml_suppression(tmp_path: Path) -> None:
    report, _ = _check(tmp_path, STANDARD + SUPPRESS)
    assert [(d.code, d.position.line) for d in report.items] == [("L401", 20)]
    assert "L111" in report.items[0].message


def test_standard_yaml_suppression_needs_a_reason(tmp_path: Path) -> None:
    report, _ = _check(tmp_path, STANDARD + "suppress:\n  - {code: L111, reason: todo}\n")
    assert sorted(d.code for d in report.items) == ["L111", "L404"]
