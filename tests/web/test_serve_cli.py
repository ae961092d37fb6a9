"""``hadath serve``: help, and a one-line error when the port is taken."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path


def _hadath(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_exe(), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _exe() -> str:
    return str(Path(sys.executable).with_name("hadath"))


def test_serve_help_names_its_options() -> None:
    result = _hadath("serve", "--help")
    assert result.returncode == 0
    for option in ("--db", "--host", "--port", "--token"):
        assert option in result.stdout


def test_port_in_use_is_one_line_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = _hadath("serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--port", str(port))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert f"127.0.0.1:{port}" in result.stderr
