"""``stdgen serve``: the output folder over HTTP on 127.0.0.1, rebuilt when a clause file is saved.

The watcher polls the clause folder (size and modification time of every file: no extra
dependency, works on every file system). A change starts the same incremental build as
``stdgen build`` — only what changed is rebuilt — and bumps a build number that the site's
script polls at ``/__stdgen/build`` (only when the page came from this server), reloading the
page when it moves. Ctrl-C during a build waits for the build to end (SIGINT is blocked meanwhile,
so no worker dies halfway and no output is left half-written), then the server stops.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from .diagnostics import Report
from .i18n import Lang, phrase
from .workspace import open_workspace

BUILD_PATH = "/__stdgen/build"
POLL_SECONDS = 0.5
Say = Callable[[str], None]


class Server(ThreadingHTTPServer):
    daemon_threads = True
    build_number = 0


class Handler(SimpleHTTPRequestHandler):
    server: Server

    def do_GET(self) -> None:
        if self.path.split("?")[0] == BUILD_PATH:
            body = str(self.server.build_number).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the build says what matters
        pass


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every file under root → (size, mtime in ns)."""
    found: dict[str, tuple[int, int]] = {}
    for path in root.rglob("*"):
        try:
            stat = path.stat()
        except OSError:
            continue
        if path.is_file():
            found[str(path)] = (stat.st_size, stat.st_mtime_ns)
    return found


def rebuild(clauses: Path, out: Path, jobs: int, say: Say, lang: Lang = "zh") -> bool:
    """Check and build every set, as ``stdgen build`` does; report problems; True when files were written."""
    from .build import build_sets, build_workspace
    from .lint import lint_workspace
    from .outdir import locked

    report = Report(lang=lang)
    written: list[Path] = []
    old_mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        workspace = open_workspace(clauses, report)
        lint_workspace(workspace, report)  # what stops `stdgen build` stops a rebuild
        if not report.failed():
            with locked(out, waiting=lambda: say(phrase("waiting", folder=str(out)).render(lang))):
                written = build_sets(workspace.sets.values(), out, report, jobs=jobs)
                if not report.failed():
                    written += build_workspace(workspace, out, report, force=False)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old_mask)
    if report.items:
        say(report.render_text())
    if report.failed():
        say(phrase("serve-failed").render(lang))
        return False
    say((phrase("serve-built", count=len(written)) if written else phrase("up-to-date")).render(lang))
    return bool(written)


def _stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def serve(clauses: Path, out: Path, port: int, jobs: int, say: Say = _stderr,
          stop: threading.Event | None = None, lang: Lang = "zh") -> None:
    """Build, serve out on 127.0.0.1:port (0: any free port) and rebuild on change until Ctrl-C (or stop);
    what it says, in lang."""
    try:
        rebuild(clauses, out, jobs, say, lang)
    except KeyboardInterrupt:
        say(phrase("serve-stopped").render(lang))
        return
    out.mkdir(parents=True, exist_ok=True)
    server = Server(("127.0.0.1", port), partial(Handler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    say(phrase("serve-url", url=f"http://127.0.0.1:{server.server_address[1]}/index.html").render(lang))
    stop = stop or threading.Event()
    seen = snapshot(clauses)
    try:
        while not stop.wait(POLL_SECONDS):
            now = snapshot(clauses)
            if now == seen:
                continue
            time.sleep(POLL_SECONDS)  # let an editor finish writing
            seen = snapshot(clauses)
            say(phrase("serve-changed").render(lang))
            if rebuild(clauses, out, jobs, say, lang):
                server.build_number += 1
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
        say(phrase("serve-stopped").render(lang))
