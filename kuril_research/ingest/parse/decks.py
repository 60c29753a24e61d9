"""The standfirst read by its shape: a deck under the headline, not a page tool, a field, a date or a name; and a
site's slogan under its name, moved out of the title (see :mod:`kuril_research.ingest.parse.shape` for the
headline)."""

from __future__ import annotations

import re

from kuril_research.ingest.parse.blocks import DATED_BLOCK, is_lead_paragraph
from kuril_research.ingest.parse.captions import is_caption
from kuril_research.ingest.parse.header import is_person_name, is_tool_bar
from kuril_research.ingest.parse.lexicon import FurnitureLexicon
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.shape import (
    HEADER_REASONS,
    LABEL_RE,
    SENTENCE_BREAK_RE,
    HeaderChoice,
    is_headline_shaped,
    is_writers_line,
    line_of,
)
from kuril_research.ingest.parse.text import SENTENCE_END_RE
from kuril_research.ingest.parse.timestamps import is_timestamp

__all__ = ["CAPTION_LABEL_RE", "LABEL_MAX_WORDS", "SHORT_DECK_WORDS", "DECK_MIN_WORDS", "is_short_label", "LEAD_WORDS", "is_deck",
           "DECK_CREDIT_TAIL_RE", "has_deck_credit", "is_other_script", "drop_false_deck", "slogan_over_headline",
           "deck_under_title", "SENTENCE_DECK_MAX_WORDS", "SENTENCE_DECK_MAX_SENTENCES", "DECK_CLOSERS", "BYLINE_LINE_RE",
           "is_byline_line", "deck_in_sentences", "PHOTO_REASONS", "is_under_byline_block"]


#: A labelled field ("Publication: Policy Brief No. 12") is no standfirst when it is this short.
LABEL_MAX_WORDS = 8
#: On a page without a dateline, a capitalised line shorter than this between the headline and the byline is a label,
#: a tagline or a forum's description ("Notes on military activity"), no deck: a deck reads as a sentence. (An
#: encyclopaedia's descriptor is in lower case: "archipelago, Russia"; over a dateline the line under the headline
#: is the deck whatever its length.)
SHORT_DECK_WORDS = 6


def is_short_label(line: str) -> bool:
    """A capitalised line of fewer than :data:`SHORT_DECK_WORDS` words.

    Examples
    --------
    >>> is_short_label("Notes on military activity"), is_short_label("archipelago, Russia")
    (True, False)
    >>> is_short_label("Tokyo says the drills run counter to its position")
    False
    """
    return line[:1].isupper() and len(line.split()) < SHORT_DECK_WORDS


#: A photo's caption opening with its label in capitals ("WATCHING THE STRAIT: A lighthouse on the cape ..."), as
#: papers print it under the top photo: no deck.
CAPTION_LABEL_RE = re.compile(r"[A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+){1,4}:\s")


#: A photo's caption with its credit at the end: the agency and "pic" or "photo" in brackets ("... in Moscow.
#: (Reuters pic)"), or the agency's name after a dash ("... in Vladivostok on Monday — Reuters"), or the picture's
#: source in brackets after the caption's sentence ("... among the objects on display. (Harbour Museum)"). A deck
#: carries no credit.
DECK_CREDIT_TAIL_RE = re.compile(r"(?:\((?:[A-Z][\w.&'’-]*\s){1,3}(?i:pic|pix|photo|picture|file photo)s?\)"
                                 r"|[^.!?\s]\s+[—–]\s*[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,2}"
                                 r"|[.!?]\s*\([A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}\))\s*\Z")


def has_deck_credit(line: str) -> bool:
    """A caption's credit at the end of a line (:data:`DECK_CREDIT_TAIL_RE`) of eight words or more.

    Examples
    --------
    >>> has_deck_credit("Two leaders shake hands before their talks at the Kremlin in Moscow. (Harbour Wire pic)")
    True
    >>> has_deck_credit("The two leaders shake hands before their talks in Vladivostok on Monday — Harbour Wire")
    True
    >>> has_deck_credit("A carved tray found on the island is among the objects on display. (Harbour Museum)")
    True
    >>> has_deck_credit("Tokyo says the drills run counter to its position — and Moscow disagrees")
    False
    """
    return len(line.split()) >= 8 and DECK_CREDIT_TAIL_RE.search(line) is not None


