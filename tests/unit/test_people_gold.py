"""Every named speaker of the seeds' quotes is found as a person or an organisation.

Armed actors and governments that speak ("القوات الروسية", "تنظيم داعش") are actor
mentions (stage ``actors``), counted apart; generic sources ("مصادر محلية", "محللون")
are not named speakers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hadath.api import extract
from hadath.document import Document
from hadath.text.view import normalize

GENERIC = {
    normalize(w) for w in ("مصادر", "محللون", "مختصون", "مختصين", "تقارير", "بعض", "المصادر")
}
# floors: only go up
MIN_PERSON_OR_ORG = 21


def _names(doc: Document, kinds: tuple[str, ...]) -> list[str]:
    out = []
    for m in doc.mentions:
        if m.kind in kinds:
            out += [normalize(m.text), normalize(str(m.get("name") or m.get("actor") or ""))]
    return [n for n in out if n]


def _found(speaker: str, names: list[str]) -> bool:
    sp = normalize(speaker)
    return any(sp in n or n in sp for n in names)


def test_named_speakers_are_mentions(shared_dir: Path) -> None:
    path = shared_dir / "gold" / "seeds_quotes.jsonl"
    if not path.is_file():
        pytest.skip("no seeds_quotes.jsonl")
    docs: dict[str, Document] = {}
    as_person_org, as_actor, missing = 0, 0, []
    named = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        q = json.loads(line)
        speaker = q.get("speaker") or ""
        if not speaker or normalize(speaker).split()[0] in GENERIC:
            continue
        named += 1
        if q["doc"] not in docs:
            text = (shared_dir / "seeds" / f"{q['doc']}.txt").read_text(encoding="utf-8")
            docs[q["doc"]] = extract(text)
        doc = docs[q["doc"]]
        if _found(speaker, _names(doc, ("person", "org"))):
            as_person_org += 1
        elif _found(speaker, _names(doc, ("actor",))):
            as_actor += 1
        else:
            missing.append(f"{q['doc']}: {speaker}")
    print(
        f"named speakers {named}: person/org {as_person_org}, actor {as_actor}, missing {len(missing)}"
    )
    assert not missing, missing
    assert as_person_org >= MIN_PERSON_OR_ORG
