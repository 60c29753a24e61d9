"""Photo captions and their credits ("Boats at Nemuro (Kyodo)", "Photo: AP")."""

from __future__ import annotations

import re
from functools import lru_cache

from kuril_research.ingest.parse.text import SENTENCE_END_RE

__all__ = ["CAPTION_CREDIT_RE", "PHOTO_CREDIT_RE", "AGENCY_PHOTO_CREDIT_RE", "CREDIT_WORDS", "CREDIT_WORDS_RE", "CAPTION_MAX_CHARS",
           "CREDIT_TAIL_RE", "GLUED_CREDIT_RE", "CREDIT_TAIL_WORDS", "PICTURE_SOURCE_RE", "has_credit", "has_credit_tail", "is_caption", "is_bare_caption",
           "is_title_case", "CREDIT_LABEL_RE", "CREDIT_VALUE_WORDS", "credit_label_values"]

#: A line that ends with a photo agency's credit is a caption with its credit.
CAPTION_CREDIT_RE = re.compile(
    r"(?:\((?:photo|image|file photo|credit|photo credit|supplied)\s*:[^)]*\)|\((?:[\w .]+ )?file photo\)|"
    r"\b(?:file )?(?:photo|image|picture):\s*[\w .,/&-]+|\((?:[\w.&-]+\s+)?(?:photo|photograph|image|picture|illustration)s?\s*(?:/|by |via |courtesy of |:)[^()]{1,80}\)|\b(?:photograph|photo credit|credit)\s*(?::|\.{2,3}|…)\s*(?-i:[A-Z])[\w .,/&'’-]{0,80}|\b(?:AFP|AP|Reuters|Kyodo|Jiji|EPA|TASS|Sputnik)/File\s*/\s*[\w .'-]+|"
    r"\[(?:file(?: photo)?|photo|image|video)\s*(?::|/|by\b)[^\]]*\]|(?<=[.!?\x22”])\s[/|]\s[\w.&'’ -]{1,40}|(?<=[.!?])\s+source\s*:\s*(?-i:[A-Z])[\w .,&/'’-]{1,60}|(?-i:(?<=[.!?])\s+(?:www\.)?[a-z][\w-]*(?:\.[a-z][\w-]*)*\.(?:ru|jp|com|org|net|gov|info|cn|kr|uk))|(?-i:\s/\s+[A-Z][\w.’'-]*(?:\s[A-Z][\w.’'-]*){0,2}/[A-Z][\w&.-]{0,30}(?:\s[A-Z][\w&.-]{0,30}){0,2})|\((?:Kyodo|Jiji|AFP|AP|Reuters|TASS|Sputnik|EPA|Xinhua|Yonhap|Mainichi|Yomiuri|Asahi|Nikkei|NHK)(?: Photo)?\)|(?:pool )?photo(?:graph)? (?:via|by) [\w .&]+|/\s*(?:AP|AFP|Reuters|TASS|Kyodo|Sputnik|EPA|Getty Images|Pool|Bloomberg|RIA Novosti)\b[\w ./]*|\([^()/]{1,60}/\s*(?:AP|AFP|Reuters|TASS|Kyodo|Sputnik|EPA|Getty Images|Pool|Bloomberg|RIA Novosti|Xinhua|Yonhap|Jiji|Shutterstock)\b[\w ./]*\)|\b(?:Getty Images|Shutterstock)|\b(?:photo|image|picture)s? courtesy (?:of )?[\w .,/&'’-]{1,80}|\b(?:screenshot|screengrab|video grab|still from video)\s*:\s*[\w .,/&'’-]{1,80}\)?|(?-i:(?<=[\w)])\s\[[A-Z][A-Za-z .&/'’-]{1,40}\])|\s©\s*[\w .,/'’-]{1,60}|(?-i:\([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][\w .&'’-]{1,50}\))|(?-i:\b(?:AFP|AP|REUTERS|Reuters|EPA|TASS|Kyodo|KYODO|Sputnik|Xinhua|Yonhap|Jiji|Bloomberg)(?: Photo)?(?:/| / )[A-Z][\w .'’/-]{1,60})|\bvia (?:AP|Reuters|AFP|Getty Images|EPA|Kyodo|Bloomberg)\)?|\b(?:AP|AFP|EPA|Reuters|Kyodo|TASS|Sputnik|Xinhua|Yonhap|Jiji|Pool|Bloomberg) Photo\s*/\s*[\w .'’-]{1,60}|(?-i:\[[A-Z][A-Z .]{1,30}\])|\(\s*©[^()]{1,80}\)|[.)]\s+©\s*[\w .,/\'-]{1,60})\s*\Z",
    re.I,
)

