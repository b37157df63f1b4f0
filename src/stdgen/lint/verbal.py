"""L1xx: provision types and their verbal forms (GB/T 1.1—2020 Annex C)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Position
from ..i18n import Arg, listing
from ..messages.lint import word
from ..model import Annex, Clause, ProvisionType
from ..resolve import Node
from .context import Finding, LintContext, own_texts
from .forms import CORE_WORDS, MASK, SUGGESTION, Hit, excerpt, mask_phrases, mask_quotes, scan, sentences

# The forms GB/T 1.1—2020 does not accept each have their own rule.
_DEPRECATED = {"must": "L105", "shall-not-2009": "L106", "may-not": "L107", "prohibition": "L108"}
_REQUIREMENT_LIKE = frozenset({"requirement", "must", "shall-not-2009"})
_CORE_MEANING = {"requirement": "requirement", "recommendation": "recommendation", "permission": "permission"}
# 要/须/需 are no verbal forms, but what a requirement without 应 often uses instead
_INFORMAL = re.compile(r"(?<![重主需必只想卡吃我你他她将就快不])要(?![求点件素是想])"
                       r"|(?<![必无])须|(?<![必所急])需(?![要求])")
_SEGMENT = re.compile(r"[，,：:]")
_CONTINUES = ("并", "且", "同时", "也", "还")
_PARENTHESES = re.compile(r"（[^（）]*）|\([^()]*\)")


@dataclass(frozen=True)
class Para:
    """One paragraph or list item of a clause, with its sample phrases and quotations masked."""

    key: str
    text: str
    masked: str
    hits: list[Hit]


def check(ctx: LintContext) -> Iterator[Finding]:
    for node in ctx.body_nodes():
        yield from _clause(ctx, node, node.item)
    for annex, node in ctx.annex_nodes():
        yield from _clause(ctx, node, node.item)
        if node is annex:
            yield from _informative_annex(ctx, annex)
    yield from _informative_texts(ctx)


def paragraphs(item: Clause | Annex) -> list[Para]:
    phrases: list[str] = []
    if isinstance(item, Clause):
        for group in item.phrases:
            phrases += [*group.recommended, *(f.text for f in group.forbidden)]
    out = []
    for key, text in own_texts(item):
        masked = mask_quotes(mask_phrases(text, phrases))
        out.append(Para(key, text, masked, scan(masked)))
    return out


def _only_phrases(paras: list[Para]) -> bool:
    """Whether the text is nothing but the clause's own sample phrases (and their context in brackets)."""
    rest = "".join(_PARENTHESES.sub("", p.masked) for p in paras)
    return re.sub(r"[\W_" + MASK + "]", "", rest) == ""


def _clause(ctx: LintContext, node: Node, item: Clause | Annex) -> Iterator[Finding]:
    owner = item.id if isinstance(item, Clause) else None
    label = ctx.label(node)
    paras = paragraphs(item)
    found: dict[str, tuple[Para, Hit]] = {}  # first place of each word
    for para in paras:
        for hit in para.hits:
            found.setdefault(hit.word, (para, hit))
    # L105–L108: forms GB/T 1.1—2020 does not accept, in any clause type (不得 is right under the 2009 edition)
    edition_2009 = ctx.resolved.standard.edition == "2009"
    for w, (para, hit) in found.items():
        code = _DEPRECATED.get(hit.kind)
        if code is not None and not (code == "L106" and edition_2009):
            yield Finding(code, ctx.where(item.id, para.key), {
                "label": label, "word": w, "suggestion": SUGGESTION.get(w, "应"),
                "excerpt": excerpt(para.text, hit.start, hit.end)}, owner)
    for para in paras:
        yield from _hedges(ctx, item.id, owner, label, para)
    if isinstance(item, Clause) and paras and not _only_phrases(paras):
        yield from _type_mismatch(ctx, item, label, paras, found)


def _hedges(ctx: LintContext, ident: str, owner: str | None, label: Arg, para: Para) -> Iterator[Finding]:
    """L110: 尽量/避免/一般 … in the same part of a sentence as 应 (or in a part that continues it: 并尽量……)."""
    for start, sentence in sentences(para.masked):
        offset = start
        governed = False  # an earlier part of this sentence has 应
        for piece in _SEGMENT.split(sentence):
            hits = scan(piece)
            verbs = [h for h in hits if h.kind in _REQUIREMENT_LIKE]
            hedges = [h for h in hits if h.kind == "hedge"]
            verb = verbs[0] if verbs else None
            if hedges and (verb or (governed and piece.lstrip().startswith(_CONTINUES))):
                lo = min(h.start for h in hedges) if verb is None else min(verb.start, *(h.start for h in hedges))
                hi = max(h.end for h in hedges) if verb is None else max(verb.end, *(h.end for h in hedges))
                yield Finding("L110", ctx.where(ident, para.key), {
                    "label": label, "hedges": listing(dict.fromkeys(h.word for h in hedges)),
                    "verb": verb.word if verb else "应",
                    "excerpt": excerpt(para.text, offset + lo, offset + hi)}, owner)
            governed = governed or bool(verbs)
            offset += len(piece) + 1


