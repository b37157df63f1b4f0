"""Figures (图1, 图A.1): numbered like tables, referable by ID, in DOCX, PDF and HTML; paths stay inside the set."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from PIL import Image

from stdgen.artifacts.standard.tree import build as standard_tree
from stdgen.build import plan
from stdgen.diagnostics import Report
from stdgen.loader import load_set
from stdgen.render.docx_render import write_docx
from stdgen.render.html import write_html
from stdgen.render.pdf import write_pdf
from stdgen.resolve import ResolvedSet, resolve

STANDARD = ("code: T\nkind: normative-document\nbanner: 测试\ntitle: 测试规范\nissuer: 测试局\n"
            "scope: [本文件规定了测试。]\n")
BODY = """clauses:
  - id: T-4
    title: 流程
    text: 办理流程见[[T-F1]]，用语见[[T-FA1]]。
    figure: {id: T-F1, caption: 办理流程, file: figures/flow.png, width_mm: 80}
annexes:
  - id: T-A
    title: 示意
    text: 见下图。
    figure: {id: T-FA1, caption: 窗口示意, file: sketch.svg}
"""
SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">'
       '<rect x="10" y="10" width="180" height="80" fill="#3060c0"/></svg>')


def _set(root: Path, body: str = BODY) -> Path:
    folder = root / "t"
    (folder / "figures").mkdir(parents=True)
    (folder / "standard.yaml").write_text(STANDARD, encoding="utf-8")
    (folder / "body.yaml").write_text(body, encoding="utf-8")
    Image.new("RGB", (400, 200), (200, 30, 30)).save(folder / "figures" / "flow.png")
    (folder / "sketch.svg").write_text(SVG, encoding="utf-8")
    return folder


def _resolve(folder: Path) -> tuple[ResolvedSet, Report]:
    report = Report()
    loaded = load_set(folder, report)
    assert loaded is not None, report.render_text()
    return resolve(loaded, report), report


def test_figures_are_numbered_and_referable(tmp_path: Path) -> None:
    resolved, report = _resolve(_set(tmp_path))
    assert report.errors == []
    assert (resolved.targets["T-F1"].number, resolved.targets["T-FA1"].number) == ("图1", "图A.1")
    assert resolved.plain("办理流程见[[T-F1]]，用语见[[T-FA1]]。") == "办理流程见图1，用语见图A.1。"


def test_figure_in_html_and_docx(tmp_path: Path) -> None:
    resolved, _ = _resolve(_set(tmp_path))
    tree = standard_tree(resolved)
    write_html(tree, tmp_path / "standard.html")
    html = (tmp_path / "standard.html").read_text(encoding="utf-8")
    png = re.search(r'<figure id="T-F1" class="figure">\s*<img src="data:image/png;base64,[A-Za-z0-9+/=]{100,}"', html)
    svg = re.search(r'<figure id="T-FA1" class="figure">\s*<img src="data:image/svg\+xml;base64,', html)
    assert png and svg
    assert re.search(r"<figcaption>.*图1\u3000办理流程.*</figcaption>", html, re.S)
    assert 'href="#T-F1"' in html
    write_docx(tree, tmp_path / "standard.docx")
    document = docx.Document(str(tmp_path / "standard.docx"))
    assert len(document.inline_shapes) == 2
    assert round(document.inline_shapes[0].width.mm) == 80
    with zipfile.ZipFile(tmp_path / "standard.docx") as package:
        media = [n for n in package.namelist() if n.startswith("word/media/")]
    assert len(media) == 2 and all(n.endswith(".png") for n in media)  # the SVG drawn to PNG for Word
    captions = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "标准文件_正文图标题"]
    assert captions == ["图1\u3000办理流程", "图A.1\u3000窗口示意"]
    texts = [p.text for p in document.paragraphs]
    assert "办理流程见图1，用语见图A.1。" in texts[texts.index("4\u3000流程") + 1]


@pytest.mark.slow
def test_figure_in_pdf(tmp_path: Path) -> None:
    resolved, _ = _resolve(_set(tmp_path))
    write_pdf(standard_tree(resolved), tmp_path / "standard.pdf")
    with pdfplumber.open(tmp_path / "standard.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages).replace("\u3000", " ")
        images = [image for page in pdf.pages for image in page.images]
        blue = [r for page in pdf.pages for r in page.rects if r.get("non_stroking_color") and
                [round(c, 2) for c in r["non_stroking_color"]] == [0.19, 0.38, 0.75]]
    assert "图1 办理流程" in text and "图A.1 窗口示意" in text
    assert len(images) == 1 and round(images[0]["width"] / 72 * 25.4) == 80  # the PNG, 80 mm wide
    assert blue  # the SVG drawn as vectors


@pytest.mark.parametrize(("path", "message"), [
    ("../outside.png", "figure file '../outside.png' leaves the set folder"),
    ("/etc/hostname", "figure file '/etc/hostname' leaves the set folder"),
    ("figures/none.png", "figure file 'figures/none.png' does not exist"),
    ("body.yaml", "figure file 'body.yaml' is not a PNG, JPEG or SVG image"),
])
def test_bad_figure_paths(tmp_path: Path, path: str, message: str) -> None:
    (tmp_path / "outside.png").write_bytes(b"\x89PNG")
    folder = _set(tmp_path / "clauses", BODY.replace("figures/flow.png", path))
    _, report = _resolve(folder)
    assert [(d.code, Path(d.position.file).name, d.position.line, d.message) for d in report.errors] == [
        ("F010", "body.yaml", 5, message)]


def test_editing_an_image_rebuilds(tmp_path: Path) -> None:
    folder = _set(tmp_path)
    before = {job.file: job.key for job in plan(_resolve(folder)[0])}
    Image.new("RGB", (400, 200), (30, 200, 30)).save(folder / "figures" / "flow.png")
    after = {job.file: job.key for job in plan(_resolve(folder)[0])}
    assert before["standard.pdf"] != after["standard.pdf"]
