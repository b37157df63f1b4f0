"""The cards as an artifact of ``stdgen build`` (each set's default deck) and ``stdgen cards``
(any sets merged into one deck, filtered by scope, in any layout and card size).

``stdgen build`` writes ``output/<set>/cards.{pdf,docx,html}``: the A6 sheet of every phrase of
the set (PDF, DOCX) and the screen page (HTML). ``stdgen cards`` writes into
``OUT/<set>[+<set>…]/cards[-<scope>…][-<layout>][-a5].*``: PDF for every layout, DOCX and HTML
with the sheet. The files are staged as ``OUT/.stdgen-tmp-…`` (:class:`stdgen.outdir.Staged`) and
renamed into place together when all were written, so a failure leaves the older files intact; the
caller holds OUT's lock.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from ...diagnostics import Position, Report
from ...doctree import Document, Para, Section, Span, Style
from ...i18n import Message, msg
from ...outdir import Staged
from ...render.failure import render_failure
from ...reproducible import source_date, write_sealed
from ...resolve import ResolvedSet
from .deck import KIND_ZH, NO_REPLACEMENT, Deck, build_deck
from .layout import Layout, Size
from .render import render, subtitle, write_pdf

FORMATS: dict[Layout, tuple[str, ...]] = {"sheet": ("pdf", "docx", "html"), "tent": ("pdf",), "poster": ("pdf",)}
TREE_STYLES = {"title": Style("标题", "hei", 16, "center", after=0.5), "topic": Style("卡片标题", "hei", 14, "left",
                                                                                before=1, after=0.3),
               "phrase": Style("用语", "hei", 14, "left", before=0.3), "note": Style("说明", "song", 10.5, "left"),
               "cite": Style("依据", "song", 9, "left")}


def set_deck(rs: ResolvedSet) -> Deck:
    return build_deck([rs])


def deck_ids(rs: ResolvedSet) -> list[str]:
    """The clause IDs the set's cards cite (cross-reference index)."""
    return set_deck(rs).cited_ids


def deck_empty(rs: ResolvedSet) -> Message | None:
    """Why the set's cards would be empty (for the build to say so), else None."""
    if set_deck(rs).phrases:
        return None
    return msg("B003.cards", name=rs.clause_set.name)


def deck_document(rs: ResolvedSet) -> Document:
    """The deck as a plain document: topics (with the kind's mark), scenarios, phrases with their
    conditions, replacements or gap marks, and sources, each cited clause ID an anchor where it is
    first cited, as in ``cards.html``. The site shows it, the cross-reference index and the DOCX
    character check read it; the card files themselves come from the card renderers (every fixed
    mark they add — ◆, 〔规则〕, 续上一张 … — is a GBK character)."""
    deck = set_deck(rs)
    blocks: list[Para] = [Para.of("title", f"用语卡片　{deck.title}"), Para.of("note", subtitle(deck))]
    seen: set[str] = set()
    for topic in deck.topics:
        mark = "×" if topic.kind == "forbidden" else "○"
        blocks.append(Para.of("topic", f"{mark} {KIND_ZH[topic.kind]}　{topic.title}"))
        scenario = topic.title
        for phrase in topic.phrases:
            if phrase.scenario != scenario:
                blocks.append(Para.of("note", f"◆ {phrase.scenario}"))
                scenario = phrase.scenario
            condition = f"（{phrase.context}）" if phrase.context else ""
            words = f"〔规则〕{phrase.shown}" if phrase.rule else phrase.shown
            lead, tail = (condition, "") if phrase.kind == "recommended" else ("", condition)
            blocks.append(Para.of("phrase", f"{mark} {lead}{words}{tail}"))
            if phrase.kind == "forbidden":
                blocks.append(Para.of("phrase", f"→ {phrase.instead}" if phrase.instead else f"〔{NO_REPLACEMENT}〕"))
            if len(phrase.cites) > 1:
                also = "；".join(f"{c.standard} {c.label}" for c in phrase.cites[1:])
                blocks.append(Para.of("cite", f"亦见 {also}"))
        for cite in topic.cites:  # the topic's sources, one line per clause, its ID an anchor once
            anchor = None if cite.id in seen else cite.id
            seen.add(cite.id)
            blocks.append(Para("cite", [Span(f"依据 {cite.standard} {cite.label}")], anchor=anchor))
    return Document(f"用语卡片 {deck.title}", [Section("cards", "none", None, list(blocks), odd_start=False)],
                    TREE_STYLES)


def write_set_pdf(rs: ResolvedSet, path: Path) -> dict[str, int]:
    return write_pdf(render(set_deck(rs), "sheet"), path)


def write_set_html(rs: ResolvedSet, path: Path) -> None:
    path.write_text(render(set_deck(rs), "screen"), encoding="utf-8")


def write_set_docx(rs: ResolvedSet, path: Path) -> None:
    from .docx import write_sheet_docx  # python-docx: imported by the process that writes a DOCX

    write_sheet_docx(set_deck(rs), path)


DIRECT: dict[str, Callable[[ResolvedSet, Path], object]] = {
    "pdf": write_set_pdf, "html": write_set_html, "docx": write_set_docx}


def deck_stem(sets: list[ResolvedSet], scopes: list[str], layout: Layout, size: Size) -> tuple[str, str]:
    """(folder, file stem) of a deck written by ``stdgen cards``."""
    folder = "+".join(rs.clause_set.name for rs in sets)
    size_part = ["a5"] if size == "a5" and layout == "sheet" else []  # tent and poster are A4 whatever the size
    parts = [*scopes, *([] if layout == "sheet" else [layout]), *size_part]
    return folder, "cards" + "".join(f"-{p}" for p in parts)


def write_cards(sets: list[ResolvedSet], out_root: Path, scopes: list[str], layout: Layout, size: Size,
                report: Report) -> list[Path]:
    from .docx import write_sheet_docx

    deck = build_deck(sets, scopes)
    name, stem = deck_stem(sets, scopes, layout, size)
    folder = out_root / name
    kinds = ["forbidden"] if layout == "poster" else ["recommended", "forbidden"]
    if not any(p.kind in kinds for p in deck.phrases):
        report.add(msg("B007.poster" if layout == "poster" else "B007", name=name, scope=deck.scope_label,
                       layout=layout), Position(str(folder)), severity="warning")
        return []
    writers: dict[str, Callable[[Path], object]] = {
        "pdf": lambda p: write_pdf(render(deck, layout, size), p),
        "docx": lambda p: write_sheet_docx(deck, p, size),
        "html": lambda p: p.write_text(render(deck, "screen"), encoding="utf-8"),
    }
    staged = Staged(out_root)
    when = source_date(rs.standard.issued for rs in sets)  # same sets, same bytes
    try:
        for fmt in FORMATS[layout]:
            staged.add(folder / f"{stem}.{fmt}", partial(write_sealed, writers[fmt], fmt, when))
    except Exception as exc:  # a renderer failed: report it, keep the previous files
        staged.discard()
        message, where = render_failure(exc, "cards", name=name)
        report.add(message, where or Position(str(folder)))
        return []
    return staged.commit()

