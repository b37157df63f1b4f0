"""Fidelity of clause set zmd-civility-2023 to its seed.

驻马店市 政务服务岗位工作人员文明行为规范（试行）, 2023: six parts 一、… 六、 (chapters 4 … 9),
sub-headings （一）（二）… (titled clauses) and 62 numbered articles (clauses ZMD-1 … ZMD-62).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import clause_set_texts, resolve_alone, walk_clauses
from seeds import SEEDS, SET_SEEDS, normalise, seed_text
from stdgen.model import Clause, Source
from stdgen.resolve import ResolvedSet

SET = "zmd-civility-2023"
FOLDER = Path(__file__).resolve().parents[1] / "clauses" / SET
SEED = SET_SEEDS[SET]

PART = re.compile(r"^([一二三四五六七八九十]+)、")
SUB = re.compile(r"^\(([一二三四五六七八九十]+)\)")
ARTICLE = re.compile(r"^(\d+)\.")
ITEM = re.compile(r"^\((\d+)\)(.+)$")


@pytest.fixture(scope="module")
def resolved() -> ResolvedSet:
    return resolve_alone(FOLDER, clean=True)


def _seed_lines() -> list[str]:
    return [line.strip() for line in (SEEDS / SEED).read_text(encoding="utf-8").splitlines()]


def _sources(resolved: ResolvedSet) -> Iterator[tuple[str, Source | None]]:
    cs = resolved.clause_set
    for term in cs.terms:
        yield term.id, term.source
    for clause in walk_clauses(cs.clauses):
        yield clause.id, clause.source
    for annex in cs.annexes:
        yield annex.id, annex.source


def _seed_labels() -> list[str]:
    """Every numbered item of the seed: parts 一 …, sub-headings 一（一） …, articles 第1条 …"""
    labels: list[str] = []
    part = ""
    for line in _seed_lines():
        if m := PART.match(line):
            part = m.group(1)
            labels.append(part)
        elif m := SUB.match(line):
            labels.append(f"{part}（{m.group(1)}）")
        elif m := ARTICLE.match(line):
            labels.append(f"第{m.group(1)}条")
    return labels


def _forbidden_items() -> list[str]:
    """The (1) … (n) 服务忌语 listed under article 60."""
    items: list[str] = []
    in_60 = False
    for line in _seed_lines():
        if m := ARTICLE.match(line):
            in_60 = m.group(1) == "60"
        elif in_60 and (m := ITEM.match(line)):
            items.append(m.group(2))
    return items


def _by_id(resolved: ResolvedSet) -> dict[str, Clause]:
    return {c.id: c for c in walk_clauses(resolved.clause_set.clauses)}


def test_every_text_is_in_the_seed(resolved: ResolvedSet) -> None:
    seed = seed_text(SEED)
    missing = [f"{where}: {text}" for where, text in clause_set_texts(resolved)
               if normalise(resolved.plain(text)) not in seed]
    assert not missing, "not in the seed:\n" + "\n".join(missing)


def test_every_source_names_the_document(resolved: ResolvedSet) -> None:
    lacking = [ident for ident, source in _sources(resolved) if source is None or not source.clause]
    assert not lacking, f"no source clause: {lacking}"
    documents = {source.document for _, source in _sources(resolved) if source}
    assert documents == {resolved.standard.title.zh}


def test_every_numbered_item_of_the_seed_is_covered(resolved: ResolvedSet) -> None:
    labels = _seed_labels()
    assert len(labels) == 6 + 15 + 62, labels  # parts, sub-headings, articles
    named = {source.clause for _, source in _sources(resolved) if source}
    notes = " ".join(source.note for _, source in _sources(resolved) if source and source.note)
    # a sub-heading merged into its only article (R003) is named in that article's note
    uncovered = [label for label in labels
                 if label not in named and not ("（" in label and label in notes)]
    assert not uncovered, f"seed items with no clause: {uncovered}"


def test_forbidden_items_of_article_60_are_its_phrases(resolved: ResolvedSet) -> None:
    items = _forbidden_items()
    clause = _by_id(resolved)["ZMD-60"]
    phrases = [bad.text for group in clause.phrases for bad in group.forbidden]
    assert [normalise(p) for p in phrases] == [normalise(i) for i in items]


def test_62_articles_each_with_one_clause(resolved: ResolvedSet) -> None:
    by_article: dict[str, list[str]] = {}
    for ident, source in _sources(resolved):
        if source and source.clause and re.fullmatch(r"第\d+条", source.clause):
            by_article.setdefault(source.clause, []).append(ident)
    assert sorted(by_article, key=lambda s: int(s[1:-1])) == [f"第{n}条" for n in range(1, 63)]
    assert all(ids == [f"ZMD-{label[1:-1]}"] for label, ids in by_article.items()), by_article


def test_article_60_has_eleven_forbidden_phrases(resolved: ResolvedSet) -> None:
    clause = _by_id(resolved)["ZMD-60"]
    forbidden = [bad for group in clause.phrases for bad in group.forbidden]
    assert len(forbidden) == 11
    assert all(bad.instead is None for bad in forbidden)  # the seed gives no replacements
    assert not any(group.recommended for group in clause.phrases)


@pytest.mark.parametrize("article, scenario", [
    (52, "问候"), (53, "受理"), (54, "接收"), (55, "办理"),
    (56, "退回"), (57, "回执"), (58, "告别"), (59, "接待"),
])
def test_articles_52_to_59_recommend_phrases(resolved: ResolvedSet, article: int, scenario: str) -> None:
    clause = _by_id(resolved)[f"ZMD-{article}"]
    assert clause.phrases[0].scenario == scenario
    assert clause.phrases[0].recommended
    assert not any(group.forbidden for group in clause.phrases)


def test_phrase_counts(resolved: ResolvedSet) -> None:
    groups = [g for c in walk_clauses(resolved.clause_set.clauses) for g in c.phrases]
    assert sum(len(g.recommended) for g in groups) == 34
    assert sum(len(g.forbidden) for g in groups) == 11


def test_metadata(resolved: ResolvedSet) -> None:
    std = resolved.standard
    assert std.code == "ZMD"
    assert std.kind == "normative-document"
    assert std.number is None
    assert std.status == "trial"
    assert std.banner == std.issuer == "驻马店市政务服务和大数据管理局"
    assert str(std.issued) == "2023-03-29"
    assert str(std.implemented) == "2023-04-03"
    assert std.edition == "2020"
    assert std.patent_notice is False
    assert std.scope == [next(c for c in walk_clauses(resolved.clause_set.clauses) if c.id == "ZMD-61").text]
    assert std.source is not None and std.source.note and "2023-04-03" in std.source.note
    assert "第61条" in std.source.note  # where the scope sentence comes from


def test_parts_are_chapters_4_to_9(resolved: ResolvedSet) -> None:
    titles = [(node.number, node.title) for node in resolved.chapters]
    assert titles == [("4", "基础行为规范"), ("5", "一般行为规范"), ("6", "具体行为规范"),
                      ("7", "外在形象规范"), ("8", "文明用语规范"), ("9", "附则")]


def test_article_60_prints_its_phrases_numbered_as_the_seed(resolved: ResolvedSet) -> None:
    """The seed numbers the forbidden phrases (1) … (11): the document prints （1） … （11）, not ——."""
    from stdgen.artifacts.standard.tree import build
    from stdgen.render.html import render_html

    text = re.sub(r"<[^>]+>", "", render_html(build(resolved)))
    seed = (SEEDS / SET_SEEDS["zmd-civility-2023"]).read_text(encoding="utf-8")
    assert "(1)还没上班" in seed and "(11)其他有损人格" in seed
    assert "（1）还没上班，等等，上班再办！" in text
    assert "（11）其他有损人格，伤自尊心、伤感情，易诱发矛盾的不负责任的语言。" in text
    assert "——还没上班" not in text
