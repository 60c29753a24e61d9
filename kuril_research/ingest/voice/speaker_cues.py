"""The patterns of speaker attribution (rule 4): what stands around a speaker, a speech verb or a quotation."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kuril_research.ingest.voice.model import Cand

ACCORDING_TO_RE = re.compile(r"\b(?:according\s+to|in\s+the\s+words\s+of)\s+(?:[\w’'.-]+\s+){0,5}$", re.IGNORECASE)
#: A source opening its sentence up to a comma: "According to Putin, ...", "In the words of the ministry, ...".
ACCORDING_OPENING_RE = re.compile(r"\s*(?:according\s+to|in\s+the\s+words\s+of)\s+[^,.;:\"“”«»]{1,60},", re.I)
THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)
#: A described speaker's opening ("a spokesman for ...", "the head of ...", "Japan's ambassador"), not a name.
DESCRIBED_RE = re.compile(r"(?:an?|another|one|the)\s|[A-Z][\w-]*[’']s\s", re.I)
#: An indefinite noun phrase: it brings a new person into the story ("a woman in her seventies").
INDEFINITE_RE = re.compile(r"(?:an?|another)\s", re.I)
#: Punctuation that ends the noun phrase after an inverted speech verb.
PHRASE_END_RE = re.compile(r"[.;:!?()\"“”«»]")
#: The possessive owner opening a described speaker: "Japan's top government spokesman" -> "Japan".
OWNER_RE = re.compile(r"([A-Z][\w-]*)[’']s\s")
#: A conjunction opening what follows a closing mark: a new clause, not an attribution of the quotation.
COORDINATION_RE = re.compile(r"[\s,;–—-]*(?:and|but|while|whereas|although|though|yet)\s")
#: A speech verb right after "and"/"but" (an adverb between): a second predicate of the sentence's subject
#: ('... "incompatible with our position" and said the protest had been delivered'), no attribution clause.
COORDINATED_VERB_RE = re.compile(r"\b(?:and|but)\s+(?:(?:also|later|then|again|[a-z]+ly)\s+)?$")
#: A speech verb matched after "and" or "but": a second predicate of the clause's subject ("and told him").
COORDINATED_PREDICATE_RE = re.compile(r"\s+(?:and|but)\s")
#: A relative clause whose verb is a speech verb opens after its antecedent: "Tokyo, which called the move"; a time
#: may come first ("Naoto Kan, who on Monday called the visit").
RELATIVE_AFTER_RE = re.compile(r",\s+(?:which|who)\s+(?:(?:on|in|at|last|this|earlier|later)\s+[\w-]+(?:\s+[\w-]+)??,?\s+(?=[a-z]))?"
                               r"(?:(?:also|later|then|again|has|had|have|[a-z]+ly)\s+){0,2}")
#: A passive report of someone's words: "X was quoted by the agency as saying" (X speaks, not the agency).
PASSIVE_QUOTED_RE = re.compile(r"\b(?:was|were|is|are|been|being)\s+quoted\s+(?:by\s+[^,.;:\"“”«»]{1,80}?\s+)?"
                               r"as\s+(?:saying|telling|stating)\b", re.I)
#: The owner of a body's text named as speaker: "the ministry's statement" -> "ministry".
TEXT_OWNER_RE = re.compile(r"(?:the\s+)?([\w-]+)[’']s\s", re.I)
#: Where a new clause with its own subject starts inside a sentence.
CLAUSE_JOINT_RE = re.compile(r"(?:,[\"”’]?\s*(?:but|and|while|whereas|although|though|yet)\b|;|:|\s[—–]\s)\s*",
                             re.I)  # a closing mark may stand after the comma: '... by Russia," and Takaichi has'

#: How far from an unknown name its title may stand ("Its director, Andrei Volkov, said": "director").
TITLE_WINDOW = 60
#: A relative pronoun just before a speech verb.
RELATIVE_BEFORE_RE = re.compile(r"\b(?:who|which|that)\s+(?:\w+\s+)?$", re.I)
#: How many words may stand before a sentence's subject ("Its director, Andrei Volkov, said").
SUBJECT_LEAD_WORDS = 3
#: A lower-case word just before a pronoun that makes it an object ("calling it", "told him"), unless it
#: opens a clause ("and it said", "that she").
OBJECT_BEFORE_RE = re.compile(r"(?<![\w’'-])(?!(?:and|but|or|that|as|while|because|when|if|so|although|though|since|"
                              r"after|before|where|whereas|who|which|what|then|yet)\s)[a-z][\w’'-]*\s+$")
#: A comma between a naming cue's name and a quotation: the cue's scope does not reach the quotation.
CLAUSE_BREAK_RE = re.compile(r",\s")
#: A capitalised word between a naming cue and a quotation: the name the cue gives stands before the quotation,
#: which is then no name given but the words of the sentence's speaker ("what Tokyo terms the Northern
#: Territories as "incompatible ...""; "the islands it calls the Northern Territories was "unchanged"").
NAME_GIVEN_RE = re.compile(r"\b[A-Z][a-z]")
#: A participial clause after a comma whose subject is the sentence's ("..., calling the trip "...").
PARTICIPLE_RE = re.compile(r",\s+(?:(?:each|both|all)\s+)?(?:calling|describing|terming|dubbing|saying|labelling|labeling|branding|adding|"
                           r"stating|noting|warning|insisting|arguing|referring|promising|pledging|vowing|claiming|demanding|accusing)\b",
                           re.I)
#: A report of what a paper quoted someone as saying: the object is the speaker ("quoted him as saying that").
#: Also with a colon before the quotation ("The paper quoted its chairman: "...""): the object speaks. Not a
#: passive's agent ("he was quoted by Japanese media as saying": he speaks, the media report).
QUOTED_AS_RE = re.compile(r"\bquot(?:ed|es|ing)\s+(?!by\s)(?P<obj>[^,.;:\"“”«»]{1,80}?)(?:\s+as\s+(?:saying|telling|stating)\b"
                          r"|\s*:(?=\s*[\"“«]))", re.I)
#: A lower-case word: the subject opening a sentence ends before the first that is no title.
LOWER_WORD_RE = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*")
#: What may stand between the end of a quotation and the subject opening its attribution clause.
CLAUSE_OPENING_RE = re.compile(r"[\s,;:–—-]*")
#: A lower-case word or a possessive after a name: with "the" before it, the name qualifies a noun ("the
#: Takaichi administration's"), it is nobody speaking.
MODIFIER_AFTER_RE = re.compile(r"[’']s\b|\s+[a-z]")
#: A definite described person without a prepositional phrase ("the district head"): someone named before.
DEFINITE_RE = re.compile(r"the\s", re.I)
PP_RE = re.compile(r"\s(?:of|for|at|from|with|in)\s", re.I)
#: A prepositional phrase whose object points back, a definite noun alone: " of the region", " of the municipality".
ANAPHORIC_PP_RE = re.compile(r"\s(?:of|for|in)\s+the\s+[a-z]+", re.I)
#: How many words may stand between a speech verb and the quotation it governs ("spoke of", "described it as").
GOVERNED_GAP = 3
#: The comma that ends a subordinate clause opening a sentence (inside or after a closing mark).
MAIN_CLAUSE_RE = re.compile(r",[\"”’»]?\s+")
#: "in his words" before a quotation: the one the possessive stands for speaks it.
IN_WORDS_RE = re.compile(r"\bin\s+(his|her|their)\s+(?:own\s+)?words\W*$", re.I)
#: "that" opening a reported clause: "told reporters that the government had conveyed ...".
THAT_RE = re.compile(r"\bthat\b", re.I)
#: A copula or auxiliary after a subject phrase: the phrase ends before it ("Russian state television is blunter").
COPULA_RE = re.compile(r"\s(?:is|are|was|were|has|have|had)\b")
#: An inverted speech verb after a comma or closing mark, just before a name: "..., said Irina Belova".
INVERTED_BEFORE_RE = re.compile(r"[,\"”]\s*([a-z]+)\s+$")
#: A finite verb or a modal right after a name: the name is the subject of a clause a speech verb before it
#: reports ("Ivan Petrov, a fellow at the institute, said Abe appeared ready"), not that verb's inverted subject.
REPORTED_SUBJECT_RE = re.compile(r"\s+(?:would|will|could|can|should|might|may|must|had|has|have|was|were|is|are|"
                                 r"did|does|wanted|wants|[a-z]{3,}ed)\b")
#: A colon right before the opening mark of a quotation: the sentence introduces it ("X was blunt: "..."").
COLON_BEFORE_RE = re.compile(r":\s*[\"“‘«]?$")
#: A possessive pronoun opening a phrase: "Her answer was simple:" names no speaker by itself.
POSSESSIVE_PRONOUN_RE = re.compile(r"(?:his|her|their|its|my|our)\s", re.I)
#: A determiner opening a noun phrase: its head is the noun after it ("The government of Prime Minister X").
DETERMINER_RE = re.compile(r"(?:the|a|an|its|their|his|her|our|this|that|these|those)\s", re.I)
#: A subject phrase opens with a capital or a determiner ("Russian media", "The resolution", "those polled").
PHRASE_OPENING_RE = re.compile(r"[A-Z]|(?:the|a|an|those|these|its|their)$")
#: Words at the end of a subject phrase before its verb that belong to the verb: auxiliaries and adverbs.
PHRASE_TAIL_WORDS = frozenset({"have", "has", "had", "was", "were", "is", "are", "will", "would", "also", "long",
                               "again", "once", "later", "then", "still", "now", "even", "already", "never",
                               "used", "to", "always", "often", "since", "therefore", "thus", "too", "just",
                               "sometimes", "instead", "meanwhile", "first"})
#: A word opening a subordinate clause: its subject is not the sentence's speaker ("As one analyst put it").
SUBORDINATORS = frozenset({"as", "after", "when", "while", "although", "though", "because", "if", "since", "before",
                           "until", "once", "whereas", "unless",
                           # a preposition: "At the Mumbai event, Oleg Sidorenko ... described"
                           "at", "in", "on", "for", "from", "with", "during", "under", "by", "according"})
#: A past participle after the head of a subject phrase starts a reduced relative clause ("One Gulf executive
#: briefed on the talks"; "A new textbook approved for schools"): the phrase ends before it.
PARTICIPLE_WORD_RE = re.compile(r"[a-z]+ed")
#: How many words a subject phrase may hold.
PHRASE_WORDS = 8
#: "of" after the head of a subject phrase: "The government of Prime Minister X".
OF_RE = re.compile(r"\s+of\s+")
#: A subject pronoun right after a quotation's closing mark, before a finite verb the speech verbs may not list
#: ('"...," she gasps'; "he sighs", "she laughed"): the attribution clause of the quotation.
MANNER_ATTRIBUTION_RE = re.compile(r"[\s,;:–—-]*(?:he|she)\s+(?=[a-z]{3,}(?:s|ed)\b)")
FINITE_VERB_RE = re.compile(r"[a-z]{3,}(?:s|ed)\b")
#: How far into the sentence after a quotation that ends in "?" or "!" its speech verb may stand (characters): a
#: name with a short apposition ('"...?" Ivan Petrov, a military analyst and retired officer, asked').
QUESTION_ATTRIBUTION_REACH = 90

def possessor(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` is followed by a possessive 's: it qualifies the subject, it is not it.

    Examples
    --------
    >>> possessor("Kawabata's daughter", 8), possessor("Kawabata said", 8)
    (True, False)
    """
    return text[end:end + 2] in ("'s", "’s") or text[end:end + 1] in ("'", "’")


