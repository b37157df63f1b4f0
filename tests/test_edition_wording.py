"""Every edition-dependent string of a standard comes from one table, for GB/T 1.1—2009 and —2020."""

from __future__ import annotations

import pytest

from conftest import CLAUSES, resolve_alone
from stdgen.artifacts.standard.tree import build
from stdgen.artifacts.standard.wording import EDITIONS, NO_ISSUER, NO_SCOPE, keep_together
from stdgen.doctree import Para, Toc
from stdgen.resolve import ResolvedSet

NBSP = "\u00a0"
EXPECTED = {
    "2009": {"drafted": f"本标准按照GB/T{NBSP}1.1—2009给出的规则起草。", "annex": "（资料性附录）",
             "ccs": "A 12", "me": "本标准", "refs": "下列文件对于本文件的应用是必不可少的。"},
    "2020": {"drafted": f"本文件按照GB/T{NBSP}1.1—2020《标准化工作导则　第1部分："
                        "标准化文件的结构和起草规则》的规定起草。",
             "annex": "（资料性）", "ccs": "CCS A 12", "me": "本文件",
             "refs": "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。"},
}


def _as_edition(edition: str) -> ResolvedSet:
    rs = resolve_alone(CLAUSES / "db34-t-3395-2019")
    std = rs.clause_set.standard.model_copy(update={"edition": edition})
    rs.clause_set = rs.clause_set.model_copy(update={"standard": std})
    return rs


@pytest.mark.parametrize("edition", ["2009", "2020"])
def test_edition_strings_in_cover_foreword_body_and_toc(edition: str) -> None:
    want = EXPECTED[edition]
    doc = build(_as_edition(edition))
    cover, front, body = doc.sections
    paras = {s.name: [b for b in s.blocks if isinstance(b, Para)] for s in doc.sections}
    assert [p.text for p in paras["cover"] if p.style == "cover-meta"][1] == want["ccs"]
    foreword = [p.text for p in paras["front"] if p.style == "body"]
    assert foreword[0] == want["drafted"]
    assert foreword[1].startswith(want["me"] + "由")
    kinds = [p.text for p in paras["body"] if p.style == "annex-kind"]
    assert kinds == [want["annex"]] * 3
    toc = next(b for b in front.blocks if isinstance(b, Toc))
    first_annex = next(e.text for e in toc.entries if e.text.startswith("附录"))
    assert first_annex == f"附录A{want['annex']}\u3000亲切服务用语规范"
    assert any(p.text.startswith(want["refs"]) for p in paras["body"])
    assert cover and body


def test_one_table_holds_both_editions() -> None:
    assert set(EDITIONS) == {"2009", "2020"}
    older, newer = EDITIONS["2009"], EDITIONS["2020"]
    for field in ("self_name", "drafted", "normative_annex", "informative_annex", "ccs_label", "references_lead"):
        assert getattr(older, field) != getattr(newer, field), field
    assert (older.normative_annex, newer.normative_annex) == ("（规范性附录）", "（规范性）")


def test_document_numbers_keep_their_space() -> None:
    assert keep_together("按照 GB/T 36112 的要求") == f"按照 GB/T{NBSP}36112 的要求"
    numbers = keep_together("DB41/T 1700.4—2018 与 DB34/T 3395—2019")
    assert numbers == f"DB41/T{NBSP}1700.4—2018 与 DB34/T{NBSP}3395—2019"
    assert keep_together("10 字基本用语") == "10 字基本用语"


@pytest.mark.parametrize("name", ["window-conduct", "cq-12345-hotline"])
def test_no_invented_issuer_and_no_empty_scope(name: str) -> None:
    doc = build(resolve_alone(CLAUSES / name))
    cover = [b for b in doc.sections[0].blocks if isinstance(b, Para)]
    assert cover[-1].text == NO_ISSUER and not any(p.style.startswith("cover-banner") for p in cover)
    body = [b for b in doc.sections[-1].blocks if isinstance(b, Para)]
    scope = next(i for i, p in enumerate(body) if p.anchor == "scope")
    assert body[scope + 1].text == NO_SCOPE


def test_scope_taken_from_article_61() -> None:
    doc = build(resolve_alone(CLAUSES / "zmd-civility-2023"))
    body = [b for b in doc.sections[-1].blocks if isinstance(b, Para)]
    scope = next(i for i, p in enumerate(body) if p.anchor == "scope")
    assert body[scope + 1].text.startswith("本规范适用于市、县、乡镇（街道）")
