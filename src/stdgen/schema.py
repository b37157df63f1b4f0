"""JSON Schema of the clause-set files, generated from the models."""

from __future__ import annotations

from typing import Any

from .loader import Content
from .model import Standard


def json_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "stdgen clause set",
        "description": "standard.yaml follows 'standard'; every other *.yaml of a set follows 'content'.",
        "oneOf": [{"$ref": "#/$defs/standard"}, {"$ref": "#/$defs/content"}],
        "$defs": {
            "standard": Standard.model_json_schema(),
            "content": Content.model_json_schema(),
        },
    }
