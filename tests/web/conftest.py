"""Fixtures of the web tests: a temporary SQLite database filled with the fixture
articles, the app over it, and (for browser tests) a live server on a free port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hadath.store import Repository
from tests.web.fixtures import TOKEN, documents


def fill(url: str) -> dict[str, Any]:
    with Repository.open(url) as repo:
        repo.add_documents(documents())
        return repo.counts()


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'web.db'}"
    fill(url)
    return url


@pytest.fixture()
def client(db_url: str) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from hadath.web.app import create_app

    with TestClient(create_app(db_url, TOKEN), client=("127.0.0.1", 50000)) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture()
def live_server(db_url: str) -> Iterator[str]:
    """The app served by uvicorn in a thread; yields its base URL."""
    import uvicorn

    from hadath.web.app import create_app

    port = free_port()
    config = uvicorn.Config(
        create_app(db_url, TOKEN), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
