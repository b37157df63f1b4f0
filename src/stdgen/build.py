"""Build artifacts for resolved clause sets, atomically per set.

Each set is written into a fresh temporary folder next to its output folder and
swapped in only when every artifact was written, so a failed build leaves the
previous good output untouched.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .artifacts.standard.tree import build as standard_tree
from .diagnostics import Position, Report
from .doctree import Document
from .render.docx_render import write_docx
from .render.html import write_html
from .render.pdf import write_pdf
from .resolve import ResolvedSet

Writer = Callable[[Document, Path], None]
WRITERS: dict[str, Writer] = {"docx": write_docx, "html": write_html, "pdf": write_pdf}


@dataclass(frozen=True)
class Artifact:
    name: str  # file stem under output/<set>/
    tree: Callable[[ResolvedSet], Document]
    formats: tuple[str, ...]


ARTIFACTS = [Artifact("standard", standard_tree, ("docx", "html", "pdf"))]


def build_set(rs: ResolvedSet, out_root: Path, report: Report, formats: tuple[str, ...] = ("docx", "html", "pdf"),
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
    WRITERS[fmt](artifact.tree(rs), path)
    return path


def _swap(staging: Path, final: Path) -> None:
    old = final.with_name(f".{final.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)
