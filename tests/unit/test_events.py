"""Events: detection, type by target, blocked statements, slots, casualties, merge."""

from __future__ import annotations

import pytest

from tests.unit.events_helpers import (
    CIV,
    ISIS,
    RUSSIA,
    SAA,
    SDF,
    actor,
    build,
    date,
    number,
    place,
    run_events,
)

# -- detection and type -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "قُتل عنصران من قوات النظام، أمس، إثر هجوم لخلايا داعش على حاجز قرب بلدة السخنة.",
            [actor("قوات النظام", SAA), actor("داعش", ISIS), place("السخنة", "السخنة", "Homs")],
            ("Battles", "Armed clash"),
        ),
        (
            "شنّت الطائرات الحربية الروسية عدة غارات على مواقع التنظيم في بادية الرصافة.",
            [
                actor("الطائرات الحربية الروسية", RUSSIA),
                actor("التنظيم", ISIS),
                place("بادية الرصافة", "بادية الرصافة", "Raqqa", 2),
            ],
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "قُتل راعي أغنام جراء انفجار لغم أرضي قرب بلدة أراك شرقي تدمر.",
            [place("أراك", "أراك", "Homs")],
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "اغتال مسلحون مدير مدرسة في بلدة الشعفة بإطلاق النار عليه أمام منزله.",
            [place("الشعفة", "الشعفة")],
            ("Violence against civilians", "Attack"),
        ),
        (
            "فجّر انتحاري نفسه بحزام ناسف عند حاجز على مدخل مدينة تدمر.",
            [place("تدمر", "تدمر", "Homs")],
            ("Explosions/Remote violence", "Suicide bomb"),
        ),
        (
            "اعتقلت قوات سوريا الديمقراطية ثلاثة أشخاص في بلدة ذيبان.",
            [actor("قوات سوريا الديمقراطية", SDF), number("ثلاثة", 3), place("ذيبان", "ذيبان")],
            ("Strategic developments", "Arrests"),
        ),
        (
            "أحبطت قوى الأمن الداخلي محاولة لتفجير سيارة مفخخة عند مدخل مدينة الحسكة.",
            [place("الحسكة", "الحسكة", "Hasakah")],
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "استهدفت مدفعية قوات النظام بعشرات القذائف مواقع في محيط جبل العمور.",
            [actor("قوات النظام", SAA), place("جبل العمور", "جبل العمور", "Homs", 2)],
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (
            "لا يزال مصير تسعة أشخاص مجهولاً بعد اختطافهم على يد مسلحين في بادية كباجب.",
            [number("تسعة", 9), place("بادية كباجب", "بادية كباجب", "Deir ez-Zor", 2)],
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            "نظّم العشرات من أهالي البلدة وقفة احتجاجية أمام مقر المجلس المحلي في البصيرة.",
            [place("البصيرة", "البصيرة")],
            ("Protests", "Peaceful protest"),
        ),
    ],
)
def test_type(text: str, mentions: list, expected: tuple[str, str]) -> None:
    doc = run_events(build(text, mentions))
    assert [(e.event_type, e.sub_event_type) for e in doc.events] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # analysis and opinion
        "ويرى مراقبون أن التنظيم سيواصل هجماته على حواجز النظام في البادية.",
        "يبدو أن روسيا تستفيد من استمرار هجمات التنظيم في البادية السورية.",
        # hypothetical, planned, threatened
        "وفي حال شن التنظيم هجوماً على السجن فإن الحراس لن يصمدوا.",
        "وتوعد التنظيم بشن هجوم على سجن الحسكة.",
        "كانت الخلية تعتزم تنفيذ تفجير يستهدف السوق.",
        # negation
        "ولم تسجل أي هجمات في المنطقة منذ أيام.",
        # aggregates
        "وبحسب إحصائية، ارتفع عدد الهجمات منذ مطلع العام إلى ١٣١ هجوماً.",
        # reinforcements
        "وأرسلت قوات النظام تعزيزات عسكرية إلى المنطقة.",
    ],
)
def test_no_event(text: str) -> None:
    doc = run_events(build(text, []))
    assert doc.events == []


