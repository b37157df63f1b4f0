"""Font coverage: no PDF of boxes. A missing 宋体/黑体 font or a character the fonts lack fails the
PDF with the role, the characters and the package to install; a DOCX warns about rare characters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from stdgen.doctree import Document, ListBlock, ListItem, Para, Section, Span, Style
from stdgen.render.fonts import FontsMissing, rare_characters, require_fonts
from stdgen.render.html import FONT_STACKS

STYLES = {"body": Style("正文", "song"), "head": Style("标题", "hei")}


def _doc(body: str, heading: str = "标题") -> Document:
    blocks = [Para("head", [Span(heading)]), Para("body", [Span(body)])]
    return Document("t", [Section("body", "arabic", "DB34/T 1—2024", blocks)], STYLES)


def test_installed_fonts_cover_a_standard_with_rare_name_characters() -> None:
    require_fonts(_doc("起草人：朱镕基、王堃、张喆。□符合 ——"), FONT_STACKS)  # raises nothing


def test_a_role_without_an_installed_font_names_the_role_and_the_package() -> None:
    stacks = {**FONT_STACKS, "hei": '"No Such Sans", sans-serif'}
    with pytest.raises(FontsMissing) as caught:
        require_fonts(_doc("正文"), stacks)
    assert str(caught.value) == "no installed font for the 黑体 role (looked for No Such Sans)"
    assert "apt-get install fonts-noto-cjk" in caught.value.hint.render("en")


def test_characters_the_font_lacks_are_listed_with_their_code_points() -> None:
    with pytest.raises(FontsMissing) as caught:
        require_fonts(_doc("服务热情😀。", heading="标题🙂"), FONT_STACKS)
    message = str(caught.value)
    assert "the 宋体 font Noto Serif CJK SC lacks 1 character(s): 😀 (U+1F600)" in message
    assert "the 黑体 font Noto Sans CJK SC lacks 1 character(s): 🙂 (U+1F642)" in message


def test_docx_rare_characters_are_those_outside_gbk() -> None:
    assert rare_characters(_doc("朱镕基 𠈌 王堃")) == ["𠈌"]


@pytest.mark.slow
def test_build_without_cjk_fonts_fails_the_set_and_keeps_its_output(tmp_path: Path) -> None:
    name = "window-conduct"
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "stdgen", "build", name, "--out", str(out), "--jobs", "1"]
    assert subprocess.run(command, env=env, cwd=ROOT, capture_output=True).returncode == 0
    before = {p.name: p.read_bytes() for p in (out / name).iterdir()}

    no_fonts = tmp_path / "fonts.conf"  # a machine without fonts-noto-cjk: fontconfig knows no font
    no_fonts.write_text(f"<?xml version='1.0'?><fontconfig><dir>{tmp_path / 'none'}</dir>"
                        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>", encoding="utf-8")
    result = subprocess.run([*command, "--force", "--lang", "en"], env={**env, "FONTCONFIG_FILE": str(no_fonts)},
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert "B004 error: building window-conduct failed: " in result.stderr
    assert "no installed font for the 宋体 role" in result.stderr and "fonts-noto-cjk" in result.stderr
    assert "Traceback" not in result.stderr
    assert {p.name: p.read_bytes() for p in (out / name).iterdir()} == before  # the previous output stays


def test_printed_list_markers_count_as_printed_characters() -> None:
    """①…⑩ are in GBK, ⑪ is not: an eleven-item circled list prints one rare character."""
    items = [ListItem(Para("list-number", [Span("项")])) for _ in range(11)]
    doc = _doc("正文")
    doc.sections[0].blocks.append(ListBlock("circled", items))
    assert rare_characters(doc) == ["⑪"]


def _tiny_set(clauses: Path, name: str, code: str, text: str) -> None:
    from bad_input import BODY, STANDARD

    folder = clauses / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "standard.yaml").write_text(STANDARD.replace("BX", code).replace("DB99/T 1", f"DB99/T {len(code)}"),
                                          encoding="utf-8")
    (folder / "body.yaml").write_text(BODY.replace("BX", code).replace("窗口应整洁。", text), encoding="utf-8")


@pytest.mark.slow
def test_a_character_no_font_has_keeps_that_whole_set_at_its_previous_edition(tmp_path: Path) -> None:
    """B004 fails the set, not only its PDFs: none of its files is replaced (its DOCX, HTML and PDF stay one
    edition, and build.json still describes them), the cross-set files stay too; the other sets are built;
    the run exits 1; once the text is printable the set is built."""
    clauses, out = tmp_path / "clauses", tmp_path / "out"
    _tiny_set(clauses, "ax", "AX", "窗口应整洁。")
    _tiny_set(clauses, "bx", "BX", "窗口应整洁。")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-m", "stdgen", "build", "--clauses", str(clauses), "--out", str(out), "--jobs", "1",
               "--lang", "en"]
    first = subprocess.run(command, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != ".build-run.json"}
    assert (out / "index.html") in before and (out / "ax" / "standard.docx") in before

    _tiny_set(clauses, "ax", "AX", "窗口应整洁😀。")  # no installed 宋体 font has U+1F600
    _tiny_set(clauses, "bx", "BX", "窗口应整洁明亮。")
    second = subprocess.run(command, env=env, capture_output=True, text=True)
    assert second.returncode == 1, second.stderr
    assert "B004 error: building ax failed: standard.pdf: the 宋体 font" in second.stderr
    assert "😀 (U+1F600)" in second.stderr and "Traceback" not in second.stderr
    assert "no file of the set was replaced: its previous output stays whole" in second.stderr
    after = {p: p.read_bytes() for p in out.rglob("*") if p.is_file() and p.name != ".build-run.json"}
    unchanged = {p for p in before if after.get(p) == before[p]}
    assert {p for p in before if p.is_relative_to(out / "ax")} <= unchanged  # DOCX and HTML too
    assert {out / "index.html", out / "xref.json", out / "concordance.docx"} <= unchanged
    assert after[out / "bx" / "standard.docx"] != before[out / "bx" / "standard.docx"]  # the other set is built
    assert not [p for p in out.iterdir() if p.name.startswith(".stdgen-") and p.name != ".stdgen-lock"]

    _tiny_set(clauses, "ax", "AX", "窗口应整洁、明亮。")
    third = subprocess.run(command, env=env, capture_output=True, text=True)
    assert third.returncode == 0, third.stderr
    assert "整洁、明亮" in (out / "ax" / "standard.html").read_text(encoding="utf-8")
