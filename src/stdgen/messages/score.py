"""Wording of `stdgen score` diagnostics: C101–C116 (inspection results read back)."""

from __future__ import annotations

from ..i18n import Lang

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {
    "C101.encoding": {
        "zh": ("{problem}", "把文件另存为 UTF-8（Excel：另存为 → CSV UTF-8；记事本或 WPS：编码 UTF-8）"),
        "en": ("{problem}", "save the file as UTF-8 (Excel: 另存为 → CSV UTF-8; Notepad or WPS: 编码 UTF-8)"),
    },
    "C101.yaml": {
        "zh": ("YAML 格式错误：{problem}（{code}）", "改正此处的 YAML"),
        "en": ("YAML: {problem} ({code})", "fix the YAML at this place"),
    },
    "C109.key": {
        "zh": ("检查结果：{problem}", "每个条款只写一项：合并它们"),
        "en": ("results: {problem}", "one entry per clause: merge them"),
    },
}

PHRASES: dict[str, dict[Lang, str]] = {}
