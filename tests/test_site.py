"""The site over every artifact (output/index.html, output/site/): pages declared by the artifacts,
one anchor per ID per page, where-else asides both ways, search index, link checker."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import replace
from functools import cache, partial
from pathlib import Path

import pytest

import linkcheck
from conftest import CLAUSES
from stdgen import build as build_module
from stdgen.build import ARTIFACTS, Artifact, Unit, build_sets, build_workspace
from stdgen.diagnostics import Report
from stdgen.doctree import Document, Para, Section, Span, Style, anchor_ids, anchors_of
from stdgen.model import Term
from stdgen.resolve import ResolvedSet
from stdgen.site import SITE
from stdgen.workspace import open_workspace

STANDARD = "db34-t-3395-2019"


def build_html(clauses: Path, out: Path) -> Report:
    """Every set's HTML files and the cross-set outputs (site included): the fast way to a whole site."""
    report = Report()
    ws = open_workspace(clauses, report)
    assert not report.errors, report.render_text()
    build_sets(ws.sets.values(), out, report, formats=("html",))
    build_workspace(ws, out, report)
    assert not report.errors, report.render_text()
    return report


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "output"
    build_html(CLAUSES, out)
    return out


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@cache
def ids_on(path: Path) -> list[str]:
    return linkcheck.parse(path).ids


def test_link_checker_finds_every_link_and_anchor(site: Path) -> None:
    checked, problems = linkcheck.check(site)
    assert not problems, "\n".join(problems[:20])
    assert checked > 2000


def test_link_checker_reports_a_missing_anchor_and_file(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.html").write_text('<a href="b.html#x">b</a><a href="#y">y</a><p id="z"></p><p id="z"></p>'
                                             '<a href="missing.html">m</a><a href="https://example.org/">e</a>'
                                             '<a href="../c.html">c</a><a href="b.html#w">ok</a><img src="data:,">')
    (tmp_path / "out" / "b.html").write_text('<p id="w"></p>')
    (tmp_path / "c.html").write_text("")
    checked, problems = linkcheck.check(tmp_path / "out")
    assert len(problems) == 6 and checked == 7, problems


def test_every_declared_page_of_every_artifact_is_in_the_site(site: Path) -> None:
    index = read(site / "index.html")
    ws = open_workspace(CLAUSES, Report())
    for name, rs in ws.sets.items():
        for artifact in ARTIFACTS:
            for unit in artifact.outputs(rs):
                file = unit.files().get("html")
                if file is None or not (site / name / file).is_file():
                    continue
                path = site / SITE / name / file
                assert path.is_file(), path
                assert f'href="{SITE}/{name}/{file}"' in index
                on_page = ids_on(path)
                shown = set(unit.ids()) if unit.ids else anchors_of(unit.tree())
                for ident in shown & set(rs.targets):
                    assert on_page.count(ident) == 1, (path, ident)


def test_index_lists_the_sets_with_number_title_status_and_version(site: Path) -> None:
    index = read(site / "index.html")
    assert '<meta name="viewport"' in index
    assert "DB34/T 3395—2019" in index and "政务服务　亲切服务规范" in index
    assert "试行" in index  # 驻马店 (试行)
    assert "来源文本不完整" in index  # window-conduct
    assert re.search(r"条款集版本 <code>[0-9a-f]{12}</code>", index)
    assert 'href="site/concordance.html"' in index and 'href="site/xref.html"' in index
    # a variant names the set it is based on, and its 差异对照表 is among its pages (declared by its artifact)
    assert re.search(r'变体，基于 <a href="#set-db34-t-3395-2019">DB34/T 3395—2019</a>（\d+处变更）', index)
    assert 'href="site/example-city-variant/changes.html">差异对照表</a>' in index


def test_standard_page_has_semantic_headings_side_toc_and_viewport(site: Path) -> None:
    html = read(site / SITE / STANDARD / "standard.html")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert html.count("<h1") == 1
    assert re.search(r'<h2 class="chapter" id="QC-10">', html)
    assert re.search(r'<h3 class="clause-2" id="QC-10.1">', html)
    assert '<nav class="side" aria-label="目录">' in html
    assert '<a href="#QC-10.1">10.1　首问负责</a>' in html
    css = read(site / SITE / "site.css")
    assert "@media print" in css and "@media (max-width: 899px)" in css


