"""Fidelity of clause set db4108-t-6-2020 (DB4108/T 6—2020) to its seed text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import resolve_alone
from seeds import SEEDS, SET_SEEDS, normalise, seed_text
from stdgen.model import Clause, ListItem
from stdgen.resolve import ResolvedSet

SET = "db4108-t-6-2020"
FOLDER = Path(__file__).resolve().parents[1] / "clauses" / SET
SEED = SET_SEEDS[SET]


@pytest.fixture(scope="module")
def resolved() -> ResolvedSet:
    return resolve_alone(FOLDER)


def _walk(clauses: list[Clause]) -> Iterator[Clause]:
    for clause in clauses:
        yield clause
        yield from _walk(clause.clauses)


def _items(entries: list[str | ListItem]) -> Iterator[str]:
    for entry in entries:
        if isinstance(entry, str):
            yield entry
        else:
            yield entry.text
            yield from _items(list(entry.items))


def _texts(rs: ResolvedSet) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text the set takes from the seed."""
    cs = rs.clause_set
    std = cs.standard
    yield "title", std.title.zh
    for key in ("banner", "issuer", "mark", "ics", "ccs"):
        value = getattr(std, key)
        if value:
            yield key, value
    for key in ("proposer", "administered_by", "drafting_units", "drafters",
                "scope", "foreword", "bibliography"):
        for i, value in enumerate(getattr(std, key)):
            yield f"{key}[{i}]", value
    for term in cs.terms:
        yield term.id, term.term
        yield term.id, term.definition
        for note in term.notes:
            yield term.id, note
    for clause in _walk(cs.clauses):
        if clause.title:
            yield clause.id, clause.title
        for para in clause.paragraphs:
            yield clause.id, para
        for entry in _items(list(clause.items)):
            yield clause.id, entry
        for note in (*clause.notes, *clause.examples):
            yield clause.id, note
        for group in clause.phrases:
            yield clause.id, group.scenario
            yield from ((clause.id, p) for p in group.recommended)
            for bad in group.forbidden:
                yield clause.id, bad.text
                for extra in (bad.context, bad.instead):
                    if extra:
                        yield clause.id, extra


def test_every_text_is_in_the_seed(resolved: ResolvedSet) -> None:
    seed = seed_text(SEED)
    missing = [(where, text) for where, text in _texts(resolved)
               if normalise(resolved.plain(text)) not in seed]
    assert not missing, "\n".join(f"{where}: {text}" for where, text in missing)


def _seed_numbers() -> list[str]:
    """Numbers of chapters 4… and of every numbered clause or term of the seed body."""
    raw = (SEEDS / SEED).read_text(encoding="utf-8")
    body = raw[raw.rindex("\n1 范围\n"):]  # skip cover, 目次 and 前言
    numbers = re.findall(r"^(?:-\s*)?(\d+(?:\.\d+)*)(?=\s|$)", body, flags=re.MULTILINE)
    return [n for n in numbers if "." in n or int(n) >= 4]


def _covered(resolved: ResolvedSet) -> set[str]:
    cs = resolved.clause_set
    sources = [t.source for t in cs.terms] + [c.source for c in _walk(cs.clauses)]
    covered: set[str] = set()
    for source in sources:
        if source is not None and source.clause:
            covered.update(part.strip() for part in source.clause.split(","))
    return covered


def test_every_seed_number_is_covered(resolved: ResolvedSet) -> None:
    numbers = _seed_numbers()
    assert len(numbers) == len(set(numbers)), "a seed number was read twice"
    assert {"3.1", "3.7", "6.1", "6.1.2.2", "7.3.6", "8.2"} <= set(numbers)
    uncovered = [n for n in numbers if n not in _covered(resolved)]
    assert not uncovered, f"seed numbers with no clause or term: {uncovered}"


def test_every_seed_number_is_printed_as_in_the_seed(resolved: ResolvedSet) -> None:
    """Each clause keeps the number the seed prints for it, and every seed number is printed."""
    printed = {node.number for node in resolved.nodes()}
    printed |= {resolved.term_number(i) for i in range(len(resolved.clause_set.terms))}
    assert [n for n in _seed_numbers() if n not in printed] == []
    wrong = [(node.id, node.number, node.item.source.clause) for node in resolved.nodes()
             if node.item.source and node.item.source.clause and node.number != node.item.source.clause]
    assert wrong == []
    numbers = {node.id: node.number for node in resolved.nodes()}
    assert (numbers["QX-6.1"], numbers["QX-6.1.2.1"], numbers["QX-6.1.4"]) == ("6.1", "6.1.2.1", "6.1.4")


