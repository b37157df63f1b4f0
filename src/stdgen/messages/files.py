"""Wording of file and YAML diagnostics: F001–F007, F010 (files, folders, figures), Y001–Y008 (YAML)."""

from __future__ import annotations

from ..i18n import Lang

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {
    "F001": {
        "zh": ("{folder} 中没有 standard.yaml", "条款集是一个文件夹，内有 standard.yaml 和若干内容文件"),
        "en": ("no standard.yaml in {folder}", "a clause set is a folder with standard.yaml and content files"),
    },
    "F001.root": {
        "zh": ("没有条款文件夹 {folder}", "在项目文件夹中运行 stdgen，或用 --clauses 指定条款文件夹"),
        "en": ("no clause folder {folder}", "run stdgen in the project folder or pass --clauses"),
    },
    "F003.size": {
        "zh": ("文件大于 {limit} 字节", "把条款集拆成几个内容文件"),
        "en": ("file is larger than {limit} bytes", "split the clause set into several content files"),
    },
    "F003.utf16-bom": {
        "zh": ("文件是 UTF-16 编码（以字节顺序标记开头），不是 UTF-8",
               "把文件另存为 UTF-8（记事本或 WPS：另存为 → 编码 UTF-8）"),
        "en": ("file is UTF-16 (it starts with a byte-order mark), not UTF-8",
               "save the file as UTF-8 (in Notepad or WPS: 另存为 → 编码 UTF-8)"),
    },
    "F003.utf16": {
        "zh": ("文件是不带字节顺序标记的 UTF-16 编码，不是 UTF-8",
               "把文件另存为 UTF-8（记事本或 WPS：另存为 → 编码 UTF-8）"),
        "en": ("file is UTF-16 without a byte-order mark, not UTF-8",
               "save the file as UTF-8 (in Notepad or WPS: 另存为 → 编码 UTF-8)"),
    },
    "F003.byte": {
        "zh": ("文件不是 UTF-8 编码：字节 {byte} 不能在此处开始一个字符",
               "把文件另存为 UTF-8（记事本或 WPS：另存为 → 编码 UTF-8）"),
        "en": ("file is not UTF-8: byte {byte} cannot start a character here",
               "save the file as UTF-8 (in Notepad or WPS: 另存为 → 编码 UTF-8)"),
    },
    "F003.gbk": {
        "zh": ("文件不是 UTF-8 编码：按 GBK/GB18030（中文 Windows 的编码）可以读出",
               "把文件另存为 UTF-8（记事本或 WPS：另存为 → 编码 UTF-8）"),
        "en": ("file is not UTF-8: it reads as GBK/GB18030 (a Chinese Windows encoding)",
               "save the file as UTF-8 (in Notepad or WPS: 另存为 → 编码 UTF-8)"),
    },
    "F004": {
        "zh": ("没有名为“{name}”的条款集", "这里的条款集：{sets}"),
        "en": ("no clause set named '{name}'", "sets here: {sets}"),
    },
    "F005": {
        "zh": ("条款集“{name}”未能载入：其他文件中提及它或其编号的{count}个错误未列出",
               "先改正上面列出的 {name} 的错误，改正后会重新检查这些文件"),
        "en": ("clause set '{name}' did not load: {count} error(s) in other files that name it or its IDs "
               "are not listed",
               "fix the errors of {name} above; they will be checked again then"),
    },
    "F006": {
        "zh": ("{file} 是指向条款文件夹以外的链接（指向 {target}）", "把文件复制到条款集文件夹中，不要用链接"),
        "en": ("{file} leads outside the clauses folder (to {target})",
               "copy the file into the set's folder instead of linking to it"),
    },
    "F007": {
        "zh": ("条款集文件夹名“{name}”不允许使用", "文件夹名只用字母、数字、“-”“_”和“.”，如 db34-t-3395-2019"),
        "en": ("clause-set folder name '{name}' is not allowed",
               "name set folders with letters, digits, '-', '_' and '.', e.g. db34-t-3395-2019"),
    },
    "F010.outside": {
        "zh": ("图的文件“{file}”在条款集文件夹以外", "把图片放在条款集文件夹内，写相对路径，如 figures/flow.png"),
        "en": ("figure file '{file}' leaves the set folder",
               "keep images inside the set folder and give a relative path, e.g. figures/flow.png"),
    },
    "F010.type": {
        "zh": ("图的文件“{file}”不是 PNG、JPEG 或 SVG 图片", "把图片转换为 PNG、JPEG 或 SVG"),
        "en": ("figure file '{file}' is not a PNG, JPEG or SVG image", "convert the image to PNG, JPEG or SVG"),
    },
    "F010.missing": {
        "zh": ("图的文件“{file}”不存在", "把图片放在 {path}，或改正路径"),
        "en": ("figure file '{file}' does not exist", "put the image at {path} or correct the path"),
    },
    "Y001": {
        "zh": ("YAML 语法错误：{problem}", "{hint}"),
        "en": ("YAML syntax: {problem}", "{hint}"),
    },
    "Y001.unclosed": {
        "zh": ("YAML 语法错误：此处开始的{opened}没有结束（第{line}行：{problem}）", "在此处补上结束的引号或括号"),
        "en": ("YAML syntax: {opened} opened here is not closed ({problem} at line {line})",
               "close the quote or bracket opened here"),
    },
    "Y002": {
        "zh": ("键“{key}”重复", "同一映射中每个键只能写一次：删除或合并重复的键"),
        "en": ("duplicate key '{key}'", "a key appears once in a mapping: remove or merge the repeated one"),
    },
    "Y003": {
        "zh": ("条款文件中不允许使用 YAML 别名（*name）", "把被引用的内容照写一遍；条款文件不用锚点和别名"),
        "en": ("YAML aliases (*name) are not allowed in clause files",
               "write the value out; clause files use no anchors or aliases"),
    },
    "Y004": {
        "zh": ("映射的键 {key} 不是普通字符串", "键写成普通文字，如 title:"),
        "en": ("mapping key {key} is not a plain string", "write keys as plain words, e.g. title:"),
    },
    "Y005": {
        "zh": ("值“{value}”无法读取：{reason}", "改正这个值；日期写成 2024-01-31，作为文字的值加引号"),
        "en": ("value '{value}' cannot be read: {reason}",
               "correct the value; write dates as 2024-01-31 and quote a value meant as text"),
    },
    "Y006": {
        "zh": ("不允许使用 YAML 标签“{tag}”", "条款文件只含文字、数字、日期、列表和映射：删除这个标签"),
        "en": ("YAML tag '{tag}' is not allowed",
               "clause files hold plain text, numbers, dates, lists and mappings: remove the tag"),
    },
    "Y007": {
        "zh": ("条款文件中不允许出现控制字符 {char}", "删除这个字符：文件中不能有控制字符"),
        "en": ("the control character {char} is not allowed in a clause file",
               "delete the character; documents cannot hold control characters"),
    },
    "Y007.value": {
        "zh": ("值中含有控制字符 {char}，DOCX、XLSX 和 HTML 都不能容纳", "删除这个字符：文件中不能有控制字符"),
        "en": ("the value holds the control character {char}, which no DOCX, XLSX or HTML can hold",
               "delete the character; documents cannot hold control characters"),
    },
    "Y008": {
        "zh": ("嵌套超过{depth}层", "条款文件只需要几层：检查此处的缩进或括号"),
        "en": ("nesting deeper than {depth} levels",
               "clause files need a few levels only: check the indentation or the brackets here"),
    },
}

