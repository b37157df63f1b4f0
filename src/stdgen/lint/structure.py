"""L2xx: required chapters, annex order and references, terms, normative references, metadata.

Single sub-clauses, mixed titled/untitled siblings, depth and list depth are checked
by resolve.py (R003, R004, R005, R009) and are not repeated here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Position
from ..i18n import Arg, Listing, listing
from ..messages.lint import word
from ..model import Clause
from ..resolve import LETTERS, REF
from .context import Finding, LintContext, all_texts
from .forms import excerpt, mask_quotes

NUMBER = re.compile(r"^DB(\d{2}|\d{4})/T [1-9]\d*(\.\d+)?—(\d{4})$")
DRAFT_NUMBER = re.compile(r"^DB(\d{2}|\d{4})/T X+()—(\d{4})$")  # a draft's placeholder: DB3402/T XXXX—2025
CITATION = re.compile(r"(?<![A-Za-z])(GB/T|GB/Z|GB|DB\d{2,4}/T|[A-Z]{2,4}/T)\s*\d+(?:\.\d+)*")
SELF_NAME = re.compile(r"本(标准|规范|规程|指南)")
EDITION = re.compile(r"GB/T\s*1\.1\s*[—\-–－]\s*(2009|2020)")
GENERATED = {"范围": ("chapter-scope", "scope"), "规范性引用文件": ("chapter-references", "normative_references"),
             "术语和定义": ("chapter-terms", "terms"), "前言": ("chapter-foreword", "foreword"),
             "引言": ("chapter-introduction", "introduction"), "参考文献": ("chapter-bibliography", "bibliography")}
SYMBOLS = {"符号和缩略语", "符号", "缩略语", "代号和缩略语", "符号、代号和缩略语"}


@dataclass(frozen=True)
class Place:
    """One text of the document, where it is and how messages name it."""

    text: str
    name: Arg
    position: Position
    owner: str | None = None  # clause id


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def check(ctx: LintContext) -> Iterator[Finding]:
    yield from _chapters(ctx)
    yield from _annexes(ctx)
    yield from _terms(ctx)
    yield from _references(ctx)
    yield from _metadata(ctx)
    yield from _edition(ctx)


def _meta_places(ctx: LintContext, fields: tuple[str, ...]) -> Iterator[Place]:
    std = ctx.resolved.standard
    for field in fields:
        for i, text in enumerate(getattr(std, field)):
            yield Place(text, word(field), ctx.meta_where(field, i))


def _term_places(ctx: LintContext, skip: int | None = None) -> Iterator[Place]:
    for i, term in enumerate(ctx.resolved.clause_set.terms):
        if i == skip:
            continue
        names = {"number": ctx.resolved.term_number(i), "term": term.term}
        yield Place(term.definition, word("definition", **names), ctx.where(term.id, "definition"))
        for note in term.notes:
            yield Place(note, word("term-note", **names), ctx.where(term.id, "notes"))


def _node_places(ctx: LintContext, annexes: bool) -> Iterator[Place]:
    nodes = ctx.resolved.nodes() if annexes else ctx.body_nodes()
    for node in nodes:
        owner = node.item.id if isinstance(node.item, Clause) else None
        label = ctx.label(node)
        for key, text in all_texts(node.item):
            yield Place(text, label, ctx.where(node.id, key), owner)


def body_places(ctx: LintContext) -> Iterator[Place]:
    """The body in document order: scope, terms, technical chapters."""
    yield from _meta_places(ctx, ("scope",))
    yield from _term_places(ctx)
    yield from _node_places(ctx, annexes=False)


def document_places(ctx: LintContext, skip_term: int | None = None) -> Iterator[Place]:
    """Every text a reader sees, foreword to last annex."""
    yield from _meta_places(ctx, ("foreword", "introduction", "scope"))
    yield from _term_places(ctx, skip_term)
    yield from _node_places(ctx, annexes=True)


def _chapters(ctx: LintContext) -> Iterator[Finding]:
    std = ctx.resolved.standard
    if not any(p.strip() for p in std.scope) and "scope" not in std.missing:
        yield Finding("L201", ctx.meta_where("scope") if std.scope else ctx.meta_where("title"))
    chapters = ctx.resolved.chapters
    if not chapters:
        yield Finding("L202", ctx.meta_where("title"))
    for index, node in enumerate(chapters):
        title = _compact(node.title or "")
        owner = node.item.id if isinstance(node.item, Clause) else None
        args: dict[str, Arg] = {"label": ctx.label(node), "title": node.title or ""}
        if title in GENERATED:
            generated, field = GENERATED[title]
            yield Finding("L211", ctx.where(node.id, "title"),
                          {**args, "generated": word(generated), "field": field}, owner)
        elif title in SYMBOLS and index != 0:
            yield Finding("L211", ctx.where(node.id, "title"), args, owner, "symbols")


def _annexes(ctx: LintContext) -> Iterator[Finding]:
    annexes = ctx.resolved.annexes
    if not annexes:
        return
    home: dict[str, int] = {}  # any ID inside an annex → the annex's index
    for index, annex in enumerate(annexes):
        for node in annex.walk():
            home[node.id] = index
            if node.item.table is not None:
                home[node.item.table.id] = index
            if node.item.figure is not None:
                home[node.item.figure.id] = index
            if node.item.form is not None:
                home[node.item.form] = index
    first: dict[int, int] = {}  # annex index → order of its first reference
    literal: dict[str, str] = {}
    for place in body_places(ctx):
        for match in REF.finditer(place.text):
            found = home.get(match.group(1))
            if found is not None and found not in first:
                first[found] = len(first)
        for match in re.finditer(r"附录\s*([A-Z])", place.text):
            literal.setdefault(match.group(1), match.group(0))
    expected = sorted(first, key=first.__getitem__) + [i for i in range(len(annexes)) if i not in first]
    order = listing(f"{annexes[i].id}" for i in sorted(first, key=first.__getitem__))
    for should, index in enumerate(expected):
        annex = annexes[index]
        label = ctx.label(annex)
        if should != index and index in first:
            yield Finding("L203", ctx.where(annex.id), {"label": label, "expected": _letter(should),
                                                         "order": order})
        if index not in first:
            lit = literal.get(annex.number)
            args: dict[str, Arg] = {"label": label, "ident": annex.id}
            if lit is not None:
                yield Finding("L204", ctx.where(annex.id), {**args, "literal": lit}, variant="literal")
            else:
                yield Finding("L204", ctx.where(annex.id), args)


def _letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else f"Z{index}"


def _terms(ctx: LintContext) -> Iterator[Finding]:
    for i, term in enumerate(ctx.resolved.clause_set.terms):
        needle = _compact(term.term)
        used = False
        for place in document_places(ctx, skip_term=i):
            if needle in _compact(place.text) or f"[[{term.id}]]" in place.text:
                used = True
                break
        if not used:
            yield Finding("L205", ctx.where(term.id, "term"),
                          {"number": ctx.resolved.term_number(i), "term": term.term})


ALL_PARTS = "（所有部分）"


def _cites(text: str, number: str) -> bool:
    """Whether text cites the document: ``GB/T 32169（所有部分）`` is cited by any part, GB/T 32169.1 …"""
    compact = _compact(number)
    if compact.endswith(ALL_PARTS):
        return re.search(re.escape(compact.removesuffix(ALL_PARTS)) + r"(?!\d)", _compact(text)) is not None
    return re.search(re.escape(compact) + r"(?!\d)(?!\.\d)", _compact(text)) is not None


def _references(ctx: LintContext) -> Iterator[Finding]:
    std = ctx.resolved.standard
    places = list(document_places(ctx))
    lead = [Place(entry, word("terms_from"), ctx.meta_where("terms_from", i))
            for i, entry in enumerate(std.terms_from)]
    for i, ref in enumerate(std.normative_references):
        if not any(_cites(p.text, ref.number) for p in (*lead, *places)):
            yield Finding("L206", ctx.meta_where("normative_references", i, "number"), {"number": ref.number})
    listed = [_compact(r.number) for r in std.normative_references]
    known = [*listed, *(_compact(b) for b in std.bibliography), *(_compact(r) for r in std.replaces),
             _compact(std.number or "")]
    if "normative_references" in std.missing:
        return  # a document cited in the text may be one of the references the source lost
    for place in lead:
        if not any(_cites(place.text, n) for n in listed):
            yield Finding("L212", place.position, {"place": place.name, "document": place.text})
    for place in places:
        if place.name == word("foreword"):
            continue  # the foreword names GB/T 1.1 and replaced documents by convention
        seen: set[str] = set()
        for match in CITATION.finditer(place.text):
            cited = _compact(match.group(0))
            if cited in seen or (cited.startswith("GB/T1.1") and not cited[7:8].isdigit()):
                continue
            seen.add(cited)
            if not any(_cites(k, cited) or k.startswith(cited) or (k.endswith(ALL_PARTS) and _cites(cited, k))
                       for k in known if k):
                yield Finding("L212", place.position, {"place": place.name, "document": match.group(0)},
                              place.owner)


def _metadata(ctx: LintContext) -> Iterator[Finding]:
    std = ctx.resolved.standard
    if std.issued and std.implemented and std.implemented < std.issued:
        yield Finding("L208", ctx.meta_where("implemented"),
                      {"implemented": std.implemented.isoformat(), "issued": std.issued.isoformat()})
    if std.kind != "local-standard":
        return
    if std.number is None:
        if std.status != "draft":
            yield Finding("L207", ctx.meta_where("title"), variant="missing")
        return
    where = ctx.meta_where("number")
    match = NUMBER.match(std.number) or (DRAFT_NUMBER.match(std.number) if std.status == "draft" else None)
    if match is None:
        yield Finding("L207", where, {"number": std.number, "problems": _number_problems(std.number, ctx)})
        return
    year = match.group(3)
    if std.issued and str(std.issued.year) != year:
        yield Finding("L209", where, {"number": std.number, "year": year, "issued": std.issued.isoformat()})
    prefix = std.number.split("/", 1)[0]
    if std.mark and std.mark != prefix:
        yield Finding("L209", ctx.meta_where("mark"), {"number": std.number, "mark": std.mark, "prefix": prefix},
                      variant="mark")


def _number_problems(number: str, ctx: LintContext) -> Listing:
    problems = []
    if re.search(r"\d\s*[-–－]\s*\d{4}\s*$", number):
        problems.append("num-dash")
    if re.match(r"^DB\s+\d", number):
        problems.append("num-space-db")
    if re.search(r"/T(\S|\s{2,})", number):
        problems.append("num-space-t")
    if not problems:
        problems.append("num-shape")
    return listing((word(p) for p in problems), "sep")


def _edition(ctx: LintContext) -> Iterator[Finding]:
    std = ctx.resolved.standard
    for place in document_places(ctx):
        masked = mask_quotes(place.text)
        if std.edition == "2020":
            match = SELF_NAME.search(masked)
            if match is not None:
                yield Finding("L210", place.position, {
                    "place": place.name, "word": match.group(0),
                    "excerpt": excerpt(place.text, match.start(), match.end())}, place.owner)
                continue
        elif std.kind == "local-standard" and (found := masked.find("本文件")) >= 0:
            yield Finding("L210", place.position, {
                "place": place.name, "excerpt": excerpt(place.text, found, found + 3)}, place.owner, "2009")
            continue
        mention = EDITION.search(masked)
        if mention is not None and mention.group(1) != std.edition:
            yield Finding("L210", place.position, {
                "place": place.name, "mentioned": _compact(mention.group(0)), "edition": std.edition,
                "excerpt": excerpt(place.text, mention.start(), mention.end())}, place.owner, "edition")

