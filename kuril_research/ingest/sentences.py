"""Split clean article text into sentences with offsets.

NLTK's Punkt algorithm (Kiss & Strunk 2006) is applied untrained, with the
abbreviation list shipped in ``data/abbreviations_en.txt`` (so "U.S.", "Jan."
and "Dr." do not end a sentence), to each paragraph separately: a sentence
never crosses a paragraph boundary. Punkt keeps closing quotation marks and
brackets with the sentence they end (``... continue," the spokesman said.``
is one sentence). No data is downloaded.

Punkt is the reference; a fast path only saves its time
--------------------------------------------------------
Running Punkt token by token is slow (it was about a third of a corpus build),
and most paragraphs of news copy are simple. So each paragraph (or chunk of an
over-long one) first goes to a fast path, :func:`_fast_spans`, which returns
exactly the spans Punkt would return, or ``None`` when the chunk is outside
the small grammar it fully understands; ``None`` sends the chunk to Punkt.
:func:`_punkt_spans` is the Punkt-only path, kept as the reference: the tests
check that both give the same spans on the seed articles, on generated
articles and on random text full of the characters Punkt reacts to.

The fast path accepts a chunk only if it does not start with white space, has
no white space other than spaces (no line breaks, tabs or no-break spaces),
contains neither ``..`` nor ``--``, and every ``.``, ``?`` or ``!`` in it is
either a dot inside a word followed by a letter or digit (``U.S``, ``3.5``),
or the end mark of a whole word of the shape *opening brackets or quotes,
word, closing marks, end mark, closing marks* (``(“Yes.”)``, ``Japan].”``,
``2019.``, ``Jan.``), where the word is letters and digits of any script,
inner dots, apostrophes and ``%&/+$,-``. In such a chunk untrained Punkt
(no collocations, sentence starters or orthographic statistics) decides each
end mark followed by a space and a word, or by a closing mark, like this:

* ``?`` and ``!`` always end a sentence; so does a ``.`` right after a quote
  or bracket (``Territories".``) or with no word before it;
* otherwise Punkt's token before the ``.`` (the word from its last apostrophe
  or opening quote: ``Russia’s.`` gives ``’s.``) decides: an abbreviation from
  the list (also after a hyphen: ``ex-Gov.``) does not end a sentence; an
  initial (``J.``, and dotted initials ``D.J.``, which this module's Punkt
  token class :class:`InitialsToken` reads as one too) does not before a
  capitalised or lower-case word or
  ``,;:``; a number (``5.``) does not before a lower-case word or ``,;:``;
  any other token ends one. Before a closing mark, only an abbreviation does
  not end a sentence;
* a mark that does not end a sentence does after all when the next word ends
  in an end mark and a closing mark (``Dr. Smith.”``), because that break is
  inside the context Punkt examines;
* closing marks after the end mark stay with the sentence, and the next
  sentence starts at the next word; an end mark with nothing after it in the
  chunk is no boundary.

Anything else -- ellipses, ``?!``, a mark followed by a comma, line breaks,
combining accents, a mark at the start of the next word, a "word" of closing
marks only -- goes to Punkt. The fast path is switched off entirely if the
installed NLTK's Punkt patterns differ from the ones these rules were derived
from (NLTK 3.10), so an NLTK upgrade can cost speed, not correctness.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from nltk.tokenize.punkt import (
    PunktLanguageVars,
    PunktParameters,
    PunktSentenceTokenizer,
    PunktToken,
)

from kuril_research.lexicons import data_path, load_word_list

__all__ = ["split_sentences"]

#: Paragraphs longer than this are cut after a sentence end before Punkt sees them.
MAX_CHUNK_CHARS = 20_000


class InitialsToken(PunktToken):
    """Punkt's token, reading dotted initials (``D.J.``, ``A.B.C.``) as an initial, like ``J.``.

    Untrained Punkt knows only one-letter initials, so "James D.J. Brown said"
    was two sentences at "D.J.". With this token class Punkt applies its
    initial rule (no break before a capitalised or lower-case word) to two to
    four capital letters each followed by a dot: exactly the tokens the fast
    path reads as initials (:data:`_INITIALS_RE`), so both paths agree.

    Examples
    --------
    >>> bool(InitialsToken("D.J.").is_initial), bool(InitialsToken("J.").is_initial)
    (True, True)
    >>> bool(InitialsToken("Dr.").is_initial), bool(InitialsToken("A.B.C.D.E.").is_initial)
    (False, False)
    """

    _RE_INITIAL = re.compile(r"[^\W\d]\.$|(?:[A-Z]\.){2,4}$", re.UNICODE)


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(_abbreviations())
    return PunktSentenceTokenizer(params, token_cls=InitialsToken)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(load_word_list(data_path("abbreviations_en.txt")))


def split_sentences(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """Return ``(start, end, para_id)`` of every sentence, in text order.

    Parameters
    ----------
    text : str
        Clean article body.
    paragraphs : sequence of (start, end)
        Paragraph offsets into ``text``.

    Returns
    -------
    list of (int, int, int)
        Offsets into ``text`` (``text[start:end]`` is the sentence, without
        surrounding white space) and the paragraph index.

    Examples
    --------
    >>> t = "Officials in the U.S. met on Jan. 5. Nothing changed.\\n\\nA new paragraph"
    >>> [t[s:e] for s, e, _ in split_sentences(t, [(0, 53), (55, 70)])]
    ['Officials in the U.S. met on Jan. 5.', 'Nothing changed.', 'A new paragraph']
    """
    spans = []
    for para_id, (p_start, p_end) in enumerate(paragraphs):
        for c_start, c_end in _chunks(text, p_start, p_end):
            chunk = text[c_start:c_end]
            found: Iterable[tuple[int, int]] | None = _fast_spans(chunk)
            if found is None:
                found = _tokenizer().span_tokenize(chunk)
            spans.extend((c_start + s, c_start + e, para_id) for s, e in found)
    return spans


def _punkt_spans(text: str, paragraphs: Sequence[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """The reference: :func:`split_sentences` with Punkt on every chunk, no fast path."""
    tokenizer = _tokenizer()
    spans = []
    for para_id, (p_start, p_end) in enumerate(paragraphs):
        for c_start, c_end in _chunks(text, p_start, p_end):
            for s, e in tokenizer.span_tokenize(text[c_start:c_end]):
                spans.append((c_start + s, c_start + e, para_id))
    return spans


def _chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long paragraph after a sentence-final mark, at most every :data:`MAX_CHUNK_CHARS`.

    No real paragraph is that long; a 20 MB line (a scraping accident) would
    otherwise exceed the time limit NLTK puts on each of its regex scans.
    """
    chunks = []
    while end - start > MAX_CHUNK_CHARS:
        limit = start + MAX_CHUNK_CHARS
        cut = max(text.rfind(". ", start, limit), text.rfind("? ", start, limit), text.rfind("! ", start, limit))
        cut = cut + 2 if cut > start else (text.rfind(" ", start, limit) + 1 or limit)
        if cut <= start:
            cut = limit
        chunks.append((start, cut))
        while cut < end and text[cut].isspace():
            cut += 1
        start = cut
    chunks.append((start, end))
    return chunks


