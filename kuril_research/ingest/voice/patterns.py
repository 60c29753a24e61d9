"""The regexes of ``voice.yaml``'s naming cues, arranged from parts compiled by :mod:`kuril_research.matching`.

Every phrase and cue of ``voice.yaml`` is a token pattern, the notation of ``frames.yaml`` and ``trade.yaml``
(:mod:`kuril_research.matching.token_patterns`): a phrase list compiles to one alternation
(:func:`alternation`), and a naming cue, which holds the slot ``{side}`` once, to the regexes before and after
its subject (:func:`cue_parts`). Gaps may be up to ``..10`` words long (:data:`MAX_GAP`). This module only
puts those parts together into the regexes the naming rules match (:mod:`kuril_research.ingest.voice.naming`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kuril_research.matching.phrase_lists import phrase_alternation
from kuril_research.matching.token_patterns import GAP, slot_parts

#: The longest gap ``..N`` a voice cue may hold ("in {side}, ..10 called").
MAX_GAP = 10
#: Words too common to tell that a text may hold a naming cue (see ``VoiceLexicon.cue_anchor_re``).
COMMON_CUE_WORDS = frozenset({"in", "as", "the", "by", "which", "what", "its", "to", "of", "for", "a", "an", "and",
                              "way", ",", "them", "it", "part", "they", "are", "is"})
#: A token of the notation other than a plain word or a gap: a cue holding one has no anchor word.
NOTATION_RE = re.compile(r"[\[\]()|<>*{}]")
GAP_TOKEN_RE = re.compile(r"\.\.\d+")


def alternation(phrases: Sequence[str], *, grouped: bool = False, keep_case: bool = False) -> str:
    """Regex alternation of token patterns, longest first (see :mod:`kuril_research.matching.phrase_lists`).

    Examples
    --------
    >>> rx = re.compile(rf"\\b(?:{alternation(['pointed out', 'said'])})\\b")
    >>> [m.group() for m in rx.finditer("he said and pointed\\nout")]
    ['said', 'pointed\\nout']
    """
    return phrase_alternation(phrases, grouped=grouped, keep_case=keep_case, max_gap=MAX_GAP)


def cue_parts(cue: str) -> tuple[str, str]:
    """The regexes of a naming cue before ``{side}`` (ending with the join to it) and after it (a word end last).

    A gap takes as few words as it can: "{side} refers to ..10 as" ends at the first "as" after "refers to".

    Examples
    --------
    >>> before, after = cue_parts("known ..10 in {side} as")
    >>> bool(re.fullmatch(before, "known to many in ")), bool(re.match(after, " as"))
    (True, True)
    >>> before, after = cue_parts("{side}'s name for")
    >>> before, bool(re.match(after, "’s name for")), bool(re.match(after, "’s name form"))
    ('', True, False)
    """
    before, after = slot_parts(cue, "side", max_gap=MAX_GAP, lazy=True)
    return before, after + ("" if not after or cue.rstrip()[-1:] in ",;:.'’" else r"(?!\w)")


def after_alternation(afters: Sequence[str]) -> str:
    """One alternation of cues' parts after ``{side}`` (:func:`cue_parts`; empty ones left out), each leading
    join (white space or a dash, or white space before punctuation) matched once for all parts that share it,
    and each leading gap ``..N`` (:func:`gap_heads`) walked once for all parts after the same join that open with
    it.

    The alternation says *whether* some part matches at a place (a pre-check, or a lookahead): a regex
    ``G(?:A|B)`` matches where ``(?:GA)|(?:GB)`` does, since the places where a gap ``G`` may end do not depend on
    what follows it (its words are atomic groups, and a lazy repeat still tries each count). Which part matched,
    and the span, are not any one cue's.

    Examples
    --------
    >>> cues = ("{side} calls", "{side}, which calls", "by {side}")
    >>> rx = re.compile(after_alternation([cue_parts(c)[1] for c in cues]))
    >>> [bool(rx.match(s)) for s in (" calls", "—calls", ", which\\ncalls", " call")]
    [True, True, True, False]
    >>> rx = re.compile(after_alternation([cue_parts(c)[1] for c in ("{side} ..10 calls", "{side} ..10 terms")]))
    >>> rx.pattern.count("{0,10}?"), [bool(rx.match(s)) for s in (" now calls", " long terms", " at last names")]
    (1, [True, True, False])
    """
    by_join: dict[str, list[str]] = {}
    for after in filter(None, afters):
        join = next((j for j in (GAP, r"\s*") if after.startswith(j)), "")
        by_join.setdefault(join, []).append(after[len(join):])
    heads = gap_heads()
    groups = []
    for join, rests in by_join.items():
        by_head: dict[str, list[str]] = {}  # a gap that opens parts -> what follows it in each, in order
        for rest in rests:
            head = next((h for h in heads if rest.startswith(h) and rest[len(h):][:1] not in ("", "?", "*", "+", "{")),
                        None)
            by_head.setdefault(head if head is not None else rest, []).append(rest[len(head):] if head else "")
        by_head = {head: list(dict.fromkeys(tails)) for head, tails in by_head.items()}  # a part listed twice: once
        by_letter: dict[str, list[str]] = {}  # the parts that open with a plain letter, by that letter
        for head, tails in by_head.items():
            if len(tails) == 1 and LETTER_HEAD_RE.match(head):
                by_letter.setdefault(head[0].lower(), []).append(head)
        letters = {part: letter for letter, parts in by_letter.items() if len(parts) > 1 for part in parts}
        branches, done = [], set()
        for head, tails in by_head.items():
            if head in letters:  # "c(?:alls|onsiders)": one test of the letter for all the parts opening with it
                letter = letters[head]
                if letter not in done:
                    done.add(letter)
                    branches.append(f"(?:{letter}(?:{'|'.join(f'(?:{part[1:]})' for part in by_letter[letter])}))")
            elif len(tails) == 1:
                branches.append(f"(?:{head}{tails[0]})")
            else:
                branches.append(f"(?:{head}(?:{'|'.join(f'(?:{tail})' for tail in tails)}))")
        groups.append(f"{join}(?:{'|'.join(branches)})")
    return "|".join(groups)


#: A part that opens with a plain lower-case letter, not quantified (a literal the regex tests first).
LETTER_HEAD_RE = re.compile(r"[a-z](?![?*+{])")


@lru_cache(maxsize=1)
def gap_heads() -> tuple[str, ...]:
    """The regexes of a lazy gap ``..N`` (N from :data:`MAX_GAP` down to 1) at the start of a cue's part after
    ``{side}``, alone and after a comma ("{side} ..10 calls", "{side}, ..10 calls"), as :func:`cue_parts` writes
    them.

    Examples
    --------
    >>> heads = gap_heads()
    >>> len(heads), heads[0].endswith("){0,10}?"), heads[1].startswith(",") and heads[1][1:] == heads[0]
    (20, True, True)
    """
    word = slot_parts("{side} x", "side", max_gap=MAX_GAP, lazy=True)[1]
    heads = []
    for n in range(MAX_GAP, 0, -1):
        whole = slot_parts(f"{{side}} ..{n} x", "side", max_gap=MAX_GAP, lazy=True)[1]
        if not whole.endswith(",?" + word):  # the notation writes a gap otherwise: factor nothing out
            return ()
        heads += [whole[:-len(",?" + word)], "," + whole[:-len(",?" + word)]]
    return tuple(heads)


def prefix_re(before: str) -> str:
    """A cue's part before its subject, then an optional "the", at the end of the text searched."""
    return rf"\b{before}(?:the\s+)?$" if before else r"(?:\bthe\s+)?$"


