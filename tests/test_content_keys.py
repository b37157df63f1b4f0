"""An edit renders only the files whose own content it changes: each file is keyed by what it is written
from (its unit's document tree, or the content its direct writers read), not by the whole set."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from typer.testing import CliRunner

from conftest import CLAUSES
from stdgen.cli import app
from stdgen.doctree import Document, Para, Section
from stdgen.unit import fingerprint

runner = CliRunner()
SET = "window-conduct"


def _doc(text: str) -> Document:
    return Document("t", [Section("body", "none", None, [Para.of("body", text, anchor="A-1")])], {})


def test_fingerprint_follows_content_only() -> None:
    assert fingerprint(_doc("一")) == fingerprint(_doc("一"))  # equal trees built apart
    assert fingerprint(_doc("一")) != fingerprint(_doc("二"))
    assert fingerprint({"b": frozenset({"x", "y"})}) == fingerprint({"b": frozenset({"y", "x"})})
    unreadable = object()
    assert fingerprint([unreadable]) != fingerprint([unreadable])  # never equal: whatever it keys is rebuilt


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()}


def _build(root: Path, out: Path) -> None:
    result = runner.invoke(app, ["build", "--clauses", str(root), "--out", str(out), SET, "--jobs", "2"])
    assert result.exit_code == 0, result.output


@pytest.mark.slow
def test_an_edit_rewrites_only_the_files_it_changes(tmp_path: Path) -> None:
    root, out = tmp_path / "clauses", tmp_path / "out"
    shutil.copytree(CLAUSES, root)
    body = root / SET / "body.yaml"
    _build(root, out)
    first = _files(out / SET)

    # a clause text without phrases: the standard changes, the phrase cards do not
    text = body.read_text(encoding="utf-8")
    assert text.count("窗口工作人员必须严格遵守") == 1
    body.write_text(text.replace("窗口工作人员必须严格遵守", "窗口工作人员必须始终严格遵守"), encoding="utf-8")
    _build(root, out)
    second = _files(out / SET)
    changed = {name for name in second if second[name] != first[name]}
    assert {"standard.pdf", "standard.docx", "standard.html"} <= changed
    assert not changed & {"cards.pdf", "cards.docx", "cards.html"}  # same inode, same time: not written
    docx_text = "\n".join(p.text for p in DocxDocument(str(out / SET / "standard.docx")).paragraphs)
    assert "必须始终严格遵守" in docx_text

    # a phrase on the cards: the cards are written again
    text = body.read_text(encoding="utf-8")
    assert "- 请您收好您的资料\n" in text
    body.write_text(text.replace("- 请您收好您的资料\n", "- 请您收好您的全部资料\n", 1), encoding="utf-8")
    _build(root, out)
    third = _files(out / SET)
    assert all(third[name] != second[name] for name in ("cards.pdf", "cards.docx", "cards.html"))
    assert "请您收好您的全部资料" in (out / SET / "cards.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_an_edit_of_a_clause_on_no_checklist_leaves_the_checklist_alone(tmp_path: Path) -> None:
    """ZMD-P1 is a chapter's lead-in statement: the standard prints it, no checklist row does, so the
    checklist's version (检查表版本) and its four files stay as they were; filled-in results stay valid."""
    zmd = "zmd-civility-2023"
    root, out = tmp_path / "clauses", tmp_path / "out"
    shutil.copytree(CLAUSES, root)
    body = root / zmd / "body.yaml"

    def build() -> dict[str, tuple[int, int]]:
        result = runner.invoke(app, ["build", "--clauses", str(root), "--out", str(out), zmd, "--jobs", "2"])
        assert result.exit_code == 0, result.output
        return _files(out / zmd)

    first = build()
    text = body.read_text(encoding="utf-8")
    assert text.count("必备的综合素质") == 1
    body.write_text(text.replace("必备的综合素质", "必备的综合素养"), encoding="utf-8")
    second = build()
    changed = {name for name in second if second[name] != first[name]}
    assert {"standard.pdf", "standard.docx", "standard.html"} <= changed
    assert not changed & {"checklist.pdf", "checklist.docx", "checklist.html", "checklist.xlsx"}
    assert "必备的综合素养" in (out / zmd / "standard.html").read_text(encoding="utf-8")

    # a checklist row's words: the checklist is written again, with a new version
    old = (out / zmd / "checklist.html").read_text(encoding="utf-8")
    body.write_text(body.read_text(encoding="utf-8").replace("让服务对象满意。", "让服务对象更满意。", 1),
                    encoding="utf-8")
    third = build()
    assert all(third[name] != second[name] for name in ("checklist.pdf", "checklist.docx", "checklist.xlsx"))
    new = (out / zmd / "checklist.html").read_text(encoding="utf-8")
    assert "让服务对象更满意。" in new

    def printed(page: str) -> str:
        return page.split("检查表版本", 1)[1].split("</td>", 2)[1].rsplit(">", 1)[1]

    assert re.fullmatch(r"[0-9a-f]{12}", printed(old)) and printed(new) != printed(old)
