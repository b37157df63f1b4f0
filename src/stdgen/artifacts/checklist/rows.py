"""What an inspection checklist holds: one row per checkable provision of a resolved set.

Which clauses are rows: see ``checkable`` (the one place the rule is written; README lists it).
Phrase lists become one row each
    an inspector ticks behaviour, not a quotation: a clause whose subtree is nothing but phrases
    of one kind (see ``phrase_list``) is one row, "未使用服务忌语（见A.2）" or
    "使用规范文明用语（见A.1）", with its phrases listed under it in small type; its
    sub-clauses are not rows of their own.
Filter by scope
    a clause is kept when one of its scopes is asked for; ``all-staff`` clauses also count
    for every staff scope (window, hotline, hall).
Requirement wording
    ``check.passes`` when given, else the clause's title, text and list, references printed
    as the document prints them (``见附录A``).
Method when ``check.method`` is not given (first rule that matches)
    1. only management/supervision scope → 查看、询问 (records, and the people in charge);
    2. only citizen scope → 回访;
    3. only hotline scope → 暗访、电子监察 (test calls, call recordings);
    4. the clause gives phrases to say or not to say → 观察、暗访;
    5. otherwise → 观察.
Points
    ``check.points`` when given, else 1.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from ...model import Clause, ProvisionType, Scope
from ...render.html import marker
from ...resolve import Node, ResolvedSet, Target
from ...unit import fingerprint
from ...version import SHORT as SHORT_VERSION

RESULTS = ("符合", "不符合", "不适用")
PASS, FAIL, NOT_APPLICABLE = RESULTS
INSPECTION_TYPES = ("抽点检查", "定点检查", "现场巡查")
STAFF_SCOPES: frozenset[str] = frozenset({"window", "hotline", "hall"})
SCOPE_ZH: dict[str, str] = {
    "all-staff": "全体工作人员", "window": "窗口", "hotline": "热线", "hall": "服务大厅",
    "management": "管理部门", "supervision": "监督部门", "citizen": "服务对象",
}
DEFAULT_POINTS = 1.0
SHORT = 32  # characters of a requirement shown where only its gist fits
LIST_MARKS = {"dash": "——", "letter": "abcdefghijklmnopqrstuvwxyz", "number": ""}

Part = str | Target
"""A piece of requirement text: literal text or a resolved reference."""

PhraseKind = Literal["recommended", "forbidden"]
PHRASE_ROW: dict[str, str] = {"recommended": "使用规范文明用语", "forbidden": "未使用服务忌语"}
PHRASE_LEAD: dict[str, str] = {"recommended": "用语", "forbidden": "忌语"}


@dataclass(frozen=True)
class Row:
    index: int  # 序号, from 1
    id: str
    number: str  # the clause number as the document prints it
    chapter: str  # number of the chapter or annex the clause sits in
    title: str | None
    lines: tuple[tuple[Part, ...], ...]  # the requirement, line by line
    method: tuple[str, ...]
    points: float
    kind: ProvisionType
    scopes: tuple[str, ...]
    phrases: tuple[str, ...] = ()  # a phrase-list row: its phrases, printed small under the requirement

    @property
    def text(self) -> str:
        """The requirement as plain text, one line per paragraph or list item, then the phrases on one line."""
        lines = [_plain(line) for line in self.lines]
        if self.phrases:
            lines.append(self.phrase_line)
        return "\n".join(lines)

    @property
    def phrase_line(self) -> str:
        """The listed phrases on one line: 忌语：“喂！”（称呼、问候、接打电话时）；“我不知道。”…"""
        lead, *phrases = self.phrases or ("",)
        return lead + "；".join(phrases)

    @property
    def short(self) -> str:
        """The title, or the start of the requirement (frequency tables)."""
        if self.title:
            return self.title
        first = self.text.split("\n", 1)[0]
        return first if len(first) <= SHORT else first[:SHORT - 1] + "…"

    @property
    def label(self) -> str:
        """Title and requirement in one string (XLSX cells, reports)."""
        return f"{self.title}：{self.text}" if self.title else self.text


@dataclass(frozen=True)
class Group:
    """A heading row: a chapter, annex or clause that holds rows but is not one itself."""

    id: str
    number: str
    title: str
    depth: int

    @property
    def label(self) -> str:
        if self.depth == 1 and not self.number[:1].isdigit():
            return f"附录{self.number}　{self.title}"
        return f"{self.number}　{self.title}".rstrip()


@dataclass(frozen=True)
class Checklist:
    rs: ResolvedSet
    version: str
    scopes: tuple[str, ...] = ()  # empty: every scope
    recommendations: bool = False
    entries: tuple[Row | Group, ...] = ()
    chapters: dict[str, str] = field(default_factory=dict)  # chapter/annex number → title

    @property
    def rows(self) -> list[Row]:
        return [e for e in self.entries if isinstance(e, Row)]

    @property
    def by_id(self) -> dict[str, Row]:
        return {r.id: r for r in self.rows}

    @property
    def total_points(self) -> float:
        return sum(r.points for r in self.rows)

    @property
    def scope_label(self) -> str:
        return "、".join(SCOPE_ZH.get(s, s) for s in self.scopes) if self.scopes else "全部"

    @property
    def suffix(self) -> str:
        """File-name suffix of a filtered checklist: ``-window``, ``-window-hotline-rec``."""
        parts = [*self.scopes, *(["rec"] if self.recommendations else [])]
        return "".join(f"-{p}" for p in parts)


def build_checklist(rs: ResolvedSet, scopes: Iterable[str] = (), recommendations: bool = False) -> Checklist:
    wanted = tuple(dict.fromkeys(scopes))
    entries, chapters = _entries(rs, wanted, recommendations)
    every = (entries, chapters) if not wanted and recommendations else _entries(rs, (), True)
    return Checklist(rs, _version(rs, *every), wanted, recommendations, entries, chapters)


def checklist_version(rs: ResolvedSet) -> str:
    """The version every checklist of the set prints (filtered or not), which results are checked against."""
    return build_checklist(rs, (), True).version


def _version(rs: ResolvedSet, entries: tuple[Row | Group, ...], chapters: dict[str, str]) -> str:
    """A hash of what the set's checklists can print: every row (推荐 ones too) and heading, and the standard
    they cite. An edit of a clause on no checklist leaves it as it was, so results filled in on a checklist
    stay valid and the build leaves the checklist's files alone; an edit of a row changes it."""
    return fingerprint(["checklist", rs, entries, chapters])[:SHORT_VERSION]


