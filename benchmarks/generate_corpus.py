"""Generate a synthetic news corpus that looks like the seed articles, for benchmarks and tests.

(Over 400 lines: about 220 of them are the outlets, spellings and sentence
pools the articles are drawn from, kept as literals beside the code that fills
them so that the script stays one file the benchmark and the tests load by
path, and the generated text stays the same for GENERATOR_VERSION.)

Every article is built from sentence templates in the styles of the five seed
articles in ``data/raw/articles``:

* **TASS style**: ``All news``, a title, a standfirst, sometimes a photo caption
  printed twice with its ``© ... /Pool Photo via AP`` credit, then a dateline
  ``MOSCOW, July 26. /TASS/.``; paragraphs separated by blank lines, or (as in
  some TASS copy) by single newlines with no header at all;
* **web-page style**: a title, ``MOSCOW, Russia –``, ``- Advertisement -``,
  ``READ MORE:`` links, a newsletter prompt at the end;
* **agency style**: ``MOSCOW (Sputnik) -`` or ``TOKYO (Kyodo) -`` and
  ``TOKYO —`` datelines, captions with credits inside the body.

The text varies what the pipeline has to normalise: island spellings (Habomai /
Khabomai, Iturup / Etorofu, Kunashir / Kunashiri), collective names (Northern
Territories / Southern Kurils / southern Kuril Islands), forms of the 1956
Declaration, person names in both orders; quotations with speakers (``"...,"
Peskov said.``, ``the spokesman said``, curly quotes, a lost opening mark,
square-bracket insertions); attributed names ("which Japan calls its Northern
Territories"); and trade sentences (turnover percentages, investment
cooperation, LNG, sanctions). Invented local names and figures give the
vocabulary a long tail, so that it keeps growing with the corpus as real news
vocabulary does.

Generation is deterministic: article ``i`` of seed ``s`` is drawn from its own
``random.Random(f"{s}/{i}")``, so the same seed gives the same bytes and the
first 1,000 articles of a 10,000-article corpus are the 1,000-article corpus.
No global random state is used.

Command line::

    python benchmarks/generate_corpus.py N OUT_DIR [--seed S] [--words W]

writes ``OUT_DIR/articles/*.txt`` and ``OUT_DIR/manifest.csv`` (the layout of
``data/raw``).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import random
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["GENERATOR_VERSION", "GeneratedCorpus", "generate", "article", "main"]

#: Bumped whenever the output for a given seed changes (benchmark corpora are cached by it).
GENERATOR_VERSION = 1

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# ---------------------------------------------------------------------------------------- outlets
# outlet -> (layout, side, url prefix or None); side biases the narrator's naming of the islands.
OUTLETS = [
    ("TASS", "tass", "russian", "https://tass.com/politics/"),
    ("TASS", "tass_plain", "russian", "https://tass.com/world/"),
    ("Sputnik", "agency", "russian", "https://sputniknews.com/asia/"),
    ("RT", "web", "russian", None),
    ("unknown", "web", "russian", None),
    ("Kyodo", "agency", "japanese", "https://english.kyodonews.net/news/"),
    ("The Japan Times", "dash", "japanese", "https://www.japantimes.co.jp/news/"),
    ("NHK World", "dash", "japanese", None),
    ("Nikkei Asia", "web", "japanese", "https://asia.nikkei.com/Politics/"),
]
OUTLET_WEIGHTS = [30, 10, 10, 8, 6, 12, 10, 6, 8]
PLACES = {"russian": ["MOSCOW", "MOSCOW", "MOSCOW", "YUZHNO-SAKHALINSK", "VLADIVOSTOK", "TOKYO"],
          "japanese": ["TOKYO", "TOKYO", "TOKYO", "SAPPORO", "NEMURO", "MOSCOW"]}
COUNTRY_OF = {"MOSCOW": "Russia", "YUZHNO-SAKHALINSK": "Russia", "VLADIVOSTOK": "Russia",
              "TOKYO": "Japan", "SAPPORO": "Japan", "NEMURO": "Japan"}
AGENCY_OF = {"Sputnik": "Sputnik", "Kyodo": "Kyodo"}

# ------------------------------------------------------------------------- names and their spellings
# (russian-side spellings, japanese-side spellings); a neutral choice draws from both.
ISLANDS = {
    "iturup": (["Iturup", "Iturup", "Iturup Island"], ["Etorofu", "Etorofu", "Etorofu Island"]),
    "kunashir": (["Kunashir", "Kunashir", "Kunashir Island"], ["Kunashiri", "Kunashiri", "Kunashiri Island"]),
    "shikotan": (["Shikotan", "Shikotan", "Shikotan Island"], ["Shikotan", "Shikotan", "Shikotan Island"]),
    "habomai": (["Habomai", "Khabomai", "the Habomai islets", "the Habomai island group"],
                ["Habomai", "the Habomai islets", "the Habomai Islands", "the Habomai group of islets"]),
}
COLLECTIVE = (["Southern Kurils", "southern Kuril Islands", "Southern Kuril Islands", "South Kurils",
               "Southern Kuriles"],
              ["Northern Territories", "northern territories", "Northern Territories", "Four Northern Islands"])
ARCHIPELAGO = ["Kuril Islands", "Kurils", "Kuril Islands", "Kuriles", "Kuril archipelago", "Kurile Islands"]
DECLARATION = ["1956 Joint Declaration", "Joint Declaration of 1956", "1956 declaration", "declaration of 1956",
               "Soviet-Japanese Joint Declaration of 1956", "Japan-Soviet Joint Declaration",
               "1956 Soviet-Japanese Joint Declaration"]
# (given names, family name, titles)
RUSSIANS = [
    (["Dmitry", "Dmitri"], "Peskov", ["Kremlin spokesman", "Russian Presidential Spokesman", "Kremlin Press Secretary"]),
    (["Sergey", "Sergei"], "Lavrov", ["Russian Foreign Minister", "Foreign Minister"]),
    (["Vladimir"], "Putin", ["Russian President", "President"]),
    (["Mikhail"], "Mishustin", ["Russian Prime Minister", "Prime Minister"]),
    (["Dmitry"], "Medvedev", ["former President", "Security Council Deputy Chairman"]),
]
JAPANESE = [
    (["Fumio"], "Kishida", ["Japanese Foreign Minister", "Prime Minister"]),
    (["Shinzo"], "Abe", ["Japanese Prime Minister", "Prime Minister"]),
    (["Taro"], "Kono", ["Japanese Foreign Minister", "Foreign Minister"]),
    (["Shigeru"], "Ishiba", ["Japanese Prime Minister", "Prime Minister"]),
    (["Yoshihide"], "Suga", ["Japanese Prime Minister", "Chief Cabinet Secretary"]),
    (["Toshimitsu"], "Motegi", ["Japanese Foreign Minister", "Foreign Minister"]),
    (["Yoshimasa"], "Hayashi", ["Japanese Foreign Minister", "Chief Cabinet Secretary"]),
]
PHOTOGRAPHERS = ["Toru Hanai", "Kimimasa Mayama", "Alexander Zemlianichenko", "Mikhail Metzel", "Kazuhiro Nogi",
                 "Sergei Bobylev", "Eugene Hoshiko", "Alexei Druzhinin", "Issei Kato", "Franck Robichon"]
CREDITS = ["/Pool Photo via AP", "/Pool Photo via AP", "/TASS", "/AP", "/Reuters", "/Kyodo", "/Sputnik"]
COMMODITIES = ["LNG", "liquefied natural gas", "crude oil", "coal", "seafood", "crab", "timber", "cars",
               "auto parts", "machinery", "aluminium", "fertilisers"]
PROJECTS = ["Sakhalin-2", "Sakhalin-1", "Arctic LNG 2", "Yamal LNG"]
_SYLLABLES_JA = ["ka", "ki", "ku", "ko", "sa", "shi", "su", "ta", "chi", "tsu", "to", "na", "ni", "no", "ha",
                 "hi", "mo", "ya", "yo", "ra", "ri", "ro", "wa", "ga", "go", "da", "ba", "mi", "se", "ne"]
_SYLLABLES_RU = ["vo", "ro", "ga", "li", "ko", "ma", "sha", "nov", "in", "ev", "sky", "ler", "ost", "de", "zhi",
                 "bor", "vin", "kol", "pet", "tsk", "ush", "gor", "len", "mir", "stan"]

# ------------------------------------------------------------------------------------ sentence pools
# Slots: {ru} {jp} russian/japanese person (a name form), {island} {island2} {island3} {island4} island names
# in the narrator's naming, {coll} {coll_ru} {coll_jp} collective names, {arch} archipelago, {decl} 1956
# Declaration, {pct} {year} {half} {weekday} {month} {commodity} {project} {village} {official} {vessel}
# {num} {bn} {trade_verb} {place_word}.
BACKGROUND = [
    "Moscow and Tokyo have been engaging in consultations on the World War II peace treaty for decades.",
    "The disagreements regarding the sovereignty of the {coll_ru} remain the main obstacle.",
    "The entire archipelago became part of the Soviet Union after the war, but Japan challenges the sovereignty "
    "of {island}, {island2}, {island3} and {island4}.",
    "Tokyo frequently expresses its protests over Russia’s activities in the {coll_ru}, which Moscow keeps rejecting.",
    "The Russian Foreign Ministry has repeatedly stated that Moscow’s sovereignty over the islands is enshrined in "
    "international law and cannot be called into question.",
    "Russia and Japan have no peace treaty signed after World War II.",
    "The issue of the {coll} has perennially remained the key sticking point in such talks, however.",
    "After the Second World War, all {arch} were made part of the Soviet Union.",
    "In 1945, jurisdiction over the entire archipelago was awarded to the Soviet Union.",
    "Tokyo, however, laid claim to the islands of {island}, {island2} and {island3}, and a group of uninhabited "
    "islands.",
    "The {decl} provides for the transfer of {island3} and {island4} to Japan after a peace treaty is signed.",
    "In November {year}, the two leaders agreed to accelerate the talks on the basis of the {decl}.",
    "The document provides prospects for a transfer of sovereignty, although the wording is vague.",
    "Still, the statement says that change would only be possible after the two sides signed a peace treaty.",
    "Tokyo, however, maintains that the territorial dispute must be resolved first.",
    "During the Cold War, Moscow did not recognize the territorial problem.",
    "The two countries have reached no compromise over the dispute yet.",
    "Some {num} people live on the {coll}, most of them on {island} and {island2}.",
    "Residents of {village} on {island2} have complained about the state of the local harbour.",
    "The local administration in {village} said that {num} new homes would be completed by {year}.",
    "{official}, the head of the {village} district, said the new airport terminal on {island} would open soon.",
    "Former residents of the islands, most of them now in their eighties, visit family graves there each summer.",
    "Visa-free exchanges between the islanders and Japanese citizens were suspended in {year}.",
    "The {place_word} of {village} lies on the Pacific coast of {island2}.",
    "The peace treaty talks have been frozen since {year}.",
    "The Kremlin has said that the constitution forbids any alienation of Russian territory.",
]
LEADS = [
    "Russia values the cooperation with Japan, and Moscow has a firm political will for development of good "
    "relations with Tokyo, even despite the complications regarding the peace treaty, {ru_title_full} told "
    "journalists on {weekday}.",
    "Tokyo continues to pursue a clearly unfriendly policy towards Moscow, {ru_title_full} said, commenting on "
    "{jp_title_full}’s remark about his desire to resolve \"the territorial issue\" and sign a peace treaty with "
    "Russia.",
    "{ru_title_full} and his Japanese counterpart {jp_full} will on {weekday} discuss in Moscow issues relating to "
    "the negotiating process on striking a peace treaty between the two countries.",
    "Japan’s position on signing a peace treaty with Russia and on the territorial dispute has not changed, "
    "{jp_title_full} told a press conference on {weekday} after talks with his Russian counterpart {ru_full}.",
    "Signing a peace treaty, not “giving or receiving anything,” is the reason Russia continues its dialogue with "
    "Japan, the Kremlin said amid tough talks over the four {arch}.",
    "{jp_title_full} said on {weekday} that Japan would continue to seek the return of the {coll_jp} and the "
    "conclusion of a peace treaty with Russia.",
    "Russia will deploy new coastal defence systems on {island} and {island2}, {ru_title_full} said on {weekday}.",
    "Japan lodged a protest with Russia on {weekday} over military drills on the {coll}, {jp_title_full} told "
    "reporters.",
    "Bilateral trade turnover between Russia and Japan {trade_verb} by {pct}% in the first half of {year}, the "
    "Russian Economic Development Ministry reported on {weekday}.",
]
TRADE = [
    "Bilateral trade turnover {trade_verb} by {pct}% in the first half of {year}.",
    "It stated a certain decline in the volume of bilateral trade turnover over the first half of {year} (by about "
    "{pct}%).",
    "Russian-Japanese trade turnover {trade_verb} by {pct}% in {year} to {bn} billion dollars.",
    "Japan imports about {pct}% of its {commodity} from Russia, much of it from the {project} project.",
    "Japanese companies hold stakes in the {project} project, which supplies {commodity} to Japan.",
    "The two sides discussed investment cooperation, as well as cooperation in fuel and energy, infrastructure, "
    "agriculture and medicine.",
    "Tokyo joined the anti-Russian sanctions on the part of some Western countries over the situation in Ukraine.",
    "Japan introduced several packages of sanctions on Russia, including restrictions on imports of {commodity}.",
    "Exports of {commodity} to Japan {trade_verb} by {pct}% year on year in {month}.",
    "The plan for joint economic activities on the islands covers fish farming, tourism and wind power.",
    "Japanese investment in the Russian Far East reached {num} million dollars in {year}, officials said.",
    "Sanctions have made payments for {commodity} more difficult, traders in {village} said.",
    "The intergovernmental commission on trade and economic issues will meet in {month}.",
    "Fishing quotas for Japanese trawlers near the {coll} are agreed every year in talks on catching salmon and "
    "crab.",
]
ATTRIBUTED = [
    "Settlement of the problem is hampered by the years-long dispute over the four islands of Russia’s {coll_ru} — "
    "{island_ru}, {island2_ru}, {island3_ru} and {island4_ru}, which Japan calls its {coll_jp}.",
    "But Japan does not agree that the islands of {island_ru}, {island2_ru}, {island3_ru} and the Habomai island "
    "group belong to Russia. Tokyo calls the islands \"Northern Territories\".",
    "Known in Japan as {island_jp}, {island2_jp}, {island3_jp} and {island4_jp}, the islands were delivered to the "
    "USSR under the Potsdam Declaration of 1945.",
    "The talks concern the {coll_ru}, which Japan calls its {coll_jp}.",
    "The four islands, which Tokyo calls the {coll_jp}, have been administered by Moscow since 1945.",
    "Japan claims {island_ru} and {island2_ru}, known in Japan as {island_jp} and {island2_jp}.",
]
QUOTES_RU = [
    "We value our economic and investment cooperation with Japan and we expect it to continue",
    "There are well-known hardships, complications on this track",
    "The Russian sovereignty over the {coll_ru} is not subject to discussion",
    "Our main goal is not to give or receive anything, but to sign a peace treaty [with Japan]",
    "Japan maintains a clearly unfriendly stance on our country",
    "This is a very complex substance, but it is indeed necessary for further development of our bilateral "
    "relations",
    "The {decl} says nothing about the transfer of sovereignty",
    "The sanctions regime is one of the problems that prevent the signing of the peace treaty",
    "Our position on {island_ru} and {island2_ru} is well known",
    "Russian-Japanese trade-economic cooperation is mutually beneficial and should be a ‘locomotive’ for "
    "development of relations between our countries",
    "The work on the peace treaty will continue, including at the highest level",
]
QUOTES_JP = [
    "Talking about the issue of a peace treaty and territorial dispute, the position of Japan has not changed",
    "The problem of a peace treaty is the problem of the {coll_jp}",
    "We will continue to pursue a policy aimed at resolving the territorial issue and signing a peace treaty",
    "I hope to find a key to resumption of dialogue on striking a peace treaty",
    "The {coll_jp} are an inherent part of the territory of Japan",
    "We have protested strongly against the drills on {island_jp}",
    "We will proceed on the basis of the {decl}",
    "The government will respond firmly while continuing the dialogue with Russia",
]
SPEECH_VERBS = ["said", "said", "said", "told journalists", "noted", "stressed", "added", "explained"]
ROLES_RU = {"Peskov": "the spokesman", "Lavrov": "the minister", "Putin": "the president",
            "Mishustin": "the prime minister", "Medvedev": "he"}
ROLES_JP = {"Kishida": "the minister", "Abe": "the premier", "Kono": "the minister", "Ishiba": "the premier",
            "Suga": "the premier", "Motegi": "the minister", "Hayashi": "he"}
TITLES = [
    "Moscow has firm political will to develop good relations with Tokyo — Kremlin",
    "Russian and Japanese foreign ministers to discuss peace treaty in Moscow",
    "Japan’s position on peace treaty, territorial dispute with Russia remains unchanged — FM",
    "Although Moscow pushes for permanent peace with Japan, Tokyo hinders all peace efforts",
    "Kremlin says Tokyo’s policy remains unfriendly",
    "Japan protests Russian military drills on disputed islands",
    "Russia-Japan trade turnover down in first half of year",
    "Tokyo to seek return of four islands, premier says",
    "Peace treaty talks with Japan at a standstill — Kremlin",
    "New airport terminal opens on {island}",
    "Japan, Russia agree fishing quotas near {coll}",
]
STANDFIRSTS = [
    "{ru_full} stressed that Russia valued economic and investment cooperation with Japan and expected it to continue",
    "The problem of the southern Kuril Islands is the key obstacle to a complete normalization of the "
    "Russian-Japanese ties and the signing of a peace treaty",
    "Russia and Japan have no peace treaty signed after World War II due to the years-long dispute over the four "
    "islands of Russia’s Southern Kurils",
    "According to the Kremlin, bilateral trade {trade_verb} by {pct}% in the first half of {year}",
    "The talks will focus on joint economic activities and LNG supplies",
]
CAPTIONS = [
    "Russia's Foreign Minister Sergey Lavrov and his Japanese counterpart {jp_full} seen during talks at the "
    "foreign ministry's Iikura guest house in Tokyo",
    "A view of the port of {village} on {island}",
    "{ru_full} and {jp_full} shake hands before their talks",
    "Fishing boats in the harbour of {village}",
]
SUBHEADS = ["Russia-Japan relations have to be generally improved ", "Trade and sanctions", "History of the dispute"]
READ_MORE = ["READ MORE: Japan protests Russian drills on disputed islands",
             "Read also: Kremlin says peace treaty talks are frozen", "Related stories"]
WEB_FURNITURE_END = ["Subscribe to our newsletter",
                     "Sign up here to get the latest news, updates and special offers delivered directly to your "
                     "inbox."]


@dataclass(frozen=True)
class GeneratedCorpus:
    """Where a generated corpus was written.

    Attributes
    ----------
    raw_dir : Path
        Folder of the article files (``OUT_DIR/articles``).
    manifest : Path
        The manifest CSV (``OUT_DIR/manifest.csv``).
    files : int
        Number of articles written.
    bytes : int
        Total size of the article files.
    """

    raw_dir: Path
    manifest: Path
    files: int
    bytes: int


class _Slots(dict):
    """A ``format_map`` mapping that draws a fresh value for every slot it is asked for."""

    def __init__(self, rng: random.Random, side: str, year: int) -> None:
        super().__init__()
        self.rng, self.side, self.year = rng, side, year
        self.islands = list(ISLANDS)
        rng.shuffle(self.islands)
        self.decks: dict[int, list[str]] = {}

    def draw(self, pool: list[str], k: int = 1) -> list[str]:
        """Draw ``k`` filled sentences from ``pool`` without repeats until the pool is used up."""
        deck = self.decks.setdefault(id(pool), [])
        out = []
        for _ in range(k):
            if not deck:
                deck.extend(pool)
                self.rng.shuffle(deck)
            out.append(deck.pop().format_map(self))
        return out

    def naming(self) -> int:
        """0 for the Russian spelling, 1 for the Japanese one; the outlet's side 85 % of the time."""
        own = 0 if self.side == "russian" else 1
        return own if self.rng.random() < 0.85 else 1 - own

    def person(self, people: list, form: str) -> str:
        given, family, titles = self.rng.choice(people)
        first = self.rng.choice(given)
        if form == "family":
            return family
        full = f"{first} {family}" if self.rng.random() < 0.9 else f"{family} {first}"  # both orders
        return f"{self.rng.choice(titles)} {full}" if form == "title_full" else full

    def island(self, k: int, naming: int | None) -> str:
        spellings = ISLANDS[self.islands[k]]
        return self.rng.choice(spellings[self.naming() if naming is None else naming])

    def __missing__(self, key: str) -> str:  # noqa: C901 - one branch per slot, flat and readable
        rng = self.rng
        if key.startswith("island"):
            base, _, naming = key.partition("_")
            k = int(base[6:] or 1) - 1
            return self.island(k, {"ru": 0, "jp": 1, "": None}[naming])
        if key in ("ru", "jp", "ru_full", "jp_full", "ru_title_full", "jp_title_full"):
            side, _, form = key.partition("_")
            return self.person(RUSSIANS if side == "ru" else JAPANESE, form or "family")
        if key == "coll":
            return rng.choice(COLLECTIVE[self.naming()])
        if key in ("coll_ru", "coll_jp"):
            return rng.choice(COLLECTIVE[key == "coll_jp"])
        if key == "arch":
            return rng.choice(ARCHIPELAGO)
        if key == "decl":
            return rng.choice(DECLARATION)
        if key == "pct":
            return str(rng.randint(2, 45))
        if key == "num":
            return str(rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 20000)]))
        if key == "bn":
            return f"{rng.randint(5, 35)}.{rng.randint(0, 9)}"
        if key == "year":
            return str(rng.randint(max(1992, self.year - 8), self.year))
        if key == "weekday":
            return rng.choice(WEEKDAYS)
        if key == "month":
            return rng.choice(MONTH_NAMES)
        if key == "trade_verb":
            return rng.choice(["fell", "rose", "grew", "declined", "dropped", "increased"])
        if key == "commodity":
            return rng.choice(COMMODITIES)
        if key == "project":
            return rng.choice(PROJECTS)
        if key == "village":  # invented place names: the long tail of the vocabulary
            syl = _SYLLABLES_RU if rng.random() < 0.5 else _SYLLABLES_JA
            return "".join(rng.choice(syl) for _ in range(rng.randint(2, 4))).capitalize()
        if key == "official":
            given = "".join(rng.choice(_SYLLABLES_RU) for _ in range(2)).capitalize()
            family = "".join(rng.choice(_SYLLABLES_RU) for _ in range(3)).capitalize()
            return f"{given} {family}"
        if key == "place_word":
            return rng.choice(["village", "settlement", "port", "town"])
        raise KeyError(key)


