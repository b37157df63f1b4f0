"""An output unit: one document an artifact writes for one set, in one or more formats."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import operator
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from pydantic import BaseModel

from .doctree import Document, anchor_ids
from .resolve import ResolvedSet


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
    # What the direct writers read (checklist rows, the deck of cards): the build keys their files by it,
    # so an edit that leaves it alone rewrites nothing. None: they are keyed by the whole set's data.
    # A ResolvedSet inside it counts by its name and standard metadata (see fingerprint): a direct writer
    # that reads more of the set must put that in its content.
    content: Callable[[], object] | None = None

    def files(self) -> dict[str, str]:
        return {fmt: f"{self.stem}.{fmt}" for fmt in self.formats}

    def document(self) -> Document:
        """The tree with an anchor for every ID it shows, so each has a place to link to (doctree.anchor_ids)."""
        doc = self.tree()
        anchor_ids(doc, self.ids() if self.ids else None)
        return doc


def fingerprint(value: object) -> str:
    """A hash of what a value holds (document trees, checklist rows, decks: dataclasses, lists, dicts, text),
    equal in every process for equal content. A value it cannot read gets a fresh random hash: whatever
    is keyed by it is rebuilt, never wrongly kept."""
    try:
        text = json.dumps(value, default=_plain, ensure_ascii=False, allow_nan=True)
    except (TypeError, ValueError, RecursionError):
        return os.urandom(32).hex()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain(value: object) -> Any:
    kind = type(value)
    known = _FIELDS.get(kind)
    if known is not None:  # a dataclass seen before: the common case, kept fast
        name, fields = known
        return (name, *fields(value))
    if isinstance(value, ResolvedSet):  # carried by checklists and decks for their header: its metadata
        return ["ResolvedSet", value.clause_set.name, value.standard]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = [f.name for f in dataclasses.fields(value)]
        # attrgetter reads them in C (of two or more, as a tuple): the bundled xref page's tree 17 -> 13 ms
        fields = operator.attrgetter(*names) if len(names) > 1 else lambda v: tuple(getattr(v, n) for n in names)
        _FIELDS[kind] = (kind.__qualname__, fields)
        return _plain(value)
    if isinstance(value, BaseModel):
        return [kind.__qualname__, value.__dict__]
    if isinstance(value, set | frozenset):
        return ["set", *sorted(value, key=repr)]
    if isinstance(value, PurePath):
        return ["path", str(value)]
    if isinstance(value, dt.date):
        return ["date", value.isoformat()]
    raise TypeError(f"no fingerprint for {kind.__name__}")


_FIELDS: dict[type, tuple[str, Callable[[Any], tuple[Any, ...]]]] = {}  # dataclass → its name, its fields' values


class Documents:
    """Each unit's document and the IDs it shows, made once for the readers that share them: the
    cross-reference index and the site both read every unit of every set (30 ms of the bundled sets' 60)."""

    def __init__(self) -> None:
        self.made: dict[tuple[str, str], tuple[Document, frozenset[str] | None]] = {}

    def of(self, set_name: str, unit: Unit) -> tuple[Document, frozenset[str] | None]:
        """(its document, the IDs it declares it shows: None when it declares none)."""
        key = (set_name, unit.stem)
        if key not in self.made:
            self.made[key] = unit.document(), frozenset(unit.ids()) if unit.ids else None
        return self.made[key]
