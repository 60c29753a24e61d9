"""Homonym rules: when a territory name in a text names something else (a ship, a firm, a place elsewhere).

The rules are data in ``kuril_research/data/gazetteer.yaml`` (the keys in :data:`HOMONYM_KEYS`, each
explained where it stands in that file); :func:`compile_homonym_rules` validates and compiles them, and
:meth:`HomonymRules.homonyms` tells which of a text's mentions they turn into the ``homonym`` entity.

A mention is a homonym when

* a cue word ends just before it: "the trawler Shikotan", "aboard the Etorofu", "a ship named Iturup"
  (``homonym_cues``);
* a head noun of a name follows it, perhaps after up to three capitalised words of that name:
  "the Kunashir Nature Reserve", "the Etorofu-class escort ships" (``homonym_suffixes``);
* it ends a capitalised title: "the Rally for the Return of the Northern Territories" (``homonym_title_heads``);
* it is a bare island name after "the", in a subject's or object's place, as only ships' names are
  written in English: "the Kunashir, which ..." and "the Iturup was ..." (``homonym_after_the``);
* an apposition calls it a ship or a firm: "Kunashir, a Sakhalin ferry, ..." (``homonym_appositions``);
* a context proper to one name says it is the homonymous place: "Canada's northern territories"
  (``homonym_contexts``; the only rule that also applies to a treaty: "a Ukraine peace agreement"
  is not the Russia–Japan peace treaty);
* it is joined by "and" to a name the rules above made a homonym, after "the": "the Chishima and
  Habomai Islands Residents' League".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from kuril_research import lexicons
from kuril_research.errors import LexiconError

__all__ = ["HOMONYM_KEYS", "HOMONYM_ENTITY", "TERRITORY_TYPES", "HomonymRules", "compile_homonym_rules"]

#: Types a homonym rule can turn into the ``homonym`` entity ("the trawler Shikotan").
TERRITORY_TYPES = frozenset({"island", "island_group", "collective_name", "archipelago"})
#: The entity a homonym becomes; the gazetteer must define it to use any homonym rule.
HOMONYM_ENTITY = "homonym"
#: The top-level keys of the gazetteer file that hold homonym rules.
HOMONYM_KEYS = frozenset({"homonym_cues", "homonym_suffixes", "homonym_title_heads", "homonym_after_the",
                          "homonym_appositions", "homonym_contexts"})

#: What may stand between two words of a cue in a text: spaces (incl. no-break) and hyphens; no line break.
CUE_SEPARATOR = r"(?:[^\S\r\n]|[\-\u2010\u2011\u2013])+"
#: How far before a name a cue word may end ("the vessel, the Etorofu,").
CUE_REACH = 40
#: Capitalised words that may stand between a territory name and a homonym suffix: the rest of an organisation's
#: or a place's name ("the Kunashir Nature Reserve", "the Northern Territories Return Movement Promotion Council").
#: Case matters: "the Kuril Islands development fund" is a fund for the islands, which are meant.
#: On one line (a headline's end is not a name's), and no capitalised function word: a title-case headline
#: ("Abe and Putin Discuss Kuril Islands At Summit") is no "Kuril Islands ... Summit".
SUFFIX_GAP = (r"(?:[^\S\r\n]+(?!(?:At|In|On|For|And|Or|The|To|Of|With|As|By|After|Before|Over|Near|From|Amid|Into"
              r"|Off|Against|About|Around|Despite|During|Under|Via)\b)[A-Z][\w’'-]*){0,3}?")
#: How far before a name the head of a capitalised title may stand ("Rally for the Return of the ...").
TITLE_REACH = 120
#: Between two names joined in one organisation's name: "the Chishima and Habomai Islands Residents' League"
#: (after "the": "Kunashir, Iturup and Shikotan Lake" joins no name).
NAME_JOIN_RE = re.compile(r"\s+(?:and|&)\s+")
THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.I)
#: "the" and an optional opening quotation mark just before a name.
THE_NAME_RE = re.compile(r"\bthe\s+[\"“‘']?$", re.I)
#: Between the names of a list ("the Kunashir, Iturup and Shikotan islands"): the first is no ship's name.
LIST_JOIN_RE = re.compile(r"[\"”’']?\s*(?:[,/;]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?[\"“‘']?", re.I)
#: The mapping keys of ``homonym_after_the``, ``homonym_appositions`` and ``homonym_contexts`` entries.
_MAPPING_KEYS = {"homonym_after_the": {"followers", "not_after"}, "homonym_appositions": {"heads", "not_before"}}
_CONTEXT_KEYS = {"before", "after"}
#: Words that end an apposition's noun phrase before its head: "Shikotan, the island where the ferry calls" calls
#: no ferry Shikotan.
APPOSITION_GAP_STOPS = r"(?:where|which|that|who|whose|when|island|islands|and|or|of|to|in|on|at|from|by)"


def _words(cues: list[str]) -> str:
    """An alternation of cues, their words joined by :data:`CUE_SEPARATOR` (regex source)."""
    return "|".join(CUE_SEPARATOR.join(map(re.escape, c.split())) for c in sorted(cues, key=len, reverse=True))


@dataclass(frozen=True)
class HomonymRules:
    """The compiled homonym rules of a gazetteer (each pattern None when its key is absent or empty)."""

    before: re.Pattern | None = None      # a cue ending where a name starts
    after: re.Pattern | None = None       # a suffix right after a name
    title: re.Pattern | None = None       # a capitalised title ending in "of the"
    the_follow: re.Pattern | None = None  # what follows "the NAME" when NAME is a ship's
    the_not_after: re.Pattern | None = None  # a preposition before "the NAME": a place, not a ship
    apposition: re.Pattern | None = None  # ", a Sakhalin ferry" after a name
    contexts: dict[str, tuple[re.Pattern | None, re.Pattern | None]] = field(default_factory=dict)

    def homonyms(self, text: str, spans: list[tuple[int, int, str, str]]) -> set[int]:
        """Return the indices of ``spans`` that name something else than the territory.

        Parameters
        ----------
        text : str
        spans : list of (start, end, entity, entity_type)
            The gazetteer's matches in ``text``, sorted and non-overlapping; a span of the
            ``homonym`` entity (a listed name: "Habomai Maru") is joined like a rule's homonym.

        Returns
        -------
        set of int

        Examples
        --------
        >>> rules = HomonymRules(before=re.compile(r"\\btrawler\\s+$"))
        >>> text = "the trawler Shikotan sailed past Shikotan"
        >>> sorted(rules.homonyms(text, [(12, 20, "shikotan", "island"), (33, 41, "shikotan", "island")]))
        [0]
        """
        hits = {i for i, span in enumerate(spans)
                if (span[3] in TERRITORY_TYPES and self._is_homonym(text, spans, i))
                or (span[3] not in TERRITORY_TYPES and self._in_context(text, span))}
        for i in range(len(spans) - 2, -1, -1):  # "the Chishima and Habomai Islands Residents' League"
            (start, end, _, kind), nxt = spans[i], spans[i + 1]
            if kind in TERRITORY_TYPES and (i + 1 in hits or nxt[3] == HOMONYM_ENTITY) \
                    and NAME_JOIN_RE.fullmatch(text, end, nxt[0]) \
                    and THE_BEFORE_RE.search(text, max(0, start - 4), start):
                hits.add(i)
        return hits

    def _is_homonym(self, text: str, spans: list[tuple[int, int, str, str]], i: int) -> bool:
        start, end, _, kind = spans[i]
        if self.before is not None and self.before.search(text, max(0, start - CUE_REACH), start):
            return True
        if self.after is not None and self.after.match(text, end):
            return True
        if self.title is not None and self.title.search(text, max(0, start - TITLE_REACH), start):
            return True
        if self._in_context(text, spans[i]):
            return True
        if kind != "island" or " " in text[start:end]:  # ships bear a bare island name: "the Kunashir"
            return False
        if self.apposition is not None and self.apposition.match(text, end):
            return True
        return self.the_follow is not None and self._ship_after_the(text, spans, i)

    def _in_context(self, text: str, span: tuple[int, int, str, str]) -> bool:
        """True when a context proper to the span's entity surrounds it ("Canada's northern territories")."""
        before, after = self.contexts.get(span[2], (None, None))
        return (before is not None and before.search(text, max(0, span[0] - CUE_REACH), span[0]) is not None) \
            or (after is not None and after.match(text, span[1]) is not None)

    def _ship_after_the(self, text: str, spans: list[tuple[int, int, str, str]], i: int) -> bool:
        """True for "the Kunashir, which ..." or "the Iturup was ...": "the" and a bare island name."""
        start, end = spans[i][0], spans[i][1]
        if not THE_NAME_RE.search(text, max(0, start - 6), start) or not self.the_follow.match(text, end):
            return False
        if self.the_not_after is not None and self.the_not_after.search(text, max(0, start - 20), start):
            return False  # "on the Kunashir" is translators' English for the island
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        prev = spans[i - 1] if i else None
        if nxt is not None and nxt[2] == spans[i][2] and nxt[0] - end < CUE_REACH:
            return False  # the island's other name glossed next to it: "the Iturup, called Etorofu in Japan"
        return not ((nxt is not None and nxt[3] in TERRITORY_TYPES and LIST_JOIN_RE.fullmatch(text, end, nxt[0]))
                    or (prev is not None and prev[3] in TERRITORY_TYPES
                        and LIST_JOIN_RE.fullmatch(text, prev[1], start)))


