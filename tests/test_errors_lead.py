"""Errors that lead: a broken set's own errors come first and what it breaks elsewhere is one line;
`stdgen build` refuses a set with any error `stdgen check` reports, lint errors included."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from conftest import CLAUSES
from stdgen.cli import app
from stdgen.diagnostics import FOLLOW_ON, Report
from stdgen.workspace import open_workspace

runner = CliRunner()
BROKEN = "db34-t-3395-2019"  # the other sets link to its QC- IDs about 60 times


def _clauses(tmp_path: Path) -> Path:
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES, root)
    return root


def test_a_set_that_fails_to_load_leads_and_its_consequences_are_one_line(tmp_path: Path) -> None:
    root = _clauses(tmp_path)
    body = root / BROKEN / "10-body.yaml"
    lines = body.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[5] = "  bad: [unclosed\n" + lines[5]
    body.write_text("".join(lines), encoding="utf-8")
    report = Report()
    open_workspace(root, report)
    ordered = report.sorted()
    assert [(d.code, Path(d.position.file).name, d.position.line) for d in ordered[:2]] == [
        ("Y001", "10-body.yaml", 6), (FOLLOW_ON, BROKEN, 0)]
    summary = ordered[1]
    count = int(summary.message.split(": ")[1].split(" ")[0])
    assert count > 40 and f"'{BROKEN}' did not load" in summary.message
    assert not [d for d in report.items if d.code in {"R006", "C001"}]  # none listed one by one
    assert len(report.errors) == 2

    result = runner.invoke(app, ["check", "--clauses", str(root)])
    assert result.exit_code == 1
    first = [line for line in result.output.splitlines() if not line.startswith("    ")][:2]
    assert "Y001" in first[0] and FOLLOW_ON in first[1], result.output


def test_build_refuses_a_set_with_a_lint_error(tmp_path: Path) -> None:
    root = _clauses(tmp_path)
    meta = root / "db4108-t-6-2020" / "standard.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("implemented: 2021-01-19", "implemented: 2020-01-19"),
                    encoding="utf-8")
    check = runner.invoke(app, ["check", "db4108-t-6-2020", "--clauses", str(root)])
    assert check.exit_code == 1 and "L208" in check.output
    out = tmp_path / "out"
    build = runner.invoke(app, ["build", "db4108-t-6-2020", "--clauses", str(root), "--out", str(out)])
    assert build.exit_code == 1 and "L208" in build.output
    assert not (out / "db4108-t-6-2020").exists()