#: An adverbial before a sentence's subject: a list number, a preposition's phrase up to a comma, a time ("Days before");
#: a time without a comma before a capitalised word ("Earlier in the day Prime Minister X", "On Monday Putin").
OPENING_ADVERBIAL_RE = re.compile(r"\d{1,2}\.\s+|(?:in|on|at|after|before|during|under|following|meanwhile|however|outside|inside|"
                                  r"near|across|around|along|beyond|amid|despite|within|(?:[\w-]+\s+){1,2}(?:before|after|earlier|later))\b[^,.;:\"“”]{0,60},\s+"
                                  r"|(?:(?:earlier|later|early|late)\s+)?(?:(?:on|in|at|this|last|that)\s+)?(?:the\s+)?(?:day|week|"
                                  r"month|year|morning|afternoon|evening|night|weekend|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                                  r"|\d{4})\s+(?=(?-i:[A-Z]))", re.I)
#: Between a described person and the name that introduces them: "a man named Hideo Kasai", "A woman called Anna".
NAMED_GAP_RE = re.compile(r",?\s+(?:named|called|by the name of)\s+")
#: How far (characters) from "called" the description and the name it introduces are looked for.
NAMED_REACH = 80


def introduces_name(text: str, described: Cand, name: Cand) -> bool:
    """Whether ``name`` introduces the described person before it ("A Japanese man called Kenji Sato told
    reporters"): a person's name, no possessive, after "named" or "called" right after the description; "called"
    is then no speech verb ("A Japanese official called Tokyo's move regrettable": a possessive, so it is).

    Examples
    --------
    >>> text = "A Japanese man called Kenji Sato told reporters"
    >>> man, sato = Cand(0, 14, "person", None, text[:14]), Cand(22, 32, "person", None, "Kenji Sato")
    >>> introduces_name(text, man, sato)
    True
    >>> text = "A Japanese man called Tokyo's move a betrayal"
    >>> introduces_name(text, man, Cand(22, 27, "place", None, "Tokyo"))
    False
    """
    return described.kind == "person" and bool(DESCRIBED_RE.match(described.text)) and name.kind == "person" \
        and not name.role and not DESCRIBED_RE.match(name.text) and not possessor(text, name.end) \
        and NAMED_GAP_RE.fullmatch(text, described.end, name.start) is not None


