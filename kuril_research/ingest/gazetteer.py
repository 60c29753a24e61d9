"""Gazetteer: every spelling of every island, territory name, treaty and person → one entity.

The spellings live in ``kuril_research/data/gazetteer.yaml`` (see the comments at
the top of that file for its format). :func:`load_gazetteer` validates the file
and compiles all its variants into one regular expression; :meth:`Gazetteer.find`
returns the non-overlapping, longest :class:`Mention` of each entity in a text;
a territory name that its context shows to name something else (a ship, a firm, a
place elsewhere) becomes the ``homonym`` entity (:mod:`kuril_research.ingest.homonyms`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from kuril_research import lexicons
from kuril_research.errors import LexiconError
from kuril_research.ingest.homonyms import HOMONYM_ENTITY, HOMONYM_KEYS, HomonymRules, compile_homonym_rules

__all__ = ["ENTITY_TYPES", "NAMINGS", "Mention", "Gazetteer", "load_gazetteer"]

ENTITY_TYPES = ("island", "island_group", "collective_name", "archipelago",
                "document", "person", "place", "organisation", "homonym")
NAMINGS = ("japanese", "russian", "neutral")

_TOP_KEYS = {"entities"} | HOMONYM_KEYS
_ENTITY_KEYS = {"id", "type", "label", "naming", "variants"}
_VARIANT_KEYS = {"name", "naming", "case"}
_CASES = ("ignore", "exact")

#: Splits a variant into words: white space or hyphens of any kind.
VARIANT_SPLIT_RE = re.compile(r"[\s\-\u2010\u2011]+")
#: What may stand between two words of a variant in a text: spaces (incl. no-break), hyphens; no line break and
#: no tab, which separates the cells of a table row ("1956<TAB>Soviet-Japanese Joint Declaration" is a year
#: and a name, not "1956 Soviet-Japanese Joint Declaration").
WORD_SEPARATOR = r"(?:[^\S\r\n\t]|[\-\u2010\u2011\u2013])+"  # an en dash too: "Soviet–Japanese"
#: Hyphens that count as the same character.
HYPHENS = "-\u2010\u2011"
HYPHEN_CLASS = r"[\-\u2010\u2011]"
#: Apostrophes that count as the same character.
APOSTROPHES = "'\u2019\u02bc"
ENTITY_ID_RE = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True, slots=True)
class Mention:
    """One gazetteer match in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entity: str        # canonical id, e.g. "habomai", "northern_territories", "sergey_lavrov"
    entity_type: str   # island | island_group | collective_name | archipelago | document | person | place | organisation
    naming: str        # japanese | russian | neutral


