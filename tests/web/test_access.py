"""Pages from outside localhost need the token: a login form sets it as a cookie."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from hadath.web.access import COOKIE, safe_next
from tests.web.fixtures import TOKEN


@pytest.fixture()
def remote(db_url: str) -> Iterator[Any]:
    from fastapi.testclient import TestClient

    from hadath.web.app import create_app

    with TestClient(create_app(db_url, TOKEN), client=("192.0.2.7", 40000)) as test_client:
        yield test_client


def test_remote_reader_gets_the_login_form(remote: Any) -> None:
    page = remote.get("/events/1")
    assert page.status_code == 401
    assert 'action="/login"' in page.text and 'value="/events/1"' in page.text
    assert "content-security-policy" in page.headers


def test_wrong_token_is_refused(remote: Any) -> None:
    response = remote.post("/login", data={"token": "nope", "next": "/"}, follow_redirects=False)
    assert response.status_code == 401
    assert 'id="login-failed"' in response.text
    assert COOKIE not in response.cookies


def test_right_token_sets_a_cookie_and_goes_back(remote: Any) -> None:
    response = remote.post(
        "/login", data={"token": TOKEN, "next": "/?admin1=Homs"}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/?admin1=Homs"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=strict" in cookie.lower()
    assert remote.get("/").status_code == 200


def test_bearer_header_works_for_pages_too(remote: Any) -> None:
    assert remote.get("/", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/events/3", "/events/3"),
        ("/?since=2023-01-01", "/?since=2023-01-01"),
        ("//evil.example/x", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("", "/"),
        (None, "/"),
    ],
)
def test_next_stays_on_this_site(target: str | None, expected: str) -> None:
    assert safe_next(target) == expected
