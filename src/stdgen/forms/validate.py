"""Checks of form definitions (K001–K006) and of who relies on each form.

A form is relied on by a clause or annex that shows it (``form:``), names it (``uses_forms:``)
or refers to it in its text (``[[FORM-ID]]``); the form's outputs name those clauses back.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Position, Report
from ..i18n import msg
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
            report.add(msg("K006", form=form.id, title=form.title), loaded.where(form.id), severity="warning")


def _check_form(form: Form, loaded: LoadedSet, report: Report) -> None:
    def at(inner: str) -> Position:
        return loaded.where(form.id, inner)

    grid, letter = bool(form.rows), bool(form.body)
    shape = ""
    if grid == letter:
        shape = "K005.both" if grid else "K005"
    elif grid and form.columns is None:
        shape = "K005.columns"
    if shape:
        report.add(msg(shape, form=form.id), loaded.where(form.id))
    elif grid:
        for problem in place_cells(form)[1]:
            report.add(problem.text, at(problem.where))
    seen: dict[str, str] = {}
    for where, f in defined_fields(form):
        if f.name in seen:
            report.add(msg("K003", name=f.name, form=form.id, first=str(at(seen[f.name]))), at(where))
        else:
            seen[f.name] = where
    for where, text in texts(form):
        for name in blanks(text):
            if name not in seen:
                report.add(msg("K004", name=name, form=form.id), at(where))
