"""`stdgen checklist`, `stdgen cards` and `stdgen score` write like `stdgen build`: under the output
folder's lock, staged as `.stdgen-tmp-…` files renamed into place together, so two runs never
interleave, a killed run leaves debris the next run removes, and a failed run keeps the previous files."""

from __future__ import annotations

import signal
import time
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from cli_process import StdgenProcess
from conftest import CLAUSES
from stdgen import outdir
from stdgen.artifacts.cards import build as cards_build
from stdgen.artifacts.cards import docx as cards_docx
from stdgen.artifacts.checklist import build as checklist_build
from stdgen.diagnostics import Report
from stdgen.workspace import open_workspace

COMMANDS = {
    "checklist": ["checklist", "window-conduct", "--scope", "window"],
    "cards": ["cards", "db34-t-3395-2019", "--scope", "window"],
}


def _run(args: list[str], out: Path, pause: str | None = None) -> StdgenProcess:
    return StdgenProcess([*args, "--clauses", str(CLAUSES), "--out", str(out)], pause)


def _debris(out: Path) -> list[str]:
    return sorted(p.name for p in out.rglob(f"{outdir.PREFIX}*") if p.name != outdir.LOCK)


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.name.startswith(outdir.PREFIX)}


def _assert_whole(files: dict[str, bytes], out: Path) -> None:
    for name in files:
        path = out / name
        if path.suffix in {".docx", ".xlsx"}:
            with zipfile.ZipFile(path) as package:
                assert package.testzip() is None, name
        elif path.suffix == ".pdf":
            assert len(PdfReader(path).pages) > 0, name


@pytest.mark.slow
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_second_run_waits_and_removes_what_a_killed_run_left(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out"
    first = _run(COMMANDS[command], out, pause="files")  # every file staged, none renamed yet
    first.wait_for("paused at files")
    staged = _debris(out)
    assert staged and all(name.startswith(outdir.TMP) for name in staged), staged
    assert _files(out) == {}  # nothing in place before the commit

    second = _run(COMMANDS[command], out)
    second.wait_for("另一个 stdgen 进程正在写入")
    time.sleep(0.5)
    assert second.proc.poll() is None and _debris(out) == staged  # it waits: nothing interleaves
    first.proc.send_signal(signal.SIGKILL)
    first.proc.wait()

    assert second.proc.wait() == 0, second.err.decode()
    assert _debris(out) == []  # the killed run's staged files are gone
    files = _files(out)
    assert len(files) == (4 if command == "checklist" else 3), sorted(files)
    _assert_whole(files, out)


def _fail_after_writing(path: Path, *_: object) -> None:
    path.write_bytes(b"PK\x03\x04 half a file")
    raise RuntimeError("renderer crashed")


def test_a_failed_checklist_keeps_the_previous_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = Report()
    rs = open_workspace(CLAUSES, report, ["window-conduct"]).sets["window-conduct"]
    out = tmp_path / "out"
    formats = ("html", "docx", "xlsx")
    with outdir.locked(out):
        written = checklist_build.write_checklists(rs, out, ["window"], False, report, formats)
    assert len(written) == 3 and not report.errors, report.render_text()
    # a reproducible run writes the same bytes: an edited file shows whether it was replaced
    (rs_folder := out / "window-conduct").joinpath("checklist-window.html").write_text("edited", encoding="utf-8")
    before = _files(out)
    monkeypatch.setattr(checklist_build, "write_docx", lambda doc, path: _fail_after_writing(path))
    with outdir.locked(out):
        assert checklist_build.write_checklists(rs, out, ["window"], False, report, formats) == []
    assert [d.code for d in report.errors] == ["B001"] and "renderer crashed" in report.errors[0].message
    assert _files(out) == before  # not even the HTML, written before the DOCX failed, was replaced
    assert _debris(out) == [] and rs_folder.is_dir()


@pytest.mark.slow
def test_a_failed_deck_keeps_the_previous_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = Report()
    rs = open_workspace(CLAUSES, report, ["db34-t-3395-2019"]).sets["db34-t-3395-2019"]
    out = tmp_path / "out"
    with outdir.locked(out):
        assert len(cards_build.write_cards([rs], out, [], "sheet", "a6", report)) == 3
    before = _files(out)
    monkeypatch.setattr(cards_docx, "write_sheet_docx", lambda deck, path, size: _fail_after_writing(path))
    with outdir.locked(out):
        assert cards_build.write_cards([rs], out, [], "sheet", "a6", report) == []
    assert [d.code for d in report.errors] == ["B001"]
    assert _files(out) == before and _debris(out) == []
