"""The FastAPI application factory: ``create_app(db_url, token)``.

The app holds one :class:`~hadath.store.Repository` (``app.state.repo``) and the write
token (``app.state.token``; from ``HADATH_TOKEN`` when not given). The JSON API lives
under ``/api`` (:mod:`hadath.web.api`), OpenAPI at ``/docs`` and ``/openapi.json``.

The HTML pages are added by :mod:`hadath.web.ui` when it exists: a module with
``register(app)`` that mounts its routes, templates and static files; it reads through
``app.state.repo`` like the API does.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from hadath.errors import HadathError, StoreError, UsageError
from hadath.store import Repository

UI_MODULES: tuple[str, ...] = ("hadath.web.ui",)


def create_app(db_url: str | None = None, token: str | None = None, ui: bool = True) -> FastAPI:
    """The API (and, with ``ui``, the HTML pages) over the database at ``db_url``
    (default: the settings' db)."""
    from hadath import __version__
    from hadath.settings import Settings
    from hadath.web import api

    url = db_url or Settings.load().db
    repo = Repository.open(url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        repo.close()

    app = FastAPI(
        lifespan=lifespan,
        title="hadath",
        version=__version__,
        description=(
            "Arabic conflict news as ACLED-style events, deduplicated across outlets, "
            "with the evidence of every field. Reads are open on localhost; writes "
            "(uploads, corrections) need the token: `Authorization: Bearer <HADATH_TOKEN>`."
        ),
    )
    app.state.repo = repo
    app.state.token = token if token is not None else (os.environ.get("HADATH_TOKEN") or None)
    app.state.db_url = url
    app.include_router(api.router)
    app.add_exception_handler(HadathError, _hadath_error)

    for name in UI_MODULES if ui else ():
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(app)
    return app


async def _hadath_error(_request: Request, exc: Any) -> JSONResponse:
    status = 400 if isinstance(exc, UsageError) else 500
    if isinstance(exc, StoreError) and exc.message.startswith("no "):
        status = 404
    return JSONResponse(
        status_code=status,
        content={"detail": exc.message, "code": exc.code},
    )
