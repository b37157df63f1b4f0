"""The C YAML parser gives the same data, positions and problems as the pure-Python one.

stdgen composes nodes with libyaml when PyYAML has it (yamlpos.FastLoader) and falls back to
the pure-Python parser for a document libyaml refuses; every diagnostic's position must be the
one the pure-Python parser gives. Compared here on every YAML file of the repository, on edge
cases (line breaks, tabs, wide and astral characters, BOM, errors of every kind), on random
edits of a real clause file, and on whole `stdgen check` reports.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bad_input import CASES
from conftest import CLAUSES, ROOT
from stdgen import yamlpos
from stdgen.diagnostics import Report
from stdgen.lint import lint_workspace
from stdgen.workspace import open_workspace

pytestmark = pytest.mark.skipif(yamlpos.FastLoader is None, reason="PyYAML without libyaml")

EDGE_CASES = [
    "",
    "# only a comment\n",
    "a: 1\r\nb: [x, y]\r\n",
    "a: 1\rb: 2\r",
    "a: 甲乙\u0085b: 丙\n",
    "a: x\u2028b: y\n",
    "a: 𠀀𠀁 emoji 😀\nb: '𠀀'\nc: [𠀀, 😀]\n",
    "a: e\u0301\u0301\nb: 2\n",
    "a:\tb\nc:  \t d\n",
    "a: |\n  line 1\n\n  line 3\nb: >-\n  folded\n  text\n",
    "- a\n- - b\n  - c\n- {k: v, k2: [1, 2]}\n",
    "? complex\n: value\n",
    "a: 'it''s'\nb: \"esc \\u00e9 \\t\"\n",
    "\ufeffcode: T\ntitle: 标题\n",
    "---\na: 1\n...\n",
    "a: 1\n---\nb: 2\n",  # two documents: an error
    "a: 1\na: 2\n",  # duplicate key
    "a: &x 1\nb: *x\n",  # alias
    "[1, 2]: x\n",  # non-string key
    "issued: 2019-02-30\n",  # impossible date
    "a: [unclosed\n",
    "a: 'unclosed\n",
    "a: \"unclosed\n",
    "a: b: c\n",
    "a:\n  - x\n - y\n",
    "a:\n\t- x\n",
    "scope: [见[[T-4]]。]\n",
    "a: {b: 1\n",
    "a: @x\n",
    "a: `x\n",
    "a: 1\n  b: 2\n",
    "- a\nb: 1\n",
    "a: !!python/object:os.system x\n",
    "a: !custom x\n",
    "a: %x\n",
    "a: |\n x\n  y\n z\n",
    "a: \x07bell\n",
    "\x00",
    "a: 甲\n" * 3 + "  b: 乙\n",
    "2019-13-01: x\n",  # a key that cannot be read
    "- " * 60 + "x\n",  # deeper than MAX_DEPTH on one line
    "".join(f"{'  ' * i}k{i}:\n" for i in range(50)) + "  " * 50 + "v\n",  # deeper by indentation
    "a: " + "[" * 30 + "]" * 30 + "\n",
    "a: [x, *y]\n",
    "a: !!binary aGVsbG8=\n",
]


def _both(text: str) -> tuple[yamlpos.Located, yamlpos.Located]:
    return yamlpos.load(text), yamlpos.load(text, fast=False)


def _assert_same(text: str) -> None:
    fast, reference = _both(text)
    assert fast.problems == reference.problems, text
    assert fast.values == reference.values, text
    assert fast.keys == reference.keys, text
    assert fast.data == reference.data, text


def _repository_yaml() -> list[Path]:
    return sorted(p for folder in (ROOT / "clauses", ROOT / "tests")
                  for p in folder.rglob("*.y*ml") if p.suffix in {".yaml", ".yml"})


def test_every_yaml_file_of_the_repository() -> None:
    files = _repository_yaml()
    assert len(files) >= 10
    for path in files:
        _assert_same(path.read_text(encoding="utf-8"))


def test_bad_input_corpus() -> None:
    """Every YAML file of the hostile-input corpus (tests/bad_input.py) that is UTF-8 text."""
    texts = []
    for case in CASES:
        for name, data in case.files.items():
            if name.endswith(".yaml"):
                try:
                    texts.append(data.decode("utf-8"))
                except UnicodeDecodeError:
                    continue
    assert len(texts) >= 20
    for text in texts:
        _assert_same(text)


@pytest.mark.parametrize("text", EDGE_CASES)
def test_edge_cases(text: str) -> None:
    _assert_same(text)


def test_the_c_parser_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A valid clause file never reaches the pure-Python parser (else the equality above proves nothing);
    a syntax error and an alias do."""
    pure: list[str] = []

    class Recording(yamlpos._Loader):
        def __init__(self, stream: str) -> None:
            pure.append(stream)
            super().__init__(stream)

    monkeypatch.setattr(yamlpos, "_Loader", Recording)
    valid = (CLAUSES / "db34-t-3395-2019" / "10-body.yaml").read_text(encoding="utf-8")
    assert not yamlpos.load(valid).problems
    assert pure == []
    yamlpos.load("a: [unclosed\n")
    yamlpos.load("a: &x 1\nb: *x\n")
    assert pure == ["a: [unclosed\n", "a: &x 1\nb: *x\n"]


SAMPLE = (CLAUSES / "db34-t-3395-2019" / "10-body.yaml").read_text(encoding="utf-8")[:3000]
PIECES = st.sampled_from([
    "\n", " ", "  ", "\t", ":", "- ", "[", "]", "{", "}", ",", "'", '"', "#", "|", ">", "&a", "*a", "!", "?", "%",
    "@", "甲", "𠀀", "\r", "\u3000", "[[QC-1]]", "2019-13-01", "a:b", ":x", "x:", "- -", "---", "...", "\\", "\x85",
    "\u2028", "~", "=", "<<", "!!str", ": ", " #", "|-", ">+", "|2", "\r\n", "\ufeff",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SAMPLE)), st.integers(0, 3), PIECES), min_size=1, max_size=4))
def test_random_edits_of_a_clause_file(edits: list[tuple[int, int, str]]) -> None:
    text = SAMPLE
    for at, cut, piece in edits:
        at = min(at, len(text))
        text = text[:at] + piece + text[at + cut:]
    _assert_same(text)


def _check_report(clauses: Path) -> list[str]:
    report = Report()
    lint_workspace(open_workspace(clauses, report), report)
    return [d.render() for d in report.sorted()]


def test_check_reports_are_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clauses = tmp_path / "clauses"
    shutil.copytree(CLAUSES, clauses)
    body = clauses / "db34-t-3395-2019" / "10-body.yaml"
    text = body.read_text(encoding="utf-8")
    body.write_text(text.replace("type: requirement", "type: requirment", 1).replace("scope:", "scpoe:", 1)
                    .replace("[[QC-", "[[QC-99", 1), encoding="utf-8")
    std = clauses / "db4108-t-6-2020" / "standard.yaml"
    std.write_text(std.read_text(encoding="utf-8") + "issued: 2019-13-04\n", encoding="utf-8")
    fast = _check_report(clauses)
    monkeypatch.setattr(yamlpos, "FastLoader", None)
    assert _check_report(clauses) == fast
    assert len(fast) >= 4
