"""The site's search index: one entry per ID of every set (and one per set), with all of its text.

The browser matches a query against these strings without word segmentation (substring, then
character bigrams: see site.js), so the text is kept whole: title, paragraphs, list items, notes,
examples, phrases (recommended, forbidden, what to say instead), table cells, term definitions.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import Annex, Clause, ListItem
from ..resolve import ResolvedSet


def texts(rs: ResolvedSet) -> dict[str, str]:
    """ID → its whole text as a reader sees it (references printed as in the document)."""
    cs = rs.clause_set
    found: dict[str, list[str]] = {}
    for term in cs.terms:
        found[term.id] = [term.term, term.en or "", term.definition, *term.notes]
    for node in rs.nodes():
        found[node.id] = list(_item_texts(node.item))
        table = node.item.table
        if table is not None:
            found[table.id] = [table.caption, *table.header, *(c for row in table.rows for c in row)]
    for form in cs.forms:
        found[form.id] = [form.title, *(c.label or "" for row in form.rows for c in row)]
    return {ident: " ".join(rs.plain(t) for t in parts if t) for ident, parts in found.items()}


def _item_texts(item: Clause | Annex) -> Iterator[str]:
    if item.title:
        yield item.title
    yield from item.paragraphs
    if isinstance(item, Annex):
        return
    for entry in item.items:
        yield from _list_texts(entry)
    yield from item.notes
    yield from item.examples
    for group in item.phrases:
        yield group.scenario
        yield from group.recommended
        for bad in group.forbidden:
            yield from (bad.text, bad.context or "", bad.instead or "")


def _list_texts(entry: str | ListItem) -> Iterator[str]:
    if isinstance(entry, str):
        yield entry
        return
    yield entry.text
    for sub in entry.items:
        yield from _list_texts(sub)


def search_entries(sets: dict[str, ResolvedSet], index: dict[str, Any], home: dict[tuple[str, str], str],
                   set_pages: dict[str, str]) -> list[dict[str, str]]:
    """Entries for search-index.js: s set label, i ID, k number, t title, x text, u link (relative to site/)."""
    entries: list[dict[str, str]] = []
    for name, rs in sets.items():
        std = rs.standard
        label = std.number or std.title.zh
        if name in set_pages:
            entries.append({"s": label, "i": "", "k": std.number or "", "t": std.title.zh,
                            "x": " ".join((std.banner or "", std.issuer or "", *std.scope)), "u": set_pages[name]})
        whole = texts(rs)
        for e in (e for e in index["entries"] if e["set"] == name):
            link = home.get((name, e["id"]))
            if link is None:
                continue
            entries.append({"s": label, "i": e["id"], "k": e["number"], "t": e["title"] or "",
                            "x": whole.get(e["id"], e["excerpt"]), "u": link})
    return entries


def write_search_index(entries: list[dict[str, str]], path: Path) -> None:
    """A script, not JSON: a page opened from disk may run scripts but may not fetch files."""
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    path.write_text(f"window.STDGEN_SEARCH = {data};\n", encoding="utf-8")
