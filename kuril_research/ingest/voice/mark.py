"""The voice of every mention: quotations, naming cues and speakers put together."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.candidates import find_candidates, full_names
from kuril_research.ingest.voice.dash_attribution import dash_signed
from kuril_research.ingest.voice.lexicon import default_lexicon
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.model import OTHER_SIDE, Quote, Spans, VoicedMention
from kuril_research.ingest.voice.inner import split_inner
from kuril_research.ingest.voice.lists import one_voice_per_list
from kuril_research.ingest.voice.naming import (cue_side, cue_windows, find_naming_cues, find_subjects,
                                                side_ok, subject_at)
from kuril_research.ingest.voice.post_cues import post_side
from kuril_research.ingest.voice.quotes import block_attribution, continued_quotes, find_quotes
from kuril_research.ingest.voice.transcript_quotes import turn_quotes
from kuril_research.ingest.voice.turns import find_turns
from kuril_research.ingest.voice.scare import (find_scare_quotes, find_titles, owner_side, reported_terms,
                                               single_scare, title_phrases)
from kuril_research.ingest.voice.speakers import SpeakerWalk


#: An editor's insertion inside a quotation: square brackets ("[the Kurils]"), or the slashes older TASS copy uses
#: ("The people /on the Kuril Islands/, our nationals ..."; not "and/or", a URL or a date). Its names are the outlet's.
BRACKET_RE = re.compile(r"\[[^\]]*\]?|(?<![\w/:])/[A-Za-z][^/\n\"“”]{0,80}?[\w.]/(?![\w/])")
#: A gloss in round brackets inside a quotation, saying what a name is called: the outlet's words, like square
#: brackets ('"... presence in the Northern Territories (as the southern Kurils are called in Japan) ..."').
NAMING_GLOSS_RE = re.compile(r"\((?:as|also\s+known\s+as|known\s+as|called|referred\s+to\s+as|the\s+(?:name|term)\s+for)"
                             r"\b[^()]*\)", re.I)
#: A translation of the name before: "Hoppo Ryodo, usually rendered as Northern Territories", "(translated as ...)".
TRANSLATED_RE = re.compile(r"[\"'”’“‘»]?\s*[,(]?\s*(?:(?:usually|often|commonly|roughly|loosely|literally)\s+)?"
                           r"(?:rendered|translated)\s+(?:(?:in|into)\s+English\s+)?as\s+(?:the\s+)?[\"“‘'«]?", re.I)
#: A bracket opening right after a name: a gloss in the outlet's words, also inside a quotation.
GLOSS_OPEN_RE = re.compile(r"\s*[(\[]")
#: Only punctuation between a name and the end of its quotation: the name ends the quoted words.
QUOTE_TAIL_RE = re.compile(r"[\s,.;:!?]*")
#: "so-called" just before a name: the outlet distancing itself from the term.
SO_CALLED_RE = re.compile(r"\bso[- ]called\s+(?:the\s+)?$", re.I)
def sentence_side(text: str, m: Mention, mentions, lex: VoiceLexicon, sent_start: int) -> tuple[str, str] | None:
    """The side a neutral name in scare quotes is reported from: the last side named before it in its sentence
    ('Tokyo argues that the islands were never part of the "Kurils" it gave up': Tokyo's reading of the term)."""
    found = None
    if lex.subject_re is not None:
        for word in lex.subject_re.finditer(text, sent_start, m.start):
            if word.lastgroup.startswith("e_"):
                found = (word.start(), word.lastgroup[2:], word.group())
    for mm in mentions:
        if sent_start <= mm.start and mm.end <= m.start and mm.entity in lex.sides \
                and (found is None or mm.start > found[0]):
            found = (mm.start, mm.entity, mm.surface)
    return found[1:] if found is not None else None


#: A verb of naming right before a name, whoever its subject: "called the islands [the]", "spoke of", "speaks of".
USAGE_VERB_BEFORE_RE = re.compile(r"\b(?:(?:called|call|calls|calling)\s+(?:the\s+(?:four\s+)?islands|them|the\s+chain)"
                                  r"|(?:spoke|speak|speaks|speaking)\s+of)\s+(?:the\s+)?$", re.I)
#: A name glossing the name before it in brackets: 'the term "Northern Territories" (Hoppo Ryodo)'.
GLOSS_BEFORE_RE = re.compile(r"[\"'”’“‘»]?\s*\(\s*")
GLOSS_AFTER_RE = re.compile(r"\s*\)")
#: A gloss set off by a dash: "what Japan calls the Northern Territories – Hoppo Ryodo." (the dash, then the
#: name, then the end of the clause).
DASH_GLOSS_BEFORE_RE = re.compile(r"[\"'”’“‘»]?\s+[–—]\s+(?:the\s+)?")
DASH_GLOSS_AFTER_RE = re.compile(r"[\"'”’]?\s*(?:[.;,)]|\s[–—]|\Z)")


def glossed(text: str, previous_end: int, start: int, end: int) -> bool:
    """Whether the name at [start, end) glosses the name ending at ``previous_end``: in brackets right after it
    ("Kunashir (Kunashiri)"), or after a dash up to the end of the clause ("the Northern Territories – Hoppo
    Ryodo.").

    Examples
    --------
    >>> t = "Kunashir (Kunashiri) and the Northern Territories – Hoppo Ryodo. Iturup – Etorofu lies north"
    >>> glossed(t, 8, 10, 19), glossed(t, 49, 52, 63), glossed(t, 71, 74, 81)
    (True, True, False)
    """
    return (GLOSS_BEFORE_RE.fullmatch(text, previous_end, start) is not None
            and GLOSS_AFTER_RE.match(text, end) is not None) or (
        DASH_GLOSS_BEFORE_RE.fullmatch(text, previous_end, start) is not None
        and DASH_GLOSS_AFTER_RE.match(text, end) is not None)


#: Between two names of one bracketed gloss: "or", a comma or a semicolon-free list join.
ALTERNATIVE_JOIN_RE = re.compile(r"\s+or\s+(?:the\s+)?|\s*,\s*(?:or\s+)?(?:the\s+)?")


def bracket_alternative(text: str, previous_end: int, start: int) -> bool:
    """Whether the name at ``start`` is a further name, joined by "or" or a comma, of the name ending at
    ``previous_end`` inside one open bracket: "(Japanese: Kuriru retto or Chishima retto)" gives both names to Japan.

    Examples
    --------
    >>> t = "the chain (Japanese: Kuriru retto or Chishima retto) and Iturup or Etorofu"
    >>> bracket_alternative(t, 33, 37), bracket_alternative(t, 63, 67)
    (True, False)
    """
    if ALTERNATIVE_JOIN_RE.fullmatch(text, previous_end, start) is None:
        return False
    opened = text.rfind("(", max(0, previous_end - 200), previous_end)
    return opened >= 0 and text.find(")", opened, start) < 0


def named_after(text: str, span: tuple[int, int, int], mentions: Sequence[Mention], lex: VoiceLexicon,
                sents: Spans) -> bool:
    """Whether a quoted term (one name in quotation marks) is followed by a post-posed cue saying whose name it is
    ('dubbed the "Northern Territories" by Japan'; 'the "Northern Territories" as Tokyo calls them'): the outlet
    reports the term and its side, no speaker's words. An apposition saying what the term is ('described the
    islands as the "Chishima" - the old Japanese name for the chain') leaves a speaker's term the speaker's."""
    inside = [m for m in mentions if span[0] <= m.start and m.end <= span[1] and m.entity_type in lex.named_types]
    return len(inside) == 1 and APPOSITION_AFTER_RE.match(text, span[1] + 1) is None \
        and post_side(text, inside[0], span[1] + 1, mentions, lex, sents) is not None


#: An apposition after a closing quotation mark: a comma or dash and a noun phrase ("— the old Japanese name for").
APPOSITION_AFTER_RE = re.compile(r"\s*(?:,|[–—]|\s-)\s*(?:the|its|their|an?)\s", re.I)


def block_speaker(text: str, paragraphs: Sequence[tuple[int, int]], q: Quote, walk: SpeakerWalk,
                  lex: VoiceLexicon) -> Quote | None:
    """Quotation ``q`` with the speaker its attribution paragraph names, when it is a block printed without
    quotation marks (:func:`~kuril_research.ingest.voice.quotes.block_attribution`): the first person named before
    the speech verb, else the first candidate there ("- the Russian politician declared": the politician named
    before), else the nearest after it ("- said Ivan Petrov."); None if ``q`` is no block or the paragraph
    names nobody."""
    ps, pe = paragraphs[q.para_id][0], min(paragraphs[q.para_id][1], len(text))
    if text[ps:pe].strip() != text[q.start:q.end].strip() \
            or (found := block_attribution(text, paragraphs, q.para_id, lex.verb_re)) is None:
        return None
    start, verb_start, verb_end, end = found
    before = [c for c in walk.cands_from(start, verb_start) if c.end <= verb_start]
    after = [c for c in walk.cands_from(verb_end, end) if c.end <= end]
    persons = [c for c in before if not c.role and c.kind == "person"]
    c = (persons or before or after or [None])[0]
    if c is None:
        return None
    who = walk.resolve(c) or (None, c.text)
    return Quote(q.start, q.end, q.para_id, who[0], " ".join(text[start:end].split()), who[1])


def mark_voice(text: str, paragraphs: Sequence[tuple[int, int]], sentences: Sequence[tuple[int, int]],
               mentions: Sequence[Mention], *, lexicon: VoiceLexicon | None = None, title: str | None = None,
               byline: str | None = None) -> tuple[list[Quote], list[VoicedMention]]:
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
    title : str, optional
        The article's headline: a transcript's role label ("Prime Minister:") speaks as the person the
        headline names with that role ("Press Conference by Prime Minister Sanae Takaichi").
    byline : str, optional
        The byline removed from the page ("Text: Yevgenia Sorokina"): the one author it names asks the
        questions of an interview printed as dash-opened turns.

    Returns
    -------
    quotes : list of Quote
        In text order, scare quotes left out; a mention's ``quote_id`` indexes this list.
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
    >>> [(text[q.start:q.end], q.speaker, q.speaker_text, q.speaker_cue) for q in quotes]
    [('We need peace with Japan,', 'dmitry_peskov', 'Peskov', 'Peskov said')]
    >>> [(v.mention.surface, v.voice, v.speaker) for v in voiced]
    [('Japan', 'quoted', 'dmitry_peskov'), ('Peskov', 'narrator', None),
     ('Tokyo', 'narrator', None), ('Northern Territories', 'attributed', 'tokyo')]
    """
    lex = lexicon if lexicon is not None else default_lexicon()
    spans = find_quotes(text, paragraphs, speech_verbs=lex.verb_re)
    full = full_names(mentions)
    turns = find_turns(text, paragraphs, mentions, full, lex, title=title, byline=byline)
    turn_at: dict = {}  # a transcript: each turn paragraph is its speaker's words (but a quotation it attributes)
    if turns:
        spans, turn_at = turn_quotes(text, paragraphs, turns, spans, mentions, full, lex)
    paras, sents, all_quotes_at = Spans(paragraphs), Spans(sentences), Spans(spans)
    lowered = text.lower()
    windows = cue_windows(lowered, lex) if len(lowered) == len(text) else None
    if windows is None or windows:
        subjects = find_subjects(text, mentions, lex, windows)
        cues = find_naming_cues(text, subjects, lex, paras, sents, all_quotes_at)
    else:  # no cue word in the text: no naming cue (the common case)
        subjects, cues = [], []
    titles = find_titles(text, spans, lex)  # 'the forum "Iturup"': a name, no quotation, no side
    scare_quotes = find_scare_quotes(text, spans, mentions, lex)
    reported = reported_terms(text, spans, scare_quotes, lambda pos: sents.bounds(pos, (0, len(text)))[0], lex,
                              lambda pos: any(c.end <= pos <= c.scope_end for c in cues),
                              [m for m in mentions if m.entity_type == "document"])  # someone's words: quotations
    reported = {si for si in reported if not named_after(text, spans[si], mentions, lex, sents)}
    scare_quotes -= reported
    # «Social Development of the Islands» is a title; "the Southern Kurils" a term
    titles |= title_phrases(text, spans, lex) - scare_quotes - reported
    scare = {i for i in scare_quotes | titles if spans[i][0] not in turn_at}
    real = [span for i, span in enumerate(spans) if i not in scare]
    quotes_at = Spans(real)
    verb_re, verb_text = (lex.verb_re_lower, lowered) if len(lowered) == len(text) else (lex.verb_re, text)

    def verb_in(start: int, end: int) -> re.Match | None:
        return verb_re.search(verb_text, start, end)

    cands = find_candidates(text, mentions, lex, all_quotes_at, full, with_names=bool(real),
                        paragraphs=[p for i, p in enumerate(paragraphs) if all_quotes_at.overlapping(p) or verb_in(*p)
                                    or (i + 1 < len(paragraphs) and all_quotes_at.at(paragraphs[i + 1][0] + 1) is not None)],
                        all_paragraphs=paragraphs, sentence_starts=[s for s, _ in sentences])
    walk = SpeakerWalk(text, real, paras, sents, cands, cues, lex, verb_in)
    quotes = walk.quotes()
    if lex.verb_re is not None:  # a block without marks: the paragraph after it names its speaker
        quotes = [block_speaker(text, paragraphs, q, walk, lex) or q for q in quotes]
    quotes = [dash_signed(text, paragraphs, q, walk) or q for q in quotes]  # '"..." – Maria Zakharova'
    if turns:
        quotes = [Quote(q.start, q.end, q.para_id, turn_at[q.start].entity, turn_at[q.start].label,
                        turn_at[q.start].name) if q.start in turn_at else q for q in quotes]
    for run in continued_quotes(text, real, paragraphs):  # one quotation over paragraphs: the last one's speaker
        last = real[run[-1]]
        if quotes[run[-1]].speaker_text is not None and verb_in(last[1], sents.bounds(last[1], (0, len(text)))[1]):
            said = quotes[run[-1]]
            quotes[run[0]:run[-1]] = [
                Quote(q.start, q.end, q.para_id, said.speaker, said.speaker_cue, said.speaker_text)
                if q.start == paragraphs[q.para_id][0] + 1 and q.start not in turn_at else q
                for q in quotes[run[0]:run[-1]]]
    # "My father always said, 'We will go home,'" she said: the father's words in hers; so in a transcript turn
    # ("... one of them told me, "We have no time."")
    outer = quotes
    quotes = split_inner(split_inner(quotes, walk), walk)  # and the words quoted inside those ("My mother always
    # said, 'Do not forget ...'", inside what a woman told the speaker)
    if quotes is not outer:
        outer_at = Spans([(q.start, q.end, q.para_id) for q in outer])
        for q in quotes:  # a piece of a turn stays in the turn: every name in it is quoted
            if q.start not in turn_at and (oi := outer_at.at(q.start)) is not None and outer[oi].start in turn_at:
                turn_at[q.start] = turn_at[outer[oi].start]
        real = [(q.start, q.end, q.para_id) for q in quotes]
        quotes_at = Spans(real)
    cue_ends = sorted((c.end, i) for i, c in enumerate(cues))
    voiced = []
    for m in mentions:
        side = None
        qi = quotes_at.at(m.start)
        in_turn = qi is not None and real[qi][0] in turn_at
        if m.entity_type in lex.named_types and not in_turn:  # every name in a transcript turn is quoted
            side = cue_side(text, m, cues, cue_ends, subjects, lex, mentions,
                            real[qi][:2] if qi is not None else None)
            if side is None and not (qi is not None and m.end < real[qi][1] and not GLOSS_OPEN_RE.match(text, m.end)):
                side = post_side(text, m, m.end, mentions, lex, sents)  # a gloss inside a quotation is the speaker's
                # ('"... around the islets called the Southern Kurils in Russia ...," Kyodo reported'), but a bracket
                # there is the outlet's ('"... the Northern Territories (as the southern Kurils are called in Japan)"')
            if side is None and qi is not None and QUOTE_TAIL_RE.fullmatch(text, m.end, real[qi][1]) \
                    and not verb_in(sents.bounds(real[qi][0], (0, len(text)))[0], real[qi][0]):
                side = post_side(text, m, real[qi][1] + 1, mentions, lex, sents)  # the quoted name of a thing, no
                # speech verb before it, then whose name it is: '"Nationwide rally for the return of the Northern
                # Territories," as Tokyo calls ...' (but 'described it as "... on the Northern Territories," as Tokyo
                # refers to ...': the ministry's words stay quoted)
            if side is None and (si := all_quotes_at.at(m.start)) is not None and si in titles:
                pass
            elif side is None and si is not None and si in scare:
                side = post_side(text, m, spans[si][1] + 1, mentions, lex, sents) or owner_side(m, lex) \
                    or sentence_side(text, m, mentions, lex, sents.bounds(m.start, (0, len(text)))[0])
            elif side is None and all_quotes_at.at(m.start) is None and single_scare(text, m):
                side = post_side(text, m, m.end + 1, mentions, lex, sents) or owner_side(m, lex)
            elif side is None and qi is None and SO_CALLED_RE.search(text, max(0, m.start - 16), m.start):
                side = owner_side(m, lex)  # the so-called Northern Territories, without quotation marks
            elif side is None and qi is None and USAGE_VERB_BEFORE_RE.search(text, max(0, m.start - 40), m.start):
                side = owner_side(m, lex)  # "people who called the islands the South Kurils", "he spoke of
                # Shikotan-to": someone's usage of one side's name, that side's (a neutral name has no owner)
            if side is None and lex.language_before_re is not None and (
                    lang := lex.language_before_re.search(text, max(0, m.start - 40), m.start)):
                side = subject_at(text, lang.start("side"), mentions, lex)  # "Iturup, Japanese Etorofu,"
                side = side if side is not None and side_ok(side[0], m, lex) else None
            if side is None and voiced and voiced[-1].mention.entity == m.entity \
                    and voiced[-1].mention.naming == OTHER_SIDE.get(m.naming) \
                    and glossed(text, voiced[-1].mention.end, m.start, m.end):  # "Kunashir (Kunashiri)"
                side = owner_side(m, lex)
            if side is None and voiced and voiced[-1].voice == "attributed" and side_ok(voiced[-1].speaker, m, lex) \
                    and (glossed(text, voiced[-1].mention.end, m.start, m.end)  # '"Northern Territories" (Hoppo Ryodo)'
                         or TRANSLATED_RE.fullmatch(text, voiced[-1].mention.end, m.start) is not None  # "Hoppo
                         # Ryodo, usually rendered as Northern Territories": the translation of that side's name
                         or bracket_alternative(text, voiced[-1].mention.end, m.start)):  # "(Japanese: A or B)"
                side = voiced[-1].speaker, voiced[-1].speaker_text
        if side is not None:
            voiced.append(VoicedMention(m, "attributed", side[0], None, side[1]))
        elif qi is not None and m.end <= real[qi][1] and not any(
                b.start() <= m.start < b.end() for rx in (BRACKET_RE, NAMING_GLOSS_RE)
                for b in rx.finditer(text, real[qi][0], real[qi][1])):
            voiced.append(VoicedMention(m, "quoted", quotes[qi].speaker, qi, quotes[qi].speaker_text))
        else:
            voiced.append(VoicedMention(m, "narrator", None, None))
    return quotes, one_voice_per_list(text, voiced, lex)
