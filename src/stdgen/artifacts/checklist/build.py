"""Write filtered checklists (``stdgen checklist``): OUT/<set>/checklist[-scope…][-rec].{pdf,docx,xlsx,html}.

The full checklist of every set is written by ``stdgen build`` with the other artifacts;
this writes the ones an inspector asks for, e.g. only the window provisions. Each file is
written under a temporary name and renamed into place, so a failure leaves older files intact.
"""

from __future__ import annotations

import os
from pathlib import Path

from ...diagnostics import Position, Report
from ...render.docx_render import write_docx
from ...render.fonts import FontsMissing
from ...render.html import write_html
from ...render.pdf import write_pdf
from ...render.templates import TemplateProblem
from ...reproducible import seal, source_date
from ...resolve import ResolvedSet
from .rows import build_checklist
from .tree import checklist_document
from .xlsx import write_xlsx

FORMATS = ("pdf", "docx", "xlsx", "html")
STANDARD_OUT = Path("output")


def write_checklists(rs: ResolvedSet, out_root: Path, scopes: list[str], recommendations: bool, report: Report,
                     formats: tuple[str, ...] = FORMATS) -> list[Path]:
    cl = build_checklist(rs, scopes, recommendations)
    folder = out_root / rs.clause_set.name
    folder.mkdir(parents=True, exist_ok=True)
    if not cl.rows:
        report.add("B002", f"the checklist of {rs.clause_set.name} for scope {cl.scope_label} has no rows; "
                   "nothing written", Position(str(folder)), "choose another --scope, or add --recommendations",
                   severity="warning")
        return []
    # the links assume the standard was built by `stdgen build` into output/<set>/ of the current folder
    doc = checklist_document(cl, os.path.relpath(STANDARD_OUT / rs.clause_set.name / "standard.html", folder))
    written: list[Path] = []
    staged: list[tuple[Path, Path]] = []
    try:
        for fmt in formats:
            final = folder / f"checklist{cl.suffix}.{fmt}"
            tmp = folder / f".{final.name}.tmp"
            if fmt == "xlsx":
                write_xlsx(cl, tmp)
            else:
                {"pdf": write_pdf, "docx": write_docx, "html": write_html}[fmt](doc, tmp)
            seal(tmp, fmt, source_date([rs.standard.issued]))
            staged.append((tmp, final))
    except Exception as exc:  # a renderer failed: report it, keep the previous files
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, TemplateProblem):
            report.add(exc.code, f"checklist{cl.suffix} of {rs.clause_set.name}: template {Path(exc.file).name}: "
                       f"{exc.message}", Position(exc.file, exc.line, 1),
                       "fix the template; the previous files were kept")
            return []
        if isinstance(exc, FontsMissing):
            report.add("B004", f"checklist{cl.suffix}.pdf of {rs.clause_set.name}: {exc.message}",
                       Position(str(folder)), f"{exc.hint}; the previous files were left untouched")
            return []
        report.add("B001", f"building the checklist of {rs.clause_set.name} failed: {exc!r}", Position(str(folder)),
                   "the previous files were left untouched; please report this with the clause set")
        return []
    for tmp, final in staged:
        os.replace(tmp, final)
        written.append(final)
    return written