# ------------------------------------------------------------------------------------------ fast path
# Character classes of NLTK 3.10's Punkt (PunktLanguageVars), by the role they play:
#: quotes that end the word before them and start a word themselves (NonWord and WordStart)
_QUOTES = "'\u2018\u2019\u201c\u201d\xab\xbb"
#: what Punkt moves from the start of the next sentence to the end of this one (re_boundary_realignment)
_CLOSERS = "\"')]}\u2018\u2019\u201c\u201d\xab\xbb"
#: word characters: letters and digits in the sense of Python's ``re`` (never white space or punctuation)
_ALNUM = r"[^\W_]"
#: opening marks accepted before a word that ends in a mark; each is a one-character token for Punkt
_OPENERS = "([{\""

#: A whole word (between spaces) that ends in ``.``, ``?`` or ``!``: opening marks, an optional
#: opening quote, a body (letters, digits, dots followed by a letter or digit, and ``%&/+$,-'’``),
#: closing marks, the end mark, closing marks.
_FINAL_WORD_RE = re.compile(
    rf"""[{re.escape(_OPENERS)}]*
    (?P<quote>[{_QUOTES}]?)
    (?P<body>{_ALNUM}(?:{_ALNUM}|[%&/+$,'\u2019\-]|\.(?={_ALNUM}))*)?
    (?P<closed>[{re.escape(_CLOSERS)}]*)
    (?P<mark>[.?!])
    (?P<after>[{re.escape(_CLOSERS)}]*)""",
    re.VERBOSE,
)
_MARK_RE = re.compile(r"[.?!]")
#: any white space but the space
_OTHER_SPACE_RE = re.compile(r"[^\S ]")
_SPACES_RE = re.compile(" *")
_ONLY_CLOSERS_RE = re.compile(rf"[{re.escape(_CLOSERS)}]+(?![^ ])")
#: PunktToken._RE_NUMERIC for ASCII text ([0-9] is \d there)
_ASCII_NUMBER_RE = re.compile(r"-?[.,]?[0-9][0-9,.-]*\.?")

