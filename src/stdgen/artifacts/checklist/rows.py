"""What an inspection checklist holds: one row per checkable provision of a resolved set.

Which clauses are rows
    every 要求 (requirement) clause; 推荐 (recommendation) clauses only when asked for; any
    other clause only when its YAML gives a ``check`` (its author declared it checkable).
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

from collections.abc import Iterable
from dataclasses import dataclass, field

from ...model import Clause, ProvisionType, Scope
from ...resolve import Node, ResolvedSet, Target
from ...version import version

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

    @property
    def text(self) -> str:
        """The requirement as plain text, one line per paragraph or list item."""
        return "\n".join(_plain(line) for line in self.lines)

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
    entries: list[Row | Group] = []
    chapters: dict[str, str] = {}
    printed: set[str] = set()
    for top in (*rs.chapters, *rs.annexes):
        chapters[top.number] = top.title or ""
        _walk(rs, top, top.number, [], wanted, recommendations, entries, printed)
    return Checklist(rs, version(rs.clause_set), wanted, recommendations, tuple(entries), chapters)


def _walk(rs: ResolvedSet, node: Node, chapter: str, above: list[Node], wanted: tuple[str, ...],
          recommendations: bool, out: list[Row | Group], printed: set[str]) -> None:
    """Rows in document order; a heading is printed once, just before its first row."""
    item = node.item
    is_row = isinstance(item, Clause) and checkable(item, recommendations) and in_scope(item.scope, wanted)
    if isinstance(item, Clause) and is_row:
        for heading in above:
            if heading.id not in printed:
                printed.add(heading.id)
                out.append(Group(heading.id, heading.number, heading.title or "", heading.depth))
        index = sum(isinstance(e, Row) for e in out) + 1
        out.append(_row(rs, node, item, chapter, index))
    for child in node.children:
        _walk(rs, child, chapter, above if is_row else [*above, node], wanted, recommendations, out, printed)


def checkable(clause: Clause, recommendations: bool) -> bool:
    if clause.type is ProvisionType.requirement:
        return True
    if clause.type is ProvisionType.recommendation:
        return recommendations
    return clause.check is not None


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
            for j, sub in enumerate([] if isinstance(entry, str) else entry.items):
                lines.append((f"　{j + 1}）", *rs.split(sub.text)))
    method = tuple(check.method) if check is not None and "method" in check.model_fields_set else default_method(clause)
    points = check.points if check is not None else DEFAULT_POINTS
    return Row(index, node.id, node.number, chapter, clause.title, tuple(lines), method, points,
               clause.type, tuple(clause.scope))


def _mark(style: str, index: int) -> str:
    if style == "letter":
        return f"{LIST_MARKS['letter'][index % 26]}）"
    if style == "number":
        return f"{index + 1}）"
    return "——"


def _plain(line: tuple[Part, ...]) -> str:
    return "".join(p if isinstance(p, str) else p.reference for p in line)
