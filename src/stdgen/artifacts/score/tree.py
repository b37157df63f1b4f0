"""The score report as a document tree (HTML and PDF through the shared renderers), and as JSON."""

from __future__ import annotations

from pathlib import Path

from ...doctree import Block, Cell, Document, Para, Section, Table
from ..checklist.rows import FAIL
from ..checklist.styles import PAGE, STYLES
from ..standard.tree import template_meta
from .compute import Inspection, Score, Tally

DASH = "—"


def _pct(value: float | None) -> str:
    return DASH if value is None else f"{value * 100:.1f}%"


def _num(value: float) -> str:
    return f"{value:g}"


def _head(*names: str) -> list[Cell]:
    return [Cell([Para.of("cell-head", n)], header=True) for n in names]


def _cells(*values: str, left: tuple[int, ...] = ()) -> list[Cell]:
    return [Cell([Para.of("cell" if i in left else "cell-center", v)]) for i, v in enumerate(values)]


def _chapter_label(insp: Inspection, number: str) -> str:
    title = insp.checklist.chapters.get(number, "")
    prefix = f"附录{number}" if not number[:1].isdigit() else f"第{number}章"
    return f"{prefix}　{title}".rstrip()


def _tally_cells(t: Tally) -> list[str]:
    return [str(t.applicable), str(t.passed), str(t.failed), str(t.not_applicable), _pct(t.rate),
            f"{_num(t.points_earned)}/{_num(t.points_possible)}", _pct(t.score_rate)]


TALLY_HEAD = ("适用项", "符合项", "不符合项", "不适用项", "符合率", "得分/满分", "得分率")


def report_document(score: Score) -> Document:
    std = score.rs.standard
    blocks: list[Block] = [
        Para.of("title", f"{std.title.zh}　监督检查评分报告"),
        Para.of("subtitle", f"依据 {std.number or std.title.zh}　条款集 {score.rs.clause_set.name}"
                            f"　检查表版本 {score.version}"),
        Para.of("lead", "适用项＝符合项＋不符合项；符合率＝符合项÷适用项；得分为符合项分值之和，满分为适用项分值之和，"
                        "得分率＝得分÷满分，扣分＝满分－得分。"),
    ]
    many = len(score.inspections) > 1
    if many:
        blocks.extend(_overview(score))
    for i, insp in enumerate(score.inspections, start=1):
        blocks.extend(_inspection(insp, i if many else 0))
    header = f"{std.number or std.title.zh}　监督检查评分报告"
    return Document(title=f"{std.number or ''} {std.title.zh} 监督检查评分报告".strip(),
                    sections=[Section("report", "arabic", header, blocks, odd_start=False)], styles=STYLES, page=PAGE,
                    meta=template_meta(std))


def _overview(score: Score) -> list[Block]:
    rows = [_head("序号", "被检查单位（窗口）", "检查类型", "检查日期", *TALLY_HEAD)]
    for i, insp in enumerate(score.inspections, start=1):
        d = insp.results.details
        rows.append(_cells(str(i), d.get("unit") or Path(insp.results.file).name, d.get("type", ""),
                           d.get("date", ""), *_tally_cells(insp.total), left=(1,)))
    rows.append(_cells("", "合计", "", "", *_tally_cells(score.total), left=(1,)))
    blocks: list[Block] = [
        Para.of("heading", f"汇总（{len(score.inspections)}份检查记录）"),
        Table(rows, columns=11, header_rows=1, widths=[8, 34, 16, 18, 13, 13, 13, 13, 16, 18, 16]),
        Para.of("heading", "各条款不符合与不适用频次（不符合次数多者在前）"),
    ]
    freq = [_head("条款号", "条款ID", "检查要求", "检查次数", "不符合", "不适用")]
    for q in score.frequency:
        freq.append(_cells(q.row.number, q.row.id, q.row.short, str(q.inspected), str(q.failed),
                           str(q.not_applicable), left=(2,)))
    blocks.append(Table(freq, columns=6, header_rows=1, widths=[14, 22, 96, 16, 16, 16]))
    return blocks


