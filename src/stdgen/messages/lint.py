"""Wording of the drafting lint's diagnostics (L101–L404) and of the words they name."""

from __future__ import annotations

from ..i18n import Arg, Lang, Phrase, phrase

M = dict[Lang, tuple[str, str]]

CATALOGUE: dict[str, M] = {
    "L101": {
        "zh": ("{label}的类型为“要求”，但条文中没有“应”“不应”（或“应该”“只准许”“不应该”“不准许”）",
               "用“应”“不应”表述要求；若本条只是陈述或指示，把 type 改为 statement 或 instruction"),
        "en": ("{label} is a requirement but its text has no 应/不应 (or 应该, 只准许, 不应该, 不准许)",
               "express the requirement with 应/不应; if the clause only states or instructs, "
               "set type: statement or instruction"),
    },
    "L101.word": {
        "zh": ("{label}的类型为“要求”，但条文用“{word}”而不是“应”表述要求（{excerpt}）",
               "把“{word}”改为“应”；若本条只是陈述或指示，把 type 改为 statement 或 instruction"),
        "en": ("{label} is a requirement but its text uses {word} instead of 应 ({excerpt})",
               "write 应 instead of {word}; if the clause only states or instructs, "
               "set type: statement or instruction"),
    },
    "L101.apply": {
        "zh": ("{label}的类型为“要求”，但条文中没有“应”“不应”：“应用”读作一个词（使用、运用）",
               "若“应用”是“应＋用”，改写以免歧义（如“应用于”→“应被用于”）；否则用“应”“不应”表述要求"),
        "en": ("{label} is a requirement but its text has no 应/不应: 应用 reads as one word (apply)",
               "if 应用 means 应 + 用, rephrase to avoid the ambiguity (e.g. 应用于 → 应被用于); "
               "otherwise express the requirement with 应/不应"),
    },
    "L102": {
        "zh": ("{label}的类型为“推荐”，但条文中没有“宜”“不宜”（或“推荐”“建议”“不推荐”“不建议”）",
               "用“宜”“不宜”表述推荐，或把 type 改为条文实际表达的条款类型"),
        "en": ("{label} is a recommendation but its text has no 宜/不宜 (or 推荐, 建议, 不推荐, 不建议)",
               "express the recommendation with 宜/不宜, or set the type the text actually expresses"),
    },
    "L102.requirement": {
        "zh": ("{label}的类型为“推荐”，但条文用“应”表述（{excerpt}），是要求",
               "把“应”改为“宜”，或把 type 改为 requirement"),
        "en": ("{label} is a recommendation but its text uses 应 ({excerpt}), a requirement",
               "write 宜 instead of 应, or set type: requirement"),
    },
    "L103": {
        "zh": ("{label}的类型为“允许”，但条文中没有“可”“不必”（或“可以”“允许”“无须”“不需要”“可以不”）",
               "用“可”“不必”表述允许，或把 type 改为条文实际表达的条款类型"),
        "en": ("{label} is a permission but its text has no 可/不必 (or 可以, 允许, 无须, 不需要, 可以不)",
               "express the permission with 可/不必, or set the type the text actually expresses"),
    },
    "L104": {
        "zh": ("{label}的类型为“{type}”，但条文使用了条款助动词“{word}”（{excerpt}），表示{meaning}",
               "把 type 改为 {suggested}，或改写条文、不用“{word}”"),
        "en": ("{label} has type {type} but its text uses {word} ({excerpt}), the verbal form of a {meaning}",
               "set type: {suggested}, or rewrite the text without {word}"),
    },
    "L105": {
        "zh": ("{label}用“{word}”表示要求（{excerpt}）：“{word}”意味着法定义务，不是条款助动词",
               "把“{word}”改为“{suggestion}”（来源文本照录时，用 suppress 写明理由）"),
        "en": ("{label} uses {word} for a requirement ({excerpt}); {word} implies a legal duty and is no verbal form",
               "write {suggestion} instead of {word} (for a source text kept as printed, suppress with a reason)"),
    },
    "L106": {
        "zh": ("{label}使用“不得”（{excerpt}）：这是 GB/T 1.1—2009 的用语",
               "GB/T 1.1—2020 用“不应”：把“不得”改为“不应”"),
        "en": ("{label} uses 不得 ({excerpt}), the GB/T 1.1—2009 form",
               "GB/T 1.1—2020 writes 不应: replace 不得 with 不应"),
    },
    "L107": {
        "zh": ("{label}用“不可”表示禁止（{excerpt}）：“不可”不是禁止的助动词",
               "把“不可”改为“不应”"),
        "en": ("{label} uses 不可 for a prohibition ({excerpt}); 不可 is no verbal form of a prohibition",
               "write 不应 instead of 不可"),
    },
    "L108": {
        "zh": ("{label}使用禁止性用语“{word}”（{excerpt}）",
               "GB/T 1.1 用“不应”表述禁止：把“{word}”改为“{suggestion}”"),
        "en": ("{label} uses the prohibition word {word} ({excerpt})",
               "GB/T 1.1 expresses a prohibition with 不应: write {suggestion} instead of {word}"),
    },
    "L109": {
        "zh": ("{label}的类型为“允许”，但用“{word}”表示允许（{excerpt}）",
               "“能”表示能力、“可能”表示可能性，都不表示允许：改为“可”"),
        "en": ("{label} is a permission expressed with {word} ({excerpt})",
               "能 is capability and 可能 possibility, never permission: write 可"),
    },
    "L110": {
        "zh": ("{label}把“{hedges}”与“{verb}”连用（{excerpt}）：这是推荐，不是要求",
               "改为“宜”（如“应尽量……”→“宜……”），或去掉“{hedges}”使其成为明确的要求"),
        "en": ("{label} combines {hedges} with {verb} ({excerpt}): that is a recommendation, not a requirement",
               "write 宜 (e.g. 应尽量… → 宜…), or drop {hedges} to make it a firm requirement"),
    },
    "L111": {
        "zh": ("{place}含有条款助动词“{word}”（{excerpt}）",
               "{place}只能陈述，不能有要求、推荐或允许：改写为陈述，或把条款移入正文"),
        "en": ("{place} contains the verbal form {word} ({excerpt})",
               "{place} may only state facts, never require, recommend or permit: "
               "rewrite it as a statement or move the provision into the body"),
    },
    "L112": {
        "zh": ("资料性{label}含有{count}条要求（{numbers}）",
               "资料性附录不含要求：把附录改为规范性（normative: true），或把要求改写为陈述或推荐"),
        "en": ("informative {label} holds {count} requirement(s) ({numbers})",
               "an informative annex holds no requirements: make it normative (normative: true) "
               "or rewrite the requirements as statements or recommendations"),
    },
    "L201": {
        "zh": ("第1章“范围”没有内容", "在 standard.yaml 的 scope 下写“本文件规定了……。”“本文件适用于……。”"),
        "en": ("chapter 1 (scope) is empty", "write scope: in standard.yaml (本文件规定了……。 本文件适用于……。)"),
    },
    "L202": {
        "zh": ("没有技术章：第4章起的正文是空的", "在内容文件的 clauses: 下至少写一章"),
        "en": ("no technical chapter: the body from chapter 4 on is empty",
               "write at least one chapter under clauses: in a content file"),
    },
    "L203": {
        "zh": ("{label}按正文中首次引用的顺序应为附录{expected}",
               "附录按正文首次引用的顺序编号：调整 annexes 的顺序（首次引用顺序：{order}）"),
        "en": ("{label} should be annex {expected} by the order of first reference from the body",
               "annexes are lettered in the order the body first refers to them: reorder annexes ({order})"),
    },
    "L204": {
        "zh": ("{label}在正文中没有被引用", "在正文适当位置写“见[[{ident}]]”"),
        "en": ("{label} is never referenced from the body", "refer to it from the body, e.g. 见[[{ident}]]"),
    },
    "L204.literal": {
        "zh": ("{label}在正文中没有用交叉引用提及（正文写的是“{literal}”）",
               "把“{literal}”改为“[[{ident}]]”，编号才会随附录顺序更新"),
        "en": ("{label} is not cross-referenced from the body (the body writes {literal})",
               "write [[{ident}]] instead of {literal} so the letter follows the annex order"),
    },
    "L205": {
        "zh": ("术语{number}“{term}”在文件中没有使用", "删除这一术语，或在正文中使用它"),
        "en": ("term {number} {term} is never used in the text", "remove the term or use it in the text"),
    },
    "L206": {
        "zh": ("规范性引用文件 {number} 在正文中没有被引用",
               "在正文中按编号引用它（如“按照 {number} 的要求”），或把它移到参考文献"),
        "en": ("normative reference {number} is never cited in the text",
               "cite it by its number ({number}) in the text, or move it to the bibliography"),
    },
    "L207": {
        "zh": ("文件编号“{number}”格式不对：{problems}",
               "地方标准编号为 DB + 2位或4位行政区划代码 + /T + 空格 + 顺序号 + “—”（U+2014）+ 4位年号，"
               "如 DB34/T 3395—2019、DB4108/T 6—2020"),
        "en": ("document number {number} is malformed: {problems}",
               "a local standard's number is DB + 2- or 4-digit area code + /T + space + sequence + "
               "— (U+2014) + 4-digit year, e.g. DB34/T 3395—2019, DB4108/T 6—2020"),
    },
    "L207.missing": {
        "zh": ("地方标准没有文件编号", "在 standard.yaml 写 number:，如 DB34/T 3395—2019"),
        "en": ("the local standard has no number", "write number: in standard.yaml, e.g. DB34/T 3395—2019"),
    },
    "L208": {
        "zh": ("实施日期 {implemented} 早于发布日期 {issued}", "实施日期不能早于发布日期：改正 issued 或 implemented"),
        "en": ("implementation date {implemented} is before the issue date {issued}",
               "a document cannot take effect before it is issued: correct issued or implemented"),
    },
    "L209": {
        "zh": ("文件编号“{number}”的年号 {year} 与发布日期 {issued} 不一致",
               "编号的年号是发布年份：改正编号或发布日期"),
        "en": ("the year {year} of number {number} differs from the issue date {issued}",
               "the number carries the year of issue: correct the number or the date"),
    },
    "L209.mark": {
        "zh": ("封面标志“{mark}”与文件编号“{number}”的代号 {prefix} 不一致", "把 mark 改为 {prefix}"),
        "en": ("cover mark {mark} differs from the prefix {prefix} of number {number}", "set mark: {prefix}"),
    },
    "L210": {
        "zh": ("{place}用“{word}”称呼本文件（{excerpt}），而本文件按 GB/T 1.1—2020 起草",
               "GB/T 1.1—2020 的文件自称“本文件”；若本文件按 2009 版起草，把 edition 改为 \"2009\""),
        "en": ("{place} calls the document {word} ({excerpt}) but the set is drafted under GB/T 1.1—2020",
               "under GB/T 1.1—2020 a document calls itself 本文件; "
               "if it follows the 2009 edition, set edition: \"2009\""),
    },
    "L210.2009": {
        "zh": ("{place}用“本文件”称呼本标准（{excerpt}），而本标准按 GB/T 1.1—2009 起草",
               "GB/T 1.1—2009 的标准自称“本标准”；若本标准已按 2020 版起草，把 edition 改为 \"2020\""),
        "en": ("{place} calls the standard 本文件 ({excerpt}) but the set is drafted under GB/T 1.1—2009",
               "under GB/T 1.1—2009 a standard calls itself 本标准; "
               "if it follows the 2020 edition, set edition: \"2020\""),
    },
    "L210.edition": {
        "zh": ("{place}提到 {mentioned}（{excerpt}），而 standard.yaml 的 edition 是 {edition}",
               "使 edition 与文中所依据的 GB/T 1.1 版本一致"),
        "en": ("{place} mentions {mentioned} ({excerpt}) but the set's edition is {edition}",
               "make edition agree with the GB/T 1.1 edition the text follows"),
    },
    "L211": {
        "zh": ("{label}“{title}”重复了自动生成的{generated}",
               "{generated}由 standard.yaml 和术语生成：删除这一章，把内容写入 {field}"),
        "en": ("{label} ({title}) repeats the generated {generated}",
               "the {generated} is generated from standard.yaml and terms: "
               "remove the chapter, put its content in {field}"),
    },
    "L211.symbols": {
        "zh": ("{label}“{title}”应为第4章，紧接术语和定义之后", "把它移到 clauses 的第一个位置"),
        "en": ("{label} ({title}) must be chapter 4, right after terms and definitions",
               "move it to the first place under clauses"),
    },
    "L212": {
        "zh": ("{place}引用了 {document}，但它不在规范性引用文件或参考文献中",
               "把 {document} 加入 normative_references（规范性引用）或 bibliography（资料性引用）"),
        "en": ("{place} cites {document}, which is neither a normative reference nor in the bibliography",
               "add {document} to normative_references (normative) or bibliography (informative)"),
    },
    "L301": {
        "zh": ("服务忌语“{phrase}”也出现在{other}的推荐用语“{recommended}”中",
               "同一句话不能既推荐又禁用：改正其中一处"),
        "en": ("forbidden phrase “{phrase}” also occurs in the recommended phrase “{recommended}” of {other}",
               "a phrase cannot be both recommended and forbidden: correct one of them"),
    },
    "L302": {
        "zh": ("{other}的服务忌语“{phrase}”出现在{label}条文给出的示例用语“{sample}”中",
               "示例用语不能含有服务忌语：改写示例，或改正忌语"),
        "en": ("forbidden phrase “{phrase}” of {other} occurs in the sample “{sample}” quoted by {label}",
               "a sample phrase must not contain a forbidden phrase: "
               "rewrite the sample or correct the forbidden phrase"),
    },
    "L303": {
        "zh": ("{label}的服务忌语“{phrase}”没有给出替代用语", "在该忌语下写 instead:，说明应改说什么"),
        "en": ("forbidden phrase “{phrase}” of {label} names no phrase to use instead",
               "add instead: with what to say instead"),
    },
    "L401": {
        "zh": ("{label}抑制了 {code}（{count}处）：{reason}", "删除这条 suppress 即可恢复检查"),
        "en": ("{label} suppresses {code} ({count} place(s)): {reason}", "remove the suppress entry to check it again"),
    },
    "L402": {
        "zh": ("{label}抑制的 {code} 不是可抑制的检查规则", "只能抑制可抑制的 L 规则：见 stdgen check --list-rules"),
        "en": ("{label} suppresses {code}, which is no suppressible lint rule",
               "only suppressible L rules can be suppressed: see stdgen check --list-rules"),
    },
    "L403": {
        "zh": ("{label}抑制了 {code}，但该规则在本条没有报告问题", "删除这条已经过时的 suppress"),
        "en": ("{label} suppresses {code}, but the rule reports nothing here", "remove the stale suppress entry"),
    },
    "L404": {
        "zh": ("{label}抑制 {code} 的理由“{reason}”没有说明原因，抑制不生效",
               "写明为什么保留这一写法，如“来源文本原文照录，不改写”"),
        "en": ("{label} suppresses {code} with “{reason}”, which is no reason; the suppression is ignored",
               "say why the wording stays, e.g. “source text kept as printed”"),
    },
}

