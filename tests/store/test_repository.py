"""The repository on SQLite and on a real PostgreSQL server: same tests, same results."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from hadath.errors import StoreError, UsageError
from hadath.store import EventQuery, Repository
from hadath.store import schema as t
from tests.store.factory import EVID_A, TEXT_A, make_doc, pair


def test_open_creates_schema_at_head(db_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from hadath.store.engine import head_revision

    repo = Repository.open(db_url)
    try:
        with repo.engine.connect() as conn:
            ctx = MigrationContext.configure(conn)
            assert ctx.get_current_revision() == head_revision()
            # The shipped migrations build exactly the tables schema.py declares.
            assert compare_metadata(ctx, t.metadata) == []
    finally:
        repo.close()
    Repository.open(db_url).close()  # a second open is a no-op


def test_same_content_is_stored_once(repo: Repository) -> None:
    a, _ = pair()
    first = repo.add_document(a)
    again = repo.add_document(pair()[0])
    assert (first.status, again.status) == ("new", "duplicate")
    assert again.document_id == first.document_id
    assert repo.counts()["documents"] == 1
    assert repo.counts()["events"] == 1


def test_new_content_at_same_url_is_a_version(repo: Repository) -> None:
    url = "https://news.example.org/2023/01/attack"
    v1 = make_doc("x", TEXT_A, [(EVID_A, {"fatalities": 5})], url=url)
    v2 = make_doc("x", TEXT_A + " تحديث: ارتفع العدد.", [(EVID_A, {"fatalities": 7})], url=url)
    r1, r2 = repo.add_document(v1), repo.add_document(v2)
    assert (r1.status, r2.status) == ("new", "version")
    docs = repo.documents().items
    assert [d["version"] for d in docs] == [2, 1]
    assert docs[1]["superseded_by"] == r2.document_id
    # The old version's event left the stored event; the new one took its place.
    page = repo.events()
    assert page.total == 1
    (event,) = page.items
    assert event["fatalities"] == 7
    assert [r["document_id"] for r in event["reports"]] == [r2.document_id]
    assert r2.clusters == r1.clusters


def test_two_outlets_one_event_two_reports(repo: Repository) -> None:
    a, b = pair()
    results = repo.add_documents([a, b])
    assert results[1].merged == 1
    page = repo.events()
    assert page.total == 1
    (event,) = page.items
    assert len(event["reports"]) == 2
    # ACLED rule: the most conservative credible figure, low/high spanning all reports.
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (7, 6, 9)
    by_doc = {r["doc"]: r for r in event["reports"]}
    assert by_doc["a"]["fatalities"] == 7 and by_doc["b"]["fatalities"] == 9
    assert by_doc["a"]["outlet"] == "شبكة الاختبار"
    assert (
        by_doc["b"]["evidence"]
        == b.text[by_doc["b"]["evidence_start"] : by_doc["b"]["evidence_end"]]
    )
    detail = repo.event(event["id"])
    assert detail is not None
    reasons = detail["dedup_reasons"][0]["reasons"]
    assert any("km apart" in r for r in reasons)
    assert any("isis" in r for r in reasons)


def test_different_events_same_day_same_province_stay_apart(repo: Repository) -> None:
    text1 = "هاجم داعش نقطة لقسد في البصيرة اليوم."
    text2 = "انفجار عبوة ناسفة بسيارة للجيش في هجين اليوم."
    text3 = "هاجم داعش نقطة للجيش التركي قرب البصيرة اليوم."
    day = {"date": "2024-03-06", "actor2": "QSD: Syrian Democratic Forces"}
    d1 = make_doc("d1", text1, [(text1, {"place": "busayrah", **day})], pub_date="2024-03-06")
    # Same type and day, same province, 60 km away: another event.
    d2 = make_doc("d2", text2, [(text2, {"place": "hajin", **day})], pub_date="2024-03-06")
    # Same place and day, but another target family: another event.
    d3 = make_doc(
        "d3",
        text3,
        [(text3, {"place": "busayrah", **day, "actor2": "Military Forces of Turkey"})],
        pub_date="2024-03-06",
    )
    repo.add_documents([d1, d2, d3])
    assert repo.events().total == 3


def test_events_of_one_document_never_merge(repo: Repository) -> None:
    text = "هجوم أول لداعش على الدفاع الوطني. وهجوم ثان لداعش على الدفاع الوطني."
    first, second = text.split(". ")
    doc = make_doc("one", text, [(first, {}), (second, {})])
    repo.add_document(doc)
    assert repo.events().total == 2
    # A report from another outlet joins one of them, not both.
    other = make_doc("two", TEXT_A, [(EVID_A, {})], outlet="أخرى")
    repo.add_document(other)
    assert sorted(len(e["reports"]) for e in repo.events().items) == [1, 2]


def test_correction_keeps_machine_value_and_trail(repo: Repository) -> None:
    a, b = pair()
    repo.add_documents([a, b])
    (event,) = repo.events().items
    corrected = repo.correct(event["id"], "fatalities", 8, "reviewer-1", "hospital list names 8")
    assert corrected["fatalities"] == 8
    assert corrected["corrections"]["fatalities"]["machine"] == 7
    assert corrected["corrections"]["fatalities"]["by"] == "reviewer-1"
    again = repo.correct(event["id"], "fatalities", 9, "reviewer-2", "second source")
    assert again["corrections"]["fatalities"]["machine"] == 7
    trail = repo.reviews(event["id"])
    assert [(r["old_value"], r["new_value"]) for r in trail] == [(7, 8), (8, 9)]
    # A new report re-merges the event; the correction stays applied.
    c = make_doc(
        "c",
        "نص ثالث عن هجوم داعش قرب غانم العلي.",
        [("نص ثالث عن هجوم داعش قرب غانم العلي.", {"fatalities": 6})],
        outlet="ثالث",
    )
    repo.add_document(c)
    (event,) = repo.events().items
    assert len(event["reports"]) == 3
    assert event["fatalities"] == 9
    assert event["corrections"]["fatalities"]["machine"] == 6


def test_correction_errors(repo: Repository) -> None:
    a, _ = pair()
    repo.add_document(a)
    (event,) = repo.events().items
    with pytest.raises(UsageError):
        repo.correct(event["id"], "evidence", "x", "r", "why")
    with pytest.raises(UsageError):
        repo.correct(event["id"], "fatalities", 1, "r", " ")
    with pytest.raises(StoreError):
        repo.correct(99999, "fatalities", 1, "r", "why")
    for name, bad in [
        ("fatalities", "seven"),
        ("fatalities", -1),
        ("date", "2023-13-01"),
        ("certainty", "sure"),
        ("latitude", 200.0),
        ("reported_by", "SOHR"),
        ("actor1", ""),
    ]:
        with pytest.raises(UsageError):
            repo.correct(event["id"], name, bad, "r", "why")
    assert repo.correct(event["id"], "injured", None, "r", "no source")["injured"] is None


BATTLE = {"event_type": "Battles", "sub_event_type": "Armed clash"}
ATTACK = {"event_type": "Violence against civilians", "sub_event_type": "Attack"}


def test_filters_and_paging(repo: Repository) -> None:
    docs = []
    for n, (place, date, actor2, etype) in enumerate(
        [
            ("palmyra", "2023-01-02", "Military Forces of Syria (2000-2024)", BATTLE),
            ("mayadin", "2023-02-10", "QSD: Syrian Democratic Forces", BATTLE),
            ("hajin", "2023-03-15", "Civilians (Syria)", ATTACK),
        ]
    ):
        text = f"حدث رقم {n} في مكان ما."
        docs.append(
            make_doc(
                f"f{n}",
                text,
                [(text, {"place": place, "date": date, "actor2": actor2, **etype})],
                pub_date=date,
            )
        )
    repo.add_documents(docs)
    assert repo.events().total == 3
    assert [e["date"] for e in repo.events().items] == ["2023-03-15", "2023-02-10", "2023-01-02"]
    assert repo.events(EventQuery(since="2023-02-01")).total == 2
    assert repo.events(EventQuery(until="2023-02-10")).total == 2
    assert repo.events(EventQuery(type="violence against civilians")).total == 1
    assert repo.events(EventQuery(type="Armed clash")).total == 2
    assert repo.events(EventQuery(actor="SDF")).total == 1
    assert repo.events(EventQuery(actor="syria (2000")).total == 1
    assert repo.events(EventQuery(actor="داعش")).total == 3
    near = repo.events(EventQuery(near=(35.02, 40.45), km=50))
    assert [e["location_ar"] for e in near.items] == ["الميادين"]
    assert repo.events(EventQuery(near=(35.02, 40.45), km=60)).total == 2
    page = repo.events(limit=2, offset=2)
    assert (page.total, len(page.items)) == (3, 1)
    with pytest.raises(UsageError):
        repo.events(EventQuery(since="last week"))


def test_document_read_back(repo: Repository) -> None:
    a, _ = pair()
    result = repo.add_document(a)
    stored = repo.document(result.document_id)
    assert stored is not None
    assert stored["text"] == a.text
    (ev,) = stored["events"]
    assert stored["text"][ev["evidence_start"] : ev["evidence_end"]] == ev["evidence"]
    assert ev["spans"] == {"location_ar": [ev["evidence_start"], ev["evidence_start"] + 3]}
    assert stored["mentions"][0]["actor"] == "Islamic State (Syria)"
    assert stored["quotes"][0]["quote"] == a.text[:5]
    assert repo.document(12345) is None


def test_bound_parameters_only(repo: Repository) -> None:
    # Quotes and SQL fragments in values are data, never SQL.
    nasty = "'; DROP TABLE events; --"
    text = f"هجوم {nasty} قرب غانم العلي."
    doc = make_doc("q'x", text, [(text, {"location_ar": nasty})], outlet=nasty)
    repo.add_document(doc)
    assert repo.events(EventQuery(actor=nasty)).total == 0
    (event,) = repo.events().items
    assert event["location_ar"] == nasty
    with repo.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(t.events)).scalar_one() == 1


def test_upgrade_from_first_revision_keeps_data(db_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from hadath.store.engine import begin_write, make_engine, migrations_dir

    engine = make_engine(db_url)
    cfg = Config()
    cfg.set_main_option("script_location", migrations_dir())
    with begin_write(engine) as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")

        def insert(table: sa.Table, **values: object) -> int:
            key = conn.execute(table.insert().values(**values)).inserted_primary_key
            assert key is not None
            return int(key[0])

        source = insert(t.sources, locator="old.txt", kind="file", first_seen="x")
        document = insert(
            t.documents,
            content_hash="0" * 64,
            version_key="k",
            version=1,
            source_id=source,
            doc="old",
            text="نص قديم",
            warnings="[]",
            meta="{}",
            ingested_at="x",
        )
        cluster = insert(
            t.clusters, n_reports=1, reasons="[]", record="{}", updated_at="x", actor1_family="isis"
        )
        event = insert(
            t.events,
            document_id=document,
            ordinal=1,
            event_key="old#1",
            cluster_id=cluster,
            event_type="Battles",
            sub_event_type="Armed clash",
            reported_by="[]",
            evidence="نص",
            evidence_start=0,
            evidence_end=2,
            spans="{}",
            figures="[]",
            extra="{}",
            certainty="reported",
        )
    engine.dispose()
    repo = Repository.open(db_url)
    try:
        a, b = pair()
        a.events[0].actor2 = "كتيبة محلية لا يعرفها أحد بعد " * 3  # a long unlisted family
        repo.add_documents([a, b])
        with repo.engine.connect() as conn:
            assert conn.execute(sa.select(sa.func.count()).select_from(t.sources)).scalar_one() == 3
            found = sa.select(t.events.c.cluster_id).where(t.events.c.id == event)
            assert conn.execute(found).scalar() == cluster
    finally:
        repo.close()


def test_new_version_keeps_its_place_in_a_merged_event(repo: Repository) -> None:
    url = "https://news.example.org/a"
    a, b = pair()
    a.url = url
    repo.add_documents([a, b])
    (before,) = repo.events().items
    a2 = make_doc("a", TEXT_A + " (محدث)", [(EVID_A, {"fatalities": 8})], url=url)
    result = repo.add_document(a2)
    assert result.status == "version"
    (after,) = repo.events().items
    assert after["id"] == before["id"]
    assert sorted(r["fatalities"] for r in after["reports"]) == [8, 9]
    # The event changed its nature in the new version: the old event keeps b only.
    a3 = make_doc(
        "a",
        TEXT_A + " (تصحيح)",
        [
            (
                EVID_A,
                {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"},
            )
        ],
        url=url,
    )
    repo.add_document(a3)
    events = {e["event_type"]: e for e in repo.events().items}
    assert len(events) == 2
    assert [r["doc"] for r in events["Battles"]["reports"]] == ["b"]
    assert events["Battles"]["id"] == before["id"]


def test_sqlite_settings(tmp_path: Path) -> None:
    repo = Repository.open(f"sqlite:///{tmp_path / 'w.db'}")
    try:
        with repo.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 10_000
    finally:
        repo.close()


def test_actor_filter_is_literal(repo: Repository) -> None:
    repo.add_documents(list(pair()))
    assert repo.events(EventQuery(actor="%")).total == 0
    assert repo.events(EventQuery(actor="_")).total == 0


def test_refresh_replaces_the_extraction_of_a_stored_text(repo: Repository) -> None:
    a, b = pair()
    repo.add_documents([a, b])
    (before,) = repo.events().items
    repo.correct(before["id"], "actor2", "Liwa al-Quds", "r", "named in a later statement")
    again = make_doc("a", TEXT_A, [(EVID_A, {"fatalities": 5, "fatalities_low": 5})])
    assert repo.add_document(again).status == "duplicate"
    result = repo.add_documents([again], refresh=True)[0]
    assert (result.status, result.events) == ("refreshed", 1)
    assert repo.counts()["documents"] == 2 and repo.counts()["events"] == 2
    (after,) = repo.events().items
    assert after["id"] == before["id"]
    assert after["fatalities"] == 5
    assert after["actor2"] == "Liwa al-Quds"  # the review survives the refresh
    stored = repo.document(result.document_id)
    assert stored is not None and len(stored["mentions"]) == 1 and len(stored["quotes"]) == 1


def test_texts_without_identity_are_never_versions(repo: Repository) -> None:
    first = make_doc("stdin", "نص أول من المدخل القياسي.", [])
    second = make_doc("stdin", "نص ثان مختلف من المدخل القياسي.", [])
    first.source = second.source = "-"
    results = repo.add_documents([first, second])
    assert [r.status for r in results] == ["new", "new"]
    assert [d["version"] for d in repo.documents().items] == [1, 1]
