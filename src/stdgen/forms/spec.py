"""What a form definition means: its fields, the blanks in its text, the cells of its grid.

A blank is written ``［field:NAME］`` (full-width brackets) inside printed text. It is data: the
text is split at blanks and never evaluated as a template, so a brace, a percent sign or
``{{ }}`` in a form's text is printed as it is.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..i18n import Message, msg
from ..model import FieldKind, Form, FormCell, FormField, LetterBlock

BLANK = re.compile(r"［field:([^］]*)］")
DEFAULT_OPTIONS = ("是", "否")
DATE_TEXT = "年\u3000\u3000月\u3000\u3000日"  # the printed date blank
TIME_TEXT = "时\u3000\u3000分"
IDENTITY = "stdgen-form"  # first word of a form file's keywords: stdgen-form <set> <form id> <form version>
TEXT_KINDS = {"text", "phone", "signature", "date", "time", "id-card", "seal"}  # filled as one line of text


@dataclass(frozen=True)
class Blank:
    name: str


def form_version(form: Form) -> str:
    """12 hex digits of the SHA-256 of the form's definition: a filled file names the version it was made from."""
    data = json.dumps(form.model_dump(mode="json", exclude={"source"}), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:12]


def split_blanks(text: str) -> list[str | Blank]:
    """Text and blanks in order (empty text pieces dropped)."""
    parts: list[str | Blank] = []
    last = 0
    for match in BLANK.finditer(text):
        if match.start() > last:
            parts.append(text[last:match.start()])
        parts.append(Blank(match.group(1)))
        last = match.end()
    if last < len(text):
        parts.append(text[last:])
    return parts


def blanks(text: str | None) -> list[str]:
    return [m.group(1) for m in BLANK.finditer(text or "")]


def cell_field(cell: FormCell) -> FormField | None:
    """The field a grid cell defines in place."""
    if cell.field is None:
        return None
    return FormField(name=cell.field, kind=cell.kind, label=(cell.label or "").rstrip("：:") or None,
                     required=cell.required, lines=cell.lines, options=cell.options)


def defined_fields(form: Form) -> Iterator[tuple[str, FormField]]:
    """(where, field) for every field definition, duplicates included, in document order;
    where is the dotted path of the definition inside the form."""
    for i, f in enumerate(form.fields):
        yield f"fields.{i}", f
    for r, row in enumerate(form.rows):
        for c, cell in enumerate(row):
            defined = cell_field(cell)
            if defined is not None:
                yield f"rows.{r}.{c}.field", defined
    for where, block in letter_blocks(form):
        for i, item in enumerate(block.items):
            yield f"{where}.items.{i}.field", FormField(name=item.field, kind="checkbox", label=item.text)


def fields(form: Form) -> dict[str, FormField]:
    """Every field of the form by name (the first definition of a duplicated name wins)."""
    found: dict[str, FormField] = {}
    for _, f in defined_fields(form):
        found.setdefault(f.name, f)
    return found


def letter_blocks(form: Form) -> Iterator[tuple[str, LetterBlock]]:
    for i, block in enumerate(form.body):
        yield f"body.{i}", block
    if form.tear_off is not None:
        for i, block in enumerate(form.tear_off.body):
            yield f"tear_off.body.{i}", block


def texts(form: Form) -> Iterator[tuple[str, str]]:
    """(where, text) of every printed text that may hold blanks."""
    if form.number:
        yield "number", form.number
    for r, row in enumerate(form.rows):
        for c, cell in enumerate(row):
            if cell.text:
                yield f"rows.{r}.{c}.text", cell.text
    for where, block in letter_blocks(form):
        if block.text:
            yield f"{where}.text", block.text
        for i, item in enumerate(block.items):
            yield f"{where}.items.{i}.text", item.text
    for i, line in enumerate(form.signature):
        yield f"signature.{i}", line
    if form.tear_off is not None:
        for i, line in enumerate(form.tear_off.signature):
            yield f"tear_off.signature.{i}", line


def options(f: FormField) -> tuple[str, ...]:
    return tuple(f.options) or DEFAULT_OPTIONS


def is_filled_as_text(kind: FieldKind) -> bool:
    return kind in TEXT_KINDS


@dataclass(frozen=True)
class Placed:
    row: int
    index: int  # position of the cell in its row
    col: int
    cell: FormCell


@dataclass(frozen=True)
class GridProblem:
    where: str  # dotted path inside the form
    text: Message


def place_cells(form: Form) -> tuple[list[Placed], list[GridProblem]]:
    """Put every cell at its column (HTML table rules: a cell takes the first free column of its
    row, left of it only cells spanning down from rows above); report what does not fit."""
    columns = form.columns or 0
    taken: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) → (row, index) of the cell there
    placed: list[Placed] = []
    problems: list[GridProblem] = []
    for r, row in enumerate(form.rows):
        col = 0
        for i, cell in enumerate(row):
            while (r, col) in taken:
                col += 1
            where = f"rows.{r}.{i}"
            cover = [(r + dr, col + dc) for dr in range(cell.rowspan) for dc in range(cell.colspan)]
            clash = next((taken[spot] for spot in cover if spot in taken), None)
            if clash is not None:
                problems.append(GridProblem(f"{where}.colspan" if cell.colspan > 1 else where,
                                            msg("K001", row=r + 1, cell=i + 1, other_row=clash[0] + 1,
                                                other_cell=clash[1] + 1)))
            elif col + cell.colspan > columns:
                problems.append(GridProblem(f"{where}.colspan" if cell.colspan > 1 else where,
                                            msg("K001.columns", row=r + 1, cell=i + 1, column=col + cell.colspan,
                                                columns=columns)))
            elif r + cell.rowspan > len(form.rows):
                problems.append(GridProblem(f"{where}.rowspan", msg("K001.rows", row=r + 1, cell=i + 1,
                                                                     rowspan=cell.rowspan, left=len(form.rows) - r)))
            for spot in cover:
                taken.setdefault(spot, (r, i))
            placed.append(Placed(r, i, col, cell))
            col += cell.colspan
    broken = {int(p.where.split(".")[1]) for p in problems}  # a row with a span problem is not also too wide
    for r in range(len(form.rows)):
        width = sum(1 for (row, _) in taken if row == r)
        if columns and width != columns and r not in broken:
            problems.append(GridProblem(f"rows.{r}", msg("K002", row=r + 1, width=width, columns=columns)))
    return placed, problems
