"""Bureau templates: a templates folder overrides the cover, the running header and the page CSS
of every artifact; templates are sandboxed, autoescaped and confined to their folder; a broken
one is a diagnostic at its file and line."""

from __future__ import annotations

import html.parser
import json
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from bad_input import BODY, STANDARD
from stdgen.build import build_set, plan
from stdgen.cli import app
from stdgen.diagnostics import Report
from stdgen.render import templates
from stdgen.workspace import open_workspace

runner = CliRunner()
ISSUER = "测试局</style><script>alert(1)</script>"
COVER = """\
<div class="bureau-cover">
  <p class="bureau-issuer">{{ meta.issuer }}</p>
  <h1>{{ meta.title }}</h1>
  <p>{{ meta.number }}　{{ meta.issued }} 发布</p>
</div>
"""
HEADER = "{{ meta.issuer }}　{{ header }}"
CSS = """\
table.form td { border-color: #c00000; }
.bureau-cover::after { content: "{{ meta.issuer }}"; }
"""


@pytest.fixture
def project(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """(clauses folder with set bx whose issuer is hostile, a bureau templates folder)."""
    clauses = tmp_path / "clauses"
    (clauses / "bx").mkdir(parents=True)
    (clauses / "bx" / "standard.yaml").write_text(
        STANDARD.replace("issuer: 测试省市场监督管理局", f"issuer: {json.dumps(ISSUER, ensure_ascii=False)}"),
        encoding="utf-8")
    (clauses / "bx" / "body.yaml").write_text(BODY, encoding="utf-8")
    bureau = tmp_path / "templates"
    bureau.mkdir()
    (bureau / "cover.html.j2").write_text(COVER, encoding="utf-8")
    (bureau / "header.txt.j2").write_text(HEADER, encoding="utf-8")
    (bureau / "page.css.j2").write_text(CSS, encoding="utf-8")
    yield clauses, bureau
    templates.use(None)


class _Page(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.classes: list[str] = []
        self.text = ""
        self.style = ""
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.classes.extend(v or "" for k, v in attrs if k == "class")
        self._style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.style += data
        else:
            self.text += data


def _build(clauses: Path, out: Path, formats: tuple[str, ...]) -> Path:
    report = Report()
    rs = open_workspace(clauses, report).sets["bx"]
    build_set(rs, out, report, formats=formats)
    assert not report.errors, report.render_text()
    return out / "bx"


def test_bureau_cover_header_and_css_in_html_and_docx(project: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, bureau = project
    templates.use(bureau)
    out = _build(clauses, tmp_path / "out", ("html", "docx"))
    page = _Page()
    page.feed((out / "standard.html").read_text(encoding="utf-8"))
    assert "bureau-cover" in page.classes and "script" not in page.tags  # autoescaped
    assert f"{ISSUER}" in page.text and "测试服务规范" in page.text
    assert "table.form td { border-color: #c00000; }" in page.style
    assert "</" not in page.style and "alert" in page.style  # the issuer, CSS-escaped in the stylesheet
    header = "".join(p.text for s in docx.Document(str(out / "standard.docx")).sections for p in s.header.paragraphs)
    assert f"{ISSUER}　DB99/T 1—2024" in header
    checklist = _Page()
    checklist.feed((out / "checklist.html").read_text(encoding="utf-8"))
    assert "table.form td { border-color: #c00000; }" in checklist.style  # every artifact takes the page CSS


def test_without_templates_the_package_ones_are_used(project: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, _ = project
    out = _build(clauses, tmp_path / "out", ("html",))
    page = _Page()
    page.feed((out / "standard.html").read_text(encoding="utf-8"))
    assert "bureau-cover" not in page.classes and "cover-title" in page.classes


def test_a_changed_template_rebuilds(project: tuple[Path, Path]) -> None:
    clauses, bureau = project
    rs = open_workspace(clauses, Report()).sets["bx"]
    templates.use(bureau)
    before = plan(rs)
    (bureau / "page.css.j2").write_text(CSS + "p { color: red; }\n", encoding="utf-8")
    assert all(a.key != b.key for a, b in zip(before, plan(rs), strict=True))


@pytest.mark.parametrize(("source", "line", "words"), [
    ("<div>\n{% if %}\n</div>\n", 2, "Expected an expression"),
    ("<p>\n{{ meta.issuer }\n", 2, "unexpected '}'"),
])
def test_a_broken_template_is_reported_at_its_line(project: tuple[Path, Path], tmp_path: Path, source: str,
                                                   line: int, words: str) -> None:
    clauses, bureau = project
    (bureau / "cover.html.j2").write_text(source, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--clauses", str(clauses), "--out", str(out), "--templates", str(bureau),
                                 "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    (problem,) = json.loads(result.stdout)
    assert (problem["code"], Path(problem["position"]["file"]).name, problem["position"]["line"]) == (
        "T001", "cover.html.j2", line)
    assert words in problem["message"]
    assert not (out / "bx").exists()


@pytest.mark.parametrize(("source", "words"), [
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "SecurityError"),
    ("{% include '../../../../etc/passwd' %}", "TemplateNotFound"),
    ("{% include '/etc/passwd' %}", "TemplateNotFound"),
    ("{% include 'secret.html.j2' %}", "TemplateNotFound"),  # a link leading outside the folder
])
def test_templates_cannot_leave_the_sandbox(project: tuple[Path, Path], tmp_path: Path, source: str,
                                            words: str) -> None:
    clauses, bureau = project
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    (bureau / "secret.html.j2").symlink_to(tmp_path / "secret.txt")
    (bureau / "header.txt.j2").unlink()
    (bureau / "cover.html.j2").write_text("<div>\n" + source + "\n</div>\n", encoding="utf-8")
    templates.use(bureau)
    report = Report()
    rs = open_workspace(clauses, report).sets["bx"]
    build_set(rs, tmp_path / "out", report, formats=("html",))
    (problem,) = report.errors
    assert (problem.code, Path(problem.position.file).name, problem.position.line) == ("T002", "cover.html.j2", 2)
    assert words in problem.message and "SECRET" not in problem.message
    assert not (tmp_path / "out" / "bx").exists()


def test_unsafe_attributes_print_nothing(project: tuple[Path, Path]) -> None:
    _, bureau = project
    (bureau / "probe.txt.j2").write_text("[{{ meta.issuer.__class__ }}][{{ doc.__init__ }}]", encoding="utf-8")
    templates.use(bureau)
    assert templates.render("probe.txt.j2", meta={"issuer": "x"}, doc=object()) == "[][]"


def test_paths_in_the_context_cannot_be_used_to_read_files(project: tuple[Path, Path], tmp_path: Path) -> None:
    _, bureau = project
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    (bureau / "probe.txt.j2").write_text("{{ image.parent.joinpath('secret.txt').read_text() }}", encoding="utf-8")
    templates.use(bureau)
    with pytest.raises(templates.TemplateProblem) as caught:
        templates.render("probe.txt.j2", image=tmp_path / "figure.png")
    assert caught.value.code == "T002" and caught.value.line == 1 and "SECRET" not in str(caught.value)


@pytest.mark.slow
def test_bureau_cover_and_header_in_the_pdf(project: tuple[Path, Path], tmp_path: Path) -> None:
    import pdfplumber

    clauses, bureau = project
    templates.use(bureau)
    out = _build(clauses, tmp_path / "out", ("pdf",))
    with pdfplumber.open(out / "standard.pdf") as pdf:
        cover = pdf.pages[0].extract_text() or ""
        later = pdf.pages[2].extract_text() or ""
    assert ISSUER in cover and "2024-01-02 发布" in cover
    assert f"{ISSUER} DB99/T 1—2024" in later.replace("　", " ")  # the header over the 目次
