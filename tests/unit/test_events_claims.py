"""Claims of responsibility: a negated claim is no claim, however far the negation."""

from __future__ import annotations

import pytest

import hadath

BASE = (
    "قتل ستة جنود من قوات النظام يوم الأحد إثر هجوم نفذه مسلحون من تنظيم داعش "
    "على موقع عسكري شرقي بلدة القريتين بريف حمص الشرقي.\n"
)


@pytest.mark.parametrize(
    ("claim_sentence", "claimed"),
    [
        ("ولم يصدر عن التنظيم أي بيان يتبنى فيه الهجوم حتى الآن.", False),
        ("ولم تتبنَّ أي جهة الهجوم.", False),
        ("وتبنى تنظيم داعش الهجوم عبر وكالة أعماق.", True),
    ],
)
def test_claims(claim_sentence: str, claimed: bool) -> None:
    doc = hadath.extract(BASE + claim_sentence + "\n", pub_date="2022-11-07")
    [event] = [e for e in doc.events if e.sub_event_type == "Armed clash"]
    assert (event.claimed_by is not None) is claimed
    # the outlet names the attacker itself, so the attribution is reported, claim or not
    assert event.certainty == "reported"
