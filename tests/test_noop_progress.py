"""A no-op build answers from its record, without importing what it does not use; the progress
line counts sets and files."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CLAUSES
from stdgen import uptodate
from stdgen.build import build_sets
from stdgen.diagnostics import Report
from stdgen.progress import BuildProgress
from stdgen.workspace import open_workspace

SETS = ["window-conduct", "zmd-civility-2023"]  # two small sets: quick to build
HEAVY = ("yaml", "pydantic", "docx", "openpyxl", "jinja2", "weasyprint", "lxml", "typer")


def _stdgen(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    return subprocess.run([sys.executable, "-X", "importtime", "-m", "stdgen", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def _imported(stderr: str) -> set[str]:
    return {line.split("|")[-1].strip() for line in stderr.splitlines() if line.startswith("import time:")}


def _messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if not line.startswith("import time:")]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    clauses = tmp_path / "clauses"
    clauses.mkdir()
    for name in SETS:
        shutil.copytree(CLAUSES / name, clauses / name)
    return tmp_path


@pytest.mark.slow
def test_noop_build_replays_the_diagnostics_and_imports_nothing_heavy(project: Path) -> None:
    first = _stdgen(project, "build", "--jobs", "1")
    assert first.returncode == 0, first.stderr
    found = [line for line in _messages(first.stderr) if re.search(r" [A-Z]\d{3} (警告|信息)：", line)]
    assert found  # the bundled sets have lint warnings: a replay must show them again

    again = _stdgen(project, "build")
    assert again.returncode == 0
    diagnostics = [m for m in _messages(first.stderr) if not re.fullmatch(r"生成\d+个条款集的\d+个文件", m)]  # the plan
    assert _messages(again.stderr) == [*diagnostics, "没有变化：无需构建"]
    assert not _imported(again.stderr) & set(HEAVY), "a no-op build imported " + ", ".join(
        sorted(_imported(again.stderr) & set(HEAVY)))

    as_json = _stdgen(project, "build", "--format", "json")
    assert as_json.returncode == 0
    codes = [d["code"] for d in json.loads(as_json.stdout)]
    assert len(codes) == len(found)

    strict = _stdgen(project, "build", "--strict")  # the recorded warnings fail a strict run, as they would
    assert strict.returncode == 1
    assert _messages(strict.stderr)[-1].endswith("个警告")


@pytest.mark.slow
def test_a_change_or_a_missing_file_is_not_a_noop(project: Path) -> None:
    assert _stdgen(project, "build", "--jobs", "1").returncode == 0
    out = project / "output"
    (out / SETS[0] / "standard.pdf").unlink()
    rebuilt = _stdgen(project, "build", "--jobs", "1")
    assert rebuilt.returncode == 0 and (out / SETS[0] / "standard.pdf").is_file()
    assert "pydantic" in _imported(rebuilt.stderr)  # the full path ran

    body = project / "clauses" / SETS[1] / "body.yaml"
    body.write_text(body.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    key_before = json.loads((out / uptodate.RECORD).read_text(encoding="utf-8"))["key"]
    edited = _stdgen(project, "build", "--jobs", "1")
    assert edited.returncode == 0 and "pydantic" in _imported(edited.stderr)
    assert json.loads((out / uptodate.RECORD).read_text(encoding="utf-8"))["key"] != key_before

    assert "pydantic" in _imported(_stdgen(project, "build", "--force", "--jobs", "1").stderr)


def test_replay_refuses_what_it_does_not_know(tmp_path: Path) -> None:
    for argv in (["build", "--force"], ["build", "--help"], ["build", "--new-option"], ["check"],
                 ["build", "--jobs", "x"], ["build", "--format", "xml"]):
        assert uptodate.replay_build(argv) is None, argv
    assert uptodate.replay(tmp_path, "no record") is None


def test_progress_line_counts_sets_and_files() -> None:
    stream = io.StringIO()
    progress = BuildProgress(stream, enabled=True, lang="en")
    progress.planned({"a": 2, "b": 1, "c": 0})
    assert progress.line().startswith("building [") and "sets 1/3  files 0/3" in progress.line()
    progress.done("a", "standard.pdf")
    assert "sets 1/3  files 1/3  a/standard.pdf" in progress.line()
    progress.done("b", "standard.pdf")
    progress.done("a", "checklist.pdf")
    assert "sets 3/3  files 3/3" in progress.line() and "[" + "#" * 20 + "]" in progress.line()
    progress.close()
    drawn = stream.getvalue()
    assert drawn.count("\r") == 4 and drawn.endswith("\n")
    log = io.StringIO()
    BuildProgress(log, lang="en").planned({"a": 2, "b": 0})  # not a terminal: the plan on one line, no redraw
    assert log.getvalue() == "building 2 files of 1 sets\n"
    chinese = io.StringIO()
    BuildProgress(chinese).planned({"a": 2, "b": 0})
    assert chinese.getvalue() == "生成1个条款集的2个文件\n"
    quiet = io.StringIO()
    BuildProgress(quiet, quiet=True).planned({"a": 1})  # --format json
    assert quiet.getvalue() == ""


@pytest.mark.slow
def test_build_reports_progress_per_file_and_set(tmp_path: Path) -> None:
    report = Report()
    ws = open_workspace(CLAUSES, report, SETS)
    calls: list[tuple[str, str]] = []

    class Recording(BuildProgress):
        def done(self, set_name: str, file: str) -> None:
            calls.append((set_name, file))
            super().done(set_name, file)

    progress = Recording(io.StringIO(), enabled=True)
    written = build_sets(list(ws.sets.values()), tmp_path, report, progress=progress)
    assert progress.sets == 2 and progress.files == len(written) == len(calls)
    assert progress.sets_done == 2 and progress.files_done == progress.files
    assert {s for s, _ in calls} == set(SETS)

    again = Recording(io.StringIO(), enabled=True)
    build_sets(list(ws.sets.values()), tmp_path, report, progress=again)  # up to date: two sets done, no files
    assert (again.sets, again.files, again.sets_done) == (2, 0, 2)


@pytest.mark.slow
def test_an_edit_that_writes_no_workbook_does_not_import_openpyxl(project: Path) -> None:
    """openpyxl (0.12 s to import) is imported by a process that writes a workbook, not by every build."""
    assert _stdgen(project, "build", "--jobs", "1").returncode == 0
    body = project / "clauses" / "zmd-civility-2023" / "body.yaml"
    text = body.read_text(encoding="utf-8")
    body.write_text(text.replace("必备的综合素质", "必备的综合素养"), encoding="utf-8")  # a lead-in: on no checklist
    standard_only = _stdgen(project, "build", "--jobs", "1")
    assert standard_only.returncode == 0, standard_only.stderr
    assert "weasyprint" in _imported(standard_only.stderr)  # the standard was written again
    assert "openpyxl" not in _imported(standard_only.stderr)

    body.write_text(text.replace("让服务对象满意。", "让服务对象更满意。", 1), encoding="utf-8")  # a checklist row
    with_rows = _stdgen(project, "build", "--jobs", "1")
    assert with_rows.returncode == 0, with_rows.stderr
    assert "openpyxl" in _imported(with_rows.stderr)


def test_the_modules_of_a_build_import_no_writer_library() -> None:
    """python-docx, openpyxl and WeasyPrint are imported by the process that writes with them (WeasyPrint by
    the build itself just before its workers fork, when a PDF is to be written), not with stdgen's modules:
    python-docx alone took 0.1 s of every one-clause edit's main process."""
    code = ("import sys, stdgen.cli, stdgen.build, stdgen.lint, stdgen.serve, stdgen.site, stdgen.xref; "
            "print(sorted(m for m in ('docx', 'openpyxl', 'weasyprint') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
