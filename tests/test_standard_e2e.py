"""End to end: DB34/T 3395—2019 from clause YAML to DOCX, PDF and HTML, read back."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from pypdf import PdfReader

from conftest import CLAUSES
from seeds import normalise
from stdgen.build import build_set
from stdgen.diagnostics import Report
from stdgen.resolve import ResolvedSet
from stdgen.workspace import open_workspace

pytestmark = pytest.mark.slow
SET = "db34-t-3395-2019"


@pytest.fixture(scope="module")
def resolved() -> ResolvedSet:
    report = Report()
    ws = open_workspace(CLAUSES, report, [SET])
    assert not report.failed(), report.render_text()
    return ws.sets[SET]


@pytest.fixture(scope="module")
def built(resolved: ResolvedSet, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out")
    report = Report()
    paths = build_set(resolved, out, report)
    assert not report.items, report.render_text()
    assert {p.name for p in paths} >= {"standard.docx", "standard.pdf", "standard.html"}
    return out / SET


def _clause_texts(rs: ResolvedSet) -> dict[str, str]:
    texts = {}
    for node in rs.nodes():
        paragraphs = node.item.paragraphs
        if paragraphs:
            texts[node.id] = rs.plain(paragraphs[0])
    return texts


# --- DOCX ------------------------------------------------------------------------------------

def test_docx_page_setup_and_sections(built: Path) -> None:
    document = docx.Document(str(built / "standard.docx"))
    sections = document.sections
    assert len(sections) == 3  # cover, front matter (Roman), body (Arabic)
    for section in sections:
        assert abs(section.page_width - Mm(210)) < Mm(0.5)
        assert abs(section.page_height - Mm(297)) < Mm(0.5)
        assert abs(section.left_margin - Mm(25)) < Mm(0.5)  # inside margin (mirrored)
        assert abs(section.right_margin - Mm(20)) < Mm(0.5)
    formats = [s._sectPr.find(qn("w:pgNumType")) for s in sections]
    assert formats[0] is None
    assert formats[1].get(qn("w:fmt")) == "upperRoman" and formats[1].get(qn("w:start")) == "1"
    assert formats[2].get(qn("w:fmt")) == "decimal" and formats[2].get(qn("w:start")) == "1"
    settings = document.settings.element
    assert settings.find(qn("w:mirrorMargins")) is not None
    assert settings.find(qn("w:evenAndOddHeaders")) is not None
    # cover has no header; the others carry the document number, right on odd, left on even pages
    assert not "".join(p.text for p in sections[0].header.paragraphs).strip()
    for section in sections[1:]:
        assert section.header.paragraphs[0].text == "DB34/T 3395—2019"
        assert section.header.paragraphs[0].alignment == 2  # right
        assert section.even_page_header.paragraphs[0].text == "DB34/T 3395—2019"
        assert section.even_page_header.paragraphs[0].alignment == 0  # left
        assert "PAGE" in section.footer._element.xml


def test_docx_styles_fonts_and_sizes(built: Path) -> None:
    document = docx.Document(str(built / "standard.docx"))
    expected = {
        "标准文件_段": ("宋体", 10.5), "标准文件_章标题": ("黑体", 10.5), "标准文件_一级条标题": ("黑体", 10.5),
        "标准文件_前言、引言标题": ("黑体", 16), "标准文件_目次、标准名称标题": ("黑体", 16),
        "标准文件_封面标准名称": ("黑体", 26), "标准文件_注：": ("宋体", 9), "标准文件_附录标识": ("黑体", 10.5),
        "标准文件_正文表标题": ("黑体", 10.5),
    }
    for name, (east_asian, size) in expected.items():
        style = document.styles[name]
        fonts = style.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == east_asian, name
        # 宋体 text sets Latin in Times New Roman; 黑体 headings keep 黑体 for their numbers too
        assert fonts.get(qn("w:ascii")) == ("Times New Roman" if east_asian == "宋体" else east_asian), name
        assert style.font.size == Pt(size), name
        assert not style.font.bold, f"{name}: 黑体 is a typeface, not bold"
    chapter = document.styles["标准文件_章标题"].element.pPr.find(qn("w:outlineLvl"))
    assert chapter.get(qn("w:val")) == "0"
    used = {p.style.name for p in document.paragraphs}
    assert {"标准文件_段", "标准文件_章标题", "标准文件_一级条标题", "标准文件_附录标识"} <= used


def test_docx_content_toc_and_table(built: Path, resolved: ResolvedSet) -> None:
    document = docx.Document(str(built / "standard.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "本标准按照GB/T\u00a01.1—2009给出的规则起草。" in text
    assert "1\u3000范围" in text and "10.4\u3000预约服务" in text
    assert "用语示例见附录A。" in text
    body = document.element.body.xml
    assert 'TOC \\o "1-2"' in body
    toc_entries = [p.text for p in document.paragraphs if p.style.name == "标准文件_目次一级"]
    assert toc_entries[0].startswith("前") and any("附录C（资料性附录）" in e for e in toc_entries)
    table = document.tables[0]
    cells = {c.text for row in table.rows for c in row.cells}
    assert "申请单位（个人）名称" in cells and "约定受理时间" in cells
    assert any(p.text == "表C.1\u3000预约服务登记表" for p in document.paragraphs)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is installed by .ci/run")
def test_libreoffice_converts_docx(built: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(built / "standard.docx")],
        capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "standard.pdf"
    assert pdf.exists(), result.stdout + result.stderr
    text = normalise("".join(p.extract_text() or "" for p in PdfReader(pdf).pages))
    assert normalise("亲切服务用语规范") in text


# --- PDF -------------------------------------------------------------------------------------

def test_pdf_a4_fonts_embedded(built: Path) -> None:
    reader = PdfReader(built / "standard.pdf")
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.28) < 1 and abs(height - 841.89) < 1
    fonts = {}
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    assert len(fonts) >= 2  # 宋体 and 黑体 roles are different fonts


def test_pdf_has_every_clause_text(built: Path, resolved: ResolvedSet) -> None:
    with pdfplumber.open(built / "standard.pdf") as pdf:
        text = normalise("".join(page.extract_text() or "" for page in pdf.pages))
    missing = [ident for ident, para in _clause_texts(resolved).items() if normalise(para) not in text]
    assert not missing


def test_pdf_first_body_page_is_numbered_1(built: Path) -> None:
    with pdfplumber.open(built / "standard.pdf") as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    first_body = next(i for i, t in enumerate(pages) if re.search(r"^1\s*范围\s*$", t, re.M))
    assert first_body % 2 == 0  # a right-hand (odd) page of the printed book
    assert pages[first_body].strip().splitlines()[-1].strip() == "1"
    toc = next(t for t in pages if "目" in t and "次" in t and "范围" in t)
    assert re.search(r"1\s*范围\s*\.+\s*1", toc), toc
    assert pages[first_body - 1].strip() == "" or "前" in pages[first_body - 1] or "II" in pages[first_body - 1]
    assert pages[0].count("DB34") >= 1 and "发布" in pages[0]  # the cover


# --- HTML ------------------------------------------------------------------------------------

class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and (values.get("href") or "").startswith("#"):
            self.links.append(str(values["href"])[1:])


def test_html_anchor_per_clause_id(built: Path, resolved: ResolvedSet) -> None:
    parser = _Anchors()
    parser.feed((built / "standard.html").read_text(encoding="utf-8"))
    assert set(resolved.targets) <= parser.ids
    assert parser.links and set(parser.links) <= parser.ids


# --- atomic output ---------------------------------------------------------------------------

def test_failed_build_keeps_previous_output(built: Path, resolved: ResolvedSet, monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(built, out / SET)
    before = {str(p.relative_to(out)): p.read_bytes() for p in (out / SET).rglob("*") if p.is_file()}

    def broken(*_: object) -> None:
        raise RuntimeError("renderer exploded")

    monkeypatch.setitem(__import__("stdgen.build", fromlist=["WRITERS"]).WRITERS, "pdf", broken)
    report = Report()
    assert build_set(resolved, out, report) == []
    assert [d.code for d in report.items] == ["B001"]
    after = {str(p.relative_to(out)): p.read_bytes() for p in (out / SET).rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in out.iterdir()] == [SET]  # no staging folder left behind
