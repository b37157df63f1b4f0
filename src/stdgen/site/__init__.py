"""One HTML site over every artifact: ``output/index.html`` and ``output/site/``, read from disk.

The site hard-codes no artifact. Each per-set artifact of ``build.ARTIFACTS`` declares its output
units (``Artifact.outputs``): every unit with an HTML format is a page, showing the IDs the unit
declares (``Unit.ids``, else its tree's anchors and links); the cross-set documents
(concordance, cross-reference index) are handed in by the build. Every page is rendered again
for the screen from its document tree — semantic headings, a side table of contents, a search
box — into ``site/`` with the same relative layout as ``output/`` (``site/<set>/standard.html``),
so the links the artifacts already make between their pages work unchanged, and links to
other files (PDF, DOCX, XLSX) are pointed at the files in ``output/``.

Where each ID appears comes from the cross-reference index (``xref.build_index``): the first
page listing an ID is its home (the standard, as the first artifact); the home shows, under
each clause, the ID to copy and links to every other place (checklist row, other artifacts,
concordance topic) and to its related clauses in other sets, and those places link back.
"""

from __future__ import annotations

import hashlib
import os
import posixpath
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape

from ..doctree import Document, Figure, Para, Style, anchors_of, blocks_of
from ..render.compiled import compiled
from ..render.html import FONT_STACKS, image_uri, marker
from ..resolve import ResolvedSet
from ..unit import Documents, fingerprint
from ..version import version
from .search import search_entries, write_search_index

if TYPE_CHECKING:
    from ..build import Artifact
    from ..xref import Built

HERE = Path(__file__).parent
SITE = "site"  # folder of the pages under the output folder
INDEX = "index.html"  # the entry page, in the output folder itself
ASSETS = ("site.css", "site.js")
TOC_DEPTH = 2  # outline levels listed in the side table of contents
SHORT_SET, SHORT_TEXT = 10, 16  # characters of a set's title (when it has no number) and a clause's text in an aside
SCREEN_MAX_PT, SCREEN_VW = 12, 5.5  # on a screen, type above 12 pt shrinks to at most 5.5 % of the width
STATUS = {"published": "现行", "trial": "试行", "draft": "征求意见稿"}


@dataclass
class SitePage:
    path: str  # under site/, with "/" separators
    title: str
    label: str  # the artifact's name for readers (navigation)
    doc: Document
    set_name: str | None = None
    ids: frozenset[str] = frozenset()
    downloads: list[tuple[str, str]] = field(default_factory=list)  # (format, path under output/)
    source: str = ""  # the key of the HTML file the page shows (its data and the code): equal, the same tree

    @property
    def root(self) -> str:
        """Relative path from the page to site/."""
        return "../" * self.path.count("/")

    def rel(self, site_path: str) -> str:
        """A site path as a link from this page."""
        return _relpath(site_path, posixpath.dirname(self.path) or ".")


@cache
def _relpath(path: str, start: str) -> str:
    """posixpath.relpath, kept: a page's asides link to the same few pages hundreds of times."""
    return posixpath.relpath(path, start)


def collect_pages(sets: dict[str, ResolvedSet], artifacts: Sequence[Artifact], built: Built,
                  cross: Sequence[tuple[str, str, Document, Sequence[str]]],
                  documents: Documents | None = None) -> list[SitePage]:
    """Every page: per set, each HTML unit of each artifact that the build wrote; then the cross-set documents
    (HTML file, label, tree, the names of their other files)."""
    pages: list[SitePage] = []
    documents = documents or Documents()
    for name, rs in sets.items():
        std = rs.standard
        for artifact in artifacts:
            for unit in artifact.outputs(rs):
                files = unit.files()
                if "html" not in files or not built.has(name, files["html"]):
                    continue
                doc, shown = documents.of(name, unit)
                ids = frozenset(a for a in anchors_of(doc) if shown is None or a in shown)
                downloads = [(fmt.upper(), f"{name}/{file}") for fmt, file in files.items()
                             if fmt != "html" and built.has(name, file)]
                label = unit.title or artifact.title
                pages.append(SitePage(f"{name}/{files['html']}", f"{std.number or std.title.zh}　{label}", label, doc,
                                      name, ids, downloads, built.key(name, files["html"])))
    for file, label, doc, others in cross:  # written with the site: on disk only after it
        downloads = [(Path(other).suffix[1:].upper(), other) for other in others]
        pages.append(SitePage(file, label, label, doc, downloads=downloads))
    return pages


