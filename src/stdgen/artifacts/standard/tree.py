"""The standard document itself, as a document tree laid out per GB/T 1.1—2020."""

from __future__ import annotations

from collections.abc import Iterator

from ...doctree import Block, Cell, Document, Figure, ListBlock, ListItem, Para, Rule, Section, Span, Split, Table, Toc
from ...model import Annex, Clause, Standard
from ...model import ListItem as ItemData
from ...model import Table as TableData
from ...render.cover import bureau_cover
from ...resolve import Node, ResolvedSet, Target
from ..forms.tree import FORM_STYLES, form_blocks
from .styles import STYLES
from .wording import (
    MISSING,
    MISSING_CHAPTER,
    MISSING_CLAUSE,
    NO_ISSUER,
    NO_SCOPE,
    TRUNCATED,
    annex_kind,
    foreword,
    keep_together,
    references_lead,
    terms_lead,
    wording,
)

IDEO_SPACE = "\u3000"
DASH = "——"


def build(rs: ResolvedSet) -> Document:
    std = rs.standard
    body_blocks = [*_body_title(std), *_scope(rs), *_references(std), *_terms(rs)]
    for chapter in rs.chapters:
        body_blocks.extend(_node(rs, chapter))
    if not std.complete:  # say in the body where the source breaks off, not only on the cover
        body_blocks.append(Para.of("notice", TRUNCATED))
    for annex in rs.annexes:
        body_blocks.extend(_annex(rs, annex))
    body_blocks.extend(_bibliography(std))
    body_blocks.append(Rule(width=0.25, weight_pt=1.5, top_mm=6))
    front = [_foreword(rs)]
    if std.introduction:
        front.append([Para.of("front-title", "引　　言", anchor="introduction", new_page=True, toc_level=1),
                      *[Para.of("body", p) for p in std.introduction]])
    front_blocks: list[Block] = [_toc(front, body_blocks)]
    for part in front:
        front_blocks.extend(part)
    header = std.number or std.title.zh
    meta = template_meta(std)
    cover, cover_styles = bureau_cover(meta, STYLES) or (_cover(std), {})  # a bureau's cover.txt.j2, else stdgen's
    return Document(
        title=f"{std.number or ''} {std.title.zh}".strip(),
        meta=meta,
        styles={**STYLES, **FORM_STYLES, **cover_styles},
        sections=[
            Section("cover", "none", None, cover, odd_start=True),
            Section("front", "roman", header, front_blocks),
            Section("body", "arabic", header, body_blocks),
        ],
    )


def template_meta(std: Standard) -> dict[str, str]:
    """The metadata bureau templates see as ``meta`` (every value text; absent ones empty)."""
    data = std.model_dump(mode="json", exclude={"source"})
    meta = {key: value if isinstance(value, str) else "、".join(map(str, value)) if isinstance(value, list) else
            "" if value is None else str(value) for key, value in data.items() if not isinstance(value, dict)}
    meta["title"], meta["title_en"] = std.title.zh, std.title.en or ""
    return meta


def _cover(std: Standard) -> list[Block]:
    blocks: list[Block] = []
    meta = [f"ICS {std.ics}" if std.ics else "", f"{wording(std).ccs_label}{std.ccs}" if std.ccs else "",
            f"备案号：{std.filing_number}" if std.filing_number else ""]
    blocks.extend(Para.of("cover-meta", line or IDEO_SPACE) for line in meta)
    if std.mark:
        blocks.append(Para.of("cover-mark", std.mark))
    # a long banner (an issuing body's name) is set tighter so it stays on one line
    if std.banner:
        blocks.append(Para.of("cover-banner" if len(std.banner) <= 10 else "cover-banner-long", std.banner))
    if std.number:
        blocks.append(Para.of("cover-number", std.number))
    if std.replaces:
        blocks.append(Para.of("cover-replaces", f"代替{'、'.join(std.replaces)}"))
    blocks.append(Rule(weight_pt=1))
    blocks.append(Para.of("cover-title", std.title.zh))
    if std.title.en:
        blocks.append(Para.of("cover-title-en", std.title.en))
    status = {"draft": "（征求意见稿）", "trial": "（试行）"}.get(std.status)
    if status and not std.title.zh.endswith(status):
        blocks.append(Para.of("cover-status", status))
    if not std.complete:
        blocks.append(Para.of("cover-status", "（来源文本不完整）"))
    issued = f"{std.issued.isoformat()}发布" if std.issued else ""
    implemented = f"{std.implemented.isoformat()}实施" if std.implemented else ""
    blocks.append(Split(Para.of("cover-date", issued or IDEO_SPACE), Para.of("cover-date", implemented or IDEO_SPACE)))
    blocks.append(Rule(weight_pt=1))
    blocks.append(Para.of("cover-issuer", _issued_by(std)))
    return blocks


def _issued_by(std: Standard) -> str:
    """The cover's last line: the issuing body the source names, or, when it names none, that it does not."""
    if std.issuer is None:
        return NO_ISSUER
    return f"{std.issuer}　　发布" if std.kind == "local-standard" else std.issuer


