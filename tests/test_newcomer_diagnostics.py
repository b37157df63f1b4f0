"""Messages a newcomer meets first, each with its exact text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from stdgen.cli import app
from stdgen.diagnostics import Report
from stdgen.loader import load_set

runner = CliRunner()

STANDARD = ("code: T\nnumber: DB34/T 9999—2024\nbanner: 测试\ntitle: {zh: 测试规范}\nissuer: 测试局\n"
            "scope: [本文件规定了测试。]\n")
BODY = "clauses:\n  - id: T-4\n    title: 要求\n    type: requirement\n    text: 工作人员应微笑。\n"


def _set(root: Path, name: str, standard: str = STANDARD, body: str = BODY) -> Path:
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "standard.yaml").write_text(standard, encoding="utf-8")
    (folder / "body.yaml").write_text(body, encoding="utf-8")
    return folder


def _load(folder: Path) -> tuple[object, Report]:
    report = Report()
    return load_set(folder, report), report


def test_unquoted_edition_and_title_shorthand_are_accepted(tmp_path: Path) -> None:
    standard = STANDARD.replace("title: {zh: 测试规范}", "title: 测试规范") + "edition: 2009\n"
    loaded, report = _load(_set(tmp_path, "t", standard))
    assert report.items == []
    assert loaded is not None
    std = loaded.clause_set.standard  # type: ignore[attr-defined]
    assert (std.edition, std.title.zh, std.title.en) == ("2009", "测试规范", None)


def test_unknown_key_gets_did_you_mean_with_exact_text(tmp_path: Path) -> None:
    body = ("terms:\n  - id: T-3.1\n    term: 窗口\n    english: window\n    definition: 服务单元。\n" + BODY)
    folder = _set(tmp_path, "t", body=body)
    _, report = _load(folder)
    assert report.render_text("en") == (
        f"{folder / 'body.yaml'}:4:5 S001 error: unknown key 'english'\n"
        "    hint: did you mean 'en'?; allowed keys here: id, term, en, definition, notes, source")


def test_every_unknown_key_gets_a_suggestion(tmp_path: Path) -> None:
    body = BODY + "    paragraphs: [x]\n    zzz: 1\n"
    _, report = _load(_set(tmp_path, "t", body=body))
    hints = {d.message: d.hint.split(";")[0] for d in report.items}
    assert hints["unknown key 'paragraphs'"] == "did you mean 'text'?"
    assert hints["unknown key 'zzz'"].startswith("did you mean '")


def test_one_invalid_value_does_not_hide_the_rest_of_the_file(tmp_path: Path) -> None:
    standard = STANDARD + "issued: 2019-13-04\nedition: 2015\nproposr: [某局]\n"
    folder = _set(tmp_path, "t", standard)
    _, report = _load(folder)
    got = [(d.code, d.position.line, d.message) for d in report.items]
    assert got == [
        ("Y005", 7, "value '2019-13-04' cannot be read: month must be in 1..12"),
        ("S003", 8, "'2015' is not an allowed value of 'edition'"),
        ("S001", 9, "unknown key 'proposr'"),
    ], got


def test_a_broken_set_does_not_stop_check_or_build_of_another(tmp_path: Path) -> None:
    root = tmp_path / "clauses"
    _set(root, "good")
    _set(root, "bad", STANDARD.replace("issuer: 测试局\n", "issuer: 测试局\nisuer: x\n").replace("code: T", "code: B"),
         BODY.replace("T-4", "B-4"))
    out = tmp_path / "out"
    checked = runner.invoke(app, ["check", "good", "bad", "--clauses", str(root), "--format", "json"])
    assert checked.exit_code == 1
    assert [d["code"] for d in json.loads(checked.stdout) if d["severity"] == "error"] == ["S001"]
    built = runner.invoke(app, ["build", "good", "bad", "--clauses", str(root), "--out", str(out), "--jobs", "1",
                                "--lang", "en"])
    assert built.exit_code == 1
    assert "S001 error: unknown key 'isuer'" in built.output
    assert (out / "good" / "standard.html").is_file()
    assert not (out / "bad").exists()


@pytest.mark.slow
def test_build_says_when_a_checklist_would_be_empty(tmp_path: Path) -> None:
    root = tmp_path / "clauses"
    _set(root, "t", body=BODY.replace("type: requirement", "type: statement").replace("应微笑", "微笑"))
    out = tmp_path / "out"
    built = runner.invoke(app, ["build", "--clauses", str(root), "--out", str(out), "--jobs", "1", "--lang", "en"])
    assert built.exit_code == 0, built.output
    assert (f"{out / 't' / 'checklist'}:0:0 B003 warning: the checklist of t has no rows: the set has no "
            "requirement clause (type: requirement) and no clause with check:") in built.output


def test_lang_applies_to_import_and_checklist(tmp_path: Path) -> None:
    seed = Path(__file__).parent / "data" / "seeds" / "000_409eb28d6bae5e62.txt"
    english = runner.invoke(app, ["import", str(seed), "--code", "QX", "--clauses", str(tmp_path / "en"),
                                  "--lang", "en"])
    chinese = runner.invoke(app, ["import", str(seed), "--code", "QX", "--clauses", str(tmp_path / "zh")])
    assert "L108 warning: 7.3.1 (QX-7.3.1)" in english.output
    assert "L108 警告：7.3.1（QX-7.3.1）" in chinese.output  # Chinese unless asked otherwise
    root = tmp_path / "clauses"
    _set(root, "t", body=BODY.replace("text: 工作人员应微笑。", "text: 工作人员必须微笑。"))
    listed = runner.invoke(app, ["checklist", "--clauses", str(root), "--out", str(tmp_path / "out"), "--lang", "en"])
    assert "L105 warning: chapter 4 (T-4)" in listed.output
