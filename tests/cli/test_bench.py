"""``hadath bench``: the CONTRACT's JSON shape, and how the corpus is read and cycled."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from hadath import bench
from hadath.settings import Settings

CONTRACT_KEYS = {"docs", "mb", "seconds", "docs_per_s", "mb_per_s", "peak_rss_mb", "workers"}


def _jsonl(path: Path, texts: list[str]) -> Path:
    path.write_text(
        "".join(
            json.dumps({"id": f"r{i}", "text": t}, ensure_ascii=False) + "\n"
            for i, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    return path


def test_bench_json_on_the_bundled_examples() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hadath", "bench", "--n", "30", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert set(out) >= CONTRACT_KEYS
    assert out["docs"] == 30 and out["workers"] == 1
    assert set(out["stages"]) == set(Settings.load().stages)
    assert out["events"] > 0 and out["docs_per_s"] > 0


@pytest.mark.parametrize("keep", [100, 2])  # cycled from memory / streamed and re-read
def test_corpus_is_cycled_to_n_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, keep: int
) -> None:
    monkeypatch.setattr(bench, "_KEEP", keep)
    texts = ["قتل عنصران في هجوم.", "اعتقلت القوات خلية.", "قصفت الطائرات مواقع."]
    corpus = _jsonl(tmp_path / "c.jsonl", texts)
    docs = list(bench._documents([str(corpus)], Settings.load(), 8))
    assert [d.text for d in docs] == [texts[i % 3] for i in range(8)]
    assert len({d.doc for d in docs}) == 8  # every copy has its own id


def test_an_unreadable_corpus_is_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "hadath", "bench", "--corpus", str(empty), "--n", "5"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and result.stderr.strip().count("\n") == 0
