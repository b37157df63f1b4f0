"""``stdgen new``: a clause set to start from, every construct shown, editors validating it.

The files are templates beside this code; each starts with a ``yaml-language-server`` line
pointing at the JSON Schema (``stdgen schema``) written into the set, so VS Code (YAML extension)
checks keys and values as they are typed.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..schema import part_schema

HERE = Path(__file__).parent
FILES = ("standard.yaml", "10-terms.yaml", "20-body.yaml", "30-annexes.yaml")
SCHEMA_FOLDER = ".stdgen-schema"


def scaffold(folder: Path, code: str, edition: str, year: int) -> list[Path]:
    """Write a new set into folder (which must not exist or be empty); return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    me = "本标准" if edition == "2009" else "本文件"
    written = []
    for name in FILES:
        template = (HERE / f"{name}.tmpl").read_text(encoding="utf-8")
        text = template.format(name=folder.name, code=code, edition=edition, year=year, me=me)
        (folder / name).write_text(text, encoding="utf-8")
        written.append(folder / name)
    schemas = folder / SCHEMA_FOLDER
    schemas.mkdir(exist_ok=True)
    for kind in ("standard", "content"):
        path = schemas / f"{kind}.schema.json"
        path.write_text(json.dumps(part_schema(kind), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
