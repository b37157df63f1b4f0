"""Forms as data: validation diagnostics, the HTML form, DOCX content controls and reading them back."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from conftest import CLAUSES, line_of, resolve_alone
from stdgen.artifacts.forms.tree import basis, form_document
from stdgen.cli import app
from stdgen.diagnostics import Report
from stdgen.forms.read import parse_date, valid_id_card
from stdgen.loader import load_set
from stdgen.render.docx_render import write_docx
from stdgen.render.html import render_html
from stdgen.resolve import ResolvedSet, resolve

runner = CliRunner()
SET = "db34-t-3395-2019"
LETTER = Path(__file__).parent / "data" / "forms" / "buzheng.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


@pytest.fixture
def clauses(tmp_path: Path) -> Path:
    """All bundled sets (their related links point at each other), db34 with the letter form added."""
    root = tmp_path / "clauses"
    shutil.copytree(CLAUSES, root)
    shutil.copy(LETTER, root / SET / "40-letter.yaml")
    return root


def _resolved(folder: Path) -> tuple[ResolvedSet, Report]:
    report = Report()
    loaded = load_set(folder, report)
    assert loaded is not None, report.render_text()
    return resolve(loaded, report), report


BROKEN = """\
forms:
  - id: QC-FORM-X
    title: 测试表
    columns: 3
    rows:
      - - {label: 甲}
        - {field: a, rowspan: 2}
        - {field: b}
      - - {field: c, colspan: 3}
      - - {field: d, colspan: 4}
      - - {label: 乙}
        - {field: a}
      - - {field: e, kind: colour, colspan: 3}
      - - {label: 丙, rowspan: 3}
        - {text: "见［field:nowhere］", colspan: 2}
  - id: QC-FORM-Y
    title: 告知书
    body:
      - text: "［field:applicant］：你好。"
    fields:
      - {name: applicant}
