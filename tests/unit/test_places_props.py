"""Properties of the places stage on arbitrary text: no crash, offsets into the text."""

from __future__ import annotations

from itertools import product
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hadath.document import Document
from hadath.gazetteer.grammar import Cue, Grammar, grammar
from hadath.gazetteer.store import load, norm
from hadath.pipeline import run
from hadath.settings import Settings

STAGES = ("boilerplate", "normalize", "segment", "places")
SETTINGS = Settings.load().replace(stages=STAGES)

# Arabic words of place expressions mixed with marks, digits, hashtags and punctuation
WORDS = st.sampled_from(
    [
        "في", "بريف", "ريف", "بادية", "دير", "الزور", "الشرقي", "غربي", "تدمر", "بنحو", "3",
        "٣", "كم", "طريق", "-", "–", "حمص", "#جبل_البشري", "قرية", "الطيبة", "بلدة", "حي",
        "الجسر", "بمدينة", "الميادين", "و", "\n", "،", ".", "\u064e", "ـ", "د.ا.عش", "²",
        "قريتي", "معرستي", "وماير", "بريف", "حلب", "سجن", "الصناعة", "«", "»", '"', "لـ",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(WORDS, max_size=40), st.text(max_size=20))
def test_offsets_are_valid(words: list[str], noise: str) -> None:
    text = " ".join(words) + noise
    doc = run(Document(text), SETTINGS)
    for m in doc.mentions_of("place"):
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.get("geo_precision") in (1, 2, 3)
        assert m.get("latitude") is not None and m.get("longitude") is not None


def _cue_forms() -> list[str]:
    """Every cue word of regions.yaml, read from the data (not from the tests' subject)."""
    rules = load().rules
    words: set[str] = set()
    for section in ("type_cues", "directions", "area_directions"):
        words.update(rules[section])
    for section in ("near_cues", "road_words", "road_between", "weak_cues", "media_words"):
        words.update(rules[section])
    words.update(rules.get("org_words", []))
    for spec in rules["area_words"].values():
        words.update(spec["forms"])
    return sorted(norm(w) for w in words)


def _cue_words() -> list[str]:
    words = {w for form in _cue_forms() for w in form.split()}
    return sorted(words | {"3", "كم", "بنحو", "X", "ال", "ب", "و", "مسجد", "حلب"})


def _cues(g: Grammar) -> list[Cue]:
    return [
        g.type_word, g.area_word, g.near_word, g.direction, g.road_word, g.road_between,
        g.weak_word, g.media_word, g.org_word, g.area_of,
    ]  # fmt: skip


_CLITIC = st.sampled_from(["", "", "", "و", "ب", "ل", "وب", "فل", "ال", "x"])
_SPACE = st.sampled_from([" ", " ", "  ", "\u00a0", "\u2003", "\t", "\n", "", "،", "-"])


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.tuples(_CLITIC, st.sampled_from(_cue_words()), _SPACE), max_size=5),
    st.tuples(_CLITIC, st.sampled_from(_cue_forms())),
    st.lists(st.sampled_from(_cue_words()), max_size=1),
    st.sampled_from([" ", "  ", "\u00a0", "", "\n", " \n"]),
)
def test_cue_prefilter_is_a_superset(
    parts: list[tuple[str, str, str]], cue: tuple[str, str], extra: list[str], end: str
) -> None:
    """Wherever a cue regex matches, its cheap test passes, and the test of all cues at
    once (CueIndex) says for every cue what its own test says."""
    words = "".join(c + w + s for c, w, s in parts) + cue[0] + cue[1]
    before = " ".join([words, *extra]) + end
    g = grammar()
    possible = g.cue_index.possible(before)
    for cue in _cues(g):
        if cue.pattern.search(before):
            assert cue.end.may_match(before), (cue.pattern.pattern[:60], before)
        assert (cue in possible) == cue.end.may_match(before), (cue.pattern.pattern[:60], before)


