"""Validated data model of a clause set. Pure data: no I/O happens here.

Field names are the YAML keys. Every model forbids unknown keys so that a typo
in a clause file is reported (with a did-you-mean hint) instead of ignored.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

ClauseId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]*(-[A-Za-z0-9.]+)+$", max_length=40)]
"""Stable clause identifier: a set prefix, a dash, then letters/digits/dots, e.g. ``QC-10.4``."""

def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must hold text, not only spaces")
    return text


Text = Annotated[str, StringConstraints(min_length=1), AfterValidator(_not_blank)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ProvisionType(StrEnum):
    """GB/T 1.1—2020 Annex C provision types."""

    requirement = "requirement"  # 要求: 应 / 不应
    recommendation = "recommendation"  # 推荐: 宜 / 不宜
    permission = "permission"  # 允许: 可 / 不必
    statement = "statement"  # 陈述: 是, 为, 由, 能, 可能 …
    instruction = "instruction"  # 指示: imperative sentence

    @property
    def zh(self) -> str:
        return {"requirement": "要求", "recommendation": "推荐", "permission": "允许",
                "statement": "陈述", "instruction": "指示"}[self.value]


Scope = Literal["all-staff", "window", "hotline", "hall", "management", "supervision", "citizen"]
"""Who or where a provision applies to."""


class ForbiddenPhrase(Strict):
    text: Text
    context: str | None = None  # when it must not be said, as the source gives it (its condition)
    instead: str | None = None  # what to say instead; None: the source gives none (lint L303)
    rule: bool = False  # the source states a rule (其他有损人格…的语言), not words: never quoted


class PhraseGroup(Strict):
    """Phrases of one service scenario (问候, 受理, 服务忌语 …) as the set names it."""

    scenario: Text
    context: str | None = None  # when the recommended phrases are said, as the source gives it (工作出现差错时)
    recommended: list[Text] = []
    forbidden: list[ForbiddenPhrase] = []


class Check(Strict):
    method: list[Literal["查看", "询问", "观察", "暗访", "电子监察", "测试", "回访"]] = ["观察"]
    passes: str | None = None  # what counts as 符合
    points: float = Field(default=1, ge=0)


class Source(Strict):
    document: Text  # e.g. "DB34/T 3395—2019" or a seed file name
    clause: str | None = None  # original clause/article number, e.g. "A.1.1.3" or "第52条"
    script: Literal["simplified", "traditional"] = "simplified"
    note: str | None = None  # how the text was cleaned, when it was


class Suppression(Strict):
    code: Text
    reason: Text


ListStyle = Literal["dash", "letter", "number", "circled", "paren"]
"""Level-1 markers: ——, a) b), 1) 2), ① ②, （1） （2）. Level 2 uses 1) 2) under letters, · otherwise,
unless the item names its sub-list's style (a source that numbers its steps ① ② keeps them)."""


class ListItem(Strict):
    text: Text
    items: list[ListItem] = []
    list_style: ListStyle | None = None  # markers of the sub-list `items`; None: as GB/T 1.1 nests


class Table(Strict):
    id: ClauseId
    caption: Text
    header: list[str] = []
    rows: list[list[str]]


class Figure(Strict):
    """图: an image file inside the set folder (PNG, JPEG or SVG), its caption printed below it."""

    id: ClauseId
    caption: Text
    file: Text  # path relative to the set folder, e.g. figures/flow.svg
    width_mm: float | None = Field(default=None, gt=0, le=170)  # printed width; default: natural, at most 150 mm


class Clause(Strict):
    id: ClauseId
    title: Text | None = None
    type: ProvisionType = ProvisionType.statement
    text: Text | list[Text] | None = None
    items: list[Text | ListItem] = []  # a list after the text
    list_style: ListStyle = "dash"
    table: Table | None = None
    figure: Figure | None = None
    form: ClauseId | None = None  # a form of the set shown here as a table
    uses_forms: list[ClauseId] = []  # forms this clause relies on; each form names it back
    notes: list[Text] = []
    examples: list[Text] = []
    clauses: list[Clause] = []
    scope: list[Scope] = ["all-staff"]
    phrases: list[PhraseGroup] = []
    check: Check | None = None
    source: Source | None = None
    related: list[ClauseId] = []
    suppress: list[Suppression] = []
    missing: bool = False  # the source is cut off here: this chapter's or clause's text is not available

    @property
    def paragraphs(self) -> list[str]:
        if self.text is None:
            return []
        return [self.text] if isinstance(self.text, str) else list(self.text)


