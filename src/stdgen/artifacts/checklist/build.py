"""Write filtered checklists (``stdgen checklist``): OUT/<set>/checklist[-scope…][-rec].{pdf,docx,xlsx,html}.

The full checklist of every set is written by ``stdgen build`` with the other artifacts;
this writes the ones an inspector asks for, e.g. only the window provisions. The files are
staged as ``OUT/.stdgen-tmp-…`` (:class:`stdgen.outdir.Staged`) and renamed into place together
when all were written, so a failure leaves the older files intact; the caller holds OUT's lock.
"""

from __future__ import annotations

import os
from datetime import datetime
from functools import partial
from pathlib import Path

from ...diagnostics import Position, Report
from ...doctree import Document
from ...i18n import msg
from ...outdir import Staged
from ...render.docx_render import write_docx
from ...render.failure import render_failure
from ...render.html import write_html
from ...reproducible import seal, source_date
from ...resolve import ResolvedSet
from .pdf import write_checklist_pdf
from .rows import Checklist, build_checklist
from .tree import checklist_document
from .xlsx import write_xlsx

FORMATS = ("pdf", "docx", "xlsx", "html")
STANDARD_OUT = Path("output")


def write_checklists(rs: ResolvedSet, out_root: Path, scopes: list[str], recommendations: bool, report: Report,
                     formats: tuple[str, ...] = FORMATS) -> list[Path]:
    cl = build_checklist(rs, scopes, recommendations)
    folder = out_root / rs.clause_set.name
    if not cl.rows:
        report.add(msg("B002", name=rs.clause_set.name, scope=cl.scope_label), Position(str(folder)),
                   severity="warning")
        return []
    # the links assume the standard was built by `stdgen build` into output/<set>/ of the current folder
    standard_href = os.path.relpath(STANDARD_OUT / rs.clause_set.name / "standard.html", folder)
    doc = checklist_document(cl, standard_href)
    staged = Staged(out_root)
    when = source_date([rs.standard.issued])
    try:
        for fmt in formats:
            final = folder / f"checklist{cl.suffix}.{fmt}"
            staged.add(final, partial(_write, fmt, cl, doc, standard_href, when))
    except Exception as exc:  # a renderer failed: report it, keep the previous files
        staged.discard()
        message, where = render_failure(exc, "checklist", name=rs.clause_set.name, suffix=cl.suffix)
        report.add(message, where or Position(str(folder)))
        return []
    return staged.commit()


def _write(fmt: str, cl: Checklist, doc: Document, standard_href: str, when: datetime, path: Path) -> None:
    if fmt == "xlsx":
        write_xlsx(cl, path)
    elif fmt == "pdf":
        write_checklist_pdf(cl, path, standard_href)
    else:
        {"docx": write_docx, "html": write_html}[fmt](doc, path)
    seal(path, fmt, when)
