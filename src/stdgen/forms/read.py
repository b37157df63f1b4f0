"""Read a filled form (fillable PDF or DOCX) back and check its values against the definition.

The file names its definition in its keywords (``stdgen-form <set> <form id> <version>``); the
values are read from the AcroForm fields (PDF) or the content controls tagged with field names
(DOCX), then checked: a field the form does not define, a date, time, phone or ID-card number
that is not one, a choice that is not an option, a required field left empty (K101–K108).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..diagnostics import Position, Report
from ..i18n import listing, msg
from ..model import Form, FormField
from .spec import IDENTITY, fields, form_version, options

Value = str | bool | None
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


@dataclass
class Filled:
    """What a file holds: its identity words and the raw value of each field, in file order."""

    path: Path
    identity: list[str]
    values: dict[str, Value] = field(default_factory=dict)


def read_file(path: Path, report: Report) -> Filled | None:
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # radio widgets named like their group are normal here
    where = Position(str(path))
    try:
        if path.suffix.lower() == ".pdf":
            return _read_pdf(path)
        if path.suffix.lower() == ".docx":
            return _read_docx(path)
    except Exception as exc:  # a damaged or foreign file: say so, never a traceback
        report.add(msg("K101", file=path.name, reason=str(exc)), where)
        return None
    report.add(msg("K101.type", file=path.name), where)
    return None


def _read_pdf(path: Path) -> Filled:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    keywords = str(reader.metadata.get("/Keywords", "") or "") if reader.metadata else ""
    found = reader.get_fields() or {}
    values: dict[str, Value] = {}
    for name, data in found.items():
        if "." in name and name.split(".")[0] in found:
            continue  # a radio button widget of a group read already
        values[name] = _pdf_value(data)
    return Filled(path, keywords.split(), values)


def _pdf_value(data: Any) -> Value:
    kind = data.get("/FT")
    raw = data.get("/V")
    if kind == "/Btn":
        state = str(raw or "/Off")
        if state == "/Off":
            return None if data.get("/Opt") is not None or data.get("/Kids") else False
        opts = data.get("/Opt")
        if opts is not None:  # a radio group: the state is the index of the chosen option
            index = state.lstrip("/")
            return str(opts[int(index)]) if index.isdigit() and int(index) < len(opts) else index
        return True
    return None if raw is None else str(raw)


def _read_docx(path: Path) -> Filled:
    import docx

    document = docx.Document(str(path))
    values: dict[str, Value] = {}
    for sdt in document.element.body.iter(f"{W}sdt"):
        pr = sdt.find(f"{W}sdtPr")
        tag = pr.find(f"{W}tag") if pr is not None else None
        if pr is None or tag is None:
            continue
        values[tag.get(f"{W}val", "")] = _docx_value(pr, sdt.find(f"{W}sdtContent"))
    return Filled(path, (document.core_properties.keywords or "").split(), values)


def _docx_value(pr: Any, content: Any) -> Value:
    box = pr.find(f"{W14}checkbox")
    if box is not None:
        checked = box.find(f"{W14}checked")
        return checked is not None and checked.get(f"{W14}val") in ("1", "true")
    if pr.find(f"{W}showingPlcHdr") is not None or content is None:
        return None
    lines: list[str] = [""]
    for node in content.iter(f"{W}t", f"{W}br", f"{W}p"):
        if node.tag == f"{W}t":
            lines[-1] += node.text or ""
        elif len(lines[-1]) or node.tag == f"{W}br":
            lines.append("")
    text = "\n".join(lines).strip()
    date = pr.find(f"{W}date")
    full = date.get(f"{W}fullDate") if date is not None else None
    return str(full)[:10] if full else text


# --- checking ------------------------------------------------------------------------------------

def find_form(filled: Filled, forms: dict[tuple[str, str], Form], report: Report,
              set_name: str | None = None, form_id: str | None = None) -> tuple[str, Form] | None:
    """The definition the file was made from (from its keywords, or the names given)."""
    where = Position(str(filled.path))
    words = filled.identity
    named = words[1:3] if len(words) >= 3 and words[0] == IDENTITY else []
    wanted_set = set_name or (named[0] if named else None)
    wanted_form = form_id or (named[1] if named else None)
    if wanted_form is None:
        report.add(msg("K102.unnamed", file=filled.path.name), where)
        return None
    hits = [(s, f) for (s, i), f in forms.items() if i == wanted_form and (wanted_set is None or s == wanted_set)]
    if not hits:
        report.add(msg("K102.set", form=wanted_form, name=wanted_set) if wanted_set else msg("K102", form=wanted_form),
                   where)
        return None
    set_found, form = hits[0]
    if len(words) >= 4 and words[0] == IDENTITY and words[3] != form_version(form):
        report.add(msg("K108", file=filled.path.name, form=form.id, made=words[3], now=form_version(form)), where,
                   severity="warning")
    return set_found, form


def check_values(filled: Filled, form: Form, report: Report) -> dict[str, Value]:
    """The values by field name, in the form's order, normalised (ISO dates, booleans for boxes)."""
    where = Position(str(filled.path))
    defined = {n: f for n, f in fields(form).items() if f.kind != "seal"}
    for name in filled.values:
        if name not in defined:
            report.add(msg("K103", name=name, form=form.id, fields=list(defined)), where)
    result: dict[str, Value] = {}
    for name, f in defined.items():
        raw = filled.values.get(name)
        value = _normalise(f, raw, where, report)
        result[name] = value
        if f.required and value in (None, "", False):
            report.add(msg("K104", name=name, label=f.label or name), where)
    return result


