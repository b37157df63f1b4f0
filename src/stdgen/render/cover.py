"""A bureau's cover: ``cover.txt.j2`` writes the cover as lines of a small markup, which become
document-tree blocks, so the HTML, the PDF and the DOCX (the file a bureau files) print the same
cover from the one template.

One line per printed line of the cover (blank lines are skipped)::

    meta: ICS {{ meta.ics }}
    banner[size=22]: {{ meta.issuer }}
    number: {{ meta.number }}
    rule
    title[top=50, align=center]: {{ meta.title }}
    dates: {{ meta.issued }}发布 | {{ meta.implemented }}实施
    rule[weight=1.5]
    issuer: {{ meta.issuer }}　　发布

A line is ``ROLE[ATTRIBUTES]: TEXT``. The role names one of stdgen's cover styles (``meta``,
``mark``, ``banner``, ``banner-long``, ``number``, ``replaces``, ``title``, ``title-en``,
``status``, ``date``, ``issuer``) or ``text`` (宋体, 五号, centred); ``dates`` prints its two
halves at the left and right margins; ``rule`` draws a line. Attributes change the role's style:
``size`` (points), ``font`` (song, hei, kai), ``align`` (left, center, right, justify),
``before``/``after`` (lines), ``top`` (mm above), ``spacing`` (letter spacing, em), ``bold``
(``bold`` or ``bold=no``); a rule takes ``width`` (fraction of the text width), ``weight`` (pt)
and ``top``.

Every value a template prints (``{{ … }}``) is escaped for this markup: a title holding a line
break, ``:``, ``|`` or ``[`` stays text and never starts a line, a role or the right half of
``dates``. A line that is not markup is T002 at the template line it comes from.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from typing import Any

from ..doctree import Block, Para, Rule, Span, Split, Style
from ..i18n import Phrase, phrase
from . import templates

TEMPLATE = "cover.txt.j2"
IDEO_SPACE = "\u3000"
TEXT_STYLE = Style("标准文件_封面文字", "song", 10.5, "center")
ROLES = ("meta", "mark", "banner", "banner-long", "number", "replaces", "title", "title-en", "status", "date",
         "issuer", "text")
SPECIAL = ("dates", "rule")
STYLE_ATTRIBUTES = ("size", "font", "align", "before", "after", "top", "spacing", "bold")
RULE_ATTRIBUTES = ("width", "weight", "top")
_LINE = re.compile(r"\s*([A-Za-z][\w-]*)\s*(?:\[([^\]]*)\])?\s*(?::(.*))?\s*$", re.DOTALL)
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_UNSAFE = str.maketrans({"\\": "\\\\", ":": "\\:", "|": "\\|", "[": "\\[", "]": "\\]", "\n": " ", "\r": " "})
_RANGES: dict[str, tuple[float, float]] = {"size": (5, 72), "indent": (0, 10), "before": (0, 20), "after": (0, 20),
                                           "top": (0, 250), "spacing": (0, 2), "width": (0.05, 1), "weight": (0.25, 6)}
_CHOICES = {"font": ("song", "hei", "kai"), "align": ("left", "center", "right", "justify")}


def escape(value: object) -> str:
    """A printed value inside the markup: no line break, and ``\\ : | [ ]`` backslash-escaped."""
    return ("" if value is None else str(value)).translate(_UNSAFE)


class CoverError(ValueError):
    """A line of the rendered cover that is not markup."""


def bureau_cover(meta: dict[str, str], styles: dict[str, Style]) -> tuple[list[Block], dict[str, Style]] | None:
    """The bureau's cover blocks and the styles they add, or None when the bureau writes no cover.
    TemplateProblem (T002, at the template's line) when the template or its markup is wrong."""
    if templates.folder() is None or not templates.exists(TEMPLATE):
        return None
    text = templates.render(TEMPLATE, meta=meta)
    try:
        return parse(text, styles)
    except CoverError as exc:
        number, line_text, message = exc.args
        file, source = templates.source(TEMPLATE)
        raise templates.TemplateProblem("T002", file, source_line(source, line_text, number), message) from None


def parse(text: str, styles: dict[str, Style]) -> tuple[list[Block], dict[str, Style]]:
    """Blocks and added styles of rendered cover markup; CoverError(number, line, message) at the first bad
    line."""
    blocks: list[Block] = []
    added: dict[str, Style] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        try:
            blocks.extend(_line(line, styles, added))
        except CoverError as exc:
            raise CoverError(number, line, exc.args[0]) from None
    return blocks, added


def _line(line: str, styles: dict[str, Style], added: dict[str, Style]) -> list[Block]:
    if not line.strip():
        return []
    parts = split_line(line)
    if parts is None:
        raise CoverError(phrase("cover-line", line=line.strip()))
    role, attributes, words = parts
    if role not in ROLES + SPECIAL:
        raise CoverError(phrase("cover-role", role=role, suggestion=did_you_mean(role, ROLES + SPECIAL),
                                roles=[*ROLES, *SPECIAL]))
    values = parse_attributes(attributes, RULE_ATTRIBUTES if role == "rule" else STYLE_ATTRIBUTES)
    if role == "rule":
        return [Rule(width=float(values.get("width", 1)), weight_pt=float(values.get("weight", 1)),
                     top_mm=float(values.get("top", 0)))]
    name = _style(role, values, styles, added)
    if role == "dates":
        left, right = _split_dates(words)
        return [Split(_para(name, left), _para(name, right))]
    return [_para(name, _unescape(words))]


def _para(style: str, text: str) -> Para:
    return Para(style, [Span(text.strip() or IDEO_SPACE)])  # an empty line keeps its height


def _style(role: str, values: dict[str, Any], styles: dict[str, Style], added: dict[str, Style]) -> str:
    """The style name of a line: the role's own, or a copy with the attributes' changes."""
    base_name = "cover-date" if role == "dates" else f"cover-{role}"
    base = TEXT_STYLE if role == "text" else styles[base_name]
    if not values:
        if role == "text":
            added.setdefault(base_name, base)
        return base_name
    changed = restyle(base, values)
    for name, style in added.items():
        if replace(style, docx_name=changed.docx_name) == changed and name.startswith(f"{base_name}-"):
            return name
    number = sum(1 for name in added if name.startswith(f"{base_name}-")) + 1
    name = f"{base_name}-{number}"
    added[name] = replace(changed, docx_name=f"{base.docx_name}{number}")
    return name


def restyle(style: Style, values: dict[str, Any]) -> Style:
    """The style with parse_attributes' values (attribute names as a bureau writes them)."""
    fields = {"top": "top_mm", "spacing": "letter_spacing", "indent": "indent_chars"}
    return replace(style, **{fields.get(name, name): value for name, value in values.items()})


def split_line(line: str) -> tuple[str, str, str] | None:
    """(name, attributes, text) of ``NAME[ATTRIBUTES]: TEXT`` (the text still escaped), None if it is not."""
    match = _LINE.match(_protect(line))
    if match is None:
        return None
    return match.group(1), _restore(match.group(2) or ""), _restore(match.group(3) or "")


def parse_attributes(text: str, allowed: tuple[str, ...], unknown: str = "cover-attribute") -> dict[str, Any]:
    """``size=22, align=center, bold`` → {"size": 22.0, "align": "center", "bold": True}; CoverError when a
    name is not allowed (the phrase ``unknown``) or a value is wrong."""
    values: dict[str, Any] = {}
    for item in filter(None, re.split(r"[,\s]+", text.strip())):
        key, has_value, value = item.partition("=")
        if key not in allowed:
            raise CoverError(phrase(unknown, key=key, suggestion=did_you_mean(key, allowed), allowed=allowed))
        if key == "bold":
            if value not in ("", "yes", "no"):
                raise CoverError(phrase("cover-bold", value=value))
            values[key] = value != "no"
        elif key in _CHOICES:
            if value not in _CHOICES[key]:
                raise CoverError(phrase("cover-choice", key=key, value=value, choices=_CHOICES[key]))
            values[key] = value
        else:
            low, high = _RANGES[key]
            try:
                number = float(value)
            except ValueError:
                number = float("nan")
            if not has_value or not low <= number <= high:
                raise CoverError(phrase("cover-range", key=key, value=value, low=f"{low:g}", high=f"{high:g}"))
            values[key] = number
    return values


def _split_dates(words: str) -> tuple[str, str]:
    """LEFT | RIGHT at the first unescaped bar, both halves unescaped."""
    match = re.match(r"((?:\\.|[^\\|])*)\|(.*)", words, re.DOTALL)
    if match is None:
        return _unescape(words), ""
    return _unescape(match.group(1)), _unescape(match.group(2))


# escaped characters are hidden while a line is split into role, attributes and text
_HIDE = {":": "\ue000", "[": "\ue001", "]": "\ue002"}
_SHOW = {v: k for k, v in _HIDE.items()}


def _protect(line: str) -> str:
    return _ESCAPED.sub(lambda m: "\\" + _HIDE.get(m.group(1), m.group(1)), line)


def _restore(text: str) -> str:
    return "".join(_SHOW.get(ch, ch) for ch in text)


def _unescape(text: str) -> str:
    return _ESCAPED.sub(lambda m: m.group(1), text)


def did_you_mean(word: str, choices: tuple[str, ...]) -> Phrase | str:
    close = difflib.get_close_matches(word, choices, n=1)
    return phrase("cover-did-you-mean", name=close[0]) if close else ""


def source_line(source: str, rendered: str, number: int) -> int:
    """The template line a rendered line comes from: the first that starts the same way (the role and
    attributes are literal template text), else the rendered line's own number (the same line in a
    template without ``{% … %}`` tags)."""
    head = rendered.strip().split(":", 1)[0].strip()
    lines = source.splitlines()
    for found, line in enumerate(lines, start=1):
        if head and line.strip().startswith(head):
            return found
    return number if number <= len(lines) else 1
