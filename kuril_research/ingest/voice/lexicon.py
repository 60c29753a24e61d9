"""Loading and validating ``data/voice.yaml`` into a :class:`VoiceLexicon` with its regexes compiled once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kuril_research.errors import LexiconError
from kuril_research.ingest.voice.model import SUBJECT_TYPES
from kuril_research.lexicons import data_path, file_sha256, load_yaml


ENTITY_TYPES = ("island", "island_group", "collective_name", "archipelago", "document", "person", "place",
                "organisation", "homonym")
LEXICON_KEYS = ("speech_verbs", "roles", "naming_cues", "cue_not_followed_by", "naming_scope_words", "named_types",
                "sides")
#: Keys a lexicon may leave out.
OPTIONAL_KEYS = ("role_sides", "naming_post_cues", "naming_gloss_cues", "gloss_triggers", "subject_words",
                 "subject_pronouns", "naming_owner", "name_title_words", "name_stop_words", "speaker_heads",
                 "organisation_heads", "speech_nouns", "language_words")
#: Words too common to tell that a text may hold a naming cue (see ``VoiceLexicon.cue_anchor_re``).
COMMON_CUE_WORDS = frozenset({"in", "as", "the", "by", "which", "what", "its", "to", "of", "for", "a", "an", "and",
                              "way", "...", ",", "them", "it", "part", "they", "are", "is"})
#: What must follow a gloss that ends in its side ("in Japan"): punctuation or a conjunction.
GLOSS_END = r"(?=\s*(?:[)\],;.:!?—–\-]|and\b|or\b|while\b|but\b|whereas\b|$))"


@dataclass(frozen=True)
class VoiceLexicon:
    """Validated cues from ``voice.yaml`` (see that file), with their regexes compiled once.

    ``path`` and ``sha256`` (of the file's bytes) record which cues a corpus was built with.
    """

    path: str
    sha256: str
    speech_verbs: tuple[str, ...]
    roles: dict[str, tuple[str, ...]]
    naming_cues: tuple[str, ...]
    cue_not_followed_by: frozenset[str]
    naming_scope_words: int
    named_types: frozenset[str]
    sides: dict[str, str]  # entity id -> naming side
    role_sides: dict[str, str]  # role phrase, lower case, single spaces -> the side it names
    naming_post_cues: tuple[str, ...] = ()
    naming_gloss_cues: tuple[str, ...] = ()
    gloss_triggers: tuple[str, ...] = ()
    subject_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # entity id -> phrases
    subject_pronouns: dict[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> phrases
    naming_owner: dict[str, str] = field(default_factory=dict)  # naming side -> entity id
    name_title_words: frozenset[str] = frozenset()
    name_stop_words: frozenset[str] = frozenset()
    organisation_heads: frozenset[str] = frozenset()
    language_words: frozenset[str] = frozenset()  # lower case: a gloss "in Japanese" needs no licence
    verb_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: :attr:`verb_re` in lower case, for lower-cased text (~4x faster than re.IGNORECASE).
    verb_re_lower: re.Pattern | None = field(default=None, repr=False, compare=False)
    subject_verb_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    role_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    role_re_lower: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: The roles lower case, grouped by first word (one branch tried per position, ~3x faster), and their kinds.
    role_re_grouped: re.Pattern | None = field(default=None, repr=False, compare=False)
    role_kinds: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    cue_res: tuple[tuple[re.Pattern, re.Pattern], ...] = field(default=(), repr=False, compare=False)
    #: Matches where any cue's suffix matches (None if a cue has no suffix): most mentions fail it, which spares
    #: trying every cue on them.
    cue_suffix_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: The prefixes of cues that end in their subject ("called by {side}"), ending where a subject starts:
    #: with :attr:`cue_suffix_re`, the pre-check that spares trying every cue at every subject.
    cue_bare_prefix_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: Subject words and pronouns where a cue may hold them: followed by a cue's suffix, or after the prefix of a
    #: cue that ends in its subject. One scan each, so that the many "it"s of a text cost nothing in Python.
    subject_cue_res: tuple[re.Pattern, ...] = field(default=(), repr=False, compare=False)
    #: The same, lower case, for the lower-cased text (a case-sensitive scan is ~4x faster than re.IGNORECASE).
    subject_cue_res_lower: tuple[re.Pattern, ...] = field(default=(), repr=False, compare=False)
    #: The distinctive words of the cues, lower case: a text with none of them holds no cue.
    cue_anchor_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: Subject words and pronouns, one named group per entity (``e_japan``) or pronoun kind (``p_any``).
    subject_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: (regex, needs a licence) per post-posed cue; the regex is matched at a name's end.
    post_res: tuple[tuple[re.Pattern, bool], ...] = field(default=(), repr=False, compare=False)
    trigger_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A language word glossing the name after it: "Iturup, Japanese Etorofu,", "(Japanese: Etorofu)".
    language_before_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: The first words of the post-posed cues after a name: most names are followed by none of them.
    post_first_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A possessive and a speech noun after a name ("Ishiba’s remark"): the name owns the words that follow.
    possessive_speech_re: re.Pattern | None = field(default=None, repr=False, compare=False)
    #: A described speaker: "a spokesman for the Sakhalin regional government", "the head of a trading house".
    described_re: re.Pattern | None = field(default=None, repr=False, compare=False)


@lru_cache(maxsize=1)
def default_lexicon() -> VoiceLexicon:
    return load_voice_lexicon()


def load_voice_lexicon(path: str | Path | None = None) -> VoiceLexicon:
    """Load and validate the voice cues (speech verbs, roles, naming cues).

    Parameters
    ----------
    path : str or Path, optional
        A ``voice.yaml``; defaults to the one shipped in ``kuril_research/data``.

    Returns
    -------
    VoiceLexicon

    Raises
    ------
    LexiconError
        Naming the file and line of the first problem and what to do.

    Examples
    --------
    >>> lex = load_voice_lexicon()
    >>> "said" in lex.speech_verbs, lex.roles["person"][:2], lex.sides["tokyo"]
    (True, ('he', 'she'), 'japanese')
    >>> load_voice_lexicon() is lex  # cached until the file changes
    True
    """
    path = Path(path) if path is not None else data_path("voice.yaml")
    try:
        stamp = path.resolve().stat().st_mtime_ns
    except OSError:
        stamp = None  # let the loader report the missing file
    return _load_voice_lexicon(path.resolve(), stamp)


@lru_cache(maxsize=8)
def _load_voice_lexicon(path: Path, stamp: int | None) -> VoiceLexicon:
    """Load once per file version (resolved path, modification time); see :func:`load_voice_lexicon`."""
    doc = load_yaml(path)

    def fail(message: str, line: int | None, hint: str) -> LexiconError:
        return LexiconError(message, path=path, line=line, hint=hint)

    def phrases(key: str, node=None, line: int | None = None) -> tuple[str, ...]:
        node, line = (doc[key], doc.lines[key]) if node is None else (node, line)
        if not isinstance(node, list) or not node:
            raise fail(f"{key} must be a non-empty list", line, "write one phrase per '- ' line")
        for item, item_line in zip(node, node.lines):
            if not isinstance(item, str) or not item.strip():
                raise fail(f"{key}: {item!r} is not a phrase", item_line,
                           "put it in quotes: YAML reads yes/no/on/off as true/false" if isinstance(item, bool)
                           else "write words, or remove the item")
        return tuple(" ".join(item.split()) for item in node)

    def mapping(key: str, allowed: tuple[str, str]) -> dict[str, tuple[str, ...]]:
        node = doc[key]
        if not isinstance(node, dict) or set(node) != set(allowed):
            raise fail(f"{key} must map exactly {' and '.join(allowed)} to lists", doc.lines[key],
                       f"write {' and '.join(allowed)} as keys under {key}")
        return {k: phrases(f"{key}.{k}", v, node.lines[k]) for k, v in node.items()}

    if not isinstance(doc, dict):
        raise fail("expected a mapping with the keys " + ", ".join(LEXICON_KEYS), None, "see the shipped voice.yaml")
    for key in doc:
        if key not in LEXICON_KEYS + OPTIONAL_KEYS:
            raise fail(f"unknown key {key!r}", doc.lines[key], "use one of " + ", ".join(LEXICON_KEYS + OPTIONAL_KEYS))
    for key in LEXICON_KEYS:
        if key not in doc:
            raise fail(f"missing key {key!r}", doc.line, "add it (see the shipped voice.yaml)")
    verbs, cues, named_types = phrases("speech_verbs"), phrases("naming_cues"), phrases("named_types")
    sides = mapping("sides", ("japanese", "russian"))
    roles_node = doc["roles"]
    if not isinstance(roles_node, dict) or not {"person", "organisation"} <= set(roles_node) \
            or not set(roles_node) <= {"person", "organisation", "institution"}:
        raise fail("roles must map person and organisation (and optionally institution) to lists", doc.lines["roles"],
                   "write person and organisation as keys under roles")
    roles = {k: phrases(f"roles.{k}", v, roles_node.lines[k]) for k, v in roles_node.items()}
    optional_cues = {key: phrases(key) if key in doc else () for key in ("naming_post_cues", "naming_gloss_cues")}
    for key, listed in (("naming_cues", cues), *optional_cues.items()):
        for cue, line in zip(listed, doc[key].lines if listed else ()):
            words = cue.replace("{side}", "")
            if cue.count("{side}") != 1 or not words.strip() or "{" in words or "}" in words:
                raise fail(f"naming cue {cue!r} must contain {{side}} exactly once and at least one word", line,
                           "write e.g. 'which {side} calls' (in quotes if it starts with {side})")
            if cue.split()[0] == "..." or cue.split()[-1] == "..." or "... {side}" in cue:
                raise fail(f"naming cue {cue!r}: '...' must stand between two words", line,
                           "write e.g. 'in {side}, ... called'")
    for name, line in zip(named_types, doc["named_types"].lines):
        if name not in ENTITY_TYPES:
            raise fail(f"named_types: unknown entity type {name!r}", line, "use one of " + ", ".join(ENTITY_TYPES))
    for entity, line in zip(sides["russian"], doc["sides"]["russian"].lines):
        if entity in sides["japanese"]:
            raise fail(f"sides: {entity!r} is listed under both japanese and russian", line, "keep it on one side")
    side_of = {entity: side for side, ids in sides.items() for entity in ids}
    role_sides = {}
    if "role_sides" in doc:
        known_roles = {r.lower() for phrases_ in roles.values() for r in phrases_}
        for side, listed in mapping("role_sides", ("japanese", "russian")).items():
            for role, line in zip(listed, doc["role_sides"][side].lines):
                if role.lower() not in known_roles:
                    raise fail(f"role_sides.{side}: {role!r} is not one of the roles", line,
                               "list it under roles too, or check the spelling")
                if role_sides.setdefault(role.lower(), side) != side:
                    raise fail(f"role_sides: {role!r} is listed under both japanese and russian", line,
                               "keep it on one side")
    subject_words: dict[str, tuple[str, ...]] = {}
    if "subject_words" in doc:
        node = doc["subject_words"]
        if not isinstance(node, dict) or not node:
            raise fail("subject_words must map entity ids to lists of words", doc.lines["subject_words"],
                       "write e.g. 'japan: [the Japanese, Japanese]'")
        for entity, listed in node.items():
            if entity not in side_of:
                raise fail(f"subject_words: {entity!r} has no side", node.lines[entity],
                           "list the entity under sides first")
            subject_words[entity] = phrases(f"subject_words.{entity}", listed, node.lines[entity])
    subject_pronouns: dict[str, tuple[str, ...]] = {}
    if "subject_pronouns" in doc:
        node = doc["subject_pronouns"]
        if not isinstance(node, dict) or not node or not set(node) <= {"any", *SUBJECT_TYPES}:
            raise fail("subject_pronouns must map any, place, organisation or person to lists",
                       doc.lines["subject_pronouns"], "write e.g. 'any: [it, they]'")
        subject_pronouns = {k: phrases(f"subject_pronouns.{k}", v, node.lines[k]) for k, v in node.items()}
    naming_owner = {}
    if "naming_owner" in doc:
        node = doc["naming_owner"]
        if not isinstance(node, dict) or not set(node) <= {"japanese", "russian"}:
            raise fail("naming_owner must map japanese and russian to entity ids", doc.lines["naming_owner"],
                       "write e.g. 'japanese: japan'")
        for naming, entity in node.items():
            if side_of.get(entity) != naming:
                raise fail(f"naming_owner: {entity!r} is not listed under sides.{naming}", node.lines[naming],
                           "name an entity of that side")
        naming_owner = dict(node)
    scope = doc["naming_scope_words"]
    if isinstance(scope, bool) or not isinstance(scope, int) or scope < 1:
        raise fail(f"naming_scope_words must be a positive whole number, not {scope!r}",
                   doc.lines["naming_scope_words"], "write e.g. 8")
    not_followed = frozenset(w.lower() for w in phrases("cue_not_followed_by"))
    cue_res, suffixes = [], []
    for cue in cues:
        prefix, suffix = (_cue_words_re(part) for part in cue.split("{side}"))
        suffixes.append(suffix)
        lead = r"\b" if cue[:1].isalnum() else ""
        cue_res.append((re.compile(rf"{lead}{prefix}\s+(?:the\s+)?$" if prefix else r"(?:\bthe\s+)?$", re.I),
                        re.compile(_suffix_re(cue.split("{side}")[1], suffix), re.I)))
    pronoun_alt = _phrase_re(*(p for listed in subject_pronouns.values() for p in listed)) or "(?!)"
    side_group = (rf"(?P<side>(?:the\s+)?(?:(?i:{pronoun_alt})\b|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}}?))")
    post_res = []
    for cue, needs_licence in [*((c, False) for c in optional_cues["naming_post_cues"]),
                               *((c, True) for c in optional_cues["naming_gloss_cues"])]:
        before, after = cue.split("{side}")
        body = (_cue_words_re(before) + r"\s+" if before.strip() else "") + side_group
        body += (_suffix_re(after, _cue_words_re(after)) if after.strip() else GLOSS_END)
        post_res.append((re.compile((r"\s*" if needs_licence else r"[\s,(]*") + body), needs_licence))
    groups = [f"(?P<e_{entity}>{_phrase_re(*listed)})" for entity, listed in subject_words.items()]
    groups += [f"(?P<p_{kind}>{_phrase_re(*listed)})" for kind, listed in subject_pronouns.items()]
    triggers = phrases("gloss_triggers") if "gloss_triggers" in doc else ()
    not_after = "|".join(map(re.escape, sorted(not_followed)))
    verbs_re = _phrase_re(*verbs)
    role_groups = "|".join(f"(?P<{kind}>{_phrase_re(*listed)})" for kind, listed in roles.items())
    role_groups_lower = "|".join(f"(?P<{kind}>{_phrase_re(*(r.lower() for r in listed))})"
                                 for kind, listed in roles.items())
    return VoiceLexicon(
        path=str(path), sha256=file_sha256(path), speech_verbs=verbs, roles=roles, naming_cues=cues,
        cue_not_followed_by=not_followed, naming_scope_words=scope, named_types=frozenset(named_types),
        sides=side_of, role_sides=role_sides,
        naming_post_cues=optional_cues["naming_post_cues"], naming_gloss_cues=optional_cues["naming_gloss_cues"],
        gloss_triggers=triggers, subject_words=subject_words, subject_pronouns=subject_pronouns,
        naming_owner=naming_owner,
        name_title_words=frozenset(w.lower() for key in ("name_title_words", "speaker_heads") if key in doc
                                   for w in phrases(key)),  # "Fisherman Kenji Ota": a head noun is a title too
        name_stop_words=frozenset(w.lower() for w in phrases("name_stop_words")) if "name_stop_words" in doc
        else frozenset(),
        organisation_heads=frozenset(w.lower() for w in phrases("organisation_heads")) if "organisation_heads" in doc
        else frozenset(),
        language_words=frozenset(w.lower() for w in phrases("language_words")) if "language_words" in doc
        else frozenset(),
        described_re=_described_re(phrases("speaker_heads")) if "speaker_heads" in doc else None,
        possessive_speech_re=re.compile(rf"[’']s?\s+(?:[\w-]+\s+)?(?:{_phrase_re(*phrases('speech_nouns'))})\b", re.I)
        if "speech_nouns" in doc else None,
        verb_re=re.compile(rf"\b(?:{verbs_re})\b", re.I),
        verb_re_lower=re.compile(rf"\b(?:{_phrase_re(*(v.lower() for v in verbs))})\b"),
        subject_verb_re=re.compile(rf"(?:\s+[a-z]+){{0,3}}?\s+(?i:{verbs_re})\b"),
        role_re=re.compile(rf"\b(?:{role_groups})\b", re.I),
        role_re_lower=re.compile(rf"\b(?:{role_groups_lower})\b"),
        role_re_grouped=re.compile(
            rf"\b(?:{_grouped_alternation([r.lower() for listed in roles.values() for r in listed])})\b"),
        role_kinds={" ".join(r.lower().split()): kind for kind, listed in roles.items() for r in listed},
        cue_res=tuple(cue_res),
        cue_suffix_re=re.compile("|".join(f"(?:{_suffix_re(c.split('{side}')[1], x)})"
                                          for c, x in zip(cues, suffixes) if x), re.I) if any(suffixes) else None,
        cue_bare_prefix_re=re.compile("|".join(f"(?:{p.pattern})" for (p, _), x in zip(cue_res, suffixes) if not x),
                                      re.I) if not all(suffixes) else None,
        subject_re=re.compile(rf"\b(?:{'|'.join(groups)})\b", re.I) if groups else None,
        subject_cue_res=_subject_cue_res(cues, subject_words, subject_pronouns, flags=re.I),
        cue_anchor_re=re.compile(rf"\b(?:{_phrase_re(*sorted(_anchors(cues)))})\b") if _anchors(cues) else None,
        subject_cue_res_lower=_subject_cue_res([c.lower() for c in cues],
                                               {k: [w.lower() for w in v] for k, v in subject_words.items()},
                                               {k: [w.lower() for w in v] for k, v in subject_pronouns.items()}),
        post_res=tuple(post_res),
        language_before_re=re.compile(rf"[,(;—–]\s*(?:also\s+)?(?P<side>{_phrase_re(*phrases('language_words'))})"
                                      r"\s*:?\s+$", re.I) if "language_words" in doc else None,
        post_first_re=re.compile(r"[\s,(]*(?:" + _phrase_re(*sorted({c.split()[0] for c in (
            *optional_cues["naming_post_cues"], *optional_cues["naming_gloss_cues"])})) + r")\b", re.I)
        if post_res else None,
        trigger_re=re.compile(rf"\b(?:{_phrase_re(*triggers)})\b"
                              + (rf"(?!\s+(?:{not_after})\b)" if not_after else "")
                              + r"(?:\s+[^\s.;!?]+){0,12}?\s+$", re.I) if triggers else None,
    )


def _phrase_re(*phrases: str) -> str:
    """Regex alternation of phrases, longest first, any white space between words."""
    return "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))


def _subject_cue_res(cues: Sequence[str], subject_words: dict, subject_pronouns: dict, *,
                     flags: int = 0) -> tuple[re.Pattern, ...]:
    """Regexes of subject words and pronouns followed by a cue's suffix, and after a bare cue's prefix."""
    groups = [f"(?P<e_{entity}>{_phrase_re(*listed)})" for entity, listed in subject_words.items()]
    groups += [f"(?P<p_{kind}>{_phrase_re(*listed)})" for kind, listed in subject_pronouns.items()]
    if not groups:
        return ()
    parts = [(c.split("{side}")[1], _cue_words_re(c.split("{side}")[1])) for c in cues]
    after = "|".join(f"(?:{_suffix_re(raw, x)})" for raw, x in parts if x)
    bare = "|".join(_bare_prefix(c) for c, (_, x) in zip(cues, parts) if not x)
    patterns = [rf"\b(?:{'|'.join(groups)})\b(?={after})" if after else None,
                rf"(?:{bare})\s+(?:the\s+)?\b(?:{'|'.join(groups)})\b" if bare else None]
    return tuple(re.compile(p, flags) for p in patterns if p)


def _anchors(cues: Sequence[str]) -> set[str]:
    """The first distinctive lower-case word of each cue; empty if one cue has none (no pre-check then)."""
    words = [[w for w in c.lower().replace("{side}", " ").replace(",", " ").split() if w not in COMMON_CUE_WORDS]
             for c in cues]
    return {w[0] for w in words} if words and all(words) else set()


def _grouped_alternation(phrases: Sequence[str]) -> str:
    """Regex alternation of phrases grouped by first word, longest first within each group.

    Examples
    --------
    >>> print(_grouped_alternation(["he", "the spokesman", "the minister", "it"]))
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


def _bare_prefix(cue: str) -> str:
    """The regex of the words before {side} in a cue that ends in its subject ("called by {side}")."""
    prefix = cue.split("{side}")[0]
    return (r"\b" if prefix[:1].isalnum() else "") + _cue_words_re(prefix)


def _described_re(heads: Sequence[str]) -> re.Pattern:
    """Regex of a described speaker: an indefinite noun phrase ending in a head noun, with an optional
    "for/of/at ..." phrase ("a senior official of the League"), or a definite one with that phrase. A place
    after the phrase is left out ("... of the League in Nemuro said"), except after an embassy, consulate or
    mission, whose city is part of its name ("a spokesperson for the Embassy in Tokyo said")."""
    head = _phrase_re(*heads)
    tail = (r"(?=\s*[,;.:]|\s+(?:said|says|told|who|which|that|involved|speaking|added|noted)\b"
            r"|(?<!Embassy)(?<!Consulate)(?<!Mission)\s+(?:in|at)\s+[A-Z][\w-]+\s+(?:said|says|told)\b)")
    pp = rf"(?:\s+(?:for|of|at|from|with)\s+(?:[\w’'.&-]+\s+){{0,8}}?[\w’'.&-]+{tail})"
    return re.compile(rf"\b(?:(?i:an?|another|one)\s+(?:[\w’'-]+\s+){{0,4}}?(?:{head})\b{pp}?"
                      rf"|(?i:the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{head})\b{pp})")


def _cue_words_re(part: str) -> str:
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


def _suffix_re(raw: str, words_re: str) -> str:
    """The regex of a cue's part after {side}: white space first (none before punctuation), a word end last."""
    if not words_re:
        return ""
    lead = r"\s+" if raw.strip()[:1].isalnum() else r"\s*"
    return lead + words_re + (r"\b" if raw.strip()[-1:].isalnum() else "")
