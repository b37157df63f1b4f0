"""The DOCX of every bundled standard is on a par with its PDF: a 目次 with page numbers before any
field update, the same pages (LibreOffice's DOCX → PDF against stdgen's PDF), Chinese document
defaults; and the PDF's own details: bookmarks, page labels, tags, 目次 numbers inside the margin."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pdfplumber
import pytest
from docx.oxml.ns import qn
from pypdf import PdfReader

from conftest import CLAUSES
from stdgen.artifacts.standard.styles import STYLES
from stdgen.artifacts.standard.wording import NBSP, keep_together
from stdgen.build import build_sets
from stdgen.diagnostics import Report
from stdgen.doctree import Document, Para, Section, Span
from stdgen.render.pdf import write_pdf
from stdgen.workspace import open_workspace

pytestmark = pytest.mark.slow
SETS = ["db34-t-3395-2019", "db4108-t-6-2020", "zmd-civility-2023", "cq-12345-hotline", "window-conduct"]
# LibreOffice's command-line PDF export leaves out the blank pages it inserts for odd-page section
# breaks unless told to keep them; printed duplex, the DOCX has them
KEEP_BLANK_PAGES = 'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}'


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    report = Report()
    ws = open_workspace(CLAUSES, report)
    root = tmp_path_factory.mktemp("out")
    build_sets(ws.sets.values(), root, report, formats=("docx", "pdf"))
    assert not report.errors, report.render_text()
    return root


@pytest.fixture(scope="module")
def converted(out: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Each set's standard.docx converted to <set>.pdf by LibreOffice."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is installed by .ci/run")
    folder = tmp_path_factory.mktemp("lo")
    for name in SETS:
        shutil.copy(out / name / "standard.docx", folder / f"{name}.docx")
    result = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{folder}/profile", "--convert-to", KEEP_BLANK_PAGES,
         "--outdir", str(folder), *[str(folder / f"{name}.docx") for name in SETS]],
        capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return folder


def _chapters(pdf: Path) -> dict[str, int]:
    """Top-level bookmarks (前言, chapters, annexes, 参考文献) → 1-based physical page."""
    reader = PdfReader(pdf)
    pages: dict[str, int] = {}
    for entry in reader.outline:
        if not isinstance(entry, list):
            key = re.split(r"[\u3000（]", str(entry.title))[0]  # "4　基本要求" → "4", "附录A（…）" → "附录A"
            pages[key] = reader.get_destination_page_number(entry) + 1
    return pages


@pytest.mark.parametrize("name", SETS)
def test_libreoffice_pages_match_the_pdf(name: str, out: Path, converted: Path) -> None:
    ours, theirs = out / name / "standard.pdf", converted / f"{name}.pdf"
    assert len(PdfReader(theirs).pages) == len(PdfReader(ours).pages)
    expected = _chapters(ours)
    assert {"1", "2", "3", "4"} <= set(expected)
    assert _chapters(theirs) == expected


@pytest.mark.parametrize("name", SETS)
def test_duplex_layout_cover_verso_blank_toc_on_i_body_on_odd_page(name: str, converted: Path) -> None:
    with pdfplumber.open(converted / f"{name}.pdf") as pdf:
        texts = [page.extract_text() or "" for page in pdf.pages]
    assert texts[1].strip() == ""  # the cover's verso
    assert "目" in texts[2] and texts[2].strip().splitlines()[-1].strip() == "I"
    first_body = next(i for i, t in enumerate(texts) if re.search(r"^1\s*范围", t, re.M) and i > 2)
    assert first_body % 2 == 0 and texts[first_body].strip().splitlines()[-1].strip() == "1"
    annexes = [i for i, t in enumerate(texts) if re.search(r"^附\s*录\s*[A-Z]\s*$", t, re.M)]
    assert annexes or name not in ("db34-t-3395-2019",)
    for index in annexes:  # each annex opens its page, under the running header
        assert texts[index].strip().splitlines()[1].startswith("附录"), texts[index][:80]


@pytest.mark.parametrize("name", SETS)
def test_toc_page_numbers_are_there_before_any_field_update(name: str, out: Path, converted: Path) -> None:
    document = docx.Document(str(out / name / "standard.docx"))
    xml = document.element.body.xml
    cached = re.findall(r"PAGEREF (\S+) \\h.*?<w:t>([^<]*)</w:t>", xml, flags=re.S)
    assert cached and all(number for _, number in cached), cached
    assert 'TOC \\o "1-2"' in xml  # still a field Word can refresh
    reader = PdfReader(out / name / "standard.pdf")
    labels = reader.page_labels
    chapters = _chapters(out / name / "standard.pdf")
    numbers = dict(cached)
    assert numbers["_sscope"] == labels[chapters["1"] - 1] == "1"
    assert numbers["_sforeword"] == labels[chapters["前"] - 1]
    with pdfplumber.open(converted / f"{name}.pdf") as pdf:
        toc = pdf.pages[2].extract_text() or ""
    assert re.search(r"^1\s*范围\s*\.+\s*1$", toc, re.M), toc  # LibreOffice shows the numbers


def test_docx_chinese_defaults(out: Path) -> None:
    path = out / "db34-t-3395-2019" / "standard.docx"
    document = docx.Document(str(path))
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang.get(qn("w:eastAsia")) == "zh-CN"
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    assert (spacing.get(qn("w:after")), spacing.get(qn("w:line"))) == ("0", "240")  # no 10 pt after, no 1.15
    body = document.styles["标准文件_段"].element.pPr.find(qn("w:spacing"))
    assert (body.get(qn("w:line")), body.get(qn("w:lineRule"))) == ("315", "exact")  # 1.5 × 10.5 pt, as the PDF
    chapter = document.styles["标准文件_章标题"].element.pPr.find(qn("w:spacing"))
    assert (chapter.get(qn("w:before")), chapter.get(qn("w:after"))) == ("315", "315")  # one line above and below
    with zipfile.ZipFile(path) as package:
        theme = package.read("word/theme/theme1.xml").decode("utf-8")
        fonts = package.read("word/fontTable.xml").decode("utf-8")
        settings = package.read("word/settings.xml").decode("utf-8")
    assert re.search(r'<a:majorFont>\s*<a:latin typeface="[^"]*"/>\s*<a:ea typeface="黑体"', theme)
    assert re.search(r'<a:minorFont>\s*<a:latin typeface="[^"]*"/>\s*<a:ea typeface="宋体"', theme)
    assert 'script="Jpan"' not in theme and "ＭＳ" not in fonts
    assert 'w:name="宋体"' in fonts and 'w:name="黑体"' in fonts
    assert 'w:eastAsia="zh-CN"' in settings and "ja-JP" not in settings
    header = document.sections[2].header.paragraphs[0]
    assert header._p.pPr.find(qn("w:pBdr")) is None  # the PDF has no header rule
    fonts_of_number = header.runs[0]._r.rPr.find(qn("w:rFonts"))
    assert fonts_of_number.get(qn("w:ascii")) == fonts_of_number.get(qn("w:eastAsia")) == "黑体"


@pytest.mark.parametrize("name", SETS)
def test_pdf_bookmarks_page_labels_and_tags(name: str, out: Path) -> None:
    reader = PdfReader(out / name / "standard.pdf")
    labels = reader.page_labels
    chapters = _chapters(out / name / "standard.pdf")
    assert labels[2] == "I" and labels[chapters["1"] - 1] == "1"
    assert labels[-1] == str(len(labels) - chapters["1"] + 1)
    assert all(label == "" for label in labels[:2])  # the cover and its verso carry no folio
    assert [key for key in chapters if key.startswith("附录")] == [
        f"附录{c}" for c in "ABCDEFGH"[:len([k for k in chapters if k.startswith("附录")])]]
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert str(root["/Lang"]) == "zh-CN"


@pytest.mark.parametrize("name", SETS)
def test_pdf_toc_numbers_inside_the_right_margin(name: str, out: Path) -> None:
    with pdfplumber.open(out / name / "standard.pdf") as pdf:
        page = pdf.pages[2]  # 目次, page I, a right-hand page: outside margin 20 mm
        right_edge = page.width - 20 / 25.4 * 72
        digits = [c for c in page.chars if re.match(r"[0-9IVX]", c["text"]) and c["top"] < page.height - 80]
        assert digits
        assert max(c["x1"] for c in digits) <= right_edge + 0.5


def _gaps_after_gbt(pdf_path: Path) -> list[float]:
    with pdfplumber.open(pdf_path) as pdf:
        chars = [c for page in pdf.pages for c in page.chars]
    return [chars[i + 2]["x0"] - c["x1"] for i, c in enumerate(chars[:-2])
            if c["text"] == "T" and chars[i - 1]["text"] == "/" and chars[i + 1]["text"] in " \u00a0"]


def test_document_numbers_are_not_stretched(tmp_path: Path) -> None:
    """Justified lines widen ordinary spaces; the no-break space inside GB/T 1.1—2020 keeps its width."""
    line = "本文件按照GB/T{0}1.1—2020的规定起草，并引用GB/T{0}36112 ab cd ef的要求和规则以及相关的条文内容。"
    gaps = {}
    for name, space in (("kept", NBSP), ("plain", " ")):
        text = keep_together(line.format(space)) if space == NBSP else line.format(space)
        doc = Document("t", [Section("body", "arabic", None, [Para("body", [Span(text * 6)])])], STYLES)
        write_pdf(doc, tmp_path / f"{name}.pdf")
        gaps[name] = _gaps_after_gbt(tmp_path / f"{name}.pdf")
    assert len(gaps["kept"]) == 12
    assert max(gaps["kept"]) - min(gaps["kept"]) < 0.2, gaps["kept"]
    assert max(gaps["plain"]) - min(gaps["plain"]) > 0.5  # a plain space is stretched: the check can fail
