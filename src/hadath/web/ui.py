"""The web UI's entry point: ``register(app)`` adds the HTML pages and ``/static``.

:func:`hadath.web.app.create_app` calls it. The pages are in :mod:`hadath.web.pages`,
the templates and static files (CSS, JS, vendored Leaflet, the offline base layer)
beside them.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from hadath.web import access, pages


def register(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(pages.STATIC)), name="static")
    app.include_router(pages.router)
    app.include_router(access.router)
    app.add_exception_handler(access.Locked, access.on_locked)
