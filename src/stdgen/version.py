"""Content version of a clause set: a hash of its data, the same wherever it is computed.

Every artifact that must be matched back to the clause set it was made from (a printed
checklist, a filled results sheet, a cross-reference index) records this version. Two sets
have the same version exactly when their validated data is the same: formatting, comments
and key order of the YAML files do not count, any change of a clause does.
"""

from __future__ import annotations

import hashlib
import json

from .model import ClauseSet

SHORT = 12  # hex digits printed on paper: short enough to copy, long enough never to collide here


def canonical_json(clause_set: ClauseSet) -> str:
    """The set's data as JSON with sorted keys and no insignificant whitespace."""
    data = clause_set.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def digest(clause_set: ClauseSet) -> str:
    """Full SHA-256 of the canonical JSON, in hex."""
    return hashlib.sha256(canonical_json(clause_set).encode("utf-8")).hexdigest()


def version(clause_set: ClauseSet) -> str:
    """The set's version as printed and recorded in artifacts: the first 12 hex digits of the digest."""
    return digest(clause_set)[:SHORT]