def test_vague_reference_gives_no_event() -> None:
    # neither place nor time: "attacks between now and then"
    doc = run_events(build("وقتل عنصر في هجوم مسلح.", []))
    assert doc.events == []


def test_boilerplate_gives_no_event() -> None:
    text = "خبر قصير عن البادية.\nاقرأ أيضاً:\n- مقتل راعٍ بانفجار لغم في بادية الشولا\n"
    doc = run_events(build(text, [place("بادية الشولا", "بادية الشولا", geo=2)]))
    assert doc.events == []


def _P(name: str) -> tuple[str, str, dict[str, object]]:
    return place(name, name)


# -- slots ----------------------------------------------------------------------------


def test_slots_ambush() -> None:
    text = (
        "قُتل ثمانية عناصر من قوات النظام، أمس السبت، إثر كمين نصبته خلايا تنظيم داعش "
        "لرتل عسكري قرب مدينة السخنة."
    )
    doc = run_events(
        build(
            text,
            [
                number("ثمانية", 8),
                actor("قوات النظام", SAA),
                date("أمس السبت", "2021-03-13"),
                actor("تنظيم داعش", ISIS),
                place("السخنة", "السخنة", "Homs"),
            ],
        )
    )
    (ev,) = doc.events
    assert (ev.actor1, ev.actor2) == (ISIS, SAA)
    assert (ev.date, ev.date_precision) == ("2021-03-13", "day")
    assert (ev.location_ar, ev.admin1) == ("السخنة", "Homs")
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (8, 8, None)
    assert ev.certainty == "reported"
    assert ev.evidence == text[ev.evidence_start : ev.evidence_end]
    assert ev.spans["actor1"] == [text.index("تنظيم داعش"), text.index("تنظيم داعش") + 10]


def test_state_force_strikes_isis() -> None:
    text = "شنت الطائرات الروسية غارات على مواقع داعش في جبل البشري."
    doc = run_events(
        build(
            text,
            [
                actor("الطائرات الروسية", RUSSIA),
                actor("داعش", ISIS),
                place("جبل البشري", "جبل البشري", geo=2),
            ],
        )
    )
    (ev,) = doc.events
    assert (ev.actor1, ev.actor2) == (RUSSIA, ISIS)


def test_isis_killed_in_clash_with_sdf() -> None:
    text = "قُتل عنصران من خلية تتبع لتنظيم داعش خلال اشتباكات مع قوات سوريا الديمقراطية في قرية الكرامة."
    doc = run_events(
        build(
            text,
            [
                number("عنصران", 2),
                actor("تنظيم داعش", ISIS),
                actor("قوات سوريا الديمقراطية", SDF),
                place("الكرامة", "الكرامة", "Raqqa"),
            ],
        )
    )
    (ev,) = doc.events
    assert (ev.actor1, ev.actor2, ev.fatalities) == (SDF, ISIS, 2)