PHRASES: dict[str, dict[Lang, str]] = {
    # provision types and places, as messages name them
    "requirement": {"zh": "要求", "en": "requirement"},
    "recommendation": {"zh": "推荐", "en": "recommendation"},
    "permission": {"zh": "允许", "en": "permission"},
    "statement": {"zh": "陈述", "en": "statement"},
    "instruction": {"zh": "指示", "en": "instruction"},
    "foreword": {"zh": "前言", "en": "the foreword"},
    "introduction": {"zh": "引言", "en": "the introduction"},
    "scope": {"zh": "范围", "en": "the scope"},
    "definition": {"zh": "术语{number}“{term}”的定义", "en": "the definition of term {number} {term}"},
    "term-note": {"zh": "术语{number}“{term}”的注", "en": "a note to term {number} {term}"},
    "note": {"zh": "{label}的注", "en": "a note of {label}"},
    "example": {"zh": "{label}的示例", "en": "an example of {label}"},
    "clause": {"zh": "{label}", "en": "{label}"},
    "terms_from": {"zh": "第3章的引导语（terms_from）", "en": "the chapter 3 lead-in (terms_from)"},
    "chapter-scope": {"zh": "第1章范围", "en": "chapter 1 (scope)"},
    "chapter-references": {"zh": "第2章规范性引用文件", "en": "chapter 2 (normative references)"},
    "chapter-terms": {"zh": "第3章术语和定义", "en": "chapter 3 (terms and definitions)"},
    "chapter-foreword": {"zh": "前言", "en": "foreword"},
    "chapter-introduction": {"zh": "引言", "en": "introduction"},
    "chapter-bibliography": {"zh": "参考文献", "en": "bibliography"},
    "num-dash": {"zh": "年号前应为破折号“—”（U+2014）", "en": "the year must follow — (U+2014)"},
    "num-space-db": {"zh": "“DB”与代码之间不应有空格", "en": "no space between DB and the area code"},
    "num-space-t": {"zh": "“/T”后应有一个空格", "en": "one space after /T"},
    "num-shape": {"zh": "不是 DB + 代码 + /T + 顺序号 + — + 年号", "en": "not DB + code + /T + sequence + — + year"},
    "clause-label": {"zh": "{number}（{ident}）", "en": "{number} ({ident})"},
    "chapter-label": {"zh": "第{number}章（{ident}）", "en": "chapter {number} ({ident})"},
    "annex-label": {"zh": "附录{number}（{ident}）", "en": "annex {number} ({ident})"},
}


def word(key: str, **args: Arg) -> Phrase:
    """A word of the lint's messages (a provision type, a place), worded when printed."""
    return phrase(key, **args)