def _toc(front: list[list[Block]], body: list[Block]) -> Toc:
    entries = [
        Para(f"toc-{min(b.toc_level, 2)}", [Span(_heading_text(b), link=b.anchor)])
        for part in (*front, body) for b in part
        if isinstance(b, Para) and b.toc_level and b.anchor
    ]
    return Toc(Para.of("toc-title", "目　　次", new_page=True), entries)


def _heading_text(para: Para) -> str:
    if para.toc_text:
        return para.toc_text
    return f"{para.number}{IDEO_SPACE}{para.text}" if para.number else para.text


def _foreword(rs: ResolvedSet) -> list[Block]:
    changes = _changes(rs)
    dashed = {line for line in changes if line.startswith(DASH)}
    blocks: list[Block] = [Para.of("front-title", "前　　言", anchor="foreword", new_page=True, toc_level=1)]
    for text in foreword(rs.standard, changes):
        if text not in dashed:
            blocks.append(Para("body", _spans(rs, text)))
            continue
        if not isinstance(blocks[-1], ListBlock):  # the list of technical changes, set as a dash list
            blocks.append(ListBlock("dash", []))
        last = blocks[-1]
        assert isinstance(last, ListBlock)
        last.items.append(ListItem(Para("list-dash", _spans(rs, text.removeprefix(DASH)))))
    return blocks


def _changes(rs: ResolvedSet) -> list[str]:
    """A variant's 前言 states what changed against the set it extends."""
    if rs.parent is None:
        return []
    from ...diff import compare

    return compare(rs.parent, rs).foreword()


def _body_title(std: Standard) -> list[Block]:
    return [Para.of("doc-title", std.title.zh)]


def _scope(rs: ResolvedSet) -> list[Block]:
    std = rs.standard
    said = [MISSING["scope"]] if "scope" in std.missing else ([] if std.scope else [NO_SCOPE])
    return [_chapter_heading("1", "范围", "scope"), *[Para("body", _spans(rs, p)) for p in [*rs.standard.scope, *said]]]


def _references(std: Standard) -> list[Block]:
    blocks: list[Block] = [_chapter_heading("2", "规范性引用文件", "normative-references"),
                           Para.of("body", keep_together(references_lead(std)))]
    blocks.extend(Para.of("body", keep_together(f"{ref.number}{IDEO_SPACE}{ref.title}"))
                  for ref in std.normative_references)
    return blocks


def _terms(rs: ResolvedSet) -> list[Block]:
    blocks: list[Block] = [_chapter_heading("3", "术语和定义", "terms"), Para.of("body", keep_together(terms_lead(rs)))]
    for i, term in enumerate(rs.clause_set.terms):
        name = f"{term.term}{IDEO_SPACE}{term.en}" if term.en else term.term
        blocks.append(Para.of("term-number", rs.term_number(i), anchor=term.id))
        blocks.append(Para.of("term-name", name))
        blocks.append(Para("body", _spans(rs, term.definition)))
        blocks.extend(_notes(rs, term.notes, "注", "note"))
    return blocks


def _chapter_heading(number: str, title: str, anchor: str) -> Para:
    return Para.of("chapter", title, number=number, anchor=anchor, toc_level=1)


def _node(rs: ResolvedSet, node: Node) -> Iterator[Block]:
    item = node.item
    paragraphs = list(item.paragraphs)
    if isinstance(item, Clause) and item.missing:  # the source is cut off: say so where the text would be
        paragraphs.append(MISSING_CHAPTER if node.depth == 1 else MISSING_CLAUSE)
    if node.depth == 1 and isinstance(item, Clause):
        yield _chapter_heading(node.number, item.title or "", node.id)
    elif item.title and isinstance(item, Clause) and item.missing:  # a title cut off mid-word is no heading
        yield Para(f"untitled-{node.depth}", _spans(rs, f"{item.title}……{paragraphs.pop(0)}"), anchor=node.id,
                   number=node.number)
    elif item.title:
        yield Para(f"clause-{node.depth}", [Span(item.title)], anchor=node.id, number=node.number,
                   toc_level=2 if node.depth == 2 else 0)
    else:  # untitled clause: the number leads its first paragraph
        first = paragraphs.pop(0) if paragraphs else ""
        yield Para(f"untitled-{node.depth}", _spans(rs, first), anchor=node.id, number=node.number)
    yield from (Para("body", _spans(rs, p)) for p in paragraphs)
    yield from _content(rs, item)
    for child in node.children:
        yield from _node(rs, child)