@pytest.mark.parametrize(
    ("text", "mentions", "field", "value"),
    [
        ("قُتل راعي أغنام جراء انفجار لغم أرضي قرب بلدة أراك.", [_P("أراك")], "fatalities", 1),
        (
            "استشهد مقاتلان وأصيب ثالث جراء انفجار عبوة ناسفة في بلدة ذيبان.",
            [_P("ذيبان")],
            "injured",
            1,
        ),
        (
            "وكان عنصران قد أصيبا بجروح جراء انفجار عبوة ناسفة في حي النشوة.",
            [_P("النشوة")],
            "injured",
            2,
        ),
        (
            "وكان عنصران قد أصيبا بجروح جراء انفجار عبوة ناسفة في حي النشوة.",
            [_P("النشوة")],
            "fatalities",
            0,
        ),
        (
            "هاجم مسلحون حاجزاً في بلدة حوايج ذيبان دون تسجيل خسائر بشرية.",
            [_P("حوايج ذيبان")],
            "fatalities",
            0,
        ),
        (
            "شنت الطائرات نحو عشرين غارة على منطقة الكوم دون ورود معلومات عن خسائر بشرية.",
            [number("عشرين", 20), _P("الكوم")],
            "fatalities",
            None,
        ),
        (
            "زعم التنظيم مقتل وإصابة أكثر من 15 عنصراً في هجوم على نقطة في بادية معدان.",
            [number("أكثر من 15", 15), _P("بادية معدان")],
            "fatalities",
            None,
        ),
        (
            "اعتقلت الدورية شخصين في حي الجسر بمدينة الميادين.",
            [_P("الميادين")],
            "captured_or_missing",
            2,
        ),
        # the count after the second cue is the wounded, not more dead
        (
            "لقي ثلاثة عناصر من الحرس حتفهم وأصيب اثنان بهجوم على حاجز في بلدة الصور.",
            [number("ثلاثة", 3), _P("الصور")],
            "fatalities_low",
            3,
        ),
        (
            "لقي ثلاثة عناصر من الحرس حتفهم وأصيب اثنان بهجوم على حاجز في بلدة الصور.",
            [number("ثلاثة", 3), _P("الصور")],
            "injured",
            2,
        ),
    ],
)
def test_casualties(text: str, mentions: list, field: str, value: int | None) -> None:
    doc = run_events(build(text, mentions))
    assert len(doc.events) == 1
    assert getattr(doc.events[0], field) == value


def test_conflicting_tolls_keep_every_source() -> None:
    text = (
        "قُتل ثمانية عناصر من قوات النظام إثر كمين قرب السخنة.\n\n"
        "من جانبه، أفاد المرصد السوري لحقوق الإنسان بأن حصيلة القتلى بلغت تسعة عناصر."
    )
    doc = run_events(
        build(
            text,
            [
                number("ثمانية", 8),
                actor("قوات النظام", SAA),
                place("السخنة", "السخنة", "Homs"),
                number("تسعة", 9),
            ],
        )
    )
    (ev,) = doc.events
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (8, 8, 9)
    assert {f["source"] for f in ev.figures} == {None, "المرصد السوري لحقوق الإنسان"}
    assert ev.reported_by == ["المرصد السوري لحقوق الإنسان"]


def test_perpetrators_count_in_fatalities() -> None:
    text = "وأسفرت الاشتباكات في بلدة الصور عن مقتل عنصرين من حراس المركز ومقتل ثلاثة من المهاجمين."
    doc = run_events(
        build(text, [number("عنصرين", 2), number("ثلاثة", 3), place("الصور", "الصور")])
    )
    (ev,) = doc.events
    assert (ev.fatalities, ev.fatalities_low) == (5, 2)


# -- certainty and claims -------------------------------------------------------------


def test_hedged_attribution_is_suspected() -> None:
    text = "قُتل عنصران في هجوم شنّه مسلحون يُعتقد أنهم من خلايا داعش على حاجز قرب بلدة القورية."
    doc = run_events(build(text, [actor("داعش", ISIS), place("القورية", "القورية")]))
    (ev,) = doc.events
    assert (ev.actor1, ev.certainty) == (ISIS, "suspected")


def test_claim_through_amaq() -> None:
    text = (
        "قُتل مختار بلدة الطيانة برصاص مسلحين مجهولين مساء الخميس.\n\n"
        "وتبنى التنظيم العملية عبر وكالة أعماق."
    )
    doc = run_events(
        build(
            text,
            [
                place("الطيانة", "الطيانة"),
                actor("مسلحين مجهولين", "Unidentified Armed Group (Syria)"),
                actor("التنظيم", ISIS),
            ],
        )
    )
    (ev,) = doc.events
    assert (ev.actor1, ev.claimed_by, ev.certainty) == (ISIS, ISIS, "claimed")
    assert "وكالة أعماق" in ev.reported_by


