"""Blocks of a GB/T 1.1 document → the data of a clause set (plain dicts, as the YAML files hold them).

The parser walks the document once: cover, 目次 (skipped), 前言 (metadata sentences), 引言, the body
(chapters 1–3 go to standard.yaml and terms, chapters 4 … to clauses), annexes and 参考文献. Numbers
printed in the source become IDs (code + number) and ``source.clause``. A block it cannot place is
reported, never dropped silently.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..artifacts.standard.wording import DEFAULT_ORDER, MISSING, MISSING_CHAPTER, MISSING_CLAUSE
from ..i18n import Phrase, phrase
from ..lint.forms import scan
from ..model import ProvisionType
from .blocks import Block, bare, tidy

SP = r"[\s\u3000]"
NUMBERED = re.compile(rf"^(\d{{1,2}}(?:\.\d{{1,2}})*){SP}*(.*)$")
ANNEX_NUMBERED = re.compile(rf"^([A-Z](?:\.\d{{1,2}})+){SP}*(.*)$")
ANNEX_LABEL = re.compile(rf"^附录{SP}*([A-Z])(?:{SP}*[（(](规范性|资料性)(?:附录)?[）)])?{SP}*(.*)$")
ANNEX_KIND = re.compile(r"^[（(](规范性|资料性)(?:附录)?[）)]$")
TERM_NUMBER = re.compile(r"^3\.\d{1,2}$")
DASH_ITEM = re.compile(r"^(?:——|—|--)\s*(.+)$")
LETTER_ITEM = re.compile(r"^([a-z])[)）]\s*(.+)$")
NUMBER_ITEM = re.compile(r"^(\d{1,2})[)）]\s*(.+)$")
BULLET_ITEM = re.compile(r"^[·•]\s*(.+)$")
CIRCLED_ITEM = re.compile(r"^([\u2460-\u2473])\s*(.+)$")  # ① … ⑳
PAREN_ITEM = re.compile(r"^（(\d{1,2})）\s*(.+)$")
NOTE = re.compile(rf"^注{SP}*(\d*){SP}*[:：]{SP}*(.*)$")
EXAMPLE = re.compile(rf"^示例{SP}*(\d*){SP}*[:：]?{SP}*(.*)$")
FIGURE_CAPTION = re.compile(rf"^图{SP}*[A-Z]?\.?\d{{1,2}}(?:{SP}|$)")
TABLE_CAPTION = re.compile(rf"^表{SP}*([A-Z]?\.?\d{{1,2}}){SP}*(.*)$")
BIB_ENTRY = re.compile(rf"^\[(\d+)\]{SP}*(.+)$")
REFERENCE = re.compile(
    rf"^((?:GB|DB|JJF|JJG|[A-Z]{{2,4}})(?:/[TZ])?{SP}?[\dA-Z][\d.A-Z]*(?:[—\-–]\d{{4}})?(?:（所有部分）)?){SP}+(.+)$")
DATE = re.compile(rf"(\d{{4}}){SP}*[-—]{SP}*(\d{{1,2}}){SP}*[-—]{SP}*(\d{{1,2}}){SP}*(发布|实施)")
STD_NUMBER = re.compile(r"(DB\s?\d{2,6}/T\s*\d+(?:\.\d+)?\s*[—\-–]\s*\d{4}|DB\s?\d{2,6}/T\s*X+\s*[—\-–]\s*\d{4})")
END_PUNCT = ("。", "；", ";", "：", ":", "！", "？")
FIXED_LEADS = ("下列文件", "本文件没有规范性引用文件", "本标准没有规范性引用文件")
NO_TERMS = ("本文件没有需要界定的术语和定义", "本标准没有需要界定的术语和定义")
NOTICES = ("（来源文本至此中断，其后内容缺失。）",)


@dataclass
class Problem:
    where: str  # line N, page N, paragraph N, cover, term N
    what: str
    why: Phrase


@dataclass
class Parsed:
    standard: dict[str, Any]
    terms: list[dict[str, Any]] = field(default_factory=list)
    clauses: list[dict[str, Any]] = field(default_factory=list)
    annexes: list[dict[str, Any]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def guess_type(texts: list[str]) -> str:
    """The provision type the verbal forms say (GB/T 1.1 Annex C): the first 应/宜/可 decides."""
    for text in texts:
        for hit in scan(text):
            if hit.kind in {"requirement", "must", "shall-not-2009", "prohibition"}:
                return ProvisionType.requirement.value
            if hit.kind == "recommendation":
                return ProvisionType.recommendation.value
            if hit.kind in {"permission", "may-not"}:
                return ProvisionType.permission.value
    return ProvisionType.statement.value


def split_units(text: str) -> list[str]:
    """Names listed with 、 (a 、 inside brackets belongs to the name)."""
    parts, depth, current = [], 0, ""
    for ch in text.strip().rstrip("。"):
        depth += (ch in "（(《" and 1) or 0
        depth -= (ch in "）)》" and 1) or 0
        if ch == "、" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


class Parser:
    def __init__(self, blocks: list[Block], code: str, document: str) -> None:
        self.blocks = [b for b in blocks if b.is_table or tidy(b.text)]
        self.code = code
        self.document = document
        self.pos = 0
        self.out = Parsed(standard={"code": code})
        self.cover: dict[str, Any] = {}
        self.nodes: dict[str, dict[str, Any]] = {}  # printed number → clause/annex dict
        self.current: dict[str, Any] | None = None
        self.last_items: list[Any] | None = None
        self.tables = 0

    # -- helpers ---------------------------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Block | None:
        i = self.pos + ahead
        return self.blocks[i] if i < len(self.blocks) else None

    def unplaced(self, block: Block, why: Phrase) -> None:
        what = "table" if block.is_table else tidy(block.text)[:60]
        self.out.problems.append(Problem(block.where, what, why))

    def source(self, number: str) -> dict[str, str]:
        return {"document": self.document, "clause": number}

    # -- the document ----------------------------------------------------------------------------
    def run(self) -> Parsed:
        self.parse_cover()
        self.skip_toc()
        self.parse_front()
        self.parse_body()
        self.finish_standard()
        return self.out

    def parse_cover(self) -> None:
        std = self.out.standard
        title: list[str] = []
        while (block := self.peek()) is not None:
            text = tidy(block.text)
            flat = bare(text)
            if flat in {"目次", "前言"} or block.role in {"toc-title", "front-title", "doc-title"}:
                break
            if _is_chapter_one(block):
                break
            self.pos += 1
            if block.is_table:
                self.unplaced(block, phrase("import-cover-table"))
                continue
            if m := re.match(r"^ICS\s*(.+)$", text):
                std["ics"] = m.group(1).strip()
            elif m := re.match(r"^CCS\s*(.+)$", text):
                std["ccs"] = m.group(1).strip()
            elif "ics" in std and "ccs" not in std and re.fullmatch(r"[A-Z]\s?\d{2}", text):
                std["ccs"] = text  # printed without its label
            elif m := re.match(r"^备案号[:：]\s*(.+)$", text):
                std["filing_number"] = m.group(1).strip()
            elif re.fullmatch(r"DB\s?\d{2,6}", text):
                std["mark"] = text.replace(" ", "")
            elif flat.endswith("地方标准") and len(flat) <= 16:
                std["banner"] = flat
            elif m := STD_NUMBER.fullmatch(text):
                std["number"] = _normal_number(m.group(1))
                title.clear()  # the title follows the number; what came before is no title
            elif (m := STD_NUMBER.search(text)) and "number" not in std:
                std["number"] = _normal_number(m.group(1))
            elif m := re.match(r"^代替\s*(.+)$", text):
                std["replaces"] = split_units(m.group(1))
            elif DATE.search(text):
                for y, mo, d, what in DATE.findall(text):
                    std["issued" if what == "发布" else "implemented"] = dt.date(int(y), int(mo), int(d))
                rest = bare(DATE.sub("", text))
                if rest.endswith("发布") and len(rest) > 2:
                    std["issuer"] = rest[:-2]
            elif flat.endswith("发布") and len(flat) > 2:
                std["issuer"] = flat[:-2]
            elif flat in {"（试行）", "(试行)"}:
                std["status"] = "trial"
            elif "征求意见稿" in flat:
                std["status"] = "draft"
            elif flat == "（来源文本不完整）":
                std["complete"] = False
            elif re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.:;'()\-–—/&]+", text) and re.search(r"[a-z]{3}", text):
                std.setdefault("title", {})["en"] = text
            elif re.search(r"[\u4e00-\u9fff]", text) and len(flat) <= 60:
                title.append(text)
            else:
                self.unplaced(block, phrase("import-cover-text"))
        # a cover without 地方标准 / 发布 (a normative document): banner above the title, issuer below it
        if "banner" not in std and len(title) >= 2:
            std["banner"] = bare(title.pop(0))
        if "issuer" not in std and len(title) >= 2:
            std["issuer"] = bare(title.pop())
        if title:
            std.setdefault("title", {})["zh"] = re.sub(r"\s+", "\u3000", "".join(title).strip())

    def skip_toc(self) -> None:
        block = self.peek()
        if block is None or not (bare(block.text) == "目次" or block.role == "toc-title"):
            return
        self.pos += 1
        while (block := self.peek()) is not None:
            flat = bare(block.text)
            if block.role in {"toc-1", "toc-2"} or re.search(r"(\.{4,}|…{2,}|\t)\s*[IVXivx\d]+$", block.text):
                self.pos += 1
                continue
            if flat in {"目次"}:
                self.pos += 1
                continue
            break

    def parse_front(self) -> None:
        while (block := self.peek()) is not None:
            flat = bare(block.text)
            if flat == "前言":
                self.pos += 1
                self.parse_foreword()
            elif flat == "引言":
                self.pos += 1
                self.out.standard["introduction"] = self.paragraphs_until_body()
            else:
                return

    def paragraphs_until_body(self) -> list[str]:
        texts: list[str] = []
        while (block := self.peek()) is not None:
            if bare(block.text) in {"引言", "前言"} or _is_chapter_one(block) or block.role == "doc-title" \
                    or self.is_doc_title(block):
                break
            self.pos += 1
            if block.is_table:
                self.unplaced(block, phrase("import-foreword-table"))
            else:
                texts.append(tidy(block.text))
        return texts

    def is_doc_title(self, block: Block) -> bool:
        """The title line above chapter 1 (the body's first line)."""
        after = self.peek(1)
        return after is not None and _is_chapter_one(after) and not NUMBERED.match(tidy(block.text))

    def parse_foreword(self) -> None:
        std = self.out.standard
        extra: list[str] = []
        order: list[str] = []
        std["patent_notice"] = False
        for sentence in self.paragraphs_until_body():
            part = self.foreword_sentence(sentence)
            if part == "foreword":
                extra.append(sentence)
            if part and part not in order:
                order.append(part)
        if extra:
            std["foreword"] = extra
        if order != [p for p in DEFAULT_ORDER if p in order]:
            std["foreword_order"] = order  # the source does not follow GB/T 1.1's order: keep its own

    def foreword_sentence(self, sentence: str) -> str | None:
        """Take the metadata a 前言 sentence gives; return which part of the 前言 it is."""
        std = self.out.standard
        me = r"^本(?:标准|文件)"
        if m := re.search(r"按照\s*GB/T\s*1\.1\s*[-—–]\s*(2009|2020)", sentence):
            std["edition"] = m.group(1)
            return "drafted"
        if "规定的结构编排" in sentence:
            return "drafted"  # stdgen's own sentence for a normative document
        if "可能涉及专利" in sentence:
            std["patent_notice"] = True
            return "patent"
        if "来源文本不完整" in sentence:
            std["complete"] = False
            return "incomplete"
        if m := re.match(me + r"代替(.+?)。?$", sentence):
            std["replaces"] = split_units(m.group(1))
            return "replaces"
        if m := re.match(me + r"由(.+?)提出并归口。?$", sentence):
            std["proposer"] = split_units(m.group(1))
            std["administered_by"] = split_units(m.group(1))
            return "proposer"
        for key, pattern in (("proposer", r"由(.+?)提出。?$"), ("administered_by", r"由(.+?)归口。?$"),
                             ("lead_drafting_units", r"负责起草单位[:：](.+?)。?$"),
                             ("participating_units", r"参与起草单位[:：](.+?)。?$"),
                             ("drafting_units", r"(?:主要)?起草单位[:：](.+?)。?$"),
                             ("drafters", r"主要起草人[:：](.+?)。?$")):
            if m := re.match(me + pattern, sentence):
                std[key] = split_units(m.group(1))
                return key
        return "foreword"

    # -- body ------------------------------------------------------------------------------------
    def parse_body(self) -> None:
        chapter = 0
        section = "front"
        while (block := self.peek()) is not None:
            self.pos += 1
            text = tidy(block.text)
            flat = bare(text)
            if section == "front":
                if _is_chapter_one(block):
                    section, chapter = "scope", 1
                elif block.role == "doc-title" or self.at_chapter_one():
                    title = self.out.standard.setdefault("title", {})
                    title.setdefault("zh", text)
                else:
                    self.unplaced(block, phrase("import-before-scope"))
                continue
            if text in NOTICES:
                self.out.standard["complete"] = False
                continue
            if text in MISSING.values():  # the source lost chapter 1, 2 or 3 (a set with complete: false)
                self.mark_missing(next(k for k, v in MISSING.items() if v == text))
                continue
            if flat == "参考文献" or block.role == "bib-title":
                section = "bibliography"
                continue
            if (m := ANNEX_LABEL.match(text)) and not block.is_table:
                section = "annex"
                self.start_annex(m.group(1), m.group(2), m.group(3), block)
                continue
            if section != "annex" and (m := NUMBERED.match(text)) and "." not in m.group(1) \
                    and int(m.group(1)) == chapter + 1 and self.looks_like_heading(block, m.group(2)):
                chapter += 1
                section = {2: "references", 3: "terms"}.get(chapter, "clauses")
                if chapter >= 4:
                    self.start_clause(m.group(1), m.group(2), block, titled=True)
                continue
            handler = getattr(self, f"in_{section}")
            handler(block, text)

    def mark_missing(self, part: str) -> None:
        std = self.out.standard
        std["complete"] = False
        std.setdefault("missing", []).append(part)

    def at_chapter_one(self) -> bool:
        after = self.peek()
        return after is not None and _is_chapter_one(after)

    def looks_like_heading(self, block: Block, rest: str) -> bool:
        if block.role is not None:
            return block.role == "chapter"
        if block.heading is not None:
            return block.heading
        return _title_like(rest)

    def in_scope(self, block: Block, text: str) -> None:
        if block.is_table:
            self.unplaced(block, phrase("import-scope-table"))
            return
        self.out.standard.setdefault("scope", []).append(text)

    def in_references(self, block: Block, text: str) -> None:
        if text.startswith(FIXED_LEADS):
            return
        several = re.split(rf"{SP}+(?=(?:GB|DB|JJF|JJG)[/A-Z]*{SP}?\d)", text)
        if len(several) > 1 and all(REFERENCE.match(part) for part in several):  # a flattened list
            for part in several:
                self.in_references(block, part)
            return
        if (m := REFERENCE.match(text)) and not block.is_table:
            self.out.standard.setdefault("normative_references", []).append(
                {"number": m.group(1).strip(), "title": m.group(2).strip()})
        else:
            self.unplaced(block, phrase("import-references-text"))

    def in_terms(self, block: Block, text: str) -> None:
        terms = self.out.terms
        if block.is_table:
            self.unplaced(block, phrase("import-terms-table"))
        elif TERM_NUMBER.match(text) or block.role == "term-number":
            terms.append({"id": f"{self.code}-{text}", "_number": text})
        elif not terms:
            if text.startswith(NO_TERMS) or text == "下列术语和定义适用于本文件。":
                return
            if m := re.match(r"^(.+?)界定的以及下列术语和定义适用于本(?:文件|标准)。?$", text):
                self.out.standard["terms_from"] = [p.strip() for p in re.split(r"\s*和\s*", m.group(1)) if p.strip()]
            else:
                self.unplaced(block, phrase("import-terms-text"))
        elif "term" not in terms[-1]:
            name, english = _term_name(text)
            terms[-1]["term"] = name
            if english:
                terms[-1]["en"] = english
        elif m := NOTE.match(text):
            terms[-1].setdefault("notes", []).append(m.group(2))
        elif "definition" not in terms[-1]:
            terms[-1]["definition"] = text
        else:
            terms[-1]["definition"] += text
            self.out.problems.append(Problem(block.where, text[:60],
                                             phrase("import-second-definition")))

    def in_clauses(self, block: Block, text: str) -> None:
        self.in_node(block, text, NUMBERED)

    def in_annex(self, block: Block, text: str) -> None:
        self.in_node(block, text, ANNEX_NUMBERED)

    def in_bibliography(self, block: Block, text: str) -> None:
        if m := BIB_ENTRY.match(text):
            self.out.standard.setdefault("bibliography", []).append(m.group(2).strip())
        else:
            self.unplaced(block, phrase("import-bibliography-text"))

    def in_node(self, block: Block, text: str, numbered: re.Pattern[str]) -> None:
        m = numbered.match(text)
        if m and "." in m.group(1) and self.fits(m.group(1)) and not block.is_table:
            titled = self.is_titled(block, m.group(2))
            self.start_clause(m.group(1), m.group(2), block, titled)
            return
        node = self.current
        if node is None:
            self.unplaced(block, phrase("import-before-body"))
            return
        if block.is_table:
            self.add_table(node, block)
        elif text in (MISSING_CHAPTER, MISSING_CLAUSE):
            node["missing"] = True
            self.out.standard["complete"] = False
        elif block.role == "annex-kind" or ANNEX_KIND.match(text):
            node["normative"] = "规范性" in text
        elif block.role == "annex-title" or (node.get("_annex") and "title" not in node):
            node["title"] = text
        elif m := TABLE_CAPTION.match(text):
            node["_caption"] = (m.group(1), m.group(2))
        elif FIGURE_CAPTION.match(text):
            self.unplaced(block, phrase("import-figure"))
        elif (m := NOTE.match(text)) or block.role == "note":
            node.setdefault("notes", []).append(m.group(2) if m else text)
        elif (m := EXAMPLE.match(text)) or block.role == "example":
            node.setdefault("examples", []).append(m.group(2) if m else text)
        elif self.add_item(node, block, text):
            pass
        else:
            if node.get("items"):
                self.out.problems.append(Problem(block.where, text[:60],
                                                 phrase("import-after-list")))
            node.setdefault("_text", []).append(text)

    def fits(self, number: str) -> bool:
        """A clause number under the current chapter or annex (else it is text that starts with a number)."""
        return self.parent_of(number) is not None and self.current is not None and \
            self.current["source"]["clause"].removeprefix("附录").split(".")[0] == number.split(".")[0]

    def parent_of(self, number: str) -> str | None:
        """The nearest printed ancestor: 6.1 for 6.1.2, or A.2 for A.2.1.1 when the source skips A.2.1."""
        parts = number.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            prefix = ".".join(parts[:cut])
            if prefix in self.nodes:
                return prefix
        return None

    def is_titled(self, block: Block, rest: str) -> bool:
        if block.role is not None:
            return block.role.startswith("clause-")
        if block.heading is not None:
            return block.heading
        return _title_like(rest)

    def add_item(self, node: dict[str, Any], block: Block, text: str) -> bool:
        style = node.get("list_style")
        for pattern, kind in ((DASH_ITEM, "dash"), (LETTER_ITEM, "letter"), (NUMBER_ITEM, "number"),
                              (CIRCLED_ITEM, "circled"), (PAREN_ITEM, "paren"), (BULLET_ITEM, "bullet")):
            m = pattern.match(text)
            if not m:
                continue
            item = m.group(m.lastindex or 1)
            items = node.setdefault("items", [])
            nested = kind == "bullet" or (style == "letter" and kind in ("number", "circled", "paren")) \
                or block.role == "list-2"
            if nested and items:
                last = items[-1]
                if isinstance(last, str):
                    items[-1] = last = {"text": last, "items": []}
                last["items"].append({"text": item})
                if kind != ("number" if style == "letter" else "bullet"):
                    last["list_style"] = kind  # the sub-list numbered as the source numbers it
            elif kind == "bullet":
                return False
            else:
                node["list_style"] = kind
                items.append(item)
            return True
        return False

    def add_table(self, node: dict[str, Any], block: Block) -> None:
        number, caption = node.pop("_caption", ("", ""))
        if "table" in node:
            self.unplaced(block, phrase("import-second-table"))
            return
        self.tables += 1
        rows = [[tidy(c) for c in row] for row in block.rows]
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        table: dict[str, Any] = {"id": f"{self.code}-T{number or self.tables}", "caption": caption or "表"}
        if block.role == "table-header" or (len(rows) > 1 and block.heading):
            table["header"] = rows.pop(0)
        table["rows"] = rows
        node["table"] = table

    def start_clause(self, number: str, rest: str, block: Block, titled: bool) -> None:
        clause: dict[str, Any] = {"id": f"{self.code}-{number}"}
        cut = re.fullmatch(r"(.+?)……" + re.escape(MISSING_CLAUSE), rest)
        if cut:  # a title cut off in the source, printed as text: "5.2　专……（来源文本中本条内容缺失。）"
            clause["title"], clause["missing"] = cut.group(1), True
            self.out.standard["complete"] = False
        elif titled:
            clause["title"] = rest
        elif rest:
            clause["_text"] = [rest]
        clause["source"] = self.source(number)
        parent_number = self.parent_of(number) if "." in number else None
        if parent_number is None:
            self.out.clauses.append(clause)
        else:
            self.nodes[parent_number].setdefault("clauses", []).append(clause)
        self.nodes[number] = clause
        self.current = clause

    def start_annex(self, letter: str, kind: str | None, title: str, block: Block) -> None:
        annex: dict[str, Any] = {"id": f"{self.code}-{letter}", "_annex": True}
        if kind:
            annex["normative"] = kind == "规范性"
        if title:
            annex["title"] = title
        annex["source"] = self.source(f"附录{letter}")
        self.out.annexes.append(annex)
        self.nodes[letter] = annex
        self.current = annex

    # -- finishing -------------------------------------------------------------------------------
    def finish_standard(self) -> None:
        std = self.out.standard
        number = std.get("number")
        std["kind"] = "local-standard" if number or "banner" in std else "normative-document"
        if "banner" not in std:
            std["banner"] = std.get("issuer", self.document)
            self.out.problems.append(Problem("cover", "banner", phrase("import-no-banner")))
        if "issuer" not in std:
            std["issuer"] = std["banner"]
            self.out.problems.append(Problem("cover", "issuer", phrase("import-no-issuer")))
        if "title" not in std or "zh" not in std["title"]:
            std.setdefault("title", {})["zh"] = self.document
            self.out.problems.append(Problem("cover", "title", phrase("import-no-title")))
        if std.get("status") == "draft" or (number and "X" in number):
            std["status"] = "draft"
        printed_as = number or std["title"]["zh"]
        cleaning = sorted({b.cleaned for b in self.blocks if b.cleaned})
        std["source"] = {"document": printed_as,
                         "note": "; ".join([f"imported by stdgen from {self.document}", *cleaning])}
        self.document = printed_as  # every clause's source is the document itself: its printed numbers stand
        for term in self.out.terms:
            number = term.pop("_number")
            term["source"] = self.source(number)
            for key in ("term", "definition"):
                if key not in term:
                    term[key] = "（缺失）"
                    self.out.problems.append(Problem(f"term {number}", key, phrase("import-term-lacks", key=key)))
        for top in (*self.out.clauses, *self.out.annexes):
            _finish_node(top, printed_as)
        for annex in self.out.annexes:
            annex.pop("_annex", None)
            annex.setdefault("title", "（缺失）")


def _finish_node(node: dict[str, Any], document: str) -> None:
    texts = node.pop("_text", [])
    node["source"]["document"] = document
    node.pop("_caption", None)
    ordered: dict[str, Any] = {"id": node.pop("id")}
    if "title" in node:
        ordered["title"] = node.pop("title")
    if "normative" in node:
        ordered["normative"] = node.pop("normative")
    items = node.get("items", [])
    if not node.get("_annex"):
        flat_items = [i if isinstance(i, str) else i["text"] for i in items]
        kind = guess_type([*texts, *flat_items])
        if kind != "statement":
            ordered["type"] = kind
    if texts:
        ordered["text"] = texts[0] if len(texts) == 1 else texts
    ordered.update(node)
    node.clear()
    node.update(ordered)
    if node.get("list_style") == "dash":
        del node["list_style"]
    for child in node.get("clauses", []):
        _finish_node(child, document)
    # the source key last, after the content, as the bundled sets write it
    if "source" in node:
        node["source"] = node.pop("source")
    if "clauses" in node:
        node["clauses"] = node.pop("clauses")


def _title_like(text: str) -> bool:
    """A heading's words: short, no sentence punctuation (a sentence is an untitled clause's text)."""
    return bool(text) and len(text) <= 30 and not text.endswith(END_PUNCT) and re.search(r"[。！？；!?;]", text) is None


def _term_name(text: str) -> tuple[str, str | None]:
    """A term line: the Chinese term, then its English equivalent (after U+3000 or a space)."""
    m = re.match(r"^(.*?[\u4e00-\u9fff）)])[\s\u3000;；]+([A-Za-z][A-Za-z0-9 ,;'()\-–/]*)$", text)
    if m:
        return m.group(1).strip(), m.group(2).strip()
    return text.strip(), None


def _is_chapter_one(block: Block) -> bool:
    return re.fullmatch(rf"1{SP}*范围", tidy(block.text)) is not None


def _normal_number(text: str) -> str:
    """``DB 4108/T 6-2020`` → ``DB4108/T 6—2020`` (GB/T 1.1 writes the year after an em dash)."""
    m = re.match(r"DB\s?(\d+)/T\s*(\S+?)\s*[—\-–]\s*(\d{4})", text)
    return f"DB{m.group(1)}/T {m.group(2)}—{m.group(3)}" if m else text


def parse(blocks: list[Block], code: str, document: str) -> Parsed:
    return Parser(blocks, code, document).run()
