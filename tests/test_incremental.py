"""Incremental and parallel builds; rare name characters in the PDF."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from conftest import CLAUSES
from stdgen import site
from stdgen.cli import app

pytestmark = pytest.mark.slow
runner = CliRunner()
SETS = ("db4108-t-6-2020", "window-conduct")


def _clauses(tmp_path: Path) -> Path:
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES, root)  # all sets: their related links point at each other
    return root


def _stamps(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def _build(root: Path, out: Path, *extra: str) -> str:
    result = runner.invoke(app, ["build", "--clauses", str(root), "--out", str(out), *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_noop_edit_and_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root, out = _clauses(tmp_path), tmp_path / "out"
    rendered: list[str] = []  # the site's pages rendered (the cross-set files are staged in this process)
    render_page = site.render_page
    monkeypatch.setattr(site, "render_page", lambda page, *args: rendered.append(page.path) or render_page(page, *args))
    _build(root, out, "--jobs", "2")
    first = _stamps(out)
    assert {f"{s}/{a}.{f}" for s in SETS for a, f in [("standard", "pdf"), ("checklist", "xlsx")]} <= set(first)

    assert "没有变化：无需构建" in _build(root, out)
    assert _stamps(out) == first  # a no-op build rewrites nothing

    body = root / "window-conduct" / "body.yaml"
    text = body.read_text(encoding="utf-8")
    body.write_text(text.replace("必须", "应", 1), encoding="utf-8")
    rendered.clear()
    images, trees = site._images, []
    monkeypatch.setattr(site, "_images", lambda doc: trees.append(doc) or images(doc))  # a tree fingerprinted
    _build(root, out)
    # of the site, only the pages showing the clause are rendered again (not every page the index feeds)
    assert sorted(rendered) == ["window-conduct/checklist.html", "window-conduct/standard.html"]
    # and only the trees of the edited set's pages and of the cross-set pages are fingerprinted again
    assert len(trees) == len(list((out / "site" / "window-conduct").rglob("*.html"))) + 2
    kept_keys = json.loads((out / "build.json").read_text(encoding="utf-8"))["site"]["pages"]
    after = _stamps(out)
    changed = {name for name in after if after[name] != first.get(name)}
    # the set's own files, and of the cross-set outputs only those whose content the edit changed
    assert "window-conduct/standard.pdf" in changed
    assert not {"window-conduct/cards.pdf", "window-conduct/cards.docx"} & changed  # no phrase was edited
    assert {"site/window-conduct/standard.html", "site/search-index.js", "xref.json"} <= changed  # its excerpt
    assert not {"concordance.html", "concordance.docx", "xref.html"} & changed
    others = {name for name in changed if not name.startswith(("window-conduct/", "site/window-conduct/"))}
    assert others <= {"index.html", "xref.json", "site/search-index.js", "build.json", ".build-run.json"}, others

    _build(root, out, "--force", "--jobs", "1")
    forced = _stamps(out)
    assert all(forced[name] != after[name] for name in forced if name.endswith(".pdf"))
    # every tree fingerprinted afresh gives the page keys the kept fingerprints gave
    assert json.loads((out / "build.json").read_text(encoding="utf-8"))["site"]["pages"] == kept_keys


def test_parallel_and_serial_builds_agree(tmp_path: Path) -> None:
    root = _clauses(tmp_path)
    _build(root, tmp_path / "a", *SETS, "--jobs", "2")
    _build(root, tmp_path / "b", *SETS, "--jobs", "1")
    for name in SETS:
        for fmt in ("html", "docx"):
            a = (tmp_path / "a" / name / f"standard.{fmt}").read_bytes()
            b = (tmp_path / "b" / name / f"standard.{fmt}").read_bytes()
            assert len(a) == len(b)
        manifest = json.loads((tmp_path / "a" / name / "build.json").read_text(encoding="utf-8"))
        assert manifest["pages"]["standard.pdf"]  # anchor pages recorded from the PDF layout


def test_rare_name_characters_render_embedded(tmp_path: Path) -> None:
    root = _clauses(tmp_path)
    meta = root / "db4108-t-6-2020" / "standard.yaml"
    text = meta.read_text(encoding="utf-8")
    meta.write_text(text.replace("drafters:\n", "drafters:\n  - 朱镕基\n  - 李堃\n  - 王喆\n", 1), encoding="utf-8")
    out = tmp_path / "out"
    _build(root, out, "db4108-t-6-2020")
    pdf = out / "db4108-t-6-2020" / "standard.pdf"
    with pdfplumber.open(pdf) as doc:
        text = "".join(page.extract_text() or "" for page in doc.pages)
    assert "朱镕基" in text and "李堃" in text and "王喆" in text
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
