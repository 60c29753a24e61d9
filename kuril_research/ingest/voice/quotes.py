"""Quotations (rule 1 of :mod:`kuril_research.ingest.voice`): where quotation marks open and close."""

from __future__ import annotations

import re
from collections.abc import Sequence

from kuril_research.ingest.voice.dash_speech import with_dash_speech


CLOSING_FOR = {"“": "”\"", '"': "\"”", "«": "»",  # opener -> closers, preferred first; «guillemets» too
               "„": "“”\""}  # a low opening mark („…“ in German, Polish, Czech and Ukrainian copy, „…” in Romanian)
#: A footnote number glued after a closing mark ('the ocean."12 Japanese officials'), then a space or the end.
FOOTNOTE_AFTER_RE = re.compile(r"\d{1,3}(?=\s|$)")
#: Every character that can open or close a quotation; find_quotes jumps from one to the next.
QUOTE_MARK_RE = re.compile("[“”\"‘«'„‚]")
#: Two straight apostrophes standing for a double mark (''...''), as wiki markup and some CMS copies print them.
DOUBLED_APOSTROPHE = "''"
#: A single mark that stands for left-out digits, not an opening mark: "the '90s", "in ‘05" (an autocorrected ’).
ELISION_RE = re.compile(r"['‘]\d\d(?:s|\b)")
#: Characters after which a single mark followed by a letter opens a quotation (besides white space).
SINGLE_OPENS_AFTER = "([{—–-\"“/"


def find_quotes(text: str, paragraphs: Sequence[tuple[int, int]], *,
                speech_verbs: re.Pattern | None = None) -> list[tuple[int, int, int]]:
    """Find quotations paragraph by paragraph (rule 1 of :mod:`kuril_research.ingest.voice`).

    Parameters
    ----------
    text : str
        Clean article body.
    paragraphs : sequence of (start, end)
        Paragraph offsets into ``text``, in order.
    speech_verbs : re.Pattern, optional
        Speech verbs (``VoiceLexicon.verb_re``). With them, a double quotation whose closing mark was lost before
        its attribution ('"We will wait, Kishida said.') closes at the comma before it, unless the next paragraph
        opens with a quotation mark (then the quotation goes on there).

    Returns
    -------
    list of (start, end, para_id)
        Quoted words without their marks, in text order, never overlapping.

    Examples
    --------
    >>> text = 'Russia’s view: “No ‘deal’ yet,” he said.\\n\\nPeace first,” Peskov said.'
    >>> i = text.index("\\n\\n")
    >>> [(text[s:e], p) for s, e, p in find_quotes(text, [(0, i), (i + 2, len(text))])]
    [('No ‘deal’ yet,', 0), ('Peace first,', 1)]
    >>> g = "«We keep the «Kuril» promise», – said Petrov."
    >>> [g[s:e] for s, e, _ in find_quotes(g, [(0, len(g))])]
    ['We keep the «Kuril» promise']
    >>> low = "„We keep the ‚Kuril‘ promise“, Petrov said; Tokyo says ''Etorofu'' and ‚Hoppo Ryodo‘."
    >>> [low[s:e] for s, e, _ in find_quotes(low, [(0, len(low))])]
    ['We keep the ‚Kuril‘ promise', 'Etorofu', 'Hoppo Ryodo']
    """
    found = []
    for para_id, (ps, pe) in enumerate(paragraphs):
        pe = min(pe, len(text))
        spans: list[tuple[int, int, bool]] = []  # (start, end, is_double)
        i = ps
        while (hit := QUOTE_MARK_RE.search(text, i, pe)) is not None:
            i = hit.start()
            ch, close = text[i], None
            if text.startswith(DOUBLED_APOSTROPHE, i):  # ''...'': a double quotation, closed by the next ''
                close = text.find(DOUBLED_APOSTROPHE, i + 2, pe) if _single_opens(text, i + 1, i + 1) \
                    and (i == ps or text[i - 1].isspace() or text[i - 1] in SINGLE_OPENS_AFTER) else -1
                if close > i + 2:
                    spans.append((i + 2, close, True))
                i = close + 2 if close > i + 2 else i + 2
                continue
            if ch == "‚":  # a low single opening mark (‚...‘), closed like ‘...’; glued to a word it is a comma
                close = _single_close(text, i + 1, pe, closers="‘’'") if _single_opens(text, i, ps) else None
                if close is not None:
                    spans.append((i + 1, close, False))
            elif ch == "”" or (ch == '"' and i > ps and not text[i - 1].isspace()
                            and (not text[i + 1:i + 2].isalnum() or FOOTNOTE_AFTER_RE.match(text, i + 1))):
                if not any(double for *_, double in spans):  # a closing mark with no opener
                    spans, close = [(ps, i, True)], i  # absorbs earlier ‘…’ spans
            elif ch in CLOSING_FOR:
                close = _double_close(text, ch, i + 1, pe)
                if close == pe and speech_verbs is not None and not _opens_next(text, paragraphs, para_id):
                    close = _lost_close(text, i + 1, pe, speech_verbs) or pe
                spans.append((i + 1, close, True))
            elif _single_opens(text, i, ps):
                close = _single_close(text, i + 1, pe)
                if close is None and (i == ps or _opens_next(text, paragraphs, para_id)
                                      and text[paragraphs[para_id + 1][0]] in "'‘"):
                    close = pe  # 'A quotation going on in the next paragraph, opened again there (there too after
                    # '...,' she said. 'It goes on ...)
                if close is not None:
                    spans.append((i + 1, close, False))
            i = i + 1 if close is None else close + 1
        found += [(s, e, para_id) for s, e, _ in spans if text[s:e].strip()]
    if speech_verbs is not None:
        found = with_dash_speech(text, paragraphs, found, speech_verbs, attribution_words=ATTRIBUTION_WORDS)
        found = _with_block_quotes(text, paragraphs, found, speech_verbs)
        found = _with_unmarked_soundbites(text, paragraphs, found, speech_verbs)
    return found


