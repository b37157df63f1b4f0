"""Counter phrase cards: the deck (every phrase once, of its kind, cited), the packing (no phrase split,
continuations said), and the print products read back from PDF, DOCX and HTML."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pdfplumber
import pytest

from conftest import CLAUSES, resolve_alone
from stdgen.artifacts.cards import layout as card_layout
from stdgen.artifacts.cards.build import deck_document, deck_ids, write_cards
from stdgen.artifacts.cards.deck import KINDS, NO_REPLACEMENT, Deck, build_deck
from stdgen.artifacts.cards.layout import SCREEN, SHEETS, TENT, Block, Card, Geometry, Heading, _fits, _lead, pack
from stdgen.artifacts.cards.render import cut_marks, render, write_pdf
from stdgen.build import ARTIFACTS
from stdgen.diagnostics import Report
from stdgen.lint import lint_workspace
from stdgen.lint.phrases import normalise
from stdgen.model import Clause
from stdgen.resolve import ResolvedSet
from stdgen.workspace import open_workspace
from stdgen.xref import tree_ids

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import write_synthetic_set

MM = 72 / 25.4  # PDF points per millimetre
NAMES = ["cq-12345-hotline", "db34-t-3395-2019", "db4108-t-6-2020", "window-conduct", "zmd-civility-2023"]


@pytest.fixture(scope="module")
def sets() -> dict[str, ResolvedSet]:
    report = Report()
    ws = open_workspace(CLAUSES, report, None)
    assert not report.failed(), report.render_text()
    return ws.sets


def source_phrases(rs: ResolvedSet) -> Counter[tuple[str, str]]:
    """(kind, normalised text) of every phrase the set's clauses give."""
    found: Counter[tuple[str, str]] = Counter()
    for node in rs.nodes():
        if isinstance(node.item, Clause):
            for group in node.item.phrases:
                found.update(("recommended", normalise(p)) for p in group.recommended)
                found.update(("forbidden", normalise(f.text)) for f in group.forbidden)
    return found


# --- the deck and its packing -----------------------------------------------------------------

@pytest.mark.parametrize("name", NAMES)
def test_deck_has_every_phrase_once_and_cites_real_ids(sets: dict[str, ResolvedSet], name: str) -> None:
    rs = sets[name]
    deck = build_deck([rs])
    keys = [p.key for p in deck.phrases]
    assert len(keys) == len(set(keys))
    assert set(keys) == set(source_phrases(rs))
    for topic in deck.topics:
        assert all(p.kind == topic.kind for p in topic.phrases)  # no forbidden phrase on a recommended topic
        assert topic.cites and all(c.id in rs.targets and rs.targets[c.id].number == c.number for c in topic.cites)


GEOMETRIES = {"a6": SHEETS["a6"], "a5": SHEETS["a5"], "tent": TENT}


@pytest.mark.parametrize("geo_name", GEOMETRIES)
@pytest.mark.parametrize("name", NAMES)
def test_every_phrase_on_exactly_one_card_of_its_kind(sets: dict[str, ResolvedSet], name: str, geo_name: str) -> None:
    deck = build_deck([sets[name]])
    cards = pack(deck, GEOMETRIES[geo_name])
    placed = Counter(id(p) for card in cards for p in card.phrases)
    assert all(placed[id(p)] == 1 for p in deck.phrases)
    assert sum(placed.values()) == len(deck.phrases)
    for card in cards:
        assert all(p.kind == card.kind for p in card.phrases)
        assert card.cites and all(c.id in sets[name].targets for c in card.cites)
    for card, following in itertools.pairwise(cards):  # a topic that runs over says so on both cards
        head = following.blocks[0]
        assert card.continues == (isinstance(head, Heading) and head.continued)


def _pack_measuring_every_card(deck: Deck, geo: Geometry) -> list[Card]:
    """pack as it was written first: each phrase tried by measuring its whole card again (layout._fits)."""
    cards: list[Card] = []
    for kind in KINDS:
        card: Card | None = None
        for topic in deck.of(kind):
            continued = here = False
            last: str | None = None
            for phrase in topic.phrases:
                need = _lead(topic.title, phrase, here, continued, last)
                if card is None or not _fits(card, [*need, phrase], geo):
                    if card is not None and here:
                        card.continues = continued = True
                    card = Card(kind)
                    cards.append(card)
                    here, last = False, None
                    need = _lead(topic.title, phrase, here, continued, last)
                card.blocks.extend([*need, phrase])
                here, last = True, phrase.scenario
    return cards