def called_introduces(text: str, verb: re.Match, cands_from: Callable[[int, int], Sequence[Cand]]) -> bool:
    """Whether a speech verb's match is "called" introducing a name (:func:`introduces_name`) between the
    candidates around it (``cands_from(start, end)``): "A man called X told reporters": no speech verb of the
    sentence. Any other verb is answered without looking at the candidates."""
    if verb.group().split()[-1].lower() != "called":
        return False
    cands = cands_from(max(0, verb.start() - NAMED_REACH), verb.end() + NAMED_REACH)
    described = next((c for c in reversed(cands) if c.end <= verb.start()), None)
    name = next((c for c in cands if c.start >= verb.end()), None)
    return described is not None and name is not None and introduces_name(text, described, name)


def inverted_start(text: str, sent_start: int, start: int, before: list) -> int:
    """Where the words before an inverted subject at ``start`` end: ``start`` itself, or, for a name in
    apposition to a described speaker right before it ("..., said the ministry's official representative,
    Maria Zakharova"), where that phrase and its "the" start; ``before`` are the candidates before ``start``.

    Examples
    --------
    >>> from kuril_research.ingest.voice.model import Cand
    >>> text = "It is hostile, said the ministry's representative, Anna Roe."
    >>> inverted_start(text, 0, 51, [Cand(24, 49, "person", None, "ministry's representative")])
    20
    """
    prev = before[-1] if before else None
    if prev is None or prev.start < sent_start or not re.fullmatch(r",\s+", text[prev.end:start]) \
            or not DESCRIBED_RE.match(text, max(0, prev.start - 4) if THE_BEFORE_RE.search(text, 0, prev.start)
                                      else prev.start):
        return start
    return prev.start - 4 if THE_BEFORE_RE.search(text, max(0, prev.start - 4), prev.start) else prev.start


