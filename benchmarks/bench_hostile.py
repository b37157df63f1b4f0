"""Cost of hostile input: does checking and building grow linearly with the input?

Prints, for one clause whose text grows (up to the 2 MB file limit), the time of `stdgen check`
(load, resolve, lint) and of writing HTML, DOCX and XLSX, and for a shorter range the PDF; then
the check of deeply nested and alias-heavy files. Each figure is per 1,000 characters too, so a
quadratic cost shows as a growing second column. Nothing is asserted.

    python benchmarks/bench_hostile.py          # about 3 minutes on 2 cores
    python benchmarks/bench_hostile.py --quick  # without the PDFs
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from stdgen.build import build_set
from stdgen.diagnostics import Report
from stdgen.lint import lint_workspace
from stdgen.workspace import open_workspace

STANDARD = """\
code: BX
number: DB99/T 1—2024
banner: 测试省地方标准
title: {zh: 测试服务规范}
issuer: 测试省市场监督管理局
scope: [本文件规定了测试。]
"""
SENTENCE = "窗口工作人员应当热情服务，耐心解答办事群众的问题，"


def _set(root: Path, body: str) -> Path:
    shutil.rmtree(root, ignore_errors=True)
    (root / "bx").mkdir(parents=True)
    (root / "bx" / "standard.yaml").write_text(STANDARD, encoding="utf-8")
    (root / "bx" / "body.yaml").write_text(body, encoding="utf-8")
    return root


def _long_text(chars: int) -> str:
    text = (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]
    return ("clauses:\n  - id: BX-4\n    title: 窗口\n    clauses:\n      - id: BX-4.1\n        type: requirement\n"
            f"        text: 应{text}。\n      - id: BX-4.2\n        type: requirement\n        text: 应整洁。\n")


def _timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def _check(root: Path) -> None:
    report = Report()
    lint_workspace(open_workspace(root, report), report)


def _build(root: Path, out: Path, formats: tuple[str, ...]) -> None:
    report = Report()
    build_set(open_workspace(root, report).sets["bx"], out, report, formats=formats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the PDFs")
    quick = parser.parse_args().quick
    tmp = Path(tempfile.mkdtemp())
    try:
        print("one clause text of N characters (UTF-8: 3 bytes each)")
        print(f"{'N':>8} {'check s':>8} {'ms/1k':>6} {'html+docx+xlsx s':>17} {'ms/1k':>6}")
        for chars in (50_000, 100_000, 200_000, 400_000, 600_000):
            root = _set(tmp / "c", _long_text(chars))
            check = _timed(partial(_check, root))
            build = _timed(partial(_build, root, tmp / "o", ("html", "docx", "xlsx")))
            print(f"{chars:>8} {check:>8.2f} {check / chars * 1e6:>6.2f} {build:>17.2f} {build / chars * 1e6:>6.2f}")
        if not quick:
            print(f"{'N':>8} {'pdf s':>8} {'ms/1k':>6}")
            for chars in (10_000, 20_000, 40_000):
                root = _set(tmp / "c", _long_text(chars))
                pdf = _timed(partial(_build, root, tmp / "o", ("pdf",)))
                print(f"{chars:>8} {pdf:>8.2f} {pdf / chars * 1e6:>6.1f}")
        print("check of hostile structure")
        cases = {
            "1,000-level flow nesting": "annexes: " + "[" * 1000 + "]" * 1000 + "\n",
            "10,000-level flow nesting": "annexes: " + "[" * 10_000 + "]" * 10_000 + "\n",
            "200-level block nesting": "forms:\n" + "".join(f"{'  ' * i}k{i}:\n" for i in range(1, 200)),
            "billion laughs (9 levels)": "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
                f"{k}: &{k} [{', '.join(['*' + p] * 9)}]\n" for p, k in zip("abcdefgh", "bcdefghi", strict=True)),
        }
        for name, body in cases.items():
            root = _set(tmp / "c", body)
            print(f"  {name:<28} {_timed(partial(_check, root)):6.2f} s")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
