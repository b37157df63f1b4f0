"""YAML loading that remembers where every value came from.

PyYAML's composer gives nodes with marks; we turn them into plain Python data
plus a map from data path (tuple of keys and indexes) to (line, col), 1-based.
Anchors and aliases are refused: clause files do not need them and they are the
classic way to make a small YAML file expand without bound.

The C parser (libyaml, several times faster) composes the nodes when PyYAML has it; its
marks are the pure-Python parser's for every document it is used for (tests/test_yamlpos.py
compares both on every clause file, on edge cases and on random edits). A document where
the two could differ (see _UNLIKE), one the C parser refuses, and one with an alias or too
deep a nesting is read by the pure-Python parser, so every problem is reported where and as
the pure-Python parser reports it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .i18n import Message, Phrase, msg, phrase

Path = tuple[str | int, ...]
Problem = tuple[int, int, Message]  # line, col, what


@dataclass
class Located:
    data: Any
    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    unreadable: set[Path] = field(default_factory=set)  # values already reported (Y003, Y005): not validated again

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Position of the value (or key) at path, falling back to the nearest parent."""
        table = self.keys if key else self.values
        for cut in range(len(path), -1, -1):
            hit = table.get(path[:cut]) or self.values.get(path[:cut])
            if hit:
                return hit
        return (1, 1)


class _Loader(yaml.SafeLoader):
    """SafeLoader whose aliases compose to an empty placeholder at the alias's own place, so an
    alias never expands (alias bombs) and is reported where it is written."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.aliases: set[int] = set()  # ids of the placeholder nodes

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.get_event()  # type: ignore[no-untyped-call]
            node = yaml.ScalarNode(YAML_TAG + "null", "", event.start_mark, event.end_mark)
            self.aliases.add(id(node))
            return node
        return super().compose_node(parent, index)


FastLoader: type[yaml.SafeLoader] | None = getattr(yaml, "CSafeLoader", None)
# where the parsers differ (found by tests/test_yamlpos.py): libyaml accepts tabs as separators and
# "?" inside a flow collection's plain scalar; it places an empty value in a flow collection
# ({a: , b: 1}) after the spaces; it allows a comment right after a block scalar's | or >; it
# counts columns differently after a byte-order mark (U+FEFF); it ends a tag (!x) at a comma
_UNLIKE = re.compile(r"[\t?!\ufeff]|:\s*[,}\]]|[|>][-+0-9]*#")
C_DEPTH = 2000  # libyaml's composer recurses in C, unchecked: only documents surely shallower than this


class _PurePythonNeeded(Exception):
    """Raised on the C path where the pure-Python parser reports differently (aliases, deep nesting)."""


class _Builder:
    def __init__(self, loader: yaml.SafeLoader, out: Located, fast: bool = False) -> None:
        self.loader = loader
        self.out = out
        self.fast = fast
        self.aliases: set[int] = getattr(loader, "aliases", set())
        self.seen: set[int] = set()  # C path: libyaml composes an alias to its anchor's node, met twice

    def build(self, node: yaml.Node, path: Path) -> Any:
        self.out.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if self.fast:
            if id(node) in self.seen or len(path) > MAX_DEPTH:
                raise _PurePythonNeeded
            self.seen.add(id(node))
        if id(node) in self.aliases:
            if not any(p[0] == node.start_mark.line + 1 and p[2].code == "Y003" for p in self.out.problems[-3:]):
                self._problem(node, msg("Y003"))  # once a line
            self.out.unreadable.add(path)
            return None
        if node.tag not in PLAIN_TAGS:  # !!python/…, !!binary, !!set, !custom: never constructed
            self._problem(node, msg("Y006", tag=node.tag.replace(YAML_TAG, "!!")))
            self.out.unreadable.add(path)
            return None
        if len(path) > MAX_DEPTH:
            self._problem(node, msg("Y008", depth=MAX_DEPTH))
            self.out.unreadable.add(path)
            return None
        if isinstance(node, yaml.ScalarNode):
            try:
                value = self._construct(node)
            except ValueError:
                self.out.unreadable.add(path)
                return node.value
            if isinstance(value, str) and (bad := NOT_IN_XML.search(value)):
                self._problem(node, msg("Y007.value", char=_code(bad.group())))
                self.out.unreadable.add(path)
            return value
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, path)

    def _mapping(self, node: yaml.MappingNode, path: Path) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            try:
                key = self._construct(key_node)
            except ValueError:
                continue
            if not isinstance(key, (str, int)):
                self._problem(key_node, msg("Y004", key=repr(key)))
                continue
            if key in result:
                self._problem(key_node, msg("Y002", key=str(key)))
            child = (*path, key)
            self.out.keys[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, child)
        return result

    def _construct(self, node: yaml.Node) -> Any:
        """The node's value; ValueError (reported as Y005) when it cannot be read."""
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:  # e.g. an impossible date: 2019-02-30
            reason = exc.problem if isinstance(exc, yaml.MarkedYAMLError) else exc  # the place is given apart
            self._problem(node, msg("Y005", value=str(node.value), reason=_reason(str(reason))))
            raise ValueError(reason) from exc

    def _problem(self, node: yaml.Node, what: Message) -> None:
        mark = node.start_mark
        self.out.problems.append((mark.line + 1, mark.column + 1, what))