def _fill(template: str, slots: _Slots) -> str:
    return template.format_map(slots)


def _quote_paragraph(rng: random.Random, slots: _Slots, side: str, introduced: dict[str, str]) -> str:
    """One paragraph with a quotation, its speaker named, referred to by role, or implied."""
    people, pool, roles = (RUSSIANS, QUOTES_RU, ROLES_RU) if side == "russian" else (JAPANESE, QUOTES_JP, ROLES_JP)
    given, family, titles = rng.choice(people)
    first, other = rng.sample(pool, 2)
    quote, second = _fill(first, slots), _fill(other, slots)
    verb = rng.choice(SPEECH_VERBS)
    kind = rng.random()
    if family in introduced and kind < 0.35:  # "..., the spokesman said."
        return f'"{quote}. {second}," {roles[family]} said.'
    full = f"{rng.choice(given)} {family}"
    introduced[family] = full
    if kind < 0.55:
        return f'"{quote}," {family} {verb}.'
    if kind < 0.7:
        return f"“{quote},” {rng.choice(titles)} {full} {verb} on {rng.choice(WEEKDAYS)}. “{second}.”"
    if kind < 0.8:  # the outlet lost the opening mark
        return f"{quote},” {rng.choice(titles)} {full} said on {rng.choice(WEEKDAYS)}. {slots.draw(BACKGROUND)[0]}"
    if kind < 0.9:  # a fragment inside a narrator sentence
        return (f"According to {rng.choice(titles)} {full}, the peace treaty \"would provide closure\" to many "
                f"years of disagreements regarding the {_fill('{coll}', slots)}. \"{second},\" he {verb}.")
    # an insertion in square brackets is the outlet's voice
    coll_jp, coll_ru = rng.choice(COLLECTIVE[1]), rng.choice(COLLECTIVE[0])
    return (f"\"I expect complicated talks on the problem of the {coll_jp} [the way Japan calls Russia’s {coll_ru}], "
            f'but {quote[0].lower()}{quote[1:]}," {full} told journalists before departure.')


