"""L3xx: recommended (文明用语) and forbidden (服务忌语) phrases."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Clause
from ..resolve import Node
from .context import Finding, LintContext, own_texts
from .forms import mask_quotes, quotations

_EDGE = re.compile(r"^[\s\W_]+|[\s\W_]+$")
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")
_NEGATIVE = ("禁", "忌", "不得", "不要", "不应", "避免", "不宜", "不能", "不可", "杜绝", "勿", "别")


def normalise(phrase: str) -> str:
    """Comparable form of a phrase: NFKC, no whitespace, no punctuation at either end."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", phrase))
    return _EDGE.sub("", text)


@dataclass(frozen=True)
class Owned:
    text: str
    node: Node
    clause: Clause


def check(ctx: LintContext) -> Iterator[Finding]:
    clauses = [(node, node.item) for node in ctx.resolved.nodes() if isinstance(node.item, Clause)]
    forbidden = [(Owned(f.text, node, item), f.instead) for node, item in clauses
                 for group in item.phrases for f in group.forbidden]
    recommended = [Owned(r, node, item) for node, item in clauses for group in item.phrases for r in group.recommended]
    for phrase, instead in forbidden:
        if not instead:
            yield Finding("L303", ctx.where(phrase.clause.id, "phrases"),
                          {"phrase": phrase.text, "label": ctx.label(phrase.node)}, phrase.clause.id)
    seen: set[tuple[str, str]] = set()
    comparable = [(rec, normalise(rec.text)) for rec in recommended]  # once each, not once per forbidden phrase
    for phrase, _ in forbidden:
        needle = normalise(phrase.text)
        if not needle:
            continue
        for rec, text in comparable:
            if needle in text and (phrase.text, rec.text) not in seen:
                seen.add((phrase.text, rec.text))
                yield Finding("L301", ctx.where(phrase.clause.id, "phrases"), {
                    "phrase": phrase.text, "recommended": rec.text, "other": ctx.label(rec.node)}, phrase.clause.id)
    yield from _samples(ctx, clauses, [p for p, _ in forbidden])


def _samples(ctx: LintContext, clauses: list[tuple[Node, Clause]], forbidden: list[Owned]) -> Iterator[Finding]:
    """L302: a forbidden phrase inside a quotation that the clause text gives as a sample."""
    needles = [(phrase, normalise(phrase.text)) for phrase in forbidden]
    for node, item in clauses:
        own = {normalise(f.text) for group in item.phrases for f in group.forbidden}
        for key, text in own_texts(item):
            masked = mask_quotes(text)
            for start, inner in quotations(text):
                if _negated(masked, start):
                    continue
                sample = normalise(inner)
                for phrase, needle in needles:
                    if needle and needle not in own and needle in sample:
                        yield Finding("L302", ctx.where(item.id, key), {
                            "phrase": phrase.text, "other": ctx.label(phrase.node), "sample": inner,
                            "label": ctx.label(node)}, item.id)


def _negated(masked: str, start: int) -> bool:
    """Whether the words before a quotation forbid what it quotes (禁用“……”, 不要说：“……”)."""
    before = masked[:start]
    ends = list(_CLAUSE_END.finditer(before))
    part = before[ends[-1].end():] if ends else before
    return any(marker in part for marker in _NEGATIVE)