@dataclass(frozen=True, eq=False)
class Gazetteer:
    """A validated gazetteer with its variants compiled for matching.

    Attributes
    ----------
    entities : DataFrame
        One row per entity: ``entity``, ``entity_type``, ``label``.
    variants : DataFrame
        One row per spelling: ``entity``, ``variant`` (as written in the file), ``naming``.
    sha256 : str
        SHA-256 of the file's bytes, to record which gazetteer produced a result.
    path : Path
        The file it was loaded from.
    """

    entities: pd.DataFrame = field(repr=False)
    variants: pd.DataFrame = field(repr=False)
    sha256: str
    path: Path
    _folded: re.Pattern = field(repr=False)      # case-insensitive variants, lower-case, for text.lower()
    _ignorecase: re.Pattern = field(repr=False)  # the same with re.IGNORECASE, for the original text
    _exact: re.Pattern | None = field(repr=False)  # variants with `case: exact`, for the original text
    _lookup: dict[str, tuple[str, str, str]] = field(repr=False)  # normalised variant → (entity, type, naming)
    _homonyms: HomonymRules | None = field(default=None, repr=False)  # when a name names a ship, a firm, ...

    def find(self, text: str) -> list[Mention]:
        """Return the mentions of gazetteer entities in ``text``.

        Parameters
        ----------
        text : str

        Returns
        -------
        list of Mention
            Sorted by ``start`` and non-overlapping; where variants overlap the
            longest wins. ``text[m.start:m.end] == m.surface`` always holds.

        Examples
        --------
        >>> gaz = load_gazetteer()
        >>> for m in gaz.find("Kishida’s talks on the southern Kuril Islands (Etorofu-to) and US aims"):
        ...     print(m.start, m.end, m.surface, m.entity, m.naming)
        0 7 Kishida fumio_kishida neutral
        23 45 southern Kuril Islands southern_kurils russian
        47 57 Etorofu-to iturup japanese
        63 65 US united_states neutral
        >>> gaz.find("let us go")
        []
        """
        lowered = text.lower()
        if len(lowered) == len(text):  # offsets agree: the ~4x faster lower-case pattern
            spans = [(m.start(), m.end(), m.group()) for m in self._folded.finditer(lowered)]
        else:
            spans = [(m.start(), m.end(), m.group()) for m in self._ignorecase.finditer(text)]
        if self._exact is not None:
            exact = [(m.start(), m.end(), m.group()) for m in self._exact.finditer(text)]
            if exact:
                spans = _longest_first(spans + exact)
        lookup = self._lookup
        found = [Mention(start, end, text[start:end], *(lookup.get(matched) or self._identify(matched)))
                 for start, end, matched in spans]
        if self._homonyms is not None:
            hits = self._homonyms.homonyms(text, [(m.start, m.end, m.entity, m.entity_type) for m in found])
            for i in hits:
                m = found[i]
                found[i] = Mention(m.start, m.end, m.surface, HOMONYM_ENTITY, "homonym", "neutral")
        return found

    def _identify(self, matched: str) -> tuple[str, str, str]:
        """Return (entity, type, naming) of the variant that matched ``matched``."""
        info = self._lookup.get(matched) or self._lookup.get(_normalise(matched))  # most matches are keys already
        if info is None:  # re.IGNORECASE equated characters that str.lower() does not (e.g. "ſ" and "s")
            key = next(k for k in self._lookup if re.fullmatch(_variant_pattern(k), matched, re.IGNORECASE))
            info = self._lookup[key]
        return info

    def __repr__(self) -> str:
        return f"Gazetteer({str(self.path)!r}, entities={len(self.entities)}, variants={len(self.variants)})"


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """Load, validate and compile a gazetteer file.

    Loads are cached on the file's resolved path and modification time, so
    calling this for every article is cheap and an edited file is re-read.
    The returned object is shared between callers: treat its tables as read-only.

    Parameters
    ----------
    path : str or Path, optional
        A gazetteer YAML file; default the one shipped with the package.

    Returns
    -------
    Gazetteer

    Raises
    ------
    LexiconError
        If the file is missing or invalid; the message names the file and line.

    Examples
    --------
    >>> gaz = load_gazetteer()
    >>> gaz.entities.set_index("entity").loc["habomai", "entity_type"]
    'island_group'
    >>> sorted(gaz.variants.query("entity == 'iturup'").naming.unique())
    ['japanese', 'russian']
    """
    path = Path(path) if path is not None else lexicons.data_path("gazetteer.yaml")
    try:
        resolved = path.resolve(strict=True)
        stamp = resolved.stat().st_mtime_ns
    except OSError:  # let load_yaml report it
        return _load(path)
    return _load_cached(resolved, stamp)


@functools.lru_cache(maxsize=8)
def _load_cached(path: Path, mtime_ns: int) -> Gazetteer:
    return _load(path)


def _load(path: Path) -> Gazetteer:
    doc = lexicons.load_yaml(path)
    entities, variants = _validate(doc, path)
    types = {e["entity"]: e["entity_type"] for e in entities}
    longest_first = sorted(variants, key=lambda v: -len(_normalise(v["name"])))  # stable: file order among ties
    folded_pattern = _alternation([_variant_pattern(v["name"], fold=True) for v in longest_first if not v["exact"]])
    exact = [_variant_pattern(v["name"]) for v in longest_first if v["exact"]]
    return Gazetteer(
        entities=pd.DataFrame(entities, columns=["entity", "entity_type", "label"]).astype("string"),
        variants=pd.DataFrame([{"entity": v["entity"], "variant": v["name"], "naming": v["naming"]}
                               for v in variants], columns=["entity", "variant", "naming"]).astype("string"),
        sha256=lexicons.file_sha256(path),
        path=path,
        _folded=re.compile(folded_pattern),
        _ignorecase=re.compile(folded_pattern, re.IGNORECASE),
        _exact=re.compile(_alternation(exact)) if exact else None,
        _lookup={_normalise(v["name"]): (v["entity"], types[v["entity"]], v["naming"]) for v in variants},
        _homonyms=compile_homonym_rules(doc, path, {e["entity"] for e in entities}),
    )