#: A verb of speaking or naming right after the subject of a reported clause ('... said that Rudenko referred to
#: the islands only as "..."'): the reported subject's own words.
#: A participial phrase of speaking opening a sentence before its subject: "Speaking to reporters at a hotel, ".
SPEAKING_LEAD_RE = re.compile(r"(?:speaking|talking|writing|commenting|responding|replying|addressing)\b"
                              r"[^,.;:\"“”]{0,80},\s+", re.I)
#: A year opening a clause without a comma before its subject: "Since 2022 Japanese official documents have ...".
YEAR_LEAD_RE = re.compile(r"\s*(?:since|in|by|until)\s+\d{4}\s+(?=\S)", re.I)
#: The kinds of candidate that speak in their own name.
SPEAKER_KINDS = ("person", "organisation")
REPORTED_VERB_RE = re.compile(r"\s+(?:(?:only|also|again|repeatedly|[a-z]+ly)\s+)?(?:referred\s+to|called|calls|"
                              r"described|describes|termed|dubbed|labell?ed|branded|accused|accuses)\b")
#: "said that" / "noted that" etc.: the reporting verb's "that" and what follows up to the reported subject, whose
#: titles may stand between ("reported that Foreign Ministry spokeswoman Maria Zakharova accused").
REPORTED_THAT_RE = re.compile(r"\s+that\s+(?:[A-Z][\w’'-]*\s+|[a-z]+\s+(?=[A-Z])){0,4}$"
                              # ... or the "that" left out after a reporting verb ("A ministry official said Motegi had
                              # described the trip as "..."")
                              r"|\b(?:said|says|told|reported|added|noted|stated)\s+(?:[A-Z][\w’'-]*\s+){0,4}$"
                              # ... or a noun with a contact relative clause: "a comment the ministry described as"
                              r"|\b(?:a|an|the)\s+(?!(?:that|which|who)\s)[a-z-]+\s+(?:the\s+)?$")
