"""What takes a PDF's pages is made from the pages the last build recorded while the PDF is rendered, and made
again when the new PDF's pages differ: a DOCX's 目次 (build.REUSES) in a worker, and the cross-set files
(xref, site) in the build's own process (build.CrossAhead). Either way they are the files a build from
nothing writes, byte for byte."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import CLAUSES
from stdgen import build
from stdgen.build import build_sets
from stdgen.diagnostics import Report
from stdgen.workspace import open_workspace

pytestmark = pytest.mark.slow
SET = "zmd-civility-2023"
WORDS = "必备的综合素质。"  # the end of the first chapter's lead-in (ZMD-P1)


class Order:
    """Progress that keeps the order in which files were done."""

    def __init__(self) -> None:
        self.files: list[str] = []

    def planned(self, todo: dict[str, int]) -> None:
        pass

    def done(self, set_name: str, file: str) -> None:
        self.files.append(file)


def _build(clauses: Path, out: Path, jobs: int, force: bool = False) -> list[str]:
    report = Report()
    order = Order()
    ws = open_workspace(clauses, report, [SET])
    build_sets(ws.sets.values(), out, report, jobs=jobs, force=force, progress=order)
    assert not report.errors, report.render_text()
    return order.files


def _pages(out: Path) -> dict[str, int]:
    pages: dict[str, int] = json.loads((out / SET / "build.json").read_text(encoding="utf-8"))["pages"]["standard.pdf"]
    return pages


def _edit(clauses: Path, added: str) -> None:
    body = clauses / SET / "body.yaml"
    text = body.read_text(encoding="utf-8")
    body.write_text(text.replace(WORDS, WORDS + added, 1), encoding="utf-8")


@pytest.mark.parametrize("added, moves", [("（修改）", False), ("新增的说明文字。" * 400, True)])
def test_the_docx_is_the_one_a_fresh_build_writes(tmp_path: Path, added: str, moves: bool,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    clauses = tmp_path / "clauses"
    shutil.copytree(CLAUSES / SET, clauses / SET)
    out = tmp_path / "out"
    _build(clauses, out, jobs=2)
    before = _pages(out)
    _edit(clauses, added)
    submitted: list[str] = []
    submit = build._Workers.submit

    def recorded(workers: build._Workers, task: build.Task) -> None:
        submitted.append(task.job.file)
        submit(workers, task)

    monkeypatch.setattr(build._Workers, "submit", recorded)
    order = _build(clauses, out, jobs=2)
    assert sorted(order) == ["standard.docx", "standard.html", "standard.pdf"]
    assert (_pages(out) != before) is moves  # the long addition pushes the chapters after it to later pages
    # the DOCX starts with the PDF, from the pages of the last build; once more only when the new ones differ
    assert submitted[:3] == ["standard.pdf", "standard.docx", "standard.html"]
    assert submitted.count("standard.docx") == (2 if moves else 1)
    fresh = tmp_path / "fresh"
    _build(clauses, fresh, jobs=1, force=True)
    assert (out / SET / "standard.docx").read_bytes() == (fresh / SET / "standard.docx").read_bytes()
    assert (out / SET / "standard.pdf").read_bytes() == (fresh / SET / "standard.pdf").read_bytes()


def _build_all(clauses: Path, out: Path, force: bool = False) -> Report:
    """As `stdgen build` does: the sets, then the cross-set files, staged ahead while the workers render."""
    report = Report()
    ws = open_workspace(clauses, report)
    with build.CrossAhead(ws, out, force) as ahead:
        build_sets(ws.sets.values(), out, report, jobs=2, force=force, meanwhile=ahead)
        if not report.failed():
            build.build_workspace(ws, out, report, force=force, ahead=ahead)
    return report


def _tree(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(".")}


@pytest.mark.parametrize("added, moves", [("（修改）", False), ("新增的说明文字。" * 400, True)])
def test_cross_set_files_staged_ahead_are_kept_only_when_the_pages_came_true(
        tmp_path: Path, added: str, moves: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    clauses = tmp_path / "clauses"
    for name in (SET, "window-conduct"):
        shutil.copytree(CLAUSES / name, clauses / name)
    out = tmp_path / "out"
    assert not _build_all(clauses, out).errors
    _edit(clauses, added)
    staged: list[build.Outputs] = []
    stage = build._stage_cross

    def counted(ws: object, out_root: Path, outputs: build.Outputs, force: bool) -> object:
        staged.append(outputs)
        return stage(ws, out_root, outputs, force)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "_stage_cross", counted)
    report = _build_all(clauses, out)
    assert not report.errors, report.render_text()
    final = build.Outputs.read(out, [SET, "window-conduct"])
    assert staged[-1] == final  # what was renamed into place was made from the outputs the sets have
    # staged once, ahead, when the pages stayed; when they moved, again after the sets if staged before the PDF
    assert len(staged) == 1 if not moves else (len(staged) == 1 or staged[0] != final)
    assert not [p for p in out.iterdir() if p.name.startswith(".stdgen-") and p.name != ".stdgen-lock"]
    monkeypatch.undo()
    fresh = tmp_path / "fresh"
    _build_all(clauses, fresh, force=True)
    assert _tree(out) == _tree(fresh)


def test_what_was_staged_ahead_is_removed_when_a_set_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clauses = tmp_path / "clauses"
    shutil.copytree(CLAUSES / SET, clauses / SET)
    out = tmp_path / "out"
    assert not _build_all(clauses, out).errors
    before = _tree(out)
    _edit(clauses, "（修改）")
    monkeypatch.setattr(build, "WRITERS", {**build.WRITERS, "pdf": _fails})  # the edited standard's PDF fails
    staged: list[object] = []
    stage = build._stage_cross

    def kept(*args: object) -> object:
        staged.append(stage(*args))  # type: ignore[arg-type]
        return staged[-1]

    monkeypatch.setattr(build, "_stage_cross", kept)
    report = _build_all(clauses, out)
    assert [d.code for d in report.errors] == ["B001"]
    assert len(staged) == 1 and staged[0] is not None  # staged ahead, then not taken
    assert _tree(out) == before  # the set and the cross-set files as they were, nothing staged left over
    assert not [p for p in out.iterdir() if p.name.startswith(".stdgen-") and p.name != ".stdgen-lock"]


def _fails(doc: object, path: Path) -> None:
    raise RuntimeError("a template failed")


def test_the_outputs_foreseen_take_the_pages_of_each_pdf_written_so_far() -> None:
    pdf, docx = build.Job("standard", "standard", "pdf", "k1"), build.Job("standard", "standard", "docx", "k2")
    named = SimpleNamespace(clause_set=SimpleNamespace(name="s"))
    w = build._SetWork(named, Path("out/s"), [pdf, docx], [pdf, docx],  # type: ignore[arg-type]
                       {"pages": {"standard.pdf": {"A": 1}}}, {}, True)
    keys = {"s": {"standard.pdf": "k1", "standard.docx": "k2"}}
    assert build._foreseen([w]) == build.Outputs(keys, {"s": {"standard.pdf": {"A": 1}}})  # the last build's
    w.pages["standard.pdf"] = {"A": 2}
    assert build._foreseen([w]) == build.Outputs(keys, {"s": {"standard.pdf": {"A": 2}}})  # written: its own
    w.old, w.pages = {}, {}
    assert build._foreseen([w]) is None  # no record to go by
