"""Voice: who is speaking at each mention — the outlet, a quoted speaker, or a side whose name is reported.

Every gazetteer mention gets one voice:

``quoted``
    Inside a quotation; ``speaker`` is the quote's speaker.
``attributed``
    The outlet reports someone else's name for the thing ("which Japan calls its
    northern territories"); ``speaker`` is the entity of the cue's subject.
``narrator``
    Everything else, including square-bracket insertions inside a quotation.

Method (the rules, in the order they are applied)
-------------------------------------------------
1. **Quotations** are found paragraph by paragraph and never cross a paragraph
   boundary. A curly “ closes at the next ” (at the next straight " if the
   paragraph has no ”); a straight " closes at the next " (else ”). Marks of any
   kind inside an open double quote are part of it, so nested ‘…’ stay inside.
   An opening mark with no close runs to the end of its paragraph (a quote
   continued in the next paragraph). A closing mark with no opener, when it is
   the first double mark of its paragraph, quotes from the paragraph start to
   the mark (an opener lost by the outlet); later stray closing marks are
   ignored. Outside a quotation a straight " that touches a word on its left
   but not on its right (``anything,"``) is such a closing mark; any other
   straight " opens. A curly ‘ opens a quote only at a word start and only if
   a ’ not followed by a letter closes it in the same paragraph, so apostrophes
   (Russia’s, ‘90s) never open or close anything. Straight ' is never a
   quotation mark. Quotations of white space only are dropped.
2. **Square brackets** inside a quotation ("[the way Japan calls ...]") are the
   outlet's words: mentions inside them are not ``quoted``.
3. **Naming cues** (``naming_cues`` in ``data/voice.yaml``, e.g. "which {side}
   calls", "known in {side} as") need a place, organisation or person mention
   as ``{side}``. Their scope runs from the cue's end to the first of: the
   sentence end, ``; . ! ? ) ]``, the end of the enclosing quotation, and the
   ``naming_scope_words``-th word. A mention in scope is ``attributed`` (this
   wins over ``quoted``) when its entity type is in ``named_types`` and its
   naming is not the other side's naming (``sides``): a Russian-named mention is
   never Japan's name for the thing.
4. **Speakers.** Candidates are person and organisation mentions and role
   phrases or pronouns (``roles``: "the spokesman", "he" → person; "it", "the
   ministry" → organisation) outside quotations; a role phrase hides the
   mentions inside it ("the Kremlin spokesman" is a person). A role resolves to
   the most recent *established speaker* of its kind, else to the most recent
   mention of its kind; a role that names a side (``role_sides``: "the
   Japanese premier") resolves only to entities of that side (``sides``), and
   to nobody if there is none. Established speakers are, in text order: the
   subject of a speech verb in narrator text (a candidate followed by up to
   three lower-case words and a verb: "Peskov told", "Abe later called"; or
   "According to X,"), a role naming a side that opens a sentence ("The
   Japanese premier once again expressed ..."), and the speaker found for a
   quotation by rule 4b (also when carried on by 4d). A quotation's speaker is the first that applies of:

   a. the subject of a naming cue whose scope contains the opening mark;
   b. the attribution clause — from the closing mark to the end of its
      sentence (or of the next sentence, when the splitter broke right after
      the mark and that sentence starts lower-case), stopping at the next
      quotation: if it has a speech verb, the candidate nearest the verb
      (the one before it on a tie);
   c. for a fragment inside a narrator sentence, the nearest candidate before
      it in the same sentence (this speaker is not *established*);
   d. the latest speaker event of the same paragraph before the quotation (an
      "X said." sentence, or the previous quotation's speaker);
   e. otherwise ``None``.

Role resolution knows kinds and sides, not titles: "the premier" after "Peskov
said" is Peskov.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from .errors import LexiconError
from .gazetteer import Mention
from .lexicons import data_path, file_sha256, load_yaml

__all__ = ["Quote", "VoicedMention", "VoiceLexicon", "find_quotes", "mark_voice", "load_voice_lexicon"]

CLOSING_FOR = {"“": "”\"", '"': "\"”"}  # opener -> closers, preferred first
#: Every character that can open or close a quotation; find_quotes jumps from one to the next.
QUOTE_MARK_RE = re.compile("[“”\"‘]")
CLAUSE_END_RE = re.compile(r"[;!?)\]]|\.(?!\w)")
WORD_RE = re.compile(r"\S+")
NEXT_WORD_RE = re.compile(r"\s+(\w+)")
BRACKET_RE = re.compile(r"\[[^\]]*\]?")
ACCORDING_TO_RE = re.compile(r"\baccording\s+to\s+(?:[\w’'.-]+\s+){0,5}$", re.IGNORECASE)
THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)
ENTITY_TYPES = ("island", "island_group", "collective_name", "archipelago", "document", "person", "place",
                "organisation")
SPEAKER_TYPES = frozenset({"person", "organisation"})
SUBJECT_TYPES = frozenset({"place", "organisation", "person"})
OTHER_SIDE = {"japanese": "russian", "russian": "japanese"}
LEXICON_KEYS = ("speech_verbs", "roles", "naming_cues", "cue_not_followed_by", "naming_scope_words", "named_types",
                "sides")
#: Keys a lexicon may leave out.
OPTIONAL_KEYS = ("role_sides",)


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: ``text[start:end]`` are the quoted words, marks excluded."""

    start: int
    end: int
    para_id: int
    speaker: str | None
    speaker_cue: str | None


