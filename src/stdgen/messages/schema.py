"""Wording of schema diagnostics (S001–S005) and of what pydantic finds wrong with a value."""

from __future__ import annotations

from ..i18n import Lang

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {
    "S001": {
        "zh": ("未知的键“{key}”", "{hint}"),
        "en": ("unknown key '{key}'", "{hint}"),
    },
    "S002": {
        "zh": ("缺少必需的键“{key}”", "在此处写上“{key}:”"),
        "en": ("missing required key '{key}'", "add '{key}:' here"),
    },
    "S003": {
        "zh": ("“{value}”不是“{key}”允许的值", "应为{expected}"),
        "en": ("'{value}' is not an allowed value of '{key}'", "expected {expected}"),
    },
    "S004": {
        "zh": ("{key}：{problem}", "检查值的类型（作为文字的编号要加引号，如 '10.4'）"),
        "en": ("{key}: {problem}", "check the value's type (quote numbers meant as text, e.g. '10.4')"),
    },
    "S004.file": {
        "zh": ("文件应为“键: 值”的映射", "条款集文件由 clauses:、terms:、code: 等键组成"),
        "en": ("the file must hold a mapping of keys", "a clause-set file holds keys such as clauses:, terms:, code:"),
    },
    "S005": {
        "zh": ("“{value}”不是有效的{key}", "编号由条款集前缀、“-”和字母、数字、“.”组成，如 QC-10.4"),
        "en": ("'{value}' is not a valid {key}", "IDs are a set prefix, a dash and letters/digits/dots, e.g. QC-10.4"),
    },
}

# pydantic's own English is kept as it words it ({msg}); the Chinese is ours
PHRASES: dict[str, dict[Lang, str]] = {
    "did-you-mean-key": {"zh": "是否应为“{name}”？此处允许的键：{keys}",
                         "en": "did you mean '{name}'?; allowed keys here: {keys}"},
    "allowed-keys": {"zh": "此处允许的键：{keys}", "en": "allowed keys here: {keys}"},
    "no-keys-here": {"zh": "此处不允许有任何键", "en": "no keys are allowed here"},
    "one-of": {"zh": "{values}之一", "en": "{values}"},
    "or-sep": {"zh": "", "en": " or "},
    "quoted": {"zh": "“{value}”", "en": "'{value}'"},
    "blank-text": {"zh": "应有文字，不能只有空格", "en": "{msg}"},
    "pydantic-string_type": {"zh": "应为文字", "en": "{msg}"},
    "pydantic-int_type": {"zh": "应为整数", "en": "{msg}"},
    "pydantic-int_parsing": {"zh": "应为整数", "en": "{msg}"},
    "pydantic-int_from_float": {"zh": "应为整数，不能有小数部分",
                                "en": "{msg}"},
    "pydantic-float_type": {"zh": "应为数字", "en": "{msg}"},
    "pydantic-float_parsing": {"zh": "应为数字", "en": "{msg}"},
    "pydantic-bool_type": {"zh": "应为 true 或 false", "en": "{msg}"},
    "pydantic-bool_parsing": {"zh": "应为 true 或 false", "en": "{msg}"},
    "pydantic-list_type": {"zh": "应为列表（每项以“- ”开头，或写成 [ … ]）", "en": "{msg}"},
    "pydantic-dict_type": {"zh": "应为“键: 值”的映射", "en": "{msg}"},
    "pydantic-model_type": {"zh": "应为“键: 值”的映射",
                            "en": "{msg}"},
    "pydantic-model_attributes_type": {"zh": "应为“键: 值”的映射",
                                       "en": "{msg}"},
    "pydantic-date_type": {"zh": "应为日期（如 2024-01-31）", "en": "{msg}"},
    "pydantic-date_parsing": {"zh": "应为日期（如 2024-01-31）", "en": "{msg}"},
    "pydantic-date_from_datetime_inexact": {"zh": "应为日期，不带时间",
                                            "en": "{msg}"},
    "pydantic-date_from_datetime_parsing": {"zh": "应为日期（如 2024-01-31）", "en": "{msg}"},
    "pydantic-string_too_short": {"zh": "至少应有{min_length}个字符",
                                  "en": "{msg}"},
    "pydantic-string_too_long": {"zh": "至多{max_length}个字符", "en": "{msg}"},
    "pydantic-too_short": {"zh": "至少应有{min_length}项", "en": "{msg}"},
    "pydantic-too_long": {"zh": "至多{max_length}项", "en": "{msg}"},
    "pydantic-greater_than": {"zh": "应大于 {gt}", "en": "{msg}"},
    "pydantic-greater_than_equal": {"zh": "应不小于 {ge}", "en": "{msg}"},
    "pydantic-less_than": {"zh": "应小于 {lt}", "en": "{msg}"},
    "pydantic-less_than_equal": {"zh": "应不大于 {le}", "en": "{msg}"},
    "pydantic-none_required": {"zh": "此处不应有值", "en": "{msg}"},
    "pydantic-url_parsing": {"zh": "应为网址", "en": "{msg}"},
    "pydantic-frozen_instance": {"zh": "不能修改", "en": "{msg}"},
}
