"""Readers: a source file → blocks. Plain text (like the seeds), DOCX (TCS style names, else cues), PDF
(text layer: running headers, page numbers, the 目次 and the cover layout recognised)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

from .blocks import Block, tidy

_LEADING_DEBRIS = re.compile(r"^[-*•]\s+(?=\S)")  # web copies put list bullets before numbered lines


def read_text(path: Path) -> list[Block]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    blocks: list[Block] = []
    for number, source_line in enumerate(text.splitlines(), start=1):
        line = _LEADING_DEBRIS.sub("", source_line.strip())
        if not line:
            continue
        if len(line) > FLAT_LINE:  # a whole document flattened into one line (text copied from a PDF)
            blocks.extend(Block(part, f"line {number}", cleaned=FLAT_NOTE) for part in split_flat(line))
            continue
        last = blocks[-1].text if blocks else ""
        if len(last) >= 30 and len(line) > 2 and not last.endswith(_ENDS) and not _STARTS_BLOCK.match(line):
            blocks[-1].text += line  # a sentence broken across lines (a page break in the copied text)
        else:
            blocks.append(Block(line, f"line {number}"))
    return blocks


FLAT_LINE = 1500
FLAT_NOTE = ("a document flattened into one line was cut at its clause numbers, running headers "
             "(number and page) removed, half-width punctuation in Chinese text made full-width")
_CJK_CHAR = r"[\u4e00-\u9fff“”‘’（）]"
_HALF = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}


def _full_width(text: str) -> str:
    """Half-width , : ; ? ! ( ) next to Chinese text made full-width, as GB/T 1.1 prints them."""
    return re.sub(rf"(?<={_CJK_CHAR})[,:;?!()]|[,:;?!()](?={_CJK_CHAR})", lambda m: _HALF[m.group(0)], text)


def split_flat(line: str) -> list[str]:
    """Cut a flattened document at what starts a paragraph: clause numbers, 前言, 附录, dates, cover lines."""
    glued = re.compile(r"(DB ?\d{2,6}/T ?)(\d+?)((?:19|20)\d{2})(?!\d)")
    header = re.search(glued, line)
    if header:  # the running header: the number as the cover prints it, then a page number
        running = r"\s?".join(re.escape(ch) for ch in re.sub(r"\s", "", header.group(0)))
        line = re.sub(rf"{running}\s+(?:[IVX]+|\d{{1,3}})(?:\s+[A-Z](?=\s+[A-Z]\s))?\s*", "\n", line)
        line = re.sub(r"\n[A-Z] (?=附 ?录)", "\n", line)
    line = glued.sub(lambda m: f"{m.group(1)}{m.group(2)}—{m.group(3)}", line)
    line = _full_width(line)
    cuts = [
        r"(?<=\S) (?=(?:A|CCS ?)?[A-Z] ?\d{2} DB)",  # CCS after the ICS number
        r" (?=DB\d{2,6} )", r" (?=\S{2,8}地方标准)", r"(?<=地方标准) ", r" (?=DB ?\d{2,6}/T)",
        r"(?<=—\d{4}) ", r"(?<=[a-z]) (?=[\u4e00-\u9fff]{4})", r"(?<=[\u4e00-\u9fff]) (?=[A-Z][a-z]+ [a-z])",
        r" (?=\d{4}-\d{2}-\d{2}发布)",
        r"(?<=发布) (?=\d{4})", r"(?<=\d实施)", r"(?=前 ?言 )", r"(?<=前 言) ",
        r"(?<=[。！？”）!?]) ?(?=本(?:标准|文件))",  # sentences of the 前言 and the scope
        r"(?<=[。；！？”）\s])(?=(?:\d{1,2}|[A-Z])(?:\.\d{1,2})+ )",  # 5.1, A.1.1 …
        r"(?<=[。！？] )(?=\d{1,2} [\u4e00-\u9fff])", r"(?<=[。！？])(?=\d{1,2} [\u4e00-\u9fff])",  # chapters
        r" (?=\d (?:范围|规范性引用文件|术语和定义) )", r"(?=参考文献)", r"(?=表[A-Z]?\.?\d+ )",
        r"(?<=。)(?=(?:GB|DB)[/A-Z]* ?\d)",  # the first normative reference after chapter 2's lead
    ]
    for cut in cuts:
        line = re.sub(cut, "\n", line)
    parts: list[str] = []
    for piece in (p.strip() for p in line.split("\n")):
        if piece:
            parts.extend(_heading_and_text(piece))
    return parts


def _heading_and_text(piece: str) -> list[str]:
    """``5.1 标题 正文…`` → heading and text; ``3.1 术语 English 定义`` → number, term, definition."""
    fixed = re.match(r"^(\d (?:范围|规范性引用文件|术语和定义)) (.+)$", piece)
    if fixed:
        return list(fixed.groups())
    term = re.match(r"^(3\.\d{1,2}) ([^\sA-Za-z]+ [A-Za-z][A-Za-z \-]*[a-z])(?: (.+))?$", piece)
    if term:
        return [g for g in term.groups() if g]
    head = re.match(r"^((?:\d{1,2}|[A-Z])(?:\.\d{1,2})* [^\s，。；：、“”]{1,20}) ([\u4e00-\u9fff“（].*)$", piece)
    if head and not re.search(r"[。；：]", head.group(1)):
        return [head.group(1), head.group(2)]
    annex = re.match(r"^(附 ?录 ?[A-Z])(（(?:规范性|资料性)(?:附录)?）)(.+)$", piece)
    if annex:
        return [a for a in annex.groups()]
    return [piece]


def _docx_roles() -> dict[str, str]:
    from ..artifacts.standard.styles import STYLES

    roles: dict[str, str] = {}
    for key, style in STYLES.items():
        roles.setdefault(style.docx_name, key)
    return roles


def read_docx(path: Path) -> list[Block]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    roles = _docx_roles()
    blocks: list[Block] = []
    for index, element in enumerate(document.element.body.iterchildren(), start=1):
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = Paragraph(element, document)
            style = para.style.name if para.style is not None else ""
            role = roles.get(style or "")
            text = para.text
            if role == "cover-date":  # issue and implementation dates share one line, split by a tab
                blocks.extend(Block(part, f"paragraph {index}", role) for part in text.split("\t") if part.strip())
                continue
            blocks.append(Block(text.replace("\t", " ").strip(), f"paragraph {index}", role))
        elif tag == "tbl":
            table = Table(element, document)
            rows = [_unique_cells(row.cells) for row in table.rows]
            head = bool(rows) and all(
                p.style is not None and roles.get(p.style.name or "") == "cell-head"
                for cell in table.rows[0].cells for p in cell.paragraphs if p.text)
            blocks.append(Block("", f"table after paragraph {index - 1}", "table-header" if head else None,
                                rows=rows))
    return blocks


def _unique_cells(cells: Any) -> list[str]:
    """python-docx repeats a merged cell once per grid column: keep one."""
    out: list[str] = []
    seen: list[Any] = []
    for cell in cells:
        if any(cell._tc is s for s in seen):
            continue
        seen.append(cell._tc)
        out.append(cell.text)
    return out


# --- PDF ---------------------------------------------------------------------------------------

_PAGE_NUMBER = re.compile(r"^[IVXLC]+$|^\d{1,3}$")
_ENDS = ("。", "；", "：", "！", "？", "”", ";", ":")  # a short line ending so ends its paragraph
_TOC_LINE = re.compile(r"(\.{4,}|…{2,}|·{4,})\s*[IVXLC\d]+\s*$")
_STARTS_BLOCK = re.compile(
    r"^(\d{1,2}(\.\d{1,2})*[\s\u3000]|[A-Z](\.\d{1,2})+[\s\u3000]|——|[a-z][)）]|\d{1,2}[)）]|·|注\d*[：:]|示例"
    r"|表[A-Z]?\.?\d|附录[A-Z]|[（(](规范性|资料性)[）)]|\[\d+\])")


def read_pdf(path: Path) -> list[Block]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = [_page_lines(page) for page in pdf.pages]
    repeated = _running_lines(pages)
    blocks: list[Block] = []
    body_font = Counter(f for lines in pages for line in lines for f in line["fonts"]).most_common(1)
    body = body_font[0][0] if body_font else ""
    open_block: Block | None = None
    previous: dict[str, Any] | None = None
    for number, lines in enumerate(pages, start=1):
        content = [ln for ln in lines if not _is_furniture(ln, repeated, lines)]
        if not content:
            continue
        left = min(ln["x0"] for ln in content if "rows" not in ln) if any("rows" not in ln for ln in content) else 0
        right = max(ln["x1"] for ln in content if "rows" not in ln) if any("rows" not in ln for ln in content) else 0
        for line in content:
            where = f"page {number}"
            if "rows" in line:
                blocks.append(Block("", where, "table-header" if line["head"] else None, rows=line["rows"]))
                open_block, previous = None, None
                continue
            text = line["text"]
            heading = bool(line["fonts"]) and body not in line["fonts"]
            if _TOC_LINE.search(text):
                blocks.append(Block(text, where, "toc-1"))
                open_block, previous = None, None
                continue
            starts = (open_block is None or previous is None or heading or open_block.heading
                      or line["x0"] > left + 4 or line["gap"] > line["size"] * 1.9
                      or (previous["x1"] < right - line["size"] * 1.5 and previous["text"].rstrip().endswith(_ENDS))
                      or _STARTS_BLOCK.match(text) is not None
                      or line["size"] != previous["size"])
            if starts:
                open_block = Block(text, where, heading=heading)
                blocks.append(open_block)
            else:
                assert open_block is not None
                open_block.text += text
            previous = line
    for block in blocks:
        block.text = tidy(block.text) if block.heading or len(block.text) < 40 else block.text.strip()
    return blocks


def _page_lines(page: Any) -> list[dict[str, Any]]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    out: list[dict[str, Any]] = []
    previous_bottom = 0.0
    for line in page.extract_text_lines(keep_blank_chars=True, return_chars=True):
        if any(b[0] - 1 <= line["x0"] and line["x1"] <= b[2] + 1 and b[1] - 1 <= line["top"] <= b[3] + 1
               for b in boxes):
            continue
        chars = [c for c in line["chars"] if c["text"].strip()]
        cjk = [c for c in chars if re.match(r"[\u4e00-\u9fff]", c["text"])] or chars
        out.append({"text": line["text"], "x0": line["x0"], "x1": line["x1"], "top": line["top"],
                    "size": round(chars[0]["size"], 1) if chars else 0,
                    "fonts": {c["fontname"].split("+")[-1] for c in cjk},
                    # 0 for a page's first line: it may continue the last page's paragraph
                    "gap": line["top"] - previous_bottom if previous_bottom else 0})
        previous_bottom = line["bottom"]
    for table in tables:
        rows = [[cell or "" for cell in row] for row in table.extract()]
        head = len(table.rows) > 1 and _centred(page, table.rows[0]) and not _centred(page, table.rows[1])
        out.append({"rows": rows, "top": table.bbox[1], "x0": table.bbox[0], "x1": table.bbox[2], "text": "",
                    "size": 0, "fonts": set(), "gap": 999, "head": head})
    out.sort(key=lambda ln: ln["top"])
    return out


def _centred(page: Any, row: Any) -> bool:
    """Whether every filled cell of a table row has its text centred (GB/T 1.1 table heads are)."""
    verdicts = []
    for cell in row.cells:
        if cell is None:
            continue
        x0, top, x1, bottom = cell
        chars = [c for c in page.chars if x0 <= c["x0"] and c["x1"] <= x1 and top <= c["top"] <= bottom
                 and c["text"].strip()]
        if chars:
            left, right = min(c["x0"] for c in chars) - x0, x1 - max(c["x1"] for c in chars)
            verdicts.append(abs(left - right) < 3 and left > 6)
    return bool(verdicts) and all(verdicts)


def _running_lines(pages: list[list[dict[str, Any]]]) -> set[str]:
    """Texts printed at the top of many pages (running headers)."""
    tops = Counter(ln["text"].strip() for lines in pages for ln in lines[:1] if "rows" not in ln)
    return {text for text, count in tops.items() if count >= max(2, len(pages) // 3)}


def _is_furniture(line: dict[str, Any], repeated: set[str], lines: list[dict[str, Any]]) -> bool:
    if "rows" in line:
        return False
    text = line["text"].strip()
    if text in repeated and line is lines[0]:
        return True
    return line is lines[-1] and _PAGE_NUMBER.match(text) is not None


MAX_SOURCE = 50 * 1024 * 1024  # bytes of a source file; a standard is a few hundred kilobytes
MAX_INFLATED = 200 * 1024 * 1024  # bytes a DOCX may unpack to (a zip bomb is refused before it is opened)


class Unreadable(Exception):
    """The source cannot be read as what its name says (damaged, another format, too large): ``key`` is
    its I002 message (stdgen.messages.imports), ``params`` the message's parameters."""

    def __init__(self, key: str, **params: str) -> None:
        super().__init__(key, params)
        self.key, self.params = key, params