def _synthetic_deck(tmp_path: Path, clauses: int) -> Deck:
    write_synthetic_set(tmp_path / "clauses" / f"syn{clauses}", clauses)
    return build_deck([resolve_alone(tmp_path / "clauses" / f"syn{clauses}")])


def test_packing_keeps_a_running_measure_and_packs_as_measuring_every_card(
        sets: dict[str, ResolvedSet], tmp_path: Path) -> None:
    decks = [build_deck([rs]) for rs in sets.values()] + [build_deck(list(sets.values())),
                                                           _synthetic_deck(tmp_path, 400)]
    for deck in decks:
        for geo in [*GEOMETRIES.values(), SCREEN]:
            assert pack(deck, geo) == _pack_measuring_every_card(deck, geo)


def test_packing_measures_each_block_a_bounded_number_of_times(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    """The screen page puts every topic of a kind on one card: measured afresh per phrase, that was quadratic."""
    measured = Counter[str]()
    block_mm = card_layout.block_mm

    def counting(block: Block, geo: Geometry) -> float:
        measured[type(block).__name__] += 1
        return block_mm(block, geo)

    monkeypatch.setattr(card_layout, "block_mm", counting)
    for clauses in (500, 2000):
        deck = _synthetic_deck(tmp_path, clauses)
        for geo in [*GEOMETRIES.values(), SCREEN]:
            measured.clear()
            placed = sum(len(card.blocks) for card in pack(deck, geo))
            assert sum(measured.values()) <= 4 * placed, (clauses, geo)


def test_long_topic_continues_on_the_next_card(sets: dict[str, ResolvedSet]) -> None:
    cards = pack(build_deck([sets["zmd-civility-2023"]]), SHEETS["a6"])
    forbidden = [c for c in cards if c.kind == "forbidden"]
    assert len(forbidden) >= 2  # eleven 服务忌语 do not fit one A6 card
    assert forbidden[0].continues and isinstance(forbidden[1].blocks[0], Heading)
    assert forbidden[1].blocks[0] == Heading("服务忌语", continued=True)


def test_merged_deck_shows_shared_phrases_once_citing_every_source(sets: dict[str, ResolvedSet]) -> None:
    a, b = sets["db34-t-3395-2019"], sets["zmd-civility-2023"]
    deck = build_deck([a, b])
    assert {p.key for p in deck.phrases} == set(source_phrases(a)) | set(source_phrases(b))
    hello = [p for p in deck.phrases if p.key == ("recommended", "您好")]
    assert len(hello) == 1
    assert {"QC-7.1", "ZMD-P5.1"} <= {c.id for c in hello[0].cites}
    assert {c.standard for c in hello[0].cites} == {"DB34/T 3395—2019", "政务服务岗位工作人员文明行为规范（试行）"}
    html = render(deck, "screen")
    assert html.count("“您好”") == 1 and "亦见" in html


def test_variant_cards_follow_its_numbers(sets: dict[str, ResolvedSet]) -> None:
    variant, parent = sets["example-city-variant"], sets["db34-t-3395-2019"]
    cites = {c.id: c.number for p in build_deck([variant]).phrases for c in p.cites}
    assert cites["QC-7.1"] == variant.targets["QC-7.1"].number != parent.targets["QC-7.1"].number


def test_scope_filter(sets: dict[str, ResolvedSet]) -> None:
    rs = sets["db34-t-3395-2019"]
    hotline = build_deck([rs], ["hotline"])
    texts = {p.text for p in hotline.phrases}
    assert "请问您需要办什么事？" in texts  # A.1.2 电话服务用语: window and hotline
    assert "您好，请问办理什么业务？" not in texts  # A.1.1.1: window only
    assert "喂！" in texts  # all-staff counts for the hotline


def test_rules_and_conditions_and_gaps(sets: dict[str, ResolvedSet]) -> None:
    deck = build_deck([sets["zmd-civility-2023"]])
    rule = next(p for p in deck.phrases if p.rule)
    assert rule.shown == "其他有损人格，伤自尊心、伤感情，易诱发矛盾的不负责任的语言。"  # a rule, not quoted
    sorry = next(p for p in deck.phrases if p.text.startswith("对不起，是我不对"))
    assert sorry.context == "工作出现差错时" and sorry.scenario == "接待"
    html = render(deck, "screen")
    assert "（工作出现差错时）" in html
    assert html.count(NO_REPLACEMENT) == sum(1 for p in deck.phrases if p.kind == "forbidden" and not p.instead)


def test_gaps_stay_reported_by_the_lint(sets: dict[str, ResolvedSet]) -> None:
    report = Report()
    ws = open_workspace(CLAUSES, report, ["db34-t-3395-2019"])
    lint_workspace(ws, report)
    l303 = [d for d in report.items if d.code == "L303"]
    deck = build_deck([sets["db34-t-3395-2019"]])
    assert len(l303) == sum(len(p.cites) for p in deck.phrases if p.kind == "forbidden" and not p.instead) == 16


def test_artifact_registered_with_ids_and_anchors(sets: dict[str, ResolvedSet]) -> None:
    cards = next(a for a in ARTIFACTS if a.name == "cards")
    assert set(cards.formats) == {"pdf", "docx", "html"}
    rs = sets["db34-t-3395-2019"]
    ids = deck_ids(rs)
    assert "QC-A.2.1.1" in ids and "QC-7.1" in ids and all(i in rs.targets for i in ids)
    anchors, _ = tree_ids(deck_document(rs))
    assert anchors == set(ids)
    html = render(build_deck([rs]), "screen")
    assert all(f'id="{i}"' in html for i in ids)  # cards.html#<ID> for every clause a card cites


# --- the print products, read back ----------------------------------------------------------

Char = dict[str, Any]


def slot_chars(page: Any, geo: Geometry, slot: int) -> list[Char]:
    x0, y0 = geo.origin(slot)
    return [c for c in page.chars if x0 * MM <= c["x0"] < (x0 + geo.card_w) * MM
            and y0 * MM <= c["top"] < (y0 + geo.card_h) * MM]


def joined(chars: list[Char]) -> str:
    return "".join(c["text"] for c in chars)


def flat(page: Any) -> str:
    """A (cropped) page's text in reading order without line breaks, spaces or 规则 tags (a tag set
    beside a rule is read as a line of its own)."""
    return re.sub(r"\s|〔?规则〕?", "", page.extract_text() or "")


def card_regions(pdf_path: Path, geo: Geometry) -> list[list[Char]]:
    with pdfplumber.open(pdf_path) as pdf:
        regions = [slot_chars(page, geo, s) for page in pdf.pages for s in range(geo.per_page)]
    return [r for r in regions if r]


def check_sheet(pdf_path: Path, deck: Deck, geo: Geometry) -> None:
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            assert abs(page.width - geo.page_w * MM) < 1 and abs(page.height - geo.page_h * MM) < 1
            marks = [(r["x0"] / MM, r["top"] / MM, r["width"] / MM, r["height"] / MM) for r in page.rects
                     if max(r["width"], r["height"]) < 7 * MM and min(r["width"], r["height"]) < 0.5 * MM]
            for x, y, w, h in cut_marks(geo):  # every cut mark is on the page where it belongs
                assert any(abs(mx - x) < 0.3 and abs(my - y) < 0.3 and abs(mw - w) < 0.3 and abs(mh - h) < 0.3
                           for mx, my, mw, mh in marks), (x, y, w, h)
    regions = card_regions(pdf_path, geo)
    texts = [joined(r) for r in regions]
    for phrase in deck.phrases:  # on exactly one card, and a card of its kind
        holders = [t for t in texts if phrase.shown in t]
        assert len(holders) == 1, phrase.text
        band = "服务忌语禁止使用" if phrase.kind == "forbidden" else "文明用语推荐使用"
        assert band in holders[0].replace("\u3000", "").replace(" ", "")
    for region in regions:
        body_check(region, geo)


def body_check(region: list[Char], geo: Geometry) -> None:
    """Phrases at least 14 pt; the blocks end above the sources at the foot of the card (no overflow)."""
    band = min(c["top"] for c in region) + 3 * MM  # the band naming the kind has a mark of its own
    marks = [i for i, c in enumerate(region) if c["text"] in "×○" and c["top"] > band]
    assert marks
    for i in marks:  # the words after each phrase mark
        words = [c for c in region[i + 1:i + 6] if c["text"].strip() and c["text"] not in "规则"
                 and abs(c["bottom"] - region[i]["bottom"]) < 2]  # on the mark's line
        assert words and min(c["size"] for c in words) >= 14, "".join(c["text"] for c in words)
    starts = [a["top"] for a, b in itertools.pairwise(region) if a["text"] + b["text"] == "依据"]
    assert starts, "no sources on the card"
    foot = min(starts)
    above = [c for c in region if c["top"] < foot - 0.5]
    assert max(c["bottom"] for c in above) <= foot + 0.5
    x0 = min(c["x0"] for c in region)
    assert all(c["x1"] - x0 <= geo.card_w * MM for c in region)  # nothing runs past the card's right edge


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory, sets: dict[str, ResolvedSet]) -> Path:
    out = tmp_path_factory.mktemp("cards")
    for name in ("db34-t-3395-2019", "zmd-civility-2023", "db4108-t-6-2020"):
        deck = build_deck([sets[name]])
        for mode, size in (("sheet", "a6"), ("sheet", "a5"), ("tent", "a6"), ("poster", "a6")):
            write_pdf(render(deck, mode, size), out / f"{name}-{mode}-{size}.pdf")
    return out