def test_every_element_has_a_source(resolved: ResolvedSet) -> None:
    cs = resolved.clause_set
    missing = [t.id for t in cs.terms if t.source is None]
    missing += [c.id for c in _walk(cs.clauses) if c.source is None]
    assert not missing, missing


def _by_source(resolved: ResolvedSet) -> dict[str, Clause]:
    return {c.source.clause: c for c in _walk(resolved.clause_set.clauses) if c.source and c.source.clause}


def test_cover_and_foreword(resolved: ResolvedSet) -> None:
    std = resolved.standard
    assert std.code == "QX"
    assert std.number == "DB4108/T 6—2020"
    assert std.mark == "DB4108" and std.banner == "焦作市地方标准"
    assert std.title.zh == "政务服务窗口服务情绪化办事群众工作规范" and std.title.en is None
    assert (std.ics, std.ccs) == ("01.040.03", "A12")
    assert (str(std.issued), str(std.implemented)) == ("2020-12-31", "2021-01-19")
    assert std.issuer == "焦作市市场监督管理局"
    assert std.edition == "2020" and std.patent_notice is False
    assert std.proposer == ["焦作市住房公积金中心"]
    assert std.administered_by == ["焦作市政务服务和大数据管理局"]
    assert len(std.drafting_units) == 3 and len(std.drafters) == 9
    assert len(std.scope) == 2 and std.normative_references == []


def test_terms(resolved: ResolvedSet) -> None:
    terms = resolved.clause_set.terms
    assert len(terms) == 7
    assert [t.id for t in terms] == [f"QX-3.{i}" for i in range(1, 8)]
    assert all(t.en is None for t in terms)


def test_six_dos_with_recommended_phrases(resolved: ResolvedSet) -> None:
    by_source = _by_source(resolved)
    dos = by_source["7.2"].clauses
    assert [c.source.clause for c in dos if c.source] == [f"7.2.{i}" for i in range(1, 7)]
    for number in ("7.2.1", "7.2.3", "7.2.4", "7.2.5"):
        recommended = [p for g in by_source[number].phrases for p in g.recommended]
        assert recommended, f"{number} has no recommended phrase"
    joined = [p for g in by_source["7.2.5"].phrases for p in g.recommended]
    assert "我们也希望能帮您解决这个问题，不过超出了现行政策范围。" in joined  # page break joined


def test_six_donts_with_forbidden_phrases(resolved: ResolvedSet) -> None:
    by_source = _by_source(resolved)
    donts = by_source["7.3"].clauses
    assert [c.source.clause for c in donts if c.source] == [f"7.3.{i}" for i in range(1, 7)]
    expected = {
        "7.3.1": {"这不是我的过错，你去找某某领导", "我们不会、不可能"},
        "7.3.2": {"这是常有的事", "你好像不明白"},
        "7.3.3": {"你肯定弄混了"},
    }
    for number, phrases in expected.items():
        forbidden = {f.text for g in by_source[number].phrases for f in g.forbidden}
        assert phrases <= forbidden, f"{number}: missing {phrases - forbidden}"
    instead = [f.instead for g in by_source["7.3.4"].phrases for f in g.forbidden if f.instead]
    assert any("感谢您对我们工作的配合" in i for i in instead)


def test_structure_as_in_seed(resolved: ResolvedSet) -> None:
    by_source = _by_source(resolved)
    assert by_source["5.1"].list_style == "number"
    assert len(by_source["5.1"].items) == 4
    assert all(c.title is None for c in by_source["4"].clauses)
    assert all(c.title for c in by_source["5"].clauses)
    assert [c.source.clause for c in by_source["6"].clauses if c.source] == ["6.1"]  # a single clause, as printed
    assert by_source["6.1"].title == "分类及策略"
    assert [c.source.clause for c in by_source["6.1"].clauses if c.source] == ["6.1.1", "6.1.2", "6.1.3", "6.1.4"]
    assert [c.source.clause for c in by_source["8.1"].clauses if c.source] == ["8.1.1", "8.1.2", "8.1.3"]


def test_bibliography(resolved: ResolvedSet) -> None:
    bib = resolved.standard.bibliography
    assert len(bib) == 6
    assert bib[0] == "《中共中央办公厅、国务院办公厅印发<关于深入推进审批服务便民化指导意见的通知>"
    assert all(normalise(entry) in seed_text(SEED) for entry in bib)


def test_counts(resolved: ResolvedSet) -> None:
    clauses = list(_walk(resolved.clause_set.clauses))
    recommended = sum(len(g.recommended) for c in clauses for g in c.phrases)
    forbidden = sum(len(g.forbidden) for c in clauses for g in c.phrases)
    assert (recommended, forbidden) == (11, 6)