def _normalise(f: FormField, raw: Value, where: Position, report: Report) -> Value:
    if f.kind == "checkbox":
        return bool(raw) if not isinstance(raw, str) else raw.strip().lower() in ("on", "yes", "true", "1", "☒")
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    text = str(raw).strip()
    problem = ""  # the K105 variant: the field's kind
    if f.kind == "date":
        date = parse_date(text)
        if date is None:
            problem = "date"
        else:
            text = date.isoformat()
    elif f.kind == "time":
        match = re.fullmatch(r"(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*分?", text)
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            text = f"{int(match[1]):02d}:{int(match[2]):02d}"
        else:
            problem = "time"
    elif f.kind == "phone":
        digits = re.sub(r"[\s\-()（）+]", "", text)
        if not re.fullmatch(r"\d{7,12}|86\d{11}", digits):
            problem = "phone"
    elif f.kind == "id-card":
        text = text.upper().replace(" ", "")
        if not valid_id_card(text):
            problem = "id-card"
    elif f.kind == "choice" and text not in options(f):
        problem = "choice"
    if problem:
        report.add(msg(f"K105.{problem}", name=f.name, label=f.label or f.kind, value=text,
                       options=listing(options(f), "ideographic-sep")), where)
    return text


def parse_date(text: str) -> dt.date | None:
    match = re.fullmatch(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?", text) or \
        re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if match is None:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def valid_id_card(text: str) -> bool:
    """GB 11643: 17 digits and a check digit (ISO 7064 MOD 11-2)."""
    if not re.fullmatch(r"\d{17}[\dX]", text):
        return False
    total = sum(int(d) * w for d, w in zip(text[:17], ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11] == text[17]


def forms_of(sets: Iterator[tuple[str, list[Form]]]) -> dict[tuple[str, str], Form]:
    return {(name, f.id): f for name, forms in sets for f in forms}


def read_forms(files: list[Path], clauses: Path, report: Report, set_name: str | None = None,
               form_id: str | None = None) -> list[dict[str, Any]]:
    """Every file's values, checked; one record per file that names a known form."""
    from ..loader import load_set
    from ..workspace import set_folders

    if not clauses.is_dir():
        report.add(msg("F001.root", folder=str(clauses)), Position(str(clauses)))
        return []
    sets = ((folder.name, loaded.clause_set.forms) for folder in set_folders(clauses)
            if (set_name is None or folder.name == set_name) and (loaded := load_set(folder, report)) is not None)
    forms = forms_of(sets)
    records: list[dict[str, Any]] = []
    for path in files:
        filled = read_file(path, report)
        if filled is None:
            continue
        found = find_form(filled, forms, report, set_name, form_id)
        if found is None:
            continue
        name, form = found
        records.append({"file": str(path), "set": name, "form": form.id, "title": form.title,
                        "values": check_values(filled, form, report)})
    return records
