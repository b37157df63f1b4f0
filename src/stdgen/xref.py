"""The cross-reference index: every ID of every set → where it appears in each artifact.

Artifacts register what they contain: each output unit of a per-set artifact of
``build.ARTIFACTS`` (one document, several formats) may give an ``ids`` function (the IDs it
shows); without one, its IDs are those its document tree anchors or links to (``Span.link``,
or the ``#ID`` of a ``Span.href``). Only files the sets' folders hold are listed, as their build
records them (``build.Outputs``), and a PDF's page of an anchored ID is the one the PDF renderer
recorded when it wrote the file.

``xref.json`` is for machines (paths relative to the output folder); ``xref.html`` is the same
index to read, one table per set, each ID linking to its places and to its related clauses.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .artifacts.concordance.topics import Concordance
from .doctree import (
    Block,
    Cell,
    Document,
    PageSetup,
    Para,
    Section,
    Span,
    Style,
    Table,
    anchors_of,
    blocks_of,
    link_target,
    paras,
)
from .model import Annex, Clause, ProvisionType
from .resolve import ResolvedSet
from .unit import Documents
from .workspace import Workspace

if TYPE_CHECKING:
    from .build import Artifact

SCHEMA = "stdgen-xref/1"
EXCERPT = 40
CONCORDANCE_LABEL = "条款对照表"
KINDS = {"chapter": "章", "clause": "条", "annex": "附录", "term": "术语", "table": "表", "form": "表单"}
GAP = "\u3000"



class Built(Protocol):
    """What the sets' output folders hold (``build.Outputs``)."""

    def has(self, set_name: str, file: str) -> bool: ...  # file: under the set's folder
    def pages(self, set_name: str, stem: str) -> dict[str, int]: ...  # anchor → 1-based page of <stem>.pdf
    def key(self, set_name: str, file: str) -> str: ...  # what the file is made from (equal: the same file)


@dataclass
class Appearance:
    artifact: str
    files: dict[str, str]  # format → path relative to the output folder
    links: list[str]  # HTML places of this ID (with #anchor)
    pdf_page: int | None = None  # 1-based page of the PDF file
    topics: list[str] | None = None  # concordance rows

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"artifact": self.artifact, "files": self.files, "links": self.links}
        if self.pdf_page is not None:
            data["pdf_page"] = self.pdf_page
        if self.topics is not None:
            data["topics"] = self.topics
        return data


def tree_ids(doc: Document) -> tuple[set[str], set[str]]:
    """(anchors, link targets) of a document tree; an href's target is its #fragment."""
    links = {t for p in paras(blocks_of(doc)) for s in p.spans if (t := link_target(s))}
    return anchors_of(doc), links


def build_index(ws: Workspace, built: Built, artifacts: Sequence[Artifact], conc: Concordance | None = None,
                conc_formats: Sequence[str] = (), documents: Documents | None = None) -> dict[str, Any]:
    """The index as JSON-ready data (see the module docstring). Per-set files are listed when the sets'
    folders hold them; the concordance's files are those named by conc_formats (it is written
    together with the index). documents: the units' documents, when the site reads them too."""
    places: dict[tuple[str, str], list[Appearance]] = {}
    documents = documents or Documents()
    for name, rs in ws.sets.items():
        for artifact in artifacts:
            _register(name, rs, artifact, built, places, documents)
    if conc is not None:
        files = {fmt: f"concordance.{fmt}" for fmt in conc_formats}
        for row in conc.rows if files else []:
            for cell in row.cells.values():
                for e in cell:
                    spots = places.setdefault((e.set_name, e.id), [])
                    if not spots or spots[-1].artifact != "concordance":
                        spots.append(Appearance("concordance", files, [], topics=[]))
                    if "html" in files:
                        spots[-1].links.append(f"{files['html']}#{row.anchor}")
                    assert spots[-1].topics is not None
                    spots[-1].topics.append(row.topic)
    entries = [entry for name, rs in ws.sets.items() for entry in _entries(name, rs, places)]
    return {
        "schema": SCHEMA,
        "sets": [{"name": name, "code": rs.standard.code, "number": rs.standard.number,
                  "title": rs.standard.title.zh} for name, rs in ws.sets.items()],
        "artifacts": [{"name": a.name, "label": a.title, "per_set": True, "formats": list(a.formats)}
                      for a in artifacts]
        + ([{"name": "concordance", "label": CONCORDANCE_LABEL, "per_set": False, "formats": list(conc_formats)}]
           if conc else []),
        "entries": entries,
    }


