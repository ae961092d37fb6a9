"""Shared fixtures. Tests that read ../shared skip cleanly where it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hadath.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("HADATH_SHARED", ROOT.parent / "shared"))
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.load()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
