"""Every case of the bad-input corpus (tests/bad_input.py) gives exactly its expected diagnostics,
at the faulty line and column, and never a traceback or an internal error (exit 3); the cases that
are text, however hostile, build into DOCX, XLSX and HTML that print it literally."""

from __future__ import annotations

import html.parser
import json
import re
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from typer.testing import CliRunner

from bad_input import BODY, CASES, STANDARD, Case
from stdgen.build import build_set
from stdgen.cli import app
from stdgen.diagnostics import Report
from stdgen.workspace import open_workspace

runner = CliRunner()
LITERAL = [c for c in CASES if not c.expected and c.name.split("-")[0] in {"script", "img", "jinja", "cdata", "formula",
                                                                           "dde", "at"}]


def _clauses(case: Case, tmp_path: Path) -> Path:
    root = tmp_path / "clauses"
    (root / "bx").mkdir(parents=True)
    for name, data in {"standard.yaml": STANDARD.encode(), "body.yaml": BODY.encode(), **case.files}.items():
        (root / "bx" / name).write_bytes(data)
    for set_name, files in case.other_sets.items():
        (root / set_name).mkdir()
        for name, data in files.items():
            (root / set_name / name).write_bytes(data)
    if case.setup:
        case.setup(root, tmp_path)
    return root


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_input_gives_its_exact_diagnostics(case: Case, tmp_path: Path) -> None:
    root = _clauses(case, tmp_path)
    result = runner.invoke(app, ["check", "--clauses", str(root), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), result.output
    diagnostics = json.loads(result.stdout)
    codes = {e.rsplit(" ", 1)[1] for e in case.expected}
    found = sorted(f"{Path(d['position']['file']).name}:{d['position']['line']}:{d['position']['col']} {d['code']}"
                   for d in diagnostics if d["severity"] == "error" or d["code"] in codes)
    assert found == sorted(case.expected), json.dumps(diagnostics, ensure_ascii=False, indent=1)
    assert result.exit_code == (1 if any(d["severity"] == "error" for d in diagnostics) else 0)


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.handlers = False
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.handlers |= any(name.startswith("on") for name, _ in attrs)

    def handle_data(self, data: str) -> None:
        self.text += data


@pytest.mark.parametrize("case", LITERAL, ids=lambda c: c.name)
def test_hostile_text_builds_and_prints_literally(case: Case, tmp_path: Path) -> None:
    root = _clauses(case, tmp_path)
    report = Report()
    rs = open_workspace(root, report).sets["bx"]
    build_set(rs, tmp_path / "out", report, formats=("html", "docx", "xlsx"))
    assert not report.errors, report.render_text()
    out = tmp_path / "out" / "bx"
    hostile = _hostile_text(case)
    page = _Page()
    page.feed((out / "standard.html").read_text(encoding="utf-8"))
    assert not page.tags & {"script", "img"} and not page.handlers
    assert hostile in page.text
    for name in ("standard.docx", "checklist.docx", "checklist.xlsx"):
        with zipfile.ZipFile(out / name) as package:
            assert package.testzip() is None
    printed = "\n".join(p.text for p in docx.Document(str(out / "standard.docx")).paragraphs)
    assert hostile in printed
    cells = [c for ws in openpyxl.load_workbook(out / "checklist.xlsx").worksheets for row in ws.iter_rows()
             for c in row if isinstance(c.value, str)]
    assert all(c.data_type == "s" or re.match(r"=(COUNTIF|IF|SUMIF)\(", c.value) for c in cells)


def _hostile_text(case: Case) -> str:
    """The hostile part the case wrote (after the YAML quoting)."""
    for data in case.files.values():
        text = data.decode("utf-8")
        for marker in ("<script>alert(1)</script>", "<img src=x onerror=\"alert(1)\">", "{{ 7*7 }}", "]]>",
                       '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "@SUM(A1:A2)"):
            if marker in text:
                return marker
    raise AssertionError(case.name)


@pytest.mark.parametrize(("args", "expected"), [
    (["build", "../bx"], "clauses:0:0 F004"),
    (["build", "/etc"], "clauses:0:0 F004"),
    (["build", "bx", "--out", "{file}"], "out.txt:0:0 B006"),
    (["checklist", "bx", "--out", "{file}"], "out.txt:0:0 B006"),
])
def test_command_line_paths(args: list[str], expected: str, tmp_path: Path) -> None:
    root = _clauses(Case("plain", {}, []), tmp_path)
    (tmp_path / "out.txt").write_text("not a folder", encoding="utf-8")
    argv = [a.replace("{file}", str(tmp_path / "out.txt")) for a in args]
    result = runner.invoke(app, [*argv, "--clauses", str(root), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    found = [f"{Path(d['position']['file']).name}:{d['position']['line']}:{d['position']['col']} {d['code']}"
             for d in json.loads(result.stdout)]
    assert found == [expected]
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "not a folder"


def test_an_output_folder_that_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only or full disk (simulated: tests may run as root, who may write anywhere)."""
    root = _clauses(Case("plain", {}, []), tmp_path)
    out = tmp_path / "out"
    real_mkdir = Path.mkdir

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        if self == out or out in self.parents:
            raise PermissionError(13, "Permission denied", str(self))
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", refuse)
    result = runner.invoke(app, ["build", "bx", "--clauses", str(root), "--out", str(out), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    (problem,) = json.loads(result.stdout)
    assert problem["code"] == "B006" and "Permission denied" in problem["message"]