def is_other_script(line: str, title: str) -> bool:
    """Whether most letters of ``line`` are of another script than the title's (a headline in the outlet's own
    language over the translation: "Тихий океан" under an English title): outside the Latin letters when the title
    is in them, or Latin when it is not.

    Examples
    --------
    >>> is_other_script("Паром снова ходит на острова", "Ferries resume to the islands")
    True
    >>> is_other_script("Ferries resume to the islands of Kunashir and Shikotan", "Ferries resume")
    False
    """
    def latin_share(text: str) -> float:
        letters = [c for c in text if c.isalpha()]
        return sum(1 for c in letters if ord(c) < 0x250) / len(letters) if letters else 1.0
    return abs(latin_share(line) - latin_share(title)) > 0.5


def is_deck(line: str) -> bool:
    """Whether a line the position rules took for the standfirst may be one: not a row of page tools or a text-size
    toggle ("Normal text size"), not a short labelled field ("Publication: Policy Brief No. 12"), not a date, not a
    writer's name, not a caption opening with its label in capitals (:data:`CAPTION_LABEL_RE`).

    Examples
    --------
    >>> is_deck("Tokyo says the drills run counter to its position on the talks")
    True
    >>> is_deck("Normal text size"), is_deck("Publication: Policy Brief No. 12"), is_deck("Jane Roe, Tokyo")
    (False, False, False)
    >>> is_deck("WATCHING THE STRAIT: A lighthouse on the cape looks out over the water towards the islands.")
    False
    """
    return not (is_tool_bar(line) or LABEL_RE.match(line) and len(line.split()) <= LABEL_MAX_WORDS
                or is_timestamp(line) or is_person_name(line) or is_writers_line(line)
                or CAPTION_LABEL_RE.match(line) is not None or has_deck_credit(line))


def drop_false_deck(lines: list[str], standfirst: str | None, body: list[tuple[int, str, bool]],
                    removed: list[Removed], *, dated: bool = True,
                    title: str | None = None) -> tuple[str | None, list[Removed]]:
    """The standfirst, or None when it is no deck (:func:`is_deck`; on a page without a dateline, ``dated`` false,
    nor a short label, :func:`is_short_label`; nor a line in another script than the ``title``'s,
    :func:`is_other_script`): it is then logged as removed ("page tool"; "photo caption" for a caption with its
    label or credit; "repeated title" for the headline in another script; "site header" for a label, a date or a
    name). ``removed`` is not changed; a new list is returned.

    Examples
    --------
    >>> drop_false_deck(["Talks stall", "Normal text size", "Body."], "Normal text size", [(3, "Body.", False)], [])
    (None, [Removed(line=2, text='Normal text size', reason='page tool')])
    """
    other_script = title is not None and standfirst is not None and is_other_script(standfirst, title)
    if standfirst is None:
        return standfirst, removed
    taken = {n for n, _, _ in body} | {r.line for r in removed}
    number = line_of(standfirst, lines, taken)
    title_number = line_of(title, lines, taken | {number}) if dated and number is not None else None
    under_block = title_number is not None and title_number < number \
        and is_under_byline_block(number, title_number, removed)
    if is_deck(standfirst) and (dated or not is_short_label(standfirst)) and not other_script and not under_block:
        return standfirst, removed
    if number is None:
        return standfirst, removed
    reason = "page tool" if is_tool_bar(standfirst) \
        else "photo caption" if CAPTION_LABEL_RE.match(standfirst) or has_deck_credit(standfirst) or under_block \
        else "repeated title" if other_script else "site header"
    return None, sorted([*removed, Removed(number, standfirst, reason)], key=lambda r: r.line)


