"""Huge and pathological inputs finish in bounded time (no quadratic passes).

These are not timing tests: the timeout is a generous guard against a hang.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import hadath


@pytest.mark.timeout(300)
def test_five_megabyte_line_without_spaces() -> None:
    text = "داعش" * 1_250_000  # 5 M characters, one "word"
    doc = hadath.extract(text, pub_date="2022-01-01")
    assert doc.text is text or doc.text == text


@pytest.mark.timeout(300)
def test_long_article_of_many_lines() -> None:
    paragraph = "قتل عنصران من قوات النظام أمس في هجوم لتنظيم داعش على حاجز قرب تدمر بحسب المرصد.\n"
    # every line is dense with mentions and an event: the worst case for later stages
    doc = hadath.extract(paragraph * 2_000, pub_date="2022-01-01")
    assert len(doc.sentences) >= 2_000


@pytest.mark.timeout(300)
def test_long_article_on_one_line() -> None:
    sentences = (
        "قتل عنصران من قوات النظام أمس في هجوم لتنظيم داعش على حاجز قرب تدمر بحسب المرصد. "
        "وأصيب ثلاثة آخرون في الهجوم الذي تبناه التنظيم عبر وكالة أعماق. "
    )
    # one paragraph of 12,000 sentences, all dense with mentions and cues: each is read
    # against its passage (the places before it, the drafts before it), which must not
    # mean the whole paragraph once per sentence
    doc = hadath.extract(sentences * 6_000, pub_date="2022-01-01")
    assert len(doc.paragraphs) == 1 and len(doc.sentences) >= 12_000
    assert doc.events


@pytest.mark.timeout(300)
def test_forty_megabyte_file_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = ("قتل عنصران من قوات النظام في هجوم. " * 1000 + "\n").encode()
    with path.open("wb") as handle:
        while handle.tell() < 40_000_000:
            handle.write(line)
    result = subprocess.run(
        [sys.executable, "-m", "hadath", "extract", str(path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "huge.txt" in result.stderr
    assert "limit" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.timeout(300)
def test_many_quotes_on_one_line() -> None:
    sentences = (
        "وقال مسؤول في الحكومة السورية إن القوات استعادت السيطرة على المدينة بعد معارك. "
        "وأضاف المتحدث: “لن نسمح بعودة التنظيم إلى المنطقة مهما كلف الأمر”. "
        "وقتل ثلاثة مدنيين في القصف بحسب المرصد. "
    )
    # every sentence holds a statement: each cue is checked against the quotes found
    # before it, and each header reads the mentions around it, which must not mean all
    # of them once per cue
    doc = hadath.extract(sentences * 4_000, pub_date="2022-01-01")
    assert len(doc.paragraphs) == 1 and len(doc.quotes) >= 8_000