def test_negated_claim_is_no_claim() -> None:
    text = "قُتل عنصر في هجوم على حاجز في بلدة الكسوة، ولم تتبنَّ أي جهة الهجوم."
    doc = run_events(build(text, [place("الكسوة", "الكسوة", "Rural Damascus")]))
    (ev,) = doc.events
    assert ev.claimed_by is None
    assert ev.actor1 == "Unidentified Armed Group (Syria)"


# -- one event per real event ---------------------------------------------------------


def test_later_mentions_merge_into_the_first() -> None:
    text = (
        "هاجمت خلية لداعش مركز احتجاز في بلدة الصور فجر اليوم.\n\n"
        "وقال مصدر إن الهجوم استمر ساعتين وأسفر عن مقتل عنصرين من الحراس.\n\n"
        "ويأتي الهجوم بعد أسبوع من تهديدات التنظيم."
    )
    doc = run_events(
        build(text, [actor("داعش", ISIS), place("الصور", "الصور"), number("عنصرين", 2)])
    )
    (ev,) = doc.events
    assert ev.fatalities == 2
    assert ev.evidence.startswith("هاجمت خلية")


def test_another_incident_is_a_new_event() -> None:
    text = (
        "قُتل عنصر في هجوم على حاجز في بلدة الشحيل.\n\n"
        "وفي حادثة أخرى، قُتل مدني في هجوم على منزله في بلدة الطيانة."
    )
    doc = run_events(build(text, [place("الشحيل", "الشحيل"), place("الطيانة", "الطيانة")]))
    assert [e.location_ar for e in doc.events] == ["الشحيل", "الطيانة"]
    assert doc.events[1].actor2 == CIV


def test_one_event_per_listed_place() -> None:
    text = "شنّ التنظيم هجوماً واسعاً على نقاط عسكرية في مناطق الشولا وكباجب."
    doc = run_events(
        build(
            text,
            [
                actor("التنظيم", ISIS),
                place("الشولا", "الشولا", geo=2),
                place("كباجب", "كباجب", geo=2),
            ],
        )
    )
    assert [e.location_ar for e in doc.events] == ["الشولا", "كباجب"]
    assert doc.events[0].evidence == doc.events[1].evidence
    assert [e.id for e in doc.events] == ["t#1", "t#2"]


def test_obfuscated_name_does_not_split_the_sentence() -> None:
    text = "قُتل عنصران من خلية تتبع لتنظيم د.ا.عش، خلال اشتباكات في قرية الكرامة."
    doc = run_events(build(text, [place("الكرامة", "الكرامة", "Raqqa")]))
    (ev,) = doc.events
    assert ev.evidence == text


def test_count_before_a_plural_verb() -> None:
    text = "قال المرصد إن ثلاثة عناصر من قوات النظام قتلوا بهجوم على موقعهم في بادية الشولا."
    doc = run_events(
        build(text, [number("ثلاثة", 3), actor("قوات النظام", SAA), _P("بادية الشولا")])
    )
    (ev,) = doc.events
    assert ev.fatalities == 3


def test_attacker_announcing_its_own_strike_is_a_claim() -> None:
    us = "Military Forces of the United States (2021-)"
    text = "أعلنت القيادة المركزية الأمريكية مقتل قيادي في التنظيم بغارة جوية قرب بلدة أطمة."
    doc = run_events(build(text, [actor("القيادة المركزية الأمريكية", us), _P("أطمة")]))
    (ev,) = doc.events
    assert (ev.actor1, ev.claimed_by, ev.certainty) == (us, us, "claimed")
    assert ev.fatalities == 1  # an uncontested claim is the only account


def test_ministry_announcing_arrests_reports_them() -> None:
    police = "Police Forces of Syria (2024-)"
    text = "أعلنت وزارة الداخلية اعتقال أربعة أشخاص في مدينة دوما."
    doc = run_events(build(text, [actor("وزارة الداخلية", police), number("أربعة", 4), _P("دوما")]))
    (ev,) = doc.events
    assert (ev.sub_event_type, ev.actor1, ev.certainty) == ("Arrests", police, "reported")
    assert ev.captured_or_missing == 4


