"""Checks of form definitions (K001–K006) and of who relies on each form.

A form is relied on by a clause or annex that shows it (``form:``), names it (``uses_forms:``)
or refers to it in its text (``[[FORM-ID]]``); the form's outputs name those clauses back.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Position, Report
from ..loader import LoadedSet
from ..model import Annex, Clause, Form
from .spec import blanks, defined_fields, place_cells, texts


def form_users(items: Iterator[Clause | Annex], form_ids: set[str]) -> dict[str, list[str]]:
    """Form ID → IDs of the clauses and annexes that rely on it, in document order."""
    from ..resolve import REF  # resolve imports this module

    users: dict[str, list[str]] = {f: [] for f in form_ids}
    for item in items:
        named = [item.form] if item.form else []
        if isinstance(item, Clause):
            named += item.uses_forms
            lines = [*item.paragraphs, *(i if isinstance(i, str) else i.text for i in item.items)]
            named += [t for p in lines for t in REF.findall(p)]
        else:
            named += [t for p in item.paragraphs for t in REF.findall(p)]
        for ident in dict.fromkeys(named):
            if ident in users and item.id not in users[ident]:
                users[ident].append(item.id)
    return users


def check_forms(loaded: LoadedSet, users: dict[str, list[str]], report: Report) -> None:
    for form in loaded.clause_set.forms:
        _check_form(form, loaded, report)
        if not users.get(form.id):
            report.add("K006", f"form '{form.id}' ({form.title}) is referred to by no clause or annex",
                       loaded.where(form.id), f"show it in an annex (form: {form.id}), name it in a clause "
                       f"(uses_forms: [{form.id}]) or refer to it in a text ([[{form.id}]])", severity="warning")


def _check_form(form: Form, loaded: LoadedSet, report: Report) -> None:
    def at(inner: str) -> Position:
        return loaded.where(form.id, inner)

    grid, letter = bool(form.rows), bool(form.body)
    shape = ""
    if grid == letter:
        shape = "both a grid and a letter" if grid else "neither a grid nor a letter"
    elif grid and form.columns is None:
        shape = "a grid without 'columns'"
    if shape:
        report.add("K005", f"form '{form.id}' is {shape}", loaded.where(form.id),
                   "a grid form gives columns: and rows:, a letter form gives body: (paragraphs and items)")
    elif grid:
        for problem in place_cells(form)[1]:
            report.add(problem.code, problem.message, at(problem.where), problem.hint)
    seen: dict[str, str] = {}
    for where, f in defined_fields(form):
        if f.name in seen:
            report.add("K003", f"field name '{f.name}' is defined twice in form '{form.id}'", at(where),
                       f"first defined at {at(seen[f.name])}; field names are unique in a form")
        else:
            seen[f.name] = where
    for where, text in texts(form):
        for name in blanks(text):
            if name not in seen:
                report.add("K004", f"blank ［field:{name}］ names no field of form '{form.id}'", at(where),
                           f"define it under the form's fields: (name: {name}, kind: …)")