def _type_mismatch(ctx: LintContext, item: Clause, label: Arg, paras: list[Para],
                   found: dict[str, tuple[Para, Hit]]) -> Iterator[Finding]:
    kinds_found = {hit.kind for _, hit in found.values()}
    where = ctx.where(item.id, paras[0].key)

    def first(kinds: set[str], words: frozenset[str] | None = None) -> tuple[Para, Hit] | None:
        for w, place in found.items():
            if place[1].kind in kinds and (words is None or w in words):
                return place
        return None

    def args(place: tuple[Para, Hit] | None = None) -> dict[str, Arg]:
        out: dict[str, Arg] = {"label": label}
        if place is not None:
            para, hit = place
            out["word"] = hit.word
            out["excerpt"] = excerpt(para.text, hit.start, hit.end)
        return out

    kind = item.type
    if kind is ProvisionType.requirement:
        if "requirement" in kinds_found or kinds_found & set(_DEPRECATED):
            return  # deprecated forms are reported by their own rule
        informal = _informal(paras)
        if informal is not None:
            yield Finding("L101", ctx.where(item.id, informal[0].key), {
                "label": label, "word": informal[1], "excerpt": informal[2]}, item.id, "word")
        elif any("应用" in p.masked for p in paras):
            yield Finding("L101", where, args(), item.id, "apply")
        else:
            yield Finding("L101", where, args(), item.id)
    elif kind is ProvisionType.recommendation:
        if "recommendation" in kinds_found:
            return
        place = first({"requirement"})
        if place is not None:
            yield Finding("L102", ctx.where(item.id, place[0].key), args(place), item.id, "requirement")
        else:
            yield Finding("L102", where, args(), item.id)
    elif kind is ProvisionType.permission:
        if "permission" in kinds_found:
            return
        place = first({"capability", "possibility"})
        if place is not None:
            yield Finding("L109", ctx.where(item.id, place[0].key), args(place), item.id)
        else:
            yield Finding("L103", where, args(), item.id)
    else:
        place = first({"requirement", "recommendation", "permission"}, CORE_WORDS)
        if place is not None:
            meaning = _CORE_MEANING[place[1].kind]
            yield Finding("L104", ctx.where(item.id, place[0].key), {
                **args(place), "type": word(kind.value), "meaning": word(meaning),
                "suggested": meaning}, item.id)


def _informal(paras: list[Para]) -> tuple[Para, str, str] | None:
    """(paragraph, word, excerpt) of a 要/须/需 that probably stands for 应."""
    for para in paras:
        match = _INFORMAL.search(para.masked)
        if match is not None:
            return para, match.group(0), excerpt(para.text, match.start(), match.end())
    return None


def _informative_annex(ctx: LintContext, annex: Node) -> Iterator[Finding]:
    """L112: requirements in an annex that is not normative."""
    item = annex.item
    if not isinstance(item, Annex) or item.normative:
        return
    numbers: list[str] = []
    for node in annex.walk():
        typed = isinstance(node.item, Clause) and node.item.type is ProvisionType.requirement
        if typed or any(h.kind in _REQUIREMENT_LIKE for p in paragraphs(node.item) for h in p.hits):
            numbers.append(node.number)
    if numbers:
        shown = numbers if len(numbers) <= 8 else [*numbers[:8], "…"]
        yield Finding("L112", ctx.where(item.id), {
            "label": ctx.label(annex), "count": str(len(numbers)),
            "numbers": listing(shown)})


def _informative_texts(ctx: LintContext) -> Iterator[Finding]:
    """L111: provisions where GB/T 1.1 allows only statements."""
    std = ctx.resolved.standard
    for field in ("foreword", "introduction", "scope"):
        for i, text in enumerate(getattr(std, field)):
            yield from _provision_in(text, word(field), ctx.meta_where(field, i), None)
    for i, term in enumerate(ctx.resolved.clause_set.terms):
        names = {"number": ctx.resolved.term_number(i), "term": term.term}
        yield from _provision_in(term.definition, word("definition", **names),
                                 ctx.where(term.id, "definition"), None)
        for note in term.notes:
            yield from _provision_in(note, word("term-note", **names), ctx.where(term.id, "notes"), None)
    for node in ctx.resolved.nodes():
        item = node.item
        if not isinstance(item, Clause):
            continue
        label = ctx.label(node)
        for note in item.notes:
            yield from _provision_in(note, word("note", label=label), ctx.where(item.id, "notes"), item.id)
        for example in item.examples:
            yield from _provision_in(example, word("example", label=label),
                                     ctx.where(item.id, "examples"), item.id)


def _provision_in(text: str, place: Arg, where: Position, owner: str | None) -> Iterator[Finding]:
    for hit in scan(text):
        if hit.word in CORE_WORDS or hit.kind in _DEPRECATED:
            yield Finding("L111", where, {"place": place, "word": hit.word,
                                          "excerpt": excerpt(text, hit.start, hit.end)}, owner)
            return
