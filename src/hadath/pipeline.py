"""The ordered stages and the runner.

A stage is a module ``hadath.stages.<name>`` with ``REQUIRES`` (the stages that must run
before it) and ``run(doc, settings) -> Document``. The order is configuration
(``Settings.stages``); the runner checks it once and times every stage.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import TypeVar

from hadath import batch
from hadath.document import Document
from hadath.errors import PipelineError
from hadath.settings import Settings

StageFn = Callable[[Document, Settings], Document]
Failure = TypeVar("Failure")


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    run: StageFn


def _module(name: str) -> ModuleType:
    try:
        return importlib.import_module(f"hadath.stages.{name}")
    except ModuleNotFoundError as exc:
        raise PipelineError(f"unknown stage {name!r}") from exc


@lru_cache(maxsize=8)
def build(names: Sequence[str]) -> tuple[Stage, ...]:
    """Load and check the stages, in order. Cached: a process builds each list once."""
    stages: list[Stage] = []
    seen: set[str] = set()
    for name in names:
        module = _module(name)
        requires = tuple(getattr(module, "REQUIRES", ()))
        missing = [r for r in requires if r not in seen]
        if missing:
            raise PipelineError(f"stage {name!r} needs {', '.join(missing)} to run before it")
        stages.append(Stage(name, requires, module.run))
        seen.add(name)
    return tuple(stages)


def warm_up(settings: Settings) -> None:
    """Load every stage and its compiled knowledge now (for workers and benchmarks)."""
    for stage in build(tuple(settings.stages)):
        prepare = getattr(_module(stage.name), "prepare", None)
        if prepare is not None:
            prepare(settings)


def run_stage(stage: Stage, doc: Document, settings: Settings) -> Document:
    """Run one stage over ``doc``, timed."""
    t0 = time.perf_counter()
    doc = stage.run(doc, settings)
    doc.timings[stage.name] = doc.timings.get(stage.name, 0.0) + time.perf_counter() - t0
    doc.stages_run.append(stage.name)
    return doc


def run(doc: Document, settings: Settings) -> Document:
    """Run every configured stage over ``doc``, in order."""
    try:
        for stage in build(tuple(settings.stages)):
            doc = run_stage(stage, doc, settings)
    finally:
        batch.forget()
    return doc


def run_batch(
    docs: Sequence[Document],
    settings: Settings,
    failed: Callable[[Document, str, Exception], Failure],
) -> list[Document | Failure]:
    """Run each configured stage over every document of ``docs``, then the next stage
    (see :mod:`hadath.batch`); the documents come back in order. A document on which a
    stage raises is replaced by ``failed(doc, stage_name, exc)`` and leaves the batch."""
    out: list[Document | Failure] = list(docs)
    try:
        for stage in build(tuple(settings.stages)):
            for k, doc in enumerate(out):
                if not isinstance(doc, Document):
                    continue  # failed at an earlier stage
                try:
                    out[k] = run_stage(stage, doc, settings)
                except Exception as exc:
                    out[k] = failed(doc, stage.name, exc)
    finally:
        batch.forget()
    return out
