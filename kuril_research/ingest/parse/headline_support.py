"""What ties a headline to its story, on any site: the lead takes up its words, and an encyclopaedia's or a
dictionary's entry opens its first sentence with its headword.

A site's own lines at the top of a page (its tagline, a browser notice, a section's name, a page counter, an
infobox row) share no words with the story under them; a headline sums the story up (:func:`is_unsupported`).
An entry of a reference work has no headline in the news sense: its title is the subject its first sentence
defines ("Shikotan, also known as ...", "The Habomai Islands (...) are ..."), printed above it (:func:`headword_line`).
"""

from __future__ import annotations

import re

from kuril_research.ingest.parse.lexicon import FurnitureLexicon
from kuril_research.ingest.parse.shape import is_headline_shaped
from kuril_research.ingest.parse.text import SENTENCE_END_RE, STATEMENT_END_RE
from kuril_research.ingest.parse.title_features import content_words, is_paragraph

__all__ = ["UNSUPPORTED_KEEP_MAX", "SUPPORTED_MIN_WORDS", "STEM_LETTERS", "stems", "is_unsupported",
           "HEADWORD_MAX_WORDS", "DEFINITION_RE", "opens_definition", "headword_line", "DECK_UNDER_MIN_WORDS",
           "TRAIL_RE", "headline_over"]

#: A title the story's lead does not take up (:func:`is_unsupported`) yields to the model's best line when its
#: own probability is at most this (instead of the model's ``keep_max``).
UNSUPPORTED_KEEP_MAX = 0.25
#: The other line shares at least this many content words with the lead.
SUPPORTED_MIN_WORDS = 2
#: Words are compared by their first four letters ("ferry" and "ferries", "Japan" and "Japanese" meet).
STEM_LETTERS = 4


def stems(line: str) -> set[str]:
    """The line's content words (:func:`~.title_features.content_words`) cut to :data:`STEM_LETTERS` letters.

    Examples
    --------
    >>> sorted(stems("Ferries resume to Japanese islands"))
    ['ferr', 'isla', 'japa', 'resu']
    """
    return {w[:STEM_LETTERS] for w in content_words(line)}


def is_unsupported(title: str, other: str, lead: set[str]) -> bool:
    """Whether the lead of the story takes up none of ``title``'s content words, or at most one of four or more
    (a quarter), while it takes up :data:`SUPPORTED_MIN_WORDS` or more of ``other``'s, and more than of the title's,
    and ``other`` ends in no full stop, colon or semicolon as a headline does (words compared by their first
    :data:`STEM_LETTERS` letters).
    A headline sums up its story; a site's tagline ("The world news channel"), a browser notice, a section's
    name or a page counter ("Article ID 5391") shares nothing with it, whatever site prints them.
    ``lead`` holds the lead's content words (:func:`~.title_features.lead_words`).

    Examples
    --------
    >>> lead = content_words("Japan protested on Monday against Russian drills on Kunashir, the ministry said.")
    >>> is_unsupported("The world news channel", "Japan protests Russian drills", lead)
    True
    >>> is_unsupported("Drills anger Tokyo", "Japan protests Russian drills", lead)
    False
    >>> is_unsupported("The world news channel", "Weather in Tokyo", lead)
    False
    >>> is_unsupported("The world news channel", "Japan protested against Russian drills.", lead)
    False
    """
    taken = {w[:STEM_LETTERS] for w in lead}
    own, theirs = stems(title), stems(other)
    mine, other_count = len(own & taken), len(theirs & taken)
    return other_count >= SUPPORTED_MIN_WORDS and other_count > mine and not STATEMENT_END_RE.search(other) and (
        mine == 0 or len(own) >= 4 and mine / len(own) <= 0.25)


#: A headword has at most this many words.
HEADWORD_MAX_WORDS = 8
#: What follows the headword in a definition: a bracket (its other names), a comma ("X, also known as"), "or"
#: (a variant), or a verb of definition ("X is", "X are", "X refers to", "X includes").
DEFINITION_RE = re.compile(r"\s*[(,\[]|\s+(?:or|is|are|was|were|refers?|includes?|comprises?|consists?)\b")
#: An article before the headword in the first sentence ("The Habomai Islands are ...").
ARTICLE_RE = re.compile(r"(?:the|a|an)\s+", re.I)