def read(path: Path) -> list[Block]:
    """The source's blocks; Unreadable (nothing written yet) when it is not a readable DOCX, PDF or text."""
    suffix = path.suffix.lower()
    size = path.stat().st_size
    if size > MAX_SOURCE:
        raise Unreadable("I002.size", size=f"{size:,}", limit=f"{MAX_SOURCE:,}")
    if suffix == ".docx":
        _refuse_bomb(path)
    try:
        if suffix == ".docx":
            blocks = read_docx(path)
        elif suffix == ".pdf":
            blocks = read_pdf(path)
        else:
            return read_text(path)
    except Exception as exc:  # python-docx and pdfminer raise many kinds for a damaged or renamed file
        raise Unreadable("I002.damaged", kind=suffix[1:].upper(), detail=f"{type(exc).__name__}: {exc}") from None
    for block in blocks:  # stdgen joins document numbers (GB/T 36112) with a no-break space
        block.text = block.text.replace("\u00a0", " ")
        block.rows = [[cell.replace("\u00a0", " ") for cell in row] for row in block.rows]
    return blocks


def _refuse_bomb(path: Path) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(path) as package:
            inflated = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise Unreadable("I002.zip", detail=str(exc)) from None
    if inflated > MAX_INFLATED:
        raise Unreadable("I002.bomb", size=f"{inflated:,}", limit=f"{MAX_INFLATED:,}")
