"""Fixed sentences of GB/T 1.1, by the edition a document was drafted under."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...model import Standard
from ...resolve import ResolvedSet

PATENT = "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。"


@dataclass(frozen=True)
class Wording:
    """Every string of a standard that depends on the GB/T 1.1 edition it was drafted under."""

    self_name: str  # how a local standard calls itself
    drafted: str  # first sentence of 前言
    normative_annex: str  # second line of an annex heading, also in the 目次
    informative_annex: str
    ccs_label: str  # before the CCS code on the cover ("" : the code alone)
    references_lead: str  # chapter 2 lead-in


NBSP = "\u00a0"  # "GB/T 1.1" never breaks, and justification never stretches it
EDITIONS: dict[str, Wording] = {
    "2020": Wording(
        "本文件",
        f"本文件按照GB/T{NBSP}1.1—2020《标准化工作导则　第1部分：标准化文件的结构和起草规则》的规定起草。",
        "（规范性）", "（资料性）", "CCS ",
        "下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
        "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。"),
    "2009": Wording(
        "本标准",
        f"本标准按照GB/T{NBSP}1.1—2009给出的规则起草。",
        "（规范性附录）", "（资料性附录）", "",
        "下列文件对于本文件的应用是必不可少的。凡是注日期的引用文件，仅所注日期的版本适用于本文件。"
        "凡是不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。"),
}


DOCUMENT_NUMBER = re.compile(r"\b((?:GB|DB\d{2,6}|[A-Z]{2})(?:/[TZ])?) (?=\d)")


def keep_together(text: str) -> str:
    """A document number (``GB/T 32169.1``, ``DB34/T 3395—2019``) with a no-break space: it is never
    split across lines, and justification does not stretch it."""
    return DOCUMENT_NUMBER.sub(lambda m: m.group(1) + NBSP, text)


def wording(std: Standard) -> Wording:
    return EDITIONS[std.edition]


def annex_kind(std: Standard, normative: bool) -> str:
    words = wording(std)
    return words.normative_annex if normative else words.informative_annex


NO_REFS = "本文件没有规范性引用文件。"
NO_TERMS = "本文件没有需要界定的术语和定义。"
NO_SCOPE = "来源文本没有给出本文件的范围。"
NO_ISSUER = "（来源文本未署发布机构）"
MISSING = {
    "scope": "本文件的范围在来源文本中缺失，无法给出。",
    "normative_references": "本文件的规范性引用文件在来源文本中缺失，无法给出。",
    "terms": "本文件的术语和定义在来源文本中缺失，无法给出。",
}
MISSING_CHAPTER = "（来源文本中本章内容缺失。）"
MISSING_CLAUSE = "（来源文本中本条内容缺失。）"
TRUNCATED = "（来源文本至此中断，其后内容缺失。）"
INCOMPLETE = "本文件的来源文本不完整：本文件只收录来源文本现存的部分，其后的内容缺失。"


def self_name(std: Standard) -> str:
    """How the document calls itself: 本标准 under GB/T 1.1—2009, 本文件 under 2020 (and for a
    normative document that is not a standard)."""
    return wording(std).self_name if std.kind == "local-standard" else "本文件"


DEFAULT_ORDER = ("drafted", "replaces", "patent", "proposer", "administered_by", "drafting_units",
                 "lead_drafting_units", "participating_units", "drafters", "foreword", "incomplete")


def foreword(std: Standard, changes: list[str] | None = None) -> list[str]:
    """The 前言's sentences: GB/T 1.1's order, or the source's (``foreword_order``; parts it leaves out
    follow in GB/T 1.1's order). changes: a variant's or revision's statement of what changed,
    which follows the 代替 sentence."""
    parts = _foreword_parts(std)
    parts["replaces"] = [*parts.get("replaces", []), *(changes or [])]
    order = [*std.foreword_order, *(p for p in DEFAULT_ORDER if p not in std.foreword_order)]
    return [line for part in order for line in parts.get(part, [])]


def _foreword_parts(std: Standard) -> dict[str, list[str]]:
    me = self_name(std)
    parts: dict[str, list[str]] = {}
    if std.kind == "local-standard":
        parts["drafted"] = [wording(std).drafted]
    elif std.source is not None:
        parts["drafted"] = [f"本文件按照GB/T{NBSP}1.1—2020规定的结构编排，内容取自{std.source.document}。"]
    if std.replaces:
        parts["replaces"] = [f"{me}代替{'、'.join(std.replaces)}。"]
    if std.patent_notice:
        parts["patent"] = [PATENT]
    if std.proposer and std.proposer == std.administered_by:
        parts["proposer"] = [f"{me}由{'、'.join(std.proposer)}提出并归口。"]
    else:
        if std.proposer:
            parts["proposer"] = [f"{me}由{'、'.join(std.proposer)}提出。"]
        if std.administered_by:
            parts["administered_by"] = [f"{me}由{'、'.join(std.administered_by)}归口。"]
    for key, label in (("drafting_units", "起草单位"), ("lead_drafting_units", "负责起草单位"),
                       ("participating_units", "参与起草单位"), ("drafters", "主要起草人")):
        names: list[str] = getattr(std, key)
        if names:
            parts[key] = [f"{me}{label}：{'、'.join(names)}。"]
    parts["foreword"] = list(std.foreword)
    if not std.complete:
        parts["incomplete"] = [INCOMPLETE]
    return parts


def references_lead(std: Standard) -> str:
    if "normative_references" in std.missing:
        return MISSING["normative_references"]
    if not std.normative_references:
        return NO_REFS
    return wording(std).references_lead


def terms_lead(rs: ResolvedSet) -> str:
    if "terms" in rs.standard.missing:
        return MISSING["terms"]
    if not rs.clause_set.terms:
        return NO_TERMS
    std = rs.standard
    if std.terms_from:
        return f"{'和'.join(std.terms_from)}界定的以及下列术语和定义适用于本文件。"
    return "下列术语和定义适用于本文件。"