def _entries(rs: ResolvedSet, wanted: tuple[str, ...], recommendations: bool
             ) -> tuple[tuple[Row | Group, ...], dict[str, str]]:
    entries: list[Row | Group] = []
    chapters: dict[str, str] = {}
    printed: set[str] = set()
    numbers = itertools.count(1)
    for top in (*rs.chapters, *rs.annexes):
        chapters[top.number] = top.title or ""
        _walk(rs, top, top.number, [], wanted, recommendations, entries, printed, numbers)
    return tuple(entries), chapters


def _walk(rs: ResolvedSet, node: Node, chapter: str, above: list[Node], wanted: tuple[str, ...],
          recommendations: bool, out: list[Row | Group], printed: set[str], numbers: Iterator[int]) -> None:
    """Rows in document order, numbered from numbers; a heading is printed once, just before its first row."""
    item = node.item
    kind = phrase_list(node)
    if kind is not None:
        row = _phrase_row(rs, node, kind, chapter, wanted, recommendations)
        if row is not None:
            _headings(above, out, printed)
            out.append(replace(row, index=next(numbers)))
        return
    is_row = isinstance(item, Clause) and checkable(item, recommendations) and in_scope(item.scope, wanted)
    if isinstance(item, Clause) and is_row:
        _headings(above, out, printed)
        out.append(_row(rs, node, item, chapter, next(numbers)))
    for child in node.children:
        _walk(rs, child, chapter, above if is_row else [*above, node], wanted, recommendations, out, printed,
              numbers)


def _headings(above: list[Node], out: list[Row | Group], printed: set[str]) -> None:
    for heading in above:
        if heading.id not in printed:
            printed.add(heading.id)
            out.append(Group(heading.id, heading.number, heading.title or "", heading.depth))


def checkable(clause: Clause, recommendations: bool) -> bool:
    """Whether a clause is a checklist row — the checkability rule, written only here:

    every 要求 (requirement) clause; 推荐 (recommendation) clauses only when asked for
    (``--recommendations``); any other clause — 指示 (instruction), 陈述, 允许 — only when its
    YAML gives a ``check`` (its author declared how an inspector verifies it, e.g.
    DB34/T 3395—2019 5.2 便民用品). Phrase lists are folded into one row (``phrase_list``).
    """
    if clause.type is ProvisionType.requirement:
        return True
    if clause.type is ProvisionType.recommendation:
        return recommendations
    return clause.check is not None


def phrase_list(node: Node) -> PhraseKind | None:
    """The kind of phrases a clause is a list of, or None when it is more than a phrase list.

    A clause is a phrase list when it is a clause (not a chapter or annex), every clause without
    sub-clauses in its subtree gives phrases, they are all of one kind (only recommended or only
    forbidden), and its own text says nothing else: none, a lead-in ending in a colon
    ("严禁使用以下服务忌语："), or its phrases themselves ("您好、请、对不起、谢谢、再见。"), and no list.
    A clause whose text says more (禁用“……”等用语，推卸责任) stays a row of its own.
    """
    item = node.item
    if node.depth == 1 or not isinstance(item, Clause) or item.items or not _only_leads(item):
        return None
    leaves = [n.item for n in node.walk() if not n.children and isinstance(n.item, Clause)]
    if not all(leaf.phrases for leaf in leaves):
        return None
    kinds = {kind for n in node.walk() if isinstance(n.item, Clause) for kind in _kinds(n.item)}
    return next(iter(kinds)) if len(kinds) == 1 else None


