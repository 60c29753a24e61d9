"""Speaker candidates (rule 4): mentions, unknown names, organisations, described speakers, roles.

Size: about 400 lines because one scan builds the candidates kind after kind (mentions, roles, unknown names,
descriptions, possessive phrases, lone names, side groups), each pass hiding what an earlier one found, with the
span helpers they share at the bottom; a split would export those helpers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from kuril_research.ingest.gazetteer import Mention
from kuril_research.ingest.voice.head_phrases import head_phrases
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon
from kuril_research.ingest.voice.model import Cand, Spans, WORD_RE
from kuril_research.ingest.voice.side_groups import group_subjects
from kuril_research.ingest.voice.side_places import clause_subject
from kuril_research.ingest.voice.titled_names import merge_titles

SPEAKER_TYPES = frozenset({"person", "organisation"})
#: A treaty or declaration speaks its own words: 'In the 1951 treaty, Japan renounced "all right, title and
#: claim ..."' quotes the treaty. Its kind stays ``document``, so no role ("it", "the ministry") resolves to it.
DOCUMENT_TYPES = frozenset({"document"})
#: A document named by a capital or a year ("the Yalta agreement", "the 1956 declaration"), not a generic one
#: ("peace treaty talks").
NAMED_DOCUMENT_RE = re.compile(r"[A-Z0-9]")
#: A run of capitalised words (a possible name with its titles); a word of 3+ letters ending in "." ends it ("Guard. The").
NAME_RUN_RE = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*(?:(?<!\w\w\w\.)[ ][A-Z][\w’'.-]*)*")
#: Initials inside a name: "D.J.", "D." ("James D.J. Brown"), not an acronym.
INITIALS_RE = re.compile(r"(?:[A-Z]\.){1,3}")
#: The "for/of + capitalised words" that complete an organisation's name after its head noun.
ORG_TAIL_RE = re.compile(r"\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+)?[A-Z][\w’'-]*){0,3}")
#: A preposition just before a described speaker: "In a separate statement, the ministry said" (no speaker).
#: Not "by": a passive's agent is a person of the story ("a bar run by a woman in her seventies"); not "after" or
#: "before", which open clauses ("After a Japanese minister spoke of ...").
PREPOSITION_BEFORE_RE = re.compile(r"\b(?:in|on|at|with|from|under|during|of|to)\s+$", re.I)
#: A relative clause after a side's place: "Tokyo, which called the move", "Moscow, which says".
RELATIVE_SPEAKER_RE = re.compile(r",\s+(?:which|who)\s")
#: A preposition that introduces a speaker: "In the words of a ministry statement, ...", "according to a source".
SPEECH_PREPOSITION_RE = re.compile(r"\b(?:in\s+the\s+words\s+of|according\s+to)\s+$", re.I)
#: An honorific just before a word: "Mr. Sato" is a name even without a first name.
HONORIFIC_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+$")
#: A possessive or a full stop at the end of a name's word.
POSSESSIVE_RE = re.compile(r"(?:[’']s?|[.,])$")


def full_names(mentions: Sequence[Mention]) -> dict[str, str]:
    """Entity id -> its longest surface in the article ("Dmitry Peskov" for a later "Peskov")."""
    full: dict[str, str] = {}
    for m in mentions:
        if m.entity_type in SPEAKER_TYPES and len(m.surface) > len(full.get(m.entity, "")):
            full[m.entity] = " ".join(m.surface.split())
    return full


def find_candidates(text: str, mentions: Sequence[Mention], lex: VoiceLexicon, quotes_at: Spans,
                    full: dict[str, str], *, with_names: bool = True,
                    paragraphs: Sequence[tuple[int, int]] = (),
                    all_paragraphs: Sequence[tuple[int, int]] = (),
                    sentence_starts: Sequence[int] = ()) -> list[Cand]:
    """Speaker candidates outside quotations; a role phrase hides the mentions it contains.

    Candidates are person and organisation mentions (their text: the longest spelling in the article), names the
    gazetteer does not know and groups named by a side adjective (with_names), role phrases (as written), and, with
    ``side_place_speakers``, a side's place (``sides``: Moscow, Japan) as its clause's subject (``side_places``): a
    government speaking through its capital ("Moscow walked away, citing Tokyo's "unfriendly" sanctions"); its kind
    stays ``place``, so that no role ("the ministry", "it") resolves to it."""
    openers = set(sentence_starts)
    named = [Cand(m.start, m.end, m.entity_type, None if m.entity_type in DOCUMENT_TYPES else m.entity,
                  full.get(m.entity, m.surface))  # a treaty speaks as written, no person or body to link to
             for m in mentions if m.entity_type in SPEAKER_TYPES
             or (m.entity_type in DOCUMENT_TYPES and NAMED_DOCUMENT_RE.search(m.surface))
             or (lex.side_place_speakers and m.entity_type == "place" and m.entity in lex.sides
                 and (m.start in openers or (m.start - 4 in openers and text[m.start - 4:m.start] in ("The ", "the "))
                      or RELATIVE_SPEAKER_RE.match(text, m.end)  # "a protest from Tokyo, which called it "...""
                      or clause_subject(text, m.start, m.end, sentence_starts))  # "In 2022, Russia withdrew ..., citing"
                 and text[m.end:m.end + 1] not in ("'", "’"))]  # "Russia's Federal Agency": the agency speaks
    lowered = text.lower()  # lower-case scan is ~4x faster than re.IGNORECASE; offsets equal when lengths are
    role_re, scanned = (lex.role_re_lower, lowered) if len(lowered) == len(text) else (lex.role_re, text)
    if scanned is lowered and lex.role_kinds:
        kinds = lex.role_kinds

        def kind(role: str) -> str:  # a spelling the file does not list ("the foreign-minister"): its group
            return kinds.get(" ".join(role.split())) or lex.role_re_lower.fullmatch(role).lastgroup
        roles = [Cand(r.start(), r.end(), kind(r.group()), None, " ".join(text[r.start():r.end()].split()), True)
                 for r in lex.role_re_grouped.finditer(lowered)]
    else:
        roles = [Cand(r.start(), r.end(), r.lastgroup, None, " ".join(text[r.start():r.end()].split()), True)
                 for r in role_re.finditer(scanned)]
    roles = [r for r in roles if r.kind != "institution"  # "In a statement, the FSB said": the FSB speaks
             or not PREPOSITION_BEFORE_RE.search(text, max(0, r.start - 8), r.start)
             or SPEECH_PREPOSITION_RE.search(text, max(0, r.start - 20), r.start)]
    named_at = Spans([(n.start, n.end) for n in named])
    roles = [r for r in roles if not _straddles(named_at, r.start, r.end)]
    roles_at = Spans([(r.start, r.end) for r in roles])
    named = [n for n in named if not _inside(roles_at, n.start, n.end)]
    names = _unknown_names(text, mentions, roles, lex, paragraphs, all_paragraphs) if with_names else []
    if with_names and lex.described_re is not None:
        described = [Cand(d.start(), d.end(), "person", None, " ".join(d.group().split()))
                     for d in lex.described_re.finditer(text)
                     if not PREPOSITION_BEFORE_RE.search(text, max(0, d.start() - 8), d.start())  # "In a statement,"
                     or SPEECH_PREPOSITION_RE.search(text, max(0, d.start() - 20), d.start())]
        described = [d for d in described if not any(
            d.start <= n.start and n.end <= d.end and _appositive(text, d.start, n.start, lex)
            for n in named + names if n.kind == "person")]  # "The head of the district Anna Roe": the name speaks
        appositions = {(d.start, d.end) for d in described if any(  # "Anna Roe, an economist at X, said": Anna Roe
            n.kind == "person" and not n.role and APPOSITION_GAP_RE.fullmatch(text, n.end, d.start)
            for n in named + names)}
        outer = Spans(_disjoint([(d.start, d.end) for d in described]))
        named, roles, names = ([c for c in group if not _inside(outer, c.start, c.end)]
                               for group in (named, roles, names))
        names += [d for d in described if (i := outer.at(d.start)) is not None and outer.spans[i] == (d.start, d.end)
                  and (d.start, d.end) not in appositions]
    if with_names and lex.possessive_described_re is not None:  # "Japan's Ambassador to Australia said"
        gazetteer_at = Spans(_disjoint([(m.start, m.end) for m in mentions if m.entity_type in SPEAKER_TYPES]))
        names_at = Spans(_disjoint([(c.start, c.end) for c in names]))
        owned = [Cand(d.start(), d.end(), kind, None, " ".join(d.group().split()))
                 for kind, pattern in (("person", lex.possessive_described_re), ("organisation", lex.proper_body_re))
                 if pattern is not None for d in pattern.finditer(text)
                 if not _overlaps(gazetteer_at, _head_start(d), d.end())
                 and not _overlaps(names_at, _head_start(d), d.end())]
        owned = [c for c in owned if Spans(_disjoint([(o.start, o.end) for o in owned])).at(c.start) is not None]
        owned.sort(key=lambda c: (c.start, -c.end))
        owned = [c for i, c in enumerate(owned) if i == 0 or c.start >= owned[i - 1].end]
        outer = Spans(_disjoint([(d.start, d.end) for d in owned]))
        named, roles, names = ([c for c in group if not _inside(outer, c.start, c.end)]
                               for group in (named, roles, names))
        names += owned
    if with_names and lex.name_after_re is not None:  # '"...," said Denis, a fisherman from Shikotan'
        taken = Spans(_disjoint([(c.start, c.end) for c in named + roles + names] + [(m.start, m.end) for m in mentions]))
        names += [Cand(h.start("name"), h.end("name"), "person", None, h.group("name"))
                  for h in lex.name_after_re.finditer(text)
                  if h.group("name").lower() not in lex.name_stop_words
                  and h.group("name").lower() not in lex.name_title_words
                  and not _overlaps(taken, h.start("name"), h.end("name"))]
    if with_names and lex.name_giving_re is not None:  # '"...," said a resident, who gave only his first name, Nicolai'
        names += [Cand(g.start("name"), g.end("name"), "person", None, g.group("name"))
                  for g in lex.name_giving_re.finditer(text)]
    if with_names:
        names += _lone_speakers(text, mentions, named + roles + names, lex)
        names += group_subjects(text, lex.language_words, [(c.start, c.end) for c in named + roles + names])
    found = merge_titles(text, head_phrases(text, named + roles + names, lex))
    inside = [c for c in found if quotes_at.at(c.start) is None and quotes_at.at(c.end - 1) is None]
    return sorted(inside, key=lambda c: (c.start, c.end))


def _lone_speakers(text: str, mentions: Sequence[Mention], known: list[Cand], lex: VoiceLexicon) -> list[Cand]:
    """One capitalised word as a speaker: the family name of a person the gazetteer found in full before ("Prime
    Minister Ryutaro Hashimoto ... Hashimoto said"), that person; or a word right before a speech verb, as
    written: a paper, an agency or a person given one name ("Izvestia said the summit had "unhooked" ...")."""
    family: dict[str, tuple[int, Mention]] = {}
    for m in mentions:
        if m.entity_type == "person" and " " in m.surface.strip():
            family.setdefault(m.surface.split()[-1], (m.end, m))
    taken = Spans(_disjoint(sorted([(c.start, c.end) for c in known] + [(m.start, m.end) for m in mentions])))
    found = []
    for run in LONE_WORD_RE.finditer(text):
        word = run.group()
        if _overlaps(taken, run.start(), run.end()) or word.lower() in lex.name_title_words \
                or CAPITAL_BEFORE_RE.search(text, max(0, run.start() - 30), run.start()) \
                or word.lower() in NOT_NAMES or (word.lower() in lex.name_stop_words and not (
                    word.lower() in lex.organisation_heads and LONE_THE_RE.search(text, max(0, run.start() - 4),
                                                                                   run.start()))):
            continue
        if (full := family.get(word)) is not None and full[0] <= run.start():
            found.append(Cand(run.start(), run.end(), "person", full[1].entity, full[1].surface))
            continue
        verb_at = run.end() + 1
        if (apposition := LONE_APPOSITION_RE.match(text, run.end())) is not None:
            verb_at = apposition.end()  # "Rosrybolovstvo, Russia's federal fisheries agency, said"
        if word.endswith("s") or text[verb_at - 1:verb_at] != " " or lex.verb_re.match(text, verb_at) is None \
                or PLACE_PREPOSITION_RE.search(text, max(0, run.start() - 12), run.start()):
            continue
        if LONE_THE_RE.search(text, max(0, run.start() - 4), run.start()):  # "the League said": the body named
            named = None  # in full before whose name ends in the word, else "the League" as written
            for named in re.compile(rf"(?:[A-Z][\w’'-]*(?:\s+(?:and|of|for)\s+|\s+))+{re.escape(word)}\b").finditer(
                    text, max(0, run.start() - 3000), run.start()):
                pass
            written = " ".join(named.group().split()) if named is not None else f"{text[run.start() - 4:run.start()]}{word}"
            found.append(Cand(run.start() - 4, run.end(), "organisation", None,
                              written[4:] if written.startswith("The ") else written))
        else:
            found.append(Cand(run.start(), run.end(), "person", None, word))
    return found


#: One capitalised word standing alone (no capitalised word next to it).
LONE_WORD_RE = re.compile(r"(?<![\w’'.-])[A-Z][^\W\d_A-Z]+(?![\w’'-])(?! [A-Z])")  # lower-case letters, "č" too
#: A capitalised word right before: the lone word is part of a longer name.
CAPITAL_BEFORE_RE = re.compile(r"[A-Z][\w’'-]*\s$")
#: A short apposition after a lone word, up to the verb: ", Russia's federal fisheries agency, ".
LONE_APPOSITION_RE = re.compile(r",\s+[^,.;:!?\"“”()]{3,80}?,\s")
#: "the" right before a lone word: "the League said".
LONE_THE_RE = re.compile(r"\b[Tt]he\s$")
#: A preposition right before a lone word: a place ("an official in Nemuro said"), not the subject.
PLACE_PREPOSITION_RE = re.compile(r"\b(?:in|at|from|of|on|near|to|for|with|by|off|around)\s+$", re.I)
#: Capitalised words that open sentences and are no speaker's name.
NOT_NAMES = frozenset({"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "who",
                       "what", "which", "one", "some", "many", "all", "both", "each", "but", "and", "as", "so", "then",
                       "also", "later", "earlier", "today", "yesterday", "tokyo", "moscow", "russia", "japan",
                       # indefinite pronouns: "Nobody asked the islanders" names no one
                       "nobody", "everybody", "somebody", "anybody", "everyone", "someone", "anyone", "none"})
#: Between a name and a described phrase in apposition after it: "Anna Roe, an economist ...".
APPOSITION_GAP_RE = re.compile(r",\s+")
#: A word that links a described speaker to someone else: "a spokesman for (Minister) Ivan Petrov".
LINK_WORDS = frozenset({"for", "of", "to", "with", "by", "at", "from", "in", "on", "under", "near", "close",
                        "about", "over", "against"})


def _appositive(text: str, start: int, name_start: int, lex: VoiceLexicon) -> bool:
    """Whether a person named inside a described speaker's phrase is that speaker, in apposition ("The head of
    the district Anna Roe"), not someone the speaker is linked to by a preposition ("a spokesman for Foreign
    Minister Ivan Petrov"): the word before the name, titles skipped, is no preposition."""
    words = [w.lower() for w in WORD_RE.findall(text, start, name_start)]
    while words and words[-1] in lex.name_title_words and words[-1] not in LINK_WORDS:
        words.pop()
    return bool(words) and words[-1] not in LINK_WORDS


def _straddles(spans: Spans, start: int, end: int) -> bool:
    """Whether one of the sorted, disjoint ``spans`` overlaps [start, end) without lying inside it."""
    i = bisect_right(spans.starts, end - 1) - 1
    while i >= 0 and spans.spans[i][1] > start:
        s, e = spans.spans[i][:2]
        if s < start or e > end:
            return True
        i -= 1
    return False


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest of overlapping spans, in order."""
    kept: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _inside(spans: Spans, start: int, end: int) -> bool:
    i = spans.at(start)
    return i is not None and end <= spans.spans[i][1]


def _unknown_names(text: str, mentions: Sequence[Mention], roles: list[Cand], lex: VoiceLexicon,
                   paragraphs: Sequence[tuple[int, int]] = (),
                   all_paragraphs: Sequence[tuple[int, int]] = ()) -> list[Cand]:
    """Personal names the gazetteer does not know: runs of capitalised words, titles cut off.

    "Deputy Foreign Minister Ivan Petrov" gives "Ivan Petrov" (``name_title_words`` split a run); a run
    with a ``name_stop_words`` word (a month, "Ministry", "Islands") or one that overlaps a gazetteer
    mention or a role is not a name. A later lone "Petrov" is the same person (of a gazetteer person too:
    ``_known_surname``), and so is a later lone "Zhang" after "Zhang Wenhao" (family name first); an honorific makes
    one word a name ("Mr. Sato"). Candidates come from ``paragraphs`` only (all of the text if none are given:
    those with a quotation or a speech verb), but full names are learnt from ``all_paragraphs`` before them too
    ("Setsuko Oikawa can see the island." ... '"...," said Oikawa').
    """
    selected = {(ps, pe) for ps, pe in paragraphs} if all_paragraphs else None
    paragraphs = all_paragraphs or paragraphs
    taken = Spans(sorted([(m.start, m.end) for m in mentions] + [(r.start, r.end) for r in roles]))
    names: list[Cand] = []
    surnames: dict[str, str] = {}
    org_taken = Spans(_disjoint([(m.start, m.end) for m in mentions if m.entity_type in SPEAKER_TYPES]
                                 + [(r.start, r.end) for r in roles]))
    runs = ((selected is None or (ps, pe) in selected, run) for ps, pe in (paragraphs or [(0, len(text))])
            for run in NAME_RUN_RE.finditer(text, ps, pe))
    org_end = 0  # the end of the last organisation's name: "Institute of World Economy and International Relations"
    for emit, run in runs:
        if run.start() < org_end:
            continue  # a run in an organisation's tail is part of its name, no person's
        if " " not in run.group() and (not emit or POSSESSIVE_RE.sub("", run.group()) not in surnames):
            if _first_name(text, run, lex) and not _overlaps(taken, run.start(), run.end()):
                surnames.setdefault(run.group(), run.group())  # "Svetlana, a 52-year-old teacher, ..."
                if emit:
                    names.append(Cand(run.start(), run.end(), "person", None, run.group()))
                continue
            if not emit or not HONORIFIC_BEFORE_RE.search(text, max(0, run.start() - 6), run.start()):
                continue  # one capitalised word: a name only as the family name of a full name met before
            names.append(Cand(run.start(), run.start() + len(POSSESSIVE_RE.sub("", run.group())), "person", None,
                               POSSESSIVE_RE.sub("", run.group())))  # "Mr. Sato (no first name given)"
            continue
        if (capitals := CAPITALS_LEAD_RE.match(text, run.start())) is not None and (
                run.start() == 0 or text[run.start() - 1] == "\n") and not _overlaps(taken, run.start(), capitals.end()):
            words = capitals.group().split()  # "HIROSHI TOKUNO was born on Shikotan": a lead naming its subject in
            if not any(w.lower() in lex.name_stop_words or w.lower() in lex.name_title_words for w in words):
                if emit:  # capitals
                    names.append(Cand(run.start(), capitals.end(), "person", None, capitals.group()))
                surnames.setdefault(words[-1].title(), capitals.group())  # "... Tokuno said": the same person
                continue
        if not emit:  # learn full names only
            words = [POSSESSIVE_RE.sub("", t) for t in run.group().split()]
            if all(w.lower() not in lex.name_title_words and (w.lower() not in lex.name_stop_words
                                                              or _family_word(text, run.start(), words, i, lex))
                   and not (len(w) > 1 and w.isupper()) for i, w in enumerate(words)) and 2 <= len(words) <= 3 \
                    and not _overlaps(taken, run.start(), run.end()):
                written = " ".join(words)
                surnames.setdefault(words[-1], written)
                surnames.setdefault(words[0], written)
            continue
        tokens = list(WORD_RE.finditer(text, run.start(), run.end()))
        while tokens and tokens[0].group() in ("The", "A", "An"):
            tokens.pop(0)
        if tokens and POSSESSIVE_RE.sub("", tokens[-1].group()).lower() in lex.organisation_heads \
                and not _overlaps(org_taken, tokens[0].start(), tokens[-1].end()):
            end = tokens[-1].end() - (len(tokens[-1].group()) - len(POSSESSIVE_RE.sub("", tokens[-1].group())))
            if end == tokens[-1].end() and (tail := ORG_TAIL_RE.match(text, end)):
                end = tail.end()  # "the Federal Agency for Fishery", "the Ministry of Energy"
            written, org_end = " ".join(text[tokens[0].start():end].split()), end
            names.append(Cand(tokens[0].start(), end, "organisation", None, written))
            continue
        segment: list[re.Match] = []
        run_tokens = [*WORD_RE.finditer(text, run.start(), run.end()), None]
        run_words = [POSSESSIVE_RE.sub("", t.group()) for t in run_tokens[:-1]]
        for at, token in enumerate(run_tokens):
            raw = POSSESSIVE_RE.sub("", token.group()) if token is not None else ""
            word = raw.lower()
            stop = word in lex.name_stop_words and not _family_word(text, run.start(), run_words, at, lex) \
                or word in lex.organisation_heads \
                or (len(raw) > 1 and raw.isupper() and not INITIALS_RE.fullmatch(token.group())  # an acronym:
                    # "Arctic LNG"; "Asia Department Ivan Petrov"; not initials ("James D.J. Brown")
                    and not (not segment and HONORIFIC_BEFORE_RE.search(text, max(0, token.start() - 6), token.start())))
            # ... but a family name in capitals after an honorific is a name ("Mr. NAKAZAWA Takeshi")
            if token is not None and word not in lex.name_title_words and not stop:
                segment.append(token)
                if not token.group().endswith(("'s", "’s", "'", "’")):
                    continue  # a possessive ends the name: "Nemuro's Hanasaki port" names no "Nemuro Hanasaki"
            if stop:  # "New York Times", "Fisheries Agency", "Yamal LNG": no name before the word
                segment = []
            if segment:
                start, end = segment[0].start(), segment[-1].end()
                end -= len(segment[-1].group()) - len(POSSESSIVE_RE.sub("", segment[-1].group()))
                if not _overlaps(taken, start, end):
                    written = " ".join(t.group() if INITIALS_RE.fullmatch(t.group()) else POSSESSIVE_RE.sub("", t.group())
                                       for t in segment)  # "James D.J. Brown" keeps the initials' dots
                    if len(segment) >= 2:
                        surnames.setdefault(written.split()[-1], written)
                        surnames.setdefault(written.split()[0], written)  # "Zhang Wenhao" ... "Zhang told"
                        names.append(Cand(start, end, "person", None, written))
                    elif written in surnames:
                        names.append(Cand(start, end, "person", None, surnames[written]))
                    elif (person := _known_surname(written, start, mentions)) is not None:
                        names.append(Cand(start, end, "person", person.entity, " ".join(person.surface.split())))
                    elif HONORIFIC_BEFORE_RE.search(text, max(0, start - 6), start):
                        names.append(Cand(start, end, "person", None, written))  # "Mr. Sato": no first name given
            segment = []
    return names


def _family_word(text: str, run_start: int, words: Sequence[str], i: int, lex: VoiceLexicon) -> bool:
    """Whether ``words[i]`` of a run of capitalised words is a family name (``family_name_words``) though a
    ``name_stop_words`` word: beside one personal word of a two-word run ("Park Jae-hyun", "Jae-hyun Park"),
    the run after no preposition ("in Gorky Park", "at Park Hyatt" are places)."""
    other = words[1 - i].lower() if len(words) == 2 else ""
    return words[i].lower() in lex.family_name_words and bool(other) \
        and not PREPOSITION_BEFORE_RE.search(text, max(0, run_start - 12), run_start) \
        and all(other not in words_ for words_ in (lex.name_title_words, lex.name_stop_words, lex.organisation_heads))


def _known_surname(word: str, pos: int, mentions: Sequence[Mention]) -> Mention | None:
    """The gazetteer person named in full before ``pos`` whose last word is ``word``: a later lone family name
    is that person ("Prime Minister Naoto Kan ... In Tokyo, Prime Minister Kan reiterated"), as for names the
    gazetteer does not know; the latest such person if more than one."""
    return next((m for m in reversed(mentions) if m.end <= pos and m.entity_type == "person"
                 and " " in m.surface.strip() and m.surface.split()[-1] == word), None)


#: Two or three words in capitals opening a paragraph before a lower-case word: a feature's lead printing its
#: subject's name in capitals ("HIROSHI TOKUNO was born ..."), not a byline ("KENJI SATO, staff writer"), a
#: dateline ("TOKYO —") or a heading (no lower-case word follows on its line).
CAPITALS_LEAD_RE = re.compile(r"[A-Z][A-Z’'-]+(?:[ ][A-Z][A-Z’'-]+){1,2}(?=[ ][a-z])")


#: A described person in apposition after a lone name: "Svetlana, a 52-year-old teacher".
DESCRIBED_AFTER_RE = re.compile(r",\s+(?P<np>(?:an?|another)\s)")
#: A kinship or role noun of someone named before a lone name in apposition: "Kawabata's daughter, Yumiko,".
KIN_BEFORE_RE = re.compile(r"(?:[’']s|\b(?:his|her|their|my|our))\s+(?:[a-z-]+\s+)?[a-z-]+,\s+$")


def _first_name(text: str, run: re.Match, lex: VoiceLexicon) -> bool:
    """Whether one capitalised word is a first name given alone: in apposition to a described person after it
    ("Svetlana, a 52-year-old teacher who ...") or after a possessive's role noun ("Kawabata's daughter,
    Yumiko, who ..."); never a title word, a stop word, a possessive or a word after a preposition."""
    word = run.group()
    if not word[1:].islower() or word.lower() in lex.name_title_words or word.lower() in lex.name_stop_words \
            or PLACE_PREPOSITION_RE.search(text, max(0, run.start() - 12), run.start()):  # "the port of Nemuro, a
        return False  # former resident of Shikotan, said": a place, no name in apposition
    after = DESCRIBED_AFTER_RE.match(text, run.end())
    if after is not None and lex.described_re is not None and lex.described_re.match(text, after.start("np")):
        return True
    return text[run.end():run.end() + 1] == "," and KIN_BEFORE_RE.search(text, max(0, run.start() - 40), run.start()) is not None


def _head_start(described: re.Match) -> int:
    """Where the head of a possessive described speaker starts: after its owner ("Putin's spokesman" is not
    Putin, "Russia's Foreign Ministry" is the gazetteer's ministry); the whole phrase when it has no owner."""
    return described.end("owner") + 2 if "owner" in described.re.groupindex and described.group("owner") \
        else described.start()


def _overlaps(spans: Spans, start: int, end: int) -> bool:
    i = bisect_right(spans.starts, end - 1) - 1
    return i >= 0 and spans.spans[i][1] > start


def _within(inner: Cand, outer: Cand) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end
