"""Database fixtures: SQLite files in a temp dir, and a throwaway PostgreSQL server.

The PostgreSQL server is started once per session from the PostgreSQL binaries
(Debian's ``postgresql`` package; ``make pg-deps`` installs it), in a temp dir, on a
free localhost port, as the ``postgres`` user when the tests run as root (PostgreSQL
refuses to run as root). Each test gets a fresh database. Where the server cannot be
started, postgres tests skip locally and FAIL in CI (``CI`` set), with the reason.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from hadath.store import Repository


def _pg_bindir() -> Path | None:
    candidates = [os.environ.get("HADATH_PG_BIN", "")]
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    found = shutil.which("initdb")
    if found:
        candidates.append(str(Path(found).resolve().parent))
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    return None


def _unavailable(reason: str) -> None:
    message = f"PostgreSQL test server unavailable: {reason} (run `make pg-deps`)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    runuser = shutil.which("runuser")
    if runuser:
        return [runuser, "-u", "postgres", "--", *cmd]
    return ["su", "postgres", "-s", "/bin/sh", "-c", " ".join(cmd)]


class PgServer:
    def __init__(self, port: int, base: Path, bindir: Path) -> None:
        self.port = port
        self.base = base
        self.bindir = bindir

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def create_database(self) -> str:
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    bindir = _pg_bindir()
    if bindir is None:
        _unavailable("initdb/pg_ctl not found")
        raise AssertionError("unreachable")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("the psycopg driver is not installed (pip install -e '.[postgres]')")
    base = Path(tempfile.mkdtemp(prefix="hadath-pg-"))
    data = base / "data"
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    port = _free_port()
    log = base / "server.log"
    init = _as_postgres(
        [str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8"]
    )
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = _as_postgres(
        [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", options, "-w", "start"]
    )
    try:
        for what, cmd in (("initdb", init), ("pg_ctl start", start)):
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
            if done.returncode != 0:
                tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
                if what == "pg_ctl start" and log.exists():
                    tail += log.read_text(errors="replace").strip().splitlines()[-3:]
                _unavailable(f"{what} failed: {' | '.join(tail)}")
    except (OSError, subprocess.TimeoutExpired) as exc:
        _unavailable(str(exc))
    server = PgServer(port, base, bindir)
    try:
        yield server
    finally:
        stop = _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"])
        subprocess.run(stop, capture_output=True, timeout=60, check=False)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL, on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hadath.db'}"
    server: PgServer = request.getfixturevalue("pg_server")
    return server.create_database()


@pytest.fixture
def repo(db_url: str) -> Iterator[Repository]:
    repository = Repository.open(db_url)
    try:
        yield repository
    finally:
        repository.close()
