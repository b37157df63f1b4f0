"""Form blanks (doctree.FieldSpec) for the HTML/PDF renderer: printed blanks or inputs.

Printed, every kind shows what a clerk writes on: a line, 年　月　日, 时　分, 18 boxes for an
ID-card number, □ for a checkbox, □是　□否 for a choice, ruled lines for multi-line text,
（盖章） for a seal. Fillable, the same places are inputs named after the field; WeasyPrint
turns them into AcroForm fields (text, multi-line text, check box, radio group). A seal is
never fillable: it is stamped on paper.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..doctree import FieldSpec

DATE = "年\u3000\u3000月\u3000\u3000日"
TIME = "时\u3000\u3000分"
WIDTH = {"text": 8, "phone": 8, "signature": 6, "date": 8, "time": 5, "id-card": 16}  # em, blanks inside text
DEFAULT_OPTIONS = ("是", "否")
ID_DIGITS = 18

FIELD_CSS = """
.blank { display: inline-block; border-bottom: 0.6pt solid #000; min-height: 1.2em; vertical-align: bottom; }
.cell-blank { display: block; min-height: 1.2em; }
.date-blank, .time-blank { white-space: nowrap; padding-left: 2em; }
.idcard { display: inline-flex; white-space: nowrap; vertical-align: middle; }
.idcard .box { display: inline-block; width: 1.35em; height: 1.6em; border: 0.6pt solid #000; margin-left: -0.6pt; }
.ruled { display: block; width: 100%; }
.ruled .line { display: block; height: 2.2em; border-bottom: 0.6pt solid #000; }
.seal-blank { display: inline-block; min-width: 8em; text-align: right; }
.choice label { margin-right: 1em; white-space: nowrap; }
input { display: inline-block; max-width: 100%; }  /* else WeasyPrint puts each input on a line of its own */
input, textarea { font: inherit; font-size: 10.5pt; border: 0; border-bottom: 0.6pt solid #000; background: #fff;
  padding: 1pt 2pt; box-sizing: border-box; vertical-align: bottom; }
td input, td textarea { width: 100%; }
input.whole { border: 0; }
textarea { display: block; width: 100%; border: 0.6pt solid #000; resize: vertical; }
input[type=checkbox], input[type=radio] { width: 1em; height: 1em; border: 0.6pt solid #000; margin: 0 0.2em; }
input.idcard-input { letter-spacing: 0.3em; min-width: 18em; }
@media screen { input, textarea { min-height: 2.2em; font-size: 16px; } input[type=checkbox],
  input[type=radio] { min-height: 0; width: 1.4em; height: 1.4em; } }
@media print { input, textarea { background: transparent; font-family: "DejaVu Sans", "Liberation Sans", sans-serif; } }
"""


def field_html(f: FieldSpec, fillable: bool) -> Markup:
    if fillable and f.kind != "seal":
        return _input(f)
    return _printed(f)


def _width(f: FieldSpec) -> str:
    return f"{f.width or WIDTH.get(f.kind, 8)}em"


def _printed(f: FieldSpec) -> Markup:
    kind = f.kind
    if kind == "date":
        return Markup('<span class="date-blank">{}</span>').format(DATE)
    if kind == "time":
        return Markup('<span class="time-blank">{}</span>').format(TIME)
    if kind == "checkbox":
        return Markup('<span class="tick">□</span>')
    if kind == "choice":
        return Markup("\u3000".join(f"□{escape(o)}" for o in f.options or DEFAULT_OPTIONS))
    if kind == "id-card":
        return Markup('<span class="idcard">' + '<span class="box"></span>' * ID_DIGITS + "</span>")
    if kind == "multiline":
        return Markup('<span class="ruled">' + '<span class="line"></span>' * f.lines + "</span>")
    if kind == "seal":
        return Markup('<span class="seal-blank">（盖章）</span>')
    if f.whole_cell:
        return Markup('<span class="cell-blank"></span>')
    return Markup('<span class="blank" style="width: {}"></span>').format(_width(f))


def _input(f: FieldSpec) -> Markup:
    common = Markup(' name="{}" title="{}"{}').format(f.name, f.label or f.name,
                                                    Markup(" required") if f.required else "")
    kind = f.kind
    if kind == "multiline":
        return Markup('<textarea{} rows="{}" style="height: {}em"></textarea>').format(
            common, max(f.lines, 2), 2 * max(f.lines, 2))
    if kind == "checkbox":
        return Markup('<input type="checkbox" value="on"{}>').format(common)
    if kind == "choice":
        options = f.options or DEFAULT_OPTIONS
        return Markup('<span class="choice">{}</span>').format(Markup("").join(
            Markup('<label><input type="radio" value="{}"{}>{}</label>').format(o, common, o) for o in options))
    classes = " ".join(c for c in ("whole" if f.whole_cell else "", "idcard-input" if kind == "id-card" else "") if c)
    attrs = common + (Markup(' class="{}"').format(classes) if classes else "")
    if not f.whole_cell:
        attrs += Markup(' style="width: {}"').format(_width(f))
    if kind == "phone":
        return Markup('<input type="tel" inputmode="tel" maxlength="20"{}>').format(attrs)
    if kind == "id-card":
        return Markup('<input type="text" maxlength="18" pattern="[0-9]{{17}}[0-9Xx]" inputmode="numeric"{}>'
                      ).format(attrs)
    if kind in ("date", "time"):
        return Markup('<input type="{}"{}>').format(kind, attrs)
    return Markup('<input type="text"{}>').format(attrs)
