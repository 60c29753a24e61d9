"""Personal names that share a word with the stop list: "Theresa May", "Park Jae-hyun", "Mihail Park".

``name_stop_words`` keep months, places and bodies out of personal names ("May 9", "Gorky Park", "Sakhalin
Oblast"). Some of those words are also common family names (Korean Park, British May, English West or Day), and
news names such people in full once, with the marks of a person around the name: a title before it ("Prime
Minister Theresa May"), an age ("Mihail Park (87)", "Ken West, 68,") or an apposition ending in a speaker head
noun ("Park Jae-hyun, director of the ministry's division", "Theresa May, the Prime Minister"). Such a run is a
name, its stop word a name word; the article's later lone "Park said" or "May said" is the same person.
"""

from __future__ import annotations

import re

from kuril_research.ingest.voice.lexicon import VoiceLexicon

#: A name word: capitalised, letters with inner hyphens or apostrophes ("Jae-hyun", "O'Neill").
NAME_WORD_RE = re.compile(r"[A-Z][a-z]+(?:[’'-][A-Za-z][a-z]*)*")
#: An age right after a name: "Mihail Park (87)", "Ken West, 68,".
AGE_AFTER_RE = re.compile(r"\s*\(\d{1,3}\)|,\s+\d{1,3}\s*,")
#: The first words of an apposition after a name (its head noun among them: ", the Prime Minister", ", director
#: of ...", ", a professor at ..."), not a relative or a new clause (", who heads ...", ", and ...").
APPOSITION_RE = re.compile(r",(?![ ](?:who|whose|which|that|and|but|or|while|as|when|said|says)\b)((?:[ ][\w’'-]+){1,6})")
#: Title words that open a sentence or a clause, not a person's title ("The", "In", "After").
FUNCTION_WORDS = frozenset({"the", "a", "an", "in", "on", "at", "of", "and", "but", "as", "when", "after", "before",
                            "while", "according", "to", "by", "for", "with", "said", "says", "told", "asked",
                            "speaking", "meanwhile", "however", "earlier", "later", "also", "this", "that",
                            "these", "those", "it", "he", "she", "they", "we", "i", "his", "her", "their", "its",
                            "our", "my", "your", "one", "japan", "russia", "tokyo", "moscow", "russian", "japanese",
                            "soviet", "kremlin", "state", "house", "party"})


def stop_name_words(text: str, tokens: list[re.Match], lex: VoiceLexicon) -> frozenset[str]:
    """The stop words of a run of capitalised ``tokens`` that are name words: the run, its titles left aside,
    is a name of two or three name words with one stop word, marked as a person by a title before it, an age
    or an apposition with a speaker head noun after it (``speaker_heads``, not a text's ``text_heads``).

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> lex = load_voice_lexicon()
    >>> def words(t):
    ...     return sorted(stop_name_words(t, list(re.finditer(r"[A-Z][\\w’'.-]*", t.split(",")[0])), lex))
    >>> words("Park Jae-hyun, director of the fisheries division, said"), words("Prime Minister Theresa May")
    (['Park'], ['May'])
    >>> words("Gorky Park, a favourite of tourists"), words("Mihail Park (87) taught")
    ([], ['Park'])
    >>> words("Victory Day, the holiday of May 9"), words("Theresa May, the Prime Minister, has")
    ([], ['May'])
    """
    titled = False
    while tokens and tokens[0].group().lower() in lex.name_title_words:
        titled = titled or tokens[0].group().lower() not in FUNCTION_WORDS
        tokens = tokens[1:]
    words = [t.group() for t in tokens]
    stops = [w for w in words if w.lower() in lex.name_stop_words]
    if not 2 <= len(words) <= 3 or len(stops) != 1 or not all(NAME_WORD_RE.fullmatch(w) for w in words) \
            or any(w.lower() in lex.name_title_words or w.lower() in lex.organisation_heads for w in words):
        return frozenset()
    end = tokens[-1].end()
    if titled or AGE_AFTER_RE.match(text, end) or _person_apposition(text, end, lex):
        return frozenset(stops)
    return frozenset()


def _person_apposition(text: str, end: int, lex: VoiceLexicon) -> bool:
    """Whether an apposition after ``end`` names a person by a speaker head noun within its first words."""
    apposition = APPOSITION_RE.match(text, end)
    if apposition is None or lex.head_after_re is None:
        return False
    head = lex.head_after_re.search(apposition.group(1).lower())  # "the Prime Minister": any case
    return head is not None and head.group().strip().lower().rstrip("s") not in lex.text_heads
