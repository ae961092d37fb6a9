"""``data/numbers.yaml`` compiled into lookup tables over normalised words.

Number words map to ``(kind, value)``; nouns to the category they count, with their
dual forms derived (عنصر -> عنصران/عنصرين, دبابة -> دبابتان/دبابتين, راعي -> راعيا).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from hadath.lexicon.loader import load_yaml
from hadath.text.view import normalize

# single-letter proclitics a number word or noun may carry (وثلاثة, بعشرين, لعناصر)
CLITICS = ("و", "ف", "ب", "ل", "ك")


def norm(word: str) -> str:
    return " ".join(normalize(str(word)).split())


@dataclass(frozen=True, slots=True)
class Noun:
    category: str
    form: str  # singular | plural | dual | dual_ambiguous | construct
    lemma: str


@dataclass(frozen=True)
class NumberLexicon:
    words: dict[str, tuple[str, int]]
    vague: frozenset[str]
    cues_before: dict[str, str]
    # the last word of each cue before a figure (a figure after none of them has no cue)
    cues_before_ends: frozenset[str]
    cues_after: dict[str, str]
    cues_after_phrases: frozenset[str]
    range_open: frozenset[str]
    range_join: frozenset[str]
    combined_after: tuple[str, ...]
    # every way a text after a figure starts when it holds one of combined_after
    combined_openings: tuple[str, ...]
    combined_before: tuple[str, ...]
    not_before: frozenset[str]
    not_after: frozenset[str]
    year_range: tuple[int, int]
    max_digits: int
    nouns: dict[str, Noun]
    suffixes: tuple[str, ...]
    # nouns written as a dual (or a construct dual): a word is one only if it ends in one
    dual_forms: frozenset[str]
    # the words for two (اثنان, اثنين), which may follow a dual as its adjective
    twos: frozenset[str]

    def noun(self, word: str, *, clitics: bool = True) -> Noun | None:
        """The noun a normalised word is, allowing clitics (unless ``clitics`` is False),
        ال, a pronoun and tanween alef."""
        bases = _bases(word) if clitics else [word, *([word[2:]] if word.startswith("ال") else [])]
        for base in bases:
            hit = self.nouns.get(base)
            if hit is not None:
                return hit
            for suffix in self.suffixes:
                if base.endswith(suffix) and len(base) - len(suffix) >= 2:
                    hit = self.nouns.get(base[: -len(suffix)])
                    if hit is not None and hit.form in ("singular", "plural"):
                        return hit
            if base.endswith("ا") and len(base) > 3:
                hit = self.nouns.get(base[:-1])
                if hit is not None and hit.form == "singular":
                    return hit
        return None


def _bases(word: str) -> list[str]:
    """``word`` without its proclitics, longest form first."""
    out = [word]
    rest = word
    for _ in range(2):
        if rest[:1] in CLITICS and len(rest) > 3:
            rest = rest[1:]
            out.append(rest)
    for form in list(out):
        if (form.startswith("ال") and len(form) > 4) or (
            form.startswith("ل") and form[1:2] == "ل" and len(form) > 4
        ):
            out.append(form[2:])
    return out


def _duals(singular: str) -> list[tuple[str, str]]:
    if singular.endswith("ه"):
        stem = singular[:-1] + "ت"
        return [(stem + "ان", "dual"), (stem + "ين", "dual"), (stem + "ا", "construct")]
    # عنصر -> عنصران/عنصرين; راعي -> راعيان/راعيين/راعيا (before its noun: راعيا أغنام)
    return [(singular + "ان", "dual"), (singular + "ين", "dual"), (singular + "ا", "construct")]


def _nouns(spec: dict[str, list[list[str]]]) -> dict[str, Noun]:
    table: dict[str, Noun] = {}
    for category, entries in spec.items():
        for entry in entries:
            forms = [norm(w) for w in entry]
            singular, plurals = forms[0], forms[1:]
            for p in plurals:
                table.setdefault(p, Noun(category, "plural", singular))
            table.setdefault(singular, Noun(category, "singular", singular))
            if " " in singular:
                continue
            for dual, kind in _duals(singular):
                if dual in plurals:  # مقاتلين: plural or dual, only harakat tell
                    table[dual] = Noun(category, "dual_ambiguous", singular)
                else:
                    table.setdefault(dual, Noun(category, kind, singular))
    return table


@lru_cache(maxsize=1)
def lexicon() -> NumberLexicon:
    data: dict[str, Any] = load_yaml("numbers.yaml")
    words: dict[str, tuple[str, int]] = {}
    for kind, table in data["words"].items():
        for value, forms in table.items():
            for w in forms:
                words[norm(w)] = (kind, int(value))
    cues_before = {norm(w): k for k, ws in data["cues_before"].items() for w in ws}
    cues_after = {norm(w): k for k, ws in data["cues_after"].items() for w in ws}
    nouns = _nouns(data["nouns"])
    combined_after = tuple(sorted({norm(w) for w in data["combined_after"]}, key=len, reverse=True))
    return NumberLexicon(
        words=words,
        vague=frozenset(norm(w) for w in data["vague"]),
        cues_before=cues_before,
        cues_before_ends=frozenset(cue.split(" ")[-1] for cue in cues_before),
        cues_after=cues_after,
        cues_after_phrases=frozenset(cues_after),
        range_open=frozenset(norm(w) for w in data["range_open"]),
        range_join=frozenset(norm(w) for w in data["range_join"]),
        combined_after=combined_after,
        combined_openings=tuple(o for c in combined_after for o in (c, "و" + c)),
        combined_before=tuple(
            sorted({norm(w) for w in data["combined_before"]}, key=len, reverse=True)
        ),
        not_before=frozenset(norm(w) for w in data["not_count_before"]),
        not_after=frozenset(norm(w) for w in data["not_count_after"]),
        year_range=(int(data["year_range"][0]), int(data["year_range"][1])),
        max_digits=int(data["max_digits"]),
        nouns=nouns,
        suffixes=tuple(sorted({norm(s) for s in data["noun_suffixes"]}, key=len, reverse=True)),
        dual_forms=frozenset(
            w for w, n in nouns.items() if n.form in ("dual", "dual_ambiguous", "construct")
        ),
        twos=frozenset(w for w, v in words.items() if v == ("unit", 2)),
    )
