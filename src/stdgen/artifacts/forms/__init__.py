"""The forms artifact: every form of a set on its own pages, under output/<set>/forms/.

Per form: ``<id>.pdf`` (printable: blanks sized for handwriting), ``<id>-fillable.pdf`` (AcroForm
fields named after the form's fields), ``<id>.docx`` (Word content controls) and ``<id>.html``
(inputs that work on a phone, no script, prints like the PDF).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from ...doctree import Document
from ...render.pdf import write_pdf
from ...resolve import ResolvedSet
from ...unit import Unit
from .tree import form_document

FOLDER = "forms"
FORMATS = ("docx", "html", "pdf")


def units(rs: ResolvedSet) -> list[Unit]:
    out: list[Unit] = []
    for form in rs.clause_set.forms:
        fillable = partial(form_document, rs, form, True)
        printable = partial(form_document, rs, form, False)
        ids = partial(_ids, rs, form.id)
        out.append(Unit(f"{FOLDER}/{form.id}", fillable, FORMATS, {"pdf": partial(_pdf, printable)}, ids,
                        form.title))
        out.append(Unit(f"{FOLDER}/{form.id}-fillable", fillable, ("pdf",), {}, ids, f"{form.title}（可填写）"))
    return out


def _ids(rs: ResolvedSet, form_id: str) -> list[str]:
    """The form, and the clauses relying on it (named on its page, so the clause's entry lists the form)."""
    return [form_id, *(ident for ident in rs.form_users.get(form_id, []) if ident in rs.targets)]


def _pdf(printable: Callable[[], Document], path: Path) -> dict[str, int]:
    return write_pdf(printable(), path)
