"""Property tests: any YAML-ish input gives diagnostics, never an exception; any clause tree is
numbered contiguously from its position and keeps its IDs."""

from __future__ import annotations

import itertools
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bad_input import BODY, STANDARD
from stdgen.diagnostics import Report
from stdgen.lint import lint_workspace
from stdgen.workspace import open_workspace
from stdgen.yamlpos import load

TOKENS = [
    "clauses:", "  - id: BX-4", "    title: 窗口", "    clauses:", "      - id: BX-4.1", "        text: 应整洁。",
    "type: requirement", "terms:", "annexes:", "forms:", "related: [BX-4]", "[[BX-4.1]]", "[[", "]]", "[", "]",
    "{", "}", ":", "- ", "  ", "\t", "\n", "\r\n", "#", "&a ", "*a", "!!python/object:os.system", "!!binary",
    "!x", "'", '"', "\\x01", "\\ud800", "\x00", "\x0b", "\ufffe", "\ufeff", "---", "...", "?", "|", ">",
    "2019-02-30", "1e999", "~", "null", "yes", "<script>", "{{ x }}", "=1+1", "窗口", "𠈌", "id:", "title:",
    "text:", "-", ",", "%YAML 1.1", "@",
]
yamlish = st.lists(st.sampled_from(TOKENS) | st.text(max_size=4), max_size=60).map("".join)
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DIAGNOSTIC = re.compile(r"^[A-Z]\d{3}$")


@PROPERTY
@given(text=yamlish)
def test_the_yaml_loader_never_raises(text: str) -> None:
    located = load(text)
    for line, col, problem in located.problems:
        assert line >= 1 and col >= 1 and DIAGNOSTIC.match(problem.code)
        assert all(problem.worded(lang)[0] for lang in ("zh", "en"))


@PROPERTY
@given(text=yamlish, in_standard=st.booleans())
def test_a_clause_set_with_any_file_gives_diagnostics_only(text: str, in_standard: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "clauses"
        (root / "bx").mkdir(parents=True)
        (root / "bx" / "standard.yaml").write_text(text if in_standard else STANDARD, encoding="utf-8",
                                                   errors="surrogatepass")
        (root / "bx" / "body.yaml").write_text(BODY if in_standard else text, encoding="utf-8",
                                               errors="surrogatepass")
        report = Report()
        workspace = open_workspace(root, report)
        lint_workspace(workspace, report)
        for d in report.items:
            assert DIAGNOSTIC.match(d.code) and d.position.line >= 0 and d.message
        assert ("bx" in workspace.sets) or report.errors  # a set that did not load says why


def _tree(depth: int) -> st.SearchStrategy[list[Any]]:
    """Shapes of clause trees: a list of children, each a list of its own children."""
    leaf: st.SearchStrategy[list[Any]] = st.just([])
    if depth == 0:
        return st.lists(leaf, min_size=2, max_size=3)
    return st.lists(st.one_of(leaf, _tree(depth - 1)), min_size=2, max_size=4)


@PROPERTY
@given(chapters=st.lists(_tree(3), min_size=1, max_size=5), seed=st.integers(0, 10_000))
def test_any_clause_tree_numbers_contiguously_and_keeps_its_ids(chapters: list[list[Any]], seed: int) -> None:
    ids = (f"BX-{seed}x{n}" for n in itertools.count())
    expected: dict[str, str] = {}

    def clause(shape: list[Any], number: str) -> dict[str, Any]:
        ident = next(ids)
        expected[ident] = number
        item: dict[str, Any] = {"id": ident, "title": f"条{number}"}
        if shape:
            item["clauses"] = [clause(child, f"{number}.{i}") for i, child in enumerate(shape, start=1)]
        else:
            item["text"] = f"第{number}条的内容。"
        return item

    body = {"clauses": [clause(shape, str(n)) for n, shape in enumerate(chapters, start=4)]}
    tmp = Path(tempfile.mkdtemp())
    try:
        (tmp / "bx").mkdir()
        (tmp / "bx" / "standard.yaml").write_text(STANDARD, encoding="utf-8")
        (tmp / "bx" / "body.yaml").write_text(yaml.safe_dump(body, allow_unicode=True), encoding="utf-8")
        report = Report()
        resolved = open_workspace(tmp, report).sets["bx"]
        assert not report.errors, report.render_text()
        numbered = {node.id: node.number for node in resolved.nodes()}
        assert numbered == expected  # contiguous: 4, 5 …; 4.1, 4.2 …; every ID kept on its clause
        for node in resolved.nodes():
            assert node.depth == node.number.count(".") + 1
    finally:
        shutil.rmtree(tmp)
