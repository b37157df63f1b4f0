"""Font coverage: a PDF is written only when its 宋体 and 黑体 roles resolve to installed fonts that
hold every character the document prints; a DOCX (fonts not embedded) warns about characters
outside GBK, which the 宋体/黑体 of a Chinese Windows or WPS install may lack.

Without the fonts, WeasyPrint would silently print every Chinese glyph as a box. Fonts are found
the way WeasyPrint finds them, through fontconfig (``fc-list``), in the order of the role's
font stack; a character counts as covered when the font's charset holds it.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from functools import cache

from ..doctree import Block, Document, ListBlock, Para, Toc, paras
from ..i18n import Listing, Phrase, listing, phrase, worded
from .html import marker

ROLE_NAMES = {"song": "宋体", "hei": "黑体", "kai": "楷体"}
CHECKED_ROLES = ("song", "hei")  # 楷体 is optional: WeasyPrint falls back to the 宋体 stack
PACKAGE = "fonts-noto-cjk"
SHOWN = 20  # characters listed in one message


class FontsMissing(Exception):
    """A PDF cannot print its text: a role has no installed font, or the font lacks characters."""

    def __init__(self, problem: Listing | Phrase, hint: Phrase | None = None) -> None:
        super().__init__(problem, hint)
        self.problem = problem
        self.hint = hint or phrase("fonts-install", package=PACKAGE)

    def __str__(self) -> str:
        return worded(self.problem, "en")


def require_fonts(doc: Document, stacks: dict[str, str]) -> None:
    """Raise FontsMissing unless every checked role has an installed font covering its characters."""
    used = characters_by_role(doc)
    problems: list[Phrase] = []
    for role in CHECKED_ROLES:
        chars = used.get(role, set()) if role != "song" else used.get("song", set()) | used.get("kai", set())
        font = installed_font(stacks[role])
        if font is None:
            problems.append(phrase("font-none", role=ROLE_NAMES[role], looked=_named(stacks[role])))
            continue
        family, charset = font
        missing = sorted(ch for ch in chars if ord(ch) not in charset)
        if missing:
            problems.append(phrase("font-lacks", role=ROLE_NAMES[role], family=family, count=len(missing),
                                   chars=describe(missing)))
    if problems:
        raise FontsMissing(listing(problems, "sep"))


def rare_characters(doc: Document) -> list[str]:
    """Characters a DOCX prints that fall outside GBK (common Chinese fonts may lack them)."""
    found = set().union(*characters_by_role(doc).values()) if doc.sections else set()
    return sorted(ch for ch in found if not _in_gbk(ch))


def describe(chars: list[str]) -> Phrase | str:
    shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in chars[:SHOWN])
    return phrase("chars-more", shown=shown, more=len(chars) - SHOWN) if len(chars) > SHOWN else shown


def characters_by_role(doc: Document) -> dict[str, set[str]]:
    """Every printed character of the document, by the font role of the paragraph printing it."""
    chars: dict[str, set[str]] = {}

    def role_of(style: str) -> str:
        found = doc.styles.get(style)
        return found.font if found else "song"

    for role, text in _texts(doc, role_of):
        chars.setdefault(role, set()).update(ch for ch in text if not ch.isspace() and ch.isprintable())
    return chars


def _texts(doc: Document, role_of: Callable[[str], str]) -> Iterator[tuple[str, str]]:
    header = doc.styles.get("header")
    for section in doc.sections:
        if section.header:
            yield (header.font if header else "hei"), section.header
        for para in _printed_paras(section.blocks):
            text = "".join(span.text for span in para.spans) + (para.number or "")
            yield role_of(para.style), text
        yield "song", "".join(_list_markers(section.blocks))
    yield "song", "——0123456789)abcdefghijklmnopqrstuvwxyz·"  # list markers and page numbers


def _list_markers(blocks: list[Block]) -> Iterator[str]:
    """The markers the lists print (① … ⑳ beyond ⑩ are outside GBK, so only those printed count)."""
    for block in blocks:
        if isinstance(block, ListBlock):
            for i, item in enumerate(block.items):
                yield marker(block.marker, i)
                if item.children:
                    yield from _list_markers([item.children])


def _printed_paras(blocks: list[Block]) -> Iterator[Para]:
    """Every paragraph that prints: doctree.paras plus the 目次 entries (which carry no anchors)."""
    yield from paras(blocks)
    for block in blocks:
        if isinstance(block, Toc):
            yield from block.entries


def _named(stack: str) -> str:
    return ", ".join(name.strip().strip('"') for name in stack.split(",") if '"' in name)


@cache
def installed_font(stack: str) -> tuple[str, frozenset[int]] | None:
    """(family, code points) of the first family of a CSS font stack that fontconfig has."""
    if shutil.which("fc-list") is None:
        raise FontsMissing(phrase("fc-list-missing"), phrase("fontconfig-install"))
    for family in (n.strip().strip('"') for n in stack.split(",") if '"' in n):
        listed = subprocess.run(["fc-list", "--format", "%{charset}\n", f"{family}:style=Regular"],
                                capture_output=True, text=True, check=False).stdout.split("\n")[0]
        if not listed:
            listed = subprocess.run(["fc-list", "--format", "%{charset}\n", family],
                                    capture_output=True, text=True, check=False).stdout.split("\n")[0]
        if listed:
            return family, frozenset(_charset(listed))
    return None


def _charset(ranges: str) -> Iterator[int]:
    """Code points of a fontconfig charset: ``20-7e a0 …`` (hex)."""
    for part in ranges.split():
        low, _, high = part.partition("-")
        yield from range(int(low, 16), int(high or low, 16) + 1)


def _in_gbk(ch: str) -> bool:
    try:
        ch.encode("gbk")
    except UnicodeEncodeError:
        return False
    return True
