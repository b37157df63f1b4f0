"""Artifacts that write several documents per set (output units in a sub-folder) get incremental
keys, staging and cross-reference entries from build.py and xref.py without being special-cased."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CLAUSES, resolve_alone
from stdgen import build
from stdgen.build import Artifact, Unit, build_sets
from stdgen.diagnostics import Report
from stdgen.doctree import Document, Para, Section
from stdgen.resolve import ResolvedSet
from stdgen.workspace import Workspace
from stdgen.xref import build_index

SET = "db34-t-3395-2019"


def _page(ident: str, title: str) -> Document:
    return Document(title, [Section("body", "none", None, [Para.of("body", title, anchor=ident)])], {})


def _pages(rs: ResolvedSet) -> list[Unit]:
    """One unit per annex: pages/<annex id>.html, anchoring the annex's ID."""
    return [Unit(f"pages/{a.id}", lambda a=a: _page(a.id, a.title), ("html",), title=a.title)
            for a in rs.clause_set.annexes]


@pytest.fixture
def with_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build, "ARTIFACTS", [*build.ARTIFACTS, Artifact("pages", None, ("html",), units=_pages)])


def _stamps(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def test_units_are_built_incrementally_into_a_subfolder(tmp_path: Path, with_pages: None) -> None:
    rs = resolve_alone(CLAUSES / SET)
    out = tmp_path / "out"
    report = Report()
    written = build_sets([rs], out, report, formats=("html",), force=True)
    annexes = [a.id for a in rs.clause_set.annexes]
    assert {f"{SET}/pages/{i}.html" for i in annexes} <= {str(p.relative_to(out)) for p in written}
    page = (out / SET / "pages" / f"{annexes[0]}.html").read_text(encoding="utf-8")
    assert f'id="{annexes[0]}"' in page
    manifest = json.loads((out / SET / "build.json").read_text(encoding="utf-8"))
    assert f"pages/{annexes[0]}.html" in manifest["files"]

    stamps = _stamps(out)
    assert build_sets([rs], out, report, formats=("html",)) == []  # up to date: nothing written
    assert _stamps(out) == stamps
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no staging folder left behind

    fewer = rs.clause_set.model_copy(update={"annexes": rs.clause_set.annexes[1:]})
    rs.clause_set = fewer
    build_sets([rs], out, report, formats=("html",))
    assert not (out / SET / "pages" / f"{annexes[0]}.html").exists()  # a unit that is gone leaves no file
    assert (out / SET / "pages" / f"{annexes[1]}.html").is_file()
    assert not report.items


def test_xref_lists_each_unit_file(tmp_path: Path, with_pages: None) -> None:
    rs = resolve_alone(CLAUSES / SET)
    out = tmp_path / "out"
    build_sets([rs], out, Report(), formats=("html",), force=True)
    index = build_index(Workspace(CLAUSES, {SET: rs}, {}), build.Outputs.read(out, [SET]), build.ARTIFACTS)
    annex = rs.clause_set.annexes[0].id
    entry = next(e for e in index["entries"] if e["id"] == annex)
    pages = [a for a in entry["appears_in"] if a["artifact"] == "pages"]
    assert pages == [{"artifact": "pages", "files": {"html": f"{SET}/pages/{annex}.html"},
                      "links": [f"{SET}/pages/{annex}.html#{annex}"]}]


def test_the_index_and_the_site_make_each_units_document_once(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from stdgen.site import write_site
    from stdgen.unit import Documents

    rs = resolve_alone(CLAUSES / SET)
    out = tmp_path / "out"
    build_sets([rs], out, Report(), formats=("html",), force=True)
    made: list[str] = []
    document = Unit.document
    monkeypatch.setattr(Unit, "document", lambda unit: made.append(unit.stem) or document(unit))
    sets, outputs, documents = {SET: rs}, build.Outputs.read(out, [SET]), Documents()
    index = build_index(Workspace(CLAUSES, sets, {}), outputs, build.ARTIFACTS, documents=documents)
    site = tmp_path / "site"
    site.mkdir()
    keys = write_site(sets, index, build.ARTIFACTS, outputs, out, [], site, tmp_path / "index.html",
                      documents=documents)["pages"]
    assert sorted(made) == sorted(set(made)) and f"{SET}/standard.html" in keys  # each made once, for both
    assert {f"{SET}/{stem}.html" for stem in made} >= set(keys)
    assert 'id="' in (site / SET / "standard.html").read_text(encoding="utf-8")
