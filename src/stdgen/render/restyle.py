"""A bureau's paragraph styles: ``styles.txt.j2`` changes stdgen's styles by name, and every renderer
reads the changed ones, so a form, a checklist or the standard looks the same in the DOCX as in the
HTML and PDF (``page.css.j2`` reaches only those two)::

    form-title[size=20, font=kai]
    form-label[size=12, bold]
    chapter[before=1.5]

One line per style, ``NAME[ATTRIBUTES]``, with the attributes of the cover markup
(:mod:`stdgen.render.cover`: ``size``, ``font``, ``align``, ``before``, ``after``, ``top``, ``spacing``,
``bold``) and ``indent`` (first-line indent, characters). Names are those of stdgen's documents
(``form-title``, ``form-label``, ``form-text``, ``body``, ``chapter``, ``cover-title``, checklist and
concordance styles …); an unknown name or attribute is T002 at its template line.

The phrase-card sheet's DOCX is the exception: it is drawn as fixed-size card cells whose content
is packed by the same measurements as the PDF (how many phrases fit a card), so its type is not
restyled; cards are restyled for PDF and HTML by ``page.css.j2``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from ..doctree import Document, Style
from ..i18n import phrase
from . import templates
from .cover import STYLE_ATTRIBUTES, CoverError, did_you_mean, parse_attributes, restyle, source_line, split_line

TEMPLATE = "styles.txt.j2"
ATTRIBUTES = (*STYLE_ATTRIBUTES, "indent")


def restyled(doc: Document) -> Document:
    """The document with the bureau's style changes (itself when there are none)."""
    if templates.folder() is None or not templates.exists(TEMPLATE):
        return doc
    changes = _changes(tuple(sorted(doc.meta.items())))
    if not any(name in doc.styles for name in changes):
        return doc
    return replace(doc, styles={name: restyle(style, changes[name]) if name in changes else style
                                for name, style in doc.styles.items()})


@cache
def _changes(meta: tuple[tuple[str, str], ...]) -> dict[str, dict[str, Any]]:
    text = templates.render(TEMPLATE, meta=dict(meta))
    known = tuple(sorted(known_styles()))
    changes: dict[str, dict[str, Any]] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            changes.update(_line(line, known, changes))
        except CoverError as exc:
            file, source = templates.source(TEMPLATE)
            raise templates.TemplateProblem("T002", file, source_line(source, line, number), exc.args[0]) from None
    return changes


def _line(line: str, known: tuple[str, ...], changes: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    parts = split_line(line)
    if parts is None:
        raise CoverError(phrase("style-line", line=line.strip()))
    name, attributes, words = parts
    if name not in known:
        raise CoverError(phrase("style-name", name=name, suggestion=did_you_mean(name, known)))
    if words.strip():
        raise CoverError(phrase("style-text", line=line.strip()))
    return {name: {**changes.get(name, {}), **parse_attributes(attributes, ATTRIBUTES, "style-attribute")}}


def forget() -> None:
    """Drop the changes read so far (another templates folder is used)."""
    _changes.cache_clear()


def known_styles() -> set[str]:
    """Every style name stdgen's documents use (a bureau may restyle any of them)."""
    from ..artifacts.cards.build import TREE_STYLES as CARDS
    from ..artifacts.changes import STYLES as CHANGES
    from ..artifacts.checklist.styles import STYLES as CHECKLIST
    from ..artifacts.concordance.styles import STYLES as CONCORDANCE
    from ..artifacts.forms.tree import STYLES as FORMS
    from ..artifacts.standard.styles import STYLES as STANDARD
    from ..xref import STYLES as XREF

    tables: list[dict[str, Style]] = [CARDS, CHANGES, CHECKLIST, CONCORDANCE, FORMS, STANDARD, XREF]
    return {name for table in tables for name in table}
