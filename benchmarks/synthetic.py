"""Write a synthetic clause set of N clauses, for benchmarks and scale tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SENTENCE = "工作人员应按照规定的程序和时限办理服务事项，并向服务对象说明办理进度和结果。"
PHRASES_EVERY = 10  # the first clause of every other 事项 gives phrases: the counter cards grow with the set
CLAUSES_PER_FORM = 500  # one form (and the annex that shows it) per 500 clauses: the forms grow too


def write_synthetic_set(folder: Path, clauses: int, code: str = "SY") -> Path:
    """A standard with chapters of 10 clauses each having 4 sub-clauses (50 clauses a chapter); one clause
    in PHRASES_EVERY gives recommended and forbidden phrases, and each CLAUSES_PER_FORM clauses add a form
    in an annex of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "standard.yaml").write_text(yaml.safe_dump({
        "code": code, "number": "DB34/T 9999—2026", "banner": "安徽省地方标准", "mark": "DB34",
        "title": {"zh": f"合成标准（{clauses}条）"}, "issuer": "安徽省市场监督管理局",
        "issued": "2026-01-01", "implemented": "2026-02-01", "scope": ["本文件规定了合成测试内容。"],
    }, allow_unicode=True), encoding="utf-8")
    chapters: list[dict[str, Any]] = []
    made = 0
    chapter_no = 4
    while made < clauses:
        subs = []
        for c in range(1, 11):
            leaves: list[dict[str, Any]] = [
                {"id": f"{code}-{chapter_no}.{c}.{k}", "type": "requirement", "text": f"{SENTENCE}（{k}）"}
                for k in range(1, 5)]
            if c % 2:
                leaves[0]["phrases"] = [_phrases(f"{chapter_no}.{c}")]
            subs.append({"id": f"{code}-{chapter_no}.{c}", "title": f"事项{chapter_no}.{c}", "clauses": leaves})
        chapters.append({"id": f"{code}-{chapter_no}", "title": f"第{chapter_no}类事项", "clauses": subs})
        made += 50
        chapter_no += 1
    forms = [_form(code, i) for i in range(1, max(1, clauses // CLAUSES_PER_FORM) + 1)]
    annexes = [{"id": f"{code}-{_letter(i)}", "title": form["title"], "normative": False, "form": form["id"]}
               for i, form in enumerate(forms)]
    for chapter, annex in zip(chapters, annexes, strict=False):  # each annex cited in the body (GB/T 1.1)
        cited = chapter["clauses"][0]["clauses"][1]
        cited["text"] = cited["text"].replace("（2）", f"（2，登记表见[[{annex['id']}]]）")
    (folder / "body.yaml").write_text(yaml.safe_dump({"clauses": chapters, "annexes": annexes, "forms": forms},
                                                     allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def _phrases(matter: str) -> dict[str, Any]:
    return {"scenario": f"办理事项{matter}时",
            "recommended": [f"您好，请问办理事项{matter}吗？", f"请您出示办理事项{matter}的证件，我马上为您办理。"],
            "forbidden": [{"text": f"事项{matter}不归我管，问别人去。",
                           "instead": f"事项{matter}由窗口受理，我带您过去。"}]}


def _form(code: str, number: int) -> dict[str, Any]:
    return {"id": f"{code}-FORM-{number}", "title": f"服务事项登记表（{number}）", "columns": 4, "rows": [
        [{"label": "申请人"}, {"field": "applicant"}, {"label": "联系电话"}, {"field": "phone", "kind": "phone"}],
        [{"label": "办理事项"}, {"field": "matter", "colspan": 3}],
        [{"label": "登记时间"}, {"field": "registered_on", "kind": "date"}, {"label": "受理人"}, {"field": "receiver"}],
        [{"label": "办理意见"}, {"field": "opinion", "kind": "multiline", "lines": 3, "colspan": 3}],
    ]}


def _letter(index: int) -> str:
    return "ABCDEFGHJKLMNPQRSTUVWXYZ"[index]  # annex letters skip I and O
