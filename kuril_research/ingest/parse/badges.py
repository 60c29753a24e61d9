"""A list header over a single line at the top of a page is a badge over the headline, not a list of links.

Sites print labels that read like the header of a list of other stories right over the story's own headline:
"Editors' Pick" (Forbes), "Top Stories" (a broadcaster's page), "Most Read" on a story that made the list. The
furniture rules remove a ``list_headers`` line and the link lines under it (:mod:`.furniture`), so the headline
went with the label. A real list of links has two items or more; a "list" of one item, above the story's kept
lines, with a byline, a date or a repeated name right under it, is the headline under its badge.
:func:`restore_badged_headline` gives that line back to the page.
"""

from __future__ import annotations

from kuril_research.ingest.parse.lexicon import FurnitureLexicon
from kuril_research.ingest.parse.records import Removed

__all__ = ["LINK_REASON", "STORY_WORDS", "restore_badged_headline"]

#: A kept line of this many words or more is the story's (or a headline's): no badge stands under it.
STORY_WORDS = 6
#: The reason the furniture rules give a list header and the link lines under it.
LINK_REASON = "related links"


def restore_badged_headline(all_lines: list[str], kept: list[tuple[int, str, bool]], removed: list[Removed],
                            lex: FurnitureLexicon) -> tuple[list[tuple[int, str, bool]], list[Removed]]:
    """``kept`` and ``removed`` with the one line of a one-item list at the top of the page kept (rule in the
    module docstring): the list header is the first removed link line, no line of :data:`STORY_WORDS` words or
    more is kept above it, exactly one link line follows it, and the line right under that item is removed as
    another kind of furniture (a byline, a date line, a repeated name).

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> lines = ["Forbes", "Editors' Pick", "", "Abe wants a deal on the islands", "", "Jan 23, 2019",
    ...          "", "Shinzo Abe flew home from Moscow on Tuesday with warm words and not much else."]
    >>> kept = [(8, lines[7], True)]
    >>> removed = [Removed(1, "Forbes", "site header"), Removed(2, "Editors' Pick", "related links"),
    ...            Removed(4, lines[3], "related links"), Removed(6, "Jan 23, 2019", "date line")]
    >>> kept, removed = restore_badged_headline(lines, kept, removed, default_furniture())
    >>> [text for _, text, _ in kept]
    ['Abe wants a deal on the islands', 'Shinzo Abe flew home from Moscow on Tuesday with warm words and not much else.']
    """
    if lex.list_header_re is None:
        return kept, removed
    ordered = sorted(removed, key=lambda r: r.line)
    first_kept = min((number for number, text, _ in kept if len(text.split()) >= STORY_WORDS),
                     default=len(all_lines) + 1)  # the site's name may be kept over the badge, no story line
    header = next((i for i, r in enumerate(ordered) if r.reason == LINK_REASON), None)
    if header is None or ordered[header].line > first_kept or not lex.list_header_re.fullmatch(ordered[header].text):
        return kept, removed
    items = ordered[header + 1:header + 3]
    if not items or items[0].reason != LINK_REASON or lex.list_header_re.fullmatch(items[0].text) \
            or items[0].line > first_kept:
        return kept, removed
    item, after = items[0], items[1] if len(items) > 1 else None
    below = next((n for n in range(item.line + 1, len(all_lines) + 1) if all_lines[n - 1].strip()), None)
    if after is None or after.reason == LINK_REASON or after.line != below:
        return kept, removed  # two items or more (a list), or a kept line under the item (a list that it ends)
    blank_before = item.line > 1 and not all_lines[item.line - 2].strip()
    return (sorted([*kept, (item.line, item.text, blank_before)]),
            [r for r in removed if r is not item])