def load(text: str, *, fast: bool = True) -> Located:
    """Parse one YAML document; syntax errors become problems, not exceptions.

    fast=False forces the pure-Python parser (the reference the C parser is tested against)."""
    out = Located(data=None)
    if _unprintable(text, out) or _flow_too_deep(text, out):
        return out
    if fast and FastLoader is not None and not _UNLIKE.search(text) and _block_depth_bound(text) < C_DEPTH:
        try:
            return _load_fast(text, FastLoader)
        except (yaml.YAMLError, _PurePythonNeeded, RecursionError):
            pass  # let the pure-Python parser report it
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            out.data = _Builder(loader, out).build(node, ())
    except RecursionError:  # the composer recurses once per level: report where the nesting gets too deep
        out.data = None
        out.problems.append(_too_deep(text))
    except yaml.MarkedYAMLError as exc:
        out.problems.append(_syntax_problem(exc))
    except yaml.YAMLError as exc:
        out.problems.append((1, 1, msg("Y001", problem=_reason(str(exc)))))
    finally:
        loader.dispose()
    return out


def _load_fast(text: str, loader_class: type[yaml.SafeLoader]) -> Located:
    out = Located(data=None)
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            out.data = _Builder(loader, out, fast=True).build(node, ())
    finally:
        loader.dispose()
    return out


def _block_depth_bound(text: str) -> int:
    """More than the block nesting depth: each level is indented further or opened on the line by
    an indicator ("- ", "? ", ": "); a sequence may also sit at its key's indentation."""
    lines = text.splitlines() or [""]
    indent = max(len(line) - len(line.lstrip(" ")) for line in lines)
    indicators = max(line.count("- ") + line.count(": ") + line.count("? ") for line in lines)
    return 2 * (indent + indicators + 1) + MAX_DEPTH


YAML_TAG = "tag:yaml.org,2002:"
PLAIN_TAGS = frozenset(YAML_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))
MAX_DEPTH = 40  # levels of mappings and lists; a clause tree needs about 15
UNPRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
SHOWN_PROBLEMS = 10  # characters reported in one file


def _code(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def _line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _unprintable(text: str, out: Located) -> bool:
    """Characters YAML refuses (NUL, controls, U+FFFE …), each at its place; True when any."""
    for n, match in enumerate(UNPRINTABLE.finditer(text)):
        if n == SHOWN_PROBLEMS:
            break
        out.problems.append((*_line_col(text, match.start()), msg("Y007", char=_code(match.group()))))
    return bool(out.problems)


def _syntax_problem(exc: yaml.MarkedYAMLError) -> Problem:
    """A syntax error at its cause: an unclosed quote or bracket is reported where it opens
    (PyYAML notices it lines later, where the text goes on)."""
    opened = next((name for what, name in UNCLOSED.items() if what in (exc.context or "")), None)
    mark = exc.context_mark if opened and exc.context_mark else exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if opened and exc.problem_mark and exc.context_mark:
        return (line, col, msg("Y001.unclosed", opened=phrase(opened), problem=_reason(exc.problem or ""),
                               line=exc.problem_mark.line + 1))
    return (line, col, msg("Y001", problem=_reason(exc.problem or exc.context or ""),
                           hint=phrase("yaml-tab" if "'\\t'" in (exc.problem or "") else "yaml-fix")))


UNCLOSED = {"quoted scalar": "unclosed-quote", "flow sequence": "unclosed-list", "flow mapping": "unclosed-mapping"}


def _reason(text: str) -> Phrase | str:
    """PyYAML's and Python's wording of a problem, as a phrase when the catalogue knows it."""
    for pattern, key in YAML_REASONS:
        if found := pattern.fullmatch(text.strip()):
            return phrase(key, **found.groupdict())
    return text


YAML_REASONS = [(re.compile(pattern), key) for pattern, key in (  # what a hand-written file meets; others as worded
    (r"mapping values are not allowed here", "yaml-mapping-values"),
    (r"found character '\\t' that cannot start any token", "yaml-tab-token"),
    (r"found character '(?P<char>.+)' that cannot start any token", "yaml-bad-character"),
    (r"could not find expected ':'", "yaml-no-colon"),
    (r"did not find expected key", "yaml-no-key"),
    (r"did not find expected '-' indicator", "yaml-no-dash"),
    (r"did not find expected ',' or '(?P<char>[\]}])'", "yaml-no-comma"),
    (r"found unexpected end of stream", "yaml-end-of-stream"),
    (r"expected <block end>, but found '(?P<found>.+)'", "yaml-block-end"),
    (r"expected a single document in the stream.*", "yaml-one-document"),
    (r"found unknown escape character '?(?P<char>.+?)'?", "yaml-escape"),
    (r"month must be in 1\.\.12", "date-month"),
    (r"day is out of range for month", "date-day"),
    (r"year (?P<year>-?\d+) is out of range", "date-year"),
)]


def _too_deep(text: str) -> Problem:
    """Where the nesting first exceeds MAX_DEPTH, found with the (non-recursive) event parser."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH and event.start_mark is not None:
                mark = event.start_mark
                return (mark.line + 1, mark.column + 1, msg("Y008", depth=MAX_DEPTH))
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
    return (1, 1, msg("Y008", depth=MAX_DEPTH))


FLOW_TOKENS = re.compile(r"""[\[\]{}]|"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|(?:^|(?<=\s))#[^\n]*""", re.MULTILINE)


def _flow_too_deep(text: str, out: Located) -> bool:
    """Brackets nested deeper than MAX_DEPTH, found in one pass before parsing: PyYAML's scanner
    slows down with the square of the flow depth (3 s at 1,000 levels)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return False
    depth = 0
    for match in FLOW_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                out.problems.append((*_line_col(text, match.start()), msg("Y008", depth=MAX_DEPTH)))
                return True
        elif token in "]}":
            depth = max(0, depth - 1)
    return False
