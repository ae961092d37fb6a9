"""End-to-end: the extract and annotate commands as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES

DOC_KEYS = {
    "doc",
    "source",
    "title",
    "pub_date",
    "outlet",
    "author",
    "events",
    "quotes",
    "warnings",
}


def hadath(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "hadath", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_extract_examples() -> None:
    result = hadath("extract", "--with-text", str(EXAMPLES))
    assert result.returncode == 0, result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(docs) >= 10
    for doc in docs:
        assert set(doc) >= DOC_KEYS
        for event in doc["events"]:
            assert doc["text"][event["evidence_start"] : event["evidence_end"]] == event["evidence"]
        for quote in doc["quotes"]:
            assert doc["text"][quote["quote_start"] : quote["quote_end"]] == quote["quote"]


def test_bad_inputs_one_line_each_and_others_processed(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = EXAMPLES / "damascus-foiled-plot.txt"
    result = hadath("extract", str(binary), str(tmp_path / "missing.txt"), str(good), str(empty))
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 3, result.stderr
    assert "Traceback" not in result.stderr
    assert str(binary) in lines[0] and "binary" in lines[0]
    assert "missing.txt" in lines[1]
    assert "empty" in lines[2]
    assert len(result.stdout.splitlines()) == 1


def test_bad_pub_date_is_usage_error() -> None:
    result = hadath("extract", "--pub-date", "2021-13-45", str(EXAMPLES))
    assert result.returncode == 2
    assert "--pub-date" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_stdin_and_pub_date() -> None:
    text = "قتل عنصران من قوات النظام أمس في هجوم على حاجز قرب تدمر."
    result = hadath("extract", "--pub-date", "2021-03-14", "-", stdin=text)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["doc"] == "stdin" and doc["pub_date"] == "2021-03-14"


def test_json_format_and_table() -> None:
    result = hadath("extract", "--format", "json", str(EXAMPLES / "archive-dump.jsonl"))
    assert result.returncode == 0, result.stderr
    docs = json.loads(result.stdout)
    assert [d["doc"] for d in docs] == [
        "deir-shuhayl-drone-strike",
        "dhiban-mukhtar-assassination",
        "hol-camp-analysis",
    ]
    table = hadath("extract", "--format", "table", str(EXAMPLES / "archive-dump.jsonl"))
    assert table.returncode == 0 and "Documents" in table.stdout


def test_annotate_shape() -> None:
    result = hadath("annotate", "--with-text", str(EXAMPLES / "badia-qaryatayn-ambush.txt"))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert {"doc", "pub_date", "mentions"} <= set(record)
    for mention in record["mentions"]:
        assert {"kind", "text", "start", "end"} <= set(mention)
        assert record["text"][mention["start"] : mention["end"]] == mention["text"]


def test_help_has_examples() -> None:
    for command in ("extract", "annotate", "eval"):
        result = hadath(command, "--help")
        assert result.returncode == 0 and "Example" in result.stdout
