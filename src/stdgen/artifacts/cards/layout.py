"""Print geometry of the card layouts, and the packing of a deck's topics into cards.

Sizes are millimetres, type sizes points. A card never splits a phrase: a phrase that does not fit
goes to the next card, and a topic that runs over continues on the next card, whose heading says
so (（续）) while the card before says 转下一张. Heights are estimated from the type size (a CJK
character is one em wide, Latin letters and digits about half) with a safety margin, so what the
packing puts on a card fits it in the PDF (the tests read the text positions back).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

from .deck import KINDS, Cite, Deck, Kind, Phrase

Layout = Literal["sheet", "tent", "poster"]
Size = Literal["a6", "a5"]
LAYOUTS: tuple[Layout, ...] = ("sheet", "tent", "poster")
SIZES: tuple[Size, ...] = ("a6", "a5")
PT_MM = 25.4 / 72
LINE = 1.4  # line height, in em
FILL = 1.0  # share of a card's height the estimates may fill (the tests read the PDF back for overflow)


@dataclass(frozen=True)
class Geometry:
    page_w: float
    page_h: float
    card_w: float
    card_h: float
    cols: int
    rows: int
    pad: float  # inner margin of a card (also keeps text off the printer's unprintable edge)
    phrase_pt: float  # phrases and replacements: at least 14 pt
    head_pt: float  # topic heading
    small_pt: float  # scenario, condition, gap mark
    cite_pt: float  # sources
    band_mm: float  # the coloured band naming the kind at the top of a card

    @property
    def per_page(self) -> int:
        return self.cols * self.rows

    @property
    def text_w(self) -> float:
        return self.card_w - 2 * self.pad

    def origin(self, slot: int) -> tuple[float, float]:
        """Top-left corner (x, y) of a card slot on its page."""
        return (slot % self.cols) * self.card_w, (slot // self.cols) * self.card_h


SHEETS: dict[Size, Geometry] = {
    # A6 105 × 148 cards, four to an A4 portrait sheet, cut along the middle lines
    "a6": Geometry(210, 297, 105, 148.5, 2, 2, 8, 15, 13, 9.5, 7.5, 9),
    # A5 148 × 210 cards, two to an A4 landscape sheet
    "a5": Geometry(297, 210, 148.5, 210, 2, 1, 11, 19, 16, 11, 8.5, 11),
}
TENT = Geometry(210, 297, 210, 148.5, 1, 2, 14, 22, 17, 12, 9, 12)  # one face per half, folded at 148.5
SCREEN = Geometry(210, 297, 105, 1e6, 1, 1, 8, 15, 13, 9.5, 7.5, 9)  # a screen scrolls: one card per topic
POSTER_PT = 15  # phrase text on the A4 wall poster


@dataclass(frozen=True)
class Heading:
    title: str
    continued: bool = False  # the topic began on the card before


@dataclass(frozen=True)
class Scenario:
    text: str


Block = Heading | Scenario | Phrase


@dataclass
class Card:
    kind: Kind
    blocks: list[Block] = field(default_factory=list)
    continues: bool = False  # the last topic goes on on the next card

    @property
    def phrases(self) -> list[Phrase]:
        return [b for b in self.blocks if isinstance(b, Phrase)]

    @property
    def cites(self) -> list[Cite]:
        return list(dict.fromkeys(c for p in self.phrases for c in p.cites))

    def cite_lines(self) -> list[tuple[str, list[Cite]]]:
        """(standard, its cites) per standard, in order of appearance."""
        by: dict[str, list[Cite]] = {}
        for cite in self.cites:
            by.setdefault(cite.standard, []).append(cite)
        return list(by.items())


def width_em(text: str) -> float:
    return sum(0.55 if unicodedata.east_asian_width(ch) in "NaH" else 1.0 for ch in text)


def lines(text: str, pt: float, width_mm: float) -> int:
    return lines_em(width_em(text), pt, width_mm)


def lines_em(width: float, pt: float, width_mm: float) -> int:
    """Lines a text this many em wide takes."""
    per_line = max(1.0, math.floor(width_mm / (pt * PT_MM)))
    return max(1, math.ceil(width / per_line))


def text_mm(text: str, pt: float, width_mm: float) -> float:
    return lines(text, pt, width_mm) * pt * LINE * PT_MM


def block_mm(block: Block, geo: Geometry) -> float:
    w = geo.text_w
    if isinstance(block, Heading):
        return text_mm(block.title + ("（续）" if block.continued else ""), geo.head_pt, w) + 2
    if isinstance(block, Scenario):
        return text_mm(block.text, geo.small_pt, w) + 0.5
    height = text_mm("× " + block.shown, geo.phrase_pt, w) + 1.5
    if block.context:
        height += text_mm(f"（{block.context}）", geo.small_pt, w)
    if block.kind == "forbidden":  # the replacement, or the framed gap mark
        height += text_mm(f"→ {block.instead}", geo.phrase_pt, w) if block.instead else text_mm(
            "替代说法待补充", geo.small_pt, w) + 1
    if len(block.cites) > 1:
        height += text_mm("亦见 " + "；".join(f"{c.standard} {c.label}" for c in block.cites[1:]), geo.cite_pt, w)
    return height


def footer_mm(card: Card, geo: Geometry) -> float:
    text = "　".join(f"{std} " + " · ".join(c.label for c in cites) for std, cites in card.cite_lines())
    return text_mm("依据 " + text, geo.cite_pt, geo.text_w) + 2


def room_mm(geo: Geometry) -> float:
    """Height for blocks and the footer on one card."""
    return (geo.card_h - 2 * geo.pad - geo.band_mm - geo.small_pt * LINE * PT_MM) * FILL  # one line for 转下一张


def _fits(card: Card, extra: list[Block], geo: Geometry) -> bool:
    trial = Card(card.kind, [*card.blocks, *extra])
    return sum(block_mm(b, geo) for b in trial.blocks) + footer_mm(trial, geo) <= room_mm(geo)


FOOTER_GAP_EM = width_em("　")  # between two standards' cites in the footer
CITE_GAP_EM = width_em(" · ")  # between two cites of one standard


@dataclass
class _Filled:
    """How far a card is filled, kept up as blocks are added: its blocks' height, and the width of its
    footer's cites. Measuring the whole card again for each phrase made packing quadratic in the phrases
    of a card: the screen page holds every topic of a kind on one card (cards.html of the 5,000-clause
    synthetic set, 500 scenarios: 2.7 s, 0.48 s at 2,000)."""

    blocks_mm: float = 0.0
    cites_em: float = 0.0
    cites: set[Cite] = field(default_factory=set)
    standards: set[str] = field(default_factory=set)

    def fits(self, card: Card, extra: list[Block], geo: Geometry) -> bool:
        """_fits, without measuring the card's blocks again: an estimate with a line to spare decides
        when it fits; otherwise (a nearly full card, whose footer is short) the card is measured exactly."""
        blocks = self.blocks_mm + sum(block_mm(b, geo) for b in extra)
        cites = width_em("依据 ") + self.cites_em + self._added_em(extra)
        footer = (lines_em(cites, geo.cite_pt, geo.text_w) + 1) * geo.cite_pt * LINE * PT_MM + 2
        return blocks + footer <= room_mm(geo) or _fits(card, extra, geo)

    def add(self, extra: list[Block], geo: Geometry) -> None:
        self.cites_em += self._added_em(extra)
        for block in extra:
            self.blocks_mm += block_mm(block, geo)
            if isinstance(block, Phrase):
                self.cites.update(block.cites)
                self.standards.update(c.standard for c in block.cites)

    def _added_em(self, extra: list[Block]) -> float:
        """Width the extra blocks' new cites add to the footer (see footer_mm)."""
        added = 0.0
        new_cites: set[Cite] = set()
        new_standards: set[str] = set()
        for cite in (c for b in extra if isinstance(b, Phrase) for c in b.cites):
            if cite in self.cites or cite in new_cites:
                continue
            if cite.standard in self.standards or cite.standard in new_standards:
                added += CITE_GAP_EM
            else:
                added += width_em(cite.standard + " ") + (FOOTER_GAP_EM if self.standards or new_standards else 0.0)
                new_standards.add(cite.standard)
            added += width_em(cite.label)
            new_cites.add(cite)
        return added