def _dateline(rng: random.Random, layout: str, outlet: str, side: str, month: int, day: int) -> str:
    place = rng.choice(PLACES[side])
    if layout in ("tass", "tass_plain"):
        return f"{place}, {MONTH_NAMES[month - 1]} {day}. /TASS/."
    if layout == "agency":
        return f"{place} ({AGENCY_OF.get(outlet, outlet)}) -"
    if layout == "dash":
        return f"{place} —"
    return f"{place}, {COUNTRY_OF[place]} –"


def _caption(rng: random.Random, slots: _Slots) -> list[str]:
    """A photo caption printed twice, once with its credit, and the © credit line."""
    text = _fill(rng.choice(CAPTIONS), slots)
    credit = f"{rng.choice(PHOTOGRAPHERS)}{rng.choice(CREDITS)}"
    return [f"{text} {credit}", text, f"© {credit}"]


def article(seed: int, index: int, *, words: int = 500) -> tuple[str, dict[str, str]]:
    """Generate one article and its manifest row.

    Parameters
    ----------
    seed : int
        Corpus seed.
    index : int
        Position of the article in the corpus; with ``seed`` it fixes the article.
    words : int, default 500
        Approximate length of the body in words.

    Returns
    -------
    text : str
        The article as copied from a web page (header, dateline, body, furniture).
    row : dict
        Its manifest row (``file, outlet, published, date_precision, language, url, notes``).

    Examples
    --------
    >>> text, row = article(0, 7)
    >>> article(0, 7) == (text, row)
    True
    >>> row["file"].startswith("000007_") and row["language"] == "en"
    True
    >>> 400 < len(text.split()) < 700
    True
    """
    rng = random.Random(f"{seed}/{index}")
    (outlet, layout, side, url), = rng.choices(OUTLETS, weights=OUTLET_WEIGHTS)
    year = rng.randint(1993, 2025)
    month = rng.randint(1, 12)
    day = rng.randint(1, DAYS_IN_MONTH[month - 1])
    precision = rng.choices(["day", "month", "year"], weights=[80, 15, 5])[0]
    if layout in ("tass", "tass_plain") and precision == "month":
        precision = "day"  # the dateline prints the day; a month-precise manifest would still agree
    published = {"day": f"{year}-{month:02d}-{day:02d}", "month": f"{year}-{month:02d}", "year": f"{year}"}[precision]
    slots = _Slots(rng, side, year)
    introduced: dict[str, str] = {}

    body: list[str] = [_fill(rng.choice(LEADS), slots)]
    count = len(body[0].split())
    while count < words:
        kind = rng.random()
        if kind < 0.35:
            para = _quote_paragraph(rng, slots, side if rng.random() < 0.7 else
                                    ("japanese" if side == "russian" else "russian"), introduced)
        elif kind < 0.55:
            para = " ".join(slots.draw(BACKGROUND, rng.randint(2, 4)))
        elif kind < 0.75:
            para = " ".join(slots.draw(TRADE, rng.randint(1, 3)))
        elif kind < 0.88:
            para = " ".join(slots.draw(ATTRIBUTED) + slots.draw(BACKGROUND))
        else:
            para = " ".join(slots.draw(BACKGROUND, 2) + slots.draw(TRADE))
        body.append(para)
        count += len(para.split())

    dateline = _dateline(rng, layout, outlet, side, month, day)
    body[0] = f"{dateline} {body[0]}"
    title = _fill(rng.choice(TITLES), slots)
    lines: list[str] = []
    sep = "\n\n"
    if layout == "tass":
        header = ["All news", title, _fill(rng.choice(STANDFIRSTS), slots)]
        if rng.random() < 0.3:  # standfirst and captions on single lines, as in TASS copy with a photo
            lines.append("\n".join(header[:1]))
            lines.append("\n".join(header[1:2]))
            lines.append("\n".join([header[2], *_caption(rng, slots)]))
        else:
            lines += header
        if rng.random() < 0.3:
            body.insert(rng.randint(2, max(2, len(body) - 1)), rng.choice(SUBHEADS))
    elif layout == "tass_plain":
        sep = "\n"  # no header, paragraphs on single lines
    elif layout == "web":
        lines.append(title + "\n")  # title followed by two blank lines
        body.insert(rng.randint(2, max(2, len(body) - 1)), "- Advertisement -")
        if rng.random() < 0.5:
            body.insert(rng.randint(1, max(1, len(body) - 1)), rng.choice(READ_MORE))
        body.append("\n".join(WEB_FURNITURE_END))
    else:  # agency / dash: title, sometimes a caption inside the body
        lines.append(title)
        if rng.random() < 0.5:
            body.insert(rng.randint(1, max(1, len(body) - 1)), "\n".join(_caption(rng, slots)))
    lines += body
    text = sep.join(lines) + "\n"
    if rng.random() < 0.05:  # some files were saved on Windows
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.1:  # a no-break space copied from the web page
        text = text.replace("Foreign Minister ", "Foreign Minister\u00a0", 1)

    name = f"{index:06d}_{rng.getrandbits(64):016x}.txt"
    notes = "" if rng.random() < 0.6 else rng.choice([
        "Year not in text; from the events reported.",
        f"Outlet inferred from the dateline; checked on {MONTH_NAMES[month - 1]} {day}, {year}.",
        "Web page with advertisement and newsletter boilerplate.",
    ])
    row = {"file": name, "outlet": outlet, "published": published, "date_precision": precision, "language": "en",
           "url": f"{url}{rng.randint(100000, 9999999)}" if url else "", "notes": notes}
    return text, row