#: A sentence of a paragraph: up to a full stop, question or exclamation mark before a space and a capital.
PARA_SENTENCE_RE = re.compile(r"\S.*?(?:[.!?](?=\s+[A-Z])|$)", re.S)
#: The first person singular: a speaker's own words, which a news narrator does not use.
FIRST_SINGULAR_RE = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|My|me)\b")


#: A broadcast presenter naming himself ("I'm Mori Takashi with the news"): the outlet's voice, not an author
#: writing in the first person.
PRESENTER_RE = re.compile(r"I(?:'m|’m| am)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}\b(?!\s+[a-z]+ed\b)")


def _with_unmarked_soundbites(text: str, paragraphs: Sequence[tuple[int, int]], found: list[tuple[int, int, int]],
                              speech_verbs: re.Pattern) -> list[tuple[int, int, int]]:
    """``found`` with the soundbites a broadcast transcript prints without quotation marks: in a paragraph with no
    quotation, a sentence in the first person singular right after a sentence with a speech verb that does not
    speak so ("One former resident, 88, said she was disappointed. I was born on Shikotan. All I want is ...")
    begins the speaker's words, which run to the paragraph's end. Not in a text whose narrator writes "I" outside
    quotations before it (a column, a reporter's diary): there the first person is the author's; a presenter
    naming himself ("I'm Mori Takashi with the news") is no such author.

    Examples
    --------
    >>> import re
    >>> said = re.compile(r"\\bsaid\\b")
    >>> t = "The rally ended. A resident said she was sad. I was born there. All I want is to go back."
    >>> [t[s:e] for s, e, _ in _with_unmarked_soundbites(t, [(0, len(t))], [], said)]
    ['I was born there. All I want is to go back.']
    >>> t2 = "I went to Nemuro. A resident said she was sad. I was moved."
    >>> _with_unmarked_soundbites(t2, [(0, len(t2))], [], said)
    []
    >>> t3 = "I'm Ken Oda with the news.\\n\\n" + t
    >>> [t3[s:e] for s, e, _ in _with_unmarked_soundbites(t3, [(0, 26), (28, len(t3))], [], said)]
    ['I was born there. All I want is to go back.']
    """
    quoted_paras = {pid for *_, pid in found}
    added = []
    author_speaks = False  # the narrator has written "I" outside quotations before this paragraph
    spans = sorted(found)
    for pid, (ps, pe) in enumerate(paragraphs):
        pe = min(pe, len(text))
        sentences = [m.span() for m in PARA_SENTENCE_RE.finditer(text, ps, pe)]
        if pid not in quoted_paras and not author_speaks:
            for (s0, e0), (s1, e1) in zip(sentences, sentences[1:]):
                # the rare "I" of the next sentence first: the long alternation of speech verbs runs only then
                if FIRST_SINGULAR_RE.search(text, s1, e1) and speech_verbs.search(text, s0, e0) \
                        and not FIRST_SINGULAR_RE.search(text, ps, s1):
                    added.append((s1, len(text[:pe].rstrip()), pid))
                    break
        outside = [(s, e) for s, e, p in spans if p == pid]
        pos = ps
        for s, e in outside + [(pe, pe)]:
            if any(not PRESENTER_RE.match(text, h.start()) for h in FIRST_SINGULAR_RE.finditer(text, pos, s)):
                author_speaks = True
            pos = max(pos, e)
        if added and added[-1][2] == pid:
            author_speaks = False  # the soundbite's "I" is the speaker's
    return sorted(found + added) if added else found


