"""Messages in the run's language: every code the source can emit is worded in Chinese and English,
a run prints in one language only (Chinese unless --lang en), and each family's wording is exact."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from typer.testing import CliRunner

import stdgen
from stdgen.cli import app
from stdgen.diagnostics import Position, Report
from stdgen.i18n import LANGS, Message, msg, phrase
from stdgen.loader import load_set
from stdgen.messages import CATALOGUE, PHRASES

runner = CliRunner()
SRC = Path(stdgen.__file__).parent
CODE = re.compile(r'"([A-Z]\d{3})[".]')
KEY = re.compile(r'"([A-Z]\d{3}(?:\.[\w-]+)?)"')
CJK = re.compile(r"[\u3400-\u9fff]")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _sources() -> dict[Path, str]:
    return {p: p.read_text(encoding="utf-8") for p in SRC.rglob("*.py") if "messages" not in p.parts}


def test_every_entry_has_both_languages_with_the_same_parameters() -> None:
    for key, entry in CATALOGUE.items():
        assert set(entry) == set(LANGS), key
        for part in (0, 1):
            assert _fields(entry["zh"][part]) == _fields(entry["en"][part]), (key, part)
            assert entry["zh"][part] != entry["en"][part] or not CJK.search(entry["en"][part]), (key, part)
        assert entry["zh"][0] and entry["en"][0], key
    for key, words in PHRASES.items():  # a phrase may leave out what PyYAML or pydantic words in English only
        assert set(words) == set(LANGS), key


def test_chinese_wording_is_chinese() -> None:
    """A zh message or hint has Chinese words of its own (beyond its parameters), except one that only
    quotes its parameter (e.g. a hint that is a phrase)."""
    for key, entry in CATALOGUE.items():
        for template in entry["zh"]:
            own = re.sub(r"\{[^}]*\}", "", template)
            assert CJK.search(own) or not own.strip(" ：:；;（）()“”'\""), (key, template)


def test_every_code_the_source_emits_is_worded() -> None:
    """Every diagnostic code named in the source has catalogue wording, and every catalogue key the
    source uses exists: a new message written in English only fails here."""
    worded_codes = {key.split(".")[0] for key in CATALOGUE}
    for path, text in _sources().items():
        for code in CODE.findall(text):
            assert code in worded_codes, f"{path.name}: {code} has no wording in stdgen.messages"
        for key in KEY.findall(text):
            if "." in key:
                assert key in CATALOGUE, f"{path.name}: {key} is not in the catalogue"


def test_every_phrase_the_source_names_exists() -> None:
    for path, text in _sources().items():
        for key in re.findall(r'\b(?:phrase|word|_say)\((?:report, )?"([\w-]+)"\s*[,)]', text):
            assert key in PHRASES, f"{path.name}: phrase {key} is not in the catalogue"


def test_readme_table_codes_are_worded() -> None:
    readme = (SRC.parent.parent / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Diagnostic codes", 1)[1].split("\n## ", 1)[0]
    worded_codes = {key.split(".")[0] for key in CATALOGUE}
    for first, last in re.findall(r"\| ([A-Z]\d{3})(?:[–-]([A-Z]\d{3}))?", table):
        assert first in worded_codes, first
        if last:
            assert last in worded_codes, last


def test_a_message_is_worded_when_printed_and_survives_the_build_record() -> None:
    report = Report(lang="en")
    report.add(msg("S001", key="english", hint=phrase("did-you-mean-key", name="en", keys=["id", "en"])),
               Position("body.yaml", 4, 5))
    [diag] = report.items
    assert diag.render("zh") == ("body.yaml:4:5 S001 错误：未知的键“english”\n"
                                 "    提示：是否应为“en”？此处允许的键：id、en")
    assert report.render_text() == ("body.yaml:4:5 S001 error: unknown key 'english'\n"
                                    "    hint: did you mean 'en'?; allowed keys here: id, en")
    assert Message.from_data(json.loads(json.dumps(diag.text.as_data()))) == diag.text
    assert json.loads(report.render_json("zh"))[0]["message"] == "未知的键“english”"


EXACT: list[tuple[Message, str, str]] = [
    (msg("Y002", key="title"), "键“title”重复", "duplicate key 'title'"),
    (msg("F004", name="nope", sets=["a", "b"]), "没有名为“nope”的条款集", "no clause set named 'nope'"),
    (msg("S002", key="reason"), "缺少必需的键“reason”", "missing required key 'reason'"),
    (msg("S003", value="2015", key="edition", expected=phrase("one-of", values=[])),
     "“2015”不是“edition”允许的值", "'2015' is not an allowed value of 'edition'"),
    (msg("R002", ident="QC-99", hint=phrase("did-you-mean-ref", ident="QC-9")),
     "交叉引用 [[QC-99]] 指向的编号在本条款集中不存在", "cross-reference [[QC-99]] points at no ID of this set"),
    (msg("V009", ident="X-1", code="CITY"), "新增的编号“X-1”不以本变体的前缀“CITY-”开头",
     "the added ID 'X-1' does not start with the variant's prefix 'CITY-'"),
    (msg("K104", name="clerk", label="经办人"), "必填字段“clerk”（经办人）为空",
     "required field 'clerk' (经办人) is empty"),
    (msg("C103", number="4.2", ident="TS-4.2"), "缺少检查表中 4.2（TS-4.2）的一行",
     "no row for 4.2 (TS-4.2) of the checklist"),
    (msg("C002", ident="QC-4", topic="首问负责"), "“QC-4”与主题“首问负责”中的其他条款都没有相关链接",
     "'QC-4' has no related link to another clause of topic '首问负责'"),
    (msg("B006", folder="out", reason="Read-only file system"), "无法写入 out：Read-only file system",
     "cannot write to out: Read-only file system"),
    (msg("T001.folder", folder="tpl"), "没有模板文件夹 tpl", "no templates folder tpl"),
    (msg("I001", where=phrase("import-at-line", number="237"), what="x", why=phrase("import-bibliography-text")),
     "第237行：“x”：参考文献中不是编号条目 [n] 的文字",
     "line 237: 'x': 参考文献 text that is not a numbered entry [n]"),
    (msg("L207.missing"), "地方标准没有文件编号", "the local standard has no number"),
]


@pytest.mark.parametrize(("message", "zh", "en"), EXACT, ids=[m.key for m, _, _ in EXACT])
def test_exact_wording_in_both_languages(message: Message, zh: str, en: str) -> None:
    assert message.worded("zh")[0] == zh
    assert message.worded("en")[0] == en


def test_pydantic_problems_are_worded_in_chinese(tmp_path: Path) -> None:
    folder = tmp_path / "t"
    folder.mkdir()
    (folder / "standard.yaml").write_text("code: T\ntitle: {zh: 测试}\nissued: 2019-13-04\nedition: 2015\n"
                                          "drafters: 张三\nenglish: x\n", encoding="utf-8")
    report = Report()
    load_set(folder, report)
    shown = {d.code: d.text.worded("zh") for d in report.items}
    assert shown["Y005"][0] == "值“2019-13-04”无法读取：月份应在 1～12 之间"
    assert shown["S003"] == ("“2015”不是“edition”允许的值", "应为“2009”“2020”之一")
    assert shown["S004"][0] == "drafters：应为列表（每项以“- ”开头，或写成 [ … ]）"
    assert shown["S001"][0] == "未知的键“english”"
    english = {d.code: d.message for d in report.items}
    assert english["S004"] == "drafters: Input should be a valid list"


def _broken_project(root: Path) -> Path:
    clauses = root / "clauses"
    bad = clauses / "bad"
    bad.mkdir(parents=True)
    (bad / "standard.yaml").write_text("code: B\ntitle: {zh: 测试}\nisuer: x\n", encoding="utf-8")
    (bad / "body.yaml").write_text("clauses:\n  - id: B-4\n    title: 总则\n    title: 要求\n    text: 应微笑。\n",
                                   encoding="utf-8")
    good = clauses / "good"
    good.mkdir()
    (good / "standard.yaml").write_text("code: G\nkind: local-standard\nnumber: DB34/T 3395-2019\nbanner: 测试\n"
                                        "title: {zh: 测试规范}\nissuer: 测试局\nscope: [本文件规定了测试。]\n",
                                        encoding="utf-8")
    (good / "body.yaml").write_text("clauses:\n  - id: G-4\n    title: 要求\n    type: requirement\n"
                                    "    text: 工作人员应微笑，见[[G-9]]。\n", encoding="utf-8")
    return clauses


def _run(clauses: Path, *lang: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["check", "bad", "good", "nope", "--clauses", str(clauses), "--format", "json",
                                 *lang])
    assert result.exit_code == 1, result.output
    return list(json.loads(result.stdout))


def test_a_run_prints_one_language(tmp_path: Path) -> None:
    clauses = _broken_project(tmp_path)
    chinese, english = _run(clauses), _run(clauses, "--lang", "en")
    families = {str(d["code"])[0] for d in chinese}
    assert families >= {"Y", "S", "R", "L", "F"}, chinese
    assert [d["code"] for d in chinese] == [d["code"] for d in english]
    for zh, en in zip(chinese, english, strict=True):
        assert CJK.search(str(zh["message"])) and CJK.search(str(zh["hint"])), zh
        assert not CJK.search(str(en["message"])) and not CJK.search(str(en["hint"])), en
    text = runner.invoke(app, ["check", "bad", "good", "--clauses", str(clauses)]).output
    lines = [line for line in text.splitlines() if line.strip()]
    assert all(re.search(r" [A-Z]\d{3} (错误|警告|信息)：", line) or line.startswith("    提示：")
               for line in lines[:-1]), text
    assert re.fullmatch(r"\d+个错误，\d+个警告", lines[-1]), lines[-1]


def test_every_language_renders_every_entry() -> None:
    """Each template fills with its own parameters (no stray brace, no unknown name)."""
    for key, entry in CATALOGUE.items():
        for lang in LANGS:
            args = {name: "x" for part in entry[lang] for name in _fields(part)}
            assert Message(key, tuple(args.items())).worded(lang)[0], key
    for key, words in PHRASES.items():
        for lang in LANGS:
            phrase(key, **{name: "x" for name in _fields(words[lang])}).render(lang)


def test_keys_built_at_run_time_exist() -> None:
    """Keys the source composes (a kind, a pydantic error type, a template's context) are all worded."""
    import typing

    from stdgen.importer import PLACES
    from stdgen.loader import PYDANTIC_PROBLEMS, VALUE_ERRORS
    from stdgen.resolve import Kind

    assert all(f"kind-{kind}" in PHRASES for kind in typing.get_args(Kind))
    assert all(f"pydantic-{kind}" in PHRASES for kind in PYDANTIC_PROBLEMS)
    assert all(key in PHRASES for key in VALUE_ERRORS.values())
    assert all(f"import-at-{place}" in PHRASES for place in PLACES)
    assert all(f"K105.{kind}" in CATALOGUE for kind in ("date", "time", "phone", "id-card", "choice"))
    contexts = ("build", "checklist", "cards", "score")  # where TemplateProblem.text is called
    assert {f"{code}.{where}" for code in ("T001", "T002") for where in contexts} <= set(CATALOGUE)
    assert "T001.check" in CATALOGUE
