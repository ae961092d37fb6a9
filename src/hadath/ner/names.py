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

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import NamedTuple, cast, overload

from hadath.ner import tagger
from hadath.ner.cues import Cues
from hadath.ner.features import TOKEN_SPLIT_RE
from hadath.text.segment import split_proclitics, split_tokens

SEPARATORS = frozenset("،,؛;:-–—")
# view forms that are a name or a preposition, and how the preposition is written
FOLDED: dict[str, tuple[str, ...]] = {"علي": ("على",), "الي": ("إلى", "الى")}
# pronoun suffixes: a word carrying one is no name ("قراءتها", "تحفزها")
PRONOUN_SUFFIXES = ("ها", "هم", "هما", "هن", "كم")
QUOTE = '"'
# words that join the parts of a name: عبد الكريم, أبو بكر, بن لادن
CONNECTORS = frozenset({"عبد", "ابو", "ابي", "بن", "ابن", "بنت", "ام"})
MAX_NAME = 4
MAX_QUOTED_NAME = 5
MAX_COMPLEMENT = 10


class Tok(NamedTuple):
    """A word or a mark; a tuple because sentences make thousands of them."""

    start: int  # view offsets
    end: int
    text: str
    prefix: str
    base: str
    # a preposition the view folded into a name: على reads علي (Ali) once ى is folded
    prep: bool = False

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


# words repeat across a corpus: the parts of each distinct word are found once
@lru_cache(maxsize=1 << 17)
def _word_form(word: str) -> tuple[str, str, tuple[str, ...]]:
    """``(prefix, base, folded)``: the proclitics split off, and how the word is written
    when it is a preposition the view folded (``FOLDED``), else ()."""
    prefix, base = split_proclitics(word)
    folded = FOLDED.get(word) or (FOLDED.get(base, ()) if prefix in ("و", "ف") else ())
    return prefix, base, folded


class ViewTokens:
    """The tokens of a stretch of the view (a sentence), made into :class:`Tok` on first
    access and shared by every window read in it: a role and a name use a dozen words
    of a sentence, so most words need only offsets."""

    def __init__(
        self,
        view_text: str,
        start: int,
        end: int,
        raw: Callable[[int, int], str] | None = None,
    ) -> None:
        self.view_text = view_text
        self.start, self.end = start, end
        self.words, self.starts, self.ends = split_tokens(TOKEN_SPLIT_RE, view_text, start, end)
        self._raw = raw
        self.made: list[Tok | None] = [None] * len(self.words)

    def tok(self, i: int) -> Tok:
        """Token ``i``, made on first access."""
        tok = self.made[i]
        if tok is None:
            start, end, word = self.starts[i], self.ends[i], self.words[i]
            prefix, base, folded = _word_form(word)
            raw = self._raw
            prep = bool(folded) and raw is not None and raw(start, end).endswith(folded)
            # the tuple itself: Tok(...) goes through a Python-level __new__
            tok = self.made[i] = tuple.__new__(Tok, (start, end, word, prefix, base, prep))
        return tok

    def window(self, start: int, end: int) -> _Toks:
        """The tokens of ``view_text[start:end]``, a stretch inside this one."""
        if start == self.start and end == self.end:
            return _Toks(self, 0, len(self.words))
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        # a word cut by an edge of the window is a shorter word there: tokenise anew
        cut_before = lo > 0 and self.ends[lo - 1] > start
        cut_after = hi > lo and self.ends[hi - 1] > end
        if cut_before or cut_after:
            return ViewTokens(self.view_text, start, end, self._raw).window(start, end)
        return _Toks(self, lo, hi)


class _Toks(Sequence[Tok]):
    """Tokens ``lo..hi`` of a :class:`ViewTokens`, indexed from 0."""

    def __init__(self, tokens: ViewTokens, lo: int, hi: int) -> None:
        self._tokens = tokens
        self._lo = lo
        self._n = hi - lo
        # the tokens read so far; a list indexes (and fails) as the sequence must
        self._seen: list[Tok | None]
        if lo == 0 and hi == len(tokens.words):  # all of them: nothing to copy
            self.starts, self.ends, self._seen = tokens.starts, tokens.ends, tokens.made
        else:
            self.starts = tokens.starts[lo:hi]
            self.ends = tokens.ends[lo:hi]
            self._seen = [None] * self._n

    def __len__(self) -> int:
        return self._n

    @overload
    def __getitem__(self, index: int) -> Tok: ...
    @overload
    def __getitem__(self, index: slice) -> list[Tok]: ...
    def __getitem__(self, index: int | slice) -> Tok | list[Tok]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._n))]
        tok = self._seen[index]
        if tok is None:
            tok = self._seen[index] = self._tokens.tok(self._lo + index % self._n)
        return tok

    def words(self, lo: int, hi: int) -> list[str]:
        lo, hi, _ = slice(lo, hi).indices(self._n)
        return self._tokens.words[self._lo + lo : self._lo + max(lo, hi)]


