"""The bad-input corpus: hostile or broken clause sets, each with the exact diagnostics expected.

Each case starts from a small valid set (``bx``: standard.yaml and body.yaml) and replaces or
adds files (as bytes, so encodings, BOMs, NUL bytes and CRLF are what a bureau's editor wrote).
``expected`` lists every error (and the named warnings) as ``file:line:col CODE``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

STANDARD = """\
code: BX
number: DB99/T 1—2024
banner: 测试省地方标准
title: {zh: 测试服务规范}
issuer: 测试省市场监督管理局
issued: 2024-01-02
implemented: 2024-02-03
scope: [本文件规定了测试。]
"""
BODY = """\
clauses:
  - id: BX-4
    title: 窗口
    clauses:
      - id: BX-4.1
        type: requirement
        text: 窗口应整洁。
      - id: BX-4.2
        type: requirement
        text: 应使用文明用语，见[[BX-4.1]]。
"""
TERMS = """\
terms:
  - id: BX-T1
    term: 窗口
    en: window
    definition: 办理政务服务事项的服务台。
"""


def body(old: str, new: str) -> bytes:
    assert old in BODY, old
    return BODY.replace(old, new, 1).encode("utf-8")


def standard(old: str, new: str) -> bytes:
    assert old in STANDARD, old
    return STANDARD.replace(old, new, 1).encode("utf-8")


def _nested_flow(levels: int) -> bytes:
    return (BODY + "annexes: " + "[" * levels + "]" * levels + "\n").encode()


def _nested_block(levels: int) -> bytes:
    lines = ["forms:"] + [f"{'  ' * i}k{i}:" for i in range(1, levels)] + [f"{'  ' * levels}x"]
    return (BODY + "\n".join(lines) + "\n").encode()


TABLE = """\
  - id: BX-5
    title: 用语
    text: 接待用语见表1。
    table:
      id: BX-T1
      caption: 用语表
      header: [场景, 用语]
      rows:
        - [接待, 您好]
"""
BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: [*c,*c,*c,*c,*c,*c,*c,*c,*c]
"""


@dataclass
class Case:
    name: str
    files: dict[str, bytes]  # file name in the set folder → content (replaces or adds)
    expected: list[str]  # every error, and the warnings named here: "file:line:col CODE"
    other_sets: dict[str, dict[str, bytes]] = field(default_factory=dict)
    setup: Callable[[Path, Path], None] | None = None  # (clauses folder, tmp): links, odd names