def _inspection(insp: Inspection, number: int) -> list[Block]:
    res = insp.results
    d = res.details
    name = d.get("unit") or Path(res.file).name
    blocks: list[Block] = [Para.of("heading", f"检查记录{number}：{name}" if number else f"检查记录：{name}",
                                   new_page=number > 0)]
    info = [
        _cells("被检查单位（窗口）", d.get("unit", ""), "检查类型", d.get("type", ""), left=(1, 3)),
        _cells("检查人员", d.get("inspector", ""), "检查日期", d.get("date", ""), left=(1, 3)),
        _cells("检查范围", insp.checklist.scope_label, "结果文件", Path(res.file).name, left=(1, 3)),
    ]
    blocks.append(Table(info, columns=4, widths=[30, 60, 25, 65]))
    t = insp.total
    blocks.append(Table([_head(*TALLY_HEAD, "扣分"), _cells(*_tally_cells(t), _num(t.points_deducted))],
                        columns=8, header_rows=1))
    chapters = [_head("章", *TALLY_HEAD)]
    for chapter, tally in insp.chapters.items():
        chapters.append(_cells(_chapter_label(insp, chapter), *_tally_cells(tally), left=(0,)))
    blocks.append(Para.of("heading", "分章情况"))
    blocks.append(Table(chapters, columns=8, header_rows=1, widths=[52, 16, 16, 16, 16, 18, 24, 22]))
    blocks.append(Para.of("heading", f"不符合项（{len(insp.nonconformities)}项）"))
    if insp.nonconformities:
        rows = [_head("序号", "条款号", "条款ID", "检查要求", "备注", "扣分")]
        for i, f in enumerate(insp.nonconformities, start=1):
            rows.append(_cells(str(i), f.row.number, f.row.id, f.row.label, f.note, _num(f.row.points), left=(3, 4)))
        blocks.append(Table(rows, columns=6, header_rows=1, widths=[9, 15, 24, 76, 44, 12]))
    else:
        blocks.append(Para.of("body", "无。"))
    if insp.other_notes:
        blocks.append(Para.of("heading", "其他备注"))
        rows = [_head("条款号", "条款ID", "结果", "备注")]
        rows.extend(_cells(f.row.number, f.row.id, f.result, f.note, left=(3,)) for f in insp.other_notes)
        blocks.append(Table(rows, columns=4, header_rows=1, widths=[16, 26, 18, 120]))
    return blocks


def report_json(score: Score) -> dict[str, object]:
    std = score.rs.standard
    data: dict[str, object] = {
        "set": score.rs.clause_set.name, "standard": std.number, "title": std.title.zh, "version": score.version,
        "files": len(score.inspections), "total": score.total.as_json(),
        "inspections": [_inspection_json(i) for i in score.inspections],
    }
    data["frequency"] = [
        {"id": q.row.id, "number": q.row.number, "inspected": q.inspected, "failed": q.failed,
         "not_applicable": q.not_applicable} for q in score.frequency
    ]
    return data


def _inspection_json(insp: Inspection) -> dict[str, object]:
    res = insp.results
    return {
        "file": res.file, **{k: res.details.get(k, "") for k in ("unit", "type", "inspector", "date")},
        "scopes": list(insp.checklist.scopes), "recommendations": insp.checklist.recommendations,
        "total": insp.total.as_json(),
        "chapters": [{"chapter": k, "title": insp.checklist.chapters.get(k, ""), **v.as_json()}
                     for k, v in insp.chapters.items()],
        "nonconformities": [{"id": f.row.id, "number": f.row.number, "requirement": f.row.label, "note": f.note,
                             "points": f.row.points} for f in insp.findings if f.result == FAIL],
        "results": [{"id": f.row.id, "number": f.row.number, "result": f.result, "note": f.note,
                     "points": f.row.points} for f in insp.findings],
    }
