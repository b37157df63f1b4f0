"""A stdgen command in a subprocess, its stderr collected as it comes (for tests that kill or race builds)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from conftest import ROOT
from stdgen import outdir


class StdgenProcess:
    """`python -m stdgen ARGS`; `pause` names the outdir moment at which it stops and waits to be killed."""

    def __init__(self, args: list[str], pause: str | None = None) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        env.pop(outdir.PAUSE_VARIABLE, None)
        if pause:
            env[outdir.PAUSE_VARIABLE] = pause
        self.proc = subprocess.Popen([sys.executable, "-m", "stdgen", *args], env=env, cwd=ROOT,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.err = b""
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stderr is not None
        while chunk := self.proc.stderr.read1(4096):
            self.err += chunk

    def wait_for(self, text: str, timeout: float = 300) -> None:
        end = time.monotonic() + timeout
        while text.encode() not in self.err:
            assert self.proc.poll() is None, self.err.decode()
            assert time.monotonic() < end, f"no {text!r} in {self.err.decode()}"
            time.sleep(0.05)

    def workers(self) -> list[int]:
        try:
            children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children").read_text()
        except OSError:
            return []
        return [int(pid) for pid in children.split()]

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
