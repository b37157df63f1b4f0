"""Wording of form diagnostics: K001–K006 (form definitions), K101–K108 (filled forms read back)."""

from __future__ import annotations

from ..i18n import Lang

_DATE = ("写日期，如 2024-05-06 或 2024年5月6日", "write a date such as 2024-05-06 or 2024年5月6日")

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {
    "K001": {
        "zh": ("第{row}行第{cell}个单元格与第{other_row}行第{other_cell}个单元格重叠（后者的 rowspan 跨到本行）",
               "缩短跨行跨列或删去一个单元格：每个网格位置只放一个单元格"),
        "en": ("row {row}, cell {cell} overlaps row {other_row}, cell {other_cell} (its rowspan reaches this row)",
               "shorten a span or remove a cell: each grid position holds one cell"),
    },
    "K001.columns": {
        "zh": ("第{row}行第{cell}个单元格伸到第{column}列，而表单只有{columns}列",
               "减小 colspan、删去一个单元格或增大 columns"),
        "en": ("row {row}, cell {cell} reaches column {column} of a {columns}-column form",
               "make colspan smaller, remove a cell or raise 'columns'"),
    },
    "K001.rows": {
        "zh": ("第{row}行第{cell}个单元格跨{rowspan}行，而表单从此行起只有{left}行", "减小 rowspan"),
        "en": ("row {row}, cell {cell} spans {rowspan} rows but the form has only {left} from here",
               "make rowspan smaller"),
    },
    "K002": {
        "zh": ("第{row}行只占满{columns}列中的{width}列",
               "各单元格的 colspan（以及从上方跨下来的单元格）之和应等于 columns"),
        "en": ("row {row} fills {width} of {columns} columns",
               "the cells' colspans (and cells spanning down from above) must add up to 'columns'"),
    },
    "K003": {
        "zh": ("字段名“{name}”在表单“{form}”中定义了两次", "首次定义在 {first}；表单内字段名唯一"),
        "en": ("field name '{name}' is defined twice in form '{form}'",
               "first defined at {first}; field names are unique in a form"),
    },
    "K004": {
        "zh": ("空格 ［field:{name}］ 所指的字段在表单“{form}”中没有定义",
               "在表单的 fields: 下定义它（name: {name}，kind: …）"),
        "en": ("blank ［field:{name}］ names no field of form '{form}'",
               "define it under the form's fields: (name: {name}, kind: …)"),
    },
    "K005": {
        "zh": ("表单“{form}”既不是网格表单，也不是信函表单",
               "网格表单写 columns: 和 rows:，信函表单写 body:（段落和勾选项）"),
        "en": ("form '{form}' is neither a grid nor a letter",
               "a grid form gives columns: and rows:, a letter form gives body: (paragraphs and items)"),
    },
    "K005.both": {
        "zh": ("表单“{form}”既是网格表单，又是信函表单",
               "网格表单写 columns: 和 rows:，信函表单写 body:（段落和勾选项）"),
        "en": ("form '{form}' is both a grid and a letter",
               "a grid form gives columns: and rows:, a letter form gives body: (paragraphs and items)"),
    },
    "K005.columns": {
        "zh": ("表单“{form}”是网格表单，但没有 columns",
               "网格表单写 columns: 和 rows:，信函表单写 body:（段落和勾选项）"),
        "en": ("form '{form}' is a grid without 'columns'",
               "a grid form gives columns: and rows:, a letter form gives body: (paragraphs and items)"),
    },
    "K006": {
        "zh": ("表单“{form}”（{title}）没有被任何条款或附录提及",
               "在附录中列出（form: {form}），在条款中写明（uses_forms: [{form}]），或在正文中引用（[[{form}]]）"),
        "en": ("form '{form}' ({title}) is referred to by no clause or annex",
               "show it in an annex (form: {form}), name it in a clause (uses_forms: [{form}]) "
               "or refer to it in a text ([[{form}]])"),
    },
    "K101": {
        "zh": ("无法读取 {file}：{reason}", "给出 stdgen 生成的可填写 PDF 或 DOCX"),
        "en": ("cannot read {file}: {reason}", "give a fillable PDF or a DOCX made by stdgen"),
    },
    "K101.type": {
        "zh": ("{file} 既不是 PDF 也不是 DOCX", "给出 FORM.pdf 或 FORM.docx"),
        "en": ("{file} is neither a PDF nor a DOCX", "give FORM.pdf or FORM.docx"),
    },
    "K102": {
        "zh": ("条款集中没有定义表单“{form}”", "在项目文件夹中运行，或用 --clauses、--set 和 --form 指定"),
        "en": ("form '{form}' is not defined in the clause sets",
               "run in the project folder, or pass --clauses, --set and --form"),
    },
    "K102.set": {
        "zh": ("条款集 {name} 中没有定义表单“{form}”", "在项目文件夹中运行，或用 --clauses、--set 和 --form 指定"),
        "en": ("form '{form}' of set {name} is not defined in the clause sets",
               "run in the project folder, or pass --clauses, --set and --form"),
    },
    "K102.unnamed": {
        "zh": ("{file} 没有写明是哪一张表单", "用 --form ID（和 --set NAME）指定生成它的表单"),
        "en": ("{file} does not say which form it is", "give --form ID (and --set NAME) of the form it was made from"),
    },
    "K103": {
        "zh": ("“{name}”不是表单“{form}”的字段", "本表单的字段：{fields}"),
        "en": ("field '{name}' is not a field of form '{form}'", "fields of this form: {fields}"),
    },
    "K104": {
        "zh": ("必填字段“{name}”（{label}）为空", "填写后重新保存表单"),
        "en": ("required field '{name}' ({label}) is empty", "fill it in and save the form again"),
    },
    "K105.date": {
        "zh": ("字段“{name}”（{label}）：“{value}”不是日期", _DATE[0]),
        "en": ("field '{name}' ({label}): '{value}' is not a date", _DATE[1]),
    },
    "K105.time": {
        "zh": ("字段“{name}”（{label}）：“{value}”不是时间（时:分）", "写时间，如 09:30"),
        "en": ("field '{name}' ({label}): '{value}' is not a time (HH:MM)", "write a time such as 09:30"),
    },
    "K105.phone": {
        "zh": ("字段“{name}”（{label}）：“{value}”不是电话号码", "写7～12位数字（区号和号码，或手机号码）"),
        "en": ("field '{name}' ({label}): '{value}' is not a phone number",
               "write 7 to 12 digits (area code and number, or a mobile number)"),
    },
    "K105.id-card": {
        "zh": ("字段“{name}”（{label}）：“{value}”不是校验码正确的18位身份证号码",
               "核对18位字符：17位数字和1位校验码（0～9或X）"),
        "en": ("field '{name}' ({label}): '{value}' is not an 18-digit ID-card number with a valid check digit",
               "check the 18 characters: 17 digits and a check digit (0–9 or X)"),
    },
    "K105.choice": {
        "zh": ("字段“{name}”（{label}）：“{value}”不是{options}之一", "从{options}中选一项"),
        "en": ("field '{name}' ({label}): '{value}' is not one of {options}", "choose one of {options}"),
    },
    "K108": {
        "zh": ("{file} 由表单“{form}”的另一版本生成（{made}，现为 {now}）", "按当前定义检查填写的值；字段可能已有变化"),
        "en": ("{file} was made from another version of form '{form}' ({made}, now {now})",
               "the values are checked against the current definition; fields may have changed"),
    },
}

PHRASES: dict[str, dict[Lang, str]] = {}