def slogan_over_headline(lines: list[str], title: str | None, standfirst: str | None,
                         body: list[tuple[int, str, bool]], removed: list[Removed],
                         lex: FurnitureLexicon) -> HeaderChoice:
    """Move the title down one line when the page's slogan was taken for it: the site's name (removed as its header)
    and its slogan stand on the page's first lines, then the headline and the standfirst, then the byline and date
    block. The position rules then read slogan, headline and standfirst as title, standfirst and first paragraph.
    The line right under a headline-shaped standfirst and right over the byline and date block (left in the body or
    removed as a header line), a deck (:func:`is_deck`) of six words or more that is no paragraph of the story (no
    sentence end, or fewer than twelve words), is the standfirst; the standfirst is the
    headline; the title, printed right under the site's name with nothing but removed site header lines above it,
    is the site's slogan.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lines = ["Island Voice", "Independent news for the northern coast", "Japan protests drills on the islands",
    ...          "Tokyo says the exercises run counter to its position", "Jane Roe", "Officials said so on Monday."]
    >>> body = [(4, lines[3], False), (6, lines[5], False)]
    >>> removed = [Removed(1, lines[0], "site header"), Removed(5, lines[4], "byline")]
    >>> c = slogan_over_headline(lines, lines[1], lines[2], body, removed, default_furniture())
    >>> c.title, c.standfirst, [n for n, _, _ in c.body]
    ('Japan protests drills on the islands', 'Tokyo says the exercises run counter to its position', [6])
    """
    unchanged = HeaderChoice(title, standfirst, body, removed)
    if title is None or standfirst is None or not body or not is_headline_shaped(standfirst, lex):
        return unchanged
    taken = {n for n, _, _ in body} | {r.line for r in removed}
    title_number = line_of(title, lines, taken)
    standfirst_number = line_of(standfirst, lines, taken | ({title_number} if title_number else set()))
    if title_number is None or standfirst_number is None or not title_number < standfirst_number:
        return unchanged
    reasons = {r.line: r.reason for r in removed}
    above = [n for n in range(1, title_number) if lines[n - 1].strip()]
    if not above or any(reasons.get(n) != "site header" for n in above):
        return unchanged  # the title is not right under the site's name
    if any(lines[n - 1].strip() for n in range(title_number + 1, standfirst_number)):
        return unchanged  # slogan and headline stand line by line
    body_numbers = {n for n, _, _ in body}
    under = standfirst_number + 1  # the deck: the next line, in the body or removed as a header line
    if under > len(lines) or not lines[under - 1].strip() \
            or not (under in body_numbers or reasons.get(under) in HEADER_REASONS):
        return unchanged
    deck = lines[under - 1].strip()
    after = next((n for n in range(under + 1, len(lines) + 1) if lines[n - 1].strip()), None)
    if after is None or reasons.get(after) not in DATED_BLOCK \
            or not is_deck(deck) or len(deck.split()) < 6 \
            or len(deck.split()) >= 12 and SENTENCE_END_RE.search(deck):
        return unchanged
    out = sorted([*(r for r in removed if r.line != under), Removed(title_number, title, "site header")],
                 key=lambda r: r.line)
    new_body = [item for item in body if item[0] != under]
    if not new_body:
        return unchanged
    return HeaderChoice(standfirst, deck, new_body, out)


#: Removed lines that stand for the top photo: its caption or its credit.
PHOTO_REASONS = frozenset({"photo caption", "credit line"})


def is_under_byline_block(number: int, title_number: int, removed: list[Removed]) -> bool:
    """Whether header line ``number`` stands under the byline and date block printed under the headline (a removed
    byline or date line between line ``title_number`` and it) with no photo (a removed caption or credit) between
    that block and it, nor a summary label ("Synopsis") right over it: the top photo's caption, a notice or a box
    over the story's dateline, never the deck, which stands over the byline, or under the top photo (as Sputnik
    prints its lead).

    Examples
    --------
    >>> block = [Removed(3, "Jane Roe", "byline"), Removed(4, "March 3, 2026", "date line")]
    >>> is_under_byline_block(5, 1, block), is_under_byline_block(2, 1, block)
    (True, False)
    >>> is_under_byline_block(7, 1, block + [Removed(5, "© Harbour Wire", "credit line")])
    False
    >>> is_under_byline_block(6, 1, block + [Removed(5, "Synopsis", "standfirst label")])
    False
    """
    reasons = {r.line: r.reason for r in removed if title_number < r.line < number}
    dated = [n for n, reason in reasons.items() if reason in DATED_BLOCK]
    if not dated:
        return False
    label = max(reasons, default=None)
    return not any(n > min(dated) and reason in PHOTO_REASONS for n, reason in reasons.items()) \
        and not (label is not None and reasons[label] == "standfirst label")


