"""``hadath serve``: the REST API (OpenAPI at /docs) and the web UI over a database."""

from __future__ import annotations

import os
import secrets
import socket
import sys
from typing import Annotated

import typer

from hadath.errors import UsageError


def _check_port(host: str, port: int) -> None:
    """Fail with one line (not a uvicorn traceback) when the address is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def serve(
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Database URL: sqlite:///FILE (default sqlite:///hadath.db) or postgresql://...",
        ),
    ] = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            "--token",
            help="Write token for uploads and corrections (default: $HADATH_TOKEN, "
            "else a random one printed at start).",
        ),
    ] = None,
) -> None:
    """Serve the web UI (map, timeline, events with their evidence, corrections) and the
    JSON API (OpenAPI at /docs) until Ctrl-C.

    Example: hadath serve --db sqlite:///hadath.db --port 8000
    """
    import uvicorn

    from hadath.settings import Settings
    from hadath.web.app import create_app

    settings = Settings.load(db=db)
    _check_port(host, port)
    token = token or os.environ.get("HADATH_TOKEN") or None
    generated = token is None
    if token is None:
        token = secrets.token_urlsafe(12)
    app = create_app(settings.db, token)
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    print(
        f"hadath: serving {settings.db} on http://{shown}:{port}/ (Ctrl-C to stop)", file=sys.stderr
    )
    if generated:
        print(f"hadath: write token for corrections: {token}", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