def test_cue_prefilter_passes_every_cue_form() -> None:
    """Each cue form, glued to a clitic, with a number before it and maybe one more word
    after: the cheap tests pass wherever the regex matches (fails if a form is dropped)."""
    g = grammar()
    matched = 0
    for form in _cue_forms():
        for lead, clitic in product(("على بعد 3 كم ", "الريف ", "والبادية "), ("", "و", "ب")):
            for after, end in product(("", " مسجد", " الشرقي"), (" ", "\u00a0", "  ")):
                before = f"{lead}{clitic}{form}{after}{end}"
                for cue in _cues(g):
                    if cue.pattern.search(before):
                        matched += 1
                        assert cue.end.may_match(before), (form, before)
                        assert cue in g.cue_index.possible(before), (form, before)
    assert matched > len(_cue_forms())  # the contexts really exercise the regexes


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from(_cue_forms()), max_size=2),
    st.sampled_from(["", "ي", "ه", "x", " ", "في"]),
    st.sampled_from(_cue_forms()),
    st.booleans(),
)
def test_grouped_endings_equal_endswith(
    heads: list[str], tail: str, form: str, with_empty: bool
) -> None:
    """CueEnd.ends, which tries only the endings sharing the text's last letter, says
    what str.endswith over all of them says (an empty ending included)."""
    from hadath.gazetteer.grammar import CueEnd

    endings = (*_cue_forms(), *([""] if with_empty else []))
    for text in ("".join(heads) + form + tail, form[1:], form[:-1] + tail, tail, ""):
        assert CueEnd(endings).ends(text) == text.endswith(endings), text


def _metadata_outlet_reference(text: str, start: int, end: int) -> bool:
    """_metadata_outlet as first written: it sliced the whole line before any test."""
    import re

    from hadath.gazetteer.grammar import clean
    from hadath.stages.places import _DATE_DIGITS, _META_MAX, _SEPARATORS

    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    line = text[ls : le if le >= 0 else len(text)]
    if len(line) > _META_MAX or not _DATE_DIGITS.search(line) or line.rstrip().endswith("."):
        return False
    if "|" not in line and len(re.findall(r"\s[–—-]\s", line)) < 2:
        return False
    pos = 0
    for part in _SEPARATORS.split(line):
        at = line.find(part, pos)
        if at <= start - ls < at + len(part):
            return clean(part).strip(' "') != clean(text[start:end])
        pos = at + len(part)
    return False


