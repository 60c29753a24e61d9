"""The lines above the story: the site's masthead and name, a kicker, the headline and the standfirst."""

from __future__ import annotations

import re

from kuril_research.ingest.parse.captions import is_title_case
from kuril_research.ingest.parse.lexicon import FurnitureLexicon
from kuril_research.ingest.parse.records import Removed
from kuril_research.ingest.parse.text import SENTENCE_END_RE, STATEMENT_END_RE

__all__ = ["STANDFIRST_FOLLOWERS", "OUTLET_PLACE_RE", "HEADLINE_MARKS_RE", "has_headline_verb", "is_headline_case", "is_site_header",
           "is_outlet_name", "SPEAKER_HEADLINE_RE", "is_speaker_headline",
           "is_kicker", "is_slogan_over_headline",
           "is_person_name", "is_byline_names", "is_tool_bar", "is_menu_bar", "is_under_menu_bar", "is_descriptor", "is_masthead_line", "masthead_end"]

#: Removed lines that follow a standfirst in an article without a dateline.
STANDFIRST_FOLLOWERS = frozenset({"byline", "date line", "photo caption", "credit line", "audio player", "share counter",
                                 "agency credit"})
#: Signs a headline may carry and a site name does not.
HEADLINE_MARKS_RE = re.compile("[:?!\"“”]|(?<!\\w)['‘’]|['‘’](?!\\w)")
#: A site's name holding an outlet's noun (``site_name_nouns``) is at most this long.
SITE_NAME_MAX_WORDS = 12
#: Lower-case words and signs a site name or slogan may hold ("Democracy Dies in Darkness").
SITE_NAME_JOINERS = frozenset({"&", "|", "-", "–", "/", "of", "the", "and", "in", "for", "on", "at", "to", "a"})


def is_headline_case(line: str, lex: FurnitureLexicon) -> bool:
    """A short capitalised line of three or more words that no site-header pattern names: maybe a headline."""
    return len(line.split()) >= 3 and not (lex.site_header_re is not None and lex.site_header_re.fullmatch(line))


#: Signs stripped from a word before it is looked up in ``headline_verbs``.
WORD_EDGES = "\"'“”‘’:;,.!?()[]"


def has_headline_verb(line: str, lex: FurnitureLexicon) -> bool:
    """Whether a word of ``line`` is one of the lexicon's ``headline_verbs`` (a finite verb or an auxiliary).

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> has_headline_verb("Japan Protests Island Drills", default_furniture())
    True
    >>> has_headline_verb("The Harbour Times", default_furniture()), has_headline_verb("Arctic shipping", default_furniture())
    (False, False)
    """
    return any(w.strip(WORD_EDGES).lower() in lex.headline_verbs for w in line.split())


#: A short capitalised line of this many words or more that holds a headline verb is a headline, not a site name.
HEADLINE_VERB_WORDS = 3


#: A name with its city in brackets after it ("The Daily Yomiuri (Tokyo)", "The Island Times (Nemuro, Japan)").
OUTLET_PLACE_RE = re.compile(r"(.+?)\s+\((?:[A-Z][\w'’.-]*)(?:,? [A-Z][\w'’.-]*){0,3}\)")


def is_site_header(line: str, lex: FurnitureLexicon) -> bool:
    """A header line that is the site's, not the headline: a listed pattern or a short capitalised name, without
    a headline verb ("Nikkei Asia", "The Harbour Times"; not "Japan Protests Island Drills", nor "Kurils - the
    islands Japan wants back", which a site-and-slogan pattern would take).

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> is_site_header("Nikkei Asia - Your source for business news", default_furniture())
    True
    >>> is_site_header("Kurils - the islands Japan wants back", default_furniture())
    False
    >>> is_site_header("The Harbour News by The Harbour Shimbun Group", default_furniture())
    True
    >>> is_site_header("Annual Defence White Paper on the Kuril Garrison", default_furniture())
    False
    >>> is_site_header("The Island Times (Nemuro)", default_furniture()), is_site_header("Island Drills (Video)", default_furniture())
    (True, False)
    """
    words = line.split()
    if len(words) >= HEADLINE_VERB_WORDS and has_headline_verb(line, lex):
        return False  # "Kurils - the islands Japan wants back", "Ministry of Defense says ...": a headline
    if (placed := OUTLET_PLACE_RE.fullmatch(line)) is not None and is_outlet_name(placed.group(1), lex):
        return True  # "The Daily Yomiuri (Tokyo)": a paper's name and its city, as a news database prints it
    if lex.site_header_re is not None and lex.site_header_re.fullmatch(line):
        return True
    if HEADLINE_MARKS_RE.search(line):
        return False
    if len(words) <= lex.site_name_words:
        return all(w[:1].isupper() or w[:1].isdigit() or w in SITE_NAME_JOINERS for w in words)
    # a longer name holding an outlet's noun ("The Japan News by The Yomiuri Shimbun"), with no headline verb
    return len(words) <= SITE_NAME_MAX_WORDS and not has_headline_verb(line, lex) \
        and any(w.lower().strip(".,") in lex.site_name_nouns for w in words) \
        and all(w[:1].isupper() or w[:1].isdigit() or w in SITE_NAME_JOINERS or w == "by" for w in words)


