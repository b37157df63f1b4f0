"""Form blanks in DOCX as Word content controls (``w:sdt``), tagged with the field name.

Each control shows placeholder content that prints as the blank of its kind (underlined space,
年　月　日, 18 boxes, ☐, □是　□否, ruled lines), so the same DOCX prints empty and fills in
Word or WPS: plain text (multi-line when the kind is), date picker, check box (``w14:checkbox``)
and drop-down list (choice). A seal is printed, not a control.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ..doctree import FieldSpec
from .fields import DATE, DEFAULT_OPTIONS, ID_DIGITS, TIME, WIDTH

UNCHECKED = "□"  # GBK, as the printed box; Word shows ☒ once ticked
LINE = "＿"  # a full-width low line: the blank prints as a line in Word, WPS and LibreOffice alike
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def _el(tag: str, parent: object | None = None, **attrs: str) -> object:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(key.replace("_", ":", 1)), value)
    if parent is not None:
        parent.append(element)  # type: ignore[attr-defined]
    return element


def _placeholder(f: FieldSpec) -> list[str]:
    """Lines of placeholder text: what the empty control prints."""
    if f.kind == "date":
        return [f"\u3000\u3000{DATE}"]
    if f.kind == "time":
        return [f"\u3000\u3000{TIME}"]
    if f.kind == "id-card":
        return ["□" * ID_DIGITS]
    if f.kind == "checkbox":
        return [UNCHECKED]
    if f.kind == "choice":
        return ["\u3000".join(f"□{o}" for o in f.options or DEFAULT_OPTIONS)]
    width = int(f.width or WIDTH.get(f.kind, 8))
    if f.kind == "multiline":
        return [LINE * 20] * max(f.lines, 1)
    if f.whole_cell:
        return ["\u3000" * 4]
    return [LINE * width]


def add_control(out: Paragraph, f: FieldSpec, control_id: int) -> None:
    """Append the field's content control (inline, run level) to the paragraph."""
    if f.kind == "seal":
        out.add_run("\u3000\u3000\u3000\u3000（盖章）")
        return
    sdt = _el("w:sdt", out._p)
    pr = _el("w:sdtPr", sdt)
    _el("w:alias", pr, w_val=f.label or f.name)
    _el("w:tag", pr, w_val=f.name)
    _el("w:id", pr, w_val=str(control_id))
    _el("w:showingPlcHdr", pr)
    if f.kind == "checkbox":
        box = OxmlElement("w14:checkbox")
        pr.append(box)  # type: ignore[attr-defined]
        checked = OxmlElement("w14:checked")
        checked.set(f"{{{W14}}}val", "0")
        box.append(checked)
        for state, char, font in (("w14:checkedState", "2612", "MS Gothic"), ("w14:uncheckedState", "25A1", "宋体")):
            element = OxmlElement(state)
            element.set(f"{{{W14}}}val", char)
            element.set(f"{{{W14}}}font", font)
            box.append(element)
    elif f.kind == "choice":
        drop = _el("w:dropDownList", pr)
        for option in f.options or DEFAULT_OPTIONS:
            _el("w:listItem", drop, w_displayText=option, w_value=option)
    elif f.kind == "date":
        date = _el("w:date", pr)
        _el("w:dateFormat", date, w_val="yyyy年M月d日")
        _el("w:lid", date, w_val="zh-CN")
        _el("w:storeMappedDataAs", date, w_val="dateTime")
        _el("w:calendar", date, w_val="gregorian")
    else:
        _el("w:text", pr, **({"w_multiLine": "1"} if f.kind == "multiline" else {}))
    content = _el("w:sdtContent", sdt)
    for i, line in enumerate(_placeholder(f)):
        run = _el("w:r", content)
        if i:
            _el("w:br", run)
        text = _el("w:t", run, xml_space="preserve")
        text.text = line  # type: ignore[attr-defined]
