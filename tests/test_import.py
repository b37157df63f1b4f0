"""`stdgen import`: each construct per format, the bundled sets round-tripped through DOCX and PDF,
and the raw seeds compared with their hand-encoded sets."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CLAUSES, resolve_alone
from stdgen.artifacts.standard.tree import build as standard_tree
from stdgen.cli import app
from stdgen.diagnostics import Report
from stdgen.importer import import_file
from stdgen.importer.compare import Match, compare
from stdgen.loader import load_set
from stdgen.render.docx_render import write_docx
from stdgen.render.pdf import write_pdf
from stdgen.resolve import ResolvedSet, resolve

ROOT = Path(__file__).resolve().parents[1]
CONSTRUCTS = ROOT / "tests" / "data" / "import" / "constructs"
SEEDS = ROOT / "tests" / "data" / "seeds"
BUNDLED = sorted(p.name for p in CLAUSES.iterdir() if (p / "standard.yaml").is_file())
METADATA = ("number", "banner", "mark", "title", "ics", "ccs", "filing_number", "issued", "implemented", "issuer",
            "proposer", "administered_by", "drafting_units", "drafters", "replaces", "edition", "patent_notice",
            "foreword", "introduction", "scope", "terms_from", "normative_references", "bibliography", "kind",
            "complete", "status")
runner = CliRunner()


def _import(source: Path, code: str, folder: Path) -> tuple[ResolvedSet, Report]:
    import_file(source, code, folder)
    report = Report()
    loaded = load_set(folder, report)
    assert loaded is not None, report.render_text()
    return resolve(loaded, report), report


def _round_trip(original: ResolvedSet, fmt: str, tmp: Path) -> tuple[Match, ResolvedSet, Report]:
    document = tmp / f"standard.{fmt}"
    (write_docx if fmt == "docx" else write_pdf)(standard_tree(original), document)
    imported, report = _import(document, original.standard.code, tmp / f"imported-{fmt}")
    return compare(original, imported, original.clause_set.name), imported, report


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_construct_comes_back(fmt: str, tmp_path: Path) -> None:
    original = resolve_alone(CONSTRUCTS)
    match, imported, report = _round_trip(original, fmt, tmp_path)
    assert report.errors == []
    assert (match.exact, match.clauses) == (10, 10), "\n".join(match.differences)
    assert (match.terms_exact, match.references_exact) == (2, True)
    for key in METADATA:
        assert getattr(imported.standard, key) == getattr(original.standard, key), key
    got = imported.clause_set
    assert [t.notes for t in got.terms] == [["窗口包括综合窗口和专业窗口。"], []]
    table = got.clauses[1].clauses[1].table
    assert table is not None and (table.id, table.caption, table.rows) == (
        "IM-T1", "办理时限", [["即办件", "当场"], ["承诺件", "5个工作日"]])
    assert table.header == ["事项", "时限"]  # DOCX: by its style; PDF: its cells are centred
    letter = got.clauses[1].clauses[0].clauses[1]
    assert letter.list_style == "letter" and letter.items[0].items[1].text == "请坐"  # type: ignore[union-attr]
    assert [a.normative for a in got.annexes] == [True, False]
    # IDs are the code plus the printed number; source.clause keeps the number
    assert [c.id for c in got.clauses[1].clauses] == ["IM-5.1", "IM-5.2"]
    assert got.clauses[1].clauses[0].clauses[0].source.clause == "5.1.1"  # type: ignore[union-attr]
    assert got.clauses[1].clauses[0].clauses[0].type.value == "requirement"  # guessed from 应


ROUND_TRIP_FLOOR = 0.99


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_set_round_trip(name: str, fmt: str, tmp_path: Path) -> None:
    original = resolve_alone(CLAUSES / name)
    match, _, report = _round_trip(original, fmt, tmp_path)
    print(f"{name} {fmt}: {match.exact}/{match.clauses} clauses exact ({match.rate:.1%}), "
          f"types {match.type_rate:.1%}, terms {match.terms_exact}/{match.terms}")
    assert report.errors == []
    assert match.rate >= ROUND_TRIP_FLOOR, "\n".join(match.differences)
    assert match.terms_exact == match.terms and match.references_exact


def test_seed_000_text_import(tmp_path: Path) -> None:
    original = resolve_alone(CLAUSES / "db4108-t-6-2020")
    imported, report = _import(SEEDS / "000_409eb28d6bae5e62.txt", "QX", tmp_path / "qx")
    match = compare(original, imported, "db4108-t-6-2020", by_source=True)
    assert match.differences == []
    assert (match.exact, match.clauses, match.terms_exact, match.references_exact) == (40, 40, 7, True)
    assert report.errors == []
    # 6 has the single sub-clause 6.1 as published: a warning, the number kept
    assert [(d.code, d.severity) for d in report.items if d.code == "R003"] == [("R003", "warning")]
    for key in METADATA:
        if key not in {"patent_notice", "source", "bibliography"}:
            assert getattr(imported.standard, key) == getattr(original.standard, key), key


def test_seed_002_flattened_text_import(tmp_path: Path) -> None:
    """The seed is a web page holding the whole PDF text as one line: it is cut at clause numbers."""
    original = resolve_alone(CLAUSES / "db34-t-3395-2019")
    imported, report = _import(SEEDS / "002_e87553705ef85d77.txt", "QC", tmp_path / "qc")
    match = compare(original, imported, "db34-t-3395-2019", by_source=True)
    # 8.3: the copy prints "附录 B" with a space; C: the form's cells are run together with the page's footer
    assert [d.split(":")[0] for d in match.differences] == ["8.3", "C"]
    assert (match.exact, match.clauses, match.terms_exact, match.references_exact) == (83, 85, 2, True)
    assert report.errors == []
    std = imported.standard
    assert (std.number, std.edition, std.issued, std.issuer, std.drafters[-1]) == (
        "DB34/T 3395—2019", "2009", original.standard.issued, "安徽省市场监督管理局", "王虹")
    assert "half-width punctuation in Chinese text made full-width" in (std.source.note or "")  # type: ignore[union-attr]


def test_import_command_writes_a_set_and_its_report(tmp_path: Path) -> None:
    clauses = tmp_path / "clauses"
    result = runner.invoke(app, ["import", str(SEEDS / "000_409eb28d6bae5e62.txt"), "--code", "QX",
                                 "--name", "jiaozuo", "--clauses", str(clauses), "--lang", "en"])
    folder = clauses / "jiaozuo"
    assert result.exit_code == 0, result.output
    assert "R003 warning: 6 has a single sub-clause 6.1 (as published)" in result.output
    assert f"{folder}: 5 chapter(s), 7 term(s), 0 annex(es); 1 block(s) not placed" in result.output
    assert sorted(p.name for p in folder.iterdir()) == ["10-terms.yaml", "20-body.yaml", "import-report.txt",
                                                          "standard.yaml"]
    assert (folder / "import-report.txt").read_text(encoding="utf-8").splitlines()[1] == (
        "line 237\t-\t参考文献 text that is not a numbered entry [n]")
    again = runner.invoke(app, ["import", str(SEEDS / "000_409eb28d6bae5e62.txt"), "--code", "QX",
                                "--name", "jiaozuo", "--clauses", str(clauses)])
    assert again.exit_code == 2 and "已存在且不是空的" in again.output


def test_import_that_fails_check_says_why(tmp_path: Path) -> None:
    source = tmp_path / "std.txt"
    text = (SEEDS / "000_409eb28d6bae5e62.txt").read_text(encoding="utf-8")
    source.write_text(text.replace("5.2 情绪释放", "5.1 情绪释放"), encoding="utf-8")  # a misprinted number
    result = runner.invoke(app, ["import", str(source), "--code", "QX", "--clauses", str(tmp_path / "c"),
                                 "--lang", "en"])
    assert result.exit_code == 1
    assert "R001 error: duplicate ID 'QX-5.1'" in result.output


def test_docx_without_tcs_styles_is_read_by_cues(tmp_path: Path) -> None:
    """A Word file typed by hand (every paragraph in Normal): numbering and wording place the blocks."""
    import docx

    document = docx.Document()
    for line in (SEEDS / "000_409eb28d6bae5e62.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            document.add_paragraph(line.strip().removeprefix("- "))
    document.save(str(tmp_path / "plain.docx"))
    original = resolve_alone(CLAUSES / "db4108-t-6-2020")
    imported, report = _import(tmp_path / "plain.docx", "QX", tmp_path / "qx")
    match = compare(original, imported, "db4108-t-6-2020", by_source=True)
    assert (match.exact, match.clauses, match.terms_exact, match.references_exact) == (39, 40, 7, True)
    assert [d.split(":")[0] for d in match.differences] == ["7.2.5"]  # the copy's broken line stays two paragraphs
    assert report.errors == []