@pytest.mark.slow
@pytest.mark.parametrize("name", ["db34-t-3395-2019", "zmd-civility-2023", "db4108-t-6-2020"])
@pytest.mark.parametrize("size", ["a6", "a5"])
def test_sheet_pdf(printed: Path, sets: dict[str, ResolvedSet], name: str, size: str) -> None:
    geo = SHEETS["a6" if size == "a6" else "a5"]
    check_sheet(printed / f"{name}-sheet-{size}.pdf", build_deck([sets[name]]), geo)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["db34-t-3395-2019", "zmd-civility-2023"])
def test_tent_halves_same_text_one_upside_down(printed: Path, sets: dict[str, ResolvedSet], name: str) -> None:
    deck = build_deck([sets[name]])
    fold = TENT.card_h * MM
    with pdfplumber.open(printed / f"{name}-tent-a6.pdf") as pdf:
        assert len(pdf.pages) == len(pack(deck, TENT))
        seen: list[str] = []
        for page in pdf.pages:
            assert abs(page.width - 210 * MM) < 1 and abs(page.height - 297 * MM) < 1
            folds = [e for e in [*page.lines, *page.rects, *page.edges] if abs(e["top"] - fold) < 0.6 * MM
                     and e["width"] > 200 * MM]
            assert folds, "no fold line across the middle"
            label = set("沿此线对折")
            upper = [c for c in page.chars if c["bottom"] < fold]
            lower = [c for c in page.chars if c["top"] > fold and not (c["text"] in label and c["size"] < 8)]
            assert upper and lower
            assert Counter(c["text"] for c in upper) == Counter(c["text"] for c in lower)
            assert all(c["matrix"][0] < 0 and c["matrix"][3] < 0 for c in upper)  # rotated 180°
            assert all(c["matrix"][0] > 0 and c["matrix"][3] > 0 for c in lower)  # upright
            assert max(c["size"] for c in lower) >= 20  # read across the counter
            body_check([c for c in lower if c["top"] > fold + 3 * MM], TENT)  # (the fold label is above)
            seen.append(flat(page.within_bbox((0, fold, page.width, page.height))))
    for phrase in deck.phrases:
        assert sum(phrase.shown in s for s in seen) == 1, phrase.text


