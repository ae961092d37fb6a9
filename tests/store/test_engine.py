"""Database URLs as users give them."""

from __future__ import annotations

import pytest

from hadath.errors import StoreError
from hadath.store.engine import normalize_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///hadath.db", "sqlite:///hadath.db"),
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("events.db", "sqlite:///events.db"),
    ],
)
def test_urls(given: str, expected: str) -> None:
    assert normalize_url(given) == expected


@pytest.mark.parametrize("given", ["", "mysql://u@h/db", "oracle://x"])
def test_unsupported(given: str) -> None:
    with pytest.raises(StoreError):
        normalize_url(given)
