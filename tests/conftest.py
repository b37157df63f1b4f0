from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from stdgen.diagnostics import Report
from stdgen.loader import load_set
from stdgen.model import Clause
from stdgen.resolve import ResolvedSet, resolve

ROOT = Path(__file__).resolve().parents[1]
CLAUSES = ROOT / "clauses"

# Kept font subsets (render/fontcache.py) go to a folder of this run's, not the user's: the suite's PDFs are
# written with the cache as a user's are, each test's builds reading what earlier ones kept.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="stdgen-tests-cache-")


@pytest.fixture
def set_copy(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Copy a bundled clause set into tmp_path/clauses/<name> and return its folder."""

    def copy(name: str) -> Path:
        target = tmp_path / "clauses" / name
        shutil.copytree(CLAUSES / name, target)
        return target

    return copy


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing needle."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def resolve_alone(folder: Path, *, clean: bool = False) -> ResolvedSet:
    """A bundled set loaded and resolved on its own (links into other sets are not checked).

    clean: no diagnostic at all, not only no error."""
    report = Report()
    loaded = load_set(folder, report)
    assert loaded is not None, report.render_text()
    result = resolve(loaded, report)
    assert not (report.items if clean else report.errors), report.render_text()
    return result

def walk_clauses(clauses: list[Clause]) -> Iterator[Clause]:
    """Every clause of a tree, in document order."""
    for clause in clauses:
        yield clause
        yield from walk_clauses(clause.clauses)


def clause_set_texts(resolved: ResolvedSet) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text the set carries."""
    cs = resolved.clause_set
    std = cs.standard
    yield "standard.title", std.title.zh
    if std.banner:
        yield "standard.banner", std.banner
    if std.issuer:
        yield "standard.issuer", std.issuer
    for para in (*std.scope, *std.foreword, *std.introduction):
        yield "standard", para
    for term in cs.terms:
        yield term.id, term.term
        yield term.id, term.definition
        for note in term.notes:
            yield term.id, note
    for clause in walk_clauses(cs.clauses):
        if clause.title:
            yield clause.id, clause.title
        for para in clause.paragraphs:
            yield clause.id, para
        for entry in clause.items:
            if isinstance(entry, str):
                yield clause.id, entry
            else:
                yield clause.id, entry.text
                for sub in entry.items:
                    yield clause.id, sub.text
        for note in (*clause.notes, *clause.examples):
            yield clause.id, note
        for group in clause.phrases:
            yield clause.id, group.scenario
            for phrase in group.recommended:
                yield clause.id, phrase
            for bad in group.forbidden:
                yield clause.id, bad.text
                for extra in (bad.context, bad.instead):
                    if extra:
                        yield clause.id, extra
