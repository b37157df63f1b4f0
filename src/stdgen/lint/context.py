"""What every lint check sees: the resolved set, positions, labels and the texts to read."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Position
from ..i18n import Arg, Phrase, phrase
from ..loader import LoadedSet
from ..model import Annex, Clause, ListItem
from ..resolve import Node, ResolvedSet
from ..yamlpos import Located, load


@dataclass(frozen=True)
class Finding:
    """One problem found by a rule, before suppression and before it is worded."""

    code: str
    position: Position
    args: Mapping[str, Arg] = field(default_factory=dict)
    owner: str | None = None  # the clause whose `suppress:` may silence it
    variant: str = ""  # message variant: the catalogue key is code or code.variant

    @property
    def key(self) -> str:
        return f"{self.code}.{self.variant}" if self.variant else self.code


@dataclass
class LintContext:
    resolved: ResolvedSet
    loaded: LoadedSet
    _meta: Located | None = None
    _meta_read: bool = False

    @property
    def standard_file(self) -> Path:
        return self.loaded.folder / "standard.yaml"

    def where(self, ident: str, key: str = "") -> Position:
        return self.loaded.where(ident, key)

    def meta_where(self, *path: str | int) -> Position:
        """Position of a key of standard.yaml (the loader records positions only for objects with an id)."""
        if not self._meta_read:
            self._meta_read = True
            try:
                self._meta = load(self.standard_file.read_text(encoding="utf-8"))
            except OSError:
                self._meta = None
        if self._meta is None:
            return Position(str(self.standard_file), 1, 1)
        line, col = self._meta.where(tuple(path), key=len(path) == 1)
        return Position(str(self.standard_file), line, col)

    def label(self, node: Node) -> Phrase:
        """How a message names a clause: its printed number and its ID."""
        kind = "annex-label" if isinstance(node.item, Annex) else "chapter-label" if node.depth == 1 else "clause-label"
        return phrase(kind, number=node.number, ident=node.id)

    def body_nodes(self) -> Iterator[Node]:
        for top in self.resolved.chapters:
            yield from top.walk()

    def annex_nodes(self) -> Iterator[tuple[Node, Node]]:
        """(annex, node) for every node of every annex, the annex itself included."""
        for annex in self.resolved.annexes:
            for node in annex.walk():
                yield annex, node


def item_texts(items: list[str | ListItem]) -> Iterator[str]:
    for entry in items:
        if isinstance(entry, str):
            yield entry
        else:
            yield entry.text
            yield from item_texts(list(entry.items))


def own_texts(item: Clause | Annex) -> Iterator[tuple[str, str]]:
    """(YAML key, text) of a clause's own provision text: paragraphs and list items.

    Not its phrases (sample phrases are quotes), notes or examples (checked as informative text).
    """
    for para in item.paragraphs:
        yield "text", para
    if isinstance(item, Clause):
        for text in item_texts(list(item.items)):
            yield "items", text


def all_texts(item: Clause | Annex) -> Iterator[tuple[str, str]]:
    """Every text of a clause a reader sees: title, paragraphs, items, notes, examples and table cells."""
    if item.title:
        yield "title", item.title
    yield from own_texts(item)
    if isinstance(item, Clause):
        for note in item.notes:
            yield "notes", note
        for example in item.examples:
            yield "examples", example
    if item.table is not None:
        yield "table", item.table.caption
        for row in (item.table.header, *item.table.rows):
            for cell in row:
                yield "table", cell