def _only_leads(clause: Clause) -> bool:
    words = [p for g in clause.phrases for p in (*g.recommended, *(f.text for f in g.forbidden))]
    words += [c for g in clause.phrases for c in (g.context, *(f.context for f in g.forbidden)) if c]
    for paragraph in clause.paragraphs:
        rest = paragraph
        for word in sorted(words, key=len, reverse=True):
            rest = rest.replace(word, "")
        if not _lead_in(paragraph) and any(ch.isalnum() for ch in rest):
            return False
    return True


def _lead_in(paragraph: str) -> bool:
    """One sentence ending in a colon: it introduces what follows and says nothing of its own."""
    body = paragraph.rstrip()
    return body.endswith(("：", ":")) and not any(mark in body for mark in "。；！？;!?")


def _kinds(clause: Clause) -> Iterator[PhraseKind]:
    for group in clause.phrases:
        if group.recommended:
            yield "recommended"
        if group.forbidden:
            yield "forbidden"


def _phrase_row(rs: ResolvedSet, node: Node, kind: PhraseKind, chapter: str, wanted: tuple[str, ...],
                recommendations: bool) -> Row | None:
    """One row for a phrase list: its in-scope phrases listed, when one of its clauses is checkable."""
    clauses = [n.item for n in node.walk() if isinstance(n.item, Clause) and in_scope(n.item.scope, wanted)]
    checked = [c for c in clauses if checkable(c, recommendations)]
    if not checked:
        return None
    phrases = [p for c in clauses for p in phrase_texts(c, kind)]
    target = rs.targets.get(node.id)
    lines: tuple[tuple[Part, ...], ...] = ((f"{PHRASE_ROW[kind]}（见", target or node.number, "）"),)
    own = node.item.check if isinstance(node.item, Clause) else None
    method = tuple(own.method) if own is not None and "method" in own.model_fields_set else ("观察", "暗访")
    points = own.points if own is not None else DEFAULT_POINTS
    kinds = {c.type for c in checked}
    provision = ProvisionType.requirement if ProvisionType.requirement in kinds else checked[0].type
    scopes = tuple(dict.fromkeys(s for c in checked for s in c.scope))
    return Row(0, node.id, node.number, chapter, None, lines, method, points, provision, scopes,
               (f"{PHRASE_LEAD[kind]}：", *phrases))


def phrase_texts(clause: Clause, kind: PhraseKind) -> Iterator[str]:
    """The clause's phrases of one kind as a list prints them: words quoted, a rule as it is,
    a condition in brackets after the forbidden words (before recommended ones, as the sources do)."""
    for group in clause.phrases:
        if kind == "recommended":
            lead = f"（{group.context}）" if group.context else ""
            yield from (f"{lead}“{p}”" for p in group.recommended)
        else:
            for bad in group.forbidden:
                words = bad.text if bad.rule else f"“{bad.text}”"
                yield words + (f"（{bad.context}）" if bad.context else "")


def in_scope(scopes: Iterable[Scope | str], wanted: tuple[str, ...]) -> bool:
    if not wanted:
        return True
    have = set(scopes)
    return bool(have & set(wanted)) or ("all-staff" in have and bool(STAFF_SCOPES & set(wanted)))


def default_method(clause: Clause) -> tuple[str, ...]:
    scopes = set(clause.scope)
    if scopes <= {"management", "supervision"}:
        return ("查看", "询问")
    if scopes == {"citizen"}:
        return ("回访",)
    if scopes == {"hotline"}:
        return ("暗访", "电子监察")
    if clause.phrases:
        return ("观察", "暗访")
    return ("观察",)


def _row(rs: ResolvedSet, node: Node, clause: Clause, chapter: str, index: int) -> Row:
    check = clause.check
    if check is not None and check.passes:
        lines = [tuple(rs.split(check.passes))]
    else:
        lines = [tuple(rs.split(p)) for p in clause.paragraphs]
        for i, entry in enumerate(clause.items):
            text = entry if isinstance(entry, str) else entry.text
            lines.append((_mark(clause.list_style, i), *rs.split(text)))
            if isinstance(entry, str):
                continue
            for j, sub in enumerate(entry.items):
                lines.append((f"　{_mark(entry.list_style or 'number', j)}", *rs.split(sub.text)))
    method = tuple(check.method) if check is not None and "method" in check.model_fields_set else default_method(clause)
    points = check.points if check is not None else DEFAULT_POINTS
    return Row(index, node.id, node.number, chapter, clause.title, tuple(lines), method, points,
               clause.type, tuple(clause.scope))


def _mark(style: str, index: int) -> str:
    if style == "letter":
        return f"{LIST_MARKS['letter'][index % 26]}）"
    if style == "number":
        return f"{index + 1}）"
    if style in ("circled", "paren"):
        return marker(style, index)
    return "——"


def _plain(line: tuple[Part, ...]) -> str:
    return "".join(p if isinstance(p, str) else p.reference for p in line)
