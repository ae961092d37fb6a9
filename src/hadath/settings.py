"""One frozen Settings object: shipped defaults, then a user overlay, then arguments."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from hadath.errors import UsageError


@dataclass(frozen=True, slots=True)
class Settings:
    stages: tuple[str, ...] = ()
    max_bytes: int = 50_000_000
    max_chars: int = 10_000_000
    max_html_depth: int = 2_000
    db: str = "sqlite:///hadath.db"
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, **overrides: Any) -> Settings:
        """Defaults from ``defaults.toml``, the user overlay, then ``overrides``."""
        values = _read_toml(resources.files("hadath").joinpath("defaults.toml").read_text("utf-8"))
        overlay = os.environ.get("HADATH_CONFIG")
        path = Path(overlay) if overlay else Path.home() / ".config" / "hadath" / "config.toml"
        if path.is_file():
            values.update(_read_toml(path.read_text("utf-8"), str(path)))
        elif overlay:
            raise UsageError(f"HADATH_CONFIG points to a missing file: {overlay}")
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls._from_mapping(values)

    @classmethod
    def _from_mapping(cls, values: dict[str, Any]) -> Settings:
        names = {f.name for f in dataclasses.fields(cls)}
        known = {k: v for k, v in values.items() if k in names and k != "extra"}
        extra = {k: v for k, v in values.items() if k not in names}
        if "stages" in known:
            known["stages"] = tuple(known["stages"])
        return cls(**known, extra=extra)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def _read_toml(text: str, where: str = "defaults.toml") -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{where}: invalid TOML: {exc}") from exc
