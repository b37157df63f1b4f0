"""Chinese document defaults for a python-docx document.

python-docx's template is an English/Japanese Word document: 11 pt Calibri/Cambria with 10 pt
after every paragraph and 1.15 line spacing, East Asian language ja-JP, Japanese theme fonts
(ＭＳ 明朝, ＭＳ ゴシック) and those in the font table. A GB/T 1.1 standard wants zh-CN, 宋体 and
黑体 as East Asian theme fonts (and in the font table, so Word and WPS pick the right faces),
and no paragraph spacing except what its styles give.
"""

from __future__ import annotations

import re

import docx
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

LATIN = "Times New Roman"
SONG, HEI = "宋体", "黑体"
# name, panose, altName: the GB2312 (charset 86) faces every Chinese Windows has
FONT_TABLE = ((SONG, "02010600030101010101", "SimSun"), (HEI, "02010609060101010101", "SimHei"))


def apply_chinese_defaults(out: docx.document.Document) -> None:
    _doc_defaults(out)
    _theme_fonts(out)
    _font_table(out)
    lang = out.settings.element.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-CN")


def _doc_defaults(out: docx.document.Document) -> None:
    defaults = out.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    for child in list(rpr):
        rpr.remove(child)
    fonts = OxmlElement("w:rFonts")
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN)
    fonts.set(qn("w:eastAsia"), SONG)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "21")  # 五号, 10.5 pt
    size_cs = OxmlElement("w:szCs")
    size_cs.set(qn("w:val"), "21")
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    lang.set(qn("w:bidi"), "ar-SA")
    for child in (fonts, size, size_cs, lang):
        rpr.append(child)
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    for attr in list(spacing.attrib):
        del spacing.attrib[attr]
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")


def _part(out: docx.document.Document, name: str) -> Part:
    part: Part = next(p for p in out.part.package.iter_parts() if str(p.partname) == name)
    return part


def _theme_fonts(out: docx.document.Document) -> None:
    part = _part(out, "/word/theme/theme1.xml")
    xml = part.blob.decode("utf-8")
    xml = re.sub(r'\s*<a:font script="Jpan" typeface="[^"]*"/>', "", xml)
    xml = re.sub(r'(<a:majorFont>\s*<a:latin typeface=")[^"]*("/>\s*<a:ea typeface=")[^"]*"',
                 rf'\g<1>{LATIN}\g<2>{HEI}"', xml)
    xml = re.sub(r'(<a:minorFont>\s*<a:latin typeface=")[^"]*("/>\s*<a:ea typeface=")[^"]*"',
                 rf'\g<1>{LATIN}\g<2>{SONG}"', xml)
    xml = re.sub(r'(<a:majorFont>.*?<a:font script="Hans" typeface=")[^"]*"', rf'\g<1>{HEI}"', xml, flags=re.S)
    part._blob = xml.encode("utf-8")


def _font_table(out: docx.document.Document) -> None:
    part = _part(out, "/word/fontTable.xml")
    xml = part.blob.decode("utf-8")
    xml = re.sub(r"\s*<w:font w:name=\"ＭＳ [^\"]*\">.*?</w:font>", "", xml, flags=re.S)
    entries = "".join(
        f'<w:font w:name="{name}"><w:altName w:val="{alt}"/><w:panose1 w:val="{panose}"/>'
        '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for name, panose, alt in FONT_TABLE)
    part._blob = xml.replace("</w:fonts>", entries + "</w:fonts>").encode("utf-8")