#: A kicker or topic label above a headline: one to three words, no sentence punctuation.
KICKER_MAX_WORDS = 3
#: A headline under a kicker has at least this many words.
KICKER_HEADLINE_WORDS = 6


#: A topic label is a bare noun ("Arctic shipping"); a short line opening with an article is a short headline
#: ("A frozen frontier", a magazine's fly-title over its rubric).
HEADLINE_ARTICLES = frozenset({"a", "an", "the"})


#: A headline that gives a speaker's words after the speaker's name or role and a colon, as Russian and other outlets
#: print quotations in headlines ("Limarenko: a deep-water berth will be ready by 2027", "Sakhalin Governor: we
#: have no dispute", "Zakharova: Tokyo must accept the results of the war").
SPEAKER_HEADLINE_RE = re.compile(r"\A[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}:\s+\S")


def is_speaker_headline(line: str) -> bool:
    """A line in the form of :data:`SPEAKER_HEADLINE_RE`: a headline, never the rubric under one.

    Examples
    --------
    >>> is_speaker_headline("Limarenko: a new berth on Iturup will be ready by 2027"), is_speaker_headline("Talks stall")
    (True, False)
    >>> is_speaker_headline("Tokyo says the drills run counter to its position: a protest followed")
    False
    """
    return SPEAKER_HEADLINE_RE.match(line) is not None


def is_outlet_name(line: str, lex: FurnitureLexicon) -> bool:
    """A site's header line (:func:`is_site_header`) of at most ``site_name_words`` words that ends in an outlet's noun
    (``site_name_nouns``: "THE ASAHI SHIMBUN", "The Moscow Times", "Kyodo News"): the outlet's name, never the title,
    even as the only line over the story (a page copied without its headline).

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> is_outlet_name("THE HARBOUR SHIMBUN", default_furniture()), is_outlet_name("The Island Times", default_furniture())
    (True, True)
    >>> is_outlet_name("Island Drills Anger Tokyo", default_furniture()), is_outlet_name("Kuril Islands", default_furniture())
    (False, False)
    """
    words = line.split()
    return 0 < len(words) <= lex.site_name_words and words[-1].lower().strip(".,:") in lex.site_name_nouns \
        and is_site_header(line, lex)


def is_kicker(line: str, next_line: str, lex: FurnitureLexicon | None = None) -> bool:
    """A short topic label ("Japan-Russia relations") over a longer headline-like line: the label is the site's,
    the next line is the headline. With ``lex``, a line with a headline verb ("Talks stalled") is no label.

    Examples
    --------
    >>> is_kicker("Arctic shipping", "Icebreakers crowd the northern sea route as summer opens")
    True
    >>> is_kicker("Talks stall", "Talks stalled."), is_kicker("Japan protests drills", "Tokyo says no.")
    (False, False)
    """
    return (len(line.split()) <= KICKER_MAX_WORDS and not SENTENCE_END_RE.search(line) and next_line[:1].isupper()
            and line.split()[0].lower() not in HEADLINE_ARTICLES
            and not HEADLINE_MARKS_RE.search(line) and len(next_line.split()) >= KICKER_HEADLINE_WORDS
            and not STATEMENT_END_RE.search(next_line) and not (lex is not None and has_headline_verb(line, lex)))


DIGIT_RE = re.compile(r"\d")
#: A removed menu or breadcrumb bar: its items are separated by | > › », " / " or gaps of two spaces or more.
MENU_BAR_RE = re.compile(r"[|>›»]|\s/\s|\S\s{2,}\S")


def is_menu_bar(text: str) -> bool:
    """A removed navigation line that is a menu bar or breadcrumb (:data:`MENU_BAR_RE`), not a page's geographic
    coordinates, which slashes part as well ("Coordinates: 44°6′N 146°42′E / 44.100°N 146.700°E"): the line above
    coordinates is a wiki's headword, not a masthead over its menu.

    Examples
    --------
    >>> is_menu_bar("Home / News / Asia"), is_menu_bar("Coordinates: 44°6′N 146°42′E / 44.100°N 146.700°E")
    (True, False)
    """
    return MENU_BAR_RE.search(text) is not None and "°" not in text


#: A person's name as a byline prints it: two to three capitalised words ("Kenji Aoyama", "Daniel Okafor-Reyes").
PERSON_NAME_RE = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}")