@dataclass(frozen=True, slots=True)
class VoicedMention:
    """A gazetteer mention with its voice (narrator | quoted | attributed)."""

    mention: Mention
    voice: str
    speaker: str | None
    quote_id: int | None


@dataclass(frozen=True)
class VoiceLexicon:
    """Validated cues from ``voice.yaml`` (see that file), with their regexes compiled once.

    ``path`` and ``sha256`` (of the file's bytes) record which cues a corpus was built with.
    """

    path: str
    sha256: str
    speech_verbs: tuple[str, ...]
    roles: dict[str, tuple[str, ...]]
    naming_cues: tuple[str, ...]
    cue_not_followed_by: frozenset[str]
    naming_scope_words: int
    named_types: frozenset[str]
    sides: dict[str, str]  # entity id -> naming side
    role_sides: dict[str, str]  # role phrase, lower case, single spaces -> the side it names
    verb_re: re.Pattern = field(repr=False, compare=False)
    subject_verb_re: re.Pattern = field(repr=False, compare=False)
    role_re: re.Pattern = field(repr=False, compare=False)
    role_re_lower: re.Pattern = field(repr=False, compare=False)
    cue_res: tuple[tuple[re.Pattern, re.Pattern], ...] = field(repr=False, compare=False)
    #: Matches where any cue's suffix matches (None if a cue has no suffix): most mentions fail it, which spares
    #: trying every cue on them.
    cue_suffix_re: re.Pattern | None = field(default=None, repr=False, compare=False)


class _Cand(NamedTuple):  # a speaker candidate: a mention or a role phrase (entity None)
    start: int
    end: int
    kind: str
    entity: str | None


class _Event(NamedTuple):  # someone was named as speaking at ``pos``
    pos: int
    entity: str
    kind: str
    cue: str
    para_id: int
    established: bool


class _Cue(NamedTuple):  # a naming cue and its scope [end, scope_end)
    start: int
    end: int
    scope_end: int
    entity: str
    kind: str


