"""Reproducible builds: the same clause sets give byte-identical files in every format."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from conftest import CLAUSES, ROOT, resolve_alone
from stdgen.build import build_set
from stdgen.diagnostics import Report
from stdgen.reproducible import source_date
from stdgen.uptodate import RECORD

SRC = str(ROOT / "src")


def _stdgen(*args: str) -> None:
    environment = {**os.environ, "PYTHONPATH": SRC}
    environment.pop("SOURCE_DATE_EPOCH", None)
    result = subprocess.run([sys.executable, "-m", "stdgen", *args], capture_output=True, text=True,
                            env=environment, cwd=ROOT)
    assert result.returncode == 0, result.stderr


def _files(folder: Path) -> list[str]:
    """The build's products: not the run record, a local cache of this folder's options, sizes and times."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file() and p.name != RECORD)


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    _stdgen("build", "--clauses", str(CLAUSES), "--out", str(first), "--jobs", "2")
    time.sleep(2.1)  # zip timestamps have a two-second grain: a clock-stamped file would differ
    _stdgen("build", "--clauses", str(CLAUSES), "--out", str(second), "--jobs", "1", "--force")
    names = _files(first)
    assert names == _files(second)
    assert {n.rsplit(".", 1)[-1] for n in names} >= {"docx", "pdf", "html", "xlsx", "json"}
    for name in names:
        same = subprocess.run(["cmp", str(first / name), str(second / name)], capture_output=True, text=True)
        assert same.returncode == 0, same.stdout


def test_zip_packages_are_sorted_and_dated_from_the_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    rs = resolve_alone(CLAUSES / "db4108-t-6-2020")
    build_set(rs, tmp_path, Report(), formats=("docx", "xlsx"))
    issued = rs.standard.issued
    assert issued is not None
    for name in ("standard.docx", "checklist.docx", "checklist.xlsx"):
        with zipfile.ZipFile(tmp_path / rs.clause_set.name / name) as package:
            infos = package.infolist()
            assert [i.filename for i in infos] == sorted(i.filename for i in infos)
            assert {i.date_time[:3] for i in infos} == {(issued.year, issued.month, issued.day)}
            core = package.read("docProps/core.xml").decode()
            assert core.count(f"{issued.isoformat()}T00:00:00Z") == 2, core  # created and modified


def test_source_date_epoch_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert source_date([dt.date(2019, 11, 4)]) == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert source_date([dt.date(2019, 11, 4), None, dt.date(2020, 1, 2)]).date() == dt.date(2020, 1, 2)
    assert source_date([]).year == 1980  # no date anywhere: the zip epoch, never the clock