def is_person_name(line: str) -> bool:
    """A line that may be a byline's name: two or three capitalised words, none a joiner ("Questions and
    Answers" is a heading, "Agreements" a section).

    Examples
    --------
    >>> is_person_name("Kenji Aoyama"), is_person_name("Agreements"), is_person_name("Questions and Answers")
    (True, False, False)
    """
    return PERSON_NAME_RE.fullmatch(line) is not None


#: What joins the writers of a byline ("Jane Roe and John Doe", "Jane Roe, John Doe & Ann Lee").
NAME_JOINERS_RE = re.compile(r",\s*|\s+(?:and|&)\s+")


def is_byline_names(line: str) -> bool:
    """Two or more writers' names and nothing else (:func:`is_person_name` each): under a headline, the byline.

    Examples
    --------
    >>> is_byline_names("Jane Roe and John Doe"), is_byline_names("Jane Roe, John Doe & Ann Lee")
    (True, True)
    >>> is_byline_names("Jane Roe"), is_byline_names("Talks and more talks")
    (False, False)
    """
    parts = NAME_JOINERS_RE.split(line)
    return len(parts) >= 2 and all(is_person_name(part) for part in parts)


#: Items of a bar of tools under a headline ("Print | Cite | Share | Feedback"): not a menu above the masthead.
TOOL_WORDS = frozenset({"print", "cite", "share", "feedback", "email", "e-mail", "save", "comment", "comments", "pdf",
                        "copy link", "listen", "gift", "more", "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "wechat", "weibo", "line", "vk", "reddit",
                        # a wiki's page tabs and a page's text-size switch ("Article  Talk  Read  Edit", "S  M  L")
                        "article", "talk", "read", "edit", "view history", "history", "tools", "discussion",
                        "view source", "page", "s", "m", "l", "font size", "text size"})
#: The first word of a page tool's label ("Gift this article", "Mark as read", "Send to Pocket").
TOOL_VERBS = frozenset({"print", "share", "save", "gift", "mark", "send", "open", "copy", "download", "bookmark",
                        "listen", "email", "e-mail", "star", "follow", "like", "report", "flag"})
#: A text-size toggle ("Normal text size", "A+").
TEXT_SIZE_RE = re.compile(r"(?:\w+ ){0,2}(?:text|font) size|a[+-]|aa", re.I)


def is_tool_bar(line: str) -> bool:
    """A bar whose every item is a page tool: a listed tool, a label opening with a tool's verb, a text-size
    toggle.

    Examples
    --------
    >>> is_tool_bar("Print | Cite | Share | Feedback"), is_tool_bar("Home | World | Asia")
    (True, False)
    >>> is_tool_bar("Save | Gift this article | Larger text size"), is_tool_bar("Open original | Mark as read")
    (True, True)
    >>> is_tool_bar("Article  Talk  Read  Edit  View history"), is_tool_bar("Font size  S  M  L    Print")
    (True, True)
    """
    items = [item.strip() for item in re.split(r"[|>›»/]|\s{2,}", line)]
    return all(item.lower() in TOOL_WORDS or item.split()[:1] and item.split()[0].lower() in TOOL_VERBS
               or TEXT_SIZE_RE.fullmatch(item) for item in items if item)


def is_under_menu_bar(lines: list[tuple[int, str, bool]], i: int, removed: list[Removed]) -> bool:
    """Whether a removed menu bar or breadcrumb (not a row of page tools) stands between kept line ``i`` and the
    kept line above it: the site's name is printed above its menu, the headline below it.

    Examples
    --------
    >>> lines = [(1, "Island News", True), (3, "The Northern Territories Issue", True)]
    >>> bar = [Removed(2, "Home > Administration > Territories", "navigation")]
    >>> is_under_menu_bar(lines, 1, bar), is_under_menu_bar(lines, 0, bar)
    (True, False)
    """
    above = lines[i - 1][0] if i > 0 else 0
    return any(r.reason == "navigation" and above < r.line < lines[i][0] and is_menu_bar(r.text)
               and not is_tool_bar(r.text) for r in removed)


def is_masthead_line(line: str, lex: FurnitureLexicon | None) -> bool:
    """A line that may belong to a site's masthead: a site header, a line in capitals ("NEWS IN EASY ENGLISH")
    or a line shorter than a headline under a kicker (:data:`KICKER_HEADLINE_WORDS`): a slogan ("Translations
    from the press"). A headline ("Ferries resume between the two islands") is not one.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> is_masthead_line("The Island Post", default_furniture()), is_masthead_line("NEWS IN PLAIN WORDS", None)
    (True, True)
    >>> is_masthead_line("Translations from the press", None)
    True
    >>> is_masthead_line("Ferries resume between the two islands", default_furniture())
    False
    """
    if lex is not None and is_site_header(line, lex):
        return True
    words = line.split()
    return len(words) < KICKER_HEADLINE_WORDS or not any(w[:1].islower() for w in words)