PHRASES: dict[str, dict[Lang, str]] = {
    "yaml-fix": {"zh": "改正此处的 YAML", "en": "fix the YAML at this place"},
    "yaml-tab": {"zh": "用空格缩进：YAML 不允许用制表符（Tab）", "en": "indent with spaces: YAML does not allow tabs"},
    "yaml-quote-refs": {"zh": "在 [ … ] 列表中，含 [[ID]] 引用的文字要加引号：[\"见[[QC-A]]。\"]",
                        "en": "inside [ … ] lists quote a text that holds [[ID]] references: [\"见[[QC-A]]。\"]"},
    "unclosed-quote": {"zh": "引号", "en": "the quoted text"},
    "unclosed-list": {"zh": "[ 列表", "en": "the [ list"},
    "unclosed-mapping": {"zh": "{{ 映射", "en": "the {{ mapping"},
    "yaml-mapping-values": {"zh": "此处不能出现“键: 值”（含“: ”的文字要加引号）",
                            "en": "mapping values are not allowed here"},
    "yaml-tab-token": {"zh": "制表符（Tab）不能在此处出现", "en": "found character '\\t' that cannot start any token"},
    "yaml-bad-character": {"zh": "值不能以字符“{char}”开头（以它开头的文字要加引号）",
                           "en": "found character '{char}' that cannot start any token"},
    "yaml-no-colon": {"zh": "找不到应有的“:”", "en": "could not find expected ':'"},
    "yaml-no-key": {"zh": "找不到应有的键（缩进不一致）", "en": "did not find expected key"},
    "yaml-no-dash": {"zh": "找不到应有的“-”列表项", "en": "did not find expected '-' indicator"},
    "yaml-no-comma": {"zh": "找不到应有的“,”或“{char}”", "en": "did not find expected ',' or '{char}'"},
    "yaml-end-of-stream": {"zh": "文件意外结束", "en": "found unexpected end of stream"},
    "yaml-block-end": {"zh": "缩进与上文不一致", "en": "expected <block end>, but found '{found}'"},
    "yaml-one-document": {"zh": "一个文件只能有一个 YAML 文档（删除“---”分隔线）",
                          "en": "expected a single document in the stream"},
    "yaml-escape": {"zh": "未知的转义字符“{char}”（反斜杠“\\”要写成“\\\\”，或改用单引号）",
                    "en": "found unknown escape character '{char}'"},
    "date-month": {"zh": "月份应在 1～12 之间", "en": "month must be in 1..12"},
    "date-day": {"zh": "日期超出该月的天数", "en": "day is out of range for month"},
    "date-year": {"zh": "年份 {year} 超出范围", "en": "year {year} is out of range"},
}