# dateline pieces, with runs long enough to put a line on either side of _META_MAX
LINE_PARTS = st.sampled_from(
    ["حمص", " – ", " | ", "منصة بادية الشام", "12", "\n", ".", " ", "ا" * 40, "ب" * 75, "-"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(LINE_PARTS, min_size=1, max_size=12), st.data())
def test_metadata_outlet_bounded_search(parts: list[str], data: st.DataObject) -> None:
    """Looking for the line's ends only _META_MAX around the name decides as before."""
    _check_metadata_outlet(
        parts, data.draw(st.integers(0, 10**6)), data.draw(st.integers(1, 10**6))
    )


def test_metadata_outlet_dateline_at_the_limit() -> None:
    """A dateline of exactly _META_MAX characters after another line, the name at its end."""
    from hadath.stages.places import _META_MAX, _metadata_outlet

    head, tail = "12 | ", " | منصة حمص"
    line = head + "ا" * (_META_MAX - len(head) - len(tail)) + tail
    text = "ب" * 20 + "\n" + line + "\nبببب"
    start = text.index("حمص")
    assert _metadata_outlet(text, start, start + 3) is True
    assert _metadata_outlet(text + "ا", start, start + 3) is True
    assert _metadata_outlet(text.replace(line, line + "ا"), start, start + 3) is False
    assert _metadata_outlet_reference(text, start, start + 3) is True


def _check_metadata_outlet(parts: list[str], at: int, size: int) -> None:
    from hadath.stages.places import _metadata_outlet

    text = "".join(parts)
    start = at % len(text)
    end = start + 1 + size % (len(text) - start)
    assert _metadata_outlet(text, start, end) == _metadata_outlet_reference(text, start, end)


# common words (stoplist), with and without strong cues, in datelines and quoted outlets
OUTLET_WORDS = st.sampled_from(
    [
        "الحرية", "النصر", "عين", "الكرامة", "قرية", "بلدة", "مدينة", "حي", "جديدة", "في",
        "حمص", "تدمر", "#الحرية", "لـ", '"', " | ", " – ", "12", "\n", ".", "،", "و", "ريف",
        "طريق", "-", "بادية", "الشام", "منصة", "عن",
    ]
)  # fmt: skip
_BEFORE_PLACES = Settings.load().replace(stages=("boilerplate", "normalize", "segment"))


def _mark_reference(doc: Document, exps: list[Any]) -> list[Any]:
    """_mark as first written: both outlet checks for every body expression."""
    from hadath.stages.places import _metadata_outlet, _quoted_outlet

    assert doc.view is not None
    body = []
    for exp in exps:
        s, e = doc.view.to_original(exp.start, exp.end)
        ns, _ = doc.view.to_original(exp.name_start - len(exp.prefix), exp.name_end)
        exp.hashtag = ns > 0 and doc.text[ns - 1] == "#"
        if any(r.overlaps(s, e) for r in doc.regions):
            continue
        if _metadata_outlet(doc.text, s, e) or _quoted_outlet(doc.view.text, exp):
            exp.media = True
        body.append(exp)
    return body


@settings(max_examples=300, deadline=None)
@given(st.lists(OUTLET_WORDS, max_size=30))
def test_outlet_checks_skipped_only_for_rejected(words: list[str]) -> None:
    """_mark skips the outlet checks of an expression _accept rejects anyway: the same
    expressions are accepted as with every check made (fails if _rejected_keys takes
    a name that a solid expression elsewhere, or its own cue, would let through)."""
    from hadath.gazetteer.expressions import find
    from hadath.stages.places import _accept, _mark, _rejected_keys

    doc = run(Document(" ".join(words)), _BEFORE_PLACES)
    assert doc.view is not None
    gz = load()
    body, _ = _mark(doc, doc.view, find(doc.view.text), gz)
    reference = _mark_reference(doc, find(doc.view.text))
    spans = [(e.start, e.end) for e in _accept(body, gz)]
    assert spans == [(e.start, e.end) for e in _accept(reference, gz)]
    # and a rejected one stays rejected whatever the outlet checks would have said
    rejected = _rejected_keys(body, gz)
    for exp in body:
        if exp.key in rejected:
            exp.media = False
            assert exp not in _accept(body, gz)


def test_key_tables_match_the_per_expression_tests() -> None:
    """stop_keys, curated_keys and key_places say for each entry key what the stage
    once computed for each expression from the stoplist and from the key's places."""
    from hadath.gazetteer.store import EXCLUDE

    gz = load()
    for forms in gz.matcher.forms.values():
        for _, key, values in forms:
            stop = key not in gz.always and (
                key in gz.stoplist
                or ("ال" + key) in gz.stoplist
                or key.removeprefix("ال") in gz.stoplist
            )
            assert (key in gz.stop_keys) == stop, key
            if EXCLUDE not in values:
                curated = any(gz.places[i].curated for i in values)
                assert (key in gz.curated_keys) == curated, key
            # key_places: what find() once computed from each hit's own values (every
            # form of a key, the لل one included, must give the same)
            places = None if EXCLUDE in values else tuple(dict.fromkeys(values))
            assert gz.key_places[key] == places, key


def _join_reference(exps: list[Any], view: str) -> None:
    """_join as first written: on a copy of each gap."""
    import re

    from hadath.gazetteer.expressions import _BETWEEN_JOIN, _CONTAINER_GAP, _ROAD_JOIN

    list_join = re.compile(r"\s*[،,]?\s*و?\s*")
    for i, exp in enumerate(exps[:-1]):
        nxt = exps[i + 1]
        gap = view[exp.end : nxt.name_start - len(nxt.prefix)]
        if exp.road and exp.road_to is None and not nxt.road:
            joiner = _BETWEEN_JOIN if exp.road_between else _ROAD_JOIN
            glued = nxt.prefix == "و" and exp.road_between and not gap.strip()
            if glued or (joiner.fullmatch(gap) and not nxt.area and nxt.bearing is None):
                exp.road_to = nxt
                exp.end = nxt.end
                nxt.joined = True
                continue
        if (nxt.prefix.startswith("و") or "و" in gap) and list_join.fullmatch(gap):
            nxt.in_list = True
        if _CONTAINER_GAP.fullmatch(view[exp.end : nxt.start]):
            exp.container = nxt


# names, and what may stand between two names: road, list and container words
JOIN_WORDS = st.sampled_from(
    [
        "حمص", "تدمر", "حلب", "الطيبة", "الحرية", "دير", "الزور", "طريق", "الطريق", "بين",
        "-", "و", "وتدمر", "،", ",", "في", "بريف", "ضمن", "داخل", "بمدينة", "قرية", "\n",
        "الشرقي", "غربي", "3", "كم", "بنحو", "  ",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(JOIN_WORDS, max_size=30), st.sampled_from([" ", "", "  "]))
def test_join_in_place_equals_gap_copies(words: list[str], sep: str) -> None:
    """_join, matching the gaps in place (pos, endpos), notes the same roads, lists and
    containers as on copies of the gaps (fails if an empty or reversed gap differs)."""
    from hadath.gazetteer.expressions import _expression, _join
    from hadath.gazetteer.grammar import grammar
    from hadath.text.view import normalize

    view = normalize(sep.join(words))
    gz, g = load(), grammar()
    hits = [h for h in gz.matcher.find(view) if gz.key_places[h.key] is not None]
    ours = [_expression(h, gz.key_places[h.key] or (), view, g) for h in hits]
    theirs = [_expression(h, gz.key_places[h.key] or (), view, g) for h in hits]
    _join(ours, view)
    _join_reference(theirs, view)

    def summary(exps: list[Any]) -> list[tuple[Any, ...]]:
        at = {id(e): i for i, e in enumerate(exps)}
        return [
            (e.start, e.end, e.in_list, e.joined, at.get(id(e.container)), at.get(id(e.road_to)))
            for e in exps
        ]

    assert summary(ours) == summary(theirs)


# common words, names glued to a clitic (وزارة = و + زارة), towns, hand-written areas,
# organisations and foreign places (no places of their own), and every kind of cue
# word, solid or not, near or far from the names
PREFILTER_WORDS = st.sampled_from(
    [
        "الكرامة", "الحرية", "الطيبة", "الصور", "ادم", "وزارة", "وعيدة", "ورميل", "وكري",
        "والدي", "لزارة", "بزارة", "زارة", "عيدة", "حمص", "وحمص", "البادية", "قرية", "بلدة",
        "مدينة", "مدن", "قرى", "ريف", "بادية", "البادية", "الريف", "الشرقي", "محافظة", "مخيم",
        "ناحية", "منطقة", "قرب", "في", "طريق", "غربي", "و", "ل", "#", "#الحرية", "\n", "،",
        "ا" * 30, "كلمة", "في زارة", "زارة وعيدة", "في حمص", "قرية الكرامة",
        "حيفا", "جبهة النصرة", "قوات سوريا الديمقراطية", "سوريا", "الرياض",
    ]
)  # fmt: skip


def _accepted_reference(doc: Document) -> list[Any]:
    """What _accept takes, every expression built (as run does without the pre-filter)."""
    from hadath.gazetteer.expressions import find
    from hadath.stages.places import _accept, _mark

    assert doc.view is not None
    body, _ = _mark(doc, doc.view, find(doc.view.text), load())
    return _accept(body, load())


def _may_accept(doc: Document) -> bool:
    from hadath.stages.places import _may_accept as may_accept

    assert doc.view is not None
    candidates = list(load().matcher.candidates(doc.view.text))  # as run() passes them
    return may_accept(doc, doc.view, candidates, load())


@settings(max_examples=600, deadline=None)
@given(st.lists(PREFILTER_WORDS, max_size=12), st.sampled_from([" ", "", "  "]))
def test_prefilter_never_skips_an_accepted_name(words: list[str], sep: str) -> None:
    """run skips a document when _may_accept says _accept takes nothing: wherever _accept
    takes a name, _may_accept must say so (fails if the test of inert names, of solid
    cues or of their window were narrowed)."""
    doc = run(Document(sep.join(words)), _BEFORE_PLACES)
    if _accepted_reference(doc):
        assert _may_accept(doc), doc.text


def _solid_cue_forms() -> list[str]:
    """The solid type words and area words of regions.yaml, read from the data."""
    from hadath.stages.places import _SOLID_TYPES

    rules = load().rules
    forms = [w for w, kind in rules["type_cues"].items() if kind in _SOLID_TYPES]
    forms += [f for spec in rules["area_words"].values() for f in spec["forms"]]
    return sorted({norm(f) for f in forms})


@pytest.mark.parametrize("form", _solid_cue_forms())
def test_prefilter_sees_every_solid_cue(form: str) -> None:
    """A common word after each solid cue word (and after an "area of" phrase built on
    each area word) is accepted, and _may_accept lets its document through (fails if a
    cue word were left out of _solid_cue)."""
    filler = "كلمة " * 8  # the cue near the end of a window of other text
    longest = max(grammar().adjective_bearings, key=lambda a: len(a.split()))
    contexts = (
        f"{form} الكرامة",
        f"{form}  بلدة الكرامة",
        f"ال{form} الشرقي لالكرامة",
        # an "area of" phrase before a type word that is no solid cue itself: the area
        # word then the most words _solid_cue allows after it
        f"ال{form} {longest} لمنطقة الكرامة",
    )
    accepted = 0
    for text in (filler + context for context in contexts):
        doc = run(Document(text), _BEFORE_PLACES)
        if _accepted_reference(doc):
            accepted += 1
            assert _may_accept(doc), text
    assert accepted  # the contexts really make the common word a place