#: A deck read by its shape under the headline has at least this many words.
DECK_MIN_WORDS = 8
#: A story's first paragraph: this many words or more and a sentence end.
LEAD_WORDS = 12


def deck_under_title(lines: list[str], title: str | None, standfirst: str | None,
                     body: list[tuple[int, str, bool]], removed: list[Removed]) -> HeaderChoice:
    """Take the standfirst from the body when the position rules found none: the first line of the body, the next
    line under the title (or under removed lines only), a deck (:func:`is_deck`) of :data:`DECK_MIN_WORDS` words or
    more, one clause with no sentence end (a question is a Q&A's or a forum's), no label ("Q:"), over a paragraph
    of the story (a sentence of :data:`LEAD_WORDS` words or more). A story's first paragraph ends in a full stop; a deck, in most outlets'
    style, does not. A line there that ends in a caption's credit (:func:`has_deck_credit`) is the top photo's caption.

    Examples
    --------
    >>> lines = ["Japan protests drills", "", "Tokyo says the exercises run counter to its position on the talks", "",
    ...          "Japan lodged a protest with Moscow on Tuesday over drills held on two of the islands, officials said."]
    >>> c = deck_under_title(lines, lines[0], None, [(3, lines[2], True), (5, lines[4], False)], [])
    >>> c.standfirst, [n for n, _, _ in c.body]
    ('Tokyo says the exercises run counter to its position on the talks', [5])
    """
    unchanged = HeaderChoice(title, standfirst, body, removed)
    if title is None or standfirst is not None or len(body) < 2:
        return unchanged
    taken = {n for n, _, _ in body} | {r.line for r in removed}
    title_number = line_of(title, lines, taken)
    if title_number is None or title_number > body[0][0]:
        return unchanged
    removed_numbers = {r.line for r in removed}
    if any(lines[n - 1].strip() and n not in removed_numbers for n in range(title_number + 1, body[0][0])):
        return unchanged
    deck, lead = body[0][1], body[1][1]
    if has_deck_credit(deck) and len(lead.split()) >= LEAD_WORDS and SENTENCE_END_RE.search(lead):
        # the top photo's caption with its credit, right under the headline and over the story
        return HeaderChoice(title, standfirst, body[1:], removed + [Removed(body[0][0], deck, "photo caption")])
    if len(deck.split()) < DECK_MIN_WORDS or SENTENCE_END_RE.search(deck) or SENTENCE_BREAK_RE.search(deck) \
            or LABEL_RE.match(deck) or not is_deck(deck) \
            or not deck[:1].isupper() or len(lead.split()) < LEAD_WORDS or not SENTENCE_END_RE.search(lead):
        return unchanged
    return HeaderChoice(title, deck, body[1:], removed)


