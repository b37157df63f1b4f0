"""Concordance rows: topics from ``concordance.yaml``, clauses from the related links.

``concordance.yaml`` (optional, in the folder that holds the clause sets)::

    sets: [db34-t-3395-2019, db4108-t-6-2020]   # column order; other sets follow by name
    topics:
      - topic: 首问负责
        ids: [QC-10.1, ZMD-20]

A topic is a row of the table: its clauses, each in its set's column. The topic file only
groups and labels; the equivalences themselves are the clauses' ``related`` lists, and the
checks here keep the two in step:

- C001 (error): a topic names a clause or set that no loaded set has;
- C002 (warning): a topic's clause has no related link to any other clause of the topic;
- C003 (warning): a related link that no topic holds both ends of. Such links are not lost:
  they form extra rows, one per connected group, labelled by the group's first clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ...diagnostics import Position, Report
from ...i18n import msg
from ...loader import _report_error
from ...model import Clause, ClauseId, Strict, Text
from ...resolve import Node, ResolvedSet, all_clauses
from ...workspace import Workspace
from ...yamlpos import Located, load

FILE_NAME = "concordance.yaml"
EXCERPT = 24  # characters of clause text shown when a clause has no title


class Topic(Strict):
    topic: Text
    ids: list[ClauseId]


class TopicFile(Strict):
    sets: list[str] = []
    topics: list[Topic] = []


@dataclass(frozen=True)
class Entry:
    """One clause in a cell of the table."""

    set_name: str
    id: str
    number: str
    label: str  # title, or the start of the text

    @property
    def href(self) -> str:
        return f"{self.set_name}/standard.html#{self.id}"


@dataclass
class Row:
    topic: str
    anchor: str
    cells: dict[str, list[Entry]]  # set name → clauses, in document order
    pairs: int  # related links with both ends in this row
    derived: bool = False  # not a topic of concordance.yaml: a group of links no topic holds

    def ids(self) -> list[str]:
        return [e.id for entries in self.cells.values() for e in entries]


@dataclass
class Concordance:
    sets: list[ResolvedSet]  # columns, in order
    rows: list[Row]
    pairs: frozenset[frozenset[str]] = field(default_factory=frozenset)  # every related link, both ways


def topic_file(root: Path, report: Report) -> tuple[TopicFile, Located | None]:
    """Read ``concordance.yaml`` from the clause folder; an absent file means no topics."""
    path = root / FILE_NAME
    if not path.is_file():
        return TopicFile(), None
    name = str(path)
    located = load(path.read_text(encoding="utf-8"))
    for line, col, problem in located.problems:
        report.add(problem, Position(name, line, col))
    if located.problems:
        return TopicFile(), None
    try:
        return TopicFile.model_validate(located.data or {}), located
    except ValidationError as exc:
        for err in exc.errors():
            _report_error(err, TopicFile, located, name, report)
        return TopicFile(), None


def build_concordance(ws: Workspace, report: Report | None = None) -> Concordance:
    """The concordance of the resolved sets of a workspace; problems go to report when given."""
    report = report if report is not None else Report()
    topics, located = topic_file(ws.root, report)
    where = _Where(ws.root / FILE_NAME, located)
    for i, name in enumerate(topics.sets):
        if name not in ws.loaded:
            report.add(msg("C001.set", name=name, sets=sorted(ws.loaded)), where.at("sets", i))
    order = [n for n in dict.fromkeys(topics.sets) if n in ws.sets] + sorted(n for n in ws.sets if n not in topics.sets)
    index = _Index(ws, order)
    links = index.links()
    known = {c.id for ls in ws.loaded.values() for c in all_clauses(ls.clause_set)}
    rows: list[Row] = []
    covered: set[frozenset[str]] = set()
    for t, topic in enumerate(topics.topics):
        members = [i for i in topic.ids if i in index.nodes]
        for j, ident in enumerate(topic.ids):
            if ident not in known:
                report.add(msg("C001", topic=topic.topic, ident=ident), where.at("topics", t, "ids", j))
            elif ident in index.nodes and not any(frozenset((ident, m)) in links for m in members):
                report.add(msg("C002", ident=ident, topic=topic.topic), where.at("topics", t, "ids", j),
                           severity="warning")
        inside = {p for p in links if p <= set(members)}
        covered |= inside
        rows.append(index.row(topic.topic, f"topic-{len(rows) + 1}", members, len(inside)))
    loose = sorted(links - covered, key=lambda p: min(index.rank(i) for i in p))
    for pair in loose:
        first, other = sorted(pair, key=index.rank)
        report.add(msg("C003", first=first, other=other, file=FILE_NAME),
                   ws.loaded[index.nodes[first][0]].where(first, "related"), severity="warning")
    for group in _components(loose):
        members = sorted(group, key=index.rank)
        inside = {p for p in links if p <= group}
        rows.append(index.row(index.label(members[0]), f"topic-{len(rows) + 1}", members, len(inside), derived=True))
    return Concordance([ws.sets[n] for n in order], rows, frozenset(links))


class _Where:
    def __init__(self, path: Path, located: Located | None) -> None:
        self.path, self.located = path, located

    def at(self, *path: str | int) -> Position:
        line, col = self.located.where(path) if self.located else (1, 1)
        return Position(str(self.path), line, col)


class _Index:
    """The resolved clauses of the concordance's sets, by ID, in column then document order."""

    def __init__(self, ws: Workspace, order: list[str]) -> None:
        self.ws, self.order = ws, order
        self.nodes: dict[str, tuple[str, Node]] = {}  # ID → the set that defines it (links are its)
        self.holders: dict[str, list[tuple[str, Node]]] = {}  # ID → every set that has it (variants too)
        for name in order:
            rs = ws.sets[name]
            for node in rs.nodes():
                if isinstance(node.item, Clause):
                    self.holders.setdefault(node.id, []).append((name, node))
                    if not rs.inherits(node.id):
                        self.nodes.setdefault(node.id, (name, node))
        for ident, holders in self.holders.items():
            self.nodes.setdefault(ident, holders[0])  # inherited from a set that is not resolved here
        self.position = {ident: i for i, ident in enumerate(self.nodes)}

    def rank(self, ident: str) -> int:
        return self.position[ident]

    def links(self) -> set[frozenset[str]]:
        """Related links between clauses of different sets (one-sided ones too: R010 reports them)."""
        links: set[frozenset[str]] = set()
        for ident, (name, node) in self.nodes.items():
            assert isinstance(node.item, Clause)
            for other in node.item.related:
                if other in self.nodes and self.nodes[other][0] != name:
                    links.add(frozenset((ident, other)))
        return links

    def label(self, ident: str) -> str:
        """A clause's title, or the start of its text (references as they print)."""
        name, node = self.nodes[ident]
        if node.title:
            return node.title
        text = "".join(self.ws.sets[name].plain(next(iter(node.item.paragraphs), "")).split())
        return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"

    def row(self, topic: str, anchor: str, members: list[str], pairs: int, derived: bool = False) -> Row:
        cells: dict[str, list[Entry]] = {name: [] for name in self.order}
        for ident in sorted(dict.fromkeys(members), key=self.rank):
            for name, node in self.holders[ident]:  # a variant shows the clause under its own number
                cells[name].append(Entry(name, ident, node.number, self.label(ident)))
        return Row(topic, anchor, cells, pairs, derived)


def _components(pairs: list[frozenset[str]]) -> list[set[str]]:
    """Connected groups of the given links, in the order of their first link."""
    groups: list[set[str]] = []
    for pair in pairs:
        touching = [g for g in groups if g & pair]
        merged = set(pair).union(*touching)
        groups = [g for g in groups if not g & pair] + [merged]
    return sorted(groups, key=lambda g: min(pairs.index(p) for p in pairs if p <= g))
