"""`stdgen serve`: builds, serves output/ on 127.0.0.1, rebuilds when a clause file is saved, the open
page reloads by itself, and Ctrl-C (SIGINT) stops it cleanly."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import browser
from conftest import CLAUSES
from stdgen.outdir import LOCK, PREFIX

pytestmark = pytest.mark.slow
STANDARD = "db34-t-3395-2019"
TIMEOUT = 600  # a cold build of every set on a busy 2-core machine


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return str(response.read().decode("utf-8"))


def _wait(predicate, what: str, timeout: float = TIMEOUT) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


def _serving(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path, Path, Path]:
    """A server on a copy of the bundled clauses, once it serves: (process, clauses, output, its log)."""
    clauses, out, log = tmp_path / "clauses", tmp_path / "output", tmp_path / "serve.log"
    shutil.copytree(CLAUSES, clauses)
    # PYTHONFAULTHANDLER: a server that does not stop is sent SIGABRT (see _stopped) and writes every
    # thread's stack into the log
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src"), "PYTHONFAULTHANDLER": "1"}
    with open(log, "w", encoding="utf-8") as stderr:
        server = subprocess.Popen([sys.executable, "-m", "stdgen", "serve", "--port", "0", "--jobs", "2",
                                   "--clauses", str(clauses), "--out", str(out), "--lang", "en"],
                                  stdout=subprocess.DEVNULL, stderr=stderr, env=env)
    try:
        _wait(lambda: "serving http://127.0.0.1:" in log.read_text(encoding="utf-8"), "the server to start")
    except AssertionError:
        server.kill()
        raise
    return server, clauses, out, log


def _edit(clauses: Path) -> Path:
    """Retitle 10.1 of the standard (首问负责 → 首问负责制); the clause file."""
    body = clauses / STANDARD / "10-body.yaml"
    body.write_text(body.read_text(encoding="utf-8").replace("title: 首问负责", "title: 首问负责制", 1),
                    encoding="utf-8")
    return body


def _stopped(server: subprocess.Popen[bytes], log: Path) -> str:
    """Wait for the server to exit; its log. One that hangs is made to dump its threads' stacks."""
    try:
        server.wait(timeout=120)
    except subprocess.TimeoutExpired:
        server.send_signal(signal.SIGABRT)
        server.wait(timeout=30)
        raise AssertionError("the server did not stop:\n" + log.read_text(encoding="utf-8")) from None
    text = log.read_text(encoding="utf-8")
    assert server.returncode == 0, text
    assert text.rstrip().endswith("stopped") and "Traceback" not in text, text
    return text


def test_serve_rebuilds_on_save_reloads_the_page_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    server, clauses, _, log = _serving(tmp_path)
    try:
        line = next(x for x in log.read_text(encoding="utf-8").splitlines() if x.startswith("serving "))
        base = line.split()[1].removesuffix("index.html")
        assert base.startswith("http://127.0.0.1:")
        assert "标准文件库" in _get(base + "index.html")
        assert _get(base + "__stdgen/build") == "0"
        page = base + f"site/{STANDARD}/standard.html"
        with browser.chromium() as driver:
            driver.get(page + "#QC-10.1")
            assert driver.find_element("id", "QC-10.1").text == "10.1　首问负责"
            driver.execute_script("window.stdgenBeforeEdit = true")
            _edit(clauses)
            _wait(lambda: _get(base + "__stdgen/build") == "1", "the rebuild")
            assert "首问负责制" in _get(page)
            # the page polled the build number and reloaded itself
            _wait(lambda: driver.execute_script("return window.stdgenBeforeEdit === undefined"), "the reload", 30)
            assert driver.find_element("id", "QC-10.1").text == "10.1　首问负责制"
            assert browser.console_errors(driver) == []
        assert "rebuilding" in log.read_text(encoding="utf-8")
        server.send_signal(signal.SIGINT)
        _stopped(server, log)
    finally:
        if server.poll() is None:
            server.kill()


def test_ctrl_c_during_a_rebuild_lets_it_finish_then_stops(tmp_path: Path) -> None:
    """SIGINT while files are being rewritten (the HTTP server's threads running): the build ends and is
    swapped in whole, then the server stops."""
    server, clauses, out, log = _serving(tmp_path)
    try:
        body = _edit(clauses)
        _wait(lambda: "rebuilding" in log.read_text(encoding="utf-8"), "the rebuild to start", 60)
        server.send_signal(signal.SIGINT)
        text = _stopped(server, log)
    finally:
        if server.poll() is None:
            server.kill()
    after = text[text.index("rebuilding"):]
    assert "built: " in after, text
    for name in ("standard.html", "standard.pdf", "standard.docx"):
        assert (out / STANDARD / name).stat().st_mtime > body.stat().st_mtime, name
    assert "首问负责制" in (out / STANDARD / "standard.html").read_text(encoding="utf-8")
    assert [p.name for p in out.rglob("*") if p.name.startswith(PREFIX) and p.name != LOCK] == []  # no debris