"""


def test_each_form_problem_has_its_diagnostic_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / SET
    shutil.copytree(CLAUSES / SET, folder)
    path = folder / "50-broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    report = Report()
    assert load_set(folder, report) is None  # kind: colour fails validation
    assert [(d.code, d.position.line) for d in report.items] == [("S003", line_of(path, "colour"))]
    assert "'colour' is not an allowed value of 'kind'" in report.items[0].message

    path.write_text(BROKEN.replace("kind: colour, ", ""), encoding="utf-8")
    _, report = _resolved(folder)
    found = [(d.code, d.position.line, d.severity) for d in report.items if d.code.startswith("K")]
    assert sorted(found) == sorted([
        ("K001", line_of(path, "{field: c, colspan: 3}"), "error"),  # overlaps field a spanning down
        ("K001", line_of(path, "{field: d, colspan: 4}"), "error"),  # 4 columns of 3
        ("K002", line_of(path, "- - {label: 乙}"), "error"),  # 2 of 3 columns
        ("K001", line_of(path, "{label: 丙, rowspan: 3}"), "error"),  # past the last row
        ("K003", line_of(path, "- - {label: 乙}") + 1, "error"),  # a second field named a
        ("K004", line_of(path, "nowhere"), "error"),
        ("K006", line_of(path, "id: QC-FORM-X"), "warning"),
        ("K006", line_of(path, "id: QC-FORM-Y"), "warning"),
    ])
    messages = {d.code: d.message for d in report.items}
    assert [d.message for d in report.items if d.code == "K001"] == [
        "row 2, cell 1 overlaps row 1, cell 2 (its rowspan reaches this row)",
        "row 3, cell 1 reaches column 4 of a 3-column form",
        "row 6, cell 1 spans 3 rows but the form has only 1 from here"]
    assert messages["K002"] == "row 4 fills 2 of 3 columns"
    assert messages["K003"] == "field name 'a' is defined twice in form 'QC-FORM-X'"
    assert messages["K004"] == "blank ［field:nowhere］ names no field of form 'QC-FORM-X'"


def test_shape_and_unknown_form_of_a_clause(tmp_path: Path) -> None:
    folder = tmp_path / SET
    shutil.copytree(CLAUSES / SET, folder)
    path = folder / "50-broken.yaml"
    path.write_text("forms:\n  - id: QC-FORM-Z\n    title: 空表\n", encoding="utf-8")
    body = folder / "10-body.yaml"
    body.write_text(body.read_text(encoding="utf-8").replace("uses_forms: [QC-FORM-C1]", "uses_forms: [QC-FORM-C9]"),
                    encoding="utf-8")
    _, report = _resolved(folder)
    found = {(d.code, d.position.file.rsplit("/", 1)[-1], d.position.line) for d in report.items
             if d.code in {"K005", "R008"}}
    assert found == {("K005", "50-broken.yaml", 2), ("R008", "10-body.yaml", line_of(body, "QC-FORM-C9"))}


def test_the_bundled_forms_are_clean_and_named_by_their_clauses() -> None:
    rs = resolve_alone(CLAUSES / SET)
    assert rs.form_users == {"QC-FORM-C1": ["QC-10.4", "QC-C"]}
    assert rs.targets["QC-FORM-C1"].reference == "表C.1"
    lines = [[span.text for span in para.spans] for para in basis(rs, rs.clause_set.forms[0])]
    assert lines[1:] == [["10.4", "（预约服务）"], ["附录C", "（预约服务登记表）"]]  # each clause by its title
    assert rs.user_titles == {"QC-10.4": "预约服务", "QC-C": "预约服务登记表"}  # recorded while resolving


class _Inputs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inputs: list[dict[str, str | None]] = []
        self.tags: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        data = dict(attrs)
        if tag in {"input", "textarea"}:
            self.inputs.append({"tag": tag, **data})
        self.urls += [v for k, v in attrs if k in {"src", "href", "action"} and v]


def test_html_form_has_typed_inputs_and_no_script_or_network(clauses: Path) -> None:
    rs, report = _resolved(clauses / SET)
    assert not report.errors, report.render_text()
    letter = next(f for f in rs.clause_set.forms if f.id == "QC-FORM-D1")
    html = render_html(form_document(rs, letter, fillable=True))
    parser = _Inputs()
    parser.feed(html)
    by_name: dict[str, list[dict[str, str | None]]] = {}
    for i in parser.inputs:
        by_name.setdefault(str(i["name"]), []).append(i)
    assert by_name["submitted_on"][0]["type"] == "date"
    assert by_name["received_at"][0]["type"] == "time"
    assert by_name["contact_phone"][0]["type"] == "tel"
    assert by_name["recipient_id"][0]["maxlength"] == "18"
    assert by_name["remarks"][0]["tag"] == "textarea"
    assert [i["value"] for i in by_name["understood"]] == ["是", "否"]
    assert all(i["type"] == "radio" for i in by_name["understood"])
    assert {by_name[n][0]["type"] for n in ("need_id", "need_license", "need_other")} == {"checkbox"}
    assert "required" in by_name["applicant"][0]
    assert "issuer_seal" not in by_name  # a seal is stamped, not filled
    assert "（盖章）" in html and "回执" in html and "沿此线剪开" in html
    assert not parser.tags & {"script", "iframe", "object", "embed", "link", "img"}
    assert not [u for u in parser.urls if re.match(r"(https?:)?//", u)]
    assert "@import" not in html and "url(" not in html
    assert '<meta name="viewport"' in html

    printed = render_html(form_document(rs, letter, fillable=False))
    assert "<input" not in printed and "<textarea" not in printed
    assert printed.count('class="box"') == 18  # the ID-card number: 18 boxes
    assert "□是\u3000□否" in printed and "年\u3000\u3000月\u3000\u3000日" in printed


def test_blank_syntax_is_data_never_a_template(clauses: Path) -> None:
    path = clauses / SET / "40-letter.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("逾期未补正的", "{{ 7*7 }}{% if x %}%s${x}逾期未补正的"), encoding="utf-8")
    rs, _ = _resolved(clauses / SET)
    letter = next(f for f in rs.clause_set.forms if f.id == "QC-FORM-D1")
    html = render_html(form_document(rs, letter, fillable=True))
    assert "{{ 7*7 }}{% if x %}%s${x}逾期未补正的" in html


def _controls(path: Path) -> dict[str, object]:
    document = docx.Document(str(path))
    return {sdt.find(f"{W}sdtPr/{W}tag").get(f"{W}val"): sdt for sdt in document.element.body.iter(f"{W}sdt")}


def test_docx_content_controls_fill_and_read_back(clauses: Path, tmp_path: Path) -> None:
    rs, _ = _resolved(clauses / SET)
    letter = next(f for f in rs.clause_set.forms if f.id == "QC-FORM-D1")
    path = tmp_path / "letter.docx"
    write_docx(form_document(rs, letter, fillable=True), path)
    controls = _controls(path)
    assert set(controls) == {"doc_no", "applicant", "submitted_on", "matter", "need_id", "need_license", "need_other",
                             "other_material", "remarks", "deadline_days", "contact_phone", "clerk", "issued_on",
                             "receipt_no", "understood", "recipient_id", "recipient", "received_on", "received_at"}
    pr = {name: sdt.find(f"{W}sdtPr") for name, sdt in controls.items()}  # type: ignore[attr-defined]
    assert pr["need_id"].find(f"{W14}checkbox") is not None
    assert [i.get(f"{W}value") for i in pr["understood"].iter(f"{W}listItem")] == ["是", "否"]
    assert pr["issued_on"].find(f"{W}date/{W}dateFormat").get(f"{W}val") == "yyyy年M月d日"
    assert pr["remarks"].find(f"{W}text").get(f"{W}multiLine") == "1"
    assert pr["applicant"].find(f"{W}alias").get(f"{W}val") == "申请人"
    assert "（盖章）" in "".join(t.text or "" for t in docx.Document(str(path)).element.body.iter(f"{W}t"))

    filled = tmp_path / "filled.docx"
    _fill_docx(path, filled, {"applicant": "张三", "submitted_on": "2024年5月6日", "matter": "食品经营许可",
                              "clerk": "李四", "issued_on": "2024-05-07", "recipient": "张三", "understood": "是",
                              "recipient_id": "11010519491231002X", "need_license": True})
    result = runner.invoke(app, ["form", "read", str(filled), "--clauses", str(clauses)])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert (record["set"], record["form"]) == (SET, "QC-FORM-D1")
    values = record["values"]
    assert values["applicant"] == "张三" and values["submitted_on"] == "2024-05-06"
    assert values["need_license"] is True and values["need_id"] is False
    assert values["understood"] == "是" and values["doc_no"] is None

    bad = tmp_path / "bad.docx"
    _fill_docx(path, bad, {"applicant": "张三", "submitted_on": "2024年13月6日", "matter": "x", "clerk": "李四",
                           "issued_on": "2024-05-07", "contact_phone": "12", "recipient_id": "110105194912310021",
                           "understood": "也许"})
    _add_control(bad, "stray")
    result = runner.invoke(app, ["form", "read", str(bad), "--clauses", str(clauses), "--format", "csv",
                                 "--lang", "en"])
    assert result.exit_code == 1
    err = result.stderr
    assert "K103 error: field 'stray' is not a field of form 'QC-FORM-D1'" in err
    assert "K105 error: field 'submitted_on' (提交日期): '2024年13月6日' is not a date" in err
    assert "K105 error: field 'contact_phone' (咨询电话): '12' is not a phone number" in err
    assert "'110105194912310021' is not an 18-digit ID-card number with a valid check digit" in err
    assert "K105 error: field 'understood' (是否清楚需补正的材料): '也许' is not one of 是、否" in err
    assert "K104 error: required field 'recipient' (签收人) is empty" in err
    assert result.stdout.splitlines()[0].startswith("file,set,form,doc_no,applicant,")


def _fill_docx(source: Path, target: Path, values: dict[str, str | bool]) -> None:
    """Fill content controls as Word does: the placeholder goes, the value is the content."""
    document = docx.Document(str(source))
    for sdt in document.element.body.iter(f"{W}sdt"):
        pr = sdt.find(f"{W}sdtPr")
        name = pr.find(f"{W}tag").get(f"{W}val")
        if name not in values:
            continue
        value = values[name]
        box = pr.find(f"{W14}checkbox")
        if box is not None:
            box.find(f"{W14}checked").set(f"{W14}val", "1" if value else "0")
            continue
        pr.remove(pr.find(f"{W}showingPlcHdr"))
        content = sdt.find(f"{W}sdtContent")
        runs = content.findall(f"{W}r")
        for run in runs[1:]:
            content.remove(run)
        for child in list(runs[0]):
            runs[0].remove(child)
        t = runs[0].makeelement(f"{W}t", {})
        t.text = str(value)
        runs[0].append(t)
    document.save(str(target))


def _add_control(path: Path, tag: str) -> None:
    document = docx.Document(str(path))
    sdt = next(document.element.body.iter(f"{W}sdt"))
    copy = sdt.__copy__()
    copy.find(f"{W}sdtPr/{W}tag").set(f"{W}val", tag)
    sdt.addnext(copy)
    document.save(str(path))


def test_value_checks() -> None:
    assert parse_date("2024年5月6日") == parse_date("2024-05-06") == parse_date("20240506")
    assert parse_date("2024-02-30") is None
    assert valid_id_card("11010519491231002X") and not valid_id_card("110105194912310021")
