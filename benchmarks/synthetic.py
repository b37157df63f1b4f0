"""Write a synthetic clause set of N clauses, for benchmarks and scale tests."""

from __future__ import annotations

from pathlib import Path

import yaml

SENTENCE = "工作人员应按照规定的程序和时限办理服务事项，并向服务对象说明办理进度和结果。"


def write_synthetic_set(folder: Path, clauses: int, code: str = "SY") -> Path:
    """A standard with chapters of 10 clauses each having 4 sub-clauses (50 clauses a chapter)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "standard.yaml").write_text(yaml.safe_dump({
        "code": code, "number": "DB34/T 9999—2026", "banner": "安徽省地方标准", "mark": "DB34",
        "title": {"zh": f"合成标准（{clauses}条）"}, "issuer": "安徽省市场监督管理局",
        "issued": "2026-01-01", "implemented": "2026-02-01", "scope": ["本文件规定了合成测试内容。"],
    }, allow_unicode=True), encoding="utf-8")
    chapters = []
    made = 0
    chapter_no = 4
    while made < clauses:
        subs = []
        for c in range(1, 11):
            leaves = [{"id": f"{code}-{chapter_no}.{c}.{k}", "type": "requirement", "text": f"{SENTENCE}（{k}）"}
                      for k in range(1, 5)]
            subs.append({"id": f"{code}-{chapter_no}.{c}", "title": f"事项{c}", "clauses": leaves})
        chapters.append({"id": f"{code}-{chapter_no}", "title": f"第{chapter_no}类事项", "clauses": subs})
        made += 50
        chapter_no += 1
    (folder / "body.yaml").write_text(yaml.safe_dump({"clauses": chapters}, allow_unicode=True, sort_keys=False),
                                      encoding="utf-8")
    return folder