#: Words of an attribution paragraph before its speech verb, at most.
ATTRIBUTION_WORDS = 10
#: An attribution paragraph's sentence, at most (words).
ATTRIBUTION_SENTENCE_WORDS = 25
#: How a paragraph ends a sentence (closing marks aside).
SENTENCE_END_RE = re.compile(r"[.!?:…][\"'”’»)\]]*\s*$")


def block_attribution(text: str, paragraphs: Sequence[tuple[int, int]], pid: int,
                      speech_verbs: re.Pattern) -> tuple[int, int, int, int] | None:
    """The attribution of paragraph ``pid`` when it is a quotation printed as a block without quotation marks:
    (start, verb start, verb end, sentence end) of the next paragraph's first sentence, or None.

    Such a block ends in a comma and follows a paragraph that ended its sentence (a hard line break inside a
    sentence is no block); the next paragraph opens with its attribution, the speech verb among its first
    :data:`ATTRIBUTION_WORDS` words, in a sentence of at most :data:`ATTRIBUTION_SENTENCE_WORDS` words ('These
    are not "disputed territories", this is Russia,' / '- the Russian politician declared then.'; '... the
    position of our state,' / 'Ivan Petrov, a deputy minister, said at a press conference.').

    Examples
    --------
    >>> from kuril_research.ingest.voice.lexicon import load_voice_lexicon
    >>> verbs = load_voice_lexicon().verb_re
    >>> text = "He spoke.\\n\\nThe islands are ours and will stay ours,\\n\\n- the minister said then."
    >>> paras = [(0, 9), (11, 51), (53, 78)]
    >>> start, verb, _, end = block_attribution(text, paras, 1, verbs)
    >>> text[start:end], text[verb:verb + 4]
    ('- the minister said then.', 'said')
    >>> hard_break = "Officials said the islands\\n\\nlie close to Hokkaido and are disputed,\\n\\nthe minister said."
    >>> block_attribution(hard_break, [(0, 26), (28, 67), (69, 87)], 1, verbs) is None  # no sentence ended above
    True
    """
    if pid + 1 >= len(paragraphs):
        return None
    ps, pe = paragraphs[pid][0], min(paragraphs[pid][1], len(text))
    words = text[ps:pe].strip()
    if not words.endswith(",") or len(words.split()) < 4 or words[:1] in OPENING_MARKS + "([" \
            or (pid and not SENTENCE_END_RE.search(text, paragraphs[pid - 1][0], paragraphs[pid - 1][1])):
        return None
    qs, qe = paragraphs[pid + 1][0], min(paragraphs[pid + 1][1], len(text))
    sentence = re.match(r"[^.!?]*[.!?]", text[qs:qe])
    if sentence is None or len(sentence.group().split()) > ATTRIBUTION_SENTENCE_WORDS \
            or text[qs:qe].lstrip()[:1] in OPENING_MARKS:
        return None
    verb = speech_verbs.search(text, qs, qs + sentence.end())
    if verb is None or len(text[qs:verb.start()].split()) > ATTRIBUTION_WORDS:
        return None
    return qs, verb.start(), verb.end(), qs + sentence.end()