def compile_homonym_rules(doc, path: Path, entity_ids: set[str]) -> HomonymRules | None:
    """Validate and compile the homonym rules of a parsed gazetteer file.

    Parameters
    ----------
    doc : LineDict
        The parsed file (:func:`kuril_research.lexicons.load_yaml`).
    path : Path
        The file, to name in error messages.
    entity_ids : set of str
        The ids of the file's entities; ``homonym`` must be one of them when any rule is given.

    Returns
    -------
    HomonymRules or None
        None when the file gives no rule.

    Raises
    ------
    LexiconError
        A malformed rule, with the file and line.
    """
    if not isinstance(doc, lexicons.LineDict) or not any(doc.get(k) for k in HOMONYM_KEYS):
        return None
    first = next(k for k in sorted(HOMONYM_KEYS, key=lambda k: doc.lines.get(k, 0)) if doc.get(k))
    if HOMONYM_ENTITY not in entity_ids:
        raise LexiconError(f"{first} need an entity with id {HOMONYM_ENTITY!r}", path=path, line=doc.lines[first],
                           hint=f"add an entity '- id: {HOMONYM_ENTITY}' of type homonym, or remove {first}")
    cues = _word_list(doc, "homonym_cues", path)
    suffixes = _word_list(doc, "homonym_suffixes", path)
    heads = _word_list(doc, "homonym_title_heads", path)
    the = _mapping(doc, "homonym_after_the", path)
    appositions = _mapping(doc, "homonym_appositions", path)
    before = re.compile(rf"\b(?:{_words(cues)})(?:,?\s+(?:named|called))?,?\s+(?:the\s+)?[\"“‘']?$",
                        re.IGNORECASE) if cues else None
    after = re.compile(rf"[\"”’']?(?:{SUFFIX_GAP}[^\S\r\n]+|[\-\u2010\u2011])(?:{_words(suffixes)})\b") \
        if suffixes else None
    title = re.compile(rf"\b(?:{_words(heads)})(?:\s+(?:[A-Z][\w’'-]*|of|for|to|on|in|near|the|and))*?"
                       r"\s+(?:of|for|to|on|near|and)\s+(?:the\s+)?$") if heads else None
    the_follow = the_not_after = apposition = None
    if the.get("followers"):
        # punctuation, a possessive ("the Kunashir's captain") or a follower word
        the_follow = re.compile(rf"[\"”’']?(?:[,;:.!?)]|[’']s\b|\s+(?:{_words(the['followers'])})\b)")
    if the.get("not_after"):
        the_not_after = re.compile(rf"\b(?:{_words(the['not_after'])})\s+the\s+[\"“‘']?$", re.IGNORECASE)
    if appositions.get("heads"):
        stops = appositions.get("not_before") or []
        stop = rf"(?!\s+(?:{_words(stops)})\b)" if stops else ""
        apposition = re.compile(rf"[\"”’']?,\s+(?:a|an|the)\s+(?:(?!{APPOSITION_GAP_STOPS}\b)[\w’'-]+\s+){{0,3}}?"
                                rf"(?:{_words(appositions['heads'])})"
                                rf"(?![\w’'-]){stop}", re.IGNORECASE)
    return HomonymRules(before=before, after=after, title=title, the_follow=the_follow, the_not_after=the_not_after,
                        apposition=apposition, contexts=_contexts(doc, path, entity_ids))


