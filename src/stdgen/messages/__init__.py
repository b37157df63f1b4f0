"""Every message stdgen prints, in Chinese and English, by family of diagnostic codes.

``CATALOGUE`` maps a key (a code, or ``code.variant``) to its (message, hint) templates per
language; ``PHRASES`` maps a phrase key to the words messages are built from. Both are plain
data: importing them costs nothing (the replay of an unchanged build prints from them).
"""

from __future__ import annotations

from ..i18n import Lang
from . import building, common, files, forms, imports, lint, refs, schema, score, variant

Entry = dict[Lang, tuple[str, str]]
FAMILIES = (common, files, schema, refs, variant, forms, score, building, imports, lint)

CATALOGUE: dict[str, Entry] = {}
PHRASES: dict[str, dict[Lang, str]] = {}
for _family in FAMILIES:
    _twice = _family.CATALOGUE.keys() & CATALOGUE.keys() | _family.PHRASES.keys() & PHRASES.keys()
    if _twice:
        raise AssertionError(f"message keys defined twice: {sorted(_twice)}")
    CATALOGUE.update(_family.CATALOGUE)
    PHRASES.update(_family.PHRASES)
