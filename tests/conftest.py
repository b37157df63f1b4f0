from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from stdgen.diagnostics import Report
from stdgen.loader import load_set
from stdgen.resolve import ResolvedSet, resolve

ROOT = Path(__file__).resolve().parents[1]
CLAUSES = ROOT / "clauses"


@pytest.fixture
def set_copy(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Copy a bundled clause set into tmp_path/clauses/<name> and return its folder."""

    def copy(name: str) -> Path:
        target = tmp_path / "clauses" / name
        shutil.copytree(CLAUSES / name, target)
        return target

    return copy


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing needle."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def resolve_alone(folder: Path, *, clean: bool = False) -> ResolvedSet:
    """A bundled set loaded and resolved on its own (links into other sets are not checked).

    clean: no diagnostic at all, not only no error."""
    report = Report()
    loaded = load_set(folder, report)
    assert loaded is not None, report.render_text()
    result = resolve(loaded, report)
    assert not (report.items if clean else report.errors), report.render_text()
    return result
