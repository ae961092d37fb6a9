"""Reading roles and names off the tokens of a sentence.

Works on the normalised view: a :class:`Sentence` holds its tokens (words and single
punctuation marks, view offsets) and tags itself with the CRF only when asked. The
readers return token ranges; the stage maps them back to the original text.

Arabic writes "TITLE [modifiers] [complement] [،] NAME": "الكاتب والصحفي السوري أحمد
مظهر سعدو", "الباحث لدى معهد الشرق الأوسط في واشنطن، تشارلز ليستر", "المتحدثة الإقليمية
للخارجية الأميركية، جيرالدين غريفث". Where no comma marks the end of the role, the
name starts at the first word that is neither a modifier, a preposition, the object of
one, nor a word with the article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from hadath.ner import tagger
from hadath.ner.cues import Cues
from hadath.ner.features import TOKEN_RE
from hadath.text.segment import split_proclitics

SEPARATORS = frozenset("،,؛;:-–—")
QUOTE = '"'
# words that join the parts of a name: عبد الكريم, أبو بكر, بن لادن
CONNECTORS = frozenset({"عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ام"})
MAX_NAME = 4
MAX_QUOTED_NAME = 5
MAX_COMPLEMENT = 10


_split = lru_cache(maxsize=65536)(split_proclitics)


@dataclass(frozen=True, slots=True)
class Tok:
    start: int  # view offsets
    end: int
    text: str
    prefix: str
    base: str

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def definite(self) -> bool:
        """Carries the article: الشرق, للخارجية, بالمدينة."""
        return self.base.startswith("ال") or self.prefix in ("ال", "وال", "بال", "فال", "كال")


def is_nisba(tok: Tok) -> bool:
    """An adjective of origin or function with the article: السوري, الإقليمية."""
    return tok.definite and (tok.base.endswith("ي") or tok.base.endswith("يه"))


@dataclass
class Sentence:
    """The tokens of one sentence of the view, tagged by the CRF on demand."""

    toks: list[Tok]
    _tags: list[str] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, view_text: str, start: int, end: int) -> Sentence:
        toks = []
        for m in TOKEN_RE.finditer(view_text, start, end):
            prefix, base = _split(m.group())
            toks.append(Tok(m.start(), m.end(), m.group(), prefix, base))
        return cls(toks)

    @property
    def tags(self) -> list[str]:
        if self._tags is None:
            self._tags = tagger.tag([t.text for t in self.toks])
        return self._tags

    @property
    def tagged(self) -> bool:
        return self._tags is not None

    def index_at(self, pos: int) -> int | None:
        """The token starting at or containing view offset ``pos``."""
        for i, t in enumerate(self.toks):
            if t.end > pos:
                return i
        return None

    def index_after(self, pos: int) -> int:
        """The first token starting at or after view offset ``pos``."""
        for i, t in enumerate(self.toks):
            if t.start >= pos:
                return i
        return len(self.toks)


def _stop(tok: Tok, cues: Cues, titles: bool = True) -> bool:
    """A word that cannot be in a name; ``titles``: titles count too (they end a name
    but may stand inside a role: "قائد المجموعة المسؤولة عن النقطة")."""
    return (
        tok.text in cues.stops
        or (tok.prefix in ("و", "ف") and tok.base in cues.stops)
        or (titles and tok.text in cues.title_words)
        or any(c.isdigit() for c in tok.text)
    )


def read_role(
    sent: Sentence, i: int, cues: Cues, orgs: Sequence[tuple[int, int]], construct: bool
) -> int:
    """The end (token index) of the role that starts after a title ending at ``i``.

    ``construct``: the title is indefinite (قائد, وزير), so the words after it are its
    complement (قائد المجموعة, وزير الخارجية) rather than a name. ``orgs`` are token
    ranges of organisations, taken whole ("في معهد "نيولاينز"").
    """
    toks = sent.toks
    n = len(toks)
    # modifiers: والصحفي, السوري, الإقليمية, أول
    while i < n and toks[i].is_word and (toks[i].text in cues.modifiers or is_nisba(toks[i])):
        i += 1
    taken = 0
    after_prep = construct
    while i < n and taken < MAX_COMPLEMENT:
        org = next((e for s, e in orgs if s == i), None)
        if org is not None:
            i, taken, after_prep = org, taken + (org - i), False
            continue
        tok = toks[i]
        if not tok.is_word:
            break
        if tok.text in cues.prepositions:
            after_prep = True
        elif after_prep or tok.definite or tok.base in ("شؤون", "شوون"):
            if not after_prep and _stop(tok, cues, titles=False):
                break
            after_prep = False
        else:
            break
        i += 1
        taken += 1
    return i


def read_name(
    sent: Sentence, i: int, cues: Cues, *, trust_form: bool = True
) -> tuple[int, int] | None:
    """The token range of a person's name starting at ``i``, or None.

    A quoted name is taken whole. Otherwise words are read up to a stop word, a
    punctuation mark or ``MAX_NAME`` words; the CRF decides single words and words it
    tags as places or organisations. ``trust_form``: a run of two or more plain words
    after a title is accepted as a name without the CRF.
    """
    toks = sent.toks
    n = len(toks)
    if i >= n:
        return None
    if toks[i].text == QUOTE:
        j = i + 1
        while j < n and toks[j].text != QUOTE and j - i <= MAX_QUOTED_NAME:
            j += 1
        inner = toks[i + 1 : j]
        closed = j < n and toks[j].text == QUOTE and bool(inner)
        if closed and all(t.is_word and not _stop(t, cues) and not _common(t, cues) for t in inner):
            return i + 1, j
        return None
    j = i
    while j < n and j - i < MAX_NAME and toks[j].is_word and not _stop(toks[j], cues, titles=False):
        if toks[j].text in cues.title_words and j > i:
            # a title ends the name ("... قائد"), unless it is the surname (فادي الخطيب)
            last = j + 1 >= n or not toks[j + 1].is_word or _stop(toks[j + 1], cues)
            if not last:
                break
        j += 1
    if j == i:
        return None
    first = toks[i]
    if first.definite and first.base not in CONNECTORS:
        return None
    # a preposition's object ("لعمليات التنظيم", "بريف دير الزور"), not ليلى منصور
    governed = first.prefix in ("ل", "ب") and first.base in cues.common
    if governed and any(_common(t, cues) for t in toks[i + 1 : j]):
        return None
    # a trailing connector (أبو, عبد) is not a name's end
    while j > i and toks[j - 1].text in CONNECTORS:
        j -= 1
    if j == i:
        return None
    tags = sent.tags
    if tags[i].endswith("PERS"):
        k = i + 1
        while k < j and tags[k] == "I-PERS":
            k += 1
        # past the CRF's end, plain words still count after a title ("أحمد مظهر سعدو")
        while trust_form and k < j and not _common(toks[k], cues):
            k += 1
        return i, k
    if not trust_form and tags[i].endswith(("LOC", "ORG")):
        return None
    # family names may be common words (العمر, الحسن), given names and the rest not
    if trust_form and j - i >= 2:
        final = toks[j - 1]
        inner = toks[i : j - 1] if final.definite else toks[i:j]
        if not any(_common(t, cues) for t in inner):
            return i, j
    return None


def _common(tok: Tok, cues: Cues) -> bool:
    # the word as written: split forms mislead (فراس is not ف + راس)
    return tok.text in cues.common
