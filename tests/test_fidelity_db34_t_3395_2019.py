"""Fidelity of the db34-t-3395-2019 clause set to its seed (DB34/T 3395—2019, web copy)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import resolve_alone
from seeds import SEEDS, SET_SEEDS, normalise, seed_text
from stdgen.forms.spec import BLANK, blanks, fields, place_cells
from stdgen.model import Annex, Clause, FormField
from stdgen.resolve import ResolvedSet

SET = "db34-t-3395-2019"
SEED = SET_SEEDS[SET]
FOLDER = Path(__file__).resolve().parents[1] / "clauses" / SET


@pytest.fixture(scope="module")
def resolved() -> ResolvedSet:
    return resolve_alone(FOLDER)


def _items(clause: Clause | Annex) -> Iterator[Clause | Annex]:
    yield clause
    for child in clause.clauses:
        yield from _items(child)


def _all(resolved: ResolvedSet) -> list[Clause | Annex]:
    cs = resolved.clause_set
    return [x for top in (*cs.clauses, *cs.annexes) for x in _items(top)]


def _texts(resolved: ResolvedSet) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of seed text the set holds."""
    cs = resolved.clause_set
    std = cs.standard
    yield "title.zh", std.title.zh
    if std.title.en:
        yield "title.en", std.title.en
    for key in ("banner", "issuer", "ics", "ccs", "mark"):
        yield key, getattr(std, key)
    for key in ("proposer", "administered_by", "drafting_units", "drafters", "scope", "terms_from"):
        for value in getattr(std, key):
            yield key, value
    for ref in std.normative_references:
        yield f"reference {ref.number}", ref.number + ref.title
    for term in cs.terms:
        yield term.id, term.term + (term.en or "")
        yield term.id, resolved.plain(term.definition)
        yield from ((term.id, n) for n in term.notes)
    for item in _all(resolved):
        if item.title:
            yield f"{item.id} title", item.title
        for para in item.paragraphs:
            yield item.id, resolved.plain(para)
        if isinstance(item, Clause):
            for entry in item.items:
                yield f"{item.id} item", resolved.plain(entry if isinstance(entry, str) else entry.text)
            for note in (*item.notes, *item.examples):
                yield f"{item.id} note", resolved.plain(note)
            for group in item.phrases:
                yield f"{item.id} scenario", group.scenario
                yield from ((f"{item.id} recommended", p) for p in group.recommended)
                for bad in group.forbidden:
                    yield f"{item.id} forbidden", bad.text
                    if bad.context:
                        yield f"{item.id} context", bad.context
                    if bad.instead:
                        yield f"{item.id} instead", bad.instead
    for form in cs.forms:
        yield form.id, form.title
        for row in form.rows:
            for cell in row:
                if cell.label:
                    yield f"{form.id} label", cell.label


def test_every_text_is_in_the_seed(resolved: ResolvedSet) -> None:
    seed = seed_text(SEED)
    missing = [f"{where}: {text}" for where, text in _texts(resolved) if normalise(text) not in seed]
    assert not missing, "not in the seed:\n" + "\n".join(missing)


def _seed_numbers() -> set[str]:
    """Chapter, clause, annex and table numbers printed in the seed's standard text."""
    raw = (SEEDS / SEED).read_text(encoding="utf-8")
    body = raw[raw.index("前 言") : raw.index("注意事项")]
    body = re.sub(r"DB34/T 33952019 (\d+|I) ", " ", body)  # running page headers
    numbers = {m.group(1) for m in re.finditer(r"(?:(?<=[。\s])|^)(\d{1,2}) (?=[\u4e00-\u9fff])", body)}
    numbers |= {
        m.group(1) + m.group(2) for m in re.finditer(r"(?<![\dA-Za-z./])(?<!GB/T )(表?)((?:\d+|[A-Z])(?:\.\d+)+)", body)
    }
    numbers |= {"附录" + m.group(1) for m in re.finditer(r"附\s*录\s*([A-Z])(?=\s*[（(])", body)}
    return numbers


def test_seed_numbers_found() -> None:
    numbers = _seed_numbers()
    for sample in ("1", "4", "11", "3.2", "10.3", "11.3.4", "A.1.1.12", "A.2.1.16", "B.8", "附录C", "表C.1"):
        assert sample in numbers
    assert not {"32169.1", "32169.3", "32170.1", "1.1", "36112"} & numbers, "references counted as clauses"


def test_every_seed_number_is_covered(resolved: ResolvedSet) -> None:
    cs = resolved.clause_set
    covered = {x.source.clause for x in (*_all(resolved), *cs.terms, *cs.forms) if x.source and x.source.clause}
    std = cs.standard
    if std.scope:
        covered.add("1")
    if std.normative_references:
        covered.add("2")
    if cs.terms:
        covered.add("3")
    uncovered = sorted(_seed_numbers() - covered)
    assert not uncovered, f"seed numbers with no clause: {uncovered}"


def test_every_seed_number_is_printed_as_in_the_seed(resolved: ResolvedSet) -> None:
    """Each chapter, clause, annex and table keeps the number the seed prints for it."""
    printed = {node.number for node in resolved.chapters}
    printed |= {node.number for node in resolved.nodes() if node.depth > 1}
    printed |= {f"附录{a.number}" for a in resolved.annexes}
    printed |= {t.number for t in resolved.targets.values() if t.kind in ("term", "table")}
    printed |= {"1", "2", "3"}
    assert sorted(_seed_numbers() - printed) == []
    wrong = [(node.id, node.number, node.item.source.clause) for node in resolved.nodes()
             if isinstance(node.item, Clause) and node.item.source and node.number != node.item.source.clause]
    assert wrong == []