def test_another_victim_is_another_event_of_the_same_kind() -> None:
    us = "Military Forces of the United States (2021-)"
    text = (
        "وفي 16 من الشهر نفسه، نفذت القيادة المركزية الأمريكية غارات جوية قتلت 12 عنصراً "
        "من داعش في البادية. وبعد هذا بثلاثة أيام، قُتل قيادي آخر للتنظيم في دير الزور."
    )
    doc = run_events(
        build(
            text,
            [
                date("16 من الشهر نفسه", "2024-12-16"),
                actor("القيادة المركزية الأمريكية", us),
                number("12", 12),
                actor("داعش", ISIS),
                place("البادية", "البادية", None, 3),  # type: ignore[arg-type]
                place("دير الزور", "دير الزور", "Deir ez-Zor", 3),
            ],
        )
    )
    first, second = doc.events
    assert (first.sub_event_type, first.fatalities) == ("Air/drone strike", 12)
    assert (second.sub_event_type, second.actor1, second.fatalities) == ("Air/drone strike", us, 1)
    assert second.location_ar == "دير الزور"


@pytest.mark.parametrize("when", ["وفي صباح اليوم نفسه", "وفي ليل اليوم ذاته"])
def test_same_day_with_a_time_of_day_takes_the_last_events_date(when: str) -> None:
    text = (
        "هاجمت خلايا داعش، أمس، حاجزاً لقوات النظام قرب بلدة السخنة.\n\n"
        f"{when}، شنت الطائرات الحربية الروسية غارات على مواقع التنظيم في بادية السخنة."
    )
    doc = run_events(
        build(
            text,
            [
                actor("خلايا داعش", ISIS),
                date("أمس", "2023-05-01"),
                actor("قوات النظام", SAA),
                place("السخنة", "السخنة", "Homs"),
                actor("الطائرات الحربية الروسية", RUSSIA),
                date("اليوم", "2023-05-02"),
                place("بادية السخنة", "بادية السخنة", "Homs", 2),
            ],
        )
    )
    assert [ev.date for ev in doc.events] == ["2023-05-01", "2023-05-01"]


@pytest.mark.parametrize(
    "detail",
    [
        "وقال أحد السكان إن المهاجمين انسحبوا نحو البادية بعد ساعة.",
        "وأوضحت مصادر أهلية أن الكمين استهدف سيارة عسكرية على الطريق.",
    ],
)
def test_a_sources_toll_after_a_paragraph_of_detail_raises_high(detail: str) -> None:
    text = (
        "قُتل ثمانية عناصر من قوات النظام إثر كمين قرب السخنة.\n\n"
        f"{detail}\n\n"
        "من جهته، أفاد المرصد السوري لحقوق الإنسان بأن حصيلة القتلى بلغت تسعة عناصر."
    )
    doc = run_events(
        build(
            text,
            [
                number("ثمانية", 8),
                actor("قوات النظام", SAA),
                place("السخنة", "السخنة", "Homs"),
                number("تسعة", 9),
            ],
        )
    )
    (ev,) = doc.events
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (8, 8, 9)


@pytest.mark.parametrize(
    "caveat",
    ["ولم يتسنَّ التحقق من هذا الرقم", "ولا يمكن التحقق من ذلك بشكل مستقل"],
)
def test_an_unverified_toll_from_the_attacker_only_raises_high(caveat: str) -> None:
    text = (
        "شنت الطائرات الحربية الروسية غارات على مواقع التنظيم في بادية السخنة.\n\n"
        f"وقالت وزارة الدفاع الروسية إن الغارات أدت إلى مقتل 12 إرهابياً، {caveat}."
    )
    doc = run_events(
        build(
            text,
            [
                actor("الطائرات الحربية الروسية", RUSSIA),
                actor("التنظيم", ISIS),
                place("بادية السخنة", "بادية السخنة", "Homs", 2),
                actor("وزارة الدفاع الروسية", RUSSIA),
                number("12", 12),
            ],
        )
    )
    (ev,) = doc.events
    assert (ev.fatalities, ev.fatalities_low, ev.fatalities_high) == (None, None, 12)


