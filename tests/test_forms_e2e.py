"""Forms end to end: YAML in, every form file out; the fillable PDF filled by a PDF library and read back
by `stdgen form read`, and by a second reader (qpdf); the printable PDF, the DOCX in LibreOffice."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from conftest import CLAUSES, ROOT

pytestmark = pytest.mark.slow
SET = "db34-t-3395-2019"
LETTER = Path(__file__).parent / "data" / "forms" / "buzheng.yaml"
FILES = ("{}.pdf", "{}-fillable.pdf", "{}.docx", "{}.html")
TX, BTN, MULTILINE, RADIO = "/Tx", "/Btn", 1 << 12, 1 << 15


def _stdgen(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-m", "stdgen", *args], capture_output=True, text=True, env=env,
                            cwd=ROOT, check=False)
    assert not check or result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("forms")
    clauses, out = root / "clauses", root / "out"
    shutil.copytree(CLAUSES, clauses)
    shutil.copy(LETTER, clauses / SET / "40-letter.yaml")  # a form written only as data
    _stdgen("build", "--clauses", str(clauses), "--out", str(out), "--jobs", "2")
    return clauses, out


def test_every_form_file_is_written(built: tuple[Path, Path]) -> None:
    _, out = built
    folder = out / SET / "forms"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f.format(i) for i in ("QC-FORM-C1", "QC-FORM-D1")
                                                              for f in FILES)
    manifest = json.loads((out / SET / "build.json").read_text(encoding="utf-8"))
    assert "forms/QC-FORM-D1-fillable.pdf" in manifest["files"]


def _fields(path: Path) -> dict[str, dict[str, object]]:
    return {k: dict(v) for k, v in (PdfReader(str(path)).get_fields() or {}).items() if "." not in k}


def test_fillable_pdf_fields_have_names_kinds_and_sit_in_their_boxes(built: tuple[Path, Path]) -> None:
    _, out = built
    grid = out / SET / "forms" / "QC-FORM-C1-fillable.pdf"
    fields = _fields(grid)
    assert set(fields) == {"applicant_name", "phone", "matter", "department", "receiver", "registered_on",
                           "appointed_time", "department_opinion", "handler_signature", "applicant_signature",
                           "signed_on"}
    assert all(f["/FT"] == TX for f in fields.values())
    assert int(fields["department_opinion"]["/Ff"]) & MULTILINE  # type: ignore[call-overload]
    with pdfplumber.open(grid) as pdf:
        page = pdf.pages[0]
        cells = [c for t in page.find_tables() for c in t.cells]
        widgets = [a for a in page.annots if a["data"].get("FT") or a["data"].get("Parent")]
        assert len(widgets) == 11
        for widget in widgets:  # every widget lies inside one cell of the drawn table
            box = (widget["x0"], widget["top"], widget["x1"], widget["bottom"])
            assert any(c[0] - 1 <= box[0] and box[2] <= c[2] + 1 and c[1] - 1 <= box[1] and box[3] <= c[3] + 1
                       for c in cells), (widget["title"], box)

    letter = _fields(out / SET / "forms" / "QC-FORM-D1-fillable.pdf")
    assert letter["need_id"]["/FT"] == BTN and letter["need_id"]["/_States_"] == ["/on", "/Off"]
    assert letter["understood"]["/FT"] == BTN and int(letter["understood"]["/Ff"]) & RADIO  # type: ignore
    assert [str(o) for o in letter["understood"]["/Opt"]] == ["是", "否"]  # type: ignore[attr-defined]
    assert int(letter["remarks"]["/Ff"]) & MULTILINE  # type: ignore[call-overload]
    assert "issuer_seal" not in letter
    assert PdfReader(str(out / SET / "forms" / "QC-FORM-D1.pdf")).get_fields() is None  # printable: no fields


def _fill_pdf(source: Path, target: Path, values: dict[str, str | bool]) -> None:
    """Set field values as a PDF reader saves them (/V, /AS), with pypdf."""
    writer = PdfWriter(clone_from=PdfReader(str(source)))
    for page in writer.pages:
        for ref in page.get("/Annots", []):
            annot = ref.get_object()
            parent = annot.get("/Parent")
            field = parent.get_object() if parent is not None else annot
            name = str(field.get("/T"))
            if name not in values:
                continue
            value = values[name]
            if field.get("/FT") != "/Btn":
                field[NameObject("/V")] = TextStringObject(str(value))
            elif parent is not None:  # a radio button: its on-state is its option's index
                index = f"/{[str(o) for o in field['/Opt']].index(str(value))}"
                on = index in annot["/AP"]["/N"]
                annot[NameObject("/AS")] = NameObject(index if on else "/Off")
                if on:
                    field[NameObject("/V")] = NameObject(index)
            else:
                annot[NameObject("/AS")] = annot[NameObject("/V")] = NameObject("/on" if value else "/Off")
    writer.write(str(target))


def test_filled_pdf_reads_back_in_stdgen_and_in_qpdf(built: tuple[Path, Path], tmp_path: Path) -> None:
    clauses, out = built
    filled = tmp_path / "filled.pdf"
    values: dict[str, str | bool] = {
        "applicant": "张三", "submitted_on": "2024年5月6日", "matter": "食品经营许可", "need_id": True,
        "understood": "否", "recipient_id": "11010519491231002X", "contact_phone": "0551-1234567",
        "received_at": "9:30", "clerk": "李四", "issued_on": "2024-05-07", "recipient": "张三"}
    _fill_pdf(out / SET / "forms" / "QC-FORM-D1-fillable.pdf", filled, values)
    record = json.loads(_stdgen("form", "read", str(filled), "--clauses", str(clauses)).stdout)
    assert (record["set"], record["form"]) == (SET, "QC-FORM-D1")
    got = record["values"]
    assert got["applicant"] == "张三" and got["submitted_on"] == "2024-05-06" and got["received_at"] == "09:30"
    assert got["need_id"] is True and got["need_license"] is False and got["understood"] == "否"
    assert got["doc_no"] is None

    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed (.ci/run installs it)")
    data = json.loads(subprocess.run([qpdf, "--json=2", "--json-key=acroform", str(filled)], capture_output=True,
                                     text=True, check=False).stdout)
    second = {f["fullname"]: f["value"] for f in data["acroform"]["fields"]}
    assert second["applicant"] == "u:张三" and second["need_id"] == "/on" and second["understood.understood"] == "/1"
    assert subprocess.run(["pdftoppm", "-r", "30", "-png", str(filled), str(tmp_path / "page")],
                          capture_output=True, check=False).returncode == 0  # poppler renders it too

    missing = tmp_path / "missing.pdf"
    _fill_pdf(out / SET / "forms" / "QC-FORM-D1-fillable.pdf", missing, {"applicant": "张三", "submitted_on": "5月"})
    result = _stdgen("form", "read", str(missing), "--clauses", str(clauses), "--format", "yaml", "--lang", "en",
                     check=False)
    assert result.returncode == 1
    assert "K105 error: field 'submitted_on' (提交日期): '5月' is not a date" in result.stderr
    assert "K104 error: required field 'clerk' (经办人) is empty" in result.stderr
    assert "form: QC-FORM-D1" in result.stdout  # the values are still printed


def test_printable_pdf_prints_the_kinds(built: tuple[Path, Path]) -> None:
    _, out = built
    text = subprocess.run(["pdftotext", "-layout", str(out / SET / "forms" / "QC-FORM-D1.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "年" in text and "月" in text and "时" in text and "□是" in text and "（盖章）" in text
    assert "回执" in text and "沿此线剪开" in text
    with pdfplumber.open(out / SET / "forms" / "QC-FORM-D1.pdf") as pdf:
        page = pdf.pages[0]
        assert (page.width, page.height) == pytest.approx((595.3, 841.9), abs=1)  # A4
        lefts = sorted(r["x0"] for r in page.rects if 10 < r["width"] < 25 and 12 < r["height"] < 30)
        boxes = [x for i, x in enumerate(lefts) if i == 0 or x - lefts[i - 1] > 2]  # a border is drawn as 2 rects
        assert len(boxes) == 18  # the ID-card number

    grid = subprocess.run(["pdftotext", "-layout", str(out / SET / "forms" / "QC-FORM-C1.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "承办人：" in grid and "申请人：" in grid and "依据：DB34/T 3395—2019" in grid


def test_docx_opens_in_libreoffice(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, out = built
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (.ci/run installs it)")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(out / SET / "forms" / "QC-FORM-D1.docx")], capture_output=True, check=True, timeout=180)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "QC-FORM-D1.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "补正材料告知书" in text and "回执" in text and "□是" in text and "□" * 18 in text


def test_xref_lists_the_forms_where_they_appear(built: tuple[Path, Path]) -> None:
    _, out = built
    index = json.loads((out / "xref.json").read_text(encoding="utf-8"))
    entry = next(e for e in index["entries"] if e["id"] == "QC-FORM-C1")
    assert entry["number"] == "表C.1"
    standard, form, fillable = entry["appears_in"]
    assert standard["artifact"] == "standard" and standard["pdf_page"] >= 1
    assert form["artifact"] == fillable["artifact"] == "forms"
    assert form["files"] == {fmt: f"{SET}/forms/QC-FORM-C1.{fmt}" for fmt in ("docx", "html", "pdf")}
    assert form["links"] == [f"{SET}/forms/QC-FORM-C1.html#QC-FORM-C1"] and form["pdf_page"] == 1
    assert fillable["files"] == {"pdf": f"{SET}/forms/QC-FORM-C1-fillable.pdf"}
    letter = next(e for e in index["entries"] if e["id"] == "QC-FORM-D1")
    assert {a["artifact"] for a in letter["appears_in"]} == {"standard", "forms"}
    assert any(f["files"] == {"pdf": f"{SET}/forms/QC-FORM-D1-fillable.pdf"} for f in letter["appears_in"])
