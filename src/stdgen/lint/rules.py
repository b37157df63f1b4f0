"""The drafting rules of the lint: stable code, severity and a one-line description."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..diagnostics import Severity
from ..i18n import Lang


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    zh: str
    en: str
    suppressible: bool = True  # a clause may silence it with `suppress: [{code, reason}]`

    def title(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


_RULES = [
    # L1xx: provision types and their verbal forms (GB/T 1.1—2020 Annex C)
    Rule("L101", "warning", "“要求”条款没有使用“应”“不应”（或“应该”“只准许”“不应该”“不准许”）",
         "requirement clause without 应/不应 (or 应该, 只准许, 不应该, 不准许)"),
    Rule("L102", "warning", "“推荐”条款没有使用“宜”“不宜”（或“推荐”“建议”“不推荐”“不建议”）",
         "recommendation clause without 宜/不宜 (or 推荐, 建议, 不推荐, 不建议)"),
    Rule("L103", "warning", "“允许”条款没有使用“可”“不必”（或“可以”“允许”“无须”“不需要”“可以不”）",
         "permission clause without 可/不必 (or 可以, 允许, 无须, 不需要, 可以不)"),
    Rule("L104", "warning", "“陈述”或“指示”条款使用了“应”“宜”“可”等条款助动词",
         "statement or instruction clause that uses the verbal form of a provision (应, 宜, 可)"),
    Rule("L105", "warning", "使用“必须”（“务必”）表示要求，应改为“应”",
         "必须 (务必) used for a requirement: write 应"),
    Rule("L106", "warning", "按 GB/T 1.1—2020 起草的文件使用“不得”（2009版的用语），应改为“不应”",
         "不得 (the GB/T 1.1—2009 form) in a set drafted under the 2020 edition: write 不应"),
    Rule("L107", "warning", "使用“不可”表示禁止，应改为“不应”",
         "不可 used for a prohibition: write 不应"),
    Rule("L108", "warning", "使用“严禁”“禁止”“禁用”“忌”等禁止性用语，应改为“不应”",
         "严禁, 禁止, 禁用, 忌 used for a prohibition: write 不应"),
    Rule("L109", "warning", "用“能”“可能”表示允许，应改为“可”",
         "能/可能 (capability, possibility) used for a permission: write 可"),
    Rule("L110", "warning", "“尽可能”“尽量”“考虑”“避免”“通常”“一般”“原则上”与“应”连用，应改为“宜”",
         "尽可能/尽量/考虑/避免/通常/一般/原则上 together with 应: write 宜"),
    Rule("L111", "warning", "前言、引言、范围、术语定义、注、示例中含有要求、推荐或允许",
         "provision (应/宜/可 …) in the foreword, introduction, scope, a definition, a note or an example"),
    Rule("L112", "warning", "资料性附录中含有要求",
         "requirements in an informative annex"),
    # L2xx: structure and metadata
    Rule("L201", "warning", "第1章“范围”没有内容", "chapter 1 (scope) is empty", suppressible=False),
    Rule("L202", "error", "没有技术章（第4章起）", "no technical chapter (chapter 4 onwards)", suppressible=False),
    Rule("L203", "warning", "附录没有按正文中首次引用的顺序编号",
         "annexes not lettered in the order of their first reference from the body", suppressible=False),
    Rule("L204", "warning", "附录在正文中没有被引用", "annex never referenced from the body", suppressible=False),
    Rule("L205", "warning", "术语在文件中没有使用", "term defined but never used in the text", suppressible=False),
    Rule("L206", "warning", "规范性引用文件在正文中没有被引用", "normative reference never cited in the text",
         suppressible=False),
    Rule("L207", "error", "文件编号格式不对（如 DB34/T 3395—2019）",
         "document number not in the form DB34/T 3395—2019", suppressible=False),
    Rule("L208", "error", "实施日期早于发布日期", "implementation date before the issue date", suppressible=False),
    Rule("L209", "warning", "文件编号与发布日期或封面标志不一致",
         "document number disagrees with the issue year or the cover mark", suppressible=False),
    Rule("L210", "warning", "用语与 GB/T 1.1 版本（edition）不一致",
         "wording disagrees with the GB/T 1.1 edition of the set"),
    Rule("L211", "error", "技术章重复了自动生成的章或位置不对（范围、规范性引用文件、术语和定义、符号和缩略语）",
         "technical chapter repeats a generated chapter or is out of place (scope, references, terms, symbols)"),
    Rule("L212", "warning", "文中引用的文件不在规范性引用文件或参考文献中",
         "document cited in the text but listed neither as normative reference nor in the bibliography"),
    # L3xx: phrases
    Rule("L301", "error", "服务忌语同时是推荐用语", "forbidden phrase also occurs in a recommended phrase"),
    Rule("L302", "error", "服务忌语出现在条文给出的示例用语中",
         "forbidden phrase occurs in a sample phrase quoted in clause text"),
    Rule("L303", "info", "服务忌语没有给出替代用语（instead）", "forbidden phrase without `instead`"),
    # L4xx: control
    Rule("L401", "info", "条款抑制了检查规则（列出理由）", "a clause suppresses a rule (listed with its reason)",
         suppressible=False),
    Rule("L402", "warning", "抑制的代码不是可抑制的检查规则", "suppressed code is not a suppressible lint rule",
         suppressible=False),
    Rule("L403", "warning", "抑制没有起作用（该规则在本条没有报告问题）",
         "suppression that silences nothing", suppressible=False),
    Rule("L404", "warning", "抑制没有写明理由", "suppression without a real reason", suppressible=False),
]

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


def list_rules(lang: Lang = "zh", fmt: str = "text") -> str:
    """The rule list as printed by `stdgen check --list-rules`."""
    if fmt == "json":
        return json.dumps([{"code": r.code, "severity": r.severity, "description": r.title(lang),
                            "suppressible": r.suppressible} for r in _RULES], ensure_ascii=False, indent=2)
    return "\n".join(f"{r.code}  {r.severity:<7}  {r.title(lang)}" for r in _RULES)
