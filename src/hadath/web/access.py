"""Who may read the pages: the API's rule (open on localhost; elsewhere, the token when
one is set), with the token also accepted from a cookie set by a small login form, since
a browser cannot add an ``Authorization`` header to page loads.

``POST /login`` checks the token and sets an HttpOnly, SameSite=Strict cookie; ``next``
may only be a path on this site (no open redirect).
"""

from __future__ import annotations

import secrets

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from hadath.web.api import LOOPBACK

COOKIE = "hadath_token"
router = APIRouter(include_in_schema=False)


class Locked(Exception):
    """A page was asked for from outside localhost without the token."""


def _token_matches(expected: str, given: str | None) -> bool:
    return bool(given) and secrets.compare_digest(expected.encode(), (given or "").encode())


def reader_ok(request: Request) -> bool:
    expected: str | None = request.app.state.token
    host = request.client.host if request.client else ""
    if not expected or host in LOOPBACK:
        return True
    auth = request.headers.get("authorization", "")
    header = auth[7:].strip() if auth.lower().startswith("bearer ") else None
    return _token_matches(expected, request.cookies.get(COOKIE)) or _token_matches(expected, header)


def check(request: Request) -> None:
    if not reader_ok(request):
        raise Locked()


def safe_next(target: str | None) -> str:
    """A local path to go back to; anything else (``//host``, ``http:``) becomes ``/``."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.post("/login")
def login(
    request: Request, token: str = Form(""), next_path: str = Form("/", alias="next")
) -> Response:
    expected: str | None = request.app.state.token
    if expected and _token_matches(expected, token.strip()):
        response = RedirectResponse(safe_next(next_path), status_code=303)
        response.set_cookie(
            COOKIE,
            token.strip(),
            httponly=True,
            samesite="strict",
            secure=request.url.scheme == "https",
        )
        return response
    return login_page(safe_next(next_path), failed=True)


def login_page(next_path: str, failed: bool = False) -> Response:
    from hadath.web.pages import render

    return render("login.html", status=401, next_path=safe_next(next_path), failed=failed)


async def on_locked(request: Request, _exc: Exception) -> Response:
    """The exception handler of :class:`Locked`: the login form, then back here."""
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return login_page(target)
