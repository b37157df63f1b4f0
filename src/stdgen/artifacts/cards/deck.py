"""What a deck of counter phrase cards holds: the phrases of one or more resolved sets, by topic.

A topic is what a card is headed with: the title of the clause that gives the phrases, or of its
nearest titled ancestor (DB34/T 3395—2019 A.1.1 现场服务用语 for its untitled A.1.1.1 …). Under a
topic, phrases stay in their scenario (as the set names it) and keep their condition. Recommended
and forbidden phrases are never in one topic. Several sets merged into one deck show a phrase
that several of them give once, where it first appears, citing every source.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from ...lint.phrases import normalise
from ...model import Clause
from ...resolve import Node, ResolvedSet
from ..checklist.rows import SCOPE_ZH, in_scope

Kind = Literal["recommended", "forbidden"]
KINDS: tuple[Kind, ...] = ("recommended", "forbidden")
KIND_ZH: dict[Kind, str] = {"recommended": "文明用语", "forbidden": "服务忌语"}
NO_REPLACEMENT = "替代说法待补充"


@dataclass(frozen=True)
class Cite:
    """Where a phrase comes from: the standard, the clause number as printed and the clause ID."""

    set_name: str
    standard: str  # number, or title for a document without one
    number: str
    id: str

    @property
    def label(self) -> str:
        return f"{self.number} {self.id}"


@dataclass
class Phrase:
    text: str
    kind: Kind
    scenario: str
    context: str | None = None  # its condition, as the source gives it
    instead: str | None = None  # forbidden only: what to say instead
    rule: bool = False  # a rule stated by the source, not words to say
    cites: list[Cite] = field(default_factory=list)  # the first is where it is shown

    @property
    def key(self) -> tuple[Kind, str]:
        return self.kind, normalise(self.text)

    @property
    def shown(self) -> str:
        """Words quoted; a rule as it is."""
        return self.text if self.rule else f"“{self.text}”"


@dataclass
class Topic:
    kind: Kind
    title: str
    phrases: list[Phrase]

    @property
    def cites(self) -> list[Cite]:
        return list(dict.fromkeys(c for p in self.phrases for c in p.cites))


@dataclass
class Deck:
    sets: list[ResolvedSet]
    topics: list[Topic]
    scopes: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return "、".join(standard_label(rs) for rs in self.sets)

    @property
    def scope_label(self) -> str:
        return "、".join(SCOPE_ZH.get(s, s) for s in self.scopes) if self.scopes else "全部"

    @property
    def phrases(self) -> list[Phrase]:
        return [p for t in self.topics for p in t.phrases]

    def of(self, kind: Kind) -> list[Topic]:
        return [t for t in self.topics if t.kind == kind]

    @property
    def cited_ids(self) -> list[str]:
        return list(dict.fromkeys(c.id for p in self.phrases for c in p.cites))


def standard_label(rs: ResolvedSet) -> str:
    std = rs.standard
    return std.number or std.title.zh


def build_deck(sets: Iterable[ResolvedSet], scopes: Iterable[str] = ()) -> Deck:
    """Every phrase of the sets (those in scope), recommended topics first, each shared phrase once."""
    chosen = list(sets)
    wanted = tuple(dict.fromkeys(scopes))
    first: dict[tuple[Kind, str], Phrase] = {}
    topics: dict[tuple[Kind, str, str], Topic] = {}
    for rs in chosen:
        for topic_title, node, clause in _phrase_clauses(rs):
            if not in_scope(clause.scope, wanted):
                continue
            cite = Cite(rs.clause_set.name, standard_label(rs), node.number, node.id)
            for phrase in _phrases(clause, cite):
                seen = first.get(phrase.key)
                if seen is not None:  # shared: shown once, citing every source
                    if cite not in seen.cites:
                        seen.cites.append(cite)
                    seen.instead = seen.instead or phrase.instead
                    continue
                first[phrase.key] = phrase
                key = (phrase.kind, rs.clause_set.name, topic_title)
                topics.setdefault(key, Topic(phrase.kind, topic_title, [])).phrases.append(phrase)
    ordered = [t for kind in KINDS for t in topics.values() if t.kind == kind]
    return Deck(chosen, ordered, wanted)


def _phrase_clauses(rs: ResolvedSet) -> Iterator[tuple[str, Node, Clause]]:
    """(topic title, node, clause) for every clause that gives phrases, in document order."""
    def walk(node: Node, title: str) -> Iterator[tuple[str, Node, Clause]]:
        here = node.item.title or title
        if isinstance(node.item, Clause) and node.item.phrases:
            yield here, node, node.item
        for child in node.children:
            yield from walk(child, here)

    for top in (*rs.chapters, *rs.annexes):
        yield from walk(top, top.title or "")


def _phrases(clause: Clause, cite: Cite) -> Iterator[Phrase]:
    for group in clause.phrases:
        for text in group.recommended:
            yield Phrase(text, "recommended", group.scenario, group.context, cites=[cite])
        for bad in group.forbidden:
            yield Phrase(bad.text, "forbidden", group.scenario, bad.context, bad.instead, bad.rule, [cite])
