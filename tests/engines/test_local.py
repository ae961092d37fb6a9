"""The local engine: same results with a pool, input order kept, one bad document isolated."""

from __future__ import annotations

import pytest

from hadath import batch, pipeline
from hadath.actors import scan
from hadath.document import Document
from hadath.engines import local
from hadath.errors import HadathError, InputError, PipelineError
from hadath.settings import Settings
from hadath.text.view import document_view

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
    real = pipeline.run_stage

    def flaky(stage: pipeline.Stage, doc: Document, s: Settings) -> Document:
        if doc.doc == "boom" and stage.name == s.stages[1]:
            raise IndexError("list index out of range")
        return real(stage, doc, s)

    monkeypatch.setattr(pipeline, "run_stage", flaky)
    monkeypatch.delenv("HADATH_DEBUG", raising=False)
    docs: list[Document | HadathError] = [
        Document(text=TEXT, doc="ok", source="a.txt"),
        Document(text=TEXT, doc="boom", source="corpus.jsonl"),
        Document(text=TEXT, doc="after", source="b.txt"),
    ]
    out = list(local.process(docs, settings, workers=1))
    # the documents of the same batch go on through every stage
    assert isinstance(out[0], Document) and isinstance(out[2], Document)
    assert out[0].stages_run == out[2].stages_run == list(settings.stages)
    assert out[0].events
    error = out[1]
    assert isinstance(error, PipelineError)
    line = error.one_line()
    assert "corpus.jsonl#boom" in line and repr(settings.stages[1]) in line
    assert "IndexError" in line and "\n" not in line


@pytest.mark.parametrize(("docs", "chars"), [(3, 10**6), (70, 10**6), (70, 2_000), (70, 1)])
def test_batches_give_what_one_document_at_a_time_gives(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, docs: int, chars: int
) -> None:
    """Stage after stage over a batch, or every stage over one document: the same
    results, whatever closes the batches (the count, the characters, or each document)."""
    monkeypatch.setattr(batch, "BATCH_CHARS", chars)
    items = _items(docs)
    alone = [
        item if isinstance(item, HadathError) else pipeline.run(item, settings)
        for item in _items(docs)
    ]
    together = list(local.process(items, settings, workers=1))
    assert [_key(r) for r in together] == [_key(r) for r in alone]
    # nothing of the last batch is kept once it is done
    assert scan.hits.cache_info().currsize == 0
    assert document_view.cache_info().currsize == 0


def _size(item: int | str) -> int | None:
    return item if isinstance(item, int) else None


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], []),
        ([1, 2, 3], [[1, 2, 3]]),
        # an error ("e") joins the batch it comes in and counts for nothing
        (["e", 1, "e", 2], [["e", 1, "e", 2]]),
        # the document that reaches the limit closes its batch
        ([10, 600, 500, 1, 2_000, 3], [[10, 600, 500], [1, 2_000], [3]]),
        ([2_000, "e", 5], [[2_000], ["e", 5]]),
    ],
)
def test_batches_close_at_the_character_limit(
    monkeypatch: pytest.MonkeyPatch, items: list[int | str], expected: list[list[int | str]]
) -> None:
    monkeypatch.setattr(batch, "BATCH_CHARS", 1_000)
    assert list(batch.batches(items, _size)) == expected


def test_batches_close_at_the_document_limit() -> None:
    got = list(batch.batches(range(1, 2 * batch.BATCH_DOCS + 2), lambda n: 1))
    assert [len(b) for b in got] == [batch.BATCH_DOCS, batch.BATCH_DOCS, 1]
