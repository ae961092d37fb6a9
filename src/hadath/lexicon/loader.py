"""Loading the knowledge files shipped under ``hadath/data``.

Files are read once per process and cached; callers get plain Python structures and
compile them into matchers themselves (see :mod:`hadath.lexicon.matcher`).
"""

from __future__ import annotations

import csv
import io
import json
from functools import cache
from importlib import resources
from typing import Any

import yaml

from hadath.errors import DataError


def data_text(name: str) -> str:
    """The text of a data file, ``name`` relative to ``hadath/data``."""
    try:
        return resources.files("hadath").joinpath("data", name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataError(f"missing data file hadath/data/{name}") from exc


def data_bytes(name: str) -> bytes:
    try:
        return resources.files("hadath").joinpath("data", name).read_bytes()
    except FileNotFoundError as exc:
        raise DataError(f"missing data file hadath/data/{name}") from exc


@cache
def load_yaml(name: str) -> Any:
    try:
        return yaml.safe_load(data_text(name))
    except yaml.YAMLError as exc:
        raise DataError(f"hadath/data/{name} is not valid YAML: {exc}") from exc


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    rows = []
    for lineno, line in enumerate(data_text(name).splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise DataError(f"hadath/data/{name}:{lineno}: {exc}") from exc
    return tuple(rows)


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    reader = csv.DictReader(io.StringIO(data_text(name)), delimiter="\t")
    return tuple(dict(row) for row in reader)
