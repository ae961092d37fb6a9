"""Stage ``normalize``: build the normalised view used for all matching.

Inputs: ``doc.text``. Outputs: ``doc.view`` (see :mod:`hadath.text.view`).
"""

from __future__ import annotations

from hadath.document import Document
from hadath.settings import Settings
from hadath.text.view import document_view

REQUIRES: tuple[str, ...] = ()


def run(doc: Document, settings: Settings) -> Document:
    doc.view = document_view(doc.text)
    return doc