def _register(name: str, rs: ResolvedSet, artifact: Artifact, built: Built,
              places: dict[tuple[str, str], list[Appearance]], documents: Documents) -> None:
    for unit in artifact.outputs(rs):
        files = {fmt: f"{name}/{file}" for fmt, file in unit.files().items() if built.has(name, file)}
        if not files:
            continue
        doc, declared = documents.of(name, unit)
        anchors, links = tree_ids(doc)
        shown = declared if declared is not None else anchors | links
        pages = built.pages(name, unit.stem) if "pdf" in files else {}
        for ident in rs.targets:
            if ident in shown:
                link = [f"{files['html']}#{ident}"] if "html" in files and ident in anchors else []
                places.setdefault((name, ident), []).append(Appearance(artifact.name, files, link, pages.get(ident)))


def _entries(name: str, rs: ResolvedSet, places: dict[tuple[str, str], list[Appearance]]) -> Iterator[dict[str, Any]]:
    cs = rs.clause_set
    items: dict[str, Clause | Annex | None] = {t.id: None for t in cs.terms}
    items.update((n.id, n.item) for n in rs.nodes())
    items.update((i, None) for i in rs.targets if i not in items)
    titles = {t.id: t.term for t in cs.terms} | {f.id: f.title for f in cs.forms}
    titles.update(_tables(rs))
    for ident, item in items.items():
        target = rs.targets.get(ident)
        if target is None:
            continue
        text = next(iter(item.paragraphs), "") if item is not None else ""
        if not text:
            text = next((t.definition for t in cs.terms if t.id == ident), "")
        excerpt = "".join(rs.plain(text).split())
        yield {
            "id": ident, "set": name, "number": target.number, "reference": target.reference, "kind": target.kind,
            "type": item.type.value if isinstance(item, Clause) else None,
            "title": (item.title if item is not None else None) or titles.get(ident),
            "excerpt": excerpt if len(excerpt) <= EXCERPT else excerpt[:EXCERPT] + "…",
            "related": list(item.related) if isinstance(item, Clause) else [],
            "inherited": rs.inherits(ident),  # a variant's copy of its parent's clause
            "appears_in": [a.as_json() for a in places.get((name, ident), [])],
        }


def _tables(rs: ResolvedSet) -> Iterator[tuple[str, str]]:
    for node in rs.nodes():
        if node.item.table is not None:
            yield node.item.table.id, node.item.table.caption


