"""Stage ``boilerplate``: mark the lines that are not the article.

Inputs: ``doc.text``. Outputs: ``doc.regions`` (Span kind ``boilerplate``, label = why).
Nothing is deleted: later stages skip these regions, and the UI can still show them.

Cascade, line by line (cues in ``data/boilerplate.yaml``):
1. cue lines: cookie notices, newsletter prompts, follow/share buttons, copyright,
   podcast promos, "اقرأ أيضاً"/"قد يهمك" headers (and the list items after them);
2. separator lines ("-") and the related headline printed after each (seed 002);
3. hashtag-only lines;
4. the title printed a second time;
5. runs of short lines around a cue line (a promo block: "بودكاست" + episode names);
6. the author/outlet signature closing the article ("وسيم اليوسف-إعلام مسد").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from hadath.document import Document, Span
from hadath.lexicon.loader import load_yaml
from hadath.settings import Settings
from hadath.text.view import NormalizedView, document_view, normalize, normalized_slice

REQUIRES: tuple[str, ...] = ()

_END_PUNCT = (".", "!", "؟", "?", ":", "،", "؛")


@dataclass(frozen=True)
class _Rules:
    cues: tuple[tuple[str, str, int, bool], ...]  # (normalised cue, kind, max_chars, opens)
    cue_max_chars: int  # no cue applies to a longer line
    cue_finder: ahocorasick.Automaton  # the normalised cues, to find which a document has
    separator: re.Pattern[str]
    list_item: re.Pattern[str]
    tags: re.Pattern[str]
    headline_max: int
    title_max: int
    signature: re.Pattern[str]
    signature_max_chars: int
    signature_max_words: int


@lru_cache(maxsize=1)
def rules() -> _Rules:
    data = load_yaml("boilerplate.yaml")
    cues = []
    for kind, spec in data["kinds"].items():
        for cue in spec["cues"]:
            cues.append(
                (normalize(cue).lower(), kind, int(spec["max_chars"]), bool(spec.get("opens_list")))
            )
    # _present_cues relies on str.lower mapping each character of a cue on its own
    if any(sigma in cue for cue, *_ in cues for sigma in "σς"):
        raise ValueError("boilerplate.yaml: a cue holds a Greek sigma (lowered by context)")
    if any("\n" in cue for cue, *_ in cues):
        raise ValueError("boilerplate.yaml: a cue holds a line break")
    sig = data["signature"]
    finder = ahocorasick.Automaton()
    for cue, *_ in cues:
        finder.add_word(cue, cue)
    if cues:
        finder.make_automaton()
    return _Rules(
        cues=tuple(cues),
        cue_max_chars=max((c[2] for c in cues), default=0),
        cue_finder=finder,
        separator=re.compile(data["separator_line"]),
        list_item=re.compile(data["list_item"]),
        tags=re.compile(data["tags_line"]),
        title_max=int(data["title_max_chars"]),
        headline_max=int(data["headline_max_chars"]),
        signature=re.compile(sig["pattern"]),
        signature_max_chars=int(sig["max_chars"]),
        signature_max_words=int(sig["max_words"]),
    )


@dataclass(slots=True)
class _Line:
    start: int  # where ``stripped`` starts in the document
    text: str  # the line without its line break
    stripped: str  # ``text`` without the spaces around it: read several times per line
    label: str = ""
    view: str | None = None  # the view of ``stripped`` (see _line_view), once read


def content_lines(text: str) -> list[_Line]:
    """The lines of ``text`` that hold more than spaces (no rule reads an empty one)."""
    lines = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + len(raw) - len(raw.lstrip())
            lines.append(_Line(start, raw.rstrip("\r\n"), stripped))
        pos += len(raw)
    return lines


def _present_cues(
    view: NormalizedView, lines: list[_Line], r: _Rules
) -> tuple[tuple[str, str, int, bool], ...]:
    """The cues found in the lines short enough to hold one (most of a news text is in
    longer paragraphs): a line's cue is one of them, as the search reads the same view
    of each line as :func:`_cue_label` does, lowered line by line (``str.lower`` maps
    each character on its own but for the Greek capital sigma, which no cue holds, and
    the newline between lines is in no cue). Most news has none, and then no line is
    read for one."""
    if not r.cues:
        return ()
    short = [_line_view(view, ln) for ln in lines if len(ln.stripped) <= r.cue_max_chars]
    if not short:
        return ()
    found = {cue for _, cue in r.cue_finder.iter("\n".join(short).lower())}
    return tuple(c for c in r.cues if c[0] in found) if found else ()


def _line_view(view: NormalizedView, line: _Line) -> str:
    """``normalize(line.stripped)``, read from the document's view (once per line)."""
    if line.view is None:
        line.view = normalized_slice(view, line.start, line.start + len(line.stripped))
    return line.view


