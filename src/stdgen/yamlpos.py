"""YAML loading that remembers where every value came from.

PyYAML's composer gives nodes with marks; we turn them into plain Python data
plus a map from data path (tuple of keys and indexes) to (line, col), 1-based.
Anchors and aliases are refused: clause files do not need them and they are the
classic way to make a small YAML file expand without bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


@dataclass
class Located:
    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[tuple[int, int, str, str]] = field(default_factory=list)  # line, col, code, message
    unreadable: set[Path] = field(default_factory=set)  # values already reported (Y003, Y005): not validated again

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Position of the value (or key) at path, falling back to the nearest parent."""
        table = self.keys if key else self.values
        for cut in range(len(path), -1, -1):
            hit = table.get(path[:cut]) or self.values.get(path[:cut])
            if hit:
                return hit
        return (1, 1)


class _Builder:
    def __init__(self, loader: yaml.SafeLoader, out: Located) -> None:
        self.loader = loader
        self.out = out
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.out.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if id(node) in self.seen:
            self._problem(node, "Y003", "YAML anchors and aliases are not allowed in clause files")
            self.out.unreadable.add(path)
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                return self.loader.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError) as exc:  # e.g. an impossible date: 2019-02-30
                self._problem(node, "Y005", f"value '{node.value}' cannot be read: {exc}")
                self.out.unreadable.add(path)
                return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                self._problem(key_node, "Y004", f"mapping key {key!r} is not a plain string")
                continue
            if key in result:
                self._problem(key_node, "Y002", f"duplicate key '{key}'")
            child = (*path, key)
            self.out.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child)
        return result

    def _problem(self, node: yaml.Node, code: str, message: str) -> None:
        mark = node.start_mark
        self.out.problems.append((mark.line + 1, mark.column + 1, code, message))


def load(text: str) -> Located:
    """Parse one YAML document; syntax errors become problems, not exceptions."""
    out = Located(data=None)
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            out.data = _Builder(loader, out).build(node, ())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        out.problems.append((line, col, "Y001", f"YAML syntax: {exc.problem or exc.context}"))
    except yaml.YAMLError as exc:
        out.problems.append((1, 1, "Y001", f"YAML: {exc}"))
    finally:
        loader.dispose()
    return out