def homes(index: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(set, ID) → its home: the first HTML place the index lists (paths relative to site/)."""
    found: dict[tuple[str, str], str] = {}
    for e in index["entries"]:
        link = next((link for a in e["appears_in"] for link in a["links"]), None)
        if link is not None:
            found[(e["set"], e["id"])] = link
    return found


class Places:
    """The asides under each anchored ID: on its home, everywhere else it appears; elsewhere, its home."""

    def __init__(self, index: dict[str, Any]) -> None:
        self.entries = {(e["set"], e["id"]): e for e in index["entries"]}
        self.by_id: dict[str, dict[str, Any]] = {}  # a related ID's entry: the set that defines it
        for e in index["entries"]:
            if not e.get("inherited"):
                self.by_id.setdefault(e["id"], e)
        self.labels = {a["name"]: a["label"] for a in index["artifacts"]}
        self.homes = homes(index)
        self.set_labels = {s["name"]: s["number"] or _short(s["title"], SHORT_SET) for s in index["sets"]}

    def aside(self, page: SitePage, ident: str) -> Markup:
        if page.set_name is None or ident not in page.ids:
            return Markup("")
        entry = self.entries.get((page.set_name, ident))
        home = self.homes.get((page.set_name, ident))
        if entry is None or home is None:
            return Markup("")
        here = f"{page.path}#{ident}"
        parts = [Markup('<span class="cid" title="条款ID">%s</span>') % ident,
                 Markup('<a class="self" href="#%s" aria-label="本条链接">#</a>') % ident]
        if home != here:
            parts.append(self._link(page, home, f"见{self._home_label(entry)} {entry['number']}"))
            return Markup('<aside class="xref">%s</aside>') % Markup(" ").join(parts)
        places = [self._link(page, link, self._label(a, i)) for a in entry["appears_in"]
                  for i, link in enumerate(a["links"]) if link != here]
        related = [self._related(page, r) for r in entry["related"]]
        if places:
            parts.append(Markup('<span class="where">另见：%s</span>') % Markup("、").join(places))
        if related:
            parts.append(Markup('<span class="rel">等同条款：%s</span>') % Markup("、").join(related))
        return Markup('<aside class="xref">%s</aside>') % Markup(" ").join(parts)

    def _home_label(self, entry: dict[str, Any]) -> str:
        first = next((a["artifact"] for a in entry["appears_in"] if a["links"]), "")
        return str(self.labels.get(first, first))

    def _label(self, appearance: dict[str, Any], i: int) -> str:
        label = str(self.labels.get(appearance["artifact"], appearance["artifact"]))
        topics = appearance.get("topics") or []
        return f"{label}「{topics[i]}」" if i < len(topics) else label

    def _related(self, page: SitePage, ident: str) -> Markup:
        e = self.by_id.get(ident)
        link = self.homes.get((e["set"], ident)) if e else None
        if e is None or link is None:
            return escape(ident)
        what = _short(e["title"] or e["excerpt"], SHORT_TEXT)
        text = f"{self.set_labels.get(e['set'], e['set'])} {e['number']} {what}"
        return Markup('<a href="%s" data-id="%s">%s</a>') % (page.rel(link.partition("#")[0]) + "#" + ident, ident,
                                                             text)

    @staticmethod
    def _link(page: SitePage, link: str, text: str) -> Markup:
        path, _, anchor = link.partition("#")
        href = (page.rel(path) if path != page.path else "") + (f"#{anchor}" if anchor else "")
        return Markup('<a href="%s">%s</a>') % (href, text)


def _short(text: str, length: int) -> str:
    text = text.rstrip("…")
    return text if len(text) <= length else text[:length] + "…"


def heading_level(doc: Document, style: str) -> int:
    """h2–h6 by outline level (h1 is the page title); 0 for body text."""
    outline = doc.styles[style].outline if style in doc.styles else 0
    return min(outline + 1, 6) if outline else 0


def toc(doc: Document) -> list[tuple[int, str, str]]:
    """(level, text, anchor) of the page's headings down to TOC_DEPTH; anchorless headings get one."""
    entries: list[tuple[int, str, str]] = []
    for n, p in enumerate(p for s in doc.sections for p in _top_paras(s.blocks)):
        level = doc.styles[p.style].outline if p.style in doc.styles else 0
        if not level:
            continue
        if p.anchor is None:
            p.anchor = f"sec-{n}"
        if level <= TOC_DEPTH:
            text = p.toc_text or (f"{p.number}　{p.text}" if p.number else p.text)
            entries.append((level, text, p.anchor))
    return entries


def _top_paras(blocks: Sequence[object]) -> list[Para]:
    return [b for b in blocks if isinstance(b, Para)]


def href_rewriter(page: SitePage, site_paths: set[str]) -> Callable[[str], str]:
    """A link of the artifact's own HTML, seen from the site: pages stay, other files point into output/."""
    def rewrite(href: str) -> str:
        path, sep, anchor = href.partition("#")
        if not path or ":" in path:
            return href
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path))
        if target in site_paths:
            return href
        return posixpath.relpath(target, posixpath.join(SITE, posixpath.dirname(page.path))) + sep + anchor
    return rewrite


