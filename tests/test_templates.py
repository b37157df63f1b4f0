"""Bureau templates: a templates folder overrides the cover, the running header and the page CSS
of every artifact; templates are sandboxed, autoescaped and confined to their folder; a broken
one is a diagnostic at its file and line."""

from __future__ import annotations

import html.parser
import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import docx
import docx.document
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

from bad_input import BODY, STANDARD
from conftest import CLAUSES
from stdgen.artifacts.standard.styles import STYLES
from stdgen.build import build_set, plan
from stdgen.cli import app
from stdgen.diagnostics import Report
from stdgen.doctree import Rule, paras
from stdgen.render import templates
from stdgen.render.cover import bureau_cover
from stdgen.render.docx_render import EAST_ASIAN, write_docx
from stdgen.render.html import FONT_STACKS, render_html
from stdgen.workspace import open_workspace

runner = CliRunner()
ISSUER = "测试局</style><script>alert(1)</script>"
COVER = """\
{# the bureau's own cover: HTML, PDF and DOCX print it #}
banner[size=22, spacing=0.2]: {{ meta.issuer }}
number: {{ meta.number }}
rule[weight=1.5]
title[top=40]: {{ meta.title }}
text[size=14, before=1]: 本市政务服务窗口适用
dates: {{ meta.issued }} 发布 | {{ meta.implemented }} 实施
rule
issuer: 某市市场监督管理局　发布
"""
HEADER = "{{ meta.issuer }}　{{ header }}"
CSS = """\
table.form td { border-color: #c00000; }
.cover-text::after { content: "{{ meta.issuer }}"; }
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
    (bureau / "cover.txt.j2").write_text(COVER, encoding="utf-8")
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
    assert "cover-banner-1" in page.classes and "script" not in page.tags  # autoescaped
    assert ISSUER in page.text and "本市政务服务窗口适用" in page.text and "测试服务规范" in page.text
    assert "table.form td { border-color: #c00000; }" in page.style
    assert "</" not in page.style and "alert" in page.style  # the issuer, CSS-escaped in the stylesheet
    document = docx.Document(str(out / "standard.docx"))
    header = "".join(p.text for s in document.sections for p in s.header.paragraphs)
    assert f"{ISSUER}　DB99/T 1—2024" in header
    cover = [p for p in document.paragraphs[:12] if p.text.strip()]  # the cover section's paragraphs
    assert [p.text for p in cover][:3] == [ISSUER, "DB99/T 1—2024", "测试服务规范"]
    assert cover[0].style.font.size.pt == 22 and cover[0].style.name == "标准文件_封面标准名称前1"
    assert "本市政务服务窗口适用" in [p.text for p in cover] and "某市市场监督管理局　发布" in [p.text for p in cover]
    checklist = _Page()
    checklist.feed((out / "checklist.html").read_text(encoding="utf-8"))
    assert "table.form td { border-color: #c00000; }" in checklist.style  # every artifact takes the page CSS


def test_without_templates_the_package_ones_are_used(project: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, _ = project
    out = _build(clauses, tmp_path / "out", ("html",))
    page = _Page()
    page.feed((out / "standard.html").read_text(encoding="utf-8"))
    assert "cover-banner-1" not in page.classes and "cover-title" in page.classes


def test_a_changed_template_rebuilds(project: tuple[Path, Path]) -> None:
    clauses, bureau = project
    rs = open_workspace(clauses, Report()).sets["bx"]
    templates.use(bureau)
    before = plan(rs)
    (bureau / "page.css.j2").write_text(CSS + "p { color: red; }\n", encoding="utf-8")
    assert all(a.key != b.key for a, b in zip(before, plan(rs), strict=True))


@pytest.mark.parametrize(("source", "line", "words"), [
    ("text: 封面\n{% if %}\n", 2, "Expected an expression"),
    ("text: 封面\ntitle: {{ meta.issuer }\n", 2, "unexpected '}'"),
])
def test_a_broken_template_is_reported_at_its_line(project: tuple[Path, Path], tmp_path: Path, source: str,
                                                   line: int, words: str) -> None:
    clauses, bureau = project
    (bureau / "cover.txt.j2").write_text(source, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--clauses", str(clauses), "--out", str(out), "--templates", str(bureau),
                                 "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    (problem,) = json.loads(result.stdout)
    assert (problem["code"], Path(problem["position"]["file"]).name, problem["position"]["line"]) == (
        "T001", "cover.txt.j2", line)
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
    (bureau / "cover.txt.j2").write_text("text: 封面\ntext: " + source + "\n", encoding="utf-8")
    templates.use(bureau)
    report = Report()
    rs = open_workspace(clauses, report).sets["bx"]
    build_set(rs, tmp_path / "out", report, formats=("html",))
    (problem,) = report.errors
    assert (problem.code, Path(problem.position.file).name, problem.position.line) == ("T002", "cover.txt.j2", 2)
    assert words in problem.message and "SECRET" not in problem.message
    assert not (tmp_path / "out" / "bx").exists()


def test_a_bureau_folder_sandboxes_every_template_and_the_page_is_the_same(tmp_path: Path) -> None:
    """Without a bureau folder stdgen's own templates render as plain Jinja (faster); with one, every
    template is sandboxed. The bundled 驻马店 standard's and checklist's pages come out the same either way."""
    from stdgen.build import ARTIFACTS

    rs = open_workspace(CLAUSES, Report()).sets["zmd-civility-2023"]
    docs = [u.document() for a in ARTIFACTS if a.name in ("standard", "checklist") for u in a.outputs(rs)]
    templates.use(None)
    assert not any(env.sandboxed for env in templates._environments())
    plain = [render_html(doc) for doc in docs]
    empty = tmp_path / "templates"
    empty.mkdir()
    templates.use(empty)
    try:
        assert all(env.sandboxed for env in templates._environments())
        assert [render_html(doc) for doc in docs] == plain
        assert len(plain) == 2 and all("坚持“优质、方便、规范、快捷”" in page for page in plain)
    finally:
        templates.use(None)


def test_unsafe_attributes_print_nothing(project: tuple[Path, Path]) -> None:
    _, bureau = project
    (bureau / "probe.txt.j2").write_text("[{{ meta.issuer.__class__ }}][{{ doc.__init__ }}]", encoding="utf-8")
    templates.use(bureau)
    assert templates.render("probe.txt.j2", meta={"issuer": "x"}, doc=object()) == "[][]"


def test_the_sandbox_keeps_its_answers_per_type_and_attribute(project: tuple[Path, Path], tmp_path: Path) -> None:
    _, bureau = project
    (bureau / "probe.txt.j2").write_text("[{{ a.parent }}][{{ p.parent }}][{{ a.__class__ }}]", encoding="utf-8")
    templates.use(bureau)
    holder = SimpleNamespace(parent="ok")
    for _ in range(2):  # the second time from the kept answers: a path's attribute stays closed
        assert templates.render("probe.txt.j2", a=holder, p=tmp_path / "figure.png") == "[ok][][]"


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
    printed = "".join(cover.split())  # the banner is letter-spaced
    assert all(words in printed for words in (ISSUER, "2024-01-02发布", "本市政务服务窗口适用", "某市市场监督管理局"))
    assert f"{ISSUER} DB99/T 1—2024" in later.replace("　", " ")  # the header over the 目次


def test_values_never_become_cover_markup(project: tuple[Path, Path]) -> None:
    """A title holding a line break, a role, a bar or attributes prints as text on its own line."""
    _, bureau = project
    templates.use(bureau)
    hostile = "政务\nissuer[size=72]: 假发布单位 | 右边 \\: [x]"
    blocks, styles = bureau_cover({"title": hostile, "issuer": "某局", "issued": "2024-01-02",
                                   "implemented": hostile, "number": "DB99/T 1—2024"}, STYLES) or ([], {})
    texts = [[p.text for p in paras([b])] for b in blocks if not isinstance(b, Rule)]
    assert texts[2] == ["政务 issuer[size=72]: 假发布单位 | 右边 \\: [x]"]  # the title, one line
    assert texts[4] == ["2024-01-02 发布", "政务 issuer[size=72]: 假发布单位 | 右边 \\: [x] 实施"]  # split once
    assert set(styles) == {"cover-banner-1", "cover-title-1", "cover-text-1"}


@pytest.mark.parametrize(("line", "words"), [
    ("titel: {{ meta.title }}", "unknown cover role 'titel' (did you mean 'title'?)"),
    ("{{ meta.title }}", "cover line '测试服务规范' is not `ROLE[ATTRIBUTES]: TEXT`"),
    ("title[sise=20]: x", "unknown cover attribute 'sise' (did you mean 'size'?)"),
    ("title[size=200]: x", "size='200': a number from 5 to 72"),
    ("title[align=middle]: x", "align='middle': one of left, center, right, justify"),
    ("rule[size=3]", "unknown cover attribute 'size'"),
    ("title 政务服务", "is not `ROLE[ATTRIBUTES]: TEXT`"),
])
def test_a_wrong_cover_line_is_reported_at_its_template_line(project: tuple[Path, Path], tmp_path: Path,
                                                              line: str, words: str) -> None:
    clauses, bureau = project
    (bureau / "cover.txt.j2").write_text(f"{{# cover #}}\nnumber: {{{{ meta.number }}}}\n{line}\nrule\n",
                                         encoding="utf-8")
    templates.use(bureau)
    report = Report()
    rs = open_workspace(clauses, report).sets["bx"]
    build_set(rs, tmp_path / "out", report, formats=("html", "docx"))
    (problem,) = report.errors
    assert (problem.code, Path(problem.position.file).name, problem.position.line) == ("T002", "cover.txt.j2", 3)
    assert words in problem.message, problem.message
    assert not (tmp_path / "out" / "bx").exists()


def test_an_html_cover_of_earlier_versions_is_refused(project: tuple[Path, Path], tmp_path: Path) -> None:
    """cover.html.j2 never reached the DOCX: a bureau that still has one is told to write cover.txt.j2."""
    clauses, bureau = project
    (bureau / "cover.html.j2").write_text("<h1>{{ meta.title }}</h1>\n", encoding="utf-8")
    result = runner.invoke(app, ["build", "--clauses", str(clauses), "--out", str(tmp_path / "out"),
                                 "--templates", str(bureau), "--format", "json"])
    assert result.exit_code == 1
    (problem,) = json.loads(result.stdout)
    assert (problem["code"], Path(problem["position"]["file"]).name) == ("T001", "cover.html.j2")
    assert "cover.txt.j2" in problem["message"]


@pytest.mark.slow
def test_bureau_cover_in_the_docx_and_pdf_of_a_cli_build(project: tuple[Path, Path], tmp_path: Path) -> None:
    """End to end: a project's templates/ folder overriding the cover; the DOCX (python-docx, and LibreOffice's
    PDF of it) and stdgen's PDF print the bureau's lines on page 1."""
    import subprocess
    import sys

    import pdfplumber

    _, bureau = project
    (bureau / "header.txt.j2").unlink()
    out = tmp_path / "output"
    env = {"PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "stdgen", "build", "--jobs", "1"], cwd=tmp_path, env=env,
                            capture_output=True, text=True)  # templates/ beside clauses/: found without --templates
    assert result.returncode == 0, result.stderr
    lines = ["本市政务服务窗口适用", "某市市场监督管理局", "2024-01-02 发布", "2024-02-03 实施"]
    document = docx.Document(str(out / "bx" / "standard.docx"))
    docx_cover = "\n".join(p.text for p in document.paragraphs[:12])
    assert all(line in docx_cover for line in [*lines[:2], ISSUER]), docx_cover
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"),
                    str(out / "bx" / "standard.docx")], capture_output=True, check=True, timeout=180)
    for pdf_file in (out / "bx" / "standard.pdf", tmp_path / "lo" / "standard.pdf"):
        with pdfplumber.open(pdf_file) as pdf:
            page = "".join((pdf.pages[0].extract_text() or "").split())  # letter-spaced lines as one word
        assert all("".join(line.split()) in page for line in [*lines, ISSUER]), (pdf_file, page)


STYLES_TXT = """\
{# the bureau's form and body type, for every format #}
form-title[size=20, font=kai]
form-label[size=12, bold]
"""


def _form_files(clauses: Path, out: Path) -> tuple[docx.document.Document, str]:
    from stdgen.artifacts import forms

    report = Report()
    rs = open_workspace(clauses, report, ["db34-t-3395-2019"]).sets["db34-t-3395-2019"]
    unit = forms.units(rs)[0]
    out.mkdir(parents=True, exist_ok=True)
    write_docx(unit.document(), out / "form.docx")
    return docx.Document(str(out / "form.docx")), render_html(unit.document())


def test_bureau_styles_reach_the_docx_and_the_html_of_a_form(tmp_path: Path) -> None:
    bureau = tmp_path / "templates"
    bureau.mkdir()
    (bureau / "styles.txt.j2").write_text(STYLES_TXT, encoding="utf-8")
    templates.use(bureau)
    try:
        document, page = _form_files(CLAUSES, tmp_path / "out")
    finally:
        templates.use(None)
    title = document.styles["表单_标题"]
    assert title.font.size.pt == 20 and title.element.rPr.rFonts.get(qn("w:eastAsia")) == EAST_ASIAN["kai"]
    assert document.styles["表单_栏目"].font.size.pt == 12 and document.styles["表单_栏目"].font.bold
    assert [p.style.name for p in document.paragraphs if p.text == "预约服务登记表"] == ["表单_标题"]
    assert f".form-title {{ font-family: {FONT_STACKS['kai']}; font-size: 20.0pt" in page
    assert ".form-label { font-family: " in page and "font-size: 12.0pt" in page.split(".form-label {")[1][:200]
    plain, _ = _form_files(CLAUSES, tmp_path / "plain")  # without the folder: stdgen's own
    assert plain.styles["表单_标题"].font.size.pt == 18


@pytest.mark.parametrize(("line", "words"), [
    ("form-titel[size=20]", "unknown style 'form-titel' (did you mean 'form-title'?)"),
    ("form-title[colour=red]", "unknown style attribute 'colour'"),
    ("form-title[size=20]: 标题", "a style line has no text after its attributes"),
])
def test_a_wrong_style_line_is_t002_at_its_line(project: tuple[Path, Path], tmp_path: Path, line: str,
                                                words: str) -> None:
    clauses, bureau = project
    (bureau / "styles.txt.j2").write_text(f"body[size=11]\n{line}\n", encoding="utf-8")
    templates.use(bureau)
    report = Report()
    rs = open_workspace(clauses, report).sets["bx"]
    build_set(rs, tmp_path / "out", report, formats=("html", "docx"))
    problem = report.errors[0]
    assert (problem.code, Path(problem.position.file).name, problem.position.line) == ("T002", "styles.txt.j2", 2)
    assert words in problem.message, problem.message
    assert not (tmp_path / "out" / "bx").exists()


def test_bureau_css_styles_the_cards(project: tuple[Path, Path]) -> None:
    """page.css.j2 reaches the cards' HTML and PDF page (they have their own template and CSS)."""
    from stdgen.artifacts.cards.build import set_deck
    from stdgen.artifacts.cards.render import render

    _, bureau = project
    (bureau / "page.css.j2").write_text(".card { border-color: #c00000; }\n/* {{ meta.issuer }} */\n",
                                        encoding="utf-8")
    rs = open_workspace(CLAUSES, Report(), ["db34-t-3395-2019"]).sets["db34-t-3395-2019"]
    templates.use(bureau)
    for mode in ("screen", "sheet"):
        page = render(set_deck(rs), mode)
        assert ".card { border-color: #c00000; }" in page
        assert "</" not in page.split("<style>")[1].split("</style>")[0]  # the issuer stays inside the CSS
    templates.use(None)
    assert "#c00000" not in render(set_deck(rs), "screen")


@pytest.mark.slow
def test_stdgen_cards_takes_the_templates_folder(project: tuple[Path, Path], tmp_path: Path) -> None:
    _, bureau = project
    (bureau / "page.css.j2").write_text(".card { border-color: #c00000; }\n", encoding="utf-8")
    out = tmp_path / "cards"
    result = runner.invoke(app, ["cards", "db34-t-3395-2019", "--clauses", str(CLAUSES), "--out", str(out),
                                 "--templates", str(bureau)])
    assert result.exit_code == 0, result.output
    assert ".card { border-color: #c00000; }" in (out / "db34-t-3395-2019" / "cards.html").read_text(encoding="utf-8")