def test_clause_shows_where_else_it_appears_with_links_there_and_back(site: Path) -> None:
    html = read(site / SITE / STANDARD / "standard.html")
    aside = re.search(r'id="QC-10.1">.*?</h3><aside class="xref">(.*?)</aside>', html, re.S)
    assert aside, "no aside under 10.1"
    text = aside.group(1)
    assert '<span class="cid" title="条款ID">QC-10.1</span>' in text  # the ID, as text to copy
    assert 'href="checklist.html#QC-10.1"' in text  # the checklist row
    topic = re.search(r'href="\.\./concordance\.html#([^"]+)">条款对照表「首问负责」', text)
    assert topic, text
    assert re.search(r'href="\.\./zmd-civility-2023/standard\.html#ZMD-20"', text)  # related clause, other set
    # and back: the checklist row, the concordance topic and the related clause link to QC-10.1
    checklist = read(site / SITE / STANDARD / "checklist.html")
    assert 'id="QC-10.1"' in checklist and 'href="standard.html#QC-10.1"' in checklist
    concordance = read(site / SITE / "concordance.html")
    assert f'id="{topic.group(1)}"' in concordance and 'href="db34-t-3395-2019/standard.html#QC-10.1"' in concordance
    zmd = read(site / SITE / "zmd-civility-2023" / "standard.html")
    assert re.search(r'<aside class="xref"><span class="cid" title="条款ID">ZMD-20</span>.*?'
                     r'href="\.\./db34-t-3395-2019/standard\.html#QC-10\.1"', zmd, re.S)


def test_clause_lists_the_form_that_relies_on_it_and_the_form_links_back(site: Path) -> None:
    html = read(site / SITE / STANDARD / "standard.html")
    aside = re.search(r'id="QC-10.4">.*?</h3><aside class="xref">(.*?)</aside>', html, re.S)
    assert aside, "no aside under 10.4"
    assert 'href="forms/QC-FORM-C1.html#QC-10.4"' in aside.group(1)
    form = read(site / SITE / STANDARD / "forms" / "QC-FORM-C1.html")
    assert 'id="QC-10.4"' in form and 'href="../standard.html#QC-10.4"' in form


def test_links_to_downloads_point_into_the_output_folder(site: Path) -> None:
    html = read(site / SITE / "xref.html")
    assert 'href="../db34-t-3395-2019/standard.html#QC-10.1"' not in html  # HTML places stay in the site
    assert 'href="db34-t-3395-2019/standard.html#QC-10.1"' in html


def test_search_index_holds_text_titles_ids_numbers_and_phrases_of_every_set(site: Path) -> None:
    script = read(site / SITE / "search-index.js")
    assert script.startswith("window.STDGEN_SEARCH = ")
    entries = json.loads(script.removeprefix("window.STDGEN_SEARCH = ").rstrip().rstrip(";"))
    by_id = {(e["s"], e["i"]): e for e in entries if e["i"]}
    assert {e["s"] for e in entries} >= {"DB34/T 3395—2019", "DB4108/T 6—2020"}
    first = by_id[("DB34/T 3395—2019", "QC-10.1")]
    assert first["k"] == "10.1" and first["t"] == "首问负责" and first["u"] == f"{STANDARD}/standard.html#QC-10.1"
    assert "首先接待的工作人员为第一责任人" in first["x"]
    assert any("您好" in e["x"] for e in entries)  # a recommended phrase
    ws = open_workspace(CLAUSES, Report())
    for name in ws.sets:
        assert any(e["u"].startswith(f"{name}/") for e in entries), name
    for e in entries:
        path, _, anchor = e["u"].partition("#")
        assert (site / SITE / path).is_file() and (not anchor or anchor in ids_on(site / SITE / path)), e["u"]


def test_no_asset_comes_from_outside_the_output_folder(site: Path) -> None:
    for path in (site / SITE).rglob("*"):
        if path.suffix in {".html", ".js", ".css"}:
            text = read(path)
            assert not re.search(r"(src|href)=\"(https?:)?//", text), path
            assert "@import" not in text and "url(http" not in text, path


@pytest.mark.slow
def test_ids_link_the_same_clause_after_renumbering(tmp_path: Path) -> None:
    clauses = tmp_path / "clauses"
    shutil.copytree(CLAUSES, clauses)
    body = clauses / "window-conduct" / "body.yaml"  # numbered by position (a published set keeps its printed ones)
    text = read(body)
    anchor = "      - id: CK-1.2\n"
    assert anchor in text
    added = "      - id: CK-1.1a\n        title: 新增条款\n        text: 新增的一条。\n"
    body.write_text(text.replace(anchor, added + anchor, 1), encoding="utf-8")
    out = tmp_path / "output"
    build_html(clauses, out)
    html = read(out / SITE / "window-conduct" / "standard.html")
    assert re.search(r'id="CK-1.2"><span class="num">4.3</span>', html)  # renumbered, same anchor
    assert 'href="standard.html#CK-1.2"' in read(out / SITE / "window-conduct" / "checklist.html")
    _, problems = linkcheck.check(out)
    assert not problems, problems[:10]


