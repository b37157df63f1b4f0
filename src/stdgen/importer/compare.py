"""How much of a clause set an import recovered: the printed content of each numbered clause compared.

Both sides are compared as a reader sees them (references printed as 10.4, 第5章 …; phrases a
clause prints as a list count as its list), so a set built to DOCX or PDF and imported back can be
measured against itself, and a seed's import against its hand-encoded set.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..artifacts.standard.tree import _phrase_lines, _phrases_are_content
from ..model import Clause
from ..resolve import Node, ResolvedSet

Printed = tuple[Any, ...]


@dataclass
class Match:
    name: str
    clauses: int = 0
    exact: int = 0
    types_agree: int = 0
    terms: int = 0
    terms_exact: int = 0
    references_exact: bool = True
    differences: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.exact / self.clauses if self.clauses else 1.0

    @property
    def type_rate(self) -> float:
        return self.types_agree / self.clauses if self.clauses else 1.0


def printed_nodes(rs: ResolvedSet, by_source: bool = False) -> dict[str, Printed]:
    """Printed content by clause number; by_source: by the number the source printed (``source.clause``),
    for a hand-encoded set that renumbered the source."""
    return {_key(node, by_source): _printed(rs, node) for node in rs.nodes()}


def _key(node: Node, by_source: bool) -> str:
    source = node.item.source
    if by_source and source is not None and source.clause:
        return source.clause.removeprefix("附录")
    return node.number


def _printed(rs: ResolvedSet, node: Node) -> Printed:
    item = node.item
    texts = tuple(rs.plain(p) for p in item.paragraphs)
    items: tuple[Any, ...] = ()
    notes: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    if isinstance(item, Clause):
        entries: list[Any] = list(item.items)
        if not entries and _phrases_are_content(item):  # as the standard prints them
            entries = _phrase_lines(item)
        items = tuple((rs.plain(e), ()) if isinstance(e, str) else
                      (rs.plain(e.text), tuple(rs.plain(s.text) for s in e.items)) for e in entries)
        notes = tuple(rs.plain(n) for n in item.notes)
        examples = tuple(rs.plain(e) for e in item.examples)
    table = None  # caption and row count: a form prints as a table whose merged cells a reader cannot undo
    if item.table is not None:
        table = (item.table.caption, len(item.table.rows) + (1 if item.table.header else 0))
    elif item.form is not None:
        form = next((f for f in rs.clause_set.forms if f.id == item.form), None)
        table = (form.title, len(form.rows)) if form is not None else None
    return (item.title, texts, items, notes, examples, table)


def _kind(rs: ResolvedSet, number: str, by_source: bool) -> str | None:
    node = next((n for n in rs.nodes() if _key(n, by_source) == number), None)
    return node.item.type.value if node is not None and isinstance(node.item, Clause) else None


def compare(original: ResolvedSet, imported: ResolvedSet | None, name: str, by_source: bool = False) -> Match:
    want = printed_nodes(original, by_source)
    got = printed_nodes(imported, by_source) if imported is not None else {}
    match = Match(name, clauses=len(want))
    for number, content in want.items():
        if got.get(number) == content:
            match.exact += 1
        else:
            match.differences.append(f"{number}: want {content!r}, got {got.get(number)!r}")
        if imported is not None and _kind(original, number, by_source) == _kind(imported, number, by_source):
            match.types_agree += 1
    want_terms = [(t.term, t.en, original.plain(t.definition)) for t in original.clause_set.terms]
    got_terms = [(t.term, t.en, imported.plain(t.definition)) for t in imported.clause_set.terms] if imported else []
    match.terms = len(want_terms)
    match.terms_exact = sum(1 for a, b in zip(want_terms, got_terms, strict=False) if a == b)
    refs = [(r.number, r.title) for r in original.standard.normative_references]
    match.references_exact = imported is not None and refs == [
        (r.number, r.title) for r in imported.standard.normative_references]
    return match