#: How far before a reported subject (characters) its reporting verb or "that" may stand, titles between.
REPORTED_REACH = 64
#: A verb that names its object's quality right before a noun phrase: "called Lavrov's remarks "...""; the subject
#: of the verb gives the words, not the one whose remarks they are.
JUDGING_VERB_BEFORE_RE = re.compile(r"\b(?:call|calls|called|calling|describe[sd]?|describing|term(?:s|ed)?|"
                                    r"labell?(?:s|ed)?|dub(?:s|bed)?|brand(?:s|ed)?)\s+(?:the\s+)?$", re.I)
#: A copula or "as" between a noun phrase and a quotation: 'X's statement is "inadmissible"', 'described X's
#: remark as "..."': the words judge the noun phrase, they are not its content; an insertion between commas may
#: stand before the copula ('Morgulov's remarks, reported by Interfax, were "unproductive"').
JUDGED_BY_RE = re.compile(r"(?:,[^,;:.!?\"“”]{1,80},)?[\s,]*"
                          r"(?:(?:is|was|are|were|remains|remained|seems|seemed|appears|appeared|as)\s+)"
                          r"(?:[\w-]+\s+){0,3}?$", re.I)


def judged(text: str, start: int, end: int, quote: int, owned_re: re.Pattern | None = None) -> bool:
    """Whether the noun phrase at [start, end) is what the quotation at ``quote`` judges, not who speaks it: the
    object of a naming verb right before it, or the subject of a copula or "as" right before the quotation. A
    possessive and speech noun after the phrase (``owned_re``: "Lavrov's remarks") belong to it.

    Examples
    --------
    >>> t = 'He called Lavrov\\'s remarks "absurd"; Lavrov\\'s remark is "wrong"; Lavrov\\'s remark "we wait"'
    >>> judged(t, 10, 26, 28), judged(t, 37, 52, 57), judged(t, 65, 80, 82)
    (True, True, False)
    """
    if owned_re is not None and (owned := owned_re.match(text, end)) is not None:
        end = owned.end()
    return JUDGING_VERB_BEFORE_RE.search(text, max(0, start - 24), start) is not None \
        or JUDGED_BY_RE.fullmatch(text, end, max(end, quote - 1)) is not None


def source_before(text: str, sent_start: int, pos: int, verb_in) -> re.Match | None:
    """An "according to" or "in the words of" right before ``pos`` that gives the sentence its speaker: not one
    after a speech verb of the sentence ('"...," Ivan Petrov replied, according to a pool reporter'), which names
    the channel of words someone else spoke; ``verb_in(start, end)`` finds a speech verb.

    Examples
    --------
    >>> verb_in = lambda start, end: re.compile(r"\\bsaid\\b").search(text, start, end)
    >>> text = "According to a pool reporter, the talks failed. Petrov said, according to a pool reporter"
    >>> source_before(text, 0, 13, verb_in) is not None, source_before(text, 48, 74, verb_in) is None
    (True, True)
    """
    according = ACCORDING_TO_RE.search(text, sent_start, pos)
    return according if according is not None and verb_in(sent_start, according.start()) is None else None


def plain_person(word: str, genders: dict[str, str]) -> bool:
    """Whether a head noun is a plain gendered noun of a person ("man", "mother"), not a title ("spokesman").

    Examples
    --------
    >>> plain_person("man", {"man": "male"}), plain_person("spokesman", {"spokesman": "male"})
    (True, False)
    """
    return word in genders and not re.search(r"\w(?:man|woman|person)$", word)


