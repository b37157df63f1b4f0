"""Concordance between the bundled clause sets: related links both ways (R006/R010), the topic
file (C001–C003), the concordance table (HTML, DOCX) and the cross-reference index (xref)."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pytest
from typer.testing import CliRunner

from conftest import CLAUSES, line_of
from stdgen import build as build_module
from stdgen.artifacts.concordance.topics import FILE_NAME, build_concordance
from stdgen.build import build_set, build_workspace
from stdgen.cli import app
from stdgen.diagnostics import Report
from stdgen.model import Clause
from stdgen.outdir import LOCK, PREFIX
from stdgen.resolve import all_clauses
from stdgen.workspace import Workspace, open_workspace

runner = CliRunner()
SETS = ["db34-t-3395-2019", "db4108-t-6-2020", "zmd-civility-2023", "cq-12345-hotline", "window-conduct"]
VARIANT = "example-city-variant"  # a variant of db34-t-3395-2019: its column repeats inherited clauses
ISSUE_TOPICS = ["首问负责", "一次告知", "限时办结", "延时服务", "电话接听", "文明用语", "服务忌语", "情绪安抚",
                "仪容仪表"]


def _workspace(root: Path = CLAUSES) -> tuple[Workspace, Report]:
    report = Report()
    return open_workspace(root, report), report


def _links(ws: Workspace) -> dict[str, tuple[str, Clause]]:
    return {c.id: (name, c) for name, ls in ws.loaded.items() for c in all_clauses(ls.clause_set)
            if c.id in ls.defines()}


def _copy_all(tmp_path: Path) -> Path:
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES, root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


# --- the bundled links ---------------------------------------------------------------------------


def test_bundled_links_are_symmetric_cross_set_and_at_least_30() -> None:
    ws, report = _workspace()
    clauses = _links(ws)
    pairs: set[frozenset[str]] = set()
    for ident, (name, clause) in clauses.items():
        for other in clause.related:
            assert other in clauses, f"{ident} → {other}: no such clause"
            other_set, other_clause = clauses[other]
            assert other_set != name, f"{ident} → {other}: same set"
            assert ident in other_clause.related, f"{ident} → {other} is one-sided"
            pairs.add(frozenset((ident, other)))
    assert len(pairs) >= 30
    linked_sets = {clauses[i][0] for p in pairs for i in p}
    assert linked_sets == set(SETS)  # every bundled set takes part
    # open_workspace already ran the two-way (R010) and topic (C001–C003) checks into report
    published_numbers = {"R003", "R011"}  # printed numbers kept as published are reported, not links
    assert [d.render() for d in report.items
            if (d.code[0] in "RC" and d.code not in published_numbers) or d.severity == "error"] == []


def test_every_link_is_in_a_topic_and_issue_topics_exist() -> None:
    ws, _ = _workspace()
    conc = build_concordance(ws)
    topics = {row.topic: row for row in conc.rows}
    for name in ISSUE_TOPICS:
        assert name in topics and topics[name].pairs >= 1, name
    assert not any(row.derived for row in conc.rows)  # concordance.yaml holds every link
    for pair in conc.pairs:
        assert any(pair <= set(row.ids()) for row in conc.rows), sorted(pair)
    assert [s.clause_set.name for s in conc.sets] == [*SETS, VARIANT]  # concordance.yaml's order, then by name


# --- diagnostics ---------------------------------------------------------------------------------


def test_one_sided_and_dangling_links_reported_at_their_lines(tmp_path: Path) -> None:
    root = _copy_all(tmp_path)
    body = root / "db34-t-3395-2019" / "10-body.yaml"
    _edit(body, "        related: [ZMD-28]\n", "        related: [ZMD-28, CK-5.1]\n")  # CK-5.1 does not link back
    _edit(body, "        related: [ZMD-41]\n", "        related: [ZMD-41, ZMD-999]\n")  # no such ID anywhere
    zmd = root / "zmd-civility-2023" / "body.yaml"
    _edit(zmd, "      related:\n      - QC-10.5\n", "      related:\n      - QC-10.5\n      - CQ-03.2.1\n")
    result = runner.invoke(app, ["check", "--clauses", str(root), "--format", "json", "--lang", "en"])
    assert result.exit_code == 1  # R006 is an error
    found = [d for d in json.loads(result.stdout) if d["code"] in {"R006", "R010"}]
    got = {(d["code"], Path(d["position"]["file"]).name, d["position"]["line"]) for d in found}
    assert ("R010", "10-body.yaml", line_of(body, "related: [ZMD-28, CK-5.1]")) in got
    assert ("R006", "10-body.yaml", line_of(body, "ZMD-999")) in got
    zmd_lines = zmd.read_text(encoding="utf-8").splitlines()
    first_item = next(i for i, line in enumerate(zmd_lines, 1)
                      if line == "      - QC-10.5" and zmd_lines[i] == "      - CQ-03.2.1")
    assert ("R010", "body.yaml", first_item) in got  # a block list is reported at its first item
    r010 = {d["message"] for d in found if d["code"] == "R010"}
    assert any("'QC-10.5' lists 'CK-5.1'" in m for m in r010)
    assert any("'ZMD-28' lists 'CQ-03.2.1'" in m for m in r010)
    assert all(d["severity"] == "warning" for d in found if d["code"] == "R010")
    assert len(found) == 3


def test_link_to_a_term_is_one_sided(tmp_path: Path) -> None:
    root = _copy_all(tmp_path)
    body = root / "db4108-t-6-2020" / "body.yaml"
    _edit(body, "        text: 尊重和理解。\n", "        text: 尊重和理解。\n        related: [QC-3.1]\n")
    _, report = _workspace(root)
    hits = [d for d in report.items if d.code == "R010"]
    assert len(hits) == 1 and "not a clause" in hits[0].message
    assert hits[0].position.line == line_of(body, "related: [QC-3.1]")


def test_topic_file_problems(tmp_path: Path) -> None:
    root = _copy_all(tmp_path)
    topics = root / FILE_NAME
    _edit(topics, "    ids: [QC-10.5, ZMD-28]\n", "    ids: [QC-10.5, ZMD-28, QC-99, QX-4.1]\n")
    # a new link (both ways) that no topic holds
    body = root / "db34-t-3395-2019" / "10-body.yaml"
    _edit(body, "        source: {document: DB34/T 3395—2019, clause: \"5.1\"}\n",
          "        source: {document: DB34/T 3395—2019, clause: \"5.1\"}\n        related: [CQ-03.1.2.1]\n")
    hotline = root / "cq-12345-hotline" / "body.yaml"
    text = hotline.read_text(encoding="utf-8")
    start = text.index("      - id: CQ-03.1.2.1")
    end = text.index("      - id: CQ-03.1.2.2")
    block = text[start:end].rstrip("\n") + "\n        related: [QC-5.1]\n"
    hotline.write_text(text[:start] + block + text[end:], encoding="utf-8")
    ws, report = _workspace(root)  # the topic checks ran there
    conc = build_concordance(ws)
    got = {(d.code, Path(d.position.file).name, d.position.line) for d in report.items if d.code[0] == "C"}
    line = line_of(topics, "QC-99")
    assert ("C001", FILE_NAME, line) in got  # no such clause
    assert ("C002", FILE_NAME, line) in got  # QX-4.1 has no link inside the topic
    assert ("C003", "10-body.yaml", line_of(body, "related: [CQ-03.1.2.1]")) in got
    derived = [row for row in conc.rows if row.derived]
    assert len(derived) == 1 and set(derived[0].ids()) == {"QC-5.1", "CQ-03.1.2.1"}


# --- the outputs (HTML only for the sets: fast) --------------------------------------------------


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and values.get("href"):
            self.hrefs.append(str(values["href"]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(path: Path) -> _Html:
    parser = _Html()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Workspace, Path]:
    """Every set's standard.html, then the concordance and the cross-reference index."""
    out = tmp_path_factory.mktemp("out")
    ws, report = _workspace()
    for rs in ws.sets.values():
        build_set(rs, out, report, formats=("html",))
    written = build_workspace(ws, out, report)
    assert [p.name for p in written] == ["concordance.html", "concordance.docx", "xref.json", "xref.html", "index.html",
                                        "site"]
    assert not [d.render() for d in report.items if d.code == "B001"]
    return ws, out


