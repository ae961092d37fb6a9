"""``hadath eval GOLD SYSTEM``: precision, recall, F1 and per-field accuracy."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from hadath.errors import UsageError


def _table(report: dict[str, Any], show_errors: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    modes = Table(title=f"Events ({report['documents']} documents)")
    for column in ("mode", "tp", "fp", "fn", "precision", "recall", "f1"):
        modes.add_column(column)
    for mode in ("events", "events_collapsed", "events_lenient", "events_by_type"):
        r = report[mode]
        modes.add_row(
            mode.replace("events_", "") if "_" in mode else "strict",
            *(str(r[k]) for k in ("tp", "fp", "fn", "precision", "recall", "f1")),
        )
    console.print(modes)
    strict, by_type = report["events"], report["events_by_type"]
    fields = Table(title="Field accuracy on matched events")
    fields.add_column("field")
    fields.add_column(f"strict ({strict['matched_pairs']})")
    fields.add_column(f"by type ({by_type['matched_pairs']})")
    for name, value in strict["fields"].items():
        other = by_type["fields"][name]
        fields.add_row(
            name,
            "-" if value is None else f"{value:.3f}",
            "-" if other is None else f"{other:.3f}",
        )
    fields.add_row(
        "evidence overlap F1",
        str(strict["evidence_overlap_f1"]),
        str(by_type["evidence_overlap_f1"]),
    )
    console.print(fields)
    headers = report["headers"]
    console.print("Headers: " + ", ".join(f"{k} {v}" for k, v in headers.items()))
    if report["quotes"]:
        q = report["quotes"]
        console.print(
            f"Quotes: P {q['precision']} R {q['recall']} F1 {q['f1']} "
            f"(tp {q['tp']}, fp {q['fp']}, fn {q['fn']}), speaker {q['speaker_accuracy']}"
        )
    if report["documents_missing_from_system"]:
        console.print(
            f"[yellow]Missing from the system output: {report['documents_missing_from_system']}[/yellow]"
        )
    if show_errors:
        for err in report["errors"]:
            console.print(json.dumps(err, ensure_ascii=False))


def eval_command(
    gold: Annotated[
        Path, typer.Argument(help="Gold JSONL file, or a folder of them (*_quotes.jsonl = quotes).")
    ],
    system: Annotated[Path, typer.Argument(help="hadath extract output (JSONL).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="List every miss, spurious event and wrong field.")
    ] = False,
) -> None:
    """Score extracted events and quotes against hand-coded gold.

    Example: hadath extract ../shared/dev > dev.jsonl && hadath eval ../shared/gold/dev.jsonl dev.jsonl
    """
    from hadath.evaluate import evaluate

    for path in (gold, system):
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder")
    report = evaluate(gold, system)
    if as_json:
        if not errors:
            report.pop("errors")
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _table(report, errors)


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
