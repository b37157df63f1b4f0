"""Words shared by every family of messages, and the lines a run closes with."""

from __future__ import annotations

from ..i18n import Lang

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {}

PHRASES: dict[str, dict[Lang, str]] = {
    "sep": {"zh": "；", "en": "; "},
    "list-sep": {"zh": "、", "en": ", "},
    "arrow": {"zh": " → ", "en": " → "},
    "none": {"zh": "（无）", "en": "none"},
    "did-you-mean": {"zh": "是否应为“{name}”？", "en": "did you mean '{name}'?"},
    "sets-here": {"zh": "这里的条款集：{names}", "en": "sets here: {names}"},
    "summary": {"zh": "{errors}个错误，{warnings}个警告", "en": "{errors} error(s), {warnings} warning(s)"},
    "checked": {"zh": "通过：检查了{count}个条款集", "en": "ok: {count} clause set(s) checked"},
    "up-to-date": {"zh": "没有变化：无需构建", "en": "up to date: nothing to build"},
}
