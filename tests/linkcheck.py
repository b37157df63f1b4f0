"""A link checker for the HTML under an output folder: every internal link and anchor must resolve."""

from __future__ import annotations

import posixpath
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.append(values["name"] or "")
        for attr in ("href", "src"):
            value = values.get(attr)
            if value is not None and (tag in ("a", "link", "script", "img") or attr == "src"):
                self.links.append(value)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def check(out: Path) -> tuple[int, list[str]]:
    """(links checked, problems): a link to a missing file or anchor, an external URL, a duplicate id.
    A relative link must stay inside out."""
    pages = {p: parse(p) for p in sorted(out.rglob("*.html"))}
    ids = {p: set(page.ids) for p, page in pages.items()}
    problems: list[str] = []
    checked = 0
    for path, page in pages.items():
        where = path.relative_to(out)
        problems.extend(f"{where}: id {i!r} is used {n} times" for i, n in Counter(page.ids).items() if n > 1)
        for link in page.links:
            checked += 1
            parts = urlsplit(link)
            if parts.scheme == "data":
                continue  # inline (an image, the empty favicon): nothing to fetch
            if parts.scheme or parts.netloc:
                problems.append(f"{where}: link leaves the output folder: {link}")
                continue
            target = path if not parts.path else Path(posixpath.normpath(path.parent / unquote(parts.path)))
            if not target.is_relative_to(out):
                problems.append(f"{where}: link leaves the output folder: {link}")
                continue
            if not target.is_file():
                problems.append(f"{where}: no file for {link}")
                continue
            anchor = unquote(parts.fragment)
            if not anchor or target.suffix != ".html":
                continue  # a PDF's #page=N is the reader's business
            if anchor not in ids.get(target, set()):
                problems.append(f"{where}: no anchor for {link}")
    return checked, problems
