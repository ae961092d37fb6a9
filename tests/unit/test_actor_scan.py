"""The scan the actors, sources and quotes stages share finds what each matcher finds
alone."""

from __future__ import annotations

import pytest

from hadath.actors import scan
from hadath.actors.lexicon import lexicon
from hadath.actors.sources import lexicon as sources_lexicon
from hadath.quotes.cues import CUES, cue_matchers
from hadath.text.view import normalize

TEXTS = [
    "قالت وكالة رويترز إن قوات النظام قصفت مواقع لتنظيم داعش في ريف دير الزور.",
    "وأفاد المرصد السوري لحقوق الإنسان بمقتل عناصر من قسد والجيش الوطني في منبج.",
    "ذكرت مصادر محلية لـ“بادية الشام” أن الحكومة السورية الجديدة أرسلت تعزيزات إلى السويداء.",
    "نقلت وكالة الأنباء السعودية (واس) عن التحالف أن الحوثيين أطلقوا صاروخاً على جازان.",
    "وأضاف المتحدث: “سنرد”، بحسب مصادر محلية، وفقاً لما نقلته قناة الجزيرة عن الوزير.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_scan_equals_each_matcher(text: str) -> None:
    view = normalize(text)
    found = scan.hits(view)
    actors = lexicon()
    assert found["actors"] == actors.matcher.find(view)
    assert found["cues"] == actors.cues.find(view)
    assert found["countries"] == actors.countries.find(view)
    assert found["sources"] == sources_lexicon().matcher.find(view)
    for cat in CUES:
        assert found[cat] == cue_matchers()[cat].find(view), cat
    assert scan.hits(view) is found  # the second stage reads the first one's scan
