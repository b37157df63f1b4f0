"""An output unit: one document an artifact writes for one set, in one or more formats."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .doctree import Document, anchor_ids


@dataclass(frozen=True)
class Unit:
    """One document an artifact writes for one set: the files ``<stem>.<fmt>`` under output/<set>/.

    Builds, incremental keys, staging, the cross-reference index and the site all work on units,
    so an artifact that writes several documents per set (one per form) needs nothing special."""

    stem: str  # path without extension relative to output/<set>/: "standard", "forms/QC-FORM-C1"
    tree: Callable[[], Document]
    formats: tuple[str, ...]
    direct: Mapping[str, Callable[[Path], object]] = field(default_factory=dict)  # formats not written from the tree
    ids: Callable[[], Iterable[str]] | None = None  # IDs it shows (xref); default: its tree's anchors/links
    title: str = ""  # what the unit is, for indexes (empty: the artifact's label)

    def files(self) -> dict[str, str]:
        return {fmt: f"{self.stem}.{fmt}" for fmt in self.formats}

    def document(self) -> Document:
        """The tree with an anchor for every ID it shows, so each has a place to link to (doctree.anchor_ids)."""
        doc = self.tree()
        anchor_ids(doc, self.ids() if self.ids else None)
        return doc