def screen_css(doc: Document) -> str:
    """The document's paragraph styles for a screen: display type shrinks with a narrow window (a
    letter-spaced cover line fits 360 px), and the space a printed page leaves above cover lines is dropped."""
    return "\n".join(_style_rule(name, style) for name, style in doc.styles.items())


def _style_rule(name: str, s: Style) -> str:
    size = f"min({s.size}pt, {SCREEN_VW}vw)" if s.size > SCREEN_MAX_PT else f"{s.size}pt"
    parts = [f"font-family: {FONT_STACKS[s.font]}", f"font-size: {size}", f"text-align: {s.align}",
             f"text-indent: {s.indent_chars}em", f"margin: {s.before * 1.5}em 0 {s.after * 1.5}em 0",
             f"font-weight: {'bold' if s.bold else 'normal'}"]
    if s.letter_spacing:
        parts.append(f"letter-spacing: {s.letter_spacing}em")
    return f".doc .{name} {{ {'; '.join(parts)} }}"


def roman_anchors(doc: Document) -> set[str]:
    return {b.anchor for s in doc.sections if s.numbering == "roman" for b in s.blocks
            if isinstance(b, Para) and b.anchor}


@cache
def _env() -> jinja2.Environment:
    """stdgen's own templates (not a bureau's: the site is a screen view, the bureau shapes the print)."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                              undefined=jinja2.StrictUndefined, bytecode_cache=compiled("html"))


def render_page(page: SitePage, pages: list[SitePage], places: Places, site_paths: set[str]) -> str:
    entries = toc(page.doc)
    siblings = [p for p in pages if p.set_name == page.set_name] if page.set_name else [
        p for p in pages if p.set_name is None]
    return _env().get_template("page.html.j2").render(
        page=page, doc=page.doc, css=screen_css(page.doc), toc=entries, siblings=siblings,
        root=page.root, index_href=page.root + "../" + INDEX,
        marker=marker, roman_anchors=roman_anchors(page.doc), external_links=True, screen=True,
        href=href_rewriter(page, site_paths), aside=lambda anchor: places.aside(page, anchor),
        heading_tag=lambda style: f"h{level}" if (level := heading_level(page.doc, style)) else "p",
        image_uri=image_uri)


def _set_label(sets: dict[str, ResolvedSet], name: str | None) -> tuple[str, str] | None:
    """(label, folder) of a variant's parent, when it has one."""
    if name is None:
        return None
    parent = sets.get(name)
    return ((parent.standard.number or parent.standard.title.zh) if parent else name), name