@pytest.mark.slow
@pytest.mark.parametrize("name", ["db34-t-3395-2019", "zmd-civility-2023", "db4108-t-6-2020"])
def test_poster_lists_every_forbidden_phrase_once(printed: Path, sets: dict[str, ResolvedSet], name: str) -> None:
    deck = build_deck([sets[name]])
    with pdfplumber.open(printed / f"{name}-poster-a6.pdf") as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        right = pdf.pages[0].search("替代说法")[-1]["x0"]  # the first column: the forbidden phrases
        first = [flat(page.within_bbox((0, 0, right - 1, page.height))) for page in pdf.pages]
        sizes = {c["text"]: c["size"] for page in pdf.pages for c in page.chars if c["text"] == "×"}
        assert all(abs(p.width - 210 * MM) < 1 for p in pdf.pages)
    text = "".join(first)
    assert "服务忌语 → 替代说法" in pages[0]
    for page in pages[1:]:
        assert "服务忌语（禁止使用）" in page  # the table header repeats
    forbidden = [p for p in deck.phrases if p.kind == "forbidden"]
    for phrase in forbidden:
        assert text.count(phrase.shown) == 1, phrase.text
    assert "".join(pages).count(NO_REPLACEMENT) == sum(1 for p in forbidden if not p.instead)
    assert sizes["×"] >= 14
    assert not [p for p in deck.phrases if p.kind == "recommended" and f"“{p.text}”" in text and
                not any(f.text.find(p.text) >= 0 for f in forbidden)]