def _check_words(node, line: int | None, what: str, path: Path) -> list[str]:
    if not isinstance(node, lexicons.LineList) or not all(isinstance(c, str) and c.strip() for c in node):
        raise LexiconError(f"{what} must be a list of words", path=path, line=line,
                           hint=f"write e.g. '{what}: [vessel, trawler, ferry]' (quote yes/no/on/off)")
    return [" ".join(c.split()) for c in node]


def _word_list(doc, key: str, path: Path) -> list[str]:
    """The validated word list under ``key`` (empty when the file has none)."""
    if key not in doc:
        return []
    return _check_words(doc[key], doc.lines[key], key, path)


def _mapping(doc, key: str, path: Path) -> dict[str, list[str]]:
    """The validated mapping of word lists under ``key`` (empty when the file has none)."""
    if key not in doc or doc[key] is None:
        return {}
    node, allowed = doc[key], _MAPPING_KEYS[key]
    if not isinstance(node, lexicons.LineDict):
        raise LexiconError(f"{key} must be a mapping of {' and '.join(sorted(allowed))}", path=path,
                           line=doc.lines[key], hint=f"write '{key}:' and beneath it e.g. '  {min(allowed)}: [...]'")
    for sub in node:
        if sub not in allowed:
            raise LexiconError(f"unknown key {sub!r} in {key}", path=path, line=node.lines[sub],
                               hint=f"use only {', '.join(sorted(allowed))}")
    return {sub: _check_words(node[sub], node.lines[sub], f"{key}.{sub}", path) for sub in node}