def _with_block_quotes(text: str, paragraphs: Sequence[tuple[int, int]], found: list[tuple[int, int, int]],
                       speech_verbs: re.Pattern) -> list[tuple[int, int, int]]:
    """``found`` with the quotations printed as a block without quotation marks (:func:`block_attribution`): the
    whole paragraph is one quotation; marks inside it are its own."""
    added = []
    for pid in range(len(paragraphs) - 1):
        if block_attribution(text, paragraphs, pid, speech_verbs) is not None:
            ps, pe = paragraphs[pid][0], min(paragraphs[pid][1], len(text))
            words = text[ps:pe].rstrip()
            added.append((ps + len(words) - len(words.lstrip()), ps + len(words), pid))
    if not added:
        return found
    blocks = {pid for *_, pid in added}
    return sorted([q for q in found if q[2] not in blocks] + added)


#: Double marks that may close (or, nested, open) a quotation, by the closing mark looked for.
NESTED_MARKS_RE = {"”": re.compile("[“”]"), '"': re.compile('"'), "»": re.compile("[«»]")}
LOW_NESTED_MARKS_RE = re.compile("[„“”]")


def _double_close(text: str, opener: str, pos: int, end: int) -> int:
    """Position of the mark closing a double quotation opened just before ``pos``; ``end`` if none.

    Marks nest: an inner opening mark (“ or, for straight quotes, a " with white space or a bracket on its
    left and a letter on its right) must be closed before the outer quotation can close, so
    ``"We reject "Northern Territories" claims," she said`` is one quotation. A curly “ with no ” left in
    the paragraph closes at a straight " found the same way.
    """
    if opener == "„":  # closed by “ or ”, which open nothing inside it; only a further „ nests
        depth = 0
        for hit in LOW_NESTED_MARKS_RE.finditer(text, pos, end):
            if text[hit.start()] == "„":
                depth += 1
            elif depth:
                depth -= 1
            else:
                return hit.start()
        return end
    for mark in CLOSING_FOR[opener]:
        pattern, depth = NESTED_MARKS_RE[mark], 0
        for hit in pattern.finditer(text, pos, end):
            k = hit.start()
            if text[k] in "“«" or (text[k] == '"' and (k == 0 or text[k - 1].isspace() or text[k - 1] in "([—–")
                                   and text[k + 1:k + 2].isalnum()):
                depth += 1
            elif depth:
                depth -= 1
            else:
                return k
    return end


#: An attribution clause after a comma: a pronoun, a role ("the minister") or a name, then (checked apart) a
#: speech verb ('..., Kishida said'); or the verb first, then a name or "the" ('..., said the minister').
ATTRIBUTION_SUBJECT_RE = re.compile(r",[ ]+(?:he|she|they|the(?:[ ][a-z]+){1,2}"
                                    r"|[A-Z][\w’'-]+(?:[ ][A-Z][\w’'-]+){0,3})[ ]+(?=[a-z])")
ATTRIBUTION_VERB_FIRST_RE = re.compile(r",[ ]+(?=[a-z])")
AFTER_INVERTED_VERB_RE = re.compile(r"[ ]+(?:the[ ]|[A-Z])")


def _lost_close(text: str, pos: int, end: int, speech_verbs: re.Pattern) -> int | None:
    """Position just after the comma that ends a quotation whose closing mark was lost before its attribution
    clause (", Kishida said", ", she added", ", said the minister"), or None if the words hold no such clause."""
    for hit in ATTRIBUTION_SUBJECT_RE.finditer(text, pos, end):
        verb = speech_verbs.match(text, hit.end(), end)
        if verb is not None:
            return hit.start() + 1
    for hit in ATTRIBUTION_VERB_FIRST_RE.finditer(text, pos, end):
        verb = speech_verbs.match(text, hit.end(), end)
        if verb is not None and AFTER_INVERTED_VERB_RE.match(text, verb.end(), end):
            return hit.start() + 1
    return None