def pack(deck: Deck, geo: Geometry) -> list[Card]:
    """The deck's topics on cards of this geometry: recommended cards first, then forbidden ones.
    Several topics share a card when they fit; a phrase alone too big for a card still gets one."""
    cards: list[Card] = []
    for kind in KINDS:
        card: Card | None = None
        filled = _Filled()
        for topic in deck.of(kind):
            continued = False  # the topic began on an earlier card
            here = False  # the topic has blocks on the current card
            last: str | None = None  # scenario of the topic's last phrase on this card
            for phrase in topic.phrases:
                need = _lead(topic.title, phrase, here, continued, last)
                if card is None or not filled.fits(card, [*need, phrase], geo):
                    if card is not None and here:
                        card.continues = continued = True
                    card, filled = Card(kind), _Filled()
                    cards.append(card)
                    here, last = False, None
                    need = _lead(topic.title, phrase, here, continued, last)
                card.blocks.extend([*need, phrase])
                filled.add([*need, phrase], geo)
                here, last = True, phrase.scenario
    return cards


def _lead(title: str, phrase: Phrase, here: bool, continued: bool, last: str | None) -> list[Block]:
    """The heading and scenario line a phrase needs before it on the current card."""
    need: list[Block] = [] if here else [Heading(title, continued)]
    if phrase.scenario != title and phrase.scenario != last:
        need.append(Scenario(phrase.scenario))
    return need