class Annex(Strict):
    id: ClauseId
    title: Text
    normative: bool = False  # 规范性 when true, 资料性 otherwise
    text: Text | list[Text] | None = None
    table: Table | None = None
    figure: Figure | None = None
    form: ClauseId | None = None
    clauses: list[Clause] = []
    source: Source | None = None

    @property
    def paragraphs(self) -> list[str]:
        if self.text is None:
            return []
        return [self.text] if isinstance(self.text, str) else list(self.text)


class Term(Strict):
    id: ClauseId
    term: Text
    en: str | None = None
    definition: Text
    notes: list[Text] = []
    source: Source | None = None


class Reference(Strict):
    number: Text  # e.g. "GB/T 32169.1"
    title: Text


FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
"""A fillable field's name: the AcroForm field, the content control's tag, the HTML input's name."""

FieldKind = Literal["text", "multiline", "date", "time", "phone", "id-card", "checkbox", "choice",
                    "signature", "seal"]
"""What a field is: it decides what the blank prints (年　月　日, 18 boxes, □是　□否 …) and how it is filled."""


class FormField(Strict):
    """A field of a form. Grid cells may define their field in place (``field:`` and ``kind:``);
    blanks inside text (``［field:name］``) name a field defined here."""

    name: FieldName
    kind: FieldKind = "text"
    label: str | None = None  # what the field asks for, when the text around it does not say
    required: bool = False
    lines: int = Field(default=1, ge=1, le=20)  # multiline: ruled lines to write on
    options: list[Text] = []  # choice: the options (default 是, 否)
    width: int = Field(default=0, ge=0, le=40)  # blank width in characters inside text (0: by kind)


class FormCell(Strict):
    label: str | None = None  # printed text
    text: str | None = None  # printed text with blanks ［field:name］; a line break starts a new line
    field: FieldName | None = None  # a fillable field defined here
    kind: FieldKind = "text"
    required: bool = False
    lines: int = Field(default=1, ge=1, le=20)
    options: list[Text] = []
    colspan: int = Field(default=1, ge=1, le=12)
    rowspan: int = Field(default=1, ge=1, le=12)
    align: Literal["left", "center", "right"] = "left"


class TickItem(Strict):
    """A numbered item with a box to tick (e.g. a missing document)."""

    field: FieldName  # a checkbox
    text: Text  # may hold blanks


class LetterBlock(Strict):
    """A paragraph of a letter form (blanks inside the text), or a list of items to tick."""

    text: str | None = None
    items: list[TickItem] = []
    align: Literal["indent", "left", "right", "center"] = "indent"


class LetterPart(Strict):
    title: str | None = None  # 回执, 存根 for a tear-off part
    body: list[LetterBlock] = []
    signature: list[str] = []  # right-aligned lines: （盖章）, 经办人：［field:clerk］, ［field:signed_on］


class Form(Strict):
    """A grid form (``columns`` + ``rows``) or a letter form (``body``), optionally with a tear-off part."""

    id: ClauseId
    title: Text
    number: str | None = None  # a printed document number line, e.g. 编号：［field:doc_no］
    fields: list[FormField] = []
    columns: int | None = Field(default=None, ge=1, le=12)
    rows: list[list[FormCell]] = []
    body: list[LetterBlock] = []
    signature: list[str] = []
    tear_off: LetterPart | None = None  # printed after a cut line
    source: Source | None = None


ForewordPart = Literal["drafted", "replaces", "patent", "proposer", "administered_by", "drafting_units",
                       "lead_drafting_units", "participating_units", "drafters", "foreword", "incomplete"]
"""The sentences of a 前言: 本文件按照…起草, 代替, the patent notice, 提出, 归口, 起草单位, 负责起草单位,
参与起草单位, 主要起草人, the extra paragraphs (``foreword``), the incomplete-source notice."""


class Title(Strict):
    zh: Text
    en: str | None = None


def _title_shorthand(value: object) -> object:
    """``title: 政务服务…`` is the Chinese title alone."""
    return {"zh": value} if isinstance(value, str) else value