def _opens_next(text: str, paragraphs: Sequence[tuple[int, int]], para_id: int) -> bool:
    """Whether the paragraph after ``para_id`` opens with a quotation mark (a quotation going on there)."""
    return para_id + 1 < len(paragraphs) and text[paragraphs[para_id + 1][0]:paragraphs[para_id + 1][0] + 1] in \
        OPENING_MARKS and paragraphs[para_id + 1][0] < len(text)


def _single_opens(text: str, i: int, start: int) -> bool:
    """Whether the single mark at ``i`` (‘ or ') opens a quotation: at a paragraph ``start``, after white space or
    a bracket, dash or double mark, and before a letter or digit; never inside a word (don't, Russia's, O'Brien)
    nor as left-out digits ('90s)."""
    return (i == start or text[i - 1].isspace() or text[i - 1] in SINGLE_OPENS_AFTER) \
        and text[i + 1:i + 2].isalnum() and ELISION_RE.match(text, i) is None


def _single_close(text: str, pos: int, end: int, closers: str = "’'") -> int | None:
    """Position of the single mark (’ or ') closing a quotation opened just before ``pos``, or None.

    A closing mark follows a character that is not white space and is not followed by a letter or digit, so
    the apostrophes of "Russia’s" and "don't" close nothing. A mark after an s and before a word ("the
    islanders' graves", "the Russians' Kuril policy") is a plural possessive when another closing mark
    follows before the next opening mark; else it closes ("'the islands' and of 'joint activity'").
    """
    marks, closers = closers, []
    for k in range(pos, end):
        ch = text[k]
        if ch in marks and k > pos and not text[k - 1].isspace() and not text[k + 1:k + 2].isalnum():
            closers.append(k)
        elif ch in "‘'" and _single_opens(text, k, pos) and k > pos:
            break  # the next quotation opens: the close is before it
    for n, k in enumerate(closers):
        possessive = text[k - 1] in "sS" and POSSESSIVE_AFTER_RE.match(text, k + 1) is not None
        if not possessive or n == len(closers) - 1:
            return k
    return None


#: After a plural possessive: a space and a word ("islanders' graves", "the Russians' Kuril policy").
POSSESSIVE_AFTER_RE = re.compile(r"[ ]+[A-Za-z]")


def continued_quotes(text: str, spans: Sequence[tuple[int, int, int]],
                     paragraphs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Quotations that run over several paragraphs: lists of indexes into ``spans``, each list one quotation.

    A quotation goes on in the next paragraph when it has no closing mark in its own (it runs to the paragraph's
    end) and the next paragraph opens with a quotation mark: the convention of every style guide ("an opening mark
    on each paragraph, a closing mark only on the last").

    Examples
    --------
    >>> text = '"We will wait.\\n\\n"We will wait long," she said.\\n\\n"Yes," he said.'
    >>> paras = [(0, 14), (16, 46), (48, 63)]
    >>> spans = find_quotes(text, paras)
    >>> [[text[spans[i][0]:spans[i][1]] for i in run] for run in continued_quotes(text, spans, paras)]
    [['We will wait.', 'We will wait long,']]
    """
    runs: list[list[int]] = []
    for i in range(len(spans) - 1):
        start, end, pid = spans[i]
        nxt_start, _, nxt_pid = spans[i + 1]
        if nxt_pid != pid + 1 or pid + 1 >= len(paragraphs):
            continue
        unclosed = end >= min(paragraphs[pid][1], len(text)) and text[end - 1:end] not in CLOSING_MARKS
        opens_next = nxt_start == paragraphs[pid + 1][0] + 1 and text[nxt_start - 1] in OPENING_MARKS
        if unclosed and opens_next:
            if runs and runs[-1][-1] == i:
                runs[-1].append(i + 1)
            else:
                runs.append([i, i + 1])
    return runs


#: Marks that open / close a quotation.
OPENING_MARKS = "“\"‘'«„‚"
CLOSING_MARKS = "”\"’'»"
