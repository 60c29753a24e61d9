"""A writer's bio under the story ("Jane Roe covers defence for the Harbour Times. She is based in Tokyo.").

A page that names its writer in a byline ("By Jane Roe", "Written by Jane Roe") often prints the writer again
under the story: the name alone, then a line or two about them. What tells such a paragraph from the story's own is
its position and its shape, not its words: it opens with the very name of the byline and a verb of a bio ("is",
"covers", "writes", ...), and no paragraph of the story follows it.
"""

from __future__ import annotations

import re

from kuril_research.ingest.parse.captions import has_credit
from kuril_research.ingest.parse.text import SENTENCE_END_RE

__all__ = ["BIO_REASON", "BYLINE_OPENING_RE", "CO_WRITER_RE", "BIO_VERBS", "BIO_MAX_SENTENCES", "STORY_WORDS", "FOLLOWERS_RE", "author_bio_lines"]

#: Why a bio line is removed.
BIO_REASON = "author bio"
#: A removed line that opens with a byline and the writer's name, whatever follows it ("By Jane Roe  •  Harbour
#: Times", "Written by Jane Roe", "By: Jane Roe").
BYLINE_OPENING_RE = re.compile(r"\s*(?:[•·]\s*)?(?i:by|written by)\s*:?\s+(?P<name>[A-Z][\w’'.-]+(?:\s[A-Z][\w’'.-]+){1,2})")
#: The writers after the first in the same byline ("By Jane Roe and John Doe", "By Jane Roe, John Doe & Ann Lee").
CO_WRITER_RE = re.compile(r"(?:,\s*|\s+(?:and|&)\s+)(?P<name>[A-Z][\w’'.-]+(?:\s[A-Z][\w’'.-]+){1,2})")
#: What a bio says of its writer right after the name.
BIO_VERBS = ("is", "was", "covers", "writes", "reports", "has", "teaches", "works", "lives", "serves", "joined",
             "edits", "leads", "heads", "focuses", "specializes", "specialises", "studies", "researches",
             # who reported the story from where ("Jane Roe reported from London, and John Doe from Tokyo.")
             "reported", "contributed")
#: A bio is short.
BIO_MAX_SENTENCES = 3
#: A line of the story: this many words or more and a sentence end (none may follow a bio).
STORY_WORDS = 12
#: A writer's profile box counts their followers ("214 Followers", "1.2K followers", "3,400 subscribers"); the line
#: under the count is the writer's bio, whatever its words ("Moscow-based photographer. Writing about ...").
FOLLOWERS_RE = re.compile(r"\d[\d,.]*\s*[kKmM]?\s+(?:followers|subscribers)", re.I)
#: The end of a sentence inside a line, to count them.
_SENTENCE_STOP_RE = re.compile(r"[.!?][\"'”’)]*(?:\s|\Z)")


def author_bio_lines(lines: list[str], reasons: dict[int, str]) -> dict[int, str]:
    """1-based numbers of the writer's name and bio under the story, as :data:`BIO_REASON`.

    The names are those of the bylines among the lines ``reasons`` already removes (:data:`BYLINE_OPENING_RE`: a line
    opening with "By" and a name, whatever reason removed it). Under the first byline, a line that is such a name
    alone, or that opens with it and a :data:`BIO_VERBS` word in at most :data:`BIO_MAX_SENTENCES` sentences, is a bio when no line of the story (:data:`STORY_WORDS` words or more with a
    sentence end, not already in ``reasons``, not a bio, no photo's caption with its credit) stands under it.

    Examples
    --------
    >>> page = ["Drills resume", "By Jane Roe", "Troops landed on the island on Monday, the ministry said in Tokyo.",
    ...         "Jane Roe", "Jane Roe covers defence for the Harbour Times. She is based in Tokyo.", "Share"]
    >>> author_bio_lines(page, {2: "byline", 6: "share counter"})
    {4: 'author bio', 5: 'author bio'}
    >>> author_bio_lines(["By Jane Roe", "Jane Roe was in Nemuro.", page[2]], {1: "byline"})  # the story goes on
    {}
    >>> author_bio_lines(["By Jane Roe and Ken Aoki", page[2], "Ken Aoki", "Ken Aoki is a producer in Tokyo."],
    ...                  {1: "byline"})
    {3: 'author bio', 4: 'author bio'}
    >>> author_bio_lines(["By Jane Roe", page[2], "Written by Jane Roe", "214 Followers", "Photographer in Nemuro.",
    ...                   "Follow"], {1: "byline", 3: "byline", 4: "share counter", 6: "follow button"})
    {5: 'author bio'}
    """
    bylines = {n: m for n in reasons if (m := BYLINE_OPENING_RE.match(lines[n - 1])) is not None}
    names = {m.group("name") for m in bylines.values()}
    for n, m in bylines.items():  # every writer of the byline, not only the first
        end = m.end()
        while (co := CO_WRITER_RE.match(lines[n - 1], end)) is not None:
            names.add(co.group("name"))
            end = co.end()
    if not names:
        return {}
    first = min(bylines)
    found: dict[int, str] = {}
    for number in range(len(lines), first, -1):  # from the bottom up, while no story line is met
        line = lines[number - 1].strip()
        if not line or number in reasons:
            continue
        above = next((n for n in range(number - 1, 0, -1) if lines[n - 1].strip()), None)
        if any(line == name or (line.startswith(name + " ") and line[len(name) + 1:].split(" ", 1)[0] in BIO_VERBS
                                and len(_SENTENCE_STOP_RE.findall(line)) <= BIO_MAX_SENTENCES) for name in names) \
                or above in reasons and FOLLOWERS_RE.fullmatch(lines[above - 1].strip()) is not None \
                and len(_SENTENCE_STOP_RE.findall(line)) <= BIO_MAX_SENTENCES:
            found[number] = BIO_REASON  # the name, a bio opening with it, or the bio under the profile's followers
        elif len(line.split()) >= STORY_WORDS and SENTENCE_END_RE.search(line) and not has_credit(line):
            break
    return dict(sorted(found.items()))