@pytest.mark.parametrize("link", ["وتزامن القصف مع", "وتزامنت الغارات مع"])
def test_an_event_told_as_simultaneous_takes_the_last_events_date(link: str) -> None:
    text = (
        "قصفت الطائرات الروسية، أمس، مواقع التنظيم في بادية السخنة.\n\n"
        f"{link} اشتباكات بين قوات النظام وخلايا داعش قرب بلدة أراك."
    )
    doc = run_events(
        build(
            text,
            [
                actor("الطائرات الروسية", RUSSIA),
                date("أمس", "2023-05-01"),
                actor("التنظيم", ISIS),
                place("بادية السخنة", "بادية السخنة", "Homs", 2),
                actor("قوات النظام", SAA),
                actor("خلايا داعش", ISIS),
                place("أراك", "أراك", "Homs"),
            ],
        )
    )
    assert [ev.date for ev in doc.events] == ["2023-05-01", "2023-05-01"]


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "وأسفر الهجوم على مخفر بلدة الصور عن مقتل أربعة من الحراس وثلاثة من المهاجمين.",
            [number("أربعة", 4), number("ثلاثة", 3), _P("الصور")],
            (7, 4),
        ),
        (
            "قُتل مدنيان بتفجير سيارة مفخخة في سوق بلدة الصور، ما أسفر كذلك عن مقتل الانتحاري.",
            [_P("الصور")],
            (3, 2),
        ),
    ],
)
def test_attackers_killed_without_their_own_cue(
    text: str, mentions: list, expected: tuple[int, int]
) -> None:
    (ev,) = run_events(build(text, mentions)).events
    assert (ev.fatalities, ev.fatalities_low) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "اعتقلت قوات سوريا الديمقراطية خمسة أشخاص في بلدة ذيبان، وضبطت حزاماً ناسفاً بحوزتهم.",
            ("Disrupted weapons use", 5),
        ),
        (
            "اعتقلت قوات سوريا الديمقراطية خمسة أشخاص في بلدة ذيبان، وصادرت سيارة مفخخة كانت معهم.",
            ("Disrupted weapons use", 5),
        ),
        (
            "اعتقلت قوات سوريا الديمقراطية خمسة أشخاص في بلدة ذيبان، وصادرت هواتفهم المحمولة.",
            ("Arrests", 5),
        ),
    ],
)
def test_arrests_with_explosives_seized_are_a_foiled_attack(
    text: str, expected: tuple[str, int]
) -> None:
    mentions = [actor("قوات سوريا الديمقراطية", SDF), number("خمسة", 5), _P("ذيبان")]
    (ev,) = run_events(build(text, mentions)).events
    assert (ev.sub_event_type, ev.captured_or_missing) == expected


@pytest.mark.parametrize(
    "then",
    [
        "وذكرت المصادر أن المهاجمين أحرقوا سيارة عسكرية قبل انسحابهم.",
        "وأضافت المصادر أن المسلحين استولوا على عتاد الحاجز ثم انسحبوا.",
    ],
)
def test_what_the_attackers_took_is_part_of_the_attack(then: str) -> None:
    text = f"قُتل عنصران من قوات النظام بهجوم لخلايا داعش على حاجز قرب بلدة السخنة.\n\n{then}"
    mentions = [actor("قوات النظام", SAA), actor("خلايا داعش", ISIS), _P("السخنة")]
    (ev,) = run_events(build(text, mentions)).events
    assert (ev.sub_event_type, ev.fatalities) == ("Armed clash", 2)
