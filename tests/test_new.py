"""`stdgen new`: a set to start from that shows every construct, checks clean and is schema-checked in editors."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from stdgen import model
from stdgen.cli import app

runner = CliRunner()
CONSTRUCTS = (model.Standard, model.Title, model.Clause, model.Term, model.Annex, model.Table, model.Figure,
              model.Form, model.FormCell, model.PhraseGroup, model.ForbiddenPhrase, model.Check, model.Source,
              model.Suppression, model.ListItem, model.FormField, model.LetterBlock, model.TickItem, model.LetterPart)


@pytest.mark.parametrize("edition", ["2020", "2009"])
def test_new_set_checks_clean(tmp_path: Path, edition: str) -> None:
    clauses = tmp_path / "clauses"
    made = runner.invoke(app, ["new", "win", "--code", "WIN", "--edition", edition, "--clauses", str(clauses)])
    assert made.exit_code == 0, made.output
    checked = runner.invoke(app, ["check", "win", "--clauses", str(clauses), "--format", "json"])
    assert checked.exit_code == 0, checked.output
    assert json.loads(checked.stdout) == []  # not even a warning
    scope = yaml.safe_load((clauses / "win" / "standard.yaml").read_text(encoding="utf-8"))["scope"]
    assert scope[0].startswith("本标准" if edition == "2009" else "本文件")


def test_every_construct_is_shown(tmp_path: Path) -> None:
    runner.invoke(app, ["new", "win", "--code", "WIN", "--clauses", str(tmp_path)])
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted((tmp_path / "win").glob("*.yaml")))
    missing = [f"{m.__name__}.{f}" for m in CONSTRUCTS for f in m.model_fields if f"{f}:" not in text]
    assert missing == []


def test_files_name_their_schema_and_pass_it(tmp_path: Path) -> None:
    runner.invoke(app, ["new", "win", "--code", "WIN", "--clauses", str(tmp_path)])
    folder = tmp_path / "win"
    for path in sorted(folder.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "standard" if path.name == "standard.yaml" else "content"
        assert first == f"# yaml-language-server: $schema=.stdgen-schema/{kind}.schema.json"
        schema = json.loads((folder / ".stdgen-schema" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")),
                                     default=lambda v: v.isoformat() if isinstance(v, dt.date) else str(v)))
        jsonschema.validate(data, schema)
        with pytest.raises(jsonschema.ValidationError):  # and the schema does catch a typo
            jsonschema.validate({**data, "titel": "x"}, schema)


def test_new_refuses_a_used_folder(tmp_path: Path) -> None:
    runner.invoke(app, ["new", "win", "--code", "WIN", "--clauses", str(tmp_path)])
    again = runner.invoke(app, ["new", "win", "--code", "WIN", "--clauses", str(tmp_path)])
    assert again.exit_code == 2 and "已存在且不是空的" in again.output
