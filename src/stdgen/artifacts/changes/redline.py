"""Redline DOCX: the new document's text with Word tracked changes against the old one.

Both standards are built as document trees and read paragraph by paragraph (headings with
their numbers, lists with their markers, table rows). Paragraphs are aligned by the clause
they belong to (its ID), so a renumbered clause is one paragraph with its number changed and
a moved clause is deleted at its old place and inserted at its new one. Inside a paragraph the
difference is by character. Every difference is a real ``w:ins``/``w:del`` revision: accepting
all of them gives the new document's text, rejecting all of them the old one's.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ...doctree import Block, Document, ListBlock, Para, Split, Table
from ...render.html import marker

AUTHOR = "stdgen"


@dataclass(frozen=True)
class Line:
    key: tuple[str, int]  # (the clause it belongs to, its place there)
    text: str
    level: int = 0  # heading level (outline), 0 for body text


def lines(doc: Document) -> list[Line]:
    """Every paragraph of a document as plain text, keyed by the clause it belongs to."""
    result: list[Line] = []
    owner = ""
    count = 0
    for section in doc.sections:
        for anchor, text, style_name in _texts(section.blocks):
            if anchor:
                owner, count = anchor, 0
            style = doc.styles.get(style_name)
            result.append(Line((owner, count), text, style.outline if style else 0))
            count += 1
    return result


def _texts(blocks: list[Block], prefix: str = "") -> Iterator[tuple[str | None, str, str]]:
    """(anchor, text, style) of every paragraph: headings with their numbers, list items with
    their markers, a table row as its cells joined by ' | '."""
    for block in blocks:
        if isinstance(block, Para):
            yield block.anchor, prefix + (f"{block.number}\u3000" if block.number else "") + block.text, block.style
        elif isinstance(block, ListBlock):
            for i, item in enumerate(block.items):
                yield from _texts([item.para], prefix + marker(block.marker, i))
                if item.children is not None:
                    yield from _texts([item.children], prefix + "\u3000")
        elif isinstance(block, Table):
            if block.caption is not None:
                yield from _texts([block.caption], prefix)
            for r, row in enumerate(block.rows):
                text = " | ".join(" ".join(p.text for p in cell.paras) for cell in row)
                yield (block.anchor if r == 0 else None), prefix + text, ""
        elif isinstance(block, Split):
            yield None, prefix + block.left.text + "\u3000" + block.right.text, block.left.style
        # rules draw lines and the table of contents repeats headings: no text of their own




class _Revisions:
    def __init__(self, when: dt.datetime) -> None:
        self.next_id = 1
        self.date = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def mark(self, tag: str) -> Any:
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.next_id))
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.date)
        self.next_id += 1
        return element

    def run(self, text: str, change: str | None = None) -> Any:
        run = OxmlElement("w:r")
        t = OxmlElement("w:delText" if change == "w:del" else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run.append(t)
        if change is None:
            return run
        wrapper = self.mark(change)
        wrapper.append(run)
        return wrapper


def write_redline(old: Document, new: Document, path: Path, when: dt.datetime) -> int:
    """Write the redline; return the number of revisions (insertions and deletions)."""
    out = docx.Document()
    normal = out.styles["Normal"]
    normal.font.size = Pt(10.5)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "SimSun")
    out.core_properties.title = f"{new.title}（修订标记稿）"
    revisions = _Revisions(when)
    for x, y in align(lines(old), lines(new)):
        _paragraph(out, revisions, x, y)
    out.save(str(path))
    return revisions.next_id - 1


Pair = tuple[Line | None, Line | None]
SIMILAR = 0.4  # two paragraphs this alike are one paragraph changed, not one deleted and one inserted


def align(old: list[Line], new: list[Line]) -> Iterator[Pair]:
    """Pairs (old, new) in the new document's order: first the clauses by ID, then inside a clause
    its paragraphs by text. (old, None) is a deleted paragraph, (None, new) an inserted one."""
    a, b = _groups(old), _groups(new)
    matcher = difflib.SequenceMatcher(None, [g[0] for g in a], [g[0] for g in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for (_, xs), (_, ys) in zip(a[i1:i2], b[j1:j2], strict=True):
                yield from _by_text(xs, ys)
        else:  # other clauses: removed, added or moved
            yield from ((x, None) for _, xs in a[i1:i2] for x in xs)
            yield from ((None, y) for _, ys in b[j1:j2] for y in ys)


def _groups(found: list[Line]) -> list[tuple[str, list[Line]]]:
    groups: list[tuple[str, list[Line]]] = []
    for line in found:
        if not groups or groups[-1][0] != line.key[0] or line.key[1] == 0:
            groups.append((line.key[0], []))
        groups[-1][1].append(line)
    return groups


def _by_text(xs: list[Line], ys: list[Line]) -> Iterator[Pair]:
    matcher = difflib.SequenceMatcher(None, [x.text for x in xs], [y.text for y in ys], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            yield from zip(xs[i1:i2], ys[j1:j2], strict=True)
            continue
        olds, news = list(xs[i1:i2]), list(ys[j1:j2])
        while olds or news:
            if olds and news and difflib.SequenceMatcher(None, olds[0].text, news[0].text).ratio() >= SIMILAR:
                yield olds.pop(0), news.pop(0)
            elif olds and (not news or _later_match(olds[0], news)):
                yield olds.pop(0), None
            else:
                yield None, news.pop(0)


def _later_match(line: Line, news: list[Line]) -> bool:
    """Whether a deleted-looking paragraph should go first: no later new paragraph resembles it."""
    return not any(difflib.SequenceMatcher(None, line.text, y.text).ratio() >= SIMILAR for y in news[1:])


def _paragraph(out: Any, revisions: _Revisions, old: Line | None, new: Line | None) -> None:
    shown = new or old
    assert shown is not None
    para = out.add_paragraph(style=f"Heading {min(shown.level, 3)}" if shown.level else None)
    p = para._p
    if old is None or new is None:  # a whole paragraph inserted or deleted, its mark too
        change = "w:ins" if old is None else "w:del"
        r_pr = OxmlElement("w:rPr")
        r_pr.append(revisions.mark(change))
        p.get_or_add_pPr().append(r_pr)
        if shown.text:
            p.append(revisions.run(shown.text, change))
        return
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old.text, new.text, autojunk=False).get_opcodes():
        if op == "equal":
            p.append(revisions.run(new.text[j1:j2]))
            continue
        if i2 > i1:
            p.append(revisions.run(old.text[i1:i2], "w:del"))
        if j2 > j1:
            p.append(revisions.run(new.text[j1:j2], "w:ins"))