class _Spans:
    """Sorted, non-overlapping spans with lookup of the one containing a position."""

    def __init__(self, spans: Sequence[tuple[int, ...]]) -> None:
        self.spans = list(spans)
        self.starts = [s[0] for s in self.spans]

    def at(self, pos: int) -> int | None:
        i = bisect_right(self.starts, pos) - 1
        return i if i >= 0 and pos < self.spans[i][1] else None

    def bounds(self, pos: int, default: tuple[int, int]) -> tuple[int, int]:
        i = self.at(pos)
        return default if i is None else self.spans[i][:2]


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Find quotations paragraph by paragraph (rule 1 of the module docstring).

    Parameters
    ----------
    text : str
        Clean article body.
    paragraphs : sequence of (start, end)
        Paragraph offsets into ``text``, in order.

    Returns
    -------
    list of (start, end, para_id)
        Quoted words without their marks, in text order, never overlapping.

    Examples
    --------
    >>> text = 'Russia’s view: “No ‘deal’ yet,” he said.\\n\\nPeace first,” Peskov said.'
    >>> i = text.index("\\n\\n")
    >>> [(text[s:e], p) for s, e, p in find_quotes(text, [(0, i), (i + 2, len(text))])]
    [('No ‘deal’ yet,', 0), ('Peace first,', 1)]
    """
    found = []
    for para_id, (ps, pe) in enumerate(paragraphs):
        pe = min(pe, len(text))
        spans: list[tuple[int, int, bool]] = []  # (start, end, is_double)
        i = ps
        while (hit := QUOTE_MARK_RE.search(text, i, pe)) is not None:
            i = hit.start()
            ch, close = text[i], None
            if ch == "”" or (ch == '"' and i > ps and not text[i - 1].isspace() and not text[i + 1:i + 2].isalnum()):
                if not any(double for *_, double in spans):  # a closing mark with no opener
                    spans, close = [(ps, i, True)], i  # absorbs earlier ‘…’ spans
            elif ch in CLOSING_FOR:
                for mark in CLOSING_FOR[ch]:
                    if (close := text.find(mark, i + 1, pe)) >= 0:
                        break
                close = pe if close < 0 else close
                spans.append((i + 1, close, True))
            elif ch == "‘" and (i == ps or not text[i - 1].isalnum()) and text[i + 1:i + 2].isalnum():
                close = _single_close(text, i + 1, pe)
                if close is not None:
                    spans.append((i + 1, close, False))
            i = i + 1 if close is None else close + 1
        found += [(s, e, para_id) for s, e, _ in spans if text[s:e].strip()]
    return found


def _single_close(text: str, pos: int, end: int) -> int | None:
    """Position of the first ’ in ``text[pos:end]`` not followed by a letter."""
    while (k := text.find("’", pos, end)) >= 0:
        if not text[k + 1:k + 2].isalpha():
            return k
        pos = k + 1
    return None


def mark_voice(text: str, paragraphs: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]],
               mentions: Sequence[Mention], *, lexicon: VoiceLexicon | None = None,
               ) -> tuple[list[Quote], list[VoicedMention]]:
    """Find quotations and their speakers, and give every mention its voice.

    Parameters
    ----------
    text : str
        Clean article body, paragraphs separated by ``"\\n\\n"``.
    paragraphs, sentences : sequence of (start, end)
        Offsets into ``text``, in order.
    mentions : sequence of Mention
        Gazetteer mentions sorted by start.
    lexicon : VoiceLexicon, optional
        Defaults to the shipped ``data/voice.yaml``.

    Returns
    -------
    quotes : list of Quote
        In text order; a mention's ``quote_id`` indexes this list.
    voiced : list of VoicedMention
        One per mention, in the same order.

    Examples
    --------
    >>> text = '"We need peace with Japan," Peskov said. Tokyo calls the islands "Northern Territories".'
    >>> def m(surface, entity, etype, naming="neutral"):
    ...     i = text.index(surface)
    ...     return Mention(i, i + len(surface), surface, entity, etype, naming)
    >>> mentions = [m("Japan", "japan", "place"), m("Peskov", "dmitry_peskov", "person"),
    ...             m("Tokyo", "tokyo", "place"),
    ...             m("Northern Territories", "northern_territories", "collective_name", "japanese")]
    >>> quotes, voiced = mark_voice(text, [(0, len(text))], [(0, 40), (41, len(text))], mentions)
    >>> [(text[q.start:q.end], q.speaker, q.speaker_cue) for q in quotes]
    [('We need peace with Japan,', 'dmitry_peskov', 'Peskov said'),
     ('Northern Territories', 'tokyo', 'Tokyo calls the islands')]
    >>> [(v.mention.surface, v.voice, v.speaker) for v in voiced]
    [('Japan', 'quoted', 'dmitry_peskov'), ('Peskov', 'narrator', None),
     ('Tokyo', 'narrator', None), ('Northern Territories', 'attributed', 'tokyo')]
    """
    lex = lexicon if lexicon is not None else _default_lexicon()
    spans = find_quotes(text, paragraphs)
    paras, sents, quotes_at = _Spans(paragraphs), _Spans(sentences), _Spans(spans)
    cands = _candidates(text, mentions, lex, quotes_at)
    cues = _naming_cues(text, mentions, lex, paras, sents, quotes_at)
    quotes = _Speakers(text, spans, paras, sents, cands, cues, lex).quotes()
    voiced = []
    for m in mentions:
        cue = next((c for c in cues if c.end <= m.start and m.end <= c.scope_end
                    and m.entity_type in lex.named_types
                    and m.naming != OTHER_SIDE.get(lex.sides.get(c.entity, ""))), None) if cues else None
        qi = quotes_at.at(m.start)
        if cue is not None:
            voiced.append(VoicedMention(m, "attributed", cue.entity, None))
        elif qi is not None and m.end <= spans[qi][1] and not any(
                b.start() <= m.start < b.end() for b in BRACKET_RE.finditer(text, spans[qi][0], spans[qi][1])):
            voiced.append(VoicedMention(m, "quoted", quotes[qi].speaker, qi))
        else:
            voiced.append(VoicedMention(m, "narrator", None, None))
    return quotes, voiced


def _candidates(text: str, mentions: Sequence[Mention], lex: VoiceLexicon, quotes_at: _Spans) -> list[_Cand]:
    """Speaker candidates outside quotations; a role phrase hides the mentions it contains."""
    named = [_Cand(m.start, m.end, m.entity_type, m.entity) for m in mentions if m.entity_type in SPEAKER_TYPES]
    lowered = text.lower()  # lower-case scan is ~4x faster than re.IGNORECASE; offsets equal when lengths are
    role_re, scanned = (lex.role_re_lower, lowered) if len(lowered) == len(text) else (lex.role_re, text)
    roles = [_Cand(r.start(), r.end(), r.lastgroup, None) for r in role_re.finditer(scanned)]
    roles = [r for r in roles if not any(n.start < r.end and r.start < n.end and not _within(n, r) for n in named)]
    named = [n for n in named if not any(_within(n, r) for r in roles)]
    inside = [c for c in named + roles if quotes_at.at(c.start) is None and quotes_at.at(c.end - 1) is None]
    return sorted(inside, key=lambda c: (c.start, c.end))


def _within(inner: _Cand, outer: _Cand) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


def _naming_cues(text: str, mentions: Sequence[Mention], lex: VoiceLexicon, paras: _Spans, sents: _Spans,
                 quotes_at: _Spans) -> list[_Cue]:
    """Naming cues around place/organisation/person mentions, with their scopes (rule 3)."""
    cues = []
    for m in mentions:
        if m.entity_type not in SUBJECT_TYPES or (lex.cue_suffix_re is not None
                                                  and lex.cue_suffix_re.match(text, m.end) is None):
            continue
        para = paras.bounds(m.start, (0, len(text)))
        sent_start, sent_end = sents.bounds(m.start, para)
        best = None
        for prefix_re, suffix_re in lex.cue_res:
            after = suffix_re.match(text, m.end)
            before = after and prefix_re.search(text, sent_start, m.start)
            if not before:
                continue
            nxt = NEXT_WORD_RE.match(text, after.end())
            if nxt and nxt.group(1).lower() in lex.cue_not_followed_by:
                continue
            if best is None or (before.start(), -after.end()) < (best[0], -best[1]):
                best = (before.start(), after.end())
        if best is None:
            continue
        limit = min(sent_end, para[1])
        qi = quotes_at.at(best[0])
        limit = min(limit, quotes_at.spans[qi][1]) if qi is not None else limit
        if stop := CLAUSE_END_RE.search(text, best[1], limit):
            limit = stop.start()
        for n, word in enumerate(WORD_RE.finditer(text, best[1], limit), start=1):
            if n == lex.naming_scope_words:
                limit = word.end()
                break
        cues.append(_Cue(best[0], best[1], limit, m.entity, m.entity_type))
    return cues


class _Speakers:
    """Walk narrator speech events and quotations in text order, assigning speakers (rule 4)."""

    def __init__(self, text: str, spans: list[tuple[int, int, int]], paras: _Spans, sents: _Spans,
                 cands: list[_Cand], cues: list[_Cue], lex: VoiceLexicon) -> None:
        self.text, self.spans, self.paras, self.sents = text, spans, paras, sents
        self.cands, self.cues, self.lex = cands, cues, lex
        self.events: list[_Event] = []

    def quotes(self) -> list[Quote]:
        text, sents, paras = self.text, self.sents, self.paras
        stream: list[tuple[int, int, object]] = []
        for c in self.cands:  # narrator speech events: "Peskov told", "According to the spokesman,"
            sent_start = sents.bounds(c.start, paras.bounds(c.start, (0, len(text))))[0]
            if verb := self.lex.subject_verb_re.match(text, c.end):
                stream.append((verb.end(), 0, (c, self.cue_text(c.start, verb.end()))))
            elif according := ACCORDING_TO_RE.search(text, sent_start, c.start):
                stream.append((c.start, 0, (c, self.cue_text(according.start(), c.end))))
            elif self.side_of(c) and not text[sent_start:c.start].strip():  # "The Japanese premier expressed"
                stream.append((c.start, 0, (c, self.cue_text(c.start, c.end))))
        stream += [(start, 1, qi) for qi, (start, _, _) in enumerate(self.spans)]
        speakers = {}
        for pos, is_quote, payload in sorted(stream, key=lambda item: item[:2]):
            if not is_quote:
                c, cue = payload
                if entity := self.resolve(c):
                    para_id = paras.at(c.start)
                    self.events.append(_Event(pos, entity, c.kind, cue, -1 if para_id is None else para_id, True))
                continue
            start, _, para_id = self.spans[payload]
            found = self.speaker(payload)
            speakers[payload] = found[:2] if found else (None, None)
            if found:
                self.events.append(_Event(start, found[0], found[2], found[1], para_id, found[3]))
        return [Quote(s, e, p, *speakers[qi]) for qi, (s, e, p) in enumerate(self.spans)]

    def side_of(self, c: _Cand) -> str | None:
        """The side a role phrase names ("the Japanese premier": japanese), from ``role_sides``; None otherwise."""
        if c.entity is not None or not self.lex.role_sides:
            return None
        return self.lex.role_sides.get(" ".join(self.text[c.start:c.end].lower().split()))

    def resolve(self, c: _Cand) -> str | None:
        """A mention's entity; a role's most recent established speaker, else most recent mention, of its kind.

        A role that names a side resolves only to entities of that side (``sides``).
        """
        if c.entity is not None:
            return c.entity
        side = self.side_of(c)
        sides = self.lex.sides
        for e in reversed(self.events):
            if e.established and e.kind == c.kind and (side is None or sides.get(e.entity) == side):
                return e.entity
        return next((p.entity for p in reversed(self.cands) if p.entity and p.kind == c.kind and p.end <= c.start
                     and (side is None or sides.get(p.entity) == side)), None)

    def cue_text(self, start: int, end: int) -> str:
        """The cue's words, with white space collapsed and a "the" just before included."""
        if the := THE_BEFORE_RE.search(self.text, max(0, start - 8), start):
            start = the.start()
        return " ".join(self.text[start:end].split())

    def speaker(self, qi: int) -> tuple[str, str, str, bool] | None:
        """Return (speaker, cue, kind, established) for quotation ``qi`` by rules 4a-4d, or None."""
        text, sents, cands = self.text, self.sents, self.cands
        start, end, para_id = self.spans[qi]
        ps, pe = self.paras.spans[para_id][:2]
        for cue in self.cues:  # a: inside a naming cue's scope
            if cue.end <= start <= cue.scope_end:
                return cue.entity, self.cue_text(cue.start, cue.end), cue.kind, False
        # b: the attribution clause after the closing mark, up to the sentence end or the next quotation
        following = self.spans[qi + 1] if qi + 1 < len(self.spans) else None
        next_open = following[0] - 1 if following and following[2] == para_id else pe
        clause_start, si = min(end + 1, pe), sents.at(min(end, pe - 1))
        clause_end = min(sents.spans[si][1] if si is not None else pe, next_open, pe)
        if not text[clause_start:clause_end].strip() and si is not None and si + 1 < len(sents.spans):
            nxt_start, nxt_end = sents.spans[si + 1][:2]
            if text[nxt_start:nxt_end].lstrip()[:1].islower() and nxt_end <= pe:
                clause_end = min(nxt_end, next_open)
        if verb := self.lex.verb_re.search(text, clause_start, max(clause_start, clause_end)):
            near = [c for c in cands if clause_start <= c.start and c.end <= clause_end]
            near.sort(key=lambda c: (verb.start() - c.end, 0) if c.end <= verb.start() else (c.start - verb.end(), 1))
            for c in near:
                if entity := self.resolve(c):
                    lo, hi = min(c.start, verb.start()), max(c.end, verb.end())
                    return entity, self.cue_text(lo, hi), c.kind, True
        # c: a fragment inside a narrator sentence: the nearest candidate before it
        if start > ps:
            sent_start = sents.bounds(start - 1, (ps, pe))[0]
            before = [c for c in cands if sent_start <= c.start and c.end <= start - 1]
            if before and (entity := self.resolve(before[-1])):
                return entity, self.cue_text(before[-1].start, before[-1].end), before[-1].kind, False
        # d: the latest speaker event of the same paragraph
        for e in reversed(self.events):
            if e.para_id == para_id and e.pos < start:
                return e.entity, e.cue, e.kind, e.established
        return None