def write_json(index: dict[str, Any], path: Path) -> None:
    path.write_text(json.dumps(index, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# --- the HTML page -----------------------------------------------------------------------------------

STYLES: dict[str, Style] = {
    "title": Style("索引_标题", "hei", 16, "center", after=0.3),
    "subtitle": Style("索引_副标题", "song", 10.5, "center", after=0.5),
    "lead": Style("索引_说明", "song", 9, "justify", after=0.3),
    "heading": Style("索引_条款集", "hei", 12, "left", before=0.8, after=0.3, outline=1),
    "body": Style("索引_段", "song", 9, "justify"),
    "cell": Style("索引_表格", "song", 8.5, "left"),
    "cell-id": Style("索引_条款ID", "hei", 8.5, "left"),
    "cell-head": Style("索引_表头", "hei", 9, "center"),
    "header": Style("索引_页眉", "hei", 9, "right"),
    "footer": Style("索引_页脚", "song", 9, "right"),
}
COLUMNS: list[tuple[str, float]] = [("条款ID", 14), ("条号", 9), ("类型", 7), ("标题或摘录", 30), ("出现位置", 26),
                                    ("等同条款", 14)]


def xref_document(index: dict[str, Any]) -> Document:
    entries: list[dict[str, Any]] = index["entries"]
    counts: dict[str, int] = {}
    for e in entries:
        if not e.get("inherited"):
            counts[e["id"]] = counts.get(e["id"], 0) + 1
    # the set that defines an ID keeps the bare anchor; a variant's inherited copy is set-qualified
    anchors = {(e["set"], e["id"]): e["id"] if counts.get(e["id"]) == 1 and not e.get("inherited")
               else f"{e['set']}:{e['id']}" for e in entries}
    first = {e["id"]: e for e in reversed(entries)}  # a related ID's entry (the set that defines it)
    first.update({e["id"]: e for e in reversed(entries) if not e.get("inherited")})
    labels = {a["name"]: a["label"] for a in index["artifacts"]}
    blocks: list[Block] = [
        Para.of("title", "条款交叉索引"),
        Para.of("subtitle", f"{len(index['sets'])}个条款集　{len(entries)}个条款ID"),
        Para.of("lead", "每个条款ID（章、条、附录、术语、表）在各输出文件中的位置：HTML 链接到该条款，"
                        "PDF 给出页码（文件中的第几页），并列出其等同条款（related）。同样的内容见 xref.json。"),
    ]
    for info in index["sets"]:
        mine = [e for e in entries if e["set"] == info["name"]]
        blocks.append(Para.of("heading", f"{info['number'] or info['name']}{GAP}{info['title']}", anchor=info["name"]))
        rows = [[Cell([Para.of("cell-head", name)], header=True) for name, _ in COLUMNS]]
        for e in mine:
            related = [Para("cell", [Span(r, link=anchors[(first[r]["set"], r)]), Span(f"（{first[r]['number']}）")])
                       if r in first else Para.of("cell", r) for r in e["related"]]
            rows.append([
                Cell([Para("cell-id", [Span(e["id"])], anchor=anchors[(e["set"], e["id"])])]),
                Cell([Para.of("cell", e["number"])]),
                Cell([Para.of("cell", _kind(e))]),
                Cell([Para.of("cell", e["title"] or e["excerpt"] or "")]),
                Cell([_place(a, labels) for a in e["appears_in"]] or [Para.of("cell", "")]),
                Cell(related or [Para.of("cell", "")]),
            ])
        blocks.append(Table(rows, columns=len(COLUMNS), header_rows=1, widths=[w for _, w in COLUMNS]))
    return Document(title="条款交叉索引", styles=STYLES, page=PageSetup(mirrored=False, inside_mm=15, outside_mm=15),
                    sections=[Section("xref", "arabic", "条款交叉索引", blocks, odd_start=False)])


def _kind(entry: dict[str, Any]) -> str:
    """条 shows its provision type; chapters, annexes, terms and tables their kind."""
    if entry["kind"] == "clause" and entry["type"]:
        return ProvisionType(entry["type"]).zh
    return KINDS.get(entry["kind"], str(entry["kind"]))


def _place(appearance: dict[str, Any], labels: dict[str, str]) -> Para:
    name = appearance["artifact"]
    spans = [Span(labels.get(name, name) + "：")]
    files: dict[str, str] = appearance["files"]
    topics: list[str] = appearance.get("topics") or []
    for i, link in enumerate(appearance["links"]):
        spans.append(Span(topics[i] if i < len(topics) else "HTML", href=link))
        spans.append(Span(" "))
    if not appearance["links"] and "html" in files:
        spans.extend([Span("HTML", href=files["html"]), Span(" ")])
    for fmt in sorted(f for f in files if f != "html"):
        page = appearance.get("pdf_page") if fmt == "pdf" else None
        label = f"PDF第{page}页" if page else fmt.upper()
        spans.extend([Span(label, href=f"{files[fmt]}#page={page}" if page else files[fmt]), Span(" ")])
    return Para("cell", spans[:-1] if len(spans) > 1 else spans)