def _cue_label(
    line: _Line, view: NormalizedView, cues: tuple[tuple[str, str, int, bool], ...], r: _Rules
) -> tuple[str, bool]:
    if not cues:
        return "", False
    stripped = line.stripped
    # a paragraph of text is longer than any cue line: skip normalising it
    if not stripped or len(stripped) > r.cue_max_chars:
        return "", False
    norm = _line_view(view, line).lower()
    for cue, kind, max_chars, opens in cues:
        if len(stripped) <= max_chars and cue in norm:
            return kind, opens
    return "", False


def _is_short(line: _Line, limit: int) -> bool:
    s = line.stripped
    return 0 < len(s) <= limit and not s.endswith(".")


# the cue kinds whose line makes a promo block of the short lines around it
_PROMO_KINDS = ("podcast", "cookie", "newsletter", "follow")


def _mark_promo_runs(content: list[_Line]) -> None:
    """Label ``promo`` the short lines in a run of short or labelled lines that holds a
    cue line of one of the promo kinds."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    for line in content:
        if _is_short(line, 100) or line.label:
            current.append(line)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    for run in runs:
        if len(run) > 1 and any(ln.label in _PROMO_KINDS for ln in run):
            for line in run:
                if not line.label:
                    line.label = "promo"


def find_regions(text: str) -> list[Span]:
    r = rules()
    view = document_view(text)
    content = content_lines(text)
    cues = _present_cues(view, content, r)
    # 1-3: cue lines, separators and headlines, tags
    open_list = False
    for i, line in enumerate(content):
        label, opens = _cue_label(line, view, cues, r) if cues else ("", False)
        if label:
            line.label = label
            open_list = opens
            continue
        if open_list and r.list_item.match(line.text) and len(line.stripped) <= r.headline_max:
            line.label = "related"
            continue
        open_list = False
        if r.separator.match(line.text):
            line.label = "separator"
            nxt = content[i + 1] if i + 1 < len(content) else None
            if (
                nxt is not None
                and _is_short(nxt, r.headline_max)
                and not nxt.stripped.endswith(_END_PUNCT[:1])
            ):
                nxt.label = "related"
            continue
        if r.tags.match(line.text):
            line.label = "tags"
    # 4: the title printed twice
    if content and len(content[0].stripped) <= r.title_max:
        title_norm = _line_view(view, content[0])
        for line in content[1:4]:
            if (
                not line.label
                and len(line.stripped) <= r.title_max
                and _line_view(view, line) == title_norm
            ):
                line.label = "repeated_title"
    # 5: runs of short lines around a cue line (none without a cue in the document)
    if cues:
        _mark_promo_runs(content)
    # 6: the signature closing the article
    tail = [ln for ln in content if not ln.label]
    if tail:
        last = tail[-1]
        s = last.stripped
        # an article closing on a names-only line after at least two paragraphs of text
        if (
            len(tail) >= 3
            and len(s) <= r.signature_max_chars
            and not any(ch.isdigit() for ch in s)
            and len(s.split()) <= r.signature_max_words
            and r.signature.match(s)
            and content.index(last) >= len(content) - 4
        ):
            last.label = "signature"
    regions = []
    for line in content:
        if line.label:
            end = line.start + len(line.stripped)
            regions.append(Span(line.start, end, "boilerplate", line.label))
    return regions


def run(doc: Document, settings: Settings) -> Document:
    doc.regions = find_regions(doc.text)
    return doc
