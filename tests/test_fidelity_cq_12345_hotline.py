"""Fidelity of clause set cq-12345-hotline to its seed.

An untitled article of 重庆市12345政务服务便民热线 on its service practice, in Traditional
Chinese with pinyin after many characters (seed 003). Sections 01 02 03 are chapters 4 5 6; the
sub-headings （一）（二）（三） of 03 are clauses 6.1 … 6.3, their points 1. 2. 3. and items
（1） … clauses or list items. Text is stored in Simplified Chinese.

Twelve runs of the seed were damaged by an encoding accident (GBK bytes decoded one byte off,
the first garbled character replaced by "?" while its pinyin stayed, e.g. 恰當?shù)鼗貞?yīng) for
恰當地回應). The set restores them; REPAIRS lists each damaged run as printed in the seed and the
text it stands for, and the comparison applies exactly these repairs to the normalised seed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import opencc  # type: ignore[import-untyped]
import pytest

from conftest import clause_set_texts, resolve_alone, walk_clauses
from seeds import _PINYIN, SEEDS, SET_SEEDS, ZHE_WORDS, ZHU_WORDS, normalise, seed_text
from stdgen.model import Clause, ListItem, Source
from stdgen.resolve import ResolvedSet

SET = "cq-12345-hotline"
FOLDER = Path(__file__).resolve().parents[1] / "clauses" / SET
SEED = SET_SEEDS[SET]
DOCUMENT = "新时代政务服务“客服人”"

PICTURE = "（原文此处有一幅图，未收录。）"  # stands where the seed has a picture placeholder (圖片)

# (damaged run as printed in the seed, what it stands for)
REPAIRS = [
    ("我們?nèi)魏螘r(shí)候", "我们任何时候"),
    ("點(diǎn)?!?br />", "点。”"),
    ("因?yàn)闆](méi)有", "因为没有"),
    ("當(dāng)?shù)胤胖靡恍┧饺诵∥锲窌?huì)", "当地放置一些私人小物品会"),
    ("莫?jiǎng)袼松啤?,", "莫劝他人善”，"),
    ("作為政?wù)服務", "作为政务服务"),
    ("因?yàn)樗麄儧](méi)有", "因为他们没有"),
    ("恰當(dāng)?shù)鼗貞?yīng)", "恰当地回应"),
    ("適當(dāng)?shù)那榫w安撫", "适当的情绪安抚"),
    ("適當(dāng)?shù)臅r(shí)候", "适当的时候"),
    ("恰當(dāng)?shù)幕貞?yīng)", "恰当的回应"),
    ("我們?yōu)橹畩^斗", "我们为之奋斗"),
]

SECTION = re.compile(r"^0(\d)$")
SUB = re.compile(r"^\(([一二三四五六七八九十]+)\)")
POINT = re.compile(r"^(\d+)\.(?!\d)")
ITEM = re.compile(r"^\((\d+)\)")
LABEL = re.compile(r"^([^\s:：()（）]+耳麦)[:：]")
CIRCLED = re.compile(r"[①②③④⑤⑥⑦⑧⑨]")
COUNTED = re.compile(r"^(\d)(个|心)(\S+?)[:：]")

_T2S = opencc.OpenCC("t2s")


def _as_in_seed(raw: str) -> str:
    """A fragment of the raw seed, cleaned the way seeds.seed_text cleans the whole seed."""
    return normalise(_T2S.convert(_PINYIN.sub("", raw)))


@pytest.fixture(scope="module")
def resolved() -> ResolvedSet:
    return resolve_alone(FOLDER, clean=True)


@pytest.fixture(scope="module")
def repaired_seed() -> str:
    seed = seed_text(SEED)
    for damaged, text in REPAIRS:
        run = _as_in_seed(damaged)
        assert seed.count(run) == 1, f"damaged run {damaged!r} ({run!r}) not once in the seed"
        seed = seed.replace(run, normalise(text))
    return seed


def _seed_lines() -> list[str]:
    raw = (SEEDS / SEED).read_text(encoding="utf-8")
    return [line.strip() for line in _T2S.convert(_PINYIN.sub("", raw)).splitlines()]


def _by_id(resolved: ResolvedSet) -> dict[str, Clause]:
    return {c.id: c for c in walk_clauses(resolved.clause_set.clauses)}


def _sources(resolved: ResolvedSet) -> Iterator[tuple[str, Source | None]]:
    cs = resolved.clause_set
    yield "standard.yaml", cs.standard.source
    for term in cs.terms:
        yield term.id, term.source
    for clause in walk_clauses(cs.clauses):
        yield clause.id, clause.source
    for annex in cs.annexes:
        yield annex.id, annex.source


def _seed_numbers() -> tuple[list[str], list[tuple[str, str | None, int]], list[str]]:
    """Numbered headings and items of the seed, the ①②③ lists, and the 1个目标 … 5心标准 list.

    Headings and items are named by their path, e.g. "03（一）2（3）" (section 03, sub-heading
    （一）, point 2, item （3））; a ①②③ list by the path of its line, the label it follows
    (双听筒式耳麦) if any, and its length.
    """
    labels: list[str] = []
    circled: list[tuple[str, str | None, int]] = []
    counted: list[str] = []
    section = sub = point = item = ""
    for line in _seed_lines():
        label = None
        if m := SECTION.match(line):
            section = sub = point = item = f"0{m.group(1)}"
            labels.append(section)
        elif m := SUB.match(line):
            sub = point = item = f"{section}（{m.group(1)}）"
            labels.append(sub)
        elif m := POINT.match(line):
            point = item = f"{sub}{m.group(1)}"
            labels.append(point)
        elif m := ITEM.match(line):
            item = f"{point}（{m.group(1)}）"
            labels.append(item)
        elif m := LABEL.match(line):
            label = m.group(1)
        elif m := COUNTED.match(line):
            counted.append(f"{m.group(1)}{m.group(2)}{m.group(3)}")
        if n := len(CIRCLED.findall(line)):
            circled.append((item, label, n))
    return labels, circled, counted


def _list_length(clause: Clause, label: str | None) -> int:
    if label is None:
        return len(clause.items)
    for entry in clause.items:
        if isinstance(entry, ListItem) and normalise(entry.text).startswith(normalise(label)):
            return len(entry.items)
    return 0


# 1. every text is the seed's text -------------------------------------------------------------

def test_every_text_is_in_the_seed(resolved: ResolvedSet, repaired_seed: str) -> None:
    """Every text is the seed's, but for the sentence that names a picture where it stood."""
    missing = [f"{where}: {text}" for where, text in clause_set_texts(resolved)
               if normalise(resolved.plain(text.removesuffix(PICTURE))) not in repaired_seed]
    assert not missing, "not in the seed:\n" + "\n".join(missing)


def test_every_repair_is_used_and_noted(resolved: ResolvedSet) -> None:
    clauses = list(walk_clauses(resolved.clause_set.clauses))
    problems = []
    for damaged, text in REPAIRS:
        holders = [c for c in clauses
                   if any(normalise(text) in normalise(p) for p in c.paragraphs)]
        if not holders:
            problems.append(f"{text}: in no clause text")
        for clause in holders:
            note = normalise(clause.source.note or "") if clause.source else ""
            if normalise(damaged) not in note or normalise(text) not in note:
                problems.append(f"{clause.id}: repair {damaged} → {text} not in source.note")
    assert not problems, "\n".join(problems)


def test_no_damage_left(resolved: ResolvedSet) -> None:
    """No "?" of the encoding damage, pinyin or web debris in the stored text."""
    bad = re.compile(r"[?？][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]|\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)|<br|图片")
    found = [f"{where}: {text}" for where, text in clause_set_texts(resolved) if bad.search(text)]
    assert not found, "\n".join(found)


# 2. every numbered item of the seed is covered -------------------------------------------------

def test_every_numbered_item_of_the_seed_is_covered(resolved: ResolvedSet) -> None:
    labels, _, _ = _seed_numbers()
    assert len(labels) == 3 + 3 + 6 + 7, labels  # sections, sub-headings, points, items
    by_source: dict[str, list[Clause]] = {}
    for clause in walk_clauses(resolved.clause_set.clauses):
        if clause.source and clause.source.clause:
            by_source.setdefault(clause.source.clause, []).append(clause)
    uncovered = []
    for label in labels:
        if label in by_source:
            continue
        # an item （n） kept as the n-th entry of its point's list
        m = re.fullmatch(r"(.+)（(\d+)）", label)
        if m and any(len(c.items) >= int(m.group(2)) for c in by_source.get(m.group(1), [])):
            continue
        uncovered.append(label)
    assert not uncovered, f"seed items with no clause: {uncovered}"


def test_circled_lists_are_lists(resolved: ResolvedSet) -> None:
    _, circled, _ = _seed_numbers()
    assert len(circled) == 3, circled  # 端正坐姿, 双听筒式耳麦, 单听筒式耳麦
    by_source = {c.source.clause: c for c in walk_clauses(resolved.clause_set.clauses)
                 if c.source and c.source.clause and c.items}
    wrong = [(path, label, n) for path, label, n in circled
             if path not in by_source or _list_length(by_source[path], label) != n]
    assert not wrong, f"①②③ lists not encoded as lists of that length: {wrong}"


def test_counted_list_is_encoded(resolved: ResolvedSet) -> None:
    _, _, counted = _seed_numbers()
    assert counted == ["1个目标", "2个作用", "3个导向", "4个定位", "5心标准"]
    clause = _by_id(resolved)["CQ-03.3-P4"]
    assert [normalise(str(e)).split(":")[0] for e in clause.items] == counted


# 3. set-specific facts -------------------------------------------------------------------------

def test_every_source_is_traditional_and_names_the_document(resolved: ResolvedSet) -> None:
    sources = list(_sources(resolved))
    lacking = [ident for ident, source in sources
               if source is None or (ident != "standard.yaml" and not source.clause)]
    assert not lacking, f"no source clause: {lacking}"
    assert all(s is not None and s.script == "traditional" for _, s in sources), \
        [ident for ident, s in sources if s is None or s.script != "traditional"]
    assert {s.document for _, s in sources if s} == {DOCUMENT}


def test_zhe_is_converted_as_a_word() -> None:
    """Every 著 of the set is 著 (zhù) in a word of ZHU_WORDS; the particle was written 着."""
    texts = [text for _, text in clause_set_texts(resolve_alone(FOLDER))]
    left = [text for text in texts if re.sub("|".join(ZHU_WORDS), "", text).count("著")]
    assert left == []
    joined = "".join(texts)
    assert all(word in joined for word in ZHE_WORDS.values())


def test_metadata(resolved: ResolvedSet) -> None:
    std = resolved.standard
    assert std.code == "CQ"
    assert std.kind == "normative-document"
    assert std.number is None
    assert std.banner is None and std.issuer is None  # a hotline is no issuing authority; the cover says so
    assert std.title.zh == DOCUMENT
    assert std.status == "published"
    assert std.edition == "2020"
    assert std.patent_notice is False
    assert std.scope == []
    assert std.issued is None and std.implemented is None
    assert std.source is not None and std.source.note and "issuer" in std.source.note
    assert len(std.introduction) == 2


def test_sections_are_chapters_4_to_6(resolved: ResolvedSet) -> None:
    titles = [(node.number, node.id, node.title) for node in resolved.chapters]
    assert titles == [("4", "CQ-01", "牢记使命，强化理论武装，提升政治素养"),
                      ("5", "CQ-02", "勿忘嘱托，强化政治领悟，扛起服务重任"),
                      ("6", "CQ-03", "厚植人民情怀，夯实战斗堡垒，压实服务动作")]
    sub = [(node.number, node.title) for node in resolved.chapters[2].children]
    assert sub == [("6.1", "以身正形，以形动声，感知热线微笑服务"),
                   ("6.2", "从心开心，以心换心，时刻谨记服务之本"),
                   ("6.3", "复盘反思，精益求精，提高热线服务口碑")]


def test_one_five_two(resolved: ResolvedSet) -> None:
    """一个坚持、五个准备、两个保持; 五个准备 has five items, the headset two lists of three steps."""
    clauses = _by_id(resolved)
    assert [c.title for c in clauses["CQ-03.1"].clauses] == ["一个坚持", "五个准备", "两个保持"]
    five = clauses["CQ-03.1.2"].clauses
    assert [c.title for c in five] == ["整洁的工作台", "端正坐姿", "正确佩戴耳麦（头戴式耳麦）",
                                       "标准的普通话", "热情的服务、暖心的话语"]
    headset = clauses["CQ-03.1.2.3"]
    assert [(e.text, len(e.items)) for e in headset.items if isinstance(e, ListItem)] == [
        ("双听筒式耳麦：", 3), ("单听筒式耳麦：", 3)]
    assert len(clauses["CQ-03.1.2.2"].items) == 3
    assert clauses["CQ-03.1.3"].items == ["保持微笑服务。", "保持说话时尾音自然上扬。"]


def test_three_steps_for_callers_with_emotions(resolved: ResolvedSet) -> None:
    steps = _by_id(resolved)["CQ-03.2"].clauses
    assert len(steps) == 3
    assert all(step.phrases and all(g.recommended and not g.forbidden for g in step.phrases)
               for step in steps)
    assert all(step.paragraphs[1].startswith("服务小贴士：") for step in steps)


def test_empathy_formula_has_its_four_parts(resolved: ResolvedSet) -> None:
    clause = _by_id(resolved)["CQ-03.2.2"]
    parts = ["复述问题", "肯定感受", "合理化建议", "征询意见"]
    assert "“" + "+".join(parts) + "”" in clause.paragraphs[1]
    assert [g.scenario for g in clause.phrases] == parts
    template = normalise(clause.paragraphs[1])
    positions = [template.index(normalise(g.recommended[0])) for g in clause.phrases]
    assert positions == sorted(positions)  # the template's parts, in order


def test_phrase_counts(resolved: ResolvedSet) -> None:
    groups = [g for c in walk_clauses(resolved.clause_set.clauses) for g in c.phrases]
    assert len(groups) == 6
    assert sum(len(g.recommended) for g in groups) == 7
    assert sum(len(g.forbidden) for g in groups) == 0


def test_scopes(resolved: ResolvedSet) -> None:
    clauses = list(walk_clauses(resolved.clause_set.clauses))
    assert all("hotline" in c.scope for c in clauses), [c.id for c in clauses if "hotline" not in c.scope]
    assert [c.id for c in clauses if c.scope != ["hotline"]] == ["CQ-03.1.2.5"]


# 4. the seed's list numbering is kept ----------------------------------------------------------

def _printed_lines(resolved: ResolvedSet) -> list[str]:
    """The document's text as HTML prints it, one list item or paragraph a line."""
    from stdgen.artifacts.standard.tree import build
    from stdgen.render.html import render_html

    html = render_html(build(resolved))
    body = re.sub(r"(<(?:ol|li|p|h\d)\b)", "\n\\1", html[html.index("<body"):])
    return [re.sub(r"<[^>]+>", "", line).strip() for line in body.split("\n")]


def test_lists_print_the_seeds_numbering(resolved: ResolvedSet) -> None:
    """①②③ and (1)(2) print as the seed numbers them, not as 1) 2)."""
    lines = _printed_lines(resolved)
    assert "①就座时，姿态端正，入座轻缓，尽量不要引发嘈杂的噪音；" in lines
    assert any(line.startswith("③上身平直，身体重心集中在腰部") for line in lines)
    assert lines.count("①拉开头梁伸缩条，由上往下佩戴耳机；") == 2  # 双听筒式 and 单听筒式
    assert "（1）保持微笑服务。" in lines and "（2）保持说话时尾音自然上扬。" in lines
    assert not any(re.match(r"\d\)", line) for line in lines), "a list of the seed printed as 1) 2)"


def test_dropped_pictures_are_named_where_they_stood(resolved: ResolvedSet) -> None:
    """The seed has 圖片 after the steps of 双听筒式耳麦 and of 单听筒式耳麦: the document says so there."""
    seed = [line.strip() for line in (SEEDS / SEED).read_text(encoding="utf-8").splitlines()]
    placed = [seed[i - 1][:5] for i, line in enumerate(seed) if line == "圖片"]
    assert placed == ["雙聽筒式耳", "單聽筒式耳"]
    lines = _printed_lines(resolved)
    for headset in ("双听筒式耳麦：", "单听筒式耳麦："):
        at = lines.index(f"a){headset}" if headset.startswith("双") else f"b){headset}")
        steps = [line for line in lines[at + 1:] if line][:3]
        assert steps[2].startswith("③") and steps[2].endswith(f"此位置为通话效果最佳位。）{PICTURE}"), steps
    assert sum(line.count(PICTURE) for line in lines) == 2
    note = _by_id(resolved)["CQ-03.1.2.3"].source
    assert note is not None and PICTURE in " ".join((note.note or "").split()).replace(" ", "")