#: The NLTK patterns the rules above were derived from; with any other NLTK the fast path is off.
_EXPECTED_PUNKT = (
    "(?:[)\\\";}\\]\\*:@\\'\\({\\[\\u2018\\u2019\\u201c\\u201d\\xab\\xbb\\?!])",
    "[^\\(\\\"\\`{\\[:;&\\#\\*@\\)}\\]\\-,]",
    "(?:\\-{2,}|\\.{2,}|(?:\\.\\s){2,}\\.)",
    "[\"\\')\\]}\\u2018\\u2019\\u201c\\u201d\\xab\\xbb]+?(?:\\s+|(?=--)|$)",
    "^-?[\\.,]?\\d[\\d,\\.-]*\\.?$",
    "[^\\W\\d]\\.$",
    "\\.\\.+$",
    (".", "?", "!"),
    (";", ":", ",", ".", "!", "?"),
)


def _installed_punkt() -> tuple:
    """The installed NLTK's versions of :data:`_EXPECTED_PUNKT` (empty if NLTK no longer has them)."""
    try:
        lang = PunktLanguageVars()
        return (
            lang._re_non_word_chars.replace("!\\?", "\\?!"),  # NLTK orders "?!" from a set
            lang._re_word_start,
            lang._re_multi_char_punct,
            lang.re_boundary_realignment.pattern,
            PunktToken._RE_NUMERIC.pattern,
            PunktToken._RE_INITIAL.pattern,
            PunktToken._RE_ELLIPSIS.pattern,
            tuple(lang.sent_end_chars),
            tuple(PunktSentenceTokenizer.PUNCTUATION),
        )
    except AttributeError:
        return ()


_FAST_PATH_ENABLED = _installed_punkt() == _EXPECTED_PUNKT