def phrase_side(sides: dict[str, str], phrase: str) -> str | None:
    """The side a phrase's words name, by a side's name or a place of its own (``sides`` in ``voice.yaml``,
    entity -> side); None for none, or for both.

    Examples
    --------
    >>> sides = {"japan": "japanese", "tokyo": "japanese", "russia": "russian"}
    >>> phrase_side(sides, "the Japanese minister"), phrase_side(sides, "Russia's envoy")
    ('japanese', 'russian')
    >>> phrase_side(sides, "the minister"), phrase_side(sides, "Japanese and Russian officials")
    (None, None)
    """
    names = set(sides.values())
    named = {sides.get(w, w) for w in re.findall(r"[a-z]+", phrase.lower().replace("’s", "").replace("'s", ""))
             if sides.get(w, w) in names}
    return named.pop() if len(named) == 1 else None


#: A lower-case word in a candidate's text, other than a particle of a name ("van", "de", "bin").
LOWER_WORD_IN_NAME_RE = re.compile(r"(?<![\w’'.-])(?!(?:van|von|de|der|den|da|di|du|la|le|bin|al|ibn|y)\b)[a-z][\w’'-]*")


def named_person(c: Cand) -> bool:
    """Whether a candidate is a person's name, no description: a gazetteer person, or capitalised words only
    ("Ivan Petrov", "Mr. Sato"); not "a local man" nor "Japan's annual report", which a phrase with a possessive
    of several words ("Japanese Foreign Ministry's annual report") would pass as a person of the possessive's
    kind. A role resolves to a person named since its speaker spoke only if it is such a name."""
    return c.entity is not None or not DESCRIBED_RE.match(c.text) and not LOWER_WORD_IN_NAME_RE.search(c.text)


#: A second predicate after the name a cue gave: "which Tokyo calls Kunashiri and describes ... as "..."".
AND_RE = re.compile(r"\band\s")


def name_given(text: str, cue_end: int, start: int, verb_in) -> bool:
    """Whether a naming cue gave its name before the quotation opening at ``start`` (``NAME_GIVEN_RE``), so that
    the quotation is no name the cue gives but words of the sentence ("what Tokyo calls the Northern
    Territories and would seek a treaty "when ..."": the prime minister's), unless a speech verb after "and"
    goes on with the cue's subject ("which Tokyo calls Kunashiri and describes as "..."": Tokyo's).

    Examples
    --------
    >>> verb_in = lambda s, e: re.compile("describes").search(text, s, e)
    >>> text = 'what Tokyo calls the Northern Territories and would seek talks "when ..."'
    >>> name_given(text, 16, text.index('"') + 1, verb_in)
    True
    >>> text = 'which Tokyo calls Kunashiri and describes as "inherent land"'
    >>> name_given(text, 17, text.index('"') + 1, verb_in)
    False
    >>> text = 'what it calls its "inherent territory"'
    >>> name_given(text, 13, text.index('"') + 1, verb_in)
    False
    """
    name = NAME_GIVEN_RE.search(text, cue_end, start)
    if name is None:
        return False
    joint = AND_RE.search(text, name.end(), start)
    return joint is None or verb_in(joint.end(), start) is None


def definite_head(phrase: str, text_heads: frozenset[str], pp_role_heads: frozenset[str],
                  role_phrases: frozenset[str] = frozenset()) -> str | None:
    """The head noun of a definite described phrase that may stand for a person named before, lower case, or None:
    its last word ("the district head" -> "head"); with a prepositional phrase, the word before it when that is a
    ``pp_role_heads`` noun and the phrase points back ("the head of the region" -> "head"; "the head of a trading
    house", someone new, -> None); the whole phrase after "the" when it is one of ``role_phrases``, an office
    named with a bare noun ("the head of government"); never a text's head noun ("the paper").

    Examples
    --------
    >>> heads = frozenset({"head"})
    >>> definite_head("the district head", frozenset(), heads), definite_head("the head of the region", frozenset(), heads)
    ('head', 'head')
    >>> definite_head("the head of a trading house", frozenset(), heads), definite_head("the paper", {"paper"}, heads)
    (None, None)
    >>> definite_head("The head of government", frozenset(), heads, frozenset({"head of government"}))
    'head of government'
    """
    if DEFINITE_RE.match(phrase) and (office := " ".join(phrase.lower().split()[1:])) in role_phrases:
        return office
    pp = PP_RE.search(phrase)
    words = (phrase[:pp.start()] if pp else phrase).lower().split()
    if not DEFINITE_RE.match(phrase) or len(words) < 2 or words[-1] in text_heads or (pp and (
            words[-1] not in pp_role_heads or not ANAPHORIC_PP_RE.fullmatch(phrase, pp.start()))):
        return None
    return words[-1]
