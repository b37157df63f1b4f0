"""Cards as HTML (print layouts and the screen page) from ``cards.html.j2`` and ``cards.css``; PDF
is the print HTML laid out by WeasyPrint, as for every other artifact.

The card layouts are print products with fixed geometry (cards placed on a sheet with cut marks,
the two halves of a tent card, one of them upside down), which the flowing document tree of the
standard cannot express: the cards keep their own template beside their code.
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape
from pathlib import Path

import jinja2

from ...doctree import Document, Para, Section, Style
from ...render import templates
from ...render.compiled import compiled
from ...render.fonts import require_fonts
from ...render.html import FONT_STACKS
from ...render.weasy import layout
from .deck import NO_REPLACEMENT, Deck
from .layout import LINE, POSTER_PT, SCREEN, SHEETS, TENT, Geometry, Layout, Size, pack

HERE = Path(__file__).parent
Mode = Layout | str  # "sheet", "tent", "poster" or "screen"
TICK = 6.0  # length of a cut mark, mm
TICK_FROM = 2.0  # distance of a cut mark from the paper edge, mm
HAIR = 0.25  # cut mark and fold line width, mm


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE), autoescape=True,
                             undefined=jinja2.StrictUndefined, bytecode_cache=compiled("html"))
    return env.get_template("cards.html.j2")


@cache
def _static_css() -> str:
    return (HERE / "cards.css").read_text(encoding="utf-8")


def geometry(layout: Layout, size: Size) -> Geometry:
    return TENT if layout == "tent" else SHEETS[size]


def subtitle(deck: Deck, poster: bool = False) -> str:
    scope = f"（{deck.scope_label}）" if deck.scopes else ""
    legend = "× 禁止使用　→ 宜改用的说法" if poster else "○ 文明用语 推荐使用　× 服务忌语 禁止使用"
    return f"依据 {deck.title}{scope}　{legend}"


def render(deck: Deck, mode: Mode, size: Size = "a6") -> str:
    """The deck as one HTML page: a print layout (sheet, tent, poster) or the screen page."""
    seen: set[str] = set()

    def anchor(ident: str) -> bool:  # each clause ID is an anchor once, where it is first cited
        if ident in seen:
            return False
        seen.add(ident)
        return True

    geo = geometry("tent" if mode == "tent" else "sheet", size)
    cards = pack(deck, SCREEN if mode == "screen" else geo) if mode != "poster" else []
    pages = [cards[i:i + geo.per_page] for i in range(0, len(cards), geo.per_page)]
    css = _static_css() + _mode_css(mode, geo) + "\n" + _bureau_css(deck)
    return _template().render(
        mode=mode, title=f"用语卡片　{deck.title}", subtitle=subtitle(deck, mode == "poster"), css=css,
        cards=cards, pages=pages,
        geo=geo, cut_marks=cut_marks(geo), forbidden=[p for p in deck.phrases if p.kind == "forbidden"],
        gap=NO_REPLACEMENT, anchor=anchor)


def _bureau_css(deck: Deck) -> str:
    """The bureau's page.css.j2 (card styling), after the cards' own CSS; ``meta`` is the (first) set's."""
    from ..standard.tree import template_meta

    meta = template_meta(deck.sets[0].standard) if deck.sets else {}
    return templates.render("page.css.j2", doc=None, meta=meta).replace("</", "<\\/")


def write_pdf(html: str, path: Path) -> dict[str, int]:
    """Write the PDF; return the 1-based page of every anchor (clause IDs), for the cross-reference index."""
    require_fonts(printed_text(html), FONT_STACKS)  # never a PDF of boxes: fail with the fonts to install
    rendered = layout(html, base_url=str(path.parent))
    pages = {a: n for n, page in enumerate(rendered.pages, start=1) for a in page.anchors}
    rendered.write_pdf(path, pdf_identifier=True)  # /ID from the content's hash: same input, same bytes
    return pages