#: Lower-case nouns a side word may head before a cue's verb: "what Japanese maps call", "as many Russians call".
NOUN_GAP = r"(?:\s+[a-z][a-z-]*){0,2}?"


def subject_cue_res(parts: Sequence[tuple[str, str]], subject_words: dict, subject_pronouns: dict, *,
                    flags: int = 0) -> tuple[re.Pattern, ...]:
    """Regexes of subject words and pronouns followed by a cue's part after ``{side}``, and after the part
    before ``{side}`` of a cue that ends in its subject; ``parts`` are :func:`cue_parts` of each cue."""
    groups = [f"(?P<e_{entity}>{alternation(listed)})" for entity, listed in subject_words.items()]
    groups += [f"(?P<p_{kind}>{alternation(listed)})" for kind, listed in subject_pronouns.items()]
    if not groups:
        return ()
    after = after_alternation([a for _, a in parts])
    bare = "|".join(rf"\b{b}" for b, a in parts if not a)
    words = [g for g in groups if g.startswith("(?P<e_")]
    pronouns = [g for g in groups if not g.startswith("(?P<e_")]
    patterns = [rf"\b(?:{'|'.join(words)})\b(?={NOUN_GAP}{after})" if after and words else None,
                rf"\b(?:{'|'.join(pronouns)})\b(?={after})" if after and pronouns else None,
                rf"(?:{bare})(?:the\s+)?\b(?:{'|'.join(groups)})\b" if bare else None]
    return tuple(re.compile(p, flags) for p in patterns if p)


