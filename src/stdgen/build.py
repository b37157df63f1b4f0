"""Build artifacts for resolved clause sets, atomically per set.

Each set is written into a fresh temporary folder next to its output folder and
swapped in only when every artifact was written, so a failed build leaves the
previous good output untouched. The cross-set outputs (concordance, cross-reference
index) are written the same way: temporary files, renamed into place together.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .artifacts.checklist.tree import build as checklist_tree
from .artifacts.checklist.tree import row_ids as checklist_ids
from .artifacts.checklist.xlsx import write_set_xlsx
from .artifacts.concordance.topics import build_concordance
from .artifacts.concordance.tree import build as concordance_tree
from .artifacts.standard.tree import build as standard_tree
from .diagnostics import Position, Report
from .doctree import Document
from .render.docx_render import write_docx
from .render.html import write_html
from .render.pdf import write_pdf
from .resolve import ResolvedSet
from .workspace import Workspace

Writer = Callable[[Document, Path], None]
WRITERS: dict[str, Writer] = {"docx": write_docx, "html": write_html, "pdf": write_pdf}
SetWriter = Callable[[ResolvedSet, Path], None]
FORMATS = ("docx", "html", "pdf", "xlsx")


@dataclass(frozen=True)
class Artifact:
    name: str  # file stem under output/<set>/
    tree: Callable[[ResolvedSet], Document]
    formats: tuple[str, ...]
    direct: dict[str, SetWriter] = field(default_factory=dict)  # formats written from the set, not a tree (XLSX)
    ids: Callable[[ResolvedSet], Iterable[str]] | None = None  # IDs it shows (xref); default: its tree's anchors/links


ARTIFACTS = [
    Artifact("standard", standard_tree, ("docx", "html", "pdf")),
    Artifact("checklist", checklist_tree, ("docx", "html", "pdf", "xlsx"), {"xlsx": write_set_xlsx}, checklist_ids),
]


def build_set(rs: ResolvedSet, out_root: Path, report: Report, formats: tuple[str, ...] = FORMATS,
              ) -> list[Path]:
    """Write every artifact of one set; on any failure keep the old output and report why."""
    final = out_root / rs.clause_set.name
    out_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{rs.clause_set.name}-", dir=out_root))
    staging.chmod(0o755)
    try:
        written = [_write(artifact, rs, staging, fmt) for artifact in ARTIFACTS
                   for fmt in artifact.formats if fmt in formats]
    except Exception as exc:  # a renderer failed: report it, keep the previous output
        shutil.rmtree(staging, ignore_errors=True)
        report.add("B001", f"building {rs.clause_set.name} failed: {exc!r}", Position(str(final)),
                   "the previous output was left untouched; please report this with the clause set")
        return []
    _swap(staging, final)
    return [final / p.name for p in written]


def _write(artifact: Artifact, rs: ResolvedSet, folder: Path, fmt: str) -> Path:
    path = folder / f"{artifact.name}.{fmt}"
    direct = artifact.direct.get(fmt)
    if direct is not None:
        direct(rs, path)
    else:
        WRITERS[fmt](artifact.tree(rs), path)
    return path


def _swap(staging: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)


CONCORDANCE_FORMATS = ("html", "docx")


def build_workspace(ws: Workspace, out_root: Path, report: Report) -> list[Path]:
    """The cross-set outputs: ``concordance.{html,docx}`` and ``xref.{json,html}`` in out_root.

    They link into every set's output, so they are written only when every set of the clause
    folder was resolved and no set failed to build in this run. All files go to temporary names
    first and are renamed into place together: a failure leaves the previous ones untouched.
    """
    if not ws.sets or set(ws.sets) != set(ws.loaded) or any(d.code == "B001" for d in report.items):
        return []
    from .xref import build_index, write_json, xref_document

    out_root.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        conc = build_concordance(ws)  # its diagnostics were reported by the check before the build
        doc = concordance_tree(conc)
        for fmt in CONCORDANCE_FORMATS:
            staged.append((_staged(out_root, "concordance", fmt, partial(WRITERS[fmt], doc)),
                           out_root / f"concordance.{fmt}"))
        index = build_index(ws, out_root, ARTIFACTS, conc, CONCORDANCE_FORMATS)
        staged.append((_staged(out_root, "xref", "json", lambda p: write_json(index, p)), out_root / "xref.json"))
        staged.append((_staged(out_root, "xref", "html", lambda p: write_html(xref_document(index), p)),
                       out_root / "xref.html"))
    except Exception as exc:  # a renderer failed: report it, keep the previous files
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        report.add("B001", f"building the concordance and cross-reference index failed: {exc!r}",
                   Position(str(out_root)), "the previous files were left untouched; please report this")
        return []
    for tmp, final in staged:
        os.replace(tmp, final)
    return [final for _, final in staged]


def _staged(folder: Path, stem: str, fmt: str, write: Callable[[Path], None]) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{stem}-", suffix=f".{fmt}.tmp", dir=folder)
    os.close(handle)
    path = Path(name)
    try:
        write(path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    path.chmod(0o644)
    return path
