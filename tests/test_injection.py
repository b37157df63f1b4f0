"""Hostile text in clause sets prints literally: no script in HTML, no formula in XLSX.

Titles, document numbers, clause texts and inspection details carry HTML, CSS breakouts,
Jinja syntax and spreadsheet formulas; every format must show them as the text they are.
"""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path

import docx
import openpyxl
import pytest
import yaml

from conftest import resolve_alone
from stdgen.artifacts.checklist import build_checklist
from stdgen.artifacts.checklist.rows import checklist_version
from stdgen.artifacts.score import read_results, score, validate, write_report
from stdgen.build import build_set
from stdgen.diagnostics import Report

SET = "db4108-t-6-2020"
NUMBER = 'DB4108/T 6—2020"</style><script>alert(1)</script>'
TITLE = '=HYPERLINK("http://evil.example","点我")</style><script>alert(2)</script>{{ 7*7 }}'
TEXTS = {  # (clause ID, field) → hostile text; these clauses are requirements (checklist rows)
    ("QX-6.1.3", "title"): "=1+1 <img src=x onerror=alert(3)>",
    ("QX-6.1.3", "text"): "工作人员应主动服务 {% raw %}先处理情绪{% endraw %} <script>alert(5)</script>。",
    ("QX-6.1.4", "title"): "+cmd|' /C calc'!A0",
    ("QX-7.2.1", "title"): "@SUM(A1:A2) -2+3 ]]>",
}
UNIT = "=HYPERLINK(\"x\")</style><script>alert(4)</script>"
LIVE_TAGS = {"script", "img", "iframe", "object", "embed"}


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_style = tag == "style"
        if any(name.startswith("on") for name, _ in attrs):
            self.tags.append("on-handler")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


def _parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a double-quoted YAML scalar


@pytest.fixture
def hostile(set_copy) -> Path:  # type: ignore[no-untyped-def]
    folder: Path = set_copy(SET)
    meta = folder / "standard.yaml"
    text = meta.read_text(encoding="utf-8")
    text = text.replace("number: DB4108/T 6—2020", f"number: {_quoted(NUMBER)}")
    text = text.replace("  zh: 政务服务窗口服务情绪化办事群众工作规范", f"  zh: {_quoted(TITLE)}")
    meta.write_text(text, encoding="utf-8")
    body = folder / "body.yaml"
    content = body.read_text(encoding="utf-8")  # sources name the set's own (hostile) number, as printed
    content = content.replace("document: DB4108/T 6—2020", f"document: {_quoted(NUMBER)}")
    for (ident, key), hostile_text in TEXTS.items():
        content = re.sub(rf"(- id: {re.escape(ident)}\n(?:\s+\w+: .*\n)*?\s+{key}: ).*\n",
                         lambda m, t=hostile_text: m.group(1) + _quoted(t) + "\n",
                         content, count=1)
    body.write_text(content, encoding="utf-8")
    return folder


def _assert_literal_html(path: Path, *needles: str) -> None:
    page = _parse(path)
    assert not LIVE_TAGS & set(page.tags) and "on-handler" not in page.tags, path
    assert "</style" not in page.style.lower() and "<" not in page.style, path
    shown = "".join(page.text)
    for needle in needles:
        assert needle in shown, (path, needle)


def test_hostile_text_is_literal_in_html_docx_and_xlsx(hostile: Path, tmp_path: Path) -> None:
    rs = resolve_alone(hostile)
    assert rs.standard.number == NUMBER and rs.standard.title.zh == TITLE
    build_set(rs, tmp_path / "out", Report(), formats=("html", "docx", "xlsx"))
    out = tmp_path / "out" / SET
    _assert_literal_html(out / "standard.html", TITLE, *TEXTS.values())
    _assert_literal_html(out / "checklist.html", *TEXTS.values())
    # the page header sits in CSS: the number is escaped there, not cut short
    assert "alert\\000028 1\\000029" not in (out / "standard.html").read_text(encoding="utf-8")

    document = docx.Document(str(out / "standard.docx"))
    body = "\n".join(p.text for p in document.paragraphs)
    assert TITLE in body and all(text in body for text in TEXTS.values())
    headers = "".join(p.text for s in document.sections for p in s.header.paragraphs)
    assert NUMBER in headers

    workbook = openpyxl.load_workbook(out / "checklist.xlsx")
    cells = [c for ws in workbook.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    formulas = [c.value for c in cells if c.data_type == "f"]
    assert formulas and all(re.match(r"=(COUNTIF|IF|SUMIF)\(", str(f)) for f in formulas), formulas
    texts = {str(c.value) for c in cells}
    assert all(any(text in t for t in texts) for text in (*TEXTS.values(), TITLE))
    quoted = [c for c in cells if c.data_type == "s" and str(c.value).startswith(("=", "+", "@"))]
    assert quoted and all(c.quotePrefix for c in quoted)  # stays text when the cell is edited, too


def test_score_report_prints_inspection_details_literally(hostile: Path, tmp_path: Path) -> None:
    rs = resolve_alone(hostile)
    results = tmp_path / "results.yaml"
    rows = build_checklist(rs).rows
    results.write_text(yaml.safe_dump({
        "set": SET, "version": checklist_version(rs), "unit": UNIT, "type": "定点检查",
        "inspector": "<b>张三</b>", "date": "2024-05-06",
        "results": {row.id: "符合" for row in rows}}, allow_unicode=True), encoding="utf-8")
    report = Report()
    read = read_results(results, report)
    assert read is not None
    inspection = validate(read, rs, report)
    assert inspection is not None and not report.errors, report.render_text()
    write_report(score([inspection], rs, checklist_version(rs)), tmp_path / "score", ("html",))
    _assert_literal_html(tmp_path / "score" / "score.html", UNIT, "<b>张三</b>")


@pytest.mark.slow
def test_hostile_header_prints_literally_in_pdf(hostile: Path, tmp_path: Path) -> None:
    import pdfplumber

    rs = resolve_alone(hostile)
    build_set(rs, tmp_path / "out", Report(), formats=("pdf",))
    with pdfplumber.open(tmp_path / "out" / SET / "standard.pdf") as pdf:
        text = "\n".join(page.extract_text() or "" for page in pdf.pages[1:4])
    assert "</style><script>alert(1)</script>" in text
