"""GB/T 1.1—2020 paragraph styles (Annex F sizes; TCS style names for DOCX)."""

from __future__ import annotations

from ...doctree import Style

# 字号 in points
YIHAO, SANHAO, SIHAO, WUHAO, XIAOWU, LIUHAO = 26.0, 16.0, 14.0, 10.5, 9.0, 7.5

_LEVELS = "一二三四五"

STYLES: dict[str, Style] = {
    "body": Style("标准文件_段", "song", WUHAO, "justify", indent_chars=2),
    "cover-meta": Style("标准文件_封面ICS、CCS", "hei", WUHAO, "left"),
    "cover-mark": Style("标准文件_封面标准代号", "hei", 36, "right", bold=True),
    "cover-banner": Style("标准文件_封面标准名称前", "hei", 26, "center", letter_spacing=0.6,
                          bold=True, top_mm=4),
    "cover-banner-long": Style("标准文件_封面标准名称前（长）", "hei", 20, "center", letter_spacing=0.1,
                               bold=True, top_mm=4),
    "cover-number": Style("标准文件_封面标准编号", "hei", SIHAO, "right", top_mm=2),
    "cover-replaces": Style("标准文件_封面代替", "hei", WUHAO, "right"),
    "cover-title": Style("标准文件_封面标准名称", "hei", YIHAO, "center", top_mm=55),
    "cover-title-en": Style("标准文件_封面英文名称", "hei", SIHAO, "center", before=1),
    "cover-status": Style("标准文件_封面版本", "hei", SIHAO, "center", before=1),
    "cover-date": Style("标准文件_封面日期", "hei", SIHAO, "left", top_mm=60),
    "cover-issuer": Style("标准文件_封面发布单位", "hei", 18, "center", letter_spacing=0.2, bold=True),
    # titles that open a page have no space above: LibreOffice and Word drop it at the top of a page,
    # WeasyPrint keeps it after a forced break; without it DOCX and PDF break pages alike
    "front-title": Style("标准文件_前言、引言标题", "hei", SANHAO, "center", after=1, outline=1),
    "toc-title": Style("标准文件_目次、标准名称标题", "hei", SANHAO, "center", after=1),
    "toc-1": Style("标准文件_目次一级", "song", WUHAO, "left"),
    "toc-2": Style("标准文件_目次二级", "song", WUHAO, "left", indent_chars=1),
    "doc-title": Style("标准文件_正文标准名称", "hei", SANHAO, "center", after=2),
    "chapter": Style("标准文件_章标题", "hei", WUHAO, "left", before=1, after=1, outline=1),
    "annex-label": Style("标准文件_附录标识", "hei", WUHAO, "center", outline=1),
    "annex-kind": Style("标准文件_附录性质", "hei", WUHAO, "center"),
    "annex-title": Style("标准文件_附录标题", "hei", WUHAO, "center", after=1),
    "bib-title": Style("标准文件_参考文献标题", "hei", WUHAO, "center", after=1, outline=1),
    "bib-entry": Style("标准文件_参考文献条目", "song", WUHAO, "justify"),
    "term-number": Style("标准文件_术语条一", "hei", WUHAO, "left", before=0.5),
    "term-name": Style("标准文件_术语条二", "hei", WUHAO, "left"),
    "note": Style("标准文件_注：", "song", XIAOWU, "justify", indent_chars=2),
    "example": Style("标准文件_示例内容", "song", XIAOWU, "justify", indent_chars=2),
    "table-caption": Style("标准文件_正文表标题", "hei", WUHAO, "center", before=0.5, after=0.5),
    "figure": Style("标准文件_图", "song", WUHAO, "center", before=0.5),
    "figure-caption": Style("标准文件_正文图标题", "hei", WUHAO, "center", after=0.5),
    "cell": Style("标准文件_表格", "song", XIAOWU, "left"),
    "cell-head": Style("标准文件_表头", "song", XIAOWU, "center"),
    "list-dash": Style("标准文件_破折号列项", "song", WUHAO, "justify", indent_chars=2),
    "list-letter": Style("标准文件_字母编号列项（一级）", "song", WUHAO, "justify", indent_chars=2),
    "list-number": Style("标准文件_数字编号列项（一级）", "song", WUHAO, "justify", indent_chars=2),
    "list-2": Style("标准文件_数字编号列项（二级）", "song", WUHAO, "justify", indent_chars=4),
    "notice": Style("标准文件_提示", "hei", WUHAO, "center", before=1),
    "header": Style("标准文件_页眉", "hei", WUHAO, "right"),
    "footer": Style("标准文件_页脚", "song", WUHAO, "right"),
}
for _depth, _name in enumerate(_LEVELS, start=2):
    STYLES[f"clause-{_depth}"] = Style(f"标准文件_{_name}级条标题", "hei", WUHAO, "left",
                                        before=0.5, after=0.5, outline=_depth)
    STYLES[f"untitled-{_depth}"] = Style(f"标准文件_{_name}级无标题", "song", WUHAO, "justify",
                                          before=0.5, outline=0)