#: A deck written in sentences has at most this many words and sentences; a longer line is the story's lead.
SENTENCE_DECK_MAX_WORDS = 60
SENTENCE_DECK_MAX_SENTENCES = 3
#: Removed lines that close a page's header between its deck and its story: the byline and date block, or a page
#: tool under the deck is not enough: a contents box follows an encyclopaedia's first paragraph.
DECK_CLOSERS = DATED_BLOCK
#: A byline left in the body: "By Jane Roe (Tokyo, correspondent)", "Jane RoeNorth Asia correspondent".
BYLINE_LINE_RE = re.compile(r"By\s+[A-Z][\w'’.-]*\s+[A-Z].{0,80}|"
                            r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3} ?(?:[A-Z][\w'’-]+ ){0,3}"
                            r"(?i:correspondent|reporter|bureau chief|editor|staff writer)")


def is_byline_line(line: str) -> bool:
    """A byline: a writer's name with "By" before it or a job title after it, or writers' names alone.

    Examples
    --------
    >>> is_byline_line("By Jane Roe (Tokyo, correspondent)"), is_byline_line("Jane RoeNorth Asia correspondent")
    (True, True)
    >>> is_byline_line("By the end of the week the ferry had left.")
    False
    """
    return (BYLINE_LINE_RE.fullmatch(line) is not None and not SENTENCE_END_RE.search(line)
            or is_person_name(line) or is_writers_line(line))


def deck_in_sentences(lines: list[str], title: str | None, standfirst: str | None,
                      body: list[tuple[int, str, bool]], removed: list[Removed]) -> HeaderChoice:
    """Take the standfirst from the body when it is written in sentences: the first line of the body, right under
    the title (or under removed lines that are no byline nor date), of one to :data:`SENTENCE_DECK_MAX_SENTENCES`
    sentences and at most :data:`SENTENCE_DECK_MAX_WORDS` words, no caption, with the byline and date block (or a
    page tool, :data:`DECK_CLOSERS`; or a byline left in the body, :func:`is_byline_line`) between it and the rest
    of the story; a byline left in the body is then logged as removed. A byline stands between the header and the
    story: what stands over it under the headline is the header's deck, full stops or not (:func:`deck_under_title`
    reads a deck without them over the lead); so is a line under the date and over a byline left in the body
    ("Putin's Tokyo visit ..." / "Tuesday, 22 November 2005" / "Russia and Japan sign ..." / "By Karin Seiler").

    Examples
    --------
    >>> lines = ["Island talks stall", "Moscow said no. Tokyo said it would wait.", "By Jane Roe",
    ...          "Japan and Russia ended a round of talks on Tuesday without agreement on the islands, officials said."]
    >>> c = deck_in_sentences(lines, lines[0], None, [(2, lines[1], False), (4, lines[3], False)],
    ...                       [Removed(3, lines[2], "byline")])
    >>> c.standfirst, [n for n, _, _ in c.body]
    ('Moscow said no. Tokyo said it would wait.', [4])
    >>> deck_in_sentences(lines, lines[0], None, [(2, lines[1], False), (4, lines[3], False)], []).standfirst is None
    True
    """
    unchanged = HeaderChoice(title, standfirst, body, removed)
    if title is None or standfirst is not None or len(body) < 2:
        return unchanged
    taken = {n for n, _, _ in body} | {r.line for r in removed}
    title_number = line_of(title, lines, taken)
    if title_number is None or title_number > body[0][0]:
        return unchanged
    reasons = {r.line: r.reason for r in removed}
    between = [n for n in range(title_number + 1, body[0][0]) if lines[n - 1].strip()]
    over_byline = len(body) > 2 and is_byline_line(body[1][1])
    if any(n not in reasons for n in between) or (any(reasons[n] in DATED_BLOCK for n in between) and not over_byline):
        return unchanged  # a deck stands over the byline and date, right under the headline (or under the date
        # and over the byline left in the body: nothing of the story stands over its byline)
    deck = body[0][1]
    words = len(deck.split())
    sentences = len(SENTENCE_BREAK_RE.findall(deck)) + 1
    if not 6 <= words <= SENTENCE_DECK_MAX_WORDS or sentences > SENTENCE_DECK_MAX_SENTENCES \
            or not (deck[:1].isupper() or deck[:1] in "\"“'‘") or LABEL_RE.match(deck) or not is_deck(deck) \
            or is_caption(deck, [b[1] for b in body[:3]]) or is_byline_line(deck):
        return unchanged
    closers = {reasons.get(n) for n in range(body[0][0] + 1, body[1][0])}
    rest, out = body[1:], removed
    if not closers & DECK_CLOSERS:
        if not is_byline_line(body[1][1]):
            return unchanged
        rest = body[2:]  # the byline left in the body goes with the header
        out = sorted([*removed, Removed(body[1][0], body[1][1], "byline")], key=lambda r: r.line)
    if not any(is_lead_paragraph(line) for _, line, _ in rest[:3]):
        return unchanged  # the story goes on under the byline
    return HeaderChoice(title, deck, rest, out)