def _edition_text(value: object) -> object:
    """``edition: 2009`` unquoted is a YAML integer; the edition is the year as text."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


TitleField = Annotated[Title, BeforeValidator(_title_shorthand, json_schema_input_type=Title | Text)]
Edition = Annotated[Literal["2009", "2020"],
                    BeforeValidator(_edition_text, json_schema_input_type=Literal["2009", "2020", 2009, 2020])]


class Standard(Strict):
    """Metadata of one clause set (``standard.yaml``)."""

    code: Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9]*$")]
    number: str | None = None  # None for a normative document that is not a numbered standard
    kind: Literal["local-standard", "normative-document"] = "local-standard"
    banner: Text | None = None  # 安徽省地方标准 / 驻马店市政务服务和大数据管理局; None: the source names no issuer
    mark: str | None = None  # "DB34" shown top right of the cover
    title: TitleField
    ics: str | None = None
    ccs: str | None = None
    filing_number: str | None = None  # 备案号
    issued: dt.date | None = None
    implemented: dt.date | None = None
    issuer: Text | None = None  # the issuing body the source names; None when it names none (never a guess)
    proposer: list[Text] = []
    administered_by: list[Text] = []  # 归口单位
    drafting_units: list[Text] = []
    lead_drafting_units: list[Text] = []  # 负责起草单位 (GB/T 1.1—2009 前言)
    participating_units: list[Text] = []  # 参与起草单位
    drafters: list[Text] = []
    replaces: list[Text] = []
    edition: Edition = "2020"
    status: Literal["draft", "published", "trial"] = "published"
    complete: bool = True  # false when the source text is cut off
    missing: list[Literal["scope", "normative_references", "terms"]] = []  # only when complete: false
    patent_notice: bool = True
    foreword: list[Text] = []  # extra 前言 paragraphs, after the fixed sentences
    foreword_order: list[ForewordPart] = []  # the 前言 sentences in the source's order (default: GB/T 1.1's)
    suppress: list[Suppression] = []  # lint findings of standard.yaml silenced, each with a reason
    introduction: list[Text] = []  # 引言
    scope: list[Text] = []  # chapter 1 paragraphs; empty only when the source has none
    terms_from: list[Text] = []  # documents whose terms also apply (chapter 3 lead-in)
    normative_references: list[Reference] = []
    bibliography: list[Text] = []
    source: Source | None = None


class PhraseEdit(Strict):
    """Phrases of a clause changed by a variant: groups added, phrases (by text) removed."""

    add: list[PhraseGroup] = []
    remove: list[Text] = []  # a recommended phrase's text or a forbidden phrase's text


class CellEdit(Strict):
    """One table cell replaced: rows and columns count from 1, the header row not counted."""

    row: int = Field(ge=1)
    column: int = Field(ge=1)
    text: str


Place = Literal["before", "after", "inside"]
MODIFIABLE = ("title", "text", "type", "scope", "items", "notes", "phrases", "check", "cells")
"""Fields a ``modify`` operation may set (``cells`` edits the clause's table)."""


class Change(Strict):
    """One operation of a variant on its parent, keyed by clause ID, with the reason for it.

    Exactly one of remove / modify / add / move; add and move name one place (before, after or
    inside a clause, inside meaning as its last sub-clause)."""

    remove: ClauseId | None = None
    modify: ClauseId | None = None
    add: Clause | None = None
    move: ClauseId | None = None
    before: ClauseId | None = None
    after: ClauseId | None = None
    inside: ClauseId | None = None
    reason: Text
    summary: str | None = None  # the 前言 wording of the change (“增加了……”); generated when absent
    title: str | None = None
    text: Text | list[Text] | None = None
    type: ProvisionType | None = None
    scope: list[Scope] | None = None
    items: list[Text | ListItem] | None = None
    notes: list[Text] | None = None
    phrases: PhraseEdit | None = None
    check: Check | None = None
    cells: list[CellEdit] = []

    @property
    def kind(self) -> Literal["remove", "modify", "add", "move"] | None:
        kinds = self.kinds
        return kinds[0] if len(kinds) == 1 else None

    @property
    def kinds(self) -> list[Literal["remove", "modify", "add", "move"]]:
        found: list[Literal["remove", "modify", "add", "move"]] = []
        for name in ("remove", "modify", "add", "move"):
            if getattr(self, name) is not None:
                found.append(name)
        return found

    @property
    def target(self) -> str:
        """The ID the operation is about (the new clause's for add)."""
        if self.add is not None:
            return self.add.id
        return self.remove or self.modify or self.move or ""

    @property
    def place(self) -> tuple[Place, str] | None:
        places = [(name, ident) for name, ident in (("before", self.before), ("after", self.after),
                                                      ("inside", self.inside)) if ident is not None]
        return places[0] if len(places) == 1 else None  # type: ignore[return-value]

    @property
    def fields(self) -> list[str]:
        """The modified fields, in MODIFIABLE order."""
        return [name for name in MODIFIABLE if getattr(self, name) not in (None, [])]


class ClauseSet(Strict):
    """One standard: metadata plus its content, as loaded from a folder.

    A variant (``extends``) holds its parent's content with its ``changes`` applied."""

    name: str  # folder name
    standard: Standard
    extends: str | None = None  # parent set (folder name) of a variant or revision
    changes: list[Change] = []  # the operations that made it from the parent, in file order
    terms: list[Term] = []
    clauses: list[Clause] = []  # technical chapters (4 … n), in document order
    annexes: list[Annex] = []
    forms: list[Form] = []
