"""Wording of `stdgen score` diagnostics: C101–C116 (inspection results read back)."""

from __future__ import annotations

from ..i18n import Lang

_FRESH = ("撤销修改，或在新的 checklist.xlsx 中重新填写检查结果",
          "undo the edit, or re-enter the results in a fresh checklist.xlsx")
_BUILT = ("在 `stdgen build` 生成的 checklist.xlsx 中填写检查结果",
          "enter the results in checklist.xlsx as built by `stdgen build`")
_RESULT = ("填写{results}之一（本次检查不涉及该条款时填“不适用”）",
           "write one of {results} (不适用 when the provision does not apply to this visit)")
_MERGE_ROWS = ("每个条款一行：合并这两行", "one row per clause: merge the two rows")

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {
    "C101.missing": {
        "zh": ("没有检查结果文件 {file}", "给出填好的检查表（.xlsx）或 .yaml、.csv 检查结果文件的路径"),
        "en": ("no results file {file}",
               "give the path of a filled checklist (.xlsx), or of a .yaml or .csv results file"),
    },
    "C101.size": {
        "zh": ("检查结果文件大于 {limit} 字节", "填好的检查表远小于此：是不是选错了文件？"),
        "en": ("results file is larger than {limit} bytes",
               "a filled checklist is far smaller; is this the right file?"),
    },
    "C101.encoding": {
        "zh": ("{problem}", "把文件另存为 UTF-8（Excel：另存为 → CSV UTF-8；记事本或 WPS：编码 UTF-8）"),
        "en": ("{problem}", "save the file as UTF-8 (Excel: 另存为 → CSV UTF-8; Notepad or WPS: 编码 UTF-8)"),
    },
    "C101.type": {
        "zh": ("无法从“{suffix}”文件读取检查结果",
               "检查结果是填好的 checklist.xlsx，或按条款编号填写的 .yaml、.csv 文件"),
        "en": ("cannot read results from a '{suffix}' file",
               "results are a filled checklist.xlsx, or a .yaml or .csv file keyed by clause ID"),
    },
    "C101.no-suffix": {
        "zh": ("无法从没有扩展名的文件读取检查结果",
               "检查结果是填好的 checklist.xlsx，或按条款编号填写的 .yaml、.csv 文件"),
        "en": ("cannot read results from a 'extensionless' file",
               "results are a filled checklist.xlsx, or a .yaml or .csv file keyed by clause ID"),
    },
    "C101.workbook": {
        "zh": ("无法打开工作簿：{reason}", "重新另存为 .xlsx（Excel、WPS 或 LibreOffice）"),
        "en": ("cannot open the workbook: {reason}", "save it again as .xlsx (Excel, WPS or LibreOffice)"),
    },
    "C101.workbook-fresh": {
        "zh": ("无法打开工作簿：{reason}",
               "重新另存为 .xlsx（Excel、WPS 或 LibreOffice），或在新的 checklist.xlsx 中重新填写"),
        "en": ("cannot open the workbook: {reason}",
               "save it again as .xlsx (Excel, WPS or LibreOffice), or re-enter the results in a fresh checklist.xlsx"),
    },
    "C101.sheets": {
        "zh": ("不是 stdgen 检查表：没有工作表“{sheet}”和隐藏工作表“{meta}”", _BUILT[0]),
        "en": ("not a stdgen checklist: no sheet '{sheet}' and hidden sheet '{meta}'", _BUILT[1]),
    },
    "C101.meta": {
        "zh": ("工作表“{meta}”描述的不是 stdgen 检查表", _BUILT[0]),
        "en": ("sheet '{meta}' does not describe a stdgen checklist", _BUILT[1]),
    },
    "C101.zip": {
        "zh": ("不是 XLSX 工作簿（不是 zip 包）：是否把文本或 CSV 文件改名成了 .xlsx？",
               "给出填好的 checklist.xlsx，或把 CSV 检查结果文件命名为 .csv"),
        "en": ("not an XLSX workbook (not a zip package): a text or CSV file renamed to .xlsx?",
               "give the filled checklist.xlsx, or name a CSV results file .csv"),
    },
    "C101.inflated": {
        "zh": ("工作簿解压后有 {size} 字节（超过 {limit}），不予读取",
               "填好的检查表解压后远不到 1 MB：是不是选错了文件？"),
        "en": ("the workbook unpacks to {size} bytes (more than {limit}); not read",
               "a filled checklist unpacks to well under a megabyte; is this the right file?"),
    },
    "C101.yaml": {
        "zh": ("YAML 格式错误：{problem}（{code}）", "改正此处的 YAML"),
        "en": ("YAML: {problem} ({code})", "fix the YAML at this place"),
    },
    "C101.mapping": {
        "zh": ("检查结果文件应为含 results: 和检查信息的映射", "顶层的键：{keys}"),
        "en": ("a results file holds a mapping with 'results:' and the inspection details", "top-level keys: {keys}"),
    },
    "C101.no-results": {
        "zh": ("文件中没有 results:", "写 results:，把每个条款编号对应到“符合”“不符合”或“不适用”"),
        "en": ("no 'results:' in the file", "add 'results:' mapping each clause ID to 符合, 不符合 or 不适用"),
    },
    "C101.item": {
        "zh": ("results 列表的每一项都要有 id: 和 result:", "如 - {{id: QC-4, result: 符合}}"),
        "en": ("a results list item needs 'id:' and 'result:'", "e.g. - {{id: QC-4, result: 符合}}"),
    },
    "C101.results": {
        "zh": ("results: 应把条款编号对应到检查结果",
               "如 results: {{QC-4: 符合, QC-5.1: {{result: 不符合, note: …}}}}"),
        "en": ("'results:' must map clause IDs to results",
               "e.g. results: {{QC-4: 符合, QC-5.1: {{result: 不符合, note: …}}}}"),
    },
    "C101.no-header": {
        "zh": ("没有表头行", "第一行：id,result,note"),
        "en": ("no header row", "first row: id,result,note"),
    },
    "C101.header": {
        "zh": ("表头行需要 id 和 result 两列", "第一行：id,result,note（或 条款ID,检查结果,备注）"),
        "en": ("the header row needs the columns id and result", "first row: id,result,note (or 条款ID,检查结果,备注)"),
    },
    "C102": {
        "zh": ("条款集 {name} 中没有条款编号“{ident}”", "{hint}"),
        "en": ("unknown clause ID '{ident}' in set {name}", "{hint}"),
    },
    "C103": {
        "zh": ("缺少检查表中 {number}（{ident}）的一行", "检查表的每一行都要有结果；不涉及的填“不适用”"),
        "en": ("no row for {number} ({ident}) of the checklist",
               "every row of the checklist gets a result; 不适用 when it does not apply"),
    },
    "C104": {
        "zh": ("{number}（{ident}）没有检查结果", "每一行勾选“符合”“不符合”或“不适用”"),
        "en": ("no result for {number} ({ident})", "tick 符合, 不符合 or 不适用 for every row"),
    },
    "C105": {
        "zh": ("“{value}”不是检查结果（条款 {ident}）", _RESULT[0]),
        "en": ("'{value}' is not a result (clause {ident})", _RESULT[1]),
    },
    "C105.value": {
        "zh": ("{ident} 的检查结果不是单一的值", _RESULT[0]),
        "en": ("the result of {ident} is not a single value", _RESULT[1]),
    },
    "C105.scope": {
        "zh": ("“{scope}”不是适用范围", "适用范围：{scopes}"),
        "en": ("'{scope}' is not a scope", "scopes: {scopes}"),
    },
    "C105.flag": {
        "zh": ("“recommendations: {value}”既不是 true 也不是 false", "检查表包含推荐条款时为 true"),
        "en": ("'recommendations: {value}' is neither true nor false", "true when the checklist included 推荐 clauses"),
    },
    "C106": {
        "zh": ("检查结果针对检查表版本 {version}，而条款集的检查表现为版本 {now}",
               "条款编号和行可能不同：用当时的条款集评分（如检出该版本），或在现在生成的检查表中重新填写"),
        "en": ("results are for checklist version {version}, the set's checklist is now at {now}",
               "clause numbers and rows may differ: score with the clause set as it was (e.g. a checkout of that "
               "version), or re-enter the results in a checklist built now"),
    },
    "C107": {
        "zh": ("表头单元格 {cell} 为“{read}”，检查表印的是“{label}”", "表头是表格的一部分：" + _FRESH[0]),
        "en": ("header cell {cell} reads '{read}', the checklist printed '{label}'",
               "the header is part of the form: " + _FRESH[1]),
    },
    "C107.version": {
        "zh": ("版本单元格为“{read}”，而工作簿是为版本 {version} 生成的", "不要修改版本：它说明检查表由哪个条款集生成"),
        "en": ("the version cell reads '{read}' but the workbook was made for version {version}",
               "do not edit the version: it says which clause set the checklist was made from"),
    },
    "C107.column": {
        "zh": ("列标题为“{read}”，检查表印的是“{label}”", "列不能改名、移动、插入或删除：" + _FRESH[0]),
        "en": ("column header '{read}' where the checklist printed '{label}'",
               "columns may not be renamed, moved, inserted or deleted: " + _FRESH[1]),
    },
    "C107.id": {
        "zh": ("条款编号单元格为“{read}”，而这一行是为“{original}”印的",
               "恢复为“{original}”：编号说明这个结果属于哪一条款"),
        "en": ("clause ID cell reads '{read}' but the row was printed for '{original}'",
               "restore '{original}': the ID says which clause this result is for"),
    },
    "C108": {
        "zh": ("{ident} 的要求被修改过：现为“{read}”", "要求单元格受保护，不予读取：按条款集的文字评分"),
        "en": ("the requirement of {ident} was edited: it reads '{read}'",
               "the requirement cell is protected and not read: the set's text is scored"),
    },
    "C108.number": {
        "zh": ("{ident} 的条款编号为“{read}”，条款集编为 {number}", "印出的单元格不予读取：采用条款集的编号"),
        "en": ("the clause number of {ident} reads '{read}', the set numbers it {number}",
               "printed cells are not read: the set's numbering is used"),
    },
    "C108.points": {
        "zh": ("{ident} 的分值为“{read}”，条款集给出 {points}", "分值取自条款集（check.points）"),
        "en": ("the points of {ident} read '{read}', the set gives {points}",
               "points come from the clause set (check.points)"),
    },
    "C109": {
        "zh": ("{ident} 有第二个检查结果", "每个条款只写一项：合并它们"),
        "en": ("a second result for {ident}", "one entry per clause: merge them"),
    },
    "C109.key": {
        "zh": ("检查结果：{problem}", "每个条款只写一项：合并它们"),
        "en": ("results: {problem}", "one entry per clause: merge them"),
    },
    "C109.row": {
        "zh": ("{ident} 有第二行（第一行在第{first}行）", _MERGE_ROWS[0]),
        "en": ("a second row for {ident} (first at row {first})", _MERGE_ROWS[1]),
    },
    "C109.line": {
        "zh": ("{ident} 有第二行（第一行在第{first}行）", _MERGE_ROWS[0]),
        "en": ("a second row for {ident} (first at line {first})", _MERGE_ROWS[1]),
    },
    "C110": {
        "zh": ("检查结果属于条款集“{name}”，不是“{wanted}”", "一次只对一个条款集的文件评分"),
        "en": ("results are for set '{name}', not '{wanted}'", "score the files of one clause set at a time"),
    },
    "C110.among": {
        "zh": ("条款集“{name}”的检查结果与 {named} 的检查结果混在一起", "一次只对一个条款集的文件评分"),
        "en": ("results for set '{name}' among results for {named}", "score the files of one clause set at a time"),
    },
    "C110.unnamed": {
        "zh": ("文件没有写明所属的条款集", "用 --set NAME 指定（或在 YAML/CSV 检查结果文件中写 set:）"),
        "en": ("the file does not name its clause set", "give --set NAME (or 'set:' in a YAML/CSV results file)"),
    },
    "C111": {
        "zh": ("{ident}（{what}）不是检查表检查的条款",
               "只对检查表中的行评分：删去这一行，或生成含该条款的检查表（推荐条款：--recommendations；"
               "其他类型的条款：给出 check:）"),
        "en": ("{ident} ({what}) is not a provision the checklist checks",
               "only the checklist's rows are scored: remove the row, or build the checklist with that clause "
               "(推荐 clauses: --recommendations; a clause of another type: give it 'check:')"),
    },
    "C111.scope": {
        "zh": ("{ident}（{what}）不在检查表的适用范围内",
               "只对检查表中的行评分：删去这一行，或生成含该条款的检查表（推荐条款：--recommendations；"
               "其他类型的条款：给出 check:）"),
        "en": ("{ident} ({what}) is outside the checklist's scope",
               "only the checklist's rows are scored: remove the row, or build the checklist with that clause "
               "(推荐 clauses: --recommendations; a clause of another type: give it 'check:')"),
    },
    "C112.sheet": {
        "zh": ("工作表延伸到第{rows}行、第{columns}列；只读取第{last}行、第{width}列以内",
               "检查结果写在检查表的行中：删去下方或右侧远处添加的内容"),
        "en": ("the sheet reaches row {rows}, column {columns}; only rows up to {last} and columns up to {width} "
               "are read",
               "results belong in the checklist's rows; delete what was added far below or to the right"),
    },
    "C112.cell": {
        "zh": ("检查表各列以外的单元格中有“{text}”，不予读取", "发现的问题写在备注（H列）"),
        "en": ("cell outside the checklist columns holds '{text}'; it is not read",
               "write findings in 备注 (column H)"),
    },
    "C112.row": {
        "zh": ("没有条款编号的一行中有文字，不予读取", "检查结果和备注写在所属条款的行中"),
        "en": ("a row without a clause ID holds text; it is not read",
               "results and notes belong in the row of their clause"),
    },
    "C112.result-key": {
        "zh": ("{ident} 的检查结果中有未知的键“{key}”，不予读取", "检查结果只有 result: 和 note:"),
        "en": ("unknown key '{key}' in the result of {ident}; it is not read", "a result has 'result:' and 'note:'"),
    },
    "C112.key": {
        "zh": ("未知的键“{key}”，不予读取", "可用的键：{keys}"),
        "en": ("unknown key '{key}'; it is not read", "keys: {keys}"),
    },
    "C112.column": {
        "zh": ("列“{title}”不予读取", "列：id、result、note"),
        "en": ("column '{title}' is not read", "columns: id, result, note"),
    },
    "C112.beyond": {
        "zh": ("表头以外的单元格中有“{text}”，不予读取", "发现的问题写在 note 列"),
        "en": ("cell beyond the header holds '{text}'; it is not read", "put findings in the note column"),
    },
    "C113": {
        "zh": ("{detail}没有填写", "评分报告要写明单位、检查类型、检查人和日期"),
        "en": ("{detail} is not filled in", "the score report names the unit, inspection type, inspector and date"),
    },
    "C113.type": {
        "zh": ("检查类型“{value}”不是{types}之一", "DB4108/T 6—2020 8.1.1 规定了抽点检查、定点检查、现场巡查"),
        "en": ("检查类型 '{value}' is not one of {types}", "DB4108/T 6—2020 8.1.1 names 抽点检查、定点检查、现场巡查"),
    },
    "C114": {
        "zh": ("“不符合”没有备注（{number} {ident}）", "在备注中写明发现的情况：评分报告列出每一项不符合及其备注"),
        "en": ("不符合 without a note ({number} {ident})",
               "write what was found in 备注: the report lists every nonconformity with its note"),
    },
    "C115": {
        "zh": ("一行没有条款编号", "写上条款编号（如 QC-10.4）"),
        "en": ("a row without a clause ID", "write the clause ID (e.g. QC-10.4)"),
    },
    "C115.heading": {
        "zh": ("没有条款编号的一行（标题行？）中有检查结果或备注", "写在所属条款的行中"),
        "en": ("a result or note in a row without a clause ID (a heading row?)",
               "write it in the row of the clause it belongs to"),
    },
    "C116": {
        "zh": ("文件没有写明所填检查表的版本", "检查表若由本版本打印，加上“version: {version}”"),
        "en": ("the file does not say which version of the checklist it was filled in on",
               "add 'version: {version}' if the checklist was printed from this version"),
    },
}

PHRASES: dict[str, dict[Lang, str]] = {
    "did-you-mean-id": {"zh": "是否应为 {ident}？", "en": "did you mean {ident}?"},
    "checklist-ids": {"zh": "使用检查表上印的条款编号", "en": "use the clause IDs printed on the checklist"},
}
