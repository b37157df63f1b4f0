"""Variants at scale: a 5,000-clause synthetic standard and a variant of it with many changes.

Prints the time to load and resolve the variant (parent included), to compute its 差异对照表
rows (from its declared changes, and found clause by clause as between two editions, as ``stdgen
diff`` compares sets that declare nothing), and to write the redline DOCX. Figures only; nothing is
asserted.

    python benchmarks/bench_variant.py            # 5,000 clauses, 500 changes
    python benchmarks/bench_variant.py --quick    # 500 clauses, 50 changes
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_synthetic_set

from stdgen.artifacts.changes.redline import write_redline
from stdgen.artifacts.standard.tree import build as standard_tree
from stdgen.diagnostics import Report
from stdgen.diff import compare
from stdgen.reproducible import ZIP_EPOCH
from stdgen.workspace import open_workspace


def changes(count: int, chapters: int) -> list[dict[str, object]]:
    """A mix of the four kinds, spread over the chapters, none in conflict with another."""
    result: list[dict[str, object]] = []
    for i in range(count):
        chapter = 4 + i % chapters
        item = 1 + (i // chapters) % 10
        kind = i % 4
        if kind == 0:
            result.append({"remove": f"SY-{chapter}.{item}.4", "reason": "不适用"})
        elif kind == 1:
            result.append({"modify": f"SY-{chapter}.{item}.1", "text": "工作人员应当场办结。", "reason": "提速"})
        elif kind == 2:
            result.append({"add": {"id": f"VB-{i}", "type": "requirement", "text": "工作人员应主动告知。"},
                           "after": f"SY-{chapter}.{item}.2", "reason": "新增"})
        else:
            result.append({"move": f"SY-{chapter}.{item}.3", "before": f"SY-{chapter}.{item}.2", "reason": "调整"})
    return result


def main() -> None:
    quick = "--quick" in sys.argv
    clauses, count = (500, 50) if quick else (5000, 500)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "clauses"
        write_synthetic_set(root / "base", clauses)
        (root / "variant").mkdir()
        chapters = clauses // 50
        (root / "variant" / "standard.yaml").write_text(yaml.safe_dump(
            {"extends": "base", "code": "VB", "changes": changes(count, chapters)}, allow_unicode=True),
            encoding="utf-8")
        clock = _Clock()
        report = Report()
        ws = open_workspace(root, report)
        resolved = clock.lap()
        assert not report.errors, report.render_text()
        rs = ws.sets["variant"]
        assert rs.parent is not None
        rows = compare(rs.parent, rs).rows
        compared = clock.lap()
        editions = replace(rs, clause_set=rs.clause_set.model_copy(update={"extends": None}))  # declaring nothing
        found = compare(rs.parent, editions).rows
        compared_found = clock.lap()
        revisions = write_redline(standard_tree(rs.parent), standard_tree(rs), Path(tmp) / "redline.docx", ZIP_EPOCH)
        redlined = clock.lap()
        print(f"parent {clauses} clauses, variant with {count} changes (wall / CPU seconds)")
        print(f"load + resolve both sets: {resolved}")
        print(f"差异对照表 rows ({len(rows)}): {compared}")
        print(f"差异对照表 rows found clause by clause ({len(found)}): {compared_found}")
        print(f"redline.docx ({revisions} revisions): {redlined}")


class _Clock:
    """Wall and CPU time since the last lap (the CPU figure is steadier on a shared machine)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> str:
        wall, cpu = time.perf_counter(), time.process_time()
        text = f"{wall - self.wall:.2f} s / {cpu - self.cpu:.2f} s"
        self.wall, self.cpu = wall, cpu
        return text


if __name__ == "__main__":
    main()
