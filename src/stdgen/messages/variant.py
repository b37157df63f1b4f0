"""Wording of variant diagnostics: V001–V009 (a variant's changes to the set it extends)."""

from __future__ import annotations

from ..i18n import Lang

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {
    "V001": {
        "zh": ("“{ident}”不是上级条款集中的条款", "{hint}"),
        "en": ("'{ident}' is no clause of the parent set", "{hint}"),
    },
    "V001.kind": {
        "zh": ("“{ident}”不是条款或附录（此处不能修改术语、表或表单）", "变更以章、条或附录的编号为键"),
        "en": ("'{ident}' is not a clause or annex (a term, table or form cannot be changed here)",
               "changes are keyed by the ID of a chapter, clause or annex"),
    },
    "V002": {
        "zh": ("“{ident}”已被前面的变更删除（{place}）", "删去这条变更，或删去那条删除"),
        "en": ("'{ident}' was removed by an earlier change ({place})", "drop this change, or the removal"),
    },
    "V003": {
        "zh": ("extends 形成循环：{cycle}", "条款集不能扩展自身，经由其他条款集也不行"),
        "en": ("extends makes a cycle: {cycle}", "a set cannot extend itself, even through others"),
    },
    "V004": {
        "zh": ("extends“{target}”指向条款文件夹以外", "写本文件夹旁边的条款集文件夹名，如“extends: db34-t-3395-2019”"),
        "en": ("extends '{target}' leaves the clauses folder",
               "name a clause-set folder beside this one, e.g. 'extends: db34-t-3395-2019'"),
    },
    "V004.unknown": {
        "zh": ("extends“{target}”，而 {folder} 中没有这个条款集", "{hint}"),
        "en": ("extends '{target}', which is no clause set in {folder}", "{hint}"),
    },
    "V005": {
        "zh": ("交叉引用 [[{ident}]] 指向本变体删除的条款（{place}）",
               "修改 {owner} 的 {key}，不再引用 {ident}；或保留 {ident}"),
        "en": ("cross-reference [[{ident}]] points at a clause this variant removes ({place})",
               "modify the {key} of {owner} so it no longer refers to {ident}, or keep {ident}"),
    },
    "V006": {
        "zh": ("对 {ident} 的第二条变更", "{place} 的变更已做了同样的事：把两条合并为一条"),
        "en": ("a second change to {ident}", "the change at {place} already does this; merge the two into one change"),
    },
    "V006.position": {
        "zh": ("对 {ident} 位置的第二条变更", "{place} 的变更已做了同样的事：把两条合并为一条"),
        "en": ("a second change to {ident} (its position)",
               "the change at {place} already does this; merge the two into one change"),
    },
    "V006.field": {
        "zh": ("对 {ident} 的 {field} 的第二条变更", "{place} 的变更已做了同样的事：把两条合并为一条"),
        "en": ("a second change to {field} of {ident}",
               "the change at {place} already does this; merge the two into one change"),
    },
    "V007.file": {
        "zh": ("{file} 不会被读取：变体的全部内容写在其 standard.yaml 中", "新条款写成 add 变更"),
        "en": ("{file} is not read: a variant states everything in its standard.yaml",
               "write new clauses as 'add' changes"),
    },
    "V007.kind": {
        "zh": ("一条变更应是 remove、modify、add、move 之一", "列表每项只写一种操作：“- remove: QC-5.3”并写明 reason:"),
        "en": ("a change is one of remove, modify, add or move",
               "write one operation per list entry: '- remove: QC-5.3' with its 'reason:'"),
    },
    "V007.kinds": {
        "zh": ("一条变更应是 remove、modify、add、move 之一，不能同时是 {kinds}",
               "列表每项只写一种操作：“- remove: QC-5.3”并写明 reason:"),
        "en": ("a change is one of remove, modify, add or move, not {kinds} at once",
               "write one operation per list entry: '- remove: QC-5.3' with its 'reason:'"),
    },
    "V007.place": {
        "zh": ("“{kind}”需要且只需要 before、after、inside 之一",
               "写明条款放在哪里：“after: QC-8.3”（inside：作为最后一个下级条）"),
        "en": ("'{kind}' needs exactly one of before, after or inside",
               "say where the clause goes: 'after: QC-8.3' (inside: as the last sub-clause)"),
    },
    "V007.places": {
        "zh": ("“{kind}”需要且只需要 before、after、inside 之一（现有 {places}）",
               "写明条款放在哪里：“after: QC-8.3”（inside：作为最后一个下级条）"),
        "en": ("'{kind}' needs exactly one of before, after or inside (found {places})",
               "say where the clause goes: 'after: QC-8.3' (inside: as the last sub-clause)"),
    },
    "V007.no-place": {
        "zh": ("“{kind}”不带“{place}”", "要把条款移到别处，另写一条 move 变更"),
        "en": ("'{kind}' takes no '{place}'", "to put a clause elsewhere use a separate 'move' change"),
    },
    "V007.nothing": {
        "zh": ("modify {ident} 没有修改任何内容",
               "给出字段的新值：title、text、type、scope、items、notes、phrases、check、cells"),
        "en": ("modify {ident} changes nothing",
               "give the new value of a field: title, text, type, scope, items, notes, phrases, check, cells"),
    },
    "V007.field": {
        "zh": ("“{field}”属于 modify 变更，不属于“{kind}”", "把新值写在另一条“- modify: ID”变更中"),
        "en": ("'{field}' belongs to a modify change, not to '{kind}'",
               "write the new value in a separate '- modify: ID' change"),
    },
    "V007.field-add": {
        "zh": ("“{field}”属于 modify 变更，不属于“{kind}”",
               "把新值写在另一条“- modify: ID”变更中；新增条款的字段写在 add: 之下"),
        "en": ("'{field}' belongs to a modify change, not to '{kind}'",
               "write the new value in a separate '- modify: ID' change; "
               "an added clause carries its own fields under 'add:'"),
    },
    "V007.annex-field": {
        "zh": ("附录没有可修改的“{field}”", "附录可修改 title 和 text；其中的条款按各自的编号修改"),
        "en": ("an annex has no '{field}' to modify",
               "an annex's title and text can be modified; its clauses by their own IDs"),
    },
    "V007.itself": {
        "zh": ("{ident} 不能移到自身旁边或内部", "写要移动的条款以外的一个条款"),
        "en": ("{ident} cannot move next to or inside itself", "name a clause outside the one that moves"),
    },
    "V007.annex-inside": {
        "zh": ("附录不能放入另一个条款之内", "用 before 或 after"),
        "en": ("an annex cannot go inside another clause", "use before or after"),
    },
    "V007.annex-among-clauses": {
        "zh": ("附录不能放在条款之间", "条款放在条款旁边（或附录之内），附录放在附录旁边"),
        "en": ("an annex cannot stand among clauses",
               "place a clause next to a clause (or inside an annex), an annex next to an annex"),
    },
    "V007.clause-among-annexes": {
        "zh": ("条款不能放在附录之间", "条款放在条款旁边（或附录之内），附录放在附录旁边"),
        "en": ("a clause cannot stand among the annexes",
               "place a clause next to a clause (or inside an annex), an annex next to an annex"),
    },
    "V008.phrase": {
        "zh": ("用语“{phrase}”不在该条款的用语中", "{hint}"),
        "en": ("the phrase '{phrase}' is not among the clause's phrases", "{hint}"),
    },
    "V008.table": {
        "zh": ("{ident} 没有可修改单元格的表", "cells 修改条款中的表：[{{row: 1, column: 2, text: …}}]"),
        "en": ("{ident} has no table whose cells could change",
               "cells edits a clause's table: [{{row: 1, column: 2, text: …}}]"),
    },
    "V008.cell": {
        "zh": ("表 {table} 没有第{row}行第{column}列的单元格", "行号从表头下的第一行起算为1；该表有{rows}行"),
        "en": ("table {table} has no cell at row {row}, column {column}",
               "rows count from 1 below the header; the table has {rows} rows"),
    },
    "V009": {
        "zh": ("新增的编号“{ident}”不以本变体的前缀“{code}-”开头",
               "变体新增的编号用自己的前缀：“{code}-…”（继承的编号不变）"),
        "en": ("the added ID '{ident}' does not start with the variant's prefix '{code}-'",
               "IDs a variant adds are its own: '{code}-…' (inherited IDs keep theirs)"),
    },
    "V009.taken": {
        "zh": ("新增的编号“{ident}”已属于上级条款集", "给新条款一个新编号；要修改继承的条款请用 modify"),
        "en": ("the added ID '{ident}' already belongs to the parent set",
               "give the new clause a new ID; to change an inherited clause use modify"),
    },
}

PHRASES: dict[str, dict[Lang, str]] = {
    "parent-clause-id": {"zh": "用上级条款集中某一条款的编号", "en": "use the ID of a clause of the set it extends"},
    "phrase-exactly": {"zh": "按条款中的原样写出这条用语", "en": "give the phrase exactly as the clause has it"},
    "and-sep": {"zh": "和", "en": " and "},
}
