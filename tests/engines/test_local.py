"""The local engine: same results with a pool, input order kept, one bad document isolated."""

from __future__ import annotations

import pytest

from hadath import pipeline
from hadath.document import Document
from hadath.engines import local
from hadath.errors import HadathError, InputError, PipelineError
from hadath.settings import Settings

TEXT = "قتل عنصران من قوات النظام أمس في هجوم لتنظيم داعش على حاجز قرب تدمر بحسب المرصد."


def _items(n: int) -> list[Document | HadathError]:
    items: list[Document | HadathError] = []
    for i in range(n):
        if i % 7 == 3:
            items.append(InputError("unreadable", f"bad-{i}"))
        items.append(Document(text=TEXT + f" {i}", doc=f"d{i}", source=f"s{i}"))
    return items


def _key(item: Document | HadathError) -> object:
    if isinstance(item, HadathError):
        return ("error", item.source)
    return (item.doc, [(e.event_type, e.evidence_start, e.evidence_end) for e in item.events])


def test_pool_gives_the_same_results_in_input_order(settings: Settings) -> None:
    one = [_key(r) for r in local.process(_items(30), settings, workers=1)]
    two = [_key(r) for r in local.process(_items(30), settings, workers=2, chunksize=3)]
    assert one == two
    assert len(one) == 30 + len([i for i in range(30) if i % 7 == 3])


def test_only_errors_pass_through(settings: Settings) -> None:
    errors: list[Document | HadathError] = [InputError("x", f"e{i}") for i in range(5)]
    out = list(local.process(errors, settings, workers=2))
    assert [e.source for e in out if isinstance(e, HadathError)] == [f"e{i}" for i in range(5)]


def test_a_stage_bug_becomes_a_one_line_error(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = pipeline.run

    def flaky(doc: Document, s: Settings) -> Document:
        if doc.doc == "boom":
            doc.stages_run.append(s.stages[0])
            raise IndexError("list index out of range")
        return real(doc, s)

    monkeypatch.setattr(pipeline, "run", flaky)
    monkeypatch.delenv("HADATH_DEBUG", raising=False)
    docs: list[Document | HadathError] = [
        Document(text=TEXT, doc="ok", source="a.txt"),
        Document(text=TEXT, doc="boom", source="corpus.jsonl"),
    ]
    out = list(local.process(docs, settings, workers=1))
    assert isinstance(out[0], Document)
    error = out[1]
    assert isinstance(error, PipelineError)
    line = error.one_line()
    assert "corpus.jsonl#boom" in line and repr(settings.stages[1]) in line
    assert "IndexError" in line and "\n" not in line