def _content(rs: ResolvedSet, item: Clause | Annex) -> Iterator[Block]:
    if isinstance(item, Clause) and item.items:
        yield _list(rs, item.items, item.list_style)
    elif isinstance(item, Clause) and _phrases_are_content(item):
        yield _list(rs, _phrase_lines(item), item.list_style)  # numbered where the source numbers them
    if item.table is not None:
        yield _table(rs, item.table)
    if item.figure is not None and item.figure.id in rs.figure_files:
        number = rs.targets[item.figure.id].number if item.figure.id in rs.targets else "图"
        yield Figure(rs.figure_files[item.figure.id],
                     Para.of("figure-caption", f"{number}{IDEO_SPACE}{item.figure.caption}"),
                     anchor=item.figure.id, width_mm=item.figure.width_mm or 0)
    if item.form is not None:
        form = next((f for f in rs.clause_set.forms if f.id == item.form), None)
        if form is not None:
            number = rs.form_tables.get(form.id, "")
            yield from form_blocks(rs, form, f"{number}{IDEO_SPACE}{form.title}".strip())
    if isinstance(item, Clause):
        yield from _notes(rs, item.notes, "注", "note")
        yield from _notes(rs, item.examples, "示例", "example")


def _list(rs: ResolvedSet, items: list[str | ItemData], marker: str, level: int = 1) -> ListBlock:
    """A list; a sub-list takes its item's list_style, else 1) 2) under letters and · otherwise."""
    entries: list[ListItem] = []
    for entry in items:
        text = entry if isinstance(entry, str) else entry.text
        kids = [] if isinstance(entry, str) else entry.items
        nested = None if isinstance(entry, str) else entry.list_style
        child = _list(rs, list(kids), nested or ("number" if marker == "letter" else "bullet"), 2) if kids else None
        entries.append(ListItem(Para(_list_style(marker) if level == 1 else "list-2", _spans(rs, text)), child))
    return ListBlock(marker, entries)  # type: ignore[arg-type]


def _list_style(marker: str) -> str:
    """The paragraph style of a level-1 item: the source's own numberings print as numbered items."""
    return f"list-{marker}" if marker in ("dash", "letter", "number") else "list-number"


def _phrases_are_content(clause: Clause) -> bool:
    """A clause that only names its phrases (or leads into them with a colon) prints them as a list."""
    paragraphs = clause.paragraphs
    return bool(clause.phrases) and (not paragraphs or paragraphs[-1].rstrip().endswith(("：", ":")))


def _phrase_lines(clause: Clause) -> list[str | ItemData]:
    lines: list[str | ItemData] = []
    for group in clause.phrases:  # a condition leads its phrases, as the sources print it: （工作出现差错时）对不起……
        lines.extend(f"（{group.context}）{p}" if group.context else p for p in group.recommended)
        lines.extend(f"{p.text}（{p.context}）" if p.context else p.text for p in group.forbidden)
    return lines


def _notes(rs: ResolvedSet, texts: list[str], label: str, style: str) -> Iterator[Para]:
    for i, text in enumerate(texts):
        numbered = f"{label}{i + 1}：" if len(texts) > 1 else f"{label}："
        yield Para(style, _spans(rs, text), number=numbered)


def _table(rs: ResolvedSet, data: TableData) -> Table:
    number = rs.targets[data.id].number if data.id in rs.targets else "表"
    head = [[Cell([Para.of("cell-head", h)], header=True) for h in data.header]] if data.header else []
    rows = [[Cell([Para("cell", _spans(rs, c))]) for c in row] for row in data.rows]
    caption = Para.of("table-caption", f"{number}{IDEO_SPACE}{data.caption}")
    width = max(len(r) for r in [*head, *rows]) if (head or rows) else 1
    return Table(head + rows, caption, width, len(head), anchor=data.id)


def _annex(rs: ResolvedSet, node: Node) -> Iterator[Block]:
    annex = node.item
    assert isinstance(annex, Annex)
    kind = annex_kind(rs.standard, annex.normative)
    yield Para.of("annex-label", f"附录{node.number}", anchor=node.id, new_page=True, toc_level=1,
                  toc_text=f"附录{node.number}{kind}{IDEO_SPACE}{annex.title}")
    yield Para.of("annex-kind", kind)
    yield Para.of("annex-title", annex.title)
    yield from (Para("body", _spans(rs, p)) for p in annex.paragraphs)
    yield from _content(rs, annex)
    for child in node.children:
        yield from _node(rs, child)


def _bibliography(std: Standard) -> list[Block]:
    if not std.bibliography:
        return []
    return [Para.of("bib-title", "参考文献", anchor="bibliography", new_page=True, toc_level=1),
            *[Para.of("bib-entry", keep_together(f"[{i + 1}]{IDEO_SPACE}{e}")) for i, e in enumerate(std.bibliography)]]


def _spans(rs: ResolvedSet, text: str) -> list[Span]:
    """Text with [[ID]] references as linked spans in GB/T wording."""
    spans: list[Span] = []
    for part in rs.split(text):
        spans.append(Span(keep_together(part)) if isinstance(part, str) else _ref_span(rs, part))
    return spans or [Span("")]


def _ref_span(rs: ResolvedSet, target: Target) -> Span:
    return Span(target.reference, link=target.ident)