class _Stretch:
    """Words the CRF tags together, tagged when one of their tags is first read: a
    reader often stops before it needs them (the name would start with the article)."""

    __slots__ = ("_tags", "_words")

    def __init__(self, words: list[str]) -> None:
        self._words = words
        self._tags: list[str] | None = None

    def tag(self, i: int) -> str:
        if self._tags is None:
            self._tags = tagger.tag(self._words)
        return self._tags[i]


@dataclass
class Sentence:
    """The tokens of one sentence of the view, tagged by the CRF on demand."""

    toks: _Toks
    # token -> the stretch that tags it (None: none yet), and its place there; two
    # lists rather than a list of pairs: no tuple made per token and stretch
    _stretches: list[_Stretch | None] = field(init=False, repr=False)
    _places: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._stretches = [None] * len(self.toks)
        self._places = [0] * len(self.toks)

    @classmethod
    def of(
        cls, view_text: str, start: int, end: int, raw: Callable[[int, int], str] | None = None
    ) -> Sentence:
        """Tokens of ``view_text[start:end]``; ``raw`` gives the original text of a view
        span, to tell the folded prepositions (على, إلى) from names."""
        return cls(ViewTokens(view_text, start, end, raw).window(start, end))

    def _cover(self, lo: int, hi: int) -> tuple[int, int]:
        """Give tokens ``lo..hi`` their tags, as a stretch with a little context on each
        side when one lacks it (the tags themselves come when read); returns ``lo..hi``
        clipped to the sentence. Which stretch tags a token depends on the order of the
        calls, as it did when every stretch was tagged at once: a token's tag is that
        of the last stretch read for it, or of the first one it was context in."""
        lo = max(0, lo)
        hi = max(lo, min(len(self.toks), hi))  # a slice would read a negative end
        stretches = self._stretches
        if None in stretches[lo:hi]:
            a, b = max(0, lo - 2), min(len(self.toks), hi + 2)
            stretch = _Stretch(self.toks.words(a, b))
            places = self._places
            for k in range(a, b):
                if stretches[k] is None or lo <= k < hi:
                    stretches[k] = stretch
                    places[k] = k - a
        return lo, hi

    def tags(self, lo: int, hi: int) -> list[str]:
        """CRF tags of tokens ``lo..hi``: the model looks two words around, and tagging
        only where a name may stand keeps the cost per document low."""
        lo, hi = self._cover(lo, hi)
        # every token in lo..hi has its stretch now (a string cast: no alias made)
        stretches = cast("list[_Stretch]", self._stretches[lo:hi])
        return [stretch.tag(i) for stretch, i in zip(stretches, self._places[lo:hi], strict=True)]

    def fix_tag(self, k: int) -> None:
        """Decide now which stretch tags token ``k``, as :meth:`tag_later` does, for a
        reader that may read the tag later with :meth:`tag_at`."""
        if self._stretches[k] is None:
            self._cover(k, k + 1)

    def tag_at(self, k: int) -> str:
        """The tag of token ``k`` from the stretch it has now (see :meth:`fix_tag`; a
        later :meth:`tags` may give it another)."""
        stretch = self._stretches[k]
        assert stretch is not None, "fix_tag first"
        return stretch.tag(self._places[k])

    def tag_later(self, k: int) -> Callable[[], str]:
        """The tag of token ``k`` as :meth:`tags` gives it now, computed when called."""
        if not 0 <= k < len(self.toks):
            raise IndexError(k)
        self.fix_tag(k)
        stretch = self._stretches[k]
        assert stretch is not None
        return partial(stretch.tag, self._places[k])

    def index_at(self, pos: int) -> int | None:
        """The token starting at or containing view offset ``pos``."""
        i = bisect.bisect_right(self.toks.ends, pos)
        return i if i < len(self.toks) else None

    def index_after(self, pos: int) -> int:
        """The first token starting at or after view offset ``pos``."""
        return bisect.bisect_left(self.toks.starts, pos)


