"""Stage ``quotes``: every attributed statement in the article.

Inputs: ``doc.text``, ``doc.view``, ``doc.sentences``, ``doc.paragraphs``,
``doc.regions`` (boilerplate) and the ``person``/``org``/``actor``/``date`` mentions
when present. Outputs: ``doc.quotes`` (:class:`~hadath.document.Quote`: speaker, role,
affiliation, the quote as an exact substring with its offsets, the channel it was
reported through, direct or indirect). See :mod:`hadath.quotes.finder`.
"""

from __future__ import annotations

from hadath.actors import scan
from hadath.document import Document
from hadath.quotes.finder import _lex, find_quotes
from hadath.settings import Settings

REQUIRES: tuple[str, ...] = ("boilerplate", "normalize", "segment")


def prepare(settings: Settings) -> None:
    _lex()
    scan.scanner()


def run(doc: Document, settings: Settings) -> Document:
    if doc.view is None or not doc.sentences:
        return doc
    doc.quotes = find_quotes(doc)
    return doc