def test_concordance_html_links_every_related_id_to_an_anchor(built: tuple[Workspace, Path]) -> None:
    ws, out = built
    page = _parse(out / "concordance.html")
    text = "".join(page.text)
    related = {i for _, c in _links(ws).values() for i in (c.id, *c.related) if c.related}
    assert len(related) > 60
    for ident in related:
        assert ident in text, ident
    targets = {h for h in page.hrefs if "#" in h}
    assert {h.rpartition("#")[2] for h in targets} >= related
    anchors: dict[str, set[str]] = {}
    for href in targets:
        file, _, anchor = href.partition("#")
        if file not in anchors:
            assert (out / file).is_file(), href
            anchors[file] = _parse(out / file).ids
        assert anchor in anchors[file], href
    for topic in ISSUE_TOPICS:
        assert topic in text


def test_concordance_docx_has_the_table(built: tuple[Workspace, Path]) -> None:
    ws, out = built
    conc = build_concordance(ws)
    document = docx.Document(str(out / "concordance.docx"))
    table = document.tables[0]
    assert len(table.rows) == len(conc.rows) + 1
    header = [c.text for c in table.rows[0].cells]
    assert header[0] == "主题" and header[1].startswith("DB34/T 3395—2019")
    cells = "\n".join(c.text for row in table.rows for c in row.cells)
    for pair in conc.pairs:
        for ident in pair:
            assert ident in cells, ident
    first = [c.text for c in table.rows[1].cells]
    assert first[0] == "首问负责" and "QC-10.1" in first[1] and "ZMD-20" in first[3]


