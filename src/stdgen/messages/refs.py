"""Wording of structure and reference diagnostics: R001–R020."""

from __future__ import annotations

from ..i18n import Lang

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {
    "R001": {
        "zh": ("编号“{ident}”重复（已用于{other}）", "编号在条款集内唯一：给这一项一个新编号"),
        "en": ("duplicate ID '{ident}' (also used for {other})", "IDs are unique within a set; give this one a new ID"),
    },
    "R002": {
        "zh": ("交叉引用 [[{ident}]] 指向的编号在本条款集中不存在", "{hint}"),
        "en": ("cross-reference [[{ident}]] points at no ID of this set", "{hint}"),
    },
    "R003": {
        "zh": ("{number} 只有一个下级条 {child}", "GB/T 1.1：至少有两个同级条时才设条：把它并入上级，或增加一个同级条"),
        "en": ("{number} has a single sub-clause {child}",
               "GB/T 1.1: a clause exists only with at least one sibling; merge it into its parent or add a sibling"),
    },
    "R003.published": {
        "zh": ("{number} 只有一个下级条 {child}（照原文）",
               "GB/T 1.1：至少有两个同级条时才设条：把它并入上级，或增加一个同级条"),
        "en": ("{number} has a single sub-clause {child} (as published)",
               "GB/T 1.1: a clause exists only with at least one sibling; merge it into its parent or add a sibling"),
    },
    "R004": {
        "zh": ("{number} 的下级条有的有标题、有的没有（{untitled} 无标题）", "同级条应都有标题或都没有标题"),
        "en": ("sub-clauses of {number} mix titled and untitled ({untitled} untitled)",
               "siblings are all titled or all untitled"),
    },
    "R005": {
        "zh": ("{number} 在其所在章之下超过五层", "调整结构：章以下的条最多五层"),
        "en": ("{number} is more than five levels below its chapter",
               "restructure: at most five clause levels below a chapter"),
    },
    "R006": {
        "zh": ("相关编号“{ident}”在已载入的条款集中都不存在", "核对另一条款集中的编号"),
        "en": ("related ID '{ident}' exists in no loaded clause set", "check the ID in the other set"),
    },
    "R007": {
        "zh": ("编号“{ident}”不以本条款集的前缀“{code}-”开头", "使用“{code}-…”（变体用自己的前缀新增条款）"),
        "en": ("ID '{ident}' does not start with the set's prefix '{code}-'",
               "use '{code}-…' (a fork adds clauses with its own prefix)"),
    },
    "R008": {
        "zh": ("表单“{form}”在本条款集中没有定义", "在内容文件的 forms: 下定义它"),
        "en": ("form '{form}' is not defined in this set", "define it under 'forms:' in a content file"),
    },
    "R009": {
        "zh": ("{number} 的列项超过两层", "列项最多两层"),
        "en": ("{number} has a list more than two levels deep", "lists have at most two levels"),
    },
    "R010": {
        "zh": ("“{ident}”把“{other}”（{other_set}）列为相关条款，但“{other}”没有列出“{ident}”",
               "把 {ident} 加入 {other} 的 related（{there}），或在此处删去 {other}"),
        "en": ("'{ident}' lists '{other}' ({other_set}) as related, but '{other}' does not list '{ident}'",
               "add {ident} to the related list of {other} ({there}), or remove {other} here"),
    },
    "R010.not-clause": {
        "zh": ("相关编号“{other}”（{holder}）不是条款，无法双向关联", "related 只关联条款：改为关联包含它的条款"),
        "en": ("related ID '{other}' ({holder}) is not a clause, so the link cannot go both ways",
               "related links join clauses; link the clause that holds it"),
    },
    "R011": {
        "zh": ("{kept} 保留原文编号；按顺序应编为 {sequence}", "GB/T 1.1 按顺序编号；已发布的标准保留其印刷的编号"),
        "en": ("{kept} kept as published; numbered in sequence they would be {sequence}",
               "GB/T 1.1 numbers clauses in sequence; a published standard keeps its printed numbers"),
    },
    "R012": {
        "zh": ("“{ident}”既由 {name} 定义，又由 {first} 定义，而两者互不为变体",
               "给其中一个条款集以自己的前缀，或使其成为变体："
               "在其 standard.yaml 中写“extends: {first}”（见 stdgen fork）"),
        "en": ("'{ident}' is defined by {name} and by {first}, which are not variants of each other",
               "give one set its own prefix, or make it a variant: 'extends: {first}' in its standard.yaml "
               "(see stdgen fork)"),
    },
    "R013": {
        "zh": ("{name} 的{count}个相关链接指向不在此处的条款集：{sets}",
               "链接予以保留；这些条款集放入条款文件夹后再检查"),
        "en": ("{count} related link(s) of {name} point into sets that are not here: {sets}",
               "the links are kept; they are checked when those sets are in the clauses folder"),
    },
    "R014": {
        "zh": ("{owner} 的 {key} 中交叉引用“{text}”格式不对",
               "写成 [[ID]]，有编号、无空格，如 [[QC-10.4]]；文字“[[”无法印出"),
        "en": ("malformed cross-reference '{text}' in the {key} of {owner}",
               "write [[ID]] with an ID and no spaces, e.g. [[QC-10.4]]; a literal [[ cannot be printed"),
    },
    "R014.title": {
        "zh": ("{owner} 的 {key} 中含有交叉引用；标题按原样印出", "把引用移到正文中"),
        "en": ("the {key} of {owner} holds a cross-reference; titles print as written",
               "move the reference into the text"),
    },
    "R015": {
        "zh": ("{owner} 用 [[{owner}]] 引用了自身", "引用另一条款，或删去这个引用"),
        "en": ("{owner} refers to itself with [[{owner}]]", "refer to another clause, or drop the reference"),
    },
    "R020": {
        "zh": ("内容标为缺失（missing），但条款集声明其来源文本是完整的",
               "在 standard.yaml 中写 complete: false，或删去 missing"),
        "en": ("text is marked missing but the set says its source is complete",
               "set complete: false in standard.yaml, or remove missing"),
    },
}

PHRASES: dict[str, dict[Lang, str]] = {
    "kind-chapter": {"zh": "第{number}章", "en": "chapter {number}"},
    "kind-clause": {"zh": "{number}", "en": "clause {number}"},
    "kind-annex": {"zh": "附录{number}", "en": "annex {number}"},
    "kind-term": {"zh": "术语{number}", "en": "term {number}"},
    "kind-table": {"zh": "{number}", "en": "table {number}"},
    "kind-figure": {"zh": "{number}", "en": "figure {number}"},
    "kind-form": {"zh": "表单{number}", "en": "form {number}"},
    "did-you-mean-ref": {"zh": "是否应为 [[{ident}]]？", "en": "did you mean [[{ident}]]?"},
    "ref-any-id": {"zh": "写 [[ID]]，ID 为条款、附录、术语或表的编号",
                   "en": "write [[ID]] with the ID of a clause, annex, term or table"},
    "prefix-count": {"zh": "{code}-（{count}个）", "en": "{code}- ({count})"},
    "ideographic-sep": {"zh": "、", "en": "、"},
}