def test_every_item_names_its_source(resolved: ResolvedSet) -> None:
    cs = resolved.clause_set
    nameless = [x.id for x in (*_all(resolved), *cs.terms, *cs.forms) if not x.source or not x.source.clause]
    assert not nameless


# --- set-specific facts -------------------------------------------------------------------


def test_cover(resolved: ResolvedSet) -> None:
    std = resolved.standard
    assert std.number == "DB34/T 3395—2019"
    assert (std.mark, std.banner, std.ics, std.ccs) == ("DB34", "安徽省地方标准", "01.004", "A 12")
    assert (str(std.issued), str(std.implemented)) == ("2019-11-04", "2019-12-04")
    assert std.issuer == "安徽省市场监督管理局"
    assert std.edition == "2009" and std.patent_notice is False
    assert len(std.drafters) == 13 and len(std.drafting_units) == 2 and len(std.proposer) == 2
    assert [r.number for r in std.normative_references] == [
        "GB/T 32169.1",
        "GB/T 32169.3",
        "GB/T 32170.1",
        "GB/T 36112",
    ]
    assert std.terms_from == ["GB/T 32169.1", "GB/T 32170.1"]


def test_numbering(resolved: ResolvedSet) -> None:
    numbers = {node.id: node.number for node in resolved.nodes()}
    assert [c.number for c in resolved.chapters] == [str(n) for n in range(4, 12)]
    assert [a.number for a in resolved.annexes] == ["A", "B", "C"]
    assert numbers["QC-10.4"] == "10.4"
    assert numbers["QC-A.1.2.3"] == "A.1.2.3"
    assert numbers["QC-A.2.1.16"] == "A.2.1.16"  # printed directly under A.2, kept as published
    assert resolved.form_tables == {"QC-FORM-C1": "表C.1"}
    assert [t.term for t in resolved.clause_set.terms] == ["政务服务", "亲切服务"]


def test_annex_references(resolved: ResolvedSet) -> None:
    by_id = {x.id: x for x in _all(resolved)}
    assert resolved.plain(by_id["QC-7.1"].paragraphs[0]).endswith("用语示例见附录A。")
    assert resolved.plain(by_id["QC-8.3"].paragraphs[0]).endswith("态度规范具体要求见附录B。")


def test_sixteen_forbidden_phrases(resolved: ResolvedSet) -> None:
    a2 = next(x for x in _all(resolved) if x.id == "QC-A.2")
    assert isinstance(a2, Clause)
    forbidden = [f for c in a2.clauses for g in c.phrases for f in g.forbidden]
    assert len(forbidden) == 16
    everywhere = [f for x in _all(resolved) if isinstance(x, Clause) for g in x.phrases for f in g.forbidden]
    assert len(everywhere) == 16
    assert [c.source.clause for c in a2.clauses if c.source] == [f"A.2.1.{i}" for i in range(1, 17)]
    contexts = [f.context for f in forbidden if f.context]
    assert len(contexts) == 4


def test_every_a1_clause_has_a_recommended_phrase(resolved: ResolvedSet) -> None:
    a1 = next(x for x in _all(resolved) if x.id == "QC-A.1")
    leaves = [x for x in _items(a1) if not x.clauses]
    assert len(leaves) == 16  # A.1.1.1–A.1.1.12, A.1.2.1–A.1.2.4
    lacking = [x.id for x in leaves if not any(g.recommended for g in x.phrases)]
    assert not lacking
    a123 = next(x for x in leaves if x.id == "QC-A.1.2.3")
    assert sum(len(g.recommended) for g in a123.phrases) == 6


def test_form_prints_the_seed_table(resolved: ResolvedSet) -> None:
    """表C.1 printed (labels, text, blanks as they print: a date as 年 月 日) is the seed's table text."""
    form = next(f for f in resolved.clause_set.forms if f.id == "QC-FORM-C1")
    known = fields(form)
    printed = "".join((cell.label or "") + _printed(cell.text or "", known) for row in form.rows for cell in row)
    table = normalise(seed_text(SEED)).split("表C.1预约服务登记表")[1].split("_")[0]  # web debris follows
    assert normalise(printed) == table
    assert form.rows[-1][1].colspan == 3  # 承办人：申请人：年 月 日 is one cell spanning three columns
    assert [known[n].kind for n in blanks(form.rows[-1][1].text)] == ["signature", "signature", "date"]
    assert all(sum(cell.colspan for cell in row) == form.columns for row in form.rows)
    assert not place_cells(form)[1]
    assert resolved.form_users["QC-FORM-C1"] == ["QC-10.4", "QC-C"]


def _printed(text: str, known: dict[str, FormField]) -> str:
    return BLANK.sub(lambda m: "年月日" if known[m.group(1)].kind == "date" else "", text)


def test_form_is_shown_in_annex_c(resolved: ResolvedSet) -> None:
    annex_c = resolved.clause_set.annexes[2]
    assert annex_c.form == "QC-FORM-C1"