def test_xref_lists_every_id_with_its_number(built: tuple[Workspace, Path]) -> None:
    ws, out = built
    index: dict[str, Any] = json.loads((out / "xref.json").read_text(encoding="utf-8"))
    entries = {(e["set"], e["id"]): e for e in index["entries"]}
    for name, rs in ws.sets.items():
        for ident, target in rs.targets.items():
            entry = entries[(name, ident)]
            assert entry["number"] == target.number
            places = {a["artifact"]: a for a in entry["appears_in"]}
            assert places["standard"]["links"] == [f"{name}/standard.html#{ident}"]
    qc = entries[("db34-t-3395-2019", "QC-10.1")]
    assert qc["type"] == "requirement" and qc["title"] == "首问负责" and "ZMD-20" in qc["related"]
    conc = {a["artifact"]: a for a in qc["appears_in"]}["concordance"]
    assert conc["topics"] == ["首问负责"] and conc["links"] == ["concordance.html#topic-1"]
    page = _parse(out / "xref.html")
    assert {"QC-10.1", "ZMD-20", "CK-3.4"} <= page.ids


def test_failed_workspace_build_keeps_previous_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, report = _workspace()
    (tmp_path / "concordance.html").write_text("old", encoding="utf-8")

    def broken(doc: object, path: Path) -> None:
        raise RuntimeError("renderer broke")

    monkeypatch.setitem(build_module.WRITERS, "docx", broken)
    assert build_workspace(ws, tmp_path, report) == []
    assert (tmp_path / "concordance.html").read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["concordance.html"]  # no temporary files left
    assert [d.code for d in report.items if d.code == "B001"] == ["B001"]


def test_subset_build_writes_no_cross_set_files(tmp_path: Path) -> None:
    report = Report()
    ws = open_workspace(CLAUSES, report, ["window-conduct"])
    assert build_workspace(ws, tmp_path, report) == []


# --- the real build (all formats) ----------------------------------------------------------------


@pytest.mark.slow
def test_stdgen_build_writes_concordance_and_xref_with_pdf_pages(tmp_path: Path) -> None:
    import pypdf

    out = tmp_path / "out"
    result = runner.invoke(app, ["build", "--clauses", str(CLAUSES), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("concordance.html", "concordance.docx", "xref.json", "xref.html"):
        assert (out / name).is_file(), name
    assert not [p for p in out.glob(f"{PREFIX}*") if p.name != LOCK]  # no staging leftovers
    index = json.loads((out / "xref.json").read_text(encoding="utf-8"))
    checked = 0
    for entry in index["entries"]:
        for place in entry["appears_in"]:
            if "pdf_page" not in place:
                continue
            reader = pypdf.PdfReader(str(out / place["files"]["pdf"]))
            dest = reader.named_destinations[entry["id"]]
            assert reader.get_destination_page_number(dest) + 1 == place["pdf_page"], (entry["id"], place)
            checked += 1
    assert checked >= 200  # every anchored clause of the five standards at least


@pytest.mark.slow
def test_concordance_docx_opens_in_libreoffice(built: tuple[Workspace, Path], tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    _, out = built
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(out / "concordance.docx")],
                   check=True, capture_output=True, timeout=180)
    import pypdf

    reader = pypdf.PdfReader(str(tmp_path / "concordance.pdf"))
    text = "".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) >= 3 and "首问负责" in text and "QC-10.1" in text