def printed_text(html: str) -> Document:
    """The text a cards page prints (all in the 黑体 role), for the font coverage check."""
    body = re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)
    text = unescape(body) + "◆ "  # the scenario mark comes from the style sheet
    return Document("cards", [Section("cards", "none", None, [Para.of("text", text)])], {"text": Style("text", "hei")})


def cut_marks(geo: Geometry) -> list[tuple[float, float, float, float]]:
    """(x, y, width, height) of the marks where the sheet is cut into cards, in mm: a tick at each
    paper edge where an inner cut line meets it, and a cross where two inner cut lines meet."""
    marks: list[tuple[float, float, float, float]] = []
    xs = [geo.card_w * i for i in range(1, geo.cols)]
    ys = [geo.card_h * i for i in range(1, geo.rows)]
    half = HAIR / 2
    for x in xs:
        marks += [(x - half, TICK_FROM, HAIR, TICK), (x - half, geo.page_h - TICK_FROM - TICK, HAIR, TICK)]
    for y in ys:
        marks += [(TICK_FROM, y - half, TICK, HAIR), (geo.page_w - TICK_FROM - TICK, y - half, TICK, HAIR)]
    for x in xs:
        for y in ys:
            marks += [(x - TICK / 2, y - half, TICK, HAIR), (x - half, y - TICK / 2, HAIR, TICK)]
    return marks


def _mode_css(mode: Mode, geo: Geometry) -> str:
    if mode == "screen":
        return ""
    if mode == "poster":
        return f"""
@page {{ size: 210mm 297mm; margin: 14mm 14mm 14mm 14mm; }}
.poster h1 {{ font-size: 24pt; text-align: center; color: #b3121f; }}
.poster .sub {{ font-size: 9pt; text-align: center; margin: 1mm 0 4mm; }}
.poster th {{ font-size: 12pt; border: 0.4mm solid #000; padding: 1.5mm; }}
.poster th.c-bad {{ background: #b3121f; color: #fff; }}
.poster td {{ border: 0.3mm solid #000; padding: 2mm; vertical-align: top; line-height: {LINE}; }}
.poster td.bad, .poster td.good {{ font-size: {POSTER_PT}pt; font-weight: bold; }}
.poster td.good {{ color: #14602f; }}
.poster .context {{ display: block; font-size: 10pt; font-weight: normal; }}
.poster .gap {{ font-size: 10pt; font-weight: normal; }}
.poster td.ref {{ font-size: 8pt; width: 30mm; }}
.poster td.ref .id {{ display: block; white-space: nowrap; }}
.poster .c-bad {{ width: 48%; }}
"""
    rules = f"""
@page {{ size: {geo.page_w}mm {geo.page_h}mm; margin: 0; }}
.page {{ width: {geo.page_w}mm; height: {geo.page_h}mm; }}
.page .card {{ width: {geo.card_w}mm; height: {geo.card_h}mm; padding: {geo.pad}mm; line-height: {LINE}; }}
.page .card .cite {{ left: {geo.pad}mm; right: {geo.pad}mm; bottom: {geo.pad}mm; font-size: {geo.cite_pt}pt; }}
.page .card.forbidden::after {{ left: {geo.pad / 3}mm; top: {geo.pad / 3}mm; right: {geo.pad / 3}mm;
  bottom: {geo.pad / 3}mm; }}
.band {{ font-size: {geo.small_pt + 0.5}pt; }}
.topic {{ font-size: {geo.head_pt}pt; }}
.scenario, .context, .gap, .more, .fold-label {{ font-size: {geo.small_pt}pt; }}
.phrase, .instead {{ font-size: {geo.phrase_pt}pt; }}
.also {{ font-size: {geo.cite_pt}pt; }}
.cut {{ background: #000; }}
"""
    if mode == "tent":
        rules += f"""
.face.upper {{ left: 0; top: 0; }}
.face.lower {{ left: 0; top: {geo.card_h}mm; }}
.fold {{ top: {geo.card_h}mm; width: {geo.page_w}mm; border-top-width: {HAIR}mm; }}
.fold-label {{ top: {geo.card_h + 0.5}mm; font-size: 7pt; }}
"""
    return rules