def _fast_spans(chunk: str) -> list[tuple[int, int]] | None:
    """Punkt's sentence spans for a simple chunk, or ``None`` if the chunk is not simple.

    ``None`` means "ask Punkt"; a list is exactly what
    ``_tokenizer().span_tokenize(chunk)`` returns (see the module docstring).
    """
    if not _FAST_PATH_ENABLED or not chunk or chunk[0] == " " or ".." in chunk or "--" in chunk:
        return None
    if not chunk.isprintable() and _OTHER_SPACE_RE.search(chunk):
        return None  # printable text has no white space but the space
    end = len(chunk.rstrip(" "))
    words = []  # (start, end, kind, closing marks after the end mark) of each word that ends in a mark
    for at in _mark_positions(chunk, end):
        if chunk[at] == "." and at + 1 < end and chunk[at + 1].isalnum():
            continue  # a dot inside a word ("U.S", "3.5"): Punkt's tokens run through it
        word_start = chunk.rfind(" ", 0, at) + 1
        word_end = chunk.find(" ", at, end)
        if word_end < 0:
            word_end = end
        info = _word_info(chunk[word_start:word_end])
        if info is None:
            return None  # a mark that is neither a dot inside a word nor the end mark of a simple word
        words.append((word_start, word_end, *info))
    spans = []
    start = 0
    for index, (_, word_end, kind, closers) in enumerate(words):
        if closers:
            breaks = kind != _NO_BREAK  # Punkt's next token is the closing mark
        elif word_end == end:
            continue  # the chunk's last mark: Punkt sees no candidate boundary there
        else:
            next_start = _SPACES_RE.match(chunk, word_end).end()
            first = chunk[next_start]
            if first in ".?!" or (first in _CLOSERS and _ONLY_CLOSERS_RE.match(chunk, next_start, end)):
                return None  # Punkt would read ". . ." or glue the closing marks to this sentence
            breaks = _decide(kind, first)
            if not breaks and index + 1 < len(words):
                next_word_start, _, next_kind, next_closers = words[index + 1]
                if next_word_start == next_start and next_closers and next_kind != _NO_BREAK:
                    breaks = True  # the next word's own sentence break is inside this mark's context
        if breaks:
            spans.append((start, word_end))
            start = _SPACES_RE.match(chunk, word_end, end).end()
    if start < end:
        spans.append((start, end))
    return spans


def _mark_positions(chunk: str, end: int) -> list[int]:
    """Positions of ``.``, ``?`` and ``!`` in ``chunk[:end]``, in order."""
    if "?" in chunk or "!" in chunk:
        return [match.start() for match in _MARK_RE.finditer(chunk, 0, end)]
    positions = []
    at = chunk.find(".", 0, end)
    while at >= 0:
        positions.append(at)
        at = chunk.find(".", at + 1, end)
    return positions


#: Kinds of words ending in a mark, by what untrained Punkt does at the mark (see _decide).
_BREAK, _NO_BREAK, _INITIAL, _NUMBER = range(4)


@lru_cache(maxsize=1 << 14)
def _word_info(word: str) -> tuple[int, int] | None:
    """``(kind, number of closing marks after the end mark)`` of a word, or ``None`` if it is not simple."""
    match = _FINAL_WORD_RE.fullmatch(word)
    if match is None:
        return None
    return _kind(match), len(match.group("after"))


#: Dotted initials without their last dot: "D.J" of "D.J." (Punkt sees one token).
_INITIALS_RE = re.compile(r"(?:[A-Z]\.){1,3}[A-Z]")


def _kind(word: re.Match[str]) -> int:
    """What untrained Punkt makes of the end mark of ``word`` (a match of :data:`_FINAL_WORD_RE`)."""
    if word.group("mark") != "." or word.group("closed") or not word.group("body"):
        return _BREAK  # "?", "!", or a "." that is a token of its own or follows a quote
    body = word.group("body")
    cut = max(body.rfind("'"), body.rfind("\u2019"))
    token = body[cut:] if cut >= 0 else word.group("quote") + body  # Punkt's token, without the "."
    lower = token.lower()
    abbreviations = _abbreviations()
    if lower in abbreviations or lower.split("-")[-1] in abbreviations:
        return _NO_BREAK
    if len(token) == 1 and (token.isalpha() if token.isascii() else PunktToken._RE_INITIAL.match(token + ".")) \
            or _INITIALS_RE.fullmatch(token):  # "J." and "D.J." ("James D.J. Brown")
        return _INITIAL
    if lower.isascii():
        number = _ASCII_NUMBER_RE.fullmatch(lower + ".") is not None
    else:
        number = bool(PunktToken._RE_NUMERIC.match(lower + "."))
    return _NUMBER if number else _BREAK


def _decide(kind: int, next_first: str) -> bool:
    """Whether Punkt ends a sentence at a word of ``kind`` followed by a space and ``next_first``."""
    if kind == _BREAK or kind == _NO_BREAK:
        return kind == _BREAK
    # Punkt's orthographic heuristic, untrained: not a sentence start before punctuation or lower case
    if next_first in ";:," or next_first.islower():
        return False
    return not (kind == _INITIAL and next_first.isupper())