#: Every match of :data:`CAPTION_CREDIT_RE` contains one of these (compared lower-cased).
CREDIT_WORDS = ("photo", "/", "getty images", "shutterstock", "via ", "image", "credit", "[file", "[video", "(kyodo)",
                "screen", "video grab", "still from",
                "(jiji)", "(afp)", "(ap)", "(reuters)", "(tass)", "(sputnik)", "(epa)", "(xinhua)", "(yonhap)",
                "(mainichi)", "(yomiuri)", "(asahi)", "(nikkei)", "(nhk)", "source", ".ru", ".jp", ".com", ".org", ".net",
                ".gov", ".info", ".cn", ".kr", ".uk",
                "picture", "(supplied", "©", "[", "|")
#: :data:`CREDIT_WORDS` as one regex of literals (one scan of the line instead of one per word).
CREDIT_WORDS_RE = re.compile("|".join(map(re.escape, CREDIT_WORDS)))
#: How many lines :func:`has_credit` remembers the answer of.
CREDIT_MEMO_LINES = 16_384


@lru_cache(maxsize=CREDIT_MEMO_LINES)
def has_credit(line: str) -> bool:
    """``CAPTION_CREDIT_RE.search(line)``, skipping the regex for ASCII lines without a credit word (~3x faster).

    For ASCII text ``re.IGNORECASE`` and ``str.lower`` agree, so a line whose
    lower case contains none of :data:`CREDIT_WORDS` cannot match. The answer
    for a line is remembered (the last :data:`CREDIT_MEMO_LINES` lines): a
    page's lines are read several times over, and the answer depends on the
    line alone.

    Examples
    --------
    >>> has_credit("Two ministers meet in Tokyo.(photo taken from Harbour TV video)")
    True
    >>> has_credit("The ministry released a video of the drills."), has_credit("He spoke (see the video).")
    (False, False)
    """
    names_picture = line.rstrip().endswith(")") and PICTURE_SOURCE_RE.search(line) is not None
    if line.isascii():
        lowered = line.lower()
        if CREDIT_WORDS_RE.search(lowered) is None:
            return names_picture
    return names_picture or CAPTION_CREDIT_RE.search(line) is not None


#: A caption's source in brackets after its last sentence, naming the picture it came from, in any words
#: ("... security issues.(photo grabbed from Reuters video)", "... on Monday. (Screenshot from NHK video)"), or
#: saying where it came from, as Japanese papers credit a handout ("... in July. (From the regional government's
#: channel)", "(Provided by the museum)"): a story's paragraph does not end by naming a picture's source after its
#: last sentence.
PICTURE_SOURCE_RE = re.compile(
    r"[.!?][”\"’']?\s*\((?=[^()]*\b(?:photo|photograph|picture|image|screenshot|screengrab|video|footage)s?\b"
    r"|(?:from|provided by|courtesy of|taken from|taken by|photographed by|supplied by) )"
    r"[^()]{3,80}\)\s*\Z", re.I)


#: Signs that a short line is a sentence of the article rather than a caption without a credit.
CAPTION_MAX_CHARS = 200


#: A credit line that credits a picture ("Image: Kyodo", "Photo: AP", "© Reuters"), not a text's source.
PHOTO_CREDIT_RE = re.compile(r"(?:photo(?:graph)?|image|picture|pictures|credit|©)", re.I)
#: A wire's photo credit: the agency, a slash and the photographer ("REUTERS/Jane Roe", "AP Photo/Jane Roe").
AGENCY_PHOTO_CREDIT_RE = re.compile(r"(?:AFP|AP|REUTERS|Reuters|EPA|TASS|Kyodo|KYODO|Sputnik|Xinhua|Yonhap|Jiji|"
                                    r"Bloomberg)(?: Photo)?/[A-Z][\w .'’/-]{1,60}")