def is_headline_over_bar(header: list[tuple[int, str, bool]], bar: int, lex: FurnitureLexicon) -> bool:
    """Whether the kept line right above a bar (line number ``bar``) is a headline in sentence case with a headline
    verb ("Japan protests Russian drills on the islands" over "Jane Roe | Reuters"): the bar is then the byline's
    or the section's, under the headline, not a menu under the masthead."""
    above = [line for number, line, _ in header if number < bar]
    return bool(above) and not is_masthead_line(above[-1], lex) and has_headline_verb(above[-1], lex)


def masthead_end(header: list[tuple[int, str, bool]], removed: list[Removed],
                 lex: FurnitureLexicon | None = None) -> int:
    """How many of the first ``header`` lines stand above a removed menu bar or breadcrumb that has a kept line
    after it: those are the site's masthead (name, slogan, second-language name), not the headline.

    With ``lex``, a bar that holds a figure (a byline with its date, a word count: "Jane Roe | 3.5.2026") counts
    only while every kept line above it may be a masthead line (:func:`is_masthead_line`): such a bar printed
    under the headline does not make the headline part of the masthead. A row of page tools never counts.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> header = [(1, "THE ISLAND POST", True), (3, "Ferries resume between the two islands", True),
    ...           (5, "Calm seas expected", True)]
    >>> bars = [Removed(2, "Home | World | Asia", "navigation"), Removed(4, "Jane Roe | 3.5.2026", "navigation")]
    >>> masthead_end(header, bars), masthead_end(header, bars, default_furniture())
    (2, 1)
    """
    if len(header) < 2:
        return 0
    titles = {line.strip().lower() for _, line, _ in header}
    bars = sorted(r.line for r in removed if r.reason == "navigation" and header[0][0] < r.line < header[-1][0]
                  and is_menu_bar(r.text) and not is_tool_bar(r.text)
                  and re.split(r"\s[>›»/|]\s", r.text)[-1].strip().lower() not in titles)
    # a breadcrumb that ends in a header line's words ("Asia > Russia > Kunashir" under "Kunashir") is the
    # page's path under its title, not a menu under the masthead
    if not bars:
        return 0
    last = max(bars)
    if lex is not None:  # a bar with figures (a byline's date, a word count) under a headline is no menu
        texts = {r.line: r.text for r in removed}
        ok = [bar for bar in bars if (not DIGIT_RE.search(texts[bar]) and not is_headline_over_bar(header, bar, lex))
              or all(is_masthead_line(line, lex) for number, line, _ in header if number < bar)]
        if not ok:
            return 0
        last = max(ok)
    return sum(1 for number, _, _ in header if number < last)


#: A descriptor under an encyclopaedia's headword ("archipelago, Russia") is short.
DESCRIPTOR_MAX_CHARS = 60


def is_descriptor(line: str) -> bool:
    """A short lower-case line without a sentence end: what an encyclopaedia prints under its headword
    ("Kuril Islands" / "archipelago, Russia"), read as the standfirst.

    Examples
    --------
    >>> is_descriptor("archipelago, Russia"), is_descriptor("and then the ferry left."), is_descriptor("Ferries")
    (True, False, False)
    """
    return len(line) <= DESCRIPTOR_MAX_CHARS and line[:1].islower() and not SENTENCE_END_RE.search(line)


def is_slogan_over_headline(line: str, next_line: str, lex: FurnitureLexicon) -> bool:
    """A site's long slogan over the headline: a line in title case with no headline verb nor headline marks
    ("Multimedia Platform for Foreign Broadcasting of Ukraine"), over a line in sentence case with a headline verb
    and no full stop ("Japan protests drills on the islands"). A title-case headline over its standfirst has a
    verb, a colon or a question mark, or its standfirst is in title case too or ends in a full stop.

    Examples
    --------
    >>> from kuril_research.ingest.parse.lexicon import default_furniture
    >>> is_slogan_over_headline("News and Views From the Far Eastern Frontier of Russia",
    ...                         "Japan protests Russian drills on the islands", default_furniture())
    True
    >>> is_slogan_over_headline("Four Islands, Two Names: No Treaty", "Japan protests Russian drills on the islands",
    ...                         default_furniture())
    False
    """
    return (is_title_case(line) and not has_headline_verb(line, lex) and not HEADLINE_MARKS_RE.search(line)
            and not is_title_case(next_line) and has_headline_verb(next_line, lex)
            and not STATEMENT_END_RE.search(next_line) and len(next_line.split()) >= KICKER_HEADLINE_WORDS)
