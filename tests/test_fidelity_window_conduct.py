"""Fidelity of the window-conduct clause set to seed 004 (窗口工作人员行为规范).

The seed is a web copy cut off inside part 五; its parts 一—五 are chapters 4—8 and each
numbered item ``N.`` of part X is recorded as ``source.clause`` "X、N".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import resolve_alone
from seeds import SEEDS, SET_SEEDS, normalise, seed_text
from stdgen.model import Clause
from stdgen.resolve import ResolvedSet

SET = "window-conduct"
FOLDER = Path(__file__).resolve().parents[1] / "clauses" / SET
SEED_FILE = SET_SEEDS[SET]
PART_TITLES = ["职业素养", "服务形象", "服务流程", "沟通技巧", "纪律要求"]


@pytest.fixture(scope="module")
def resolved() -> ResolvedSet:
    return resolve_alone(FOLDER)


def _clauses(clauses: list[Clause]) -> Iterator[Clause]:
    for clause in clauses:
        yield clause
        yield from _clauses(clause.clauses)


def _texts(resolved: ResolvedSet) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text the set takes from the seed."""
    cs = resolved.clause_set
    std = cs.standard
    yield "title", std.title.zh
    for i, para in enumerate((*std.scope, *std.foreword, *std.introduction)):
        yield f"standard paragraph {i + 1}", para
    for term in cs.terms:
        yield f"{term.id} term", term.term
        yield f"{term.id} definition", term.definition
        for note in term.notes:
            yield f"{term.id} note", note
    for clause in _clauses(cs.clauses):
        if clause.title:
            yield f"{clause.id} title", clause.title
        for para in clause.paragraphs:
            yield f"{clause.id} text", para
        for entry in clause.items:
            if isinstance(entry, str):
                yield f"{clause.id} item", entry
            else:
                yield f"{clause.id} item", entry.text
                for sub in entry.items:
                    yield f"{clause.id} sub-item", sub.text
        for note in (*clause.notes, *clause.examples):
            yield f"{clause.id} note", note
        for group in clause.phrases:
            yield f"{clause.id} phrase scenario", group.scenario
            for phrase in group.recommended:
                yield f"{clause.id} recommended phrase", phrase
            for bad in group.forbidden:
                for text in (bad.text, bad.context, bad.instead):
                    if text:
                        yield f"{clause.id} forbidden phrase", text


def test_every_text_is_in_the_seed(resolved: ResolvedSet) -> None:
    seed = seed_text(SEED_FILE)
    missing = [f"{where}: {text}" for where, text in _texts(resolved) if normalise(resolved.plain(text)) not in seed]
    assert not missing, "not found in the seed:\n" + "\n".join(missing)


def _seed_numbers() -> list[str]:
    """Numbered parts ("一") and items ("一、1") of the seed, after the site debris."""
    raw = (SEEDS / SEED_FILE).read_text(encoding="utf-8")
    body = raw[raw.index("窗口工作人员行为规范") :]  # the list above the title is the site's, not the document's
    numbers: list[str] = []
    part = None
    for line in body.splitlines():
        line = line.strip()
        if m := re.match(r"^([一二三四五六七八九十]+)、", line):
            part = m.group(1)
            numbers.append(part)
        elif (m := re.match(r"^(\d+)[.．、]", line)) and part is not None:
            numbers.append(f"{part}、{m.group(1)}")
    return numbers


def test_every_seed_number_is_covered(resolved: ResolvedSet) -> None:
    numbers = _seed_numbers()
    assert len(numbers) == 5 + 4 + 2 + 4 + 5 + 2, numbers
    cs = resolved.clause_set
    covered = {c.source.clause for c in _clauses(cs.clauses) if c.source}
    covered |= {t.source.clause for t in cs.terms if t.source}
    uncovered = [n for n in numbers if n not in covered]
    assert not uncovered, f"seed numbers without a clause: {uncovered}"


def test_every_clause_has_a_source(resolved: ResolvedSet) -> None:
    cs = resolved.clause_set
    assert cs.standard.source is not None
    without = [c.id for c in _clauses(cs.clauses) if c.source is None or not c.source.clause]
    assert not without, f"clauses without source.clause: {without}"


def test_five_chapters_with_the_part_titles(resolved: ResolvedSet) -> None:
    chapters = resolved.chapters
    assert [node.number for node in chapters] == ["4", "5", "6", "7", "8"]
    assert [(node.title or "").split("：")[0] for node in chapters] == PART_TITLES
    assert [node.item.source.clause if node.item.source else None for node in chapters] == [
        "一",
        "二",
        "三",
        "四",
        "五",
    ]


def test_document_is_marked_incomplete(resolved: ResolvedSet) -> None:
    std = resolved.standard
    assert std.complete is False
    assert std.kind == "normative-document"
    assert std.number is None
    assert std.patent_notice is False
    assert std.scope == []
    assert std.source is not None and "cut off" in (std.source.note or "")


def test_last_clause_carries_the_truncation_note(resolved: ResolvedSet) -> None:
    last = resolved.chapters[-1].children[-1]
    assert last.number == "8.2"
    assert isinstance(last.item, Clause)
    assert last.item.source is not None and last.item.source.clause == "五、2"
    assert "Truncated" in (last.item.source.note or "")
    assert last.item.title == "专"
    assert normalise("2.专原创力文档") in seed_text(SEED_FILE)  # the seed really stops there
    # nothing of the document after the cut is encoded
    assert not last.item.clauses and not last.item.paragraphs and not last.item.items


def test_phrases(resolved: ResolvedSet) -> None:
    groups = [(c.id, g) for c in _clauses(resolved.clause_set.clauses) for g in c.phrases]
    assert [cid for cid, _ in groups] == ["CK-3.2", "CK-3.4", "CK-3.4"]
    recommended = [p for _, g in groups for p in g.recommended]
    assert len(recommended) == 5
    assert not [g for _, g in groups if g.forbidden]  # the seed gives no forbidden phrases


def test_scope_is_window(resolved: ResolvedSet) -> None:
    scopes = {tuple(c.scope) for c in _clauses(resolved.clause_set.clauses)}
    assert scopes == {("window",)}


def test_rendered_document_says_the_source_is_incomplete(resolved: ResolvedSet) -> None:
    from stdgen.artifacts.standard.tree import build
    from stdgen.render.html import render_html

    html = render_html(build(resolved))
    assert "（来源文本不完整）" in html  # cover
    assert "本文件的来源文本不完整" in html  # 前言
    last = html.index(">专<") if ">专<" in html else html.rindex("专")
    assert html.index("来源文本至此中断", last) > last  # after the cut-off clause
