"""Find, load and resolve the clause sets of a project folder."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .collector import collector_paused
from .diagnostics import FOLLOW_ON, Diagnostic, Position, Report
from .i18n import listing, msg, phrase
from .loader import Cache, LoadedSet, load_set
from .resolve import ResolvedSet, resolve
from .yamlpos import load


@dataclass
class Workspace:
    root: Path  # the folder that holds clause-set folders (``clauses/``)
    sets: dict[str, ResolvedSet]
    loaded: dict[str, LoadedSet]


SET_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def set_folders(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "standard.yaml").is_file())


def open_workspace(root: Path, report: Report, only: list[str] | None = None) -> Workspace:
    """Load every set (cross-set links need all of them) and resolve the ones asked for."""
    with collector_paused():  # models that live on, next to no cyclic garbage (60 objects for the bundled sets)
        return _open(root, report, only)


def _open(root: Path, report: Report, only: list[str] | None) -> Workspace:
    if not root.is_dir():
        report.add(msg("F001.root", folder=str(root)), Position(str(root)))
        return Workspace(root, {}, {})
    folders = []
    for folder in set_folders(root):
        if SET_NAME.fullmatch(folder.name):
            folders.append(folder)
        else:  # the name becomes part of paths and links (HTML hrefs): no ':', '/', spaces or quotes
            report.add(msg("F007", name=folder.name), Position(str(folder)))
    names = {p.name for p in folders}
    for wanted in only or []:
        if wanted not in names:
            report.add(msg("F004", name=wanted, sets=listing(sorted(names)) if names else phrase("none")),
                       Position(str(root)))
    loaded: dict[str, LoadedSet] = {}
    cache: Cache = {}  # a variant loads its parent: each set is read and reported once
    failed: dict[str, str | None] = {}  # sets that did not load → the ID prefix they declare, if readable
    for folder in folders:
        if (ls := load_set(folder, report, cache)) is not None:
            loaded[folder.name] = ls
        else:
            failed[folder.name] = _declared_code(folder)
    known = frozenset(i for ls in loaded.values() for (i, key) in ls.origins if key == "")
    chosen = [n for n in loaded if not only or n in only]
    later = Report() if failed else report  # with a broken set, sort its consequences out first
    # a broken set is still "here": links into it are its consequences, not links to an absent set
    present = None if None in failed.values() else frozenset(c for c in failed.values() if c is not None)
    sets = {name: resolve(loaded[name], later, known, present) for name in chosen}
    workspace = Workspace(root, sets, loaded)
    _cross_set_checks(workspace, later, concordance=not failed)  # topics need every set
    if failed:
        _lead_with_failed_sets(root, failed, loaded, later, report)
    return workspace


def _declared_code(folder: Path) -> str | None:
    """The ``code:`` of a set's standard.yaml, when it can be read although the set failed to load."""
    try:
        data = load((folder / "standard.yaml").read_text(encoding="utf-8")).data
    except (OSError, UnicodeDecodeError):
        return None
    code: object = data.get("code") if isinstance(data, dict) else None
    return code if isinstance(code, str) else None


def _lead_with_failed_sets(root: Path, failed: dict[str, str | None], loaded: dict[str, LoadedSet],
                           later: Report, report: Report) -> None:
    """Report the broken sets' own errors first; the errors they cause elsewhere (a related link
    naming one of their IDs) become one line per broken set. (The concordance is not checked.)"""
    live_prefixes = {ls.clause_set.standard.code for ls in loaded.values()}
    caused: dict[str, int] = dict.fromkeys(failed, 0)
    for diag in later.items:
        culprit = _culprit(diag, failed, live_prefixes) if diag.code in CAUSED_CODES else None
        if culprit is None:
            report.items.append(diag)
        else:
            caused[culprit] += 1
    for name, count in caused.items():
        report.leading.append(str(root / name))
        if count:
            report.add(msg(FOLLOW_ON, name=name, count=count), Position(str(root / name)))


CAUSED_CODES = frozenset({"R006"})  # a related ID that exists in no loaded set


def _culprit(diag: Diagnostic, failed: dict[str, str | None], live_prefixes: set[str]) -> str | None:
    """The broken set a diagnostic is about: it quotes the set's name, or an ID with its prefix
    (or, when a broken set's prefix cannot be read, an ID whose prefix no loaded set has)."""
    for token in (str(t) for value in diag.text.values() for t in re.findall(r"[^'\s]+", value)):
        if token in failed:
            return token
        prefix = token.split("-", 1)[0]
        for name, code in failed.items():
            if prefix == code or (code is None and "-" in token and prefix not in live_prefixes):
                return name
    return None


def _cross_set_checks(workspace: Workspace, report: Report, concordance: bool = True) -> None:
    """Related links both ways (R010); concordance topics (C001–C003) when every set is resolved."""
    from .artifacts.concordance.topics import build_concordance  # imports this module
    from .resolve import check_related, check_unique_ids

    check_unique_ids(workspace.loaded, report)
    check_related(workspace.loaded, report, set(workspace.sets))
    if concordance and workspace.sets and set(workspace.sets) == set(workspace.loaded):
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
