"""Hostile input to the commands around the build (import, new, fork, schema, bureau templates):
a diagnostic or a usage error, never an internal error, and nothing written where it should not be."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CLAUSES
from stdgen.cli import app
from stdgen.importer import readers
from stdgen.render import templates

runner = CliRunner()
LIMIT = 100_000  # the inflated size a DOCX may have, lowered for the test (stdgen's is 200 MB)


def _invoke(args: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.output


def _bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b" " * (LIMIT + 1))


@pytest.mark.parametrize(("name", "make", "words"), [
    ("renamed.docx", lambda p: p.write_text("第1章 范围", encoding="utf-8"), "not a DOCX file (not a zip package"),
    ("damaged.pdf", lambda p: p.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8), "not a readable PDF file"),
    ("bomb.docx", _bomb, f"unpacks to {LIMIT + 1 + len('<Types/>'):,} bytes, more than {LIMIT:,}; not read"),
])
def test_an_unreadable_source_is_i002_and_writes_nothing(tmp_path: Path, name: str, make: object, words: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_INFLATED", LIMIT)
    source = tmp_path / name
    make(source)  # type: ignore[operator]
    clauses = tmp_path / "clauses"
    code, output = _invoke(["import", str(source), "--code", "QC", "--name", "got", "--clauses", str(clauses),
                            "--format", "json", "--lang", "en"])
    assert code == 1
    (problem,) = json.loads(output)
    assert (problem["code"], problem["position"]["file"], problem["position"]["line"]) == ("I002", str(source), 1)
    assert words in problem["message"]
    assert not (clauses / "got").exists()


@pytest.mark.parametrize("command", [
    ["new", "{name}", "--code", "QC"],
    ["import", "{source}", "--code", "QC", "--name", "{name}"],
    ["fork", "window-conduct", "{name}", "--code", "QC"],
])
@pytest.mark.parametrize("name", ["../evil", "a b", "中文名"])
def test_a_new_set_name_must_stay_beside_the_sets(tmp_path: Path, command: list[str], name: str) -> None:
    clauses = tmp_path / "project" / "clauses"
    shutil.copytree(CLAUSES / "window-conduct", clauses / "window-conduct")
    source = tmp_path / "source.txt"
    source.write_text("1 范围\n本文件规定了窗口服务。\n", encoding="utf-8")
    args = [part.format(name=name, source=source) for part in command]
    code, output = _invoke([*args, "--clauses", str(clauses), "--lang", "en"])
    assert code == 2 and "cannot name a clause set" in output, output
    assert sorted(p.name for p in clauses.iterdir()) == ["window-conduct"]
    assert sorted(p.name for p in (tmp_path / "project").iterdir()) == ["clauses"]  # nothing beside clauses/


def test_a_template_that_is_not_utf8_is_t001_at_its_line(tmp_path: Path) -> None:
    bureau = tmp_path / "templates"
    bureau.mkdir()
    (bureau / "cover.txt.j2").write_bytes("title: 封面\ntext: 发布\n".encode() + "text: 发布\n".encode("gbk"))
    (bureau / "page.css.j2").mkdir()  # a folder where a template should be
    try:
        code, output = _invoke(["build", "window-conduct", "--clauses", str(CLAUSES), "--out", str(tmp_path / "out"),
                                "--templates", str(bureau), "--format", "json"])
    finally:
        templates.use(None)
    assert code == 1
    problems = {(Path(p["position"]["file"]).name, p["position"]["line"], p["code"]) for p in json.loads(output)
                if p["code"].startswith("T")}
    assert problems == {("cover.txt.j2", 3, "T001"), ("page.css.j2", 1, "T001")}
    assert not (tmp_path / "out" / "window-conduct").exists()


def test_schema_into_a_path_that_cannot_be_written_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, output = _invoke(["schema", "--out", str(tmp_path / "file" / "schema.json"), "--lang", "en"])
    assert code == 1 and "stdgen schema: cannot write" in output


def test_a_long_text_is_printed_in_pieces_that_keep_every_character() -> None:
    """WeasyPrint's cost is the square of one text box's length: a text over LONG_TEXT is set as spans cut
    after punctuation, the same characters in the same order; shorter texts are unchanged."""
    import html as html_module
    import re

    from stdgen.render.html import LONG_TEXT, PIECE, nobreak

    text = ("窗口工作人员应当热情服务，耐心解答<办事群众>的问题；见 GB/T\u00a01.1—2020。" * 400)[:LONG_TEXT * 3]
    markup = str(nobreak(text))
    pieces = re.findall(r"<span>(.*?)</span>(?=<span>|$)", markup)
    assert len(pieces) >= 3 and all(len(html_module.unescape(re.sub("<[^>]+>", "", p))) <= PIECE for p in pieces)
    assert html_module.unescape(re.sub("<[^>]+>", "", markup)) == text and "&lt;办事群众&gt;" in markup
    assert all(html_module.unescape(re.sub("<[^>]+>", "", p))[-1] in "，。；、,.; " for p in pieces[:-1])
    short = text[:LONG_TEXT]
    assert "<span>" not in str(nobreak(short))
