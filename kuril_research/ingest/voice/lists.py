"""One voice per list of names (rule 3b): the names of a list are written by one hand.

A list of names ("Iturup, Kunashir, Shikotan and the Habomai group") is written in one side's spelling or in
neutral names. Where the list holds a name in one side's spelling written in the outlet's own voice, a naming
cue of the other side before the list gives it none of its names: "Japan considers Iturup, Kunashir, Shikotan
and the Habomai islands its own" uses Russia's spellings, so the outlet, not Japan, lists them, and the neutral
Shikotan and Habomai, which the cue alone would attribute to Japan, are the outlet's too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.model import OTHER_SIDE, VoicedMention
from kuril_research.ingest.voice.referents import NAME_SLOT_END_RE

#: Between two names of one list: a comma or "and" (not "or", which gives the other names of the same things:
#: "Etorofu, Kunashiri, Shikotan and the Habomai islets, or Iturup, Kunashir, Shikotan and Habomai").
LIST_JOIN_RE = re.compile(r"\s*,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?", re.I)
#: The end of a naming cue whose names follow it ("known in Japan as ", "called in Russia "): a list right after it
#: is the names the cue gives, not a list the outlet writes ("Known in Japan as Iturup, Kunashir, Shikotan and
#: Habomai, ..." reports all four as Japan's names, however the outlet spells them).
#: One pattern with the cues' own name slot (:mod:`~kuril_research.ingest.voice.referents`).
NAME_SLOT_RE = NAME_SLOT_END_RE


def name_lists(text: str, voiced: Sequence[VoicedMention], lex: VoiceLexicon) -> list[list[int]]:
    """Indices of ``voiced`` grouped into lists of two or more names joined by commas or "and".

    Examples
    --------
    >>> from kuril_research.ingest.gazetteer import Mention
    >>> text = "Iturup, Kunashir and the Habomai group, or Etorofu."
    >>> def v(s, naming="neutral"):
    ...     i = text.index(s)
    ...     return VoicedMention(Mention(i, i + len(s), s, s.lower(), "island", naming), "narrator", None, None)
    >>> from kuril_research.ingest.voice.lexicon import default_lexicon
    >>> name_lists(text, [v("Iturup"), v("Kunashir"), v("Habomai group"), v("Etorofu")], default_lexicon())
    [[0, 1, 2]]
    """
    runs: list[list[int]] = []
    run: list[int] = []
    for i, v in enumerate(voiced):
        if v.mention.entity_type not in lex.named_types:
            continue
        if run and LIST_JOIN_RE.fullmatch(text, voiced[run[-1]].mention.end, v.mention.start) is not None:
            run.append(i)
            continue
        if len(run) > 1:
            runs.append(run)
        run = [i]
    if len(run) > 1:
        runs.append(run)
    return runs


def one_voice_per_list(text: str, voiced: Sequence[VoicedMention], lex: VoiceLexicon) -> list[VoicedMention]:
    """``voiced`` with each neutral name of a list made the outlet's where the cue attributing it belongs to the
    side whose names the outlet, in its own voice, spells the other way in the same list.

    Only names outside quotations change: a quoted list is the speaker's, whatever its spelling.

    Examples
    --------
    >>> from kuril_research.ingest.gazetteer import Mention
    >>> text = "Japan considers Kunashir, Shikotan and the Habomai islands its own."
    >>> def v(s, naming, voice, speaker=None):
    ...     i = text.index(s)
    ...     return VoicedMention(Mention(i, i + len(s), s, s.lower(), "island", naming), voice, speaker, None,
    ...                          "Japan" if speaker else None)
    >>> from kuril_research.ingest.voice.lexicon import default_lexicon
    >>> fixed = one_voice_per_list(text, [v("Kunashir", "russian", "narrator"),
    ...     v("Shikotan", "neutral", "attributed", "japan"), v("Habomai islands", "neutral", "attributed", "japan")],
    ...     default_lexicon())
    >>> [(f.mention.surface, f.voice, f.speaker) for f in fixed]
    [('Kunashir', 'narrator', None), ('Shikotan', 'narrator', None), ('Habomai islands', 'narrator', None)]

    A list in the cue's name slot ("known in Japan as ...") is left as the cue coded it:

    >>> text = "Known in Japan as Kunashir, Shikotan and the Habomai islands, they went to the USSR."
    >>> kept = one_voice_per_list(text, [v("Kunashir", "russian", "narrator"),
    ...     v("Shikotan", "neutral", "attributed", "japan"), v("Habomai islands", "neutral", "attributed", "japan")],
    ...     default_lexicon())
    >>> [(f.mention.surface, f.voice, f.speaker) for f in kept]
    [('Kunashir', 'narrator', None), ('Shikotan', 'attributed', 'japan'), ('Habomai islands', 'attributed', 'japan')]
    """
    out = list(voiced)
    for run in name_lists(text, voiced, lex):
        first = voiced[run[0]].mention.start
        if NAME_SLOT_RE.search(text, max(0, first - 20), first) is not None:
            continue  # the list is what the cue calls them: its names are the cue's, as the cue codes them
        own = {voiced[i].mention.naming for i in run
               if voiced[i].voice == "narrator" and voiced[i].mention.naming in OTHER_SIDE}
        if not own:
            continue
        for i in run:
            v = voiced[i]
            side = lex.sides.get(v.speaker or "")
            if v.voice == "attributed" and v.mention.naming not in OTHER_SIDE and OTHER_SIDE.get(side) in own:
                out[i] = VoicedMention(v.mention, "narrator", None, None)
    return out
