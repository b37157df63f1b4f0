"""Wording of `stdgen import` diagnostics that stop an import: I002 (the source cannot be read)."""

from __future__ import annotations

from ..i18n import Lang

_HINT = {
    "zh": ("请提供 DOCX（Word、WPS）、带文字层的 PDF 或纯文本格式的标准；未写入任何文件"),
    "en": ("give the standard as a DOCX (Word, WPS), a PDF with a text layer, or plain text; nothing was written"),
}

CATALOGUE: dict[str, dict[Lang, tuple[str, str]]] = {
    "I002.size": {
        "zh": ("无法导入 {name}：文件有 {size} 字节，超过标准文件所需的 {limit} 字节", _HINT["zh"]),
        "en": ("cannot import {name}: the file has {size} bytes, more than the {limit} a standard needs", _HINT["en"]),
    },
    "I002.zip": {
        "zh": ("无法导入 {name}：不是 DOCX 文件（不是 zip 包：{detail}）", _HINT["zh"]),
        "en": ("cannot import {name}: not a DOCX file (not a zip package: {detail})", _HINT["en"]),
    },
    "I002.bomb": {
        "zh": ("无法导入 {name}：该 DOCX 解压后有 {size} 字节，超过 {limit} 字节；未读取", _HINT["zh"]),
        "en": ("cannot import {name}: the DOCX unpacks to {size} bytes, more than {limit}; not read", _HINT["en"]),
    },
    "I002.damaged": {
        "zh": ("无法导入 {name}：不是可读的 {kind} 文件（{detail}）", _HINT["zh"]),
        "en": ("cannot import {name}: not a readable {kind} file ({detail})", _HINT["en"]),
    },
}

PHRASES: dict[str, dict[Lang, str]] = {}
