"""JSON Schema of the clause-set files, generated from the models."""

from __future__ import annotations

from typing import Any

from .loader import Content
from .model import Standard


def json_schema() -> dict[str, Any]:
    """One schema for both kinds of file. Each model's nested ``$defs`` are lifted to the top, where
    their ``#/$defs/…`` references point (editors such as VS Code resolve them there)."""
    defs: dict[str, Any] = {}
    roots: dict[str, Any] = {}
    for name, model in (("standard", Standard), ("content", Content)):
        schema = model.model_json_schema()
        defs.update(schema.pop("$defs", {}))
        roots[name] = schema
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "stdgen clause set",
        "description": "standard.yaml follows 'standard'; every other *.yaml of a set follows 'content'.",
        "oneOf": [{"$ref": "#/$defs/standard"}, {"$ref": "#/$defs/content"}],
        "$defs": {**defs, **roots},
    }


def part_schema(kind: str) -> dict[str, Any]:
    """The schema of one kind of file ("standard" or "content"), for an editor's per-file reference."""
    whole = json_schema()
    return {"$schema": whole["$schema"], "title": f"stdgen clause set: {kind}", "$ref": f"#/$defs/{kind}",
            "$defs": whole["$defs"]}
