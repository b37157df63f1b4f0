"""Find the verbal forms of GB/T 1.1—2020 Annex C in Chinese text.

Chinese has no spaces, so a verbal form is found by scanning left to right and
taking, at each position, the longest word that starts there: either a verbal
form (应, 不应, 可以, 必须 …) or a word that merely contains one of their
characters (响应, 相应, 可靠, 事宜 …), which is skipped. Quoted text (“…”, 《…》)
is a quote, not a provision: it is masked before scanning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "requirement", "recommendation", "permission", "capability", "possibility",
    "must", "shall-not-2009", "may-not", "prohibition", "hedge",
]

FORMS: dict[str, Kind] = {
    # 要求 requirement (accepted forms)
    "应": "requirement", "应该": "requirement", "应当": "requirement", "只准许": "requirement",
    "不应": "requirement", "不应该": "requirement", "不应当": "requirement", "不准许": "requirement",
    # 推荐 recommendation
    "宜": "recommendation", "不宜": "recommendation", "推荐": "recommendation", "建议": "recommendation",
    "不推荐": "recommendation", "不建议": "recommendation",
    # 允许 permission
    "可": "permission", "可以": "permission", "可以不": "permission", "允许": "permission", "不必": "permission",
    "无须": "permission", "无需": "permission", "不需要": "permission",
    # 陈述: capability and possibility
    "能": "capability", "能够": "capability", "不能": "capability", "不能够": "capability",
    "可能": "possibility", "不可能": "possibility", "有可能": "possibility", "没有可能": "possibility",
    # forms GB/T 1.1—2020 does not accept
    "必须": "must", "务必": "must",
    "不得": "shall-not-2009",
    "不可": "may-not",
    "严禁": "prohibition", "禁止": "prohibition", "禁用": "prohibition", "忌用": "prohibition", "忌": "prohibition",
    "切忌": "prohibition",
    # hedges that turn 应 into a recommendation
    "尽可能": "hedge", "尽量": "hedge", "考虑": "hedge", "避免": "hedge", "通常": "hedge", "一般": "hedge",
    "原则上": "hedge",
}

CORE_WORDS = frozenset({"应", "应该", "应当", "只准许", "不应", "不应该", "不应当", "不准许",
                        "宜", "不宜", "可", "可以", "可以不", "不必"})
"""The verbal forms that make a sentence a provision whatever its context (推荐, 建议, 允许 … are also nouns)."""

SUGGESTION: dict[str, str] = {
    "必须": "应", "务必": "应", "不得": "不应", "不可": "不应", "严禁": "不应", "禁止": "不应",
    "禁用": "不应使用", "忌用": "不应使用", "忌": "不应", "切忌": "不应",
}

# Words that contain a form's characters but are not verbal forms (GB/T 1.1 lists the first ones).
_PLAIN_TEXT = (
    "响应 应用 反应 相应 适应 供应 对应 应答 应急 应变 回应 答应 呼应 感应 效应 照应 顺应 因应 应聘 应邀 "
    "应届 应酬 应付 应征 应试 应运 应景 应声 报应 内应 应激 应有尽有 应收 "
    "适宜 便宜 事宜 相宜 合宜 权宜 机宜 时宜 宜人 宜居 得宜 失宜 "
    "可行 可靠 认可 许可 可操作 可视化 可控 可信 可怜 可惜 可观 可口 可疑 可谓 可见 宁可 可否 可是 可爱 "
    "可贵 可喜 可笑 可怕 可恶 可持续 可追溯 可读 无可 可圈可点 不可或缺 不可思议 即可 可供 可想而知 可望 "
    "可言 可比 可取 可耻 尚可 两可 可乘之机 不可避免 必不可少 不可少 不可多得 不可分割 不可替代 不可缺少 "
    "不可逆 密不可分 不可抗力 不可估量 "
    "能力 功能 技能 职能 智能 性能 效能 能源 潜能 能量 能手 赋能 节能 本能 体能 动能 全能 万能 能耐 能动 "
    "无能 能否 能效 机能 官能 "
    "不得不 不得已 巴不得 怪不得 舍不得 免不得 少不得 由不得 顾不得 记不得 说不得 恨不得 "
    "禁忌 忌语 禁用语 顾忌 忌讳 猜忌 妒忌 "
    "一般性 "
)
_PLAIN_WORDS = _PLAIN_TEXT.split()

_APPLY_FOLLOWERS = ("于", "到", "在", "程序", "软件", "系统", "场景", "技术", "领域", "范围", "的", "了", "与",
                    "和", "、", "。", "，", "；")
_APPLY_BEFORE = ("推广", "广泛", "加强", "深化", "实际", "综合", "创新", "普及", "的", "和", "与", "及", "在")
_COPE_CONTEXT = ("应对突发", "应对措施", "应对方式", "应对方法", "应对策略", "应对能力", "应对机制", "应对的")
_COPE_BEFORE = ("冷静", "积极", "妥善", "高效", "从容", "有效", "如何", "和", "与", "及", "以")


def _apply_is_word(text: str, start: int) -> bool:
    """应用 is 'apply' before 于/程序/…, after 推广/的/…, and at the end; 应用目光 is 应 + 用目光."""
    if start > 0 and text[start - 1] == "不":
        return False
    rest = text[start + 2:]
    return rest == "" or rest.startswith(_APPLY_FOLLOWERS) or text[:start].endswith(_APPLY_BEFORE)


def _cope_is_word(text: str, start: int) -> bool:
    """应对 is 'cope with' in 应对突发事件, 冷静应对; 应对其进行 is 应 + 对."""
    return text.startswith(_COPE_CONTEXT, start) or text[:start].endswith(_COPE_BEFORE) or start + 2 == len(text)


_CONTEXT_WORDS: dict[str, Callable[[str, int], bool]] = {"应用": _apply_is_word, "应对": _cope_is_word}
_PLAIN = frozenset(_PLAIN_WORDS) - set(_CONTEXT_WORDS)
_LONGEST = max(len(w) for w in (*FORMS, *_PLAIN_WORDS))
_FIRST = frozenset(w[0] for w in (*FORMS, *_PLAIN_WORDS))  # the characters a word can begin with

QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》", '"': '"'}
MASK = "＿"
_OPENING = re.compile("[" + re.escape("".join(QUOTE_PAIRS)) + "]")
SENTENCE_END = re.compile(r"[。；！？!?;\n]")


@dataclass(frozen=True)
class Hit:
    word: str
    kind: Kind
    start: int
    end: int


def mask_quotes(text: str) -> str:
    """The text with the inside of every quotation replaced by MASK (same length).

    A quotation left open (the seed forgot the closing mark) runs to the end of the text.
    """
    out: list[str] = []
    i = 0
    while (opening := _OPENING.search(text, i)) is not None:
        start = opening.start()
        close = QUOTE_PAIRS[opening.group()]
        j = text.find(close, start + 1)
        end = len(text) if j < 0 else j
        out += [text[i:start + 1], MASK * (end - start - 1)]
        if j >= 0:
            out.append(close)
        i = end + 1 if j >= 0 else end
    out.append(text[i:])
    return "".join(out)


def mask_phrases(text: str, phrases: Iterable[str]) -> str:
    """The text with every occurrence of the given phrases replaced by MASK (same length).

    A clause that lists its sample phrases under `phrases:` often repeats them in its
    text (“喂！（称呼、问候、接打电话时）”); there they are quotes, not provisions.
    """
    for phrase in sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True):
        for candidate in (phrase, phrase.rstrip("。！？!?，,；;、")):
            if candidate and candidate in text:
                text = text.replace(candidate, MASK * len(candidate))
                break
    return text


def quotations(text: str) -> list[tuple[int, str]]:
    """(start, inner text) of every quotation of the text."""
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(text):
        close = QUOTE_PAIRS.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1)
        end = len(text) if j < 0 else j
        found.append((i, text[i + 1:end]))
        i = end + 1
    return found


def scan(text: str) -> list[Hit]:
    """Verbal forms of text outside quotations, in order."""
    masked = mask_quotes(text)
    hits: list[Hit] = []
    i = 0
    while i < len(masked):
        if masked[i] not in _FIRST:  # most characters begin no word: the bundled sets lint in 0.065 s, not 0.14
            i += 1
            continue
        step = 1
        for size in range(min(_LONGEST, len(masked) - i), 0, -1):
            word = masked[i:i + size]
            if word in _PLAIN or (word in _CONTEXT_WORDS and _CONTEXT_WORDS[word](masked, i)):
                step = size
                break
            kind = FORMS.get(word)
            if kind is not None:
                hits.append(Hit(word, kind, i, i + size))
                step = size
                break
        i += step
    return hits


def kinds(hits: Iterable[Hit]) -> set[Kind]:
    return {h.kind for h in hits}


def excerpt(text: str, hit_start: int, hit_end: int, width: int = 10) -> str:
    """A short piece of text around a hit, for a message."""
    start = max(0, hit_start - width)
    end = min(len(text), hit_end + width)
    return ("…" if start > 0 else "") + text[start:end].replace("\n", " ") + ("…" if end < len(text) else "")


def sentences(text: str) -> list[tuple[int, str]]:
    """(start, sentence) pieces of the text, cut at 。；！？ outside quotations."""
    masked = mask_quotes(text)
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in SENTENCE_END.finditer(masked):
        pieces.append((start, text[start:match.end()]))
        start = match.end()
    if start < len(text):
        pieces.append((start, text[start:]))
    return [(s, p) for s, p in pieces if p.strip()]