def generate(n: int, out_dir: str | Path, *, seed: int = 0, words: int = 500,
             outlet_names: list[str] | None = None) -> GeneratedCorpus:
    """Write ``n`` synthetic articles and their manifest, in the layout of ``data/raw``.

    Parameters
    ----------
    n : int
        Number of articles.
    out_dir : str or Path
        Created if needed; receives ``articles/*.txt`` and ``manifest.csv``.
        Existing article files of the same names are overwritten.
    seed : int, default 0
        Same seed, same bytes (see :func:`article`).
    words : int, default 500
        Approximate body length of each article.
    outlet_names : list of str, optional
        Give the manifest these outlet names instead (article ``i`` gets the
        name that the SHA-256 of its file name picks), e.g. twelve outlets and
        no TASS, to test reports on a corpus unlike the seed one. The texts
        are unchanged (their datelines may then disagree with the manifest).

    Returns
    -------
    GeneratedCorpus

    Examples
    --------
    >>> import tempfile
    >>> g = generate(3, tempfile.mkdtemp())
    >>> g.files, sorted(p.name for p in g.raw_dir.iterdir())[0][:7], g.manifest.name
    (3, '000000_', 'manifest.csv')
    """
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    out_dir = Path(out_dir)
    raw_dir = out_dir / "articles"
    raw_dir.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=["file", "outlet", "published", "date_precision", "language", "url",
                                                "notes"], lineterminator="\n")
    writer.writeheader()
    total = 0
    for index in range(n):
        text, row = article(seed, index, words=words)
        if outlet_names:
            pick = int.from_bytes(hashlib.sha256(row["file"].encode("utf-8")).digest()[:8], "big")
            row["outlet"] = outlet_names[pick % len(outlet_names)]
        data = text.encode("utf-8")
        with open(raw_dir / row["file"], "wb") as handle:
            handle.write(data)
        total += len(data)
        writer.writerow(row)
    manifest = out_dir / "manifest.csv"
    manifest.write_text(buffer.getvalue(), encoding="utf-8")
    return GeneratedCorpus(raw_dir, manifest, n, total)


def main(argv: list[str] | None = None) -> int:
    """Command line: ``generate_corpus.py N OUT_DIR [--seed S] [--words W]``; return the exit code."""
    parser = argparse.ArgumentParser(description="Write N synthetic articles and manifest.csv to OUT_DIR.")
    parser.add_argument("n", type=int, metavar="N", help="number of articles")
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR", help="receives articles/ and manifest.csv")
    parser.add_argument("--seed", type=int, default=0, help="same seed, same bytes (default 0)")
    parser.add_argument("--words", type=int, default=500, help="approximate words per article (default 500)")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    result = generate(args.n, args.out_dir, seed=args.seed, words=args.words)
    print(f"wrote {result.files} articles ({result.bytes / 1e6:.1f} MB) to {result.raw_dir} "
          f"and {result.manifest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
