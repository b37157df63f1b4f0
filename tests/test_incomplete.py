"""Incomplete sources: text marked missing is said to be missing, never claimed absent."""

from __future__ import annotations

from pathlib import Path

from conftest import CLAUSES
from stdgen.artifacts.standard.tree import build as standard_tree
from stdgen.diagnostics import Report
from stdgen.lint import lint_set
from stdgen.loader import load_set
from stdgen.render.html import write_html
from stdgen.resolve import resolve

STANDARD = ("code: T\nkind: normative-document\nbanner: 测试\ntitle: 测试规范\nissuer: 测试局\n"
            "complete: false\nmissing: [scope, normative_references, terms]\n")
BODY = ("clauses:\n  - id: T-4\n    title: 要求\n    text: 按照 GB/T 99999 执行。\n"
        "  - id: T-5\n    title: 后续\n    missing: true\n")


def _set(root: Path, standard: str = STANDARD, body: str = BODY) -> Path:
    folder = root / "t"
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text(standard, encoding="utf-8")
    (folder / "body.yaml").write_text(body, encoding="utf-8")
    return folder


def _html(folder: Path, tmp: Path) -> tuple[str, Report]:
    report = Report()
    loaded = load_set(folder, report)
    assert loaded is not None, report.render_text()
    resolved = resolve(loaded, report)
    lint_set(resolved, loaded, report)
    write_html(standard_tree(resolved), tmp / "standard.html")
    return (tmp / "standard.html").read_text(encoding="utf-8"), report


def test_missing_parts_are_said_missing(tmp_path: Path) -> None:
    html, report = _html(_set(tmp_path / "clauses"), tmp_path)
    for sentence in ("本文件的范围在来源文本中缺失，无法给出。", "本文件的规范性引用文件在来源文本中缺失，无法给出。",
                     "本文件的术语和定义在来源文本中缺失，无法给出。", "（来源文本中本章内容缺失。）"):
        assert sentence in html
    assert "本文件没有规范性引用文件" not in html and "本文件没有需要界定的术语和定义" not in html
    # the structure rules that cannot apply are relaxed for exactly those parts
    codes = {d.code for d in report.items}
    assert "L201" not in codes  # empty scope
    assert "L212" not in codes  # GB/T 99999 may be one of the lost references
    assert report.errors == []


def test_the_same_set_without_missing_gets_the_structure_rules(tmp_path: Path) -> None:
    html, report = _html(_set(tmp_path / "clauses", STANDARD.replace("missing: [scope, normative_references, terms]\n",
                                                                       "")), tmp_path)
    assert "本文件没有规范性引用文件。" in html
    assert {"L201", "L212"} <= {d.code for d in report.items}


def test_missing_needs_an_incomplete_source(tmp_path: Path) -> None:
    folder = _set(tmp_path / "clauses", STANDARD.replace("complete: false", "complete: true"))
    report = Report()
    loaded = load_set(folder, report)
    assert loaded is not None
    resolve(loaded, report)
    assert [(d.code, Path(d.position.file).name, d.position.line, d.message, d.hint) for d in report.items] == [
        ("R020", "standard.yaml", 7, "text is marked missing but the set says its source is complete",
         "set complete: false in standard.yaml, or remove missing"),
        ("R020", "body.yaml", 7, "text is marked missing but the set says its source is complete",
         "set complete: false in standard.yaml, or remove missing"),
    ]


def test_window_conduct_marks_its_cut_off_clause(tmp_path: Path) -> None:
    html, _ = _html(CLAUSES / "window-conduct", tmp_path)
    # the cut-off title is printed as text, not as a heading
    assert "专……（来源文本中本条内容缺失。）" in html and 'class="clause-2"' not in html.split("专……")[0][-200:]


def test_import_reads_missing_parts_back(tmp_path: Path) -> None:
    from stdgen.importer import import_file
    from stdgen.render.docx_render import write_docx

    folder = _set(tmp_path / "clauses")
    report = Report()
    loaded = load_set(folder, report)
    assert loaded is not None
    write_docx(standard_tree(resolve(loaded, report)), tmp_path / "standard.docx")
    parsed = import_file(tmp_path / "standard.docx", "T", tmp_path / "imported").parsed
    assert parsed.standard["complete"] is False
    assert parsed.standard["missing"] == ["scope", "normative_references", "terms"]
    assert parsed.clauses[1].get("missing") is True and "text" not in parsed.clauses[1]
