"""The introduction of an interview or a broadcast transcript: the standfirst over its turns.

An interview or a programme's transcript prints, under its headline, a paragraph that says who spoke to whom and
about what ("Ahead of the summit, our correspondent spoke to the district head about ..."), and then the turns,
each opening with its speaker's label and a colon ("OGONYOK: ...", "Sputnik: ...", "Gennady Barkov: ...",
"WHITBY: ..."). That paragraph, printed right under the headline, is the piece's standfirst, not the first
paragraph of the text, however long it is; a page without a dateline reads it as the text's first paragraph because
it is a sentence. It is found by the turns under it: the paragraph is a sentence and none of them, and among the
paragraphs right under it (a caption or a programme's credits may stand between) :data:`MIN_TURNS` or more open with
a label and a colon (:data:`TURN_RE`), one label at least coming back. An introduction under the byline or the date
is the text's first paragraph (an embassy's or a paper's page of questions and answers prints it so).
"""

from __future__ import annotations

import re
from collections import Counter

from kuril_research.ingest.parse.blocks import is_lead_paragraph
from kuril_research.ingest.parse.shape import HeaderChoice

__all__ = ["MIN_TURNS", "TURN_WINDOW", "FIRST_TURN_WITHIN", "TURN_RE", "turn_label", "interview_intro"]

#: A turn's label: a speaker's name or role and a colon, maybe the name in brackets after the role ("OGONYOK: ",
#: "Gennady Barkov: ", "Chairperson (Ms. Jane Roe): ").
TURN_RE = re.compile(r"\A(?P<label>[A-Z][\w'.\- ]{0,30}?)(?:\s\([^()]{1,40}\))?:\s")

#: An interview has at least this many turns among the paragraphs under its introduction ...
MIN_TURNS = 3
#: ... counted among this many paragraphs ...
TURN_WINDOW = 8
#: ... and its first turn stands among this many paragraphs under the introduction.
FIRST_TURN_WITHIN = 3


def turn_label(line: str) -> str | None:
    """The speaker's label of a turn ("OGONYOK", "Gennady Barkov"), or None when the line opens with none.

    Examples
    --------
    >>> turn_label("OGONYOK: How many people have left?"), turn_label("Anna Roe: Calmly.")
    ('OGONYOK', 'Anna Roe')
    >>> turn_label("Chairperson (Ms. Jane Roe): We resume."), turn_label("Talks resume in spring.")
    ('Chairperson', None)
    """
    match = TURN_RE.match(line)
    return match.group("label").strip() if match is not None else None


def interview_intro(lines: list[str], title: str | None, standfirst: str | None, body: list[tuple[int, str, bool]],
                    removed: list) -> HeaderChoice:
    """Move an interview's introduction from the body to the standfirst, when the page has a title and no standfirst.

    Parameters
    ----------
    lines : list of str
        The page's lines, numbered from 1.
    title, standfirst : str or None
        What the header rules chose.
    body : list of (int, str, bool)
        The kept lines under the header (line number, text, blank line after it).
    removed : list of Removed
        The lines removed so far (returned unchanged).

    Returns
    -------
    HeaderChoice
        With the introduction as the standfirst, or what it was given.

    Examples
    --------
    >>> intro = "Before the summit our correspondent spoke to the district head about the islands and the ferry."
    >>> turns = ["POST: How do people feel?", "ROE: Calmly. We heard it all before.", "POST: And the ferry?",
    ...          "ROE: It will sail."]
    >>> lines = ["Talks", "", intro] + turns
    >>> body = [(n, line, False) for n, line in enumerate(lines, start=1)][2:]
    >>> interview_intro(lines, "Talks", None, body, []).standfirst == intro
    True
    >>> interview_intro(lines, "Talks", None, body[:1] + body[3:], []).standfirst is None  # two turns: no interview
    True
    >>> dated = ["Talks", "March 3, 2026"] + lines[2:]  # under the date: the text's first paragraph
    >>> interview_intro(dated, "Talks", None, body, []).standfirst is None
    True
    """
    if title is None or standfirst is not None or len(body) < 2 or turn_label(body[0][1]) is not None \
            or not is_lead_paragraph(body[0][1]):
        return HeaderChoice(title, standfirst, body, removed)
    above = next((n for n in range(body[0][0] - 1, 0, -1) if lines[n - 1].strip()), None)
    if above is None or lines[above - 1].strip() != title.strip():
        return HeaderChoice(title, standfirst, body, removed)  # not right under the headline
    labels = [turn_label(line) for _, line, _ in body[1:1 + TURN_WINDOW]]
    turns = [label for label in labels if label is not None]
    first = next((j for j, label in enumerate(labels) if label is not None), None)
    if first is None or first >= FIRST_TURN_WITHIN or len(turns) < MIN_TURNS \
            or Counter(turns).most_common(1)[0][1] < 2:
        return HeaderChoice(title, standfirst, body, removed)
    return HeaderChoice(title, body[0][1], body[1:], removed)