def render_index(sets: dict[str, ResolvedSet], pages: list[SitePage]) -> str:
    rows = []
    for name, rs in sets.items():
        std = rs.standard
        status = STATUS.get(std.status, std.status) + ("" if std.complete else "（来源文本不完整）")
        dates = "　".join(x for x in (f"{std.issued}发布" if std.issued else "",
                                     f"{std.implemented}实施" if std.implemented else "") if x)
        rows.append({"name": name, "number": std.number or "", "title": std.title.zh, "status": status,
                     "edition": dates, "version": version(rs.clause_set), "replaces": "、".join(std.replaces),
                     "extends": _set_label(sets, rs.clause_set.extends), "changes": len(rs.clause_set.changes),
                     "kind": "地方标准" if std.kind == "local-standard" else "规范性文件",
                     "pages": [(p.label, f"{SITE}/{p.path}") for p in pages if p.set_name == name]})
    cross = [(p.label, f"{SITE}/{p.path}") for p in pages if p.set_name is None]
    return _env().get_template("index.html.j2").render(rows=rows, cross=cross, root=f"{SITE}/",
                                                       index_href=INDEX)


def write_site(sets: dict[str, ResolvedSet], index: dict[str, Any], artifacts: Sequence[Artifact], built: Built,
               out_root: Path, cross: Sequence[tuple[str, str, Document, Sequence[str]]], folder: Path,
               entry_page: Path, previous: Mapping[str, Any] | None = None, salt: str = "",
               documents: Documents | None = None) -> dict[str, Any]:
    """Write the site's pages, assets and search index into folder (a staging copy of out_root/site/)
    and the entry page to entry_page; return what to record for the next build: each page's key (a hash of
    what it is rendered from, with salt) and each unit page's tree fingerprint by its source. A page whose
    key is in previous (the last record) is hard-linked from the current site instead of rendered.
    documents: the units' documents, when the index was made from them too."""
    pages = collect_pages(sets, artifacts, built, cross, documents)
    places = Places(index)
    site_paths = {p.path for p in pages}
    common = fingerprint([salt, index["sets"], index["artifacts"],
                          [(p.path, p.title, p.label, p.set_name, p.downloads) for p in pages]])
    last_keys: Mapping[str, str] = (previous or {}).get("pages", {})
    last_trees: Mapping[str, str] = (previous or {}).get("trees", {})
    keys: dict[str, str] = {}
    trees: dict[str, str] = {}
    for page in pages:
        target = folder / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        tree = _tree_key(page, last_trees)
        if page.source:  # a unit's page (the cross-set pages are made from the index, not from one file)
            trees[page.source] = tree
        keys[page.path] = fingerprint([common, sorted(page.ids), _asides(page, places), tree])
        old = out_root / SITE / page.path
        if last_keys.get(page.path) == keys[page.path] and old.is_file():
            os.link(old, target)
        else:
            target.write_text(render_page(page, pages, places, site_paths), encoding="utf-8")
    for asset in ASSETS:
        shutil.copyfile(HERE / asset, folder / asset)
    first_page: dict[str, str] = {}
    for p in pages:
        if p.set_name:
            first_page.setdefault(p.set_name, p.path)
    write_search_index(search_entries(sets, index, places.homes, first_page), folder / "search-index.js")
    entry_page.write_text(render_index(sets, pages), encoding="utf-8")
    return {"pages": keys, "trees": trees}


def _tree_key(page: SitePage, last: Mapping[str, str]) -> str:
    """The fingerprint of the page's tree and figures: the last build's when the page shows the same file (its
    source), else worked out (23 pages of the bundled sets: 50 ms, for an edit that changes one set's)."""
    known = last.get(page.source) if page.source else None
    return known if known is not None else fingerprint([page.doc, _images(page.doc)])


def _asides(page: SitePage, places: Places) -> list[str]:
    """All that a page shows of the index: keyed by them, not by the whole index, an edit renders again only
    the pages that show the clauses it changed (ZMD-1 edited in its opening words: 6 pages of 23, not all;
    the asides of every page take 15 ms)."""
    return [places.aside(page, ident) for ident in sorted(page.ids)]


def _images(doc: Document) -> list[str]:
    """The bytes of the figures a page embeds (its tree holds only their paths)."""
    return [hashlib.sha256(b.image.read_bytes()).hexdigest() for b in blocks_of(doc) if isinstance(b, Figure)]
