"""Our dates stage against dateparser's ``search_dates`` on the same passages.

Passages:
- labelled from the gold (``../shared/gold/dev.jsonl`` + ``../shared/dev``): for each
  event whose ``date_expr`` is written in the article, the paragraph holding it, the
  article's publication date and the gold date;
- a small hand-labelled list written for this script (below);
- for speed only, every paragraph of ``../shared/dev`` and ``examples/*.txt``.

A system is right on a passage when the date it reads for the labelled expression (the
found expression overlapping it) is within the gold tolerance (day ±1, week ±7, month:
same month, year: same year). dateparser runs with ``languages=['ar']`` and
``RELATIVE_BASE`` = the publication date (and ``PREFER_DATES_FROM='past'``, which only
helps it).

    .venv/bin/python benchmarks/dates_vs_dateparser.py [--shared ../shared] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
STAGES = ("boilerplate", "normalize", "segment", "dates")

# (passage, publication date or None, expression, gold day, precision): written for hadath
HAND_LABELLED: list[tuple[str, str | None, str, str, str]] = [
    (
        "قُتل عنصران من قوات النظام أمس السبت بكمين قرب السخنة.",
        "2021-03-14",
        "أمس السبت",
        "2021-03-13",
        "day",
    ),
    (
        "شنت الطائرات الروسية غارات مساء أمس على محيط الكوم.",
        "2021-03-14",
        "مساء أمس",
        "2021-03-13",
        "day",
    ),
    ("انفجر لغم يوم الجمعة بسيارة تقل رعاة.", "2021-03-14", "يوم الجمعة", "2021-03-12", "day"),
    (
        "هاجمت خلية السبت الماضي حاجزاً في البادية.",
        "2022-02-08",
        "السبت الماضي",
        "2022-02-05",
        "day",
    ),
    ("عثر الأهالي قبل أسبوع على جثة معلم.", "2022-10-15", "قبل أسبوع", "2022-10-08", "week"),
    (
        "وقع الهجوم على السجن قبل نحو أسبوعين.",
        "2022-02-05",
        "قبل نحو أسبوعين",
        "2022-01-22",
        "week",
    ),
    (
        "اختطف الراعي قبل ثلاثة أيام في بادية الشولا.",
        "2023-02-21",
        "قبل ثلاثة أيام",
        "2023-02-18",
        "day",
    ),
    (
        "نفذت القوات الأمريكية في آب الماضي عملية إنزال.",
        "2023-09-14",
        "في آب الماضي",
        "2023-08-01",
        "month",
    ),
    (
        "أطلقت قوات النظام أواخر شهر تشرين الثاني الماضي عملية تمشيط.",
        "2021-01-01",
        "أواخر شهر تشرين الثاني الماضي",
        "2020-11-26",
        "week",
    ),
    (
        "قتل 5 من قوات النظام في 14 من كانون الأول الماضي قرب السخنة.",
        "2021-01-01",
        "14 من كانون الأول الماضي",
        "2020-12-14",
        "day",
    ),
    ("قتل قيادي في 14 آذار 2021 بغارة.", None, "14 آذار 2021", "2021-03-14", "day"),
    ("انفجرت عبوة بتاريخ ١٧/٠٥/٢٠٢٢ في ذيبان.", None, "١٧/٠٥/٢٠٢٢", "2022-05-17", "day"),
    ("صدر البيان في ٢٠٢٣/٥/١٢ عن القيادة.", None, "٢٠٢٣/٥/١٢", "2023-05-12", "day"),
    (
        "مع سقوط النظام في كانون الأول (ديسمبر) 2024 تغير الوضع.",
        None,
        "كانون الأول (ديسمبر) 2024",
        "2024-12-01",
        "month",
    ),
    (
        "أشارت تقارير صدرت في فبراير/ شباط 2021 إلى وجود آلاف المقاتلين.",
        None,
        "فبراير/ شباط 2021",
        "2021-02-01",
        "month",
    ),
    (
        "قتل الثالث من كانون الثاني 2020 قائد الفيلق.",
        None,
        "الثالث من كانون الثاني 2020",
        "2020-01-03",
        "day",
    ),
    (
        "نشر التنظيم بياناً في 15 رمضان 1444 هـ يتبنى فيه الهجوم.",
        None,
        "15 رمضان 1444 هـ",
        "2023-04-06",
        "day",
    ),
    (
        "وقع الهجوم الاثنين 12 تموز/يوليو على الطريق.",
        "2021-08-01",
        "الاثنين 12 تموز/يوليو",
        "2021-07-12",
        "day",
    ),
    (
        "ضبطت السيارة في 12 من الشهر الجاري وهي محملة بالمتفجرات.",
        "2024-06-19",
        "12 من الشهر الجاري",
        "2024-06-12",
        "day",
    ),
    (
        "أعلنت القوات الأسبوع الماضي إطلاق حملة جديدة.",
        "2024-10-04",
        "الأسبوع الماضي",
        "2024-09-27",
        "week",
    ),
    (
        "شنت الطائرات أكثر من 40 غارة خلال الساعات الـ24 الماضية.",
        "2021-09-09",
        "خلال الساعات الـ24 الماضية",
        "2021-09-09",
        "day",
    ),
    (
        "هاجمت خلية فجر اليوم الخميس مركز احتجاز.",
        "2023-09-21",
        "فجر اليوم الخميس",
        "2023-09-21",
        "day",
    ),
    (
        "قتل مسلحان ليلة أمس الثلاثاء في قرية الكرامة.",
        "2024-06-19",
        "ليلة أمس الثلاثاء",
        "2024-06-18",
        "day",
    ),
    (
        "يعد هذا الهجوم الثالث منذ مطلع عام 2022 في المنطقة.",
        None,
        "مطلع عام 2022",
        "2022-01-01",
        "month",
    ),
    (
        "قتل عنصر من الأمن العام مساء الخميس على حاجز.",
        "2025-04-12",
        "مساء الخميس",
        "2025-04-10",
        "day",
    ),
]


@dataclass(frozen=True)
class Case:
    passage: str
    pub: dt.date | None
    expr: str
    gold: dt.date
    precision: str
    origin: str


def compatible(gold: dt.date, precision: str, day: dt.date | None) -> bool:
    if day is None:
        return False
    if precision == "day":
        return abs((gold - day).days) <= 1
    if precision == "week":
        return abs((gold - day).days) <= 7
    if precision == "month":
        return (gold.year, gold.month) == (day.year, day.month)
    return gold.year == day.year


def gold_cases(shared: Path) -> list[Case]:
    cases: list[Case] = []
    header: dict[str, Any] = {}
    for line in (shared / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if "event_id" not in row:
            header = row
            continue
        expr = row.get("date_expr")
        if not row.get("date") or not expr:
            continue
        text = (shared / "dev" / f"{row['doc']}.txt").read_text(encoding="utf-8")
        at = text.find(expr)
        if at < 0:
            continue
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        passage = text[start : end if end >= 0 else len(text)]
        pub = dt.date.fromisoformat(header["pub_date"]) if header.get("pub_date") else None
        cases.append(
            Case(
                passage,
                pub,
                expr,
                dt.date.fromisoformat(row["date"]),
                row["date_precision"],
                row["event_id"],
            )
        )
    return cases


def hand_cases() -> list[Case]:
    return [
        Case(
            p,
            dt.date.fromisoformat(pub) if pub else None,
            e,
            dt.date.fromisoformat(g),
            prec,
            "hand",
        )
        for p, pub, e, g, prec in HAND_LABELLED
    ]


def speed_passages(shared: Path) -> list[tuple[str, dt.date | None]]:
    files = sorted((shared / "dev").glob("*.txt")) + sorted((ROOT / "examples").glob("*.txt"))
    out = []
    for f in files:
        for para in f.read_text(encoding="utf-8").split("\n"):
            if len(para.strip()) > 20:
                out.append((para, dt.date(2023, 6, 1)))
    return out


Reader = Callable[[str, dt.date | None], list[tuple[int, int, dt.date | None]]]


def hadath_reader() -> Reader:
    from hadath.api import extract
    from hadath.settings import Settings

    settings = Settings.load().replace(stages=STAGES)

    def read(text: str, pub: dt.date | None) -> list[tuple[int, int, dt.date | None]]:
        doc = extract("\n" + text, pub_date=pub, settings=settings)  # no dateline guess
        out = []
        for m in doc.mentions_of("date"):
            day = m.get("day")
            out.append((m.start - 1, m.end - 1, dt.date.fromisoformat(day) if day else None))
        return out

    return read


def dateparser_reader() -> Reader:
    from dateparser.search import search_dates

    def read(text: str, pub: dt.date | None) -> list[tuple[int, int, dt.date | None]]:
        base = dt.datetime.combine(pub or dt.date.today(), dt.time())
        settings: Any = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        found = search_dates(text, languages=["ar"], settings=settings) or []
        out = []
        pos = 0
        for sub, when in found:
            at = text.find(sub, pos)
            if at < 0:
                at = text.find(sub)
            if at >= 0:
                pos = at + len(sub)
            out.append((at, at + len(sub), when.date()))
        return out

    return read


def score(read: Reader, cases: list[Case]) -> tuple[int, float, list[str]]:
    right = 0
    misses = []
    t0 = time.perf_counter()
    for case in cases:
        at = case.passage.find(case.expr)
        found = read(case.passage, case.pub)
        days = [d for s, e, d in found if s < at + len(case.expr) and at < e]
        if any(compatible(case.gold, case.precision, d) for d in days):
            right += 1
        else:
            misses.append(
                f"{case.origin}: {case.expr} -> {[str(d) for d in days]} (gold {case.gold})"
            )
    ms = (time.perf_counter() - t0) * 1000 / max(1, len(cases))
    return right, ms, misses


def speed(read: Reader, passages: list[tuple[str, dt.date | None]]) -> float:
    t0 = time.perf_counter()
    for text, pub in passages:
        read(text, pub)
    return (time.perf_counter() - t0) * 1000 / max(1, len(passages))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--misses", action="store_true", help="list the passages each system gets wrong"
    )
    args = parser.parse_args(argv)
    cases = hand_cases()
    passages: list[tuple[str, dt.date | None]] = [(c.passage, c.pub) for c in cases]
    if (args.shared / "gold").is_dir():
        cases = gold_cases(args.shared) + cases
        passages = speed_passages(args.shared)
    systems = {"hadath": hadath_reader(), "dateparser": dateparser_reader()}
    report: dict[str, Any] = {"cases": len(cases), "speed_passages": len(passages)}
    for name, read in systems.items():
        read("أمس", dt.date(2021, 1, 1))  # warm up: load data and compile patterns
        right, ms_scored, misses = score(read, cases)
        report[name] = {
            "correct": right,
            "accuracy": round(right / max(1, len(cases)), 3),
            "ms_per_labelled_passage": round(ms_scored, 2),
            "ms_per_paragraph": round(speed(read, passages), 2),
        }
        if args.misses:
            report[name]["misses"] = misses
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    print(f"{len(cases)} labelled passages, {len(passages)} paragraphs for speed")
    print(f"{'system':<12}{'correct':>9}{'accuracy':>10}{'ms/labelled':>13}{'ms/paragraph':>14}")
    for name in systems:
        r = report[name]
        print(
            f"{name:<12}{r['correct']:>9}{r['accuracy']:>10.3f}"
            f"{r['ms_per_labelled_passage']:>13.2f}{r['ms_per_paragraph']:>14.2f}"
        )
        for miss in r.get("misses", []):
            print(f"    miss {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
