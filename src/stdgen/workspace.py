"""Find, load and resolve the clause sets of a project folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Position, Report
from .loader import LoadedSet, load_set
from .resolve import ResolvedSet, resolve


@dataclass
class Workspace:
    root: Path  # the folder that holds clause-set folders (``clauses/``)
    sets: dict[str, ResolvedSet]
    loaded: dict[str, LoadedSet]


def set_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "standard.yaml").is_file())


def open_workspace(root: Path, report: Report, only: list[str] | None = None) -> Workspace:
    """Load every set (cross-set links need all of them) and resolve the ones asked for."""
    if not root.is_dir():
        report.add("F001", f"no clause folder {root}", Position(str(root)),
                   "run stdgen in the project folder or pass --clauses")
        return Workspace(root, {}, {})
    folders = set_folders(root)
    names = {p.name for p in folders}
    for wanted in only or []:
        if wanted not in names:
            report.add("F004", f"no clause set named '{wanted}'", Position(str(root)),
                       f"sets here: {', '.join(sorted(names)) or 'none'}")
    loaded = {p.name: ls for p in folders if (ls := load_set(p, report)) is not None}
    known = frozenset(i for ls in loaded.values() for (i, key) in ls.origins if key == "")
    chosen = [n for n in loaded if not only or n in only]
    sets = {name: resolve(loaded[name], report, known) for name in chosen}
    workspace = Workspace(root, sets, loaded)
    _cross_set_checks(workspace, report)
    return workspace


def _cross_set_checks(workspace: Workspace, report: Report) -> None:
    """Related links both ways (R010); concordance topics (C001–C003) when every set is resolved."""
    from .artifacts.concordance.topics import build_concordance  # imports this module
    from .resolve import check_related

    check_related(workspace.loaded, report, set(workspace.sets))
    if workspace.sets and set(workspace.sets) == set(workspace.loaded):
        build_concordance(workspace, report)


def sets_with_errors(workspace: Workspace, report: Report) -> set[str]:
    """Names of the resolved sets that have an error diagnostic in one of their files."""
    failed: set[str] = set()
    for diag in report.errors:
        where = Path(diag.position.file)
        for name in workspace.sets:
            if where.is_relative_to(workspace.root / name):
                failed.add(name)
    return failed
