"""The grammar of ``voice.yaml`` phrases and naming cues turned into regexes (used by the lexicon loader).

A cue is words with one ``{side}`` slot ("which {side} calls", "known in {side} as"); ``...`` in a cue stands
for up to ten words. Phrases match case-insensitively as whole words, any white space between words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Words too common to tell that a text may hold a naming cue (see ``VoiceLexicon.cue_anchor_re``).
COMMON_CUE_WORDS = frozenset({"in", "as", "the", "by", "which", "what", "its", "to", "of", "for", "a", "an", "and",
                              "way", "...", ",", "them", "it", "part", "they", "are", "is"})


def phrase_re(*phrases: str) -> str:
    """Regex alternation of phrases, longest first, any white space between words."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


def subject_cue_res(cues: Sequence[str], subject_words: dict, subject_pronouns: dict, *,
                     flags: int = 0) -> tuple[re.Pattern, ...]:
    """Regexes of subject words and pronouns followed by a cue's suffix, and after a bare cue's prefix."""
    groups = [f"(?P<e_{entity}>{phrase_re(*listed)})" for entity, listed in subject_words.items()]
    groups += [f"(?P<p_{kind}>{phrase_re(*listed)})" for kind, listed in subject_pronouns.items()]
    if not groups:
        return ()
    parts = [(c.split("{side}")[1], cue_words_re(c.split("{side}")[1])) for c in cues]
    after = "|".join(f"(?:{suffix_re(raw, x)})" for raw, x in parts if x)
    bare = "|".join(bare_prefix(c) for c, (_, x) in zip(cues, parts) if not x)
    patterns = [rf"\b(?:{'|'.join(groups)})\b(?={after})" if after else None,
                rf"(?:{bare})\s+(?:the\s+)?\b(?:{'|'.join(groups)})\b" if bare else None]
    return tuple(re.compile(p, flags) for p in patterns if p)


def anchors(cues: Sequence[str]) -> set[str]:
    """The first distinctive lower-case word of each cue; empty if one cue has none (no pre-check then)."""
    words = [[w for w in c.lower().replace("{side}", " ").replace(",", " ").split() if w not in COMMON_CUE_WORDS]
             for c in cues]
    return {w[0] for w in words} if words and all(words) else set()


def grouped_alternation(phrases: Sequence[str]) -> str:
    """Regex alternation of phrases grouped by first word, longest first within each group.

    Examples
    --------
    >>> print(grouped_alternation(["he", "the spokesman", "the minister", "it"]))
    (?:he)|(?:the(?:\\s+(?:spokesman|minister)))|(?:it)
    """
    groups: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        groups.setdefault(words[0], []).append(words[1:])
    out = []
    for first, rests in groups.items():
        tails = sorted({r"\s+".join(map(re.escape, rest)) for rest in rests if rest}, key=len, reverse=True)
        body = re.escape(first)
        if tails:
            body += rf"(?:\s+(?:{'|'.join(tails)}))" + ("?" if any(not rest for rest in rests) else "")
        out.append(f"(?:{body})")
    return "|".join(out)


def bare_prefix(cue: str) -> str:
    """The regex of the words before {side} in a cue that ends in its subject ("called by {side}")."""
    prefix = cue.split("{side}")[0]
    return (r"\b" if prefix[:1].isalnum() else "") + cue_words_re(prefix)


def described_re(heads: Sequence[str]) -> re.Pattern:
    """Regex of a described speaker: an indefinite noun phrase ending in a head noun, with an optional
    "for/of/at ..." phrase ("a senior official of the League"), or a definite one with that phrase. A place
    after the phrase is left out ("... of the League in Nemuro said"), except after an embassy, consulate or
    mission, whose city is part of its name ("a spokesperson for the Embassy in Tokyo said")."""
    head = phrase_re(*heads)
    tail = (r"(?=\s*[,;.:]|\s+(?:said|says|told|who|which|that|involved|speaking|added|noted)\b"
            r"|(?<!Embassy)(?<!Consulate)(?<!Mission)\s+(?:in|at)\s+[A-Z][\w-]+\s+(?:said|says|told)\b)")
    pp = rf"(?:\s+(?:for|of|at|from|with)\s+(?:[\w’'.&-]+\s+){{0,8}}?[\w’'.&-]+{tail})"
    return re.compile(rf"\b(?:(?i:an?|another|one)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{head})\b{pp}?"
                      rf"|(?i:the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{head})\b{pp})")


def cue_words_re(part: str) -> str:
    """Regex of a cue's words: any white space between words, none needed before punctuation; ``...`` stands
    for up to ten words ("in {side}, ... called" finds "In Japan, the islands are collectively called")."""
    out, after_gap = "", True
    for token in part.split():
        if token == "...":
            out += r"[,;]?\s+(?:[\w’'-]+[,;]?\s+){0,10}?"
            after_gap = True
            continue
        sep = "" if after_gap else (r"\s+" if token[:1].isalnum() else r"\s*")
        out += sep + re.escape(token)
        after_gap = False
    return out


def suffix_re(raw: str, words_re: str) -> str:
    """The regex of a cue's part after {side}: white space first (none before punctuation), a word end last."""
    if not words_re:
        return ""
    lead = r"\s+" if raw.strip()[:1].isalnum() else r"\s*"
    return lead + words_re + (r"\b" if raw.strip()[-1:].isalnum() else "")
