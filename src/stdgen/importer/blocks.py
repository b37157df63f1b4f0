"""What every reader hands to the parser: the document as a sequence of paragraphs and tables.

A reader (plain text, DOCX, PDF) knows its format; the parser knows GB/T 1.1. Between them is
this list of blocks, each saying where in the source it came from so that whatever the parser
cannot place is reported with its place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Role = str
"""A paragraph's role when the source names it (DOCX style): the keys of the standard's STYLES,
e.g. "chapter", "clause-2", "untitled-3", "term-number", "list-dash", "note", "toc-1"."""

_CJK = "\u3400-\u9fff\uf900-\ufaff"
_SPACED = re.compile(rf"(?<=[{_CJK}])[ \t\u00a0]+(?=[{_CJK}])")


@dataclass
class Block:
    text: str
    where: str  # "line 12", "paragraph 40", "page 3"
    role: Role | None = None
    heading: bool | None = None  # PDF: the whole line is set in the heading face (黑体)
    rows: list[list[str]] = field(default_factory=list)  # a table; text is then empty
    cleaned: str | None = None  # how the reader cleaned this text (goes into the set's source.note)

    @property
    def is_table(self) -> bool:
        return bool(self.rows)


def tidy(text: str) -> str:
    """Spaces a layout puts between Chinese characters (letter-spaced cover lines) removed, ends trimmed."""
    text = text.strip(" \t\u00a0\r\n")
    if len(text) >= 5 and re.fullmatch(r"(?:\S[ \u00a0]+)+\S", text.replace("\u3000", "\u3000")):
        return re.sub(r"(?<=\S)[ \u00a0]+(?=\S)", "", text)  # "重 庆 市 1 2 3 4 5": every character spaced
    text = re.sub(rf"(?<=[{_CJK}])[ \t\u00a0]+(?=第\d+部分)", "\u3000", text)  # 运行规范　第1部分 (GB/T 1.1)
    return _SPACED.sub("", text)


def bare(text: str) -> str:
    """Text without any white space, for comparing headings such as "前　　言" or "目 次"."""
    return re.sub(r"[\s\u3000]+", "", text)
