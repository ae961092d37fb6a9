"""Stage ``segment``: paragraphs, sentences and tokens.

Inputs: ``doc.text``, ``doc.view``. Outputs: ``doc.paragraphs``, ``doc.sentences``,
``doc.tokens`` (all in original offsets).
"""

from __future__ import annotations

from hadath.document import Document
from hadath.settings import Settings
from hadath.text import segment

REQUIRES: tuple[str, ...] = ("normalize",)


def run(doc: Document, settings: Settings) -> Document:
    assert doc.view is not None
    doc.paragraphs = segment.paragraphs(doc.text)
    doc.sentences = segment.sentences(doc.text, doc.view)
    doc.tokens = segment.tokens(doc.view)
    return doc
