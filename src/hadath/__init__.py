"""hadath: Arabic conflict news to ACLED-style event data, with evidence for every field.

>>> import hadath
>>> doc = hadath.extract("قتل عنصران من قوات النظام أمس السبت في بادية تدمر", pub_date="2021-03-14")
>>> doc.to_dict()["pub_date"]
'2021-03-14'
"""

from __future__ import annotations

from hadath.api import extract, extract_files
from hadath.document import Document, Event, Mention, Quote, Span
from hadath.settings import Settings

__all__ = [
    "Document",
    "Event",
    "Mention",
    "Quote",
    "Settings",
    "Span",
    "extract",
    "extract_files",
]
__version__ = "0.1.0"
