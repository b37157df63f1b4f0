"""Variants (extends + changes): application, renumbering, references and their diagnostics."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CLAUSES, line_of
from stdgen.diagnostics import Position, Report
from stdgen.loader import LoadedSet, load_set
from stdgen.model import Change, Clause, ClauseSet
from stdgen.resolve import LETTERS, ResolvedSet, resolve
from stdgen.variant import apply_changes
from stdgen.workspace import Workspace, open_workspace

BASE = "db34-t-3395-2019"
HEAD = f"extends: {BASE}\ncode: CITY\n"


def workspace(tmp_path: Path, variants: dict[str, str], base: bool = True) -> tuple[Workspace, Report]:
    root = tmp_path / "clauses"
    root.mkdir(exist_ok=True)
    if base and not (root / BASE).exists():
        shutil.copytree(CLAUSES / BASE, root / BASE)
    for name, text in variants.items():
        (root / name).mkdir(exist_ok=True)
        (root / name / "standard.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    report = Report()
    return open_workspace(root, report), report


def numbers(rs: ResolvedSet) -> dict[str, str]:
    return {ident: t.number for ident, t in rs.targets.items()}


def codes(report: Report) -> list[str]:
    return [d.code for d in report.items if d.severity == "error" or d.code.startswith("V")]


def test_example_variant_in_clauses_folder_is_renumbered() -> None:
    report = Report()
    ws = open_workspace(CLAUSES, report)
    assert not report.errors, report.render_text()
    rs = ws.sets["example-city-variant"]
    parent = ws.sets[BASE]
    new, old = numbers(rs), numbers(parent)
    assert "QC-5.3" not in new and old["QC-5.3"] == "5.3"
    assert (old["QC-9"], new["QC-9"]) == ("9", "7")  # moved before 用语
    assert (old["QC-7.1"], new["QC-7.1"]) == ("7.1", "8.1")
    assert new["EXC-10.8"] == "10.8"
    assert rs.parent is not None and rs.parent.clause_set.name == BASE
    # every inherited ID keeps its meaning: same clause, same source
    items = {n.id: n.item for n in rs.nodes()}
    assert items["QC-10.4"] == next(n.item for n in parent.nodes() if n.id == "QC-10.4")
    assert items["QC-6.3"].paragraphs == ["发型应保持自然，不染异色，不影响办公操作。"]
    # numbers are contiguous at every level
    for node in rs.nodes():
        assert [c.number.rsplit(".", 1)[-1] for c in node.children] == [str(i + 1) for i in range(len(node.children))]
    # the variant's inherited related links raise no one-sided warning
    assert not [d for d in report.items if d.code == "R010" and "example-city-variant" in d.message]


@pytest.mark.parametrize(("change", "expected"), [
    ("- remove: QC-10.2\n  reason: r\n", {"QC-10.3": "10.2", "QC-10.7": "10.6"}),
    ("- move: QC-10\n  before: QC-5\n  reason: r\n", {"QC-10.2": "5.2", "QC-5.1": "6.1", "QC-11": "11"}),
    ("- move: QC-10.2\n  inside: QC-11\n  reason: r\n", {"QC-10.2": "11.5", "QC-10.3": "10.2"}),
    ("- add: {id: CITY-1, title: 新章, text: 新的规定。}\n  before: QC-4\n  reason: r\n",
     {"CITY-1": "4", "QC-4": "5", "QC-10.2": "11.2"}),
    ("- add: {id: CITY-2, text: 新的规定。}\n  inside: QC-11.2\n  reason: r\n", {"CITY-2": "11.2.4"}),
    ("- modify: QC-10.1\n  title: 首问负责制\n  reason: r\n", {"QC-10.2": "10.2"}),
])
def test_references_follow_each_kind_of_change(tmp_path: Path, change: str, expected: dict[str, str]) -> None:
    body = "changes:\n" + textwrap.indent(change, "  ")
    ws, report = workspace(tmp_path, {"city": HEAD + body})
    assert not codes(report), report.render_text()
    rs = ws.sets["city"]
    for ident, number in expected.items():
        assert rs.targets[ident].number == number
        assert rs.plain(f"见[[{ident}]]") == f"见{rs.targets[ident].reference}"
    assert ws.sets[BASE].targets["QC-10.2"].number == "10.2"  # the parent is untouched


def test_modify_every_field(tmp_path: Path) -> None:
    ws, report = workspace(tmp_path, {"city": HEAD + textwrap.dedent("""\
        changes:
          - modify: QC-7.1
            phrases: {remove: [对不起], add: [{scenario: 道别, recommended: [请慢走。]}]}
            type: recommendation
            scope: [window]
            reason: r
          - modify: QC-10.6
            items: [园区, {text: 企业, items: [{text: 重点企业}]}]
            notes: [上门服务须预约。]
            check: {method: [查看], points: 2}
            reason: r
          - modify: QC-A
            title: 服务用语
            reason: r
        """)})
    assert not codes(report), report.render_text()
    nodes = {n.id: n.item for n in ws.sets["city"].nodes()}
    q71 = nodes["QC-7.1"]
    assert q71.phrases[0].recommended == ["请", "您好", "谢谢", "再见"] and q71.phrases[1].scenario == "道别"
    assert (q71.type.value, q71.scope) == ("recommendation", ["window"])  # type: ignore[union-attr]
    q106 = nodes["QC-10.6"]
    assert q106.notes == ["上门服务须预约。"] and q106.check.points == 2  # type: ignore[union-attr]
    assert nodes["QC-A"].title == "服务用语"


def test_table_cells(tmp_path: Path) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES / BASE, root / BASE)
    body = root / BASE / "10-body.yaml"
    text = body.read_text(encoding="utf-8").replace(
        "        source: {document: DB34/T 3395—2019, clause: \"10.6\"}",
        "        table: {id: QC-T1, caption: 表, header: [a, b], rows: [[x, y], [z, w]]}\n"
        "        source: {document: DB34/T 3395—2019, clause: \"10.6\"}")
    body.write_text(text, encoding="utf-8")
    ws, report = workspace(tmp_path, {"city": HEAD + textwrap.dedent("""\
        changes:
          - modify: QC-10.6
            cells: [{row: 2, column: 1, text: 新}]
            reason: r
          - modify: QC-10.7
            cells: [{row: 1, column: 1, text: 新}]
            reason: no table here
        """)})
    table = next(n.item.table for n in ws.sets["city"].nodes() if n.id == "QC-10.6")
    assert table is not None and table.rows == [["x", "y"], ["新", "w"]]
    assert [d.code for d in report.errors] == ["V008"]


def test_fork_of_a_fork(tmp_path: Path) -> None:
    ws, report = workspace(tmp_path, {
        "city": HEAD + "changes:\n  - remove: QC-4\n    reason: r\n"
                       "  - add: {id: CITY-1, text: 市级规定。}\n    inside: QC-5\n    reason: r\n",
        "county": "extends: city\ncode: CTY\nchanges:\n  - remove: QC-5.1\n    reason: r\n"
                  "  - modify: CITY-1\n    text: 县级规定。\n    reason: r\n",
    })
    assert not codes(report), report.render_text()
    county = ws.sets["county"]
    assert county.parent is not None and county.parent.clause_set.name == "city"
    assert county.parent.parent is not None and county.parent.parent.clause_set.name == BASE
    assert numbers(county)["QC-5.2"] == "4.1" and numbers(county)["CITY-1"] == "4.3"
    assert next(n.item for n in county.nodes() if n.id == "CITY-1").paragraphs == ["县级规定。"]
    assert ws.loaded["county"].lineage() == ["county", "city", BASE]


def diagnostics_of(tmp_path: Path, changes: str, name: str = "city") -> tuple[Report, Path]:
    _, report = workspace(tmp_path, {name: HEAD + "changes:\n" + textwrap.indent(textwrap.dedent(changes), "  ")})
    return report, tmp_path / "clauses" / name / "standard.yaml"


def only(report: Report, code: str) -> str:
    found = [d for d in report.items if d.code == code]
    assert len(found) == 1, report.render_text()
    return found[0].render("en")


def test_unknown_id(tmp_path: Path) -> None:
    report, path = diagnostics_of(tmp_path, "- modify: QC-10.22\n  text: x\n  reason: r\n")
    line = line_of(path, "modify: QC-10.22")
    assert only(report, "V001").startswith(f"{path}:{line}:")
    assert "did you mean 'QC-10.2'" in only(report, "V001")


def test_operation_on_removed_clause(tmp_path: Path) -> None:
    report, path = diagnostics_of(tmp_path, """\
        - remove: QC-10
          reason: r
        - modify: QC-10.3
          text: x
          reason: r
        """)
    assert only(report, "V002").startswith(f"{path}:{line_of(path, 'modify: QC-10.3')}:")
    assert f"{path}:{line_of(path, 'remove: QC-10')}" in only(report, "V002")


def test_extends_cycle(tmp_path: Path) -> None:
    _, report = workspace(tmp_path, {"a": "extends: b\nchanges: []\n", "b": "extends: a\nchanges: []\n"})
    text = only(report, "V003")
    assert "a → b → a" in text or "b → a → b" in text
    assert ":1:10 V003" in text


@pytest.mark.parametrize("target", ["../outside", "/etc", "sub/set"])
def test_extends_leaving_the_clauses_folder(tmp_path: Path, target: str) -> None:
    _, report = workspace(tmp_path, {"city": f"extends: {target}\n"})
    assert "leaves the clauses folder" in only(report, "V004")
    assert "city/standard.yaml:1:10" in only(report, "V004")


def test_extends_unknown_set(tmp_path: Path) -> None:
    _, report = workspace(tmp_path, {"city": "extends: db34-t-3395-2091\n"})
    assert "did you mean 'db34-t-3395-2019'" in only(report, "V004")


def test_remaining_reference_into_removed_clause_is_reported_at_the_referring_clause(tmp_path: Path) -> None:
    report, path = diagnostics_of(tmp_path, "- remove: QC-A\n  reason: r\n")
    body = tmp_path / "clauses" / BASE / "10-body.yaml"
    text = only(report, "V005")
    assert text.startswith(f"{body}:{line_of(body, '用语示例见[[QC-A]]')}:")
    assert f"{path}:{line_of(path, 'remove: QC-A')}" in text
    assert not [d for d in report.items if d.code == "R002"]


def test_modified_text_with_bad_reference_is_reported_at_the_change(tmp_path: Path) -> None:
    report, path = diagnostics_of(tmp_path, "- modify: QC-4\n  text: 见[[QC-99]]。\n  reason: r\n")
    assert only(report, "R002").startswith(f"{path}:{line_of(path, '见[[QC-99]]')}:")


def test_two_operations_on_the_same_field(tmp_path: Path) -> None:
    report, path = diagnostics_of(tmp_path, """\
        - modify: QC-4
          text: 一。
          reason: r
        - modify: QC-4
          title: 总则
          reason: r
        - modify: QC-4
          text: 二。
          reason: r
        """)
    text = only(report, "V006")
    assert text.startswith(f"{path}:{line_of(path, 'text: 二。') - 1}:")
    assert "text of QC-4" in text


def test_malformed_changes(tmp_path: Path) -> None:
    report, _ = diagnostics_of(tmp_path, """\
        - remove: QC-4
          modify: QC-5
          reason: r
        - move: QC-4
          reason: r
        - add: {id: QC-99, text: x}
          after: QC-4
          reason: r
        - move: QC-10
          inside: QC-10.2
          reason: r
        - modify: QC-5
          reason: r
        """)
    assert [d.code for d in report.errors] == ["V007", "V007", "V009", "V007", "V007"]


def test_reason_is_required(tmp_path: Path) -> None:
    report, _ = diagnostics_of(tmp_path, "- remove: QC-4\n")
    assert "missing required key 'reason'" in only(report, "S002")


def test_unrelated_sets_defining_the_same_id_is_an_error(tmp_path: Path) -> None:
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES / BASE, root / BASE)
    shutil.copytree(CLAUSES / BASE, root / "copy")
    report = Report()
    open_workspace(root, report)
    dupes = [d for d in report.items if d.code == "R012"]
    assert dupes and all(d.severity == "error" for d in dupes)
    assert "'QC-10.4' is defined by db34-t-3395-2019 and by copy" in report.render_text("en")


def test_lone_set_reports_absent_sets_once_as_information(tmp_path: Path) -> None:
    ws, report = workspace(tmp_path, {})
    assert not report.errors, report.render_text()
    absent = [d for d in report.items if d.code == "R013"]
    assert len(absent) == 1 and absent[0].severity == "info"
    assert "ZMD-" in absent[0].message and "CK-" in absent[0].message
    assert BASE in ws.sets


def test_variant_prefix_and_inherited_ids(tmp_path: Path) -> None:
    report, _ = diagnostics_of(tmp_path, "- add: {id: OTHER-1, text: x}\n  after: QC-4\n  reason: r\n")
    assert "does not start with the variant's prefix 'CITY-'" in only(report, "V009")
    assert not [d for d in report.items if d.code == "R007"]  # inherited QC- IDs are not the variant's to rename


# --- property-based: random sequences of changes ---------------------------------------------

PARENT = load_set(CLAUSES / BASE, Report())
assert PARENT is not None
PARENT_IDS = [n.id for n in resolve(PARENT, Report()).nodes() if isinstance(n.item, Clause)]


@st.composite
def changes(draw: st.DrawFn) -> list[Change]:
    result: list[Change] = []
    for i in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["remove", "modify", "add", "move"]))
        target = draw(st.sampled_from(PARENT_IDS))
        anchor = draw(st.sampled_from(PARENT_IDS))
        place = draw(st.sampled_from(["before", "after", "inside"]))
        if kind == "remove":
            result.append(Change(remove=target, reason="r"))
        elif kind == "modify":
            result.append(Change(modify=target, text=f"改{i}。", reason="r"))
        elif kind == "add":
            result.append(Change.model_validate({"add": {"id": f"CITY-{i}", "text": "新。"}, place: anchor,
                                                 "reason": "r"}))
        else:
            result.append(Change.model_validate({"move": target, place: anchor, "reason": "r"}))
    return result


def _contiguous(rs: ResolvedSet) -> None:
    assert [c.number for c in rs.chapters] == [str(4 + i) for i in range(len(rs.chapters))]
    assert [a.number for a in rs.annexes] == list(LETTERS[:len(rs.annexes)])
    for node in rs.nodes():
        assert [c.number for c in node.children] == [f"{node.number}.{i + 1}" for i in range(len(node.children))]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes())
def test_random_changes_keep_ids_stable_and_numbers_contiguous(ops: list[Change]) -> None:
    assert PARENT is not None
    report = Report()
    std = PARENT.clause_set.standard.model_copy(update={"code": "CITY", "number": None})
    applied = apply_changes(PARENT.clause_set, "city", std, BASE, ops, lambda i, k: Position("v", i + 1), report)
    loaded = LoadedSet(applied.clause_set, Path("city"), {}, PARENT, applied.removed, frozenset(applied.added))
    rs = resolve(loaded, Report())
    _contiguous(rs)
    ids = [n.id for n in rs.nodes()]
    assert len(ids) == len(set(ids))  # nothing duplicated
    parent_items = {n.id: n.item for n in resolve(PARENT, Report()).nodes()}
    expected = (set(parent_items) - set(applied.removed)) | applied.added
    assert set(ids) == expected  # nothing lost, nothing invented
    modified = {ident for ident, _ in applied.modified}
    for node in rs.nodes():
        if node.id in parent_items and node.id not in modified:  # inherited unchanged: same clause, same ID
            assert node.item.model_dump(exclude={"clauses"}) == parent_items[node.id].model_dump(exclude={"clauses"})
        if node.id in modified:
            assert node.item.paragraphs[0].startswith("改")
    assert all(d.code.startswith("V") for d in report.items)  # every refused change is a variant diagnostic
    assert isinstance(applied.clause_set, ClauseSet) and applied.clause_set.extends == BASE


def test_concordance_and_checklist_follow_the_variants_numbers() -> None:
    from stdgen.artifacts.checklist.rows import build_checklist
    from stdgen.artifacts.concordance.topics import build_concordance

    report = Report()
    ws = open_workspace(CLAUSES, report)
    conc = build_concordance(ws)
    row = next(r for r in conc.rows if "QC-9" in r.ids())
    assert [(e.id, e.number) for e in row.cells[BASE]] == [("QC-9", "9")]
    assert [(e.id, e.number) for e in row.cells["example-city-variant"]] == [("QC-9", "7")]
    rows = build_checklist(ws.sets["example-city-variant"]).by_id
    assert "QC-5.3" not in rows and "EXC-10.8" in rows
    assert rows["QC-7.1"].number == "8.1"


def test_inherited_lint_findings_are_reported_once() -> None:
    from stdgen.lint import lint_workspace

    def lint(names: list[str]) -> list[tuple[str, str, int]]:
        report = Report()
        lint_workspace(open_workspace(CLAUSES, report, names), report)
        return sorted((d.code, d.position.file, d.position.line) for d in report.items if d.code.startswith("L"))

    alone = lint([BASE])
    both = lint([BASE, "example-city-variant"])
    assert alone and set(alone) <= set(both) and len(set(both)) == len(both)  # each once
    # what the variant adds is its own doing: text its changes wrote, or inherited text that its
    # 2020 edition now finds wrong (a term calling the document 本标准)
    extra = set(both) - set(alone)
    assert extra and all("example-city-variant" in file or code == "L210" for code, file, _ in extra)
    variant_alone = lint(["example-city-variant"])
    assert [d for d in variant_alone if BASE in d[1]]  # checked on its own, the variant still says them


def test_two_forks_of_one_set_share_inherited_ids_without_error(tmp_path: Path) -> None:
    ws, report = workspace(tmp_path, {"city": HEAD + "changes: []\n", "town": f"extends: {BASE}\ncode: TOWN\n"})
    assert not [d for d in report.items if d.code == "R012"], report.render_text()
    assert ws.sets["city"].targets["QC-10.4"].number == ws.sets["town"].targets["QC-10.4"].number == "10.4"


def test_editing_the_parent_rebuilds_the_variant(tmp_path: Path) -> None:
    from stdgen.build import plan

    ws, _ = workspace(tmp_path, {"city": HEAD + "changes:\n  - remove: QC-10.6\n    reason: r\n"})
    before = {j.file: j.key for j in plan(ws.sets["city"])}
    body = tmp_path / "clauses" / BASE / "10-body.yaml"
    body.write_text(body.read_text(encoding="utf-8").replace("不迟到不早退", "不迟到、不早退"), encoding="utf-8")
    ws, _ = workspace(tmp_path, {})
    after = {j.file: j.key for j in plan(ws.sets["city"])}
    assert before.keys() == after.keys() and all(before[f] != after[f] for f in before)


def test_structure_broken_by_a_change_is_reported_at_the_change(tmp_path: Path) -> None:
    report, path = diagnostics_of(tmp_path, """\
        - remove: QC-5.2
          reason: r
        - remove: QC-5.3
          reason: r
        - add: {id: CITY-1, text: 无标题的新条。}
          inside: QC-10
          reason: r
        """)
    assert only(report, "R003").startswith(f"{path}:{line_of(path, 'remove: QC-5.3')}:")
    assert only(report, "R004").startswith(f"{path}:{line_of(path, 'add: {id: CITY-1')}:")