#: A headline in title case has at least this many words, and this share of its longer words capitalised.
TITLE_CASE_WORDS = 4
TITLE_CASE_SHARE = 0.8


def is_title_case(line: str) -> bool:
    """A line in headline title case ("Russia Reopens the Kuril Fortress: What It Means"): four or more words,
    at least 80 % of those longer than three letters capitalised. Captions are written in sentence case.

    Examples
    --------
    >>> is_title_case("Japan Asks Russia to Resume Grave Visits"), is_title_case("Boats in the port of Nemuro")
    (True, False)
    """
    words = line.split()
    long = [w for w in words if len(w.strip("\"'“”‘’:,.!?()")) > 3]
    return len(words) >= TITLE_CASE_WORDS and bool(long) and \
        sum(1 for w in long if w.lstrip("\"'“‘(")[:1].isupper()) >= TITLE_CASE_SHARE * len(long)


def is_bare_caption(line: str) -> bool:
    """A line that may be a photo's caption printed just above its credit line: short, no closing full stop,
    not a headline in title case (a headline over its photo's credit).

    Examples
    --------
    >>> is_bare_caption("Boats in the port of Nemuro"), is_bare_caption("Ferries Resume: What It Means for Islanders")
    (True, False)
    """
    return len(line) <= CAPTION_MAX_CHARS and not SENTENCE_END_RE.search(line) and not is_title_case(line)


#: A caption's credit printed after its last sentence: the source's name in capitalised words, or an archive
#: label ("... in Yuzhno-Kurilsk. Sakhalin Region Government", "... Kunashir. Reuters/Jane Roe", "... Archive photo").
CREDIT_TAIL_RE = re.compile(
    r"(?P<word>[\w'’]+)[.!?]\s+(?P<tail>(?:[A-Z][\w'’&.-]*|of|the|and|for|de|da|van|von)"
    r"(?:(?:\s|\s?/\s?)(?:[A-Z][\w'’&.-]*|of|the|and|for|de|da|van|von))*"
    r"|(?i:archive|file|stock|handout|pool|courtesy) (?:photo|image|picture|footage)s?"
    r"|(?:[A-Z][\w'’&.-]*\s){1,4}(?i:file )?(?i:photo|image|picture)s?)\s*\Z")
#: A caption's source in brackets glued to its last full stop ("... islands off Hokkaido.(Mainichi)"): a copy that
#: lost the space or line break between the caption and its credit. A paragraph of the story closes its sentence.
GLUED_CREDIT_RE = re.compile(r"(?P<word>[\w'’]+)[.!?]\((?P<tail>[A-Z][\w'’&.-]*(?:\s[A-Z][\w'’&.-]*){0,3})\)\s*\Z")
#: The credit after a caption's sentence is at most this many words; the sentence has at least as many as a
#: headline under a kicker.
CREDIT_TAIL_WORDS = 6
#: An archive label after a caption's sentence ("File photo", "Archive image") ...
ARCHIVE_LABEL_RE = re.compile(r"(?:archive|file|stock|handout|pool) (?:photo|image|picture|footage)s?", re.I)
#: ... may follow a caption of this many words ("Yuzhno-Kurilsk, Kunashir. File photo").
ARCHIVE_CAPTION_WORDS = 2
#: Abbreviations whose full stop ends no sentence ("Dr. Jane Roe").
_TITLE_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "prof", "gen", "col", "capt", "lt", "sgt", "rev",
                                  "jr", "sr", "no", "vs", "mt", "ft", "co", "corp", "inc", "ltd"})