@lru_cache(maxsize=1)
def _default_lexicon() -> VoiceLexicon:
    return load_voice_lexicon()


def load_voice_lexicon(path: str | Path | None = None) -> VoiceLexicon:
    """Load and validate the voice cues (speech verbs, roles, naming cues).

    Parameters
    ----------
    path : str or Path, optional
        A ``voice.yaml``; defaults to the one shipped in ``kuril_research/data``.

    Returns
    -------
    VoiceLexicon

    Raises
    ------
    LexiconError
        Naming the file and line of the first problem and what to do.

    Examples
    --------
    >>> lex = load_voice_lexicon()
    >>> "said" in lex.speech_verbs, lex.roles["person"][:2], lex.sides["tokyo"]
    (True, ('he', 'she'), 'japanese')
    >>> load_voice_lexicon() is lex  # cached until the file changes
    True
    """
    path = Path(path) if path is not None else data_path("voice.yaml")
    try:
        stamp = path.resolve().stat().st_mtime_ns
    except OSError:
        stamp = None  # let the loader report the missing file
    return _load_voice_lexicon(path.resolve(), stamp)


@lru_cache(maxsize=8)
def _load_voice_lexicon(path: Path, stamp: int | None) -> VoiceLexicon:
    """Load once per file version (resolved path, modification time); see :func:`load_voice_lexicon`."""
    doc = load_yaml(path)

    def fail(message: str, line: int | None, hint: str) -> LexiconError:
        return LexiconError(message, path=path, line=line, hint=hint)

    def phrases(key: str, node=None, line: int | None = None) -> tuple[str, ...]:
        node, line = (doc[key], doc.lines[key]) if node is None else (node, line)
        if not isinstance(node, list) or not node:
            raise fail(f"{key} must be a non-empty list", line, "write one phrase per '- ' line")
        for item, item_line in zip(node, node.lines):
            if not isinstance(item, str) or not item.strip():
                raise fail(f"{key}: {item!r} is not a phrase", item_line,
                           "put it in quotes: YAML reads yes/no/on/off as true/false" if isinstance(item, bool)
                           else "write words, or remove the item")
        return tuple(" ".join(item.split()) for item in node)

    def mapping(key: str, allowed: tuple[str, str]) -> dict[str, tuple[str, ...]]:
        node = doc[key]
        if not isinstance(node, dict) or set(node) != set(allowed):
            raise fail(f"{key} must map exactly {' and '.join(allowed)} to lists", doc.lines[key],
                       f"write {' and '.join(allowed)} as keys under {key}")
        return {k: phrases(f"{key}.{k}", v, node.lines[k]) for k, v in node.items()}

    if not isinstance(doc, dict):
        raise fail("expected a mapping with the keys " + ", ".join(LEXICON_KEYS), None, "see the shipped voice.yaml")
    for key in doc:
        if key not in LEXICON_KEYS + OPTIONAL_KEYS:
            raise fail(f"unknown key {key!r}", doc.lines[key], "use one of " + ", ".join(LEXICON_KEYS + OPTIONAL_KEYS))
    for key in LEXICON_KEYS:
        if key not in doc:
            raise fail(f"missing key {key!r}", doc.line, "add it (see the shipped voice.yaml)")
    verbs, cues, named_types = phrases("speech_verbs"), phrases("naming_cues"), phrases("named_types")
    roles, sides = mapping("roles", ("person", "organisation")), mapping("sides", ("japanese", "russian"))
    for cue, line in zip(cues, doc["naming_cues"].lines):
        words = cue.replace("{side}", "")
        if cue.count("{side}") != 1 or not words.strip() or "{" in words or "}" in words:
            raise fail(f"naming cue {cue!r} must contain {{side}} exactly once and at least one word", line,
                       "write e.g. 'which {side} calls' (in quotes if it starts with {side})")
    for name, line in zip(named_types, doc["named_types"].lines):
        if name not in ENTITY_TYPES:
            raise fail(f"named_types: unknown entity type {name!r}", line, "use one of " + ", ".join(ENTITY_TYPES))
    for entity, line in zip(sides["russian"], doc["sides"]["russian"].lines):
        if entity in sides["japanese"]:
            raise fail(f"sides: {entity!r} is listed under both japanese and russian", line, "keep it on one side")
    role_sides = {}
    if "role_sides" in doc:
        known_roles = {r.lower() for phrases_ in roles.values() for r in phrases_}
        for side, listed in mapping("role_sides", ("japanese", "russian")).items():
            for role, line in zip(listed, doc["role_sides"][side].lines):
                if role.lower() not in known_roles:
                    raise fail(f"role_sides.{side}: {role!r} is not one of the roles", line,
                               "list it under roles too, or check the spelling")
                if role_sides.setdefault(role.lower(), side) != side:
                    raise fail(f"role_sides: {role!r} is listed under both japanese and russian", line,
                               "keep it on one side")
    scope = doc["naming_scope_words"]
    if isinstance(scope, bool) or not isinstance(scope, int) or scope < 1:
        raise fail(f"naming_scope_words must be a positive whole number, not {scope!r}",
                   doc.lines["naming_scope_words"], "write e.g. 8")
    cue_res, suffixes = [], []
    for cue in cues:
        prefix, suffix = (_phrase_re(part) for part in cue.split("{side}"))
        suffixes.append(suffix)
        cue_res.append((re.compile(rf"\b{prefix}\s+(?:the\s+)?$" if prefix else r"(?:\bthe\s+)?$", re.I),
                        re.compile(rf"\s+{suffix}\b" if suffix else "", re.I)))
    verbs_re = _phrase_re(*verbs)
    return VoiceLexicon(
        path=str(path), sha256=file_sha256(path), speech_verbs=verbs, roles=roles, naming_cues=cues,
        cue_not_followed_by=frozenset(w.lower() for w in phrases("cue_not_followed_by")),
        naming_scope_words=scope, named_types=frozenset(named_types),
        sides={entity: side for side, ids in sides.items() for entity in ids}, role_sides=role_sides,
        verb_re=re.compile(rf"\b(?:{verbs_re})\b", re.I),
        subject_verb_re=re.compile(rf"(?:\s+[a-z]+){{0,3}}?\s+(?i:{verbs_re})\b"),
        role_re=re.compile(rf"\b(?:(?P<person>{_phrase_re(*roles['person'])})"
                           rf"|(?P<organisation>{_phrase_re(*roles['organisation'])}))\b", re.I),
        role_re_lower=re.compile(rf"\b(?:(?P<person>{_phrase_re(*(r.lower() for r in roles['person']))})"
                                 rf"|(?P<organisation>{_phrase_re(*(r.lower() for r in roles['organisation']))}))\b"),
        cue_res=tuple(cue_res),
        cue_suffix_re=re.compile(rf"\s+(?:{'|'.join(f'(?:{s})' for s in suffixes)})\b", re.I) if all(suffixes) else None,
    )


def _phrase_re(*phrases: str) -> str:
    """Regex alternation of phrases, longest first, any white space between words."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