def anchors(cues: Sequence[str]) -> set[str]:
    """The first distinctive lower-case word of each cue; empty if one cue has none (no pre-check then).

    Examples
    --------
    >>> sorted(anchors(["which {side} calls", "in {side}, ..10 known as", "{side}'s name for"]))
    ["'s", 'calls', 'known']
    >>> anchors(["which {side} calls", "in {side} (usage | parlance)"])  # notation: no pre-check
    set()
    """
    words = [[w for w in c.lower().replace("{side}", " ").replace(",", " ").split()
              if w not in COMMON_CUE_WORDS and not GAP_TOKEN_RE.fullmatch(w)] for c in cues]
    if not words or not all(words) or any(NOTATION_RE.search(c.replace("{side}", "")) for c in cues):
        return set()
    return {w[0] for w in words}


#: Verbs that end a described speaker's phrase: "A retired fisherman at the next stool was less cheerful".
AUXILIARIES = r"was|were|is|are|has|have|had|did|does|do|will|would|could|can|may|might|must|should|shall"


#: Words that cannot stand between a determiner and its head noun: a phrase never runs across them.
FUNCTION_WORDS = r"a|an|the|by|of|in|on|at|to|for|from|with|and|or|but|as|that|who|which"


def described_re(heads: Sequence[str], verbs: Sequence[str] = ()) -> re.Pattern:
    """Regex of a described speaker: an indefinite noun phrase ending in a head noun, with an optional
    "for/of/at ..." phrase ("a senior official of the League"), or a definite one with that phrase. A place
    after the phrase is left out ("... of the League in Nemuro said"), except after an embassy, consulate or
    mission, whose city is part of its name ("a spokesperson for the Embassy in Tokyo said"). A person's age
    belongs to the phrase: "a woman in her seventies whose parents ...".

    Examples
    --------
    >>> rx = described_re(["woman", "official"])
    >>> [m.group() for m in rx.finditer("run by a woman in her seventies whose son left; an official in Nemuro said")]
    ['a woman in her seventies', 'an official']
    >>> [m.group() for m in rx.finditer("An official at the next table was angry.")]
    ['An official at the next table']
    >>> [m.group() for m in rx.finditer("A woman close to the family said so; an official familiar with it said no.")]
    ['A woman close to the family', 'an official familiar with it']
    >>> [m.group() for m in rx.finditer("The woman who runs it said no.")]
    ['The woman']
    >>> [m.group() for m in rx.finditer("a bar run by a woman.")]
    ['a woman']
    >>> [m.group() for m in rx.finditer('"No," one of the officials, a woman, said.')]
    ['one of the officials', 'a woman']
    >>> [m.group() for m in described_re(["letter"], ["describes"]).finditer("The letter of the envoy describes it")]
    ['The letter of the envoy']
    """
    head = alternation(heads)
    spoken = f"|(?i:{alternation(verbs)})" if verbs else ""  # any speech verb ends the phrase: "... describes"
    tail = (r"(?=\s*[,;.:]|\s+(?:said|says|told|who|whose|which|that|involved|speaking|added|noted"
            rf"|{AUXILIARIES}{spoken})\b"
            r"|(?<!Embassy)(?<!Consulate)(?<!Mission)\s+(?:in|at)\s+[A-Z][\w-]+\s+(?:said|says|told)\b)")
    word = rf"(?!(?:{AUXILIARIES})\b)[\w’'.&-]+"  # the phrase ends before its verb: "... at the next stool was"
    # "close to" and "familiar with": the anonymous source's link to the story ("a person close to the talks")
    pp = (rf"(?:\s+(?:for|of|at|from|with|in\s+(?:her|his|their)|close\s+to|familiar\s+with)\s+"
          rf"(?:{word}\s+){{0,8}}?{word}{tail})")
    modifier = rf"(?!(?i:{FUNCTION_WORDS})\s)[\w’'-]+\s+"  # "a tiny bar run by a woman": no phrase across "by a"
    part = r"(?i:one|some|many|several|two|three|four|most|none)\s+of\s+(?i:the|its|their|his|her|our)\s+"
    return re.compile(rf"\b(?:{part}(?:{modifier}){{0,3}}?(?:{head})s?\b{pp}?"  # "one of the sources"
                      rf"|(?i:an?|another|one)\s+(?:{modifier}){{0,4}}(?:{head})\b{pp}?"
                      rf"|(?i:the)\s+(?:{modifier}){{0,3}}(?:{head})\b(?:{pp}|(?=\s+who\s)))")  # "The man who told us"