def _validate(doc, path: Path) -> tuple[list[dict], list[dict]]:
    """Check the parsed file; return its entity rows and variant rows, in file order."""
    def fail(message: str, line: int | None, hint: str) -> LexiconError:
        return LexiconError(message, path=path, line=line, hint=hint)

    def check_keys(mapping: lexicons.LineDict, allowed: set[str], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                raise fail(f"unknown key {key!r} in {what}", mapping.lines[key],
                           f"use only {', '.join(sorted(allowed))} (check the spelling)")

    if not isinstance(doc, lexicons.LineDict) or not isinstance(doc.get("entities"), lexicons.LineList):
        line = doc.lines.get("entities", doc.line) if isinstance(doc, lexicons.LineDict) else getattr(doc, "line", None)
        raise fail("the file must be a mapping with a list under `entities`", line,
                   "start the file with `entities:` followed by `  - id: ...` items")
    check_keys(doc, _TOP_KEYS, "the top level")
    entities, variants, seen_ids, seen_variants = [], [], {}, {}
    for item, item_line in zip(doc["entities"], doc["entities"].lines):
        if not isinstance(item, lexicons.LineDict):
            raise fail("an entity must be a mapping with id, type and variants", item_line,
                       "write the entity as `- id: ...` with `type:` and `variants:` beneath it")
        check_keys(item, _ENTITY_KEYS, "an entity")
        for key in ("id", "type", "variants"):
            if key not in item:
                raise fail(f"entity has no {key!r}", item.line, f"add `{key}:` to the entity")
        eid, line = item["id"], item.lines["id"]
        if not isinstance(eid, str) or not ENTITY_ID_RE.fullmatch(eid):
            raise fail(f"entity id {eid!r} is not a valid id", line, "use lower-case letters, digits and _")
        if eid in seen_ids:
            raise fail(f"duplicate entity id {eid!r} (first on line {seen_ids[eid]})", line,
                       "give each entity a different id, or merge the two")
        seen_ids[eid] = line
        if item["type"] not in ENTITY_TYPES:
            raise fail(f"unknown type {item['type']!r} for entity {eid!r}", item.lines["type"],
                       f"use one of {', '.join(ENTITY_TYPES)}")
        default_naming = item.get("naming")
        if default_naming is not None and default_naming not in NAMINGS:
            raise fail(f"unknown naming {default_naming!r}", item.lines["naming"], f"use one of {', '.join(NAMINGS)}")
        listed = item["variants"]
        if not isinstance(listed, lexicons.LineList) or not listed:
            raise fail(f"entity {eid!r}: variants must be a non-empty list", item.lines["variants"],
                       "list the spellings under `variants:`, one `- ` item each")
        for raw, vline in zip(listed, listed.lines):
            spec = raw if isinstance(raw, lexicons.LineDict) else {"name": raw}
            if isinstance(raw, lexicons.LineDict):
                check_keys(raw, _VARIANT_KEYS, "a variant")
            name, naming, case = spec.get("name"), spec.get("naming", default_naming), spec.get("case", "ignore")
            if not isinstance(name, str) or not name.strip():
                raise fail(f"entity {eid!r} has an empty or non-text variant ({name!r})", vline,
                           "write the spelling, in quotes if YAML would read it as a number or yes/no")
            if VARIANT_SPLIT_RE.match(name.strip()[0]) or VARIANT_SPLIT_RE.match(name.strip()[-1]):
                raise fail(f"variant {name!r} begins or ends with a hyphen", vline,
                           "write whole words: hyphens may only join words")
            if naming not in NAMINGS:
                problem = "no naming" if naming is None else f"unknown naming {naming!r}"
                raise fail(f"variant {name!r} has {problem}", vline,
                           f"give the variant or its entity a `naming:` of {', '.join(NAMINGS)}")
            if case not in _CASES:
                raise fail(f"variant {name!r} has unknown case {case!r}", vline, "use `case: exact` or leave it out")
            key = _normalise(name)
            if key in seen_variants:
                other, other_line = seen_variants[key]
                raise fail(f"variant {name!r} of {eid!r} is already a variant of {other!r} (line {other_line})",
                           vline, "keep the spelling under one entity only")
            seen_variants[key] = (eid, vline)
            variants.append({"entity": eid, "name": name.strip(), "naming": naming, "exact": case == "exact"})
        first = next(v["name"] for v in variants if v["entity"] == eid)
        entities.append({"entity": eid, "entity_type": item["type"], "label": str(item.get("label") or first)})
    return entities, variants


def _normalise(name: str) -> str:
    """Return the comparison key of a variant: lower case, one space between words, straight apostrophes."""
    key = " ".join(VARIANT_SPLIT_RE.split(name.strip())).lower()
    return re.sub(f"[{APOSTROPHES}]", "'", key)


def _variant_pattern(name: str, *, fold: bool = False) -> str:
    """Return the regex source of one variant, words joined by :data:`WORD_SEPARATOR`.

    Exception: a hyphen before a lower-case suffix ("Etorofu-to", "Shikotan-to",
    the Japanese "-to" for island) matches only a hyphen, so the "Etorofu to" of
    "return Etorofu to Japan" is not a mention of "Etorofu-to". ``fold`` lower-cases
    the pattern for matching against lower-cased text.
    """
    words = VARIANT_SPLIT_RE.split(name.strip())
    pattern = ""
    for i, word in enumerate(words):
        if i:
            pattern += HYPHEN_CLASS if word[:1].islower() and _hyphen_before(name, word) else WORD_SEPARATOR
        pattern += "".join(f"[{APOSTROPHES}]" if ch in APOSTROPHES else re.escape(ch)
                           for ch in (word.lower() if fold else word))
    return pattern


def _hyphen_before(name: str, word: str) -> bool:
    return re.search(rf"[{HYPHENS}]{re.escape(word)}(?!\w)", name) is not None


def _alternation(patterns: list[str]) -> str:
    """Join variant patterns (given longest first) into one whole-word pattern.

    No capturing groups: one group per variant makes the scan ~25x slower; the
    variant is identified afterwards from the matched text (``_lookup``).

    The variants are grouped by their first character (``k(?:unashir|uril…)|s(?:…)``):
    the regex engine then tries one group at each position of the text instead
    of every variant, which makes the scan ~2x faster. Matches are unchanged:
    variants with different first characters cannot match at the same position,
    and variants keep their longest-first order within their group. Grouping is
    done only when every variant starts with a letter or digit, Latin or Cyrillic
    ("кунашир"), no two of which are equal ignoring case.

    Examples
    --------
    >>> print(_alternation(["kunashir", "kurils", "shikotan", "kuril"]))
    (?<!\\w)(?:k(?:unashir|urils|uril)|s(?:hikotan))(?!\\w)
    >>> print(_alternation(["’s", "a"]))
    (?<!\\w)(?:’s|a)(?!\\w)
    >>> print(_alternation(["итуруп", "iturup", "кунашир"]))
    (?<!\\w)(?:и(?:туруп)|i(?:turup)|к(?:унашир))(?!\\w)
    """
    if not patterns:
        return r"(?!)"  # matches nothing
    firsts = {p[:1] for p in patterns}
    if not all(f.isalnum() for f in firsts) or len({f.casefold() for f in firsts}) != len(firsts):
        return r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)"
    groups: dict[str, list[str]] = {}
    for pattern in patterns:
        groups.setdefault(pattern[0], []).append(pattern[1:])
    return r"(?<!\w)(?:" + "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in groups.items()) + r")(?!\w)"


def _longest_first(spans: list) -> list:
    """Keep non-overlapping spans, preferring the earlier start, then the longer span."""
    kept, end = [], -1
    for span in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if span[0] >= end:
            kept.append(span)
            end = span[1]
    return kept
