"""Cue lexicons: load, validate and match the frame codebook and the trade cues.

A cue lexicon is a YAML file of *entries* (frames in ``frames.yaml``, trade
categories in ``trade.yaml``), each with literal ``phrases``, *token patterns*
(``tokens``: words with optional parts, alternatives, prefixes and gaps, see
:mod:`kuril_research.matching.token_patterns`; named parts under the top-level ``terms``) and
regular expression ``patterns``; the top-level ``exclude`` lists token patterns
that take part in the overlap rule but code nothing (a longer phrase that must
not count, such as "San Francisco Peace Treaty"). :func:`load_cue_lexicon` validates the file, naming the
file and line of every problem, and compiles all cues once;
:meth:`CueLexicon.match` then scans all sentences of a corpus in one pass.

Matching rules (the same for every lexicon):

* Text is lower-cased (``str.lower``) and matched against lower-case cues; this
  is several times faster than ``re.IGNORECASE``. Phrases are lower-cased on
  load; patterns must be written in lower case.
* In a phrase, a run of white space matches any run of white space, a hyphen
  matches any hyphen or dash (``-‐‑‒–—``) and an apostrophe matches ``'`` or ``’``.
* Cues match whole words only: a match may not be preceded or followed by a
  letter, digit or underscore. Matches never cross a sentence boundary.
* **Overlap rule.** All matches of all cues in a sentence are found, including
  matches that overlap each other (e.g. ``peace treaty`` and ``peace treaty
  talks`` at the same place). Overlapping matches are then resolved greedily:
  longest first, then earliest, then the cue listed first in the file; a match
  that overlaps one already kept is dropped. So each character of a sentence
  is claimed by at most one cue and nothing is counted twice. Each cue's own
  match at a position is the one Python's ``re`` finds there (greedy).

This module is the layer's front door (``kr.cues``); the work is done in

* :mod:`~kuril_research.coding.lexicon_files` — reading and validating a lexicon
  file, the one loader of the frame codebook and the trade lexicon (:func:`cue_lexicon`);
* :mod:`~kuril_research.matching.token_patterns` — the token-pattern notation, compiled to
  a Python regex and to an RE2 prefilter pattern;
* :mod:`~kuril_research.matching.cue_lexicon` — the lexicon object and :meth:`CueLexicon.match`;
* :mod:`~kuril_research.matching.joined_text` — the sentences joined and lower-cased for one scan;
* :mod:`~kuril_research.matching.prefilter` — the sentences where a cue may match (RE2);
* :mod:`~kuril_research.matching.scan` — the scan and the overlap rule;
* :mod:`~kuril_research.coding.cue_context` — side and ending rules around a match;
* :mod:`~kuril_research.coding.voice_of_spans` — narrator or quoted, per match.
"""

from kuril_research.matching.cue_lexicon import SIDES, Cue, CueLexicon, Entry
from kuril_research.coding.lexicon_files import FRAMES, TRADE, LexiconKind, cue_lexicon, load_cue_lexicon
from kuril_research.matching.sentence_scan import find_in_sentences
from kuril_research.coding.voice_of_spans import assign_voice

__all__ = ["Cue", "Entry", "CueLexicon", "load_cue_lexicon", "LexiconKind", "FRAMES", "TRADE", "cue_lexicon",
           "SIDES", "find_in_sentences", "assign_voice"]
