"""Lines that open with a label in capitals, or consist of one, and what such a label is: a transcript's speaker
("MR PRICE:", "ANNA:"), a page's furniture ("PHOTO: REUTERS", "READ MORE: ..."), a caption's phrase ("WATCHING THE
STRAIT: ...") or a writer's name ("JANE ROE"), none of them a dateline's place (:func:`.dateline.find_dateline`)."""

from __future__ import annotations

import re

__all__ = ["SPEAKER_ROLE_RE", "LABEL_OPENING_RE", "LABEL_LINE_RE", "TURN_LABELS", "PHRASE_WORDS", "PLACES_SPLIT_RE",
           "BRACKET_LABELS", "is_label_line", "is_phrase_label", "is_name_in_capitals", "is_colon_place"]

#: Labels in brackets that open a paragraph as a place may ("[UPDATE]", "[VIDEO]"), and a transcript's stage
#: directions ("[CLIP] FUMIO KISHIDA (voice of interpreter): ...", "[MUSIC]"): no datelines
#: (:func:`.dateline.match_dateline`).
BRACKET_LABELS = frozenset({"UPDATE", "UPDATED", "VIDEO", "PHOTO", "PHOTOS", "AUDIO", "EDITORIAL", "OPINION",
                            "ANALYSIS", "BREAKING", "EXCLUSIVE", "LIVE", "WATCH", "LISTEN", "INTERVIEW", "FEATURE",
                            "SPONSORED", "AD", "CORRECTION", "EDITOR'S NOTE", "REPORT", "NEWS", "CLIP", "SOUNDBITE",
                            "MUSIC", "APPLAUSE", "LAUGHTER", "CROSSTALK", "INAUDIBLE", "BEGIN VIDEO CLIP",
                            "END VIDEO CLIP", "VIDEO CLIP", "AUDIO CLIP", "BREAK", "COMMERCIAL BREAK"})

#: A transcript's speaker: a title or role before the name ("MR PRICE:", "AMBASSADOR ROE:", "Secretary Blinken:"),
#: never a dateline's place.
SPEAKER_ROLE_RE = re.compile(r"(?i:mr|mrs|ms|dr|prof|ambassador|secretary|spokesperson|spokesman|spokeswoman|"
                             r"moderator|minister|president|senator|chairman|chairwoman|chair|governor|mayor|general|"
                             r"admiral|operator|participant|reporter|correspondent|anchor|host)\.?\s")
#: Any line opening like this: a label ("Q:", "SARAH:", "Nemuro:") at the start of a line.
LABEL_OPENING_RE = re.compile(r"\A[A-Z][\w'.\- ]{0,30}:\s")


def is_name_in_capitals(place: str, place_words: frozenset[str]) -> bool:
    """Whether a line in capitals read as a lone dateline's place is rather a writer's name ("JANE ROE"): two or
    three words, none of them a word of a place name of several words (``place_words``: "new", "hong", "city").
    Without ``place_words`` no line is taken for a name.

    Examples
    --------
    >>> words = frozenset({"new", "york", "hong", "kong", "city"})
    >>> is_name_in_capitals("JANE ROE", words), is_name_in_capitals("NEW YORK", words)
    (True, False)
    >>> is_name_in_capitals("MOSCOW", words), is_name_in_capitals("YUZHNO-SAKHALINSK", words)
    (False, False)
    >>> is_name_in_capitals("TOKYO and MOSCOW", words), is_name_in_capitals("JANE ROE and MOSCOW", words)
    (False, True)
    """
    places = PLACES_SPLIT_RE.split(place)
    if len(places) > 1:  # "TOKYO and MOSCOW": two places, a name only if one of them is
        return any(is_name_in_capitals(one, place_words) for one in places)
    words = place.split()
    return bool(place_words) and 2 <= len(words) <= 3 and not any(w.lower() in place_words for w in words)


#: Small words that a caption's or a section's label holds after its first word ("WATCHING THE STRAIT", "LIFE ON
#: THE ISLANDS", "BACK TO NEMURO") and a place name hardly ever does ("THE HAGUE" opens with it; "PORT OF SPAIN").
PHRASE_WORDS = frozenset({"the", "a", "an", "to", "for", "with", "from", "over", "under", "into", "on", "at", "in",
                          "is", "are", "was", "were"})


def is_phrase_label(place: str) -> bool:
    """Whether a label in capitals read as a dateline's place is rather a phrase: a word after its first is one of
    :data:`PHRASE_WORDS`.

    Examples
    --------
    >>> is_phrase_label("WATCHING THE STRAIT"), is_phrase_label("THE HAGUE"), is_phrase_label("PORT OF SPAIN")
    (True, False, False)
    """
    return any(word.lower() in PHRASE_WORDS for word in place.split()[1:])


#: Between the places of a dateline filed from two ("TOKYO and MOSCOW", "TOKYO/MOSCOW").
PLACES_SPLIT_RE = re.compile(r" and | & | ?/ ?")


#: A label and a colon alone on its line ("ANNA:", "TOKYO:"): a transcript's speaker over the turn, or a place.
LABEL_LINE_RE = re.compile(r"\A[A-Z][\w'.\- ]{0,30}:\Z")
#: Transcript labels ("Q:", "QUESTION:") which :func:`is_label_line` counts as turns although they name no place.
TURN_LABELS = frozenset({"q", "a", "question", "answer"})


def is_label_line(line: str, labels: frozenset[str]) -> bool:
    """Whether ``line`` opens with a page's furniture label and a colon ("PHOTO: REUTERS", "FILE PHOTO: Boats in
    Nemuro", "READ MORE: ..."), not a transcript's turn: a word of the label is a ``labels`` word (lower case) and
    the label is not a question or an answer (:data:`TURN_LABELS`).

    Examples
    --------
    >>> labels = frozenset({"photo", "read", "question", "q"})
    >>> is_label_line("FILE PHOTO: Boats in the port.", labels), is_label_line("READ MORE: Japan protests", labels)
    (True, True)
    >>> is_label_line("QUESTION: Why?", labels), is_label_line("ANNA: Yes.", labels)
    (False, False)
    """
    label = line.split(":", 1)[0].strip().lower()
    return label not in TURN_LABELS and any(word in labels for word in label.split())


def is_colon_place(place: str, place_words: frozenset[str]) -> bool:
    """Whether the place of a colon dateline under a sentence is surely one: in capitals ("TOKYO"), or in mixed case
    with every word a word of ``place_words`` ("New Delhi"), not a speaker's or a topic's label ("Japan", "Anna").

    Examples
    --------
    >>> words = frozenset({"new", "delhi", "tokyo"})
    >>> is_colon_place("TOKYO", words), is_colon_place("New Delhi", words), is_colon_place("Tokyo", words)
    (True, True, True)
    >>> is_colon_place("Anna", words), is_colon_place("New Zealand", words), is_colon_place("Tokyo", frozenset())
    (False, False, False)
    """
    return place.isupper() or bool(place_words) and all(w.lower() in place_words for w in place.split())