def has_credit_tail(line: str) -> bool:
    """A photo's caption whose credit follows its last sentence without a credit word: a sentence of four words or
    more, a full stop, then a short name in capitals or an archive label (or that name in brackets glued to the full
    stop, :data:`GLUED_CREDIT_RE`), and no full stop after it (a paragraph
    of the story ends in a sentence end).

    Examples
    --------
    >>> has_credit_tail("A coastal missile launcher on parade in Yuzhno-Sakhalinsk. Sakhalin Region Government")
    True
    >>> has_credit_tail("Boats in the harbour of Yuzhno-Kurilsk on Kunashir. Archive photo")
    True
    >>> has_credit_tail("Yuzhno-Kurilsk, Kunashir. File photo"), has_credit_tail("Kunashir. File photo")
    (True, False)
    >>> has_credit_tail("Talks will resume in spring, officials said. Tokyo Hopes"), has_credit_tail("Talks resume. Kyodo")
    (True, False)
    >>> has_credit_tail("The treaty talks were handled by the U.S. State Department")
    False
    >>> has_credit_tail("The statement was read by Dr. Jane Roe"), has_credit_tail("Talks will resume in spring.")
    (False, False)
    >>> has_credit_tail("Boats moored at Nemuro with the islands on the horizon.(Harbour Daily)")
    True
    """
    if len(line) > CAPTION_MAX_CHARS or SENTENCE_END_RE.search(line):
        return False
    match = CREDIT_TAIL_RE.search(line) or GLUED_CREDIT_RE.search(line)
    if match is None or match.group("word").lower() in _TITLE_ABBREVIATIONS or match.group("word").isupper():
        return False
    # an archive label ("File photo") ends no story sentence, so a short caption may stand before it
    before = ARCHIVE_CAPTION_WORDS if ARCHIVE_LABEL_RE.fullmatch(match.group("tail")) else TITLE_CASE_WORDS
    return (len(match.group("tail").split()) <= CREDIT_TAIL_WORDS
            and len(line[:match.start("tail")].split()) >= before)


def is_caption(line: str, neighbours: list[str]) -> bool:
    if has_credit(line):
        return True
    # a caption printed twice: this line is the start of a neighbouring line that ends in a credit
    return any(other != line and other.startswith(line) and has_credit(other) for other in neighbours)




#: A credit's label alone on its line, or ending it, its value printed on the next line ("Credit:" over "Jane
#: Roe/Agency", "JANE ROE / THE TIMES, SOURCE:" over "NATURAL EARTH DATA").
CREDIT_LABEL_RE = re.compile(r"(?:\A|[\s,;/])(?:photo|image|picture|photograph|photo credit|credits?|sources?|video)\s*:\Z",
                             re.I)
#: The credit under its label is short.
CREDIT_VALUE_WORDS = 8


def credit_label_values(lines: list[str], reasons: dict[int, str]) -> dict[int, str]:
    """1-based numbers of the credits printed on the line under their label, as "credit line": a removed line (in
    ``reasons``) that is or ends with a credit's label (:data:`CREDIT_LABEL_RE`), then a line of at most
    :data:`CREDIT_VALUE_WORDS` words without a sentence end (a blank line may stand between). A page that sets its
    credits in two boxes copies so.

    Examples
    --------
    >>> credit_label_values(["A caption.", "Credit:", "Jane Roe/Harbour Agency", "The story."], {2: "credit line"})
    {3: 'credit line'}
    >>> credit_label_values(["Credit:", "The ferry sailed from Nemuro on Monday."], {1: "credit line"})
    {}
    >>> credit_label_values(["JANE ROE / THE TIMES, SOURCE:", "NATURAL EARTH DATA"], {1: "credit line"})
    {2: 'credit line'}
    """
    out: dict[int, str] = {}
    for number, line in enumerate(lines[:-1], start=1):
        if number in reasons and CREDIT_LABEL_RE.search(line.strip()):
            under = number + 1 if lines[number].strip() or number + 1 >= len(lines) else number + 2  # a blank between
            value = lines[under - 1].strip()
            if value and under not in reasons and len(value.split()) <= CREDIT_VALUE_WORDS \
                    and not SENTENCE_END_RE.search(value):
                out[under] = "credit line"
    return out