CASES: list[Case] = [
    # --- YAML syntax ------------------------------------------------------------------------------
    Case("unclosed-flow-list", {"body.yaml": body("text: 窗口应整洁。", "text: [窗口应整洁。")},
         ["body.yaml:7:15 Y001"]),
    Case("unclosed-quote", {"body.yaml": body("text: 窗口应整洁。", 'text: "窗口应整洁。')},
         ["body.yaml:7:15 Y001"]),
    Case("bad-indentation", {"body.yaml": body("        type: requirement\n        text: 窗口",
                                               "        type: requirement\n       text: 窗口")},
         ["body.yaml:7:8 Y001"]),
    Case("tab-indentation", {"body.yaml": body("    title: 窗口", "\ttitle: 窗口")}, ["body.yaml:3:1 Y001"]),
    Case("tab-inside-clause", {"body.yaml": body("        text: 窗口应整洁。", "\t    text: 窗口应整洁。")},
         ["body.yaml:7:1 Y001"]),
    Case("colon-in-plain-text", {"body.yaml": body("text: 窗口应整洁。", "text: 注意: 窗口应整洁: 好")},
         ["body.yaml:7:17 Y001"]),
    Case("duplicate-top-level-key", {"body.yaml": (BODY + "clauses: []\n").encode()}, ["body.yaml:11:1 Y002"]),
    Case("duplicate-nested-key", {"body.yaml": body("        text: 窗口应整洁。", "        text: 窗口应整洁。\n"
                                                    "        text: 窗口应干净。")}, ["body.yaml:8:9 Y002"]),
    Case("duplicate-key-in-standard", {"standard.yaml": (STANDARD + "issuer: 另一个局\n").encode()},
         ["standard.yaml:9:1 Y002"]),
    Case("alias-bomb", {"body.yaml": BILLION_LAUGHS.encode()},
         ["body.yaml:1:1 S001", "body.yaml:2:1 S001", "body.yaml:2:8 Y003", "body.yaml:3:1 S001",
          "body.yaml:3:8 Y003", "body.yaml:4:1 S001", "body.yaml:4:5 Y003"]),
    Case("anchor-and-alias", {"body.yaml": body("text: 窗口应整洁。", "text: &t 窗口应整洁。").replace(
        "text: 应使用文明用语，见[[BX-4.1]]。".encode(), b"text: *t")}, ["body.yaml:10:15 Y003"]),
    Case("python-object-tag", {"body.yaml": (BODY + "forms: !!python/object:os.system {}\n").encode()},
         ["body.yaml:11:8 Y006"]),
    Case("python-name-tag", {"body.yaml": body("text: 窗口应整洁。", "text: !!python/name:os.system")},
         ["body.yaml:7:15 Y006"]),
    Case("python-apply-tag-in-standard", {"standard.yaml": standard(
        "issuer: 测试省市场监督管理局", "issuer: !!python/object/apply:os.system [echo]")}, ["standard.yaml:5:9 Y006"]),
    Case("binary-tag", {"body.yaml": body("text: 窗口应整洁。", "text: !!binary 5pyN5Yqh")}, ["body.yaml:7:15 Y006"]),
    Case("custom-tag", {"body.yaml": body("text: 窗口应整洁。", "text: !include secrets.yaml")},
         ["body.yaml:7:15 Y006"]),
    Case("set-tag", {"body.yaml": body("text: 窗口应整洁。", "text: !!set {a, b}")}, ["body.yaml:7:15 Y006"]),
    Case("non-string-key", {"body.yaml": body("        type: requirement\n        text: 窗口",
                                              "        type: requirement\n        [a, b]: x\n        text: 窗口")},
         ["body.yaml:7:9 Y004"]),
    Case("top-level-list", {"body.yaml": b"- id: BX-4\n  title: x\n"}, ["body.yaml:1:1 S004"]),
    # --- empty files --------------------------------------------------------------------------------
    Case("empty-content-file", {"more.yaml": b""}, []),
    Case("comment-only-content-file", {"more.yaml": "# 以后补充\n# more later\n".encode()}, []),
    Case("empty-body", {"body.yaml": b""}, ["standard.yaml:4:1 L202"]),
    Case("empty-standard", {"standard.yaml": b""},
         ["standard.yaml:1:1 S002", "standard.yaml:1:1 S002"]),
    Case("comment-only-standard", {"standard.yaml": b"# TODO\n"},
         ["standard.yaml:1:1 S002", "standard.yaml:1:1 S002"]),
    # --- encodings and bytes ----------------------------------------------------------------------------
    Case("gbk-body", {"body.yaml": BODY.encode("gbk")}, ["body.yaml:3:12 F003"]),
    Case("gbk-standard", {"standard.yaml": STANDARD.encode("gbk")}, ["standard.yaml:2:17 F003"]),
    Case("gb18030-body", {"body.yaml": BODY.encode("gb18030")}, ["body.yaml:3:12 F003"]),
    Case("utf16-le-bom", {"body.yaml": BODY.encode("utf-16")}, ["body.yaml:1:1 F003"]),
    Case("utf16-be-bom", {"body.yaml": b"\xfe\xff" + BODY.encode("utf-16-be")}, ["body.yaml:1:1 F003"]),
    Case("utf16-le-no-bom", {"body.yaml": BODY.encode("utf-16-le")}, ["body.yaml:1:1 F003"]),
    Case("utf16-be-no-bom", {"body.yaml": BODY.encode("utf-16-be")}, ["body.yaml:1:1 F003"]),
    Case("utf8-bom", {"body.yaml": b"\xef\xbb\xbf" + BODY.encode()}, []),
    Case("invalid-utf8", {"body.yaml": BODY.encode().replace("整洁".encode(), b"\xff\xfe")}, ["body.yaml:7:18 F003"]),
    Case("truncated-utf8", {"body.yaml": BODY.encode().replace("整洁".encode(), "整".encode()[:2])},
         ["body.yaml:7:18 F003"]),
    Case("crlf", {"body.yaml": BODY.replace("\n", "\r\n").encode()}, []),
    Case("crlf-with-error", {"body.yaml": body("text: 窗口应整洁。", "text: [窗口").replace(b"\n", b"\r\n")},
         ["body.yaml:7:15 Y001"]),
    Case("nul-byte", {"body.yaml": body("窗口应整洁。", "窗口\x00应整洁。")}, ["body.yaml:7:17 Y007"]),
    Case("raw-control-0x01", {"body.yaml": body("窗口应整洁。", "窗口\x01应整洁。")}, ["body.yaml:7:17 Y007"]),
    Case("raw-vertical-tab", {"body.yaml": body("窗口应整洁。", "窗口\x0b应整洁。")}, ["body.yaml:7:17 Y007"]),
    Case("raw-ufffe", {"body.yaml": body("窗口应整洁。", "窗口\ufffe应整洁。")}, ["body.yaml:7:17 Y007"]),
    Case("escaped-0x01", {"body.yaml": body("text: 窗口应整洁。", 'text: "窗口\\x01应整洁。"')},
         ["body.yaml:7:15 Y007"]),
    Case("escaped-vertical-tab", {"body.yaml": body("text: 窗口应整洁。", 'text: "窗口\\v应整洁。"')},
         ["body.yaml:7:15 Y007"]),
    Case("escaped-ufffe", {"body.yaml": body("text: 窗口应整洁。", 'text: "窗口\\ufffe应整洁。"')},
         ["body.yaml:7:15 Y007"]),
    Case("escaped-surrogate", {"body.yaml": body("text: 窗口应整洁。", 'text: "窗口\\ud800应整洁。"')},
         ["body.yaml:7:15 Y007"]),
    Case("escaped-control-in-title", {"standard.yaml": standard("title: {zh: 测试服务规范}",
                                                                'title: {zh: "测试\\x0c服务规范"}')},
         ["standard.yaml:4:13 Y007"]),
    # --- size and depth --------------------------------------------------------------------------------
    Case("20-mb-file", {"body.yaml": BODY.encode() + b"# " + b"x" * 20_000_000 + b"\n"}, ["body.yaml:1:1 F003"]),
    Case("5-mb-string", {"body.yaml": body("text: 窗口应整洁。", "text: 窗口应整洁" + "。" * 1_700_000)},
         ["body.yaml:1:1 F003"]),
    Case("1000-level-flow-nesting", {"body.yaml": _nested_flow(1000)}, ["body.yaml:11:50 Y008"]),
    Case("200-level-block-nesting", {"body.yaml": _nested_block(200)}, ["body.yaml:12:3 S004", "body.yaml:52:83 Y008"]),
    # --- schema ----------------------------------------------------------------------------------------
    Case("unknown-field", {"body.yaml": body("        type: requirement\n        text: 窗口",
                                             "        type: requirement\n        txt: 窗口")},
         ["body.yaml:7:9 S001"]),
    Case("unknown-top-level-field", {"body.yaml": (BODY + "annex: []\n").encode()}, ["body.yaml:11:1 S001"]),
    Case("unknown-metadata-field", {"standard.yaml": (STANDARD + "isued: 2024-01-02\n").encode()},
         ["standard.yaml:9:1 S001"]),
    Case("wrong-type-title-list", {"body.yaml": body("title: 窗口", "title: [窗口]")}, ["body.yaml:3:12 S004"]),
    Case("wrong-type-clauses-mapping", {"body.yaml": b"clauses: {id: BX-4}\n"}, ["body.yaml:1:10 S004"]),
    Case("wrong-type-points",
         {"body.yaml": body("text: 窗口应整洁。", "text: 窗口应整洁。\n        check: {points: 很多}")},
         ["body.yaml:8:25 S004"]),
    Case("unknown-provision-type", {"body.yaml": body("type: requirement", "type: requirment")},
         ["body.yaml:6:15 S003"]),
    Case("blank-title", {"body.yaml": body("title: 窗口", "title: '  '")}, ["body.yaml:3:12 S004"]),
    Case("blank-issuer", {"standard.yaml": standard("issuer: 测试省市场监督管理局", "issuer: '　'")},
         ["standard.yaml:5:9 S004"]),
    Case("impossible-date", {"standard.yaml": standard("issued: 2024-01-02", "issued: 2019-02-30")},
         ["standard.yaml:6:9 Y005"]),
    Case("month-13", {"standard.yaml": standard("issued: 2024-01-02", "issued: 2024-13-01")},
         ["standard.yaml:6:9 Y005"]),
    Case("implemented-before-issued", {"standard.yaml": standard("implemented: 2024-02-03",
                                                                 "implemented: 2023-02-03")},
         ["standard.yaml:7:1 L208"]),
    Case("document-number-hyphen", {"standard.yaml": standard("number: DB99/T 1—2024", "number: DB99/T 1-2024")},
         ["standard.yaml:2:1 L207"]),
    Case("document-number-no-year", {"standard.yaml": standard("number: DB99/T 1—2024", "number: DB99 1")},
         ["standard.yaml:2:1 L207"]),
    # --- IDs ---------------------------------------------------------------------------------------------
    Case("id-with-space", {"body.yaml": body("id: BX-4.1", "id: BX-4 1")}, ["body.yaml:5:13 S005"]),
    Case("id-in-chinese", {"body.yaml": body("id: BX-4.1", "id: BX-四")}, ["body.yaml:5:13 S005"]),
    Case("id-without-prefix", {"body.yaml": body("id: BX-4.1", "id: QQ-4.1")},
         ["body.yaml:5:13 R007", "body.yaml:10:15 R002"]),
    Case("duplicate-id-same-file", {"body.yaml": body("id: BX-4.2", "id: BX-4")}, ["body.yaml:8:13 R001"]),
    Case("duplicate-id-across-files", {"more.yaml": b"clauses:\n  - id: BX-4.1\n    title: x\n    text: y\n"},
         ["more.yaml:2:9 R001"]),
    Case("duplicate-id-across-sets", {}, ["body.yaml:2:9 R012", "body.yaml:5:13 R012", "body.yaml:8:13 R012"],
         other_sets={"by": {"standard.yaml": STANDARD.encode(), "body.yaml": BODY.encode()}}),
    # --- references ----------------------------------------------------------------------------------------
    Case("dangling-reference", {"body.yaml": body("[[BX-4.1]]", "[[BX-4.9]]")}, ["body.yaml:10:15 R002"]),
    Case("self-reference", {"body.yaml": body("[[BX-4.1]]", "[[BX-4.2]]")}, ["body.yaml:10:15 R015"]),
    Case("unclosed-reference", {"body.yaml": body("[[BX-4.1]]", "[[BX-4.1")}, ["body.yaml:10:15 R014"]),
    Case("empty-reference", {"body.yaml": body("[[BX-4.1]]", "[[ ]]")}, ["body.yaml:10:15 R014"]),
    Case("reference-with-space", {"body.yaml": body("[[BX-4.1]]", "[[BX 4.1]]")}, ["body.yaml:10:15 R014"]),
    Case("reference-in-title", {"body.yaml": body("title: 窗口", "title: 窗口（见[[BX-4.1]]）")},
         ["body.yaml:3:12 R014"]),
    Case("reference-in-term", {"terms.yaml": TERMS.replace("term: 窗口", "term: 窗口[[BX-4]]").encode()},
         ["terms.yaml:3:11 R014"]),
    Case("dangling-reference-in-list-item", {"body.yaml": body("text: 窗口应整洁。", "text: 窗口应整洁：\n"
                                                               "        items:\n          - 第一项。\n"
                                                               "          - 第二项见[[BX-9]]。")},
         ["body.yaml:10:13 R002"]),
    Case("malformed-reference-in-table-cell",
         {"body.yaml": (BODY + TABLE + '        - [告别, "再见[[BX 8"]\n').encode()}, ["body.yaml:20:16 R014"]),
    Case("dangling-reference-in-table-cell",
         {"body.yaml": (BODY + TABLE + '        - [告别, "再见[[BX-8]]"]\n').encode()}, ["body.yaml:20:16 R002"]),
    Case("dangling-related", {"body.yaml": body("text: 窗口应整洁。", "text: 窗口应整洁。\n        related: [BX-9.9]")},
         ["body.yaml:8:18 R006"]),
    # --- text printed literally (no diagnostic; see test_injection for the files) ------------------------
    Case("script-in-text", {"body.yaml": body("窗口应整洁。", "窗口应整洁<script>alert(1)</script>。")}, []),
    Case("img-onerror-in-title", {"body.yaml": body("title: 窗口", 'title: 窗口<img src=x onerror="alert(1)">')}, []),
    Case("jinja-in-text", {"body.yaml": body("窗口应整洁。", "窗口应整洁{{ 7*7 }}{% if 1 %}x{% endif %}。")}, []),
    Case("cdata-end-in-text", {"body.yaml": body("窗口应整洁。", "窗口应整洁]]>。")}, []),
    Case("formula-in-text", {"body.yaml": body("text: 窗口应整洁。", "text: '=HYPERLINK(\"http://x\",\"y\")窗口应整洁。'")},
         []),
    Case("dde-formula-in-title", {"body.yaml": body("title: 窗口", "title: \"+cmd|' /C calc'!A0\"")}, []),
    Case("at-formula-in-term", {"terms.yaml": TERMS.replace("term: 窗口", "term: '@SUM(A1:A2)'").encode()}, []),
    Case("script-in-metadata", {"standard.yaml": standard("issuer: 测试省市场监督管理局",
                                                          "issuer: 测试局</style><script>alert(1)</script>")}, []),
    # --- paths ---------------------------------------------------------------------------------------------
    Case("content-file-linked-outside", {}, ["outside.yaml:1:1 F006"], setup=lambda root, tmp: _link_file(root, tmp)),
    Case("set-folder-linked-outside", {}, ["body.yaml:1:1 F006", "standard.yaml:1:1 F006"],
         setup=lambda root, tmp: _link_set(root, tmp)),
    Case("set-name-with-colon", {}, ["javascript:alert(1):0:0 F007"],
         setup=lambda root, tmp: _copy_set(root / "javascript:alert(1)", root / "bx", b"BQ")),
]


def _copy_set(target: Path, source: Path, code: bytes) -> None:
    target.mkdir()
    for part in ("standard.yaml", "body.yaml"):
        (target / part).write_bytes((source / part).read_bytes().replace(b"BX", code))


def _link_file(root: Path, tmp: Path) -> None:
    (tmp / "elsewhere.yaml").write_bytes(BODY.encode())
    (root / "bx" / "outside.yaml").symlink_to(tmp / "elsewhere.yaml")


def _link_set(root: Path, tmp: Path) -> None:
    outside = tmp / "outside-set"
    _copy_set(outside, root / "bx", b"BZ")
    (root / "bz").symlink_to(outside)
