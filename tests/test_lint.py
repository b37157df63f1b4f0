"""Drafting lint (L1xx–L4xx): every rule fires on a clause made to break it and stays quiet on a near miss."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import line_of
from stdgen.cli import app
from stdgen.diagnostics import Position, Report, Severity
from stdgen.i18n import Lang
from stdgen.lint import RULES, forms, lint_workspace, list_rules
from stdgen.lint.forms import mask_quotes, scan
from stdgen.messages import CATALOGUE
from stdgen.workspace import open_workspace

runner = CliRunner()

Spec = dict[str, Any]

STANDARD: Spec = {
    "code": "T", "kind": "normative-document", "banner": "测试局", "title": {"zh": "测试规范"}, "issuer": "测试局",
    "scope": ["本文件规定了窗口服务的要求。", "本文件适用于政务服务窗口。"],
}
OK_CLAUSE: Spec = {"id": "T-4", "title": "总则", "type": "requirement", "text": "工作人员应微笑服务。"}


def clause(text: str | list[str], kind: str = "requirement", ident: str = "T-4", **more: Any) -> Spec:
    return {"id": ident, "title": "总则", "type": kind, "text": text, **more}


def write_set(root: Path, clauses: list[Spec] | None = None, annexes: list[Spec] | None = None,
              terms: list[Spec] | None = None, **standard: Any) -> Path:
    folder = root / "clauses" / "t"
    folder.mkdir(parents=True)
    meta = {**STANDARD, **standard}
    (folder / "standard.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    content: Spec = {"clauses": [OK_CLAUSE] if clauses is None else clauses}
    if annexes:
        content["annexes"] = annexes
    if terms:
        content["terms"] = terms
    (folder / "body.yaml").write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


class Shown(NamedTuple):
    """A diagnostic as worded in one language."""

    code: str
    severity: Severity
    position: Position
    message: str
    hint: str


def run(root: Path, lang: Lang = "zh", **spec: Any) -> list[Shown]:
    """Lint diagnostics (L codes) of a one-set workspace built from spec, worded in lang."""
    write_set(root, **spec)
    report = Report()
    workspace = open_workspace(root / "clauses", report)
    assert not report.errors, report.render_text()
    lint_workspace(workspace, report)
    return [Shown(d.code, d.severity, d.position, *d.text.worded(lang)) for d in report.items if d.code.startswith("L")]


def codes(root: Path, **spec: Any) -> list[str]:
    return [d.code for d in run(root, **spec)]


# ---------------------------------------------------------------- cases: (rule, spec that triggers it, near miss)

ANNEX_A: Spec = {"id": "T-A", "title": "用语示例", "clauses": [
    {"id": "T-A.1", "type": "statement", "text": "用语示例一。"}, {"id": "T-A.2", "type": "statement", "text": "二。"}]}
ANNEX_B: Spec = {"id": "T-B", "title": "登记表", "text": "登记表格式。",
                 "table": {"id": "T-B-T1", "caption": "登记表", "rows": [["姓名", "电话"]]}}
TERM: Spec = {"id": "T-3.1", "term": "亲切服务", "definition": "满足本文件所规定内容的服务。"}
REF: Spec = {"number": "GB/T 36112", "title": "政务服务中心服务现场管理规范"}
LOCAL: Spec = {"kind": "local-standard", "number": "DB34/T 3395—2019", "mark": "DB34",
               "issued": "2019-11-04", "implemented": "2019-12-04"}


def forbidding(phrase: str, ident: str = "T-4", instead: str | None = "请稍等，我帮您问清楚。",
               **more: Any) -> Spec:
    item: Spec = {"text": phrase}
    if instead:
        item["instead"] = instead
    return clause("不应使用服务忌语。", ident=ident, phrases=[{"scenario": "服务忌语", "forbidden": [item]}], **more)


CASES: list[tuple[str, Spec, Spec]] = [
    ("L101", {"clauses": [clause("工作人员微笑服务，响应及时。")]},
     {"clauses": [clause("工作人员应用目光示意，微笑服务。")]}),
    ("L102", {"clauses": [clause("服务环境适宜。", "recommendation")]},
     {"clauses": [clause("服务环境宜整洁。", "recommendation")]}),
    ("L103", {"clauses": [clause("服务对象通过可靠渠道预约。", "permission")]},
     {"clauses": [clause("服务对象可通过电话预约。", "permission")]}),
    ("L104", {"clauses": [clause("工作人员应微笑服务。", "statement")]},
     {"clauses": [clause("服务是一面镜子，反映群众相应的感受；热线能够帮助群众。", "statement")]}),
    ("L105", {"clauses": [clause("工作人员必须微笑服务。")]},
     {"clauses": [clause("工作人员应提醒：“您必须先取号。”")]}),
    ("L106", {"clauses": [clause("工作人员不得擅自离岗。")]},
     {"clauses": [clause("工作人员应坚守岗位，不得不离开时应请同事代岗。")]}),
    ("L106", {"clauses": [clause("工作人员不得擅自离岗。")]},
     {"edition": "2009", "clauses": [clause("工作人员不得擅自离岗。")]}),
    ("L107", {"clauses": [clause("下班时仍有服务对象的，不可拒绝。")]},
     {"clauses": [clause("工作人员应说明：这是不可能的任务，耐心不可或缺。")]}),
    ("L108", {"clauses": [clause("严禁说脏话。")]},
     {"clauses": [clause("工作人员应熟悉服务禁用语清单。")]}),
    ("L109", {"clauses": [clause("服务对象能向中心预约。", "permission")]},
     {"clauses": [clause("服务对象可向中心预约，行动能力不足的可请人代办。", "permission")]}),
    ("L110", {"clauses": [clause("工作人员应尽量缩短等待时间。")]},
     {"clauses": [clause("工作人员应选择庄重的服饰，避免过于休闲。")]}),
    ("L111", {"scope": ["本文件适用于窗口，工作人员应熟悉本文件。"]},
     {"scope": ["本文件规定了窗口服务的相应要求。"]}),
    ("L112", {"annexes": [{**ANNEX_A, "clauses": [
        {"id": "T-A.1", "type": "requirement", "text": "接待时应说：“您好。”"},
        {"id": "T-A.2", "type": "statement", "text": "二。"}]}],
      "clauses": [clause("用语应文明，示例见[[T-A]]。")]},
     {"annexes": [{**ANNEX_A, "normative": True, "clauses": [
         {"id": "T-A.1", "type": "requirement", "text": "接待时应说：“您好。”"},
         {"id": "T-A.2", "type": "statement", "text": "二。"}]}],
      "clauses": [clause("用语应文明，见[[T-A]]。")]}),
    ("L201", {"scope": []}, {}),
    ("L202", {"clauses": []}, {}),
    ("L203", {"annexes": [ANNEX_A, ANNEX_B], "clauses": [clause("登记见[[T-B]]，用语应文明，见[[T-A]]。")]},
     {"annexes": [ANNEX_A, ANNEX_B], "clauses": [clause("用语应文明，见[[T-A]]；登记见表[[T-B-T1]]。")]}),
    ("L204", {"annexes": [ANNEX_A], "clauses": [clause("用语应文明，示例见附录A。")]},
     {"annexes": [ANNEX_A], "clauses": [clause("用语应文明，示例见[[T-A.1]]。")]}),
    ("L205", {"terms": [TERM]},
     {"terms": [TERM], "clauses": [clause("工作人员应提供亲切服务。")]}),
    ("L206", {"normative_references": [REF, {"number": "GB/T 32169", "title": "运行规范"}],
              "clauses": [clause("物品应按照 GB/T 36112 和 GB/T 32169.1 的要求摆放。")]},
     {"normative_references": [REF], "clauses": [clause("物品应按照GB/T 36112—2018的要求摆放。")]}),
    ("L207", {**LOCAL, "number": "DB 34/T 3395-2019"}, LOCAL),
    ("L208", {**LOCAL, "implemented": "2019-11-01"}, {**LOCAL, "implemented": "2019-11-04"}),
    ("L209", {**LOCAL, "issued": "2020-01-02", "implemented": "2020-02-01"}, LOCAL),
    ("L210", {"clauses": [clause("本规范自发布之日起施行，工作人员应遵守。")]},
     {"edition": "2009", "clauses": [clause("本标准自发布之日起施行，工作人员应遵守。")]}),
    ("L211", {"clauses": [clause("本文件规定了窗口服务。", "statement", "T-1", title="范围"), OK_CLAUSE]},
     {"clauses": [clause("ABC：示例缩略语。", "statement", "T-0", title="符号和缩略语"), OK_CLAUSE]}),
    ("L212", {"clauses": [clause("设施应符合 GB/T 99999 的要求。")]},
     {"bibliography": ["GB/T 99999 设施规范"], "clauses": [clause("设施应符合 GB/T 99999 的要求。")]}),
    ("L301", {"clauses": [forbidding("我不知道"), {**OK_CLAUSE, "id": "T-5", "phrases": [
        {"scenario": "询问", "recommended": ["对不起，我不知道，我帮您问问。"]}]}]},
     {"clauses": [forbidding("我不知道"), {**OK_CLAUSE, "id": "T-5", "phrases": [
         {"scenario": "询问", "recommended": ["不知道这样解释能否消除您的顾虑？"]}]}]}),
    ("L302", {"clauses": [forbidding("有话快说"), clause("倾听时应说：“有话快说，我听着。”", ident="T-5")]},
     {"clauses": [forbidding("有话快说"), clause("不应使用“有话快说”等用语。", ident="T-5")]}),
    ("L303", {"clauses": [forbidding("喂！", instead=None)]}, {"clauses": [forbidding("喂！")]}),
    ("L401", {"clauses": [clause("工作人员必须微笑服务。", suppress=[{"code": "L105", "reason": "来源文本原文照录"}])]},
     {"clauses": [clause("工作人员必须微笑服务。")]}),
    ("L402", {"clauses": [clause("工作人员应微笑服务。", suppress=[{"code": "R003", "reason": "来源文本只有一条"}])]},
     {"clauses": [clause("工作人员必须微笑服务。", suppress=[{"code": "L105", "reason": "来源文本原文照录"}])]}),
    ("L403", {"clauses": [clause("工作人员应微笑服务。", suppress=[{"code": "L105", "reason": "来源文本原文照录"}])]},
     {"clauses": [clause("工作人员必须微笑服务。", suppress=[{"code": "L105", "reason": "来源文本原文照录"}])]}),
    ("L404", {"clauses": [clause("工作人员必须微笑服务。", suppress=[{"code": "L105", "reason": "TODO"}])]},
     {"clauses": [clause("工作人员必须微笑服务。", suppress=[{"code": "L105", "reason": "来源文本原文照录"}])]}),
]


def test_every_rule_has_cases_and_wording() -> None:
    assert sorted({code for code, _, _ in CASES}) == sorted(RULES)
    for code in RULES:
        assert {"zh", "en"} <= set(CATALOGUE[code]), code


@pytest.mark.parametrize(("code", "bad", "good"), CASES, ids=[f"{c}-{i}" for i, (c, _, _) in enumerate(CASES)])
def test_rule_fires_and_near_miss_is_quiet(tmp_path: Path, code: str, bad: Spec, good: Spec) -> None:
    found = run(tmp_path / "bad", **bad)
    assert code in [d.code for d in found], found
    assert all(d.severity == RULES[d.code].severity and d.hint for d in found)
    quiet = codes(tmp_path / "good", **good)
    assert code not in quiet, quiet


# ---------------------------------------------------------------- details of single rules


def test_requirement_with_informal_word_names_it(tmp_path: Path) -> None:
    [found] = run(tmp_path, clauses=[clause("接待时，要主动问好。")])
    assert found.code == "L101" and "“要”" in found.message


def test_text_that_is_only_its_own_phrases_is_a_quote(tmp_path: Path) -> None:
    spec = forbidding("我就是这样，你能把我怎么样。", instead="请您稍等。")
    spec["text"] = "我就是这样，你能把我怎么样。（他人投诉时）"
    assert codes(tmp_path, clauses=[spec]) == []


def test_quotation_left_open_is_still_a_quote(tmp_path: Path) -> None:
    assert codes(tmp_path, clauses=[clause("办理时应说：“请稍候，您必须排队。")]) == []


def test_provisions_in_notes_examples_definitions_foreword_introduction(tmp_path: Path) -> None:
    found = run(tmp_path, foreword=["本文件由测试局提出，使用者宜关注修订。"], introduction=["窗口可以更好。"],
                terms=[{**TERM, "definition": "工作人员应提供的服务。"}],
                clauses=[clause("工作人员应提供亲切服务。", notes=["注：必要时应记录。"],
                                examples=["示例：可先致歉。"])])
    places = sorted(d.message.split("含有")[0] for d in found if d.code == "L111")
    assert places == sorted(["第4章（T-4）的注", "第4章（T-4）的示例", "前言", "引言", "术语3.1“亲切服务”的定义"])
    assert {d.code for d in found} == {"L111"}


def test_hedge_continuing_a_requirement(tmp_path: Path) -> None:
    found = run(tmp_path, clauses=[clause("接听电话时应先致歉，请其稍候，并尽量避免让其久等。")])
    assert [d.code for d in found] == ["L110"]
    assert "尽量、避免" in found[0].message


def test_annex_order_names_the_expected_letter(tmp_path: Path) -> None:
    found = run(tmp_path, annexes=[ANNEX_A, ANNEX_B], clauses=[clause("登记见[[T-B]]，用语应文明，见[[T-A]]。")])
    order = sorted(d.message for d in found if d.code == "L203")
    assert order == ["附录A（T-A）按正文中首次引用的顺序应为附录B", "附录B（T-B）按正文中首次引用的顺序应为附录A"]


def test_literal_annex_reference_gets_the_cross_reference_hint(tmp_path: Path) -> None:
    [found] = [d for d in run(tmp_path, annexes=[ANNEX_A], clauses=[clause("示例应见附录A。")]) if d.code == "L204"]
    assert "[[T-A]]" in found.hint and "附录A" in found.message


def test_number_problems_are_named(tmp_path: Path) -> None:
    [found] = run(tmp_path, **{**LOCAL, "number": "DB 34/T 3395-2019"})
    assert found.code == "L207" and "“—”" in found.message and "空格" in found.message
    assert codes(tmp_path / "missing", **{**LOCAL, "number": None}) == ["L207"]
    assert codes(tmp_path / "draft", **{**LOCAL, "number": None, "status": "draft"}) == []
    assert codes(tmp_path / "mark", **{**LOCAL, "mark": "DB35"}) == ["L209"]


def test_edition_mentioned_in_foreword(tmp_path: Path) -> None:
    found = run(tmp_path, foreword=["本文件参照 GB/T 1.1-2009 起草。"])
    assert [d.code for d in found] == ["L210"] and "2009" in found[0].message


def test_2009_standard_calls_itself_benbiaozhun(tmp_path: Path) -> None:
    spec = {**LOCAL, "edition": "2009", "scope": ["本文件规定了窗口服务。"]}
    found = run(tmp_path, **spec)
    assert [d.code for d in found] == ["L210"] and "本标准" in found[0].hint
    assert codes(tmp_path / "ok", **{**spec, "scope": ["本标准规定了窗口服务。"]}) == []


def test_terms_from_must_be_normative_reference(tmp_path: Path) -> None:
    assert codes(tmp_path, terms_from=["GB/T 32169.1"], terms=[TERM],
                 clauses=[clause("应提供亲切服务。")]) == ["L212"]
    assert codes(tmp_path / "ok", terms_from=["GB/T 32169.1"], terms=[TERM], clauses=[clause("应提供亲切服务。")],
                 normative_references=[{"number": "GB/T 32169.1", "title": "运行规范"}]) == []


def test_suppression_is_listed_with_reason(tmp_path: Path) -> None:
    found = run(tmp_path, clauses=[clause("工作人员必须微笑服务。",
                                          suppress=[{"code": "L105", "reason": "来源文本原文照录"}])])
    assert [(d.code, d.severity) for d in found] == [("L401", "info")]
    assert "来源文本原文照录" in found[0].message and "L105" in found[0].message


def test_unreasoned_suppression_does_not_silence(tmp_path: Path) -> None:
    found = codes(tmp_path, clauses=[clause("工作人员必须微笑服务。", suppress=[{"code": "L105", "reason": " - "}])])
    assert sorted(found) == ["L105", "L404"]


def test_resolve_structure_rules_are_not_repeated(tmp_path: Path) -> None:
    write_set(tmp_path, clauses=[{"id": "T-4", "title": "总则", "clauses": [
        {"id": "T-4.1", "type": "requirement", "text": "工作人员应微笑。"}]}])
    report = Report()
    workspace = open_workspace(tmp_path / "clauses", report)
    lint_workspace(workspace, report)
    assert [d.code for d in report.items] == ["R003"]


def test_english_messages(tmp_path: Path) -> None:
    [found] = run(tmp_path, lang="en", clauses=[clause("工作人员必须微笑服务。")])
    assert found.message.startswith("chapter 4 (T-4) uses 必须 for a requirement")
    assert "write 应" in found.hint


def test_position_is_the_clause_text(tmp_path: Path) -> None:
    [found] = run(tmp_path, clauses=[OK_CLAUSE, clause("工作人员必须微笑服务。", ident="T-5")])
    body = tmp_path / "clauses" / "t" / "body.yaml"
    assert Path(found.position.file) == body
    assert found.position.line == line_of(body, "必须")


@pytest.mark.parametrize(("text", "words"), [
    ("应用目光或点头示意", ["应"]), ("评价结果应用于考核", []), ("相应的响应、反应、适应、供应、对应、应答、应急", []),
    ("可行、可靠、认可、许可、适宜、便宜", []), ("不应用手指", ["不应"]), ("高效应对突发事件", []),
    ("应对其进行审核", ["应"]), ("推广应用新技术", []),
    ("不得不加班", []), ("尽可能避免", ["尽可能", "避免"]), ("宜“应该”可", ["宜", "可"]),
])
def test_scanner(text: str, words: list[str]) -> None:
    assert [h.word for h in scan(text)] == words


def test_mask_quotes_keeps_length() -> None:
    text = "应说：“您好”，再说《应急预案》和“未闭合"
    masked = mask_quotes(text)
    assert len(masked) == len(text) and "您好" not in masked and "应急" not in masked and "未闭合" not in masked


def _mask_quotes_one_by_one(text: str) -> str:
    """mask_quotes as it was first written, a character at a time: the reference for the fast one."""
    out: list[str] = []
    i = 0
    while i < len(text):
        close = forms.QUOTE_PAIRS.get(text[i])
        if close is None:
            out.append(text[i])
            i += 1
            continue
        j = text.find(close, i + 1)
        end = len(text) if j < 0 else j
        out.append(text[i] + forms.MASK * (end - i - 1))
        if j >= 0:
            out.append(close)
        i = end + 1 if j >= 0 else end
    return "".join(out)


def _scan_everywhere(text: str) -> list[tuple[str, int]]:
    """scan trying every position, as it was first written: the reference for the one that skips."""
    masked = _mask_quotes_one_by_one(text)
    hits: list[tuple[str, int]] = []
    i = 0
    while i < len(masked):
        step = 1
        for size in range(min(forms._LONGEST, len(masked) - i), 0, -1):
            word = masked[i:i + size]
            if word in forms._PLAIN or (word in forms._CONTEXT_WORDS and forms._CONTEXT_WORDS[word](masked, i)):
                step = size
                break
            if word in forms.FORMS:
                hits.append((word, i))
                step = size
                break
        i += step
    return hits


PIECES = sorted({*forms.FORMS, *forms._PLAIN_WORDS, *forms.QUOTE_PAIRS, *forms.QUOTE_PAIRS.values(), "于", "突发",
                 "推广", "的", "工作人员", "。", "，", "\n", "服务"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(alphabet="应可不宜得能需要禁忌“”《》\"用对于", max_size=3),
                max_size=40).map("".join))
def test_the_scanner_finds_what_trying_every_position_finds(text: str) -> None:
    assert mask_quotes(text) == _mask_quotes_one_by_one(text)
    assert [(h.word, h.start) for h in scan(text)] == _scan_everywhere(text)


# ---------------------------------------------------------------- command line


def test_list_rules_command() -> None:
    result = runner.invoke(app, ["check", "--list-rules"])
    assert result.exit_code == 0
    for code in RULES:
        assert code in result.stdout
    assert "必须" in result.stdout
    english = runner.invoke(app, ["check", "--list-rules", "--lang", "en", "--format", "json"])
    rows = json.loads(english.stdout)
    assert [r["code"] for r in rows] == list(RULES)
    assert rows[0]["description"].startswith("requirement clause")
    assert list_rules("en").splitlines()[0].startswith("L101  warning")


def test_check_command_end_to_end(tmp_path: Path) -> None:
    write_set(tmp_path, clauses=[clause("工作人员必须微笑服务。")])
    folder = str(tmp_path / "clauses")
    result = runner.invoke(app, ["check", "--clauses", folder, "--format", "json"])
    assert result.exit_code == 0, result.output  # warnings only
    found = json.loads(result.stdout)
    assert [(d["code"], d["severity"]) for d in found] == [("L105", "warning")]
    assert "必须" in found[0]["message"] and found[0]["hint"]
    strict = runner.invoke(app, ["check", "--clauses", folder, "--strict"])
    assert strict.exit_code == 1
    assert "L105 警告：" in strict.output
    english = runner.invoke(app, ["check", "--clauses", folder, "--lang", "en"])
    assert "uses 必须 for a requirement" in english.output


def test_check_command_fails_on_lint_error(tmp_path: Path) -> None:
    write_set(tmp_path, **{**LOCAL, "number": "DB34/T 3395-2019"})
    result = runner.invoke(app, ["check", "--clauses", str(tmp_path / "clauses")])
    assert result.exit_code == 1
    assert "L207 错误：" in result.output
