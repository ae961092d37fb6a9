"""The shipped CRF model: it loads, tags, and beats the dictionary baseline on record."""

from __future__ import annotations

import re

import pytest

from hadath.lexicon.loader import data_text
from hadath.ner import tagger
from hadath.ner.features import sentence_features
from hadath.text.view import normalize


def _words(text: str) -> list[str]:
    return re.findall(r"\w+|[^\w\s]", normalize(text))


def test_model_loads_and_tags_a_sentence() -> None:
    words = _words("وقال الرئيس الأمريكي جو بايدن في واشنطن إن القوات باقية .")
    tags = tagger.tag(words)
    assert len(tags) == len(words)
    assert all(t == "O" or t[:2] in ("B-", "I-") for t in tags)
    found = {(kind, " ".join(words[a:b])) for kind, a, b in tagger.entities(tags)}
    assert ("LOC", "واشنطن") in found
    assert any(kind == "PERS" and "بايدن" in text for kind, text in found)


def test_empty_sentence() -> None:
    assert tagger.tag([]) == []


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["O", "B-PERS", "I-PERS", "O"], [("PERS", 1, 3)]),
        (["B-LOC", "B-LOC"], [("LOC", 0, 1), ("LOC", 1, 2)]),
        (["O", "I-ORG", "I-ORG"], [("ORG", 1, 3)]),  # I- after O opens an entity
        (["B-PERS", "I-ORG"], [("PERS", 0, 1), ("ORG", 1, 2)]),
        (["O", "O"], []),
    ],
)
def test_entities_decoding(tags: list[str], expected: list[tuple[str, int, int]]) -> None:
    assert tagger.entities(tags) == expected


def test_features_are_per_token_and_stable() -> None:
    words = _words("أعلن المرصد السوري مقتل عنصرين .")
    first = sentence_features(words)
    assert len(first) == len(words)
    assert sentence_features(words) == first
    assert "w=المرصد" in first[1]
    assert "-1w=اعلن" in first[1]


def test_scores_record_crf_above_dictionary() -> None:
    text = data_text("ner/SCORES.md")
    row = next(line for line in text.splitlines() if line.startswith("| overall"))
    cells = [c.strip().strip("*") for c in row.strip("|").split("|")]
    crf_f1, dict_f1 = float(cells[4]), float(cells[7])
    assert crf_f1 > dict_f1
    assert crf_f1 >= 0.6
