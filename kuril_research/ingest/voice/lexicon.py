"""Loading and validating ``data/voice.yaml`` into a :class:`~.lexicon_record.VoiceLexicon` with its regexes
compiled once. One loader checks every key of ``voice.yaml`` against the others (roles and role sides, cues and
their subjects, sides and owners) with the file's line numbers; the record it fills is in :mod:`.lexicon_record`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kuril_research.errors import LexiconError
from kuril_research.ingest.voice.lexicon_record import VoiceLexicon, phrase_key
from kuril_research.ingest.voice.model import SUBJECT_TYPES
from kuril_research.ingest.voice.patterns import (GAP_TOKEN_RE, MAX_GAP, after_alternation, alternation, anchors,
                                                  cue_parts, described_re, prefix_re, subject_cue_res)
from kuril_research.ingest.voice.texts import texts_re
from kuril_research.lexicons import data_path, file_sha256, load_yaml
from kuril_research.matching.required_literals import literal_check
from kuril_research.matching.token_patterns import TokenPatternError, compile_tokens


ENTITY_TYPES = ("island", "island_group", "collective_name", "archipelago", "document", "person", "place",
                "organisation", "homonym")
LEXICON_KEYS = ("speech_verbs", "roles", "naming_cues", "cue_not_followed_by", "naming_scope_words", "named_types",
                "sides")
#: Keys a lexicon may leave out.
#: What may stand between a name and a post-posed cue: white space, a comma, an opening bracket or a dash
#: ("Etorofu, as Japan calls it"; "the Northern Territories – as Japan calls the four islands –").
POST_OPENER = r"(?:[\s,(—–]|\s-\s)*"
OPTIONAL_KEYS = ("role_sides", "naming_post_cues", "naming_gloss_cues", "gloss_triggers", "subject_words",
                 "subject_pronouns", "naming_owner", "name_title_words", "name_stop_words", "speaker_heads",
                 "organisation_heads", "speech_nouns", "language_words", "turn_roles", "turn_continuation_words",
                 "name_after_verbs", "possessive_speaker_heads", "side_place_speakers", "scare_term_nouns",
                 "title_nouns", "genders", "naming_copula_cues", "naming_copula_scope_words",
                 "generic_role_heads", "term_report_verbs", "speaker_after_cues",
                 "name_giving_cues", "text_heads", "term_nouns", "slogan_cues", "role_titles",
                 "family_name_words", "addressee_verbs", "text_verbs",
                 "numbered_text_heads", "interview_cues", "interview_object_cues", "interviewer_nouns",
                 "pp_role_heads")
#: A capitalised word of a name or an outlet ("Helen", "O'Neill", "Asia").
CAPITALISED = r"[A-Z][\w’'-]+"
#: What must follow a gloss that ends in its side ("in Japan"): punctuation or a conjunction.
GLOSS_END = r"(?=\s*(?:[)\],;.:!?—–\-]|and\b|or\b|while\b|but\b|whereas\b|$))"
#: Lists read as words, not as token patterns.
WORD_KEYS = ("named_types", "sides", "role_sides", "name_title_words", "name_stop_words",
             "turn_roles", "role_titles", "family_name_words")
#: A word in the script of the language it glosses, between a language label and its romanisation: "(Japanese:
#: 国後島 Kunashiri-tō)", "Russian: Итуруп Iturup". Cyrillic, CJK, kana and full-width forms.
NATIVE_WORD = r"[\u0400-\u04ff\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]+"
NATIVE_SCRIPT = rf"{NATIVE_WORD}(?:\s+{NATIVE_WORD})?"
#: A cue that names the referent before the name: "{side}'s name for", "the {side} term for" (the words after
#: "for" are what is named: "Japan's name for the islands at the end of the Kuril chain").
REFERENT_FIRST_RE = re.compile(r"\b(?:name|names|term|terms|word|words)\b[^.]*\bfor$")
#: A cue that gives its subject a second verb: "{side} ..10 and calls".
COORDINATED_RE = re.compile(r"\.\.\d+\s+and\s")
#: A label of the romanisation after the native script: "Japanese: 色丹島, romanized: Shikotan-tō".
ROMANISED_LABEL = r"(?:romani[sz]ed|transliterated|romaji|rōmaji)\s*:?"
NOTATION_HINT = "see the notation at the top of the shipped voice.yaml"
PLAIN_WORD_RE = re.compile(r"[\w'’-]+")


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
            if key.split(".")[0] not in WORD_KEYS and key not in ("naming_cues", "naming_post_cues",
                                                                    "naming_gloss_cues", "naming_copula_cues"):
                check_tokens(key, item, item_line, lambda text: compile_tokens(text, max_gap=MAX_GAP))
        return tuple(" ".join(item.split()) for item in node)

    def optional_phrases(key: str) -> tuple[str, ...]:
        """An optional list of phrases (empty when the key is absent)."""
        return phrases(key) if key in doc else ()

    def word_set(key: str) -> frozenset[str]:
        """An optional list of words, lower case (empty when the key is absent)."""
        return frozenset(w.lower() for w in optional_phrases(key))

    def check_tokens(key: str, item: str, line: int, compile_) -> None:
        if "..." in item:
            raise fail(f"{key}: {item!r}: '...' is not a gap", line, "write ..N for up to N words, e.g. ..10")
        try:
            compile_(item)
        except TokenPatternError as err:
            raise fail(f"{key}: {item!r}: {err}", line, NOTATION_HINT) from None

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
    optional_cues = {key: phrases(key) if key in doc else () for key in ("naming_post_cues", "naming_gloss_cues",
                                                                           "naming_copula_cues")}
    copula_words = doc.get("naming_copula_scope_words", 4)
    if isinstance(copula_words, bool) or not isinstance(copula_words, int) or copula_words < 1:
        raise fail(f"naming_copula_scope_words must be a positive whole number, not {copula_words!r}",
                   doc.lines.get("naming_copula_scope_words", doc.line), "write e.g. 4")
    parts: dict[str, tuple[str, str]] = {}
    for key, listed in (("naming_cues", cues), *optional_cues.items()):
        for cue, line in zip(listed, doc[key].lines if listed else ()):
            words = cue.replace("{side}", "")
            if cue.count("{side}") != 1 or not words.strip() or "{" in words or "}" in words:
                raise fail(f"naming cue {cue!r} must contain {{side}} exactly once and at least one word", line,
                           "write e.g. 'which {side} calls' (in quotes if it starts with {side})")
            tokens = cue.replace("{side}", " {side} ").split()
            if any(i in (0, len(tokens) - 1) or tokens[i + 1] == "{side}"
                   for i, token in enumerate(tokens) if GAP_TOKEN_RE.fullmatch(token)):
                raise fail(f"naming cue {cue!r}: a gap ..N must stand between two words", line,
                           "write e.g. 'in {side}, ..10 called'")
            check_tokens(key, cue, line, cue_parts)
            parts[cue] = cue_parts(cue)
    for name, line in zip(named_types, doc["named_types"].lines):
        if name not in ENTITY_TYPES:
            raise fail(f"named_types: unknown entity type {name!r}", line, "use one of " + ", ".join(ENTITY_TYPES))
    for entity, line in zip(sides["russian"], doc["sides"]["russian"].lines):
        if entity in sides["japanese"]:
            raise fail(f"sides: {entity!r} is listed under both japanese and russian", line, "keep it on one side")
    side_of = {entity: side for side, ids in sides.items() for entity in ids}
    role_sides = {}
    if "role_sides" in doc:
        known_roles = {phrase_key(r) for phrases_ in roles.values() for r in phrases_}
        for side, listed in mapping("role_sides", ("japanese", "russian")).items():
            for role, line in zip(listed, doc["role_sides"][side].lines):
                if phrase_key(role) not in known_roles:
                    raise fail(f"role_sides.{side}: {role!r} is not one of the roles", line,
                               "list it under roles too, or check the spelling")
                if role_sides.setdefault(phrase_key(role), side) != side:
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
    role_titles: dict[str, tuple[str, ...]] = {}
    if "role_titles" in doc:
        node = doc["role_titles"]
        if not isinstance(node, dict) or not node:
            raise fail("role_titles must map head nouns to lists of titles", doc.lines["role_titles"],
                       "write e.g. 'leader: [president, prime minister]'")
        role_titles = {str(head).lower(): tuple(t.lower() for t in phrases(f"role_titles.{head}", listed,
                                                                             node.lines[head]))
                       for head, listed in node.items()}
    possessive_heads = alternation(phrases("possessive_speaker_heads")) if "possessive_speaker_heads" in doc else ""
    turn_roles: dict[str, frozenset[str]] = {}
    if "turn_roles" in doc:
        node = doc["turn_roles"]
        if not isinstance(node, dict) or not node or not set(node) <= {"speaker", "question", "not_speaker", "headline",
                                                                 "speech"}:
            raise fail("turn_roles must map speaker, question, not_speaker, headline or speech to lists of labels",
                       doc.lines["turn_roles"],
                       "write e.g. 'speaker: [Moderator]' and 'question: [Question]'")
        turn_roles = {k: frozenset(p.lower() for p in phrases(f"turn_roles.{k}", v, node.lines[k]))
                      for k, v in node.items()}
    person_words = sorted({form for p in optional_phrases("turn_continuation_words")
                           for form in (p, p[:1].upper() + p[1:])})
    subject_pronouns: dict[str, tuple[str, ...]] = {}
    if "subject_pronouns" in doc:
        node = doc["subject_pronouns"]
        if not isinstance(node, dict) or not node or not set(node) <= {"any", *SUBJECT_TYPES}:
            raise fail("subject_pronouns must map any, place, organisation or person to lists",
                       doc.lines["subject_pronouns"], "write e.g. 'any: [it, they]'")
        subject_pronouns = {k: phrases(f"subject_pronouns.{k}", v, node.lines[k]) for k, v in node.items()}
    genders: dict[str, str] = {}
    if "genders" in doc:
        node = doc["genders"]
        if not isinstance(node, dict) or set(node) != {"female", "male"}:
            raise fail("genders must map exactly female and male to lists of words", doc.lines["genders"],
                       "write e.g. 'female: [she, her, woman]' and 'male: [he, him, man]'")
        for gender in ("female", "male"):
            for word, line in zip(phrases(f"genders.{gender}", node[gender], node.lines[gender]), node[gender].lines):
                if genders.setdefault(word.lower(), gender) != gender:
                    raise fail(f"genders: {word!r} is listed under both female and male", line, "keep it in one list")
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
    copulas = optional_cues.pop("naming_copula_cues")
    all_cues = cues + copulas
    cue_parts_ = [parts[cue] for cue in all_cues]
    cue_res = [(re.compile(prefix_re(before), re.I), re.compile(after, re.I)) for before, after in cue_parts_]
    pronoun_alt = alternation([p for listed in subject_pronouns.values() for p in listed]) or "(?!)"
    # a subject word with a lower-case head ("called the Northern Territories by the Japanese government") first
    word_alt = alternation([w for listed in subject_words.values() for w in listed if " " in w]) or "(?!)"
    side_group = (rf"(?P<side>(?i:{word_alt})\b|(?:the\s+)?(?:(?i:{pronoun_alt})\b|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){{0,3}}?))")
    # a side word inside a noun phrase: "as older Japanese maps call", "as many Russians know them"
    side_phrase = rf"(?:[a-z]+\s+){{0,2}}?{side_group}(?:\s+[a-z][a-z-]*){{0,2}}?"
    post_cues = [*((c, False) for c in optional_cues["naming_post_cues"]),
                 *((c, True) for c in optional_cues["naming_gloss_cues"])]
    post_res = []
    for cue, needs_licence in post_cues:
        before, after = parts[cue]
        post_res.append((re.compile((r"\s*" if needs_licence else POST_OPENER) + before
                                    + (side_group if needs_licence or not before.strip() else side_phrase)
                                    + (after or GLOSS_END)), needs_licence))
    firsts = sorted({c.split()[0] for c, _ in post_cues})  # the first words; notation in one: no pre-check
    post_first = (POST_OPENER + r"(?:" + alternation(firsts) + r")\b") if all(PLAIN_WORD_RE.fullmatch(w) for w in firsts) \
        else ""
    groups = [f"(?P<e_{entity}>{alternation(listed)})" for entity, listed in subject_words.items()]
    groups += [f"(?P<p_{kind}>{alternation(listed)})" for kind, listed in subject_pronouns.items()]
    triggers = optional_phrases("gloss_triggers")
    not_after = alternation(sorted(not_followed))
    verbs_re = alternation(verbs)
    term_verbs = optional_phrases("term_report_verbs")
    role_groups = "|".join(f"(?P<{kind}>{alternation(listed)})" for kind, listed in roles.items())
    after_res = after_alternation([a for _, a in cue_parts_])
    bare_res = [prefix_re(b) for b, a in cue_parts_ if not a]
    return VoiceLexicon(
        path=str(path), sha256=file_sha256(path), speech_verbs=verbs, roles=roles, naming_cues=cues,
        cue_not_followed_by=not_followed, naming_scope_words=scope, named_types=frozenset(named_types),
        sides=side_of, role_sides=role_sides,
        naming_post_cues=optional_cues["naming_post_cues"], naming_gloss_cues=optional_cues["naming_gloss_cues"],
        gloss_triggers=triggers, subject_words=subject_words, subject_pronouns=subject_pronouns,
        naming_owner=naming_owner, genders=genders,
        term_verb_re=re.compile(rf"\b(?:{alternation(verbs + term_verbs)})\b", re.I),
        speaker_after_re=re.compile(rf"\s*(?:{alternation(phrases('speaker_after_cues'))})\s+", re.I)
        if "speaker_after_cues" in doc else None,
        name_giving_re=re.compile(rf"\b(?i:{alternation(phrases('name_giving_cues'))})[,:]?\s+(?:as\s+)?"
                                  r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)") if "name_giving_cues" in doc else None,
        interview_cue_re=re.compile(rf"\b(?i:{alternation(phrases('interview_cues'))})\b")
        if "interview_cues" in doc else None,
        interview_object_re=re.compile(rf"(?:(?P<who>{CAPITALISED}(?:[ ]{CAPITALISED}){{0,3}})\s+)?"
                                       rf"(?:recently\s+|also\s+)?\b(?i:{alternation(phrases('interview_object_cues'))})"
                                       rf"\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?(?P<name>{CAPITALISED}(?:[ ]{CAPITALISED}){{1,2}})")
        if "interview_object_cues" in doc else None,
        interviewer_re=re.compile(rf"\b(?i:{alternation(phrases('interviewer_nouns'))})\s+"
                                  rf"(?P<name>{CAPITALISED}(?:[ ]{CAPITALISED}){{1,2}})")
        if "interviewer_nouns" in doc else None,
        text_heads=word_set("text_heads"),
        pp_role_heads=word_set("pp_role_heads"),
        text_phrase_re=texts_re(phrases("text_heads")) if "text_heads" in doc else None,
        text_verb_re=texts_re(phrases("text_heads"), phrases("text_verbs"),
                              optional_phrases("numbered_text_heads"))
        if "text_heads" in doc and "text_verbs" in doc else None,
        generic_role_heads=word_set("generic_role_heads"), role_titles=role_titles,
        role_phrases=frozenset(head for head in role_titles if " of " in head),
        name_title_words=frozenset(w.lower() for key in ("name_title_words", "speaker_heads") if key in doc
                                   for w in phrases(key)),  # "Fisherman Kenji Ota": a head noun is a title too
        name_stop_words=word_set("name_stop_words"),
        family_name_words=word_set("family_name_words"),
        organisation_heads=word_set("organisation_heads"),
        language_words=word_set("language_words"),
        described_re=described_re(phrases("speaker_heads"), verbs) if "speaker_heads" in doc else None,
        head_after_re=re.compile(rf"[ ](?:{alternation(phrases('speaker_heads'))})s?\b(?![’'-])"
                                 r"(?!,?\s+[A-Z])")  # "Kremlin spokesman Dmitry Peskov": a title of the name after
        if "speaker_heads" in doc else None,
        turn_roles=turn_roles,
        name_after_re=re.compile(rf"\b(?i:{alternation(phrases('name_after_verbs'))})\s+(?P<name>[A-Z][a-z’'-]+)"
                                 r"(?=\s*[,;]|\.\s|\.?$)") if "name_after_verbs" in doc else None,
        inverted_verbs=frozenset(v.lower() for v in phrases("name_after_verbs")) if "name_after_verbs" in doc
        else frozenset(),
        addressee_verbs=word_set("addressee_verbs"),
        possessive_described_re=re.compile(  # the owner: a name or "the" and a noun ("the fleet's press service")
            rf"\b(?P<owner>(?:[A-Z][\w-]*\s+){{0,3}}[A-Z][\w-]*|(?i:the)\s+(?:[a-z-]+\s+){{0,2}}[a-z-]+)[’']s\s+"
            rf"(?:[A-Za-z-]+\s+){{0,2}}?(?i:{possessive_heads})\b"
            rf"(?!\s+(?i:{possessive_heads})\b)(?=\s*[,;.:]|\s+[a-z])")  # the last head noun, then a verb
        if "possessive_speaker_heads" in doc else None,
        side_place_speakers=bool(doc.get("side_place_speakers", False)),
        proper_body_re=re.compile(rf"\b(?i:the)\s+(?:[A-Z][\w’'-]+\s+){{1,3}}(?:[a-z][\w-]+\s+){{1,2}}"
                                  rf"(?i:{alternation(phrases('organisation_heads'))})\b(?!\s+[a-z]+\s+(?:of|for)\b)")
        if "organisation_heads" in doc else None,
        term_after_re=re.compile(rf"(?:\s+(?i:{alternation(phrases('scare_term_nouns'))}))?[\s,.;:!?]*")
        if "scare_term_nouns" in doc else None,
        title_before_re=re.compile(rf"\b(?i:{alternation(phrases('title_nouns'))})\s*$")
        if "title_nouns" in doc else None,
        term_before_re=re.compile(rf"\b(?i:the|a|this|that)\s+(?i:{alternation(phrases('term_nouns'))})"
                                  r"\s*[\"“‘'«„]?$")
        if "term_nouns" in doc else None,
        slogan_before_re=re.compile(rf"\b(?i:{alternation(phrases('slogan_cues'))})\s*[,:]?\s*[\"“‘'«„]?$")
        if "slogan_cues" in doc else None,
        continuation_re=re.compile(rf"\b(?:{alternation(person_words, keep_case=True)})\b") if person_words else None,
        possessive_speech_re=re.compile(rf"[’']s?\s+(?:[\w-]+\s+)?(?:{alternation(phrases('speech_nouns'))})\b", re.I)
        if "speech_nouns" in doc else None,
        speech_noun_re=re.compile(rf"\b(?:{alternation(phrases('speech_nouns'))})\s*$", re.I)
        if "speech_nouns" in doc else None,
        report_noun_re=re.compile(rf"\b(?:{alternation(phrases('speech_nouns'))})\b(?:[ ][^.;:!?\"“”«»]{{0,80}}?)?"
                                  r",?[ ](?:saying|stating|declaring|that)\b", re.I)
        if "speech_nouns" in doc else None,
        verb_re=re.compile(rf"\b(?:{verbs_re})\b", re.I),
        verb_re_lower=re.compile(rf"\b(?:{verbs_re})\b"),
        subject_verb_re=re.compile(rf"(?:\s+[a-z]+){{0,3}}?\s+(?i:{alternation(verbs + term_verbs)})\b"),
        role_re=re.compile(rf"\b(?:{role_groups})\b", re.I),
        role_re_lower=re.compile(rf"\b(?:{role_groups})\b"),
        role_re_grouped=re.compile(rf"\b(?:{alternation([r for rs in roles.values() for r in rs], grouped=True)})\b"),
        role_kinds={phrase_key(r): kind for kind, listed in roles.items() for r in listed},
        cue_res=tuple(cue_res),
        cue_scope_words=tuple([0] * len(cues) + [copula_words] * len(copulas)),
        cue_referent_first=tuple(bool(REFERENT_FIRST_RE.search(cue)) for cue in all_cues),
        cue_coordinated=tuple(bool(COORDINATED_RE.search(cue)) for cue in all_cues),
        cue_suffix_re=re.compile(after_res, re.I) if after_res else None,
        cue_suffix_checks=(checks := tuple(literal_check(suffix_re) for _, suffix_re in cue_res)),
        cue_suffix_literals=tuple(sorted({literal for check in checks for literal in check.literals or ()})),
        cue_bare_prefix_re=re.compile("|".join(f"(?:{b})" for b in bare_res), re.I) if bare_res else None,
        subject_re=re.compile(rf"\b(?:{'|'.join(groups)})\b", re.I) if groups else None,
        subject_cue_res=subject_cue_res(cue_parts_, subject_words, subject_pronouns, flags=re.I),
        cue_anchor_re=re.compile(rf"\b(?:{alternation(sorted(anchors(all_cues)))})\b") if anchors(all_cues) else None,
        subject_cue_res_lower=subject_cue_res(cue_parts_, subject_words, subject_pronouns),
        post_res=tuple(post_res),
        language_before_re=re.compile(rf"[,(;—–]\s*(?:also\s+|in\s+)?(?P<side>{alternation(phrases('language_words'))})"
                                      rf"\s*[:,]?\s+(?:{NATIVE_SCRIPT}(?:\s*[,;]\s*{ROMANISED_LABEL})?\s+)?$", re.I)
        if "language_words" in doc else None,
        post_first_re=re.compile(post_first, re.I) if post_res else None,
        trigger_re=re.compile(rf"\b(?:{alternation(triggers)})\b"
                              + (rf"(?!\s+(?:{not_after})\b)" if not_after else "")
                              + r"(?:\s+[^\s.;!?]+){0,12}?\s+$", re.I) if triggers else None,
    )