# --- a new artifact needs no site code ---------------------------------------------------------------

def _terms_sheet(rs: ResolvedSet) -> Document:
    """A made-up artifact: the set's terms, each linking to the standard (as a phrase card would)."""
    blocks = [Para.of("title", "术语速查")]
    blocks.extend(Para("body", [Span(t.term + "："), Span(t.id, href=f"standard.html#{t.id}")])
                  for t in rs.clause_set.terms)
    styles = {"title": Style("速查_标题", "hei", 16, "center", outline=1), "body": Style("速查_段")}
    return Document(title="术语速查", sections=[Section("sheet", "arabic", "术语速查", blocks, odd_start=False)],
                    styles=styles)


def _term_cards(rs: ResolvedSet) -> list[Unit]:
    """A made-up artifact with one document per term in a sub-folder (as forms/<id>.* are)."""
    def card(term: Term) -> Document:
        blocks = [Para.of("title", term.term),
                  Para("body", [Span("见标准 "), Span(term.id, href=f"../standard.html#{term.id}")])]
        return Document(title=term.term, styles={"title": Style("卡_标题", "hei", 16, outline=1), "body": Style("卡")},
                        sections=[Section("card", "arabic", term.term, blocks, odd_start=False)])
    return [Unit(f"term-cards/{t.id}", partial(card, t), ("html",), title=f"术语卡 {t.term}")
            for t in rs.clause_set.terms]


@pytest.fixture
def extra_artifact(monkeypatch: pytest.MonkeyPatch) -> Iterator[Artifact]:
    artifact = Artifact("terms-sheet", _terms_sheet, ("html",), label="术语速查")
    cards = Artifact("term-cards", None, ("html",), units=_term_cards, label="术语卡")
    monkeypatch.setattr(build_module, "ARTIFACTS", [*ARTIFACTS, artifact, cards])
    yield artifact


@pytest.mark.slow
def test_a_new_artifact_appears_in_the_site_and_in_the_asides(tmp_path: Path, extra_artifact: Artifact) -> None:
    out = tmp_path / "output"
    build_html(CLAUSES, out)
    sheet = out / SITE / STANDARD / "terms-sheet.html"
    assert sheet.is_file()
    assert f'href="{SITE}/{STANDARD}/terms-sheet.html"' in read(out / "index.html")
    html = read(sheet)
    assert "<h2" in html and 'id="QC-3.1"' in html  # its heading, and an anchor for the term it shows
    standard = read(out / SITE / STANDARD / "standard.html")
    assert re.search(r'id="QC-3.1".*?<aside class="xref">.*?href="terms-sheet.html#QC-3.1">术语速查</a>', standard,
                     re.S)
    # an artifact of several units in a sub-folder: one page each, linked both ways
    card = out / SITE / STANDARD / "term-cards" / "QC-3.1.html"
    assert card.is_file() and 'href="../standard.html#QC-3.1"' in read(card) and 'id="QC-3.1"' in read(card)
    assert 'href="../../site.css"' in read(card) and 'href="../../../index.html"' in read(card)
    assert re.search(r'id="QC-3.1".*?<aside class="xref">.*?href="term-cards/QC-3.1.html#QC-3.1">术语卡</a>', standard,
                     re.S)
    xref = json.loads(read(out / "xref.json"))
    assert any(a["name"] == "terms-sheet" and a["label"] == "术语速查" for a in xref["artifacts"])
    _, problems = linkcheck.check(out)
    assert not problems, problems[:10]


def test_anchor_ids_puts_one_anchor_on_the_first_paragraph_showing_an_id() -> None:
    doc = Document("t", [Section("s", "none", None, [
        Para("b", [Span("见 "), Span("X-1", href="a.html#X-1")]),
        Para("b", [Span("X-1", href="a.html#X-1")]),
        Para.of("b", "条款 X-2 的说明"),
        Para.of("b", "X-3", anchor="X-3"),
    ])], {})
    anchor_ids(doc, ["X-1", "X-2", "X-3", "X-4"])
    paras = doc.sections[0].blocks
    assert [p.anchor for p in paras if isinstance(p, Para)] == ["X-1", None, "X-2", "X-3"]
    assert anchors_of(doc) == {"X-1", "X-2", "X-3"}


def test_replace_keeps_artifact_defaults() -> None:
    standard = next(a for a in ARTIFACTS if a.name == "standard")
    assert replace(standard, label="").title == "standard"