def opens_definition(line: str, lead: str) -> bool:
    """Whether ``lead`` opens by defining ``line``: it begins with the line's words (case aside, after an article
    "the", "a" or "an"), and a bracket, a comma, "or" or a verb of definition follows (:data:`DEFINITION_RE`).
    The line is a heading: :data:`HEADWORD_MAX_WORDS` words or fewer, opening in a capital, no sentence end.

    Examples
    --------
    >>> opens_definition("Shikotan", "Shikotan, also known as Spanberg, is an island of the Kurils.")
    True
    >>> opens_definition("Offshore Islets Of Shikotan", "The Offshore islets of Shikotan include several rocks.")
    True
    >>> opens_definition("Shikotan", "Shikotanians went home.")
    False
    >>> opens_definition("Kuril Islands", "Kuril Islands residents voted on Sunday.")
    False
    """
    words = line.split()
    if not 1 <= len(words) <= HEADWORD_MAX_WORDS or not line[:1].isupper() or SENTENCE_END_RE.search(line):
        return False
    key = " ".join(words).casefold()
    text = " ".join(lead.split())
    starts = [text]
    article = ARTICLE_RE.match(text)
    if article:
        starts.append(text[article.end():])
    return any(start.casefold().startswith(key) and DEFINITION_RE.match(start[len(key):]) for start in starts)


def headword_line(cands: list[tuple[int, str]], lines: list[str]) -> int | None:
    """The number of the first candidate line (``cands``: (number, text) pairs above the story) that the first
    paragraph of ``lines`` (:func:`~.title_features.is_paragraph`) opens by defining (:func:`opens_definition`):
    the headword of an encyclopaedia's or a dictionary's entry. None when there is none.

    Examples
    --------
    >>> lines = ["Wiki Mirror", "Shikotan", "From the free encyclopedia", "Shikotan, also known as Spanberg, is an "
    ...          "island in the Kurils administered by Russia and claimed by Japan as part of Hokkaido."]
    >>> headword_line([(1, "Wiki Mirror"), (2, "Shikotan"), (3, "From the free encyclopedia")], lines)
    2
    """
    at = next((number for number, line in enumerate(lines, start=1) if is_paragraph(line.strip())), None)
    if at is None:
        return None
    lead = lines[at - 1].strip()
    return next((number for number, text in cands if number < at and opens_definition(text, lead)), None)


#: A deck under its headline has at least this many words, and more than the headline: longer than most headlines
#: are, so that a kicker over a headline ("The islands both capitals claim" over an eleven-word headline) is none.
DECK_UNDER_MIN_WORDS = 13
#: A site's trail of sections ("World News / Rest Of The World News", "Home > News"): no headline over a deck.
TRAIL_RE = re.compile(r"\s[/>|»›]\s")


def headline_over(cands: list[tuple[int, str]], i: int, lex: FurnitureLexicon) -> int | None:
    """The candidate right above candidate ``i`` (the line before it, or the one before a blank line) when ``i``
    reads as its deck: a line of :data:`DECK_UNDER_MIN_WORDS` words or more under a shorter line with a headline's
    shape (:func:`~.shape.is_headline_shaped`), no trail of sections (:data:`TRAIL_RE`); None otherwise. The
    story's lead takes up more of a long deck's words than of its short headline, so a chooser that weighs the
    lead's words picks the deck.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> cands = [(1, "POLICY-RELATED NEWS"), (3, "Visiting Family Graves by Air"),
    ...          (4, "Former residents of the Northern Territories travel to their home islands by chartered plane")]
    >>> headline_over(cands, 2, default_furniture()), headline_over(cands, 1, default_furniture())
    (1, None)
    """
    if i <= 0 or cands[i - 1][0] < cands[i][0] - 2:
        return None  # the line right above, or above a blank line
    head, deck = cands[i - 1][1].split(), cands[i][1].split()
    if len(deck) >= DECK_UNDER_MIN_WORDS and len(head) < len(deck) and is_headline_shaped(cands[i - 1][1], lex) \
            and not TRAIL_RE.search(cands[i - 1][1]):
        return i - 1
    return None
