"""Two named people joined by "and" as the subject of one speech verb: they speak together (rule 4).

"In a joint statement, Yeltsin and Hashimoto said the talks would aim "to settle ..."": the statement is
the two leaders', not the first one's nor the second one's. When the name a rule picked stands right
before or right after "and" and another person's name, and a speech verb follows the second name, the
speaker is both names as written ("Yeltsin and Hashimoto"), with no single entity.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.voice.model import Cand

#: What stands between the two names: "and", nothing else ("Abe and Putin").
JOINT_AND_RE = re.compile(r"\s+and\s+")


def joint_subject(text: str, c: Cand, cands: Sequence[Cand], subject_verb_re: re.Pattern | None) -> Cand | None:
    """The two names joined by "and" that ``c`` is one of, as one candidate spanning both, when a speech verb
    (``subject_verb_re``) follows the second; None otherwise. ``cands`` are the candidates in text order.

    Only named people (not roles, pronouns or bodies) are joined: "the ministry and Lavrov said" is left alone.

    Examples
    --------
    >>> verb = re.compile(r"(?:\\s+[a-z]+){0,3}?\\s+(?:said|added|told)\\b")
    >>> text = "Abe and Putin said the work was vital."
    >>> abe, putin = Cand(0, 3, "person", "abe", "Abe"), Cand(8, 13, "person", "putin", "Putin")
    >>> joint_subject(text, abe, [abe, putin], verb).text, joint_subject(text, putin, [abe, putin], verb).text
    ('Abe and Putin', 'Abe and Putin')
    >>> joint_subject("Abe and Putin met.", abe, [abe, putin], verb) is None
    True
    """
    if subject_verb_re is None or not _named(c):
        return None
    i = next((k for k, other in enumerate(cands) if other is c), None)
    if i is None:
        return None
    pairs = []
    if i + 1 < len(cands):
        pairs.append((c, cands[i + 1]))
    if i > 0:
        pairs.append((cands[i - 1], c))
    for first, second in pairs:
        if _named(first) and _named(second) and JOINT_AND_RE.fullmatch(text, first.end, second.start) \
                and subject_verb_re.match(text, second.end):
            return Cand(first.start, second.end, "person", None, " ".join(text[first.start:second.end].split()))
    return None


def _named(c: Cand) -> bool:
    """Whether a candidate is a person's name (not a role or a pronoun)."""
    return c.kind == "person" and not c.role and c.text[:1].isupper()
