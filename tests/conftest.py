from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
