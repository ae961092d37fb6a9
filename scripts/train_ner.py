"""Train the CRF named-entity tagger on ANERcorp and score it against a dictionary baseline.

Usage:
    .venv/bin/python scripts/train_ner.py [--corpus ../shared/data/ner/anercorp]

Reads ``*train.txt`` and ``*test.txt`` (``token TAG`` per line, IOB2, blank line between
sentences), trains python-crfsuite with the features of :mod:`hadath.ner.features`,
writes the model to ``src/hadath/data/ner/anercorp.crfsuite`` and the entity-level
precision/recall/F1 per type (CRF next to a dictionary-only baseline built from the train
split's entities) to ``src/hadath/data/ner/SCORES.md``. Deterministic for a given corpus.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from hadath.ner.features import sentence_features
from hadath.ner.tagger import TYPES, entities
from hadath.text.view import normalize

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "hadath" / "data" / "ner"
Sentence = tuple[list[str], list[str]]

PARAMS = {
    "c1": 0.2,
    "c2": 0.05,
    "max_iterations": 150,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}


def read(path: Path) -> list[Sentence]:
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        # the same folds as the pipeline's view; a token that normalises away keeps its form
        words.append(normalize(parts[0]) or parts[0])
        tags.append(parts[1])
    if words:
        sentences.append((words, tags))
    return sentences


def common_words(train: Sequence[Sentence], min_count: int = 3) -> list[str]:
    """Words seen ``min_count`` times or more and never inside a person's name.

    The people stage refuses a name made of such words ("فقد شهد", "جنوب دمشق"), so a
    title followed by ordinary words is not read as a title and a name.
    """
    seen: Counter[str] = Counter()
    in_name: set[str] = set()
    for words, tags in train:
        for w, t in zip(words, tags, strict=True):
            if not w[0].isalpha():
                continue
            seen[w] += 1
            if t.endswith("PERS"):
                in_name.add(w)
    return sorted(w for w, n in seen.items() if n >= min_count and w not in in_name)


def dictionary(train: Sequence[Sentence]) -> dict[tuple[str, ...], str]:
    """Every entity string of the train split -> its most frequent type."""
    counts: dict[tuple[str, ...], Counter[str]] = {}
    for words, tags in train:
        for kind, i, j in entities(tags):
            counts.setdefault(tuple(words[i:j]), Counter())[kind] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def dictionary_tags(words: Sequence[str], lexicon: dict[tuple[str, ...], str]) -> list[str]:
    """Longest-leftmost lookup of train entities: the dictionary-only baseline."""
    longest = max(len(k) for k in lexicon)
    tags = ["O"] * len(words)
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            kind = lexicon.get(tuple(words[i : i + n]))
            if kind is not None:
                tags[i : i + n] = [f"B-{kind}"] + [f"I-{kind}"] * (n - 1)
                i += n
                break
        else:
            i += 1
    return tags


def score(
    gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]
) -> dict[str, tuple[float, float, float, int]]:
    """Entity-level exact-match precision, recall, F1 and support, per type and overall."""
    tp: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for g, p in zip(gold, pred, strict=True):
        ge = set(entities(g))
        pe = set(entities(p))
        for kind, _, _ in ge:
            n_gold[kind] += 1
        for e in pe:
            n_pred[e[0]] += 1
            if e in ge:
                tp[e[0]] += 1
    out: dict[str, tuple[float, float, float, int]] = {}
    for kind in (*TYPES, "overall"):
        if kind == "overall":
            t, npred, ngold = sum(tp.values()), sum(n_pred.values()), sum(n_gold.values())
        else:
            t, npred, ngold = tp[kind], n_pred[kind], n_gold[kind]
        p = t / npred if npred else 0.0
        r = t / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[kind] = (p, r, f, ngold)
    return out


def table(
    crf: dict[str, tuple[float, float, float, int]],
    base: dict[str, tuple[float, float, float, int]],
) -> str:
    lines = [
        "| type | support | CRF P | CRF R | CRF F1 | dictionary P | dictionary R | dictionary F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind in (*TYPES, "overall"):
        cp, cr, cf, n = crf[kind]
        bp, br, bf, _ = base[kind]
        lines.append(
            f"| {kind} | {n} | {cp:.3f} | {cr:.3f} | **{cf:.3f}** | {bp:.3f} | {br:.3f} | {bf:.3f} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--corpus", type=Path, default=ROOT.parent / "shared" / "data" / "ner" / "anercorp"
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    train_files = sorted(args.corpus.glob("*train.txt"))
    test_files = sorted(args.corpus.glob("*test.txt"))
    if not train_files or not test_files:
        print(f"no *train.txt / *test.txt under {args.corpus}", file=sys.stderr)
        return 2
    train = [s for f in train_files for s in read(f)]
    test = [s for f in test_files for s in read(f)]

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in train:
        trainer.append(sentence_features(words), tags)
    trainer.set_params(PARAMS)
    args.out.mkdir(parents=True, exist_ok=True)
    model = args.out / "anercorp.crfsuite"
    trainer.train(str(model))
    train_s = time.perf_counter() - t0

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    gold = [tags for _, tags in test]
    t0 = time.perf_counter()
    crf_pred = [tagger.tag(sentence_features(words)) for words, _ in test]
    tag_s = time.perf_counter() - t0
    n_tokens = sum(len(w) for w, _ in test)
    lexicon = dictionary(train)
    base_pred = [dictionary_tags(words, lexicon) for words, _ in test]
    crf = score(gold, crf_pred)
    base = score(gold, base_pred)

    report = f"""# NER scores on ANERcorp (test split)

Written by `scripts/train_ner.py`; do not edit by hand.

- Corpus: ANERcorp, CAMeL Lab split as reconstructed in `../shared/data/ner/anercorp`
  (train {len(train)} sentences / {sum(len(w) for w, _ in train)} tokens,
  test {len(test)} sentences / {n_tokens} tokens). Tokens normalised with the pipeline's
  folds (`hadath.text.view.normalize`) before training and tagging.
- Model: linear-chain CRF (python-crfsuite, L-BFGS, {", ".join(f"{k}={v}" for k, v in PARAMS.items())}),
  features in `hadath.ner.features`; {model.stat().st_size / 1e6:.1f} MB.
- Baseline: dictionary only, longest-leftmost lookup of every entity string seen in the
  train split ({len(lexicon)} strings), labelled with its most frequent type.
- Scoring: entity level, exact span and type (CoNLL style).
- Tagging speed: {n_tokens / tag_s:,.0f} tokens/s with feature extraction, one core.

{table(crf, base)}
"""
    (args.out / "SCORES.md").write_text(report, encoding="utf-8")
    common = common_words(train)
    (args.out / "common_words.txt").write_text(
        "# ANERcorp train words seen 3+ times, never in a person's name (scripts/train_ner.py)\n"
        + "\n".join(common)
        + "\n",
        encoding="utf-8",
    )
    print(report)
    print(f"trained in {train_s:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