def _stop(tok: Tok, cues: Cues, titles: bool = True) -> bool:
    """A word that cannot be in a name; ``titles``: titles count too (they end a name
    but may stand inside a role: "قائد المجموعة المسؤولة عن النقطة")."""
    return (
        tok.prep
        or tok.text in cues.stops
        or (tok.prefix in ("و", "ف") and tok.base in cues.stops)
        or (titles and tok.text in cues.title_words)
        or _has_digit(tok.text)
    )


def _has_digit(text: str) -> bool:
    # a word of letters only holds no digit (no character is both): most words
    return not text.isalpha() and any(c.isdigit() for c in text)


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
    start = i
    while i < n:
        tok = toks[i]
        if not (tok.is_word and (tok.text in cues.modifiers or is_nisba(tok))):
            break
        i += 1
    taken = 0
    # "وزير الخارجية الفرنسي لوران فابيوس": once read, the construct needs no more words
    after_prep = construct and i == start
    # the end of the first organisation starting at each token
    org_ends: dict[int, int] = {}
    for s, e in orgs:
        if e > s:
            org_ends.setdefault(s, e)
    while i < n and taken < MAX_COMPLEMENT:
        org = org_ends.get(i)
        if org is not None:
            i, taken, after_prep = org, taken + (org - i), False
            continue
        tok = toks[i]
        if not tok.is_word or tok.prep:
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
    # a preposition left without its object ends no role: "المستشار الأمني إلى"
    while i > start and toks[i - 1].text in cues.prepositions:
        i -= 1
    return i


def joins_name(tok: Tok, cues: Cues, crf_name: bool | Callable[[], bool]) -> bool:
    """Whether a word after the first may continue a name: not a preposition's object
    ("بالهجوم", "للصحافيين", "لسيطرة") nor a new phrase after و ("والعلم").
    ``crf_name``: the CRF tags the word inside a person's name, which is what tells
    فاروق and ليستر (names) from فغالب and لمعارضته (a clitic and a word); a function
    giving that answer is called only when the word's form leaves the question open."""
    by_form = _joins_by_form(tok, cues)
    if by_form is not None:
        return by_form
    # the CRF is asked last: its answer may cost a tagging
    return crf_name() if callable(crf_name) else crf_name


def _joins_by_form(tok: Tok, cues: Cues) -> bool | None:
    """:func:`joins_name` as the word's form decides it; None: the CRF decides."""
    if tok.prefix in ("", "ال"):
        return True
    if tok.base.startswith("ال") or tok.prefix.endswith("ال"):
        return False
    if tok.prefix == "و":
        # وليد, وسيم, وائل are names; "ودعا" is the next clause
        return tok.base not in cues.common and tok.text not in cues.common
    return False if tok.base in cues.common else None


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
    while j < n and j - i < MAX_NAME:
        tok = toks[j]
        if not tok.is_word or _stop(tok, cues, titles=False):
            break
        if j > i:
            # joins_name with the CRF's answer read only when the form leaves it open;
            # which stretch would tag the word is decided here all the same
            sent.fix_tag(j)
            joins = _joins_by_form(tok, cues)
            if not (sent.tag_at(j) == "I-PERS" if joins is None else joins):
                break
            before = toks[j - 1]
            if before.definite and before.base not in CONNECTORS:
                break  # the family name with the article ends it: "نادر الحمصي"
            if tok.text in cues.title_words:
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
    if first.text.endswith(PRONOUN_SUFFIXES) and len(first.text) > 4:
        return None
    # a preposition's object ("لعمليات التنظيم", "بريف دير الزور"), not ليلى منصور
    governed = first.prefix in ("ل", "ب") and first.base in cues.common
    if governed and any(_common(t, cues) for t in toks[i + 1 : j]):
        return None
    # "لنصرة الأشقاء" is a preposition's object, unless the CRF reads a name ("بشار الأسد")
    phrase = first.prefix in ("ل", "ب") and j > i + 1 and toks[i + 1].definite
    if phrase and not sent.tags(i, i + 1)[0].endswith("PERS"):
        return None
    # a trailing connector (أبو, عبد) is not a name's end
    while j > i and toks[j - 1].text in CONNECTORS:
        j -= 1
    if j == i:
        return None
    tags = sent.tags(i, j)
    if tags[0].endswith("PERS"):
        k = i + 1
        while k < j and tags[k - i] == "I-PERS":
            k += 1
        # past the CRF's end, plain words still count after a title ("أحمد مظهر سعدو"),
        # up to three words
        while trust_form and k < min(j, i + 3) and not _common(toks[k], cues):
            k += 1
        return i, k
    if not trust_form and tags[0].endswith(("LOC", "ORG")):
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