@pytest.mark.slow
def test_cli_merged_decks_docx_html_and_layouts(tmp_path: Path) -> None:
    out = tmp_path / "cards"
    run = [sys.executable, "-m", "stdgen", "cards", "db34-t-3395-2019", "zmd-civility-2023", "--clauses",
           str(CLAUSES), "--out", str(out)]
    done = subprocess.run(run, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    folder = out / "db34-t-3395-2019+zmd-civility-2023"
    assert sorted(p.name for p in folder.iterdir()) == ["cards.docx", "cards.html", "cards.pdf"]
    document = docx.Document(str(folder / "cards.docx"))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    assert all(len(t.rows) == 2 and len(t.columns) == 2 for t in document.tables)
    texts = ["\n".join(p.text for p in cell.paragraphs) for cell in cells]
    report = Report()
    ws = open_workspace(CLAUSES, report, ["db34-t-3395-2019", "zmd-civility-2023"])
    deck = build_deck([ws.sets["db34-t-3395-2019"], ws.sets["zmd-civility-2023"]])
    for phrase in deck.phrases:
        assert sum(phrase.shown in t for t in texts) == 1, phrase.text
    shown = {ph.shown for ph in deck.phrases}
    runs = [r for cell in cells for p in cell.paragraphs for r in p.runs if r.text in shown]
    assert runs and all(r.font.size.pt >= 14 for r in runs)
    html = (folder / "cards.html").read_text(encoding="utf-8")
    assert 'name="viewport"' in html and html.count('class="card forbidden"') >= 1
    for ident in deck.cited_ids:
        assert f'id="{ident}"' in html
    check_sheet(folder / "cards.pdf", deck, SHEETS["a6"])

    for layout, expected in (("tent", "cards-window-tent.pdf"), ("poster", "cards-window-poster.pdf")):
        done = subprocess.run([*run, "--scope", "window", "--layout", layout], capture_output=True, text=True,
                              check=False)
        assert done.returncode == 0, done.stderr
        assert (folder / expected).is_file()
    done = subprocess.run([*run[:4], "cq-12345-hotline", *run[6:], "--layout", "poster"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and "B007" in done.stderr  # no 服务忌语 in that set: nothing written
    assert not (out / "cq-12345-hotline").exists()


@pytest.mark.slow
def test_sheet_docx_opens_in_libreoffice(tmp_path: Path, sets: dict[str, ResolvedSet]) -> None:
    deck = build_deck([sets["zmd-civility-2023"]])
    from stdgen.artifacts.cards.docx import write_sheet_docx

    write_sheet_docx(deck, tmp_path / "cards.docx")
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(tmp_path / "cards.docx")], capture_output=True, check=True, timeout=180)
    cards = pack(deck, SHEETS["a6"])
    with pdfplumber.open(tmp_path / "cards.pdf") as pdf:
        assert len(pdf.pages) == -(-len(cards) // 4)  # no card pushed a page over
    with pdfplumber.open(tmp_path / "cards.pdf") as pdf:
        texts = [flat(page.within_bbox((x * MM, y * MM, (x + 105) * MM, (y + 148) * MM)))
                 for page in pdf.pages for x, y in (SHEETS["a6"].origin(s) for s in range(4))]
    texts = [t for t in texts if t]
    assert len(texts) == len(cards)
    for phrase in deck.phrases:
        assert sum(phrase.shown in t for t in texts) == 1, phrase.text


def test_written_cards_report_when_empty(tmp_path: Path, sets: dict[str, ResolvedSet]) -> None:
    report = Report()
    assert write_cards([sets["cq-12345-hotline"]], tmp_path, [], "poster", "a6", report) == []
    assert [d.code for d in report.items] == ["B007"]

