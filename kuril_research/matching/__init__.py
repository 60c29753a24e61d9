"""Below ingest — matching: the engine that finds cue patterns in sentences, used by coding and by voice.

It holds no lexicon of its own and knows nothing of frames, trade or voices:

* :mod:`~kuril_research.matching.token_patterns` compiles the cue token notation
  (``[optional] (a | b) word* ..N <term>``) to Python and RE2 regexes;
* :mod:`~kuril_research.matching.phrase_lists` compiles a list of them to one alternation (``voice.yaml``);
* :mod:`~kuril_research.matching.cue_lexicon` holds a compiled lexicon (:class:`CueLexicon`)
  and turns matches into a table;
* :mod:`~kuril_research.matching.scan` finds every kept match in one pass over the
  joined sentences (:mod:`~kuril_research.matching.joined_text`), after the RE2 prefilter of
  :mod:`~kuril_research.matching.prefilter` (:mod:`~kuril_research.matching.sentence_scan`
  for single regexes).

It imports only foundation modules, so every stage above may use it: the cue lexicons of
:mod:`kuril_research.coding` and the naming cues of :mod:`kuril_research.ingest.voice`.
"""