def _contexts(doc, path: Path, entity_ids: set[str]) -> dict[str, tuple[re.Pattern | None, re.Pattern | None]]:
    """The compiled ``homonym_contexts``: entity id → (words just before, words just after)."""
    node = doc.get("homonym_contexts")
    if node is None:
        return {}
    if not isinstance(node, lexicons.LineDict):
        raise LexiconError("homonym_contexts must be a mapping of entity ids", path=path,
                           line=doc.lines["homonym_contexts"],
                           hint="write 'homonym_contexts:' and beneath it e.g. '  shikotan: {before: [...]}'")
    compiled = {}
    for eid in node:
        if eid not in entity_ids:
            raise LexiconError(f"homonym_contexts names an unknown entity {eid!r}", path=path, line=node.lines[eid],
                               hint="use the id of an entity of this file")
        item = node[eid]
        if not isinstance(item, lexicons.LineDict) or not item or any(k not in _CONTEXT_KEYS for k in item):
            raise LexiconError(f"homonym_contexts of {eid!r} must map before and/or after to word lists", path=path,
                               line=node.lines[eid], hint="write e.g. '{before: [\"Canada's\"], after: [of Canada]}'")
        words = {k: _check_words(item[k], item.lines[k], f"homonym_contexts.{eid}.{k}", path) for k in item}
        before = re.compile(rf"\b(?:{_words(words['before'])})\s+(?:the\s+)?$", re.IGNORECASE) \
            if words.get("before") else None
        after = re.compile(rf"\s+(?:{_words(words['after'])})\b", re.IGNORECASE) if words.get("after") else None
        compiled[eid] = (before, after)
    return compiled
