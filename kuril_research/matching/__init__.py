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
  for single regexes);
* :mod:`~kuril_research.matching.required_literals` reads from a regex the literals every match
  must contain, and tries a rules file's alternation rule by rule, only the rules whose literals a
  line holds (:class:`~kuril_research.matching.required_literals.FirstRuleMatch`: the furniture
  line rules of :mod:`kuril_research.ingest.parse`), with the whole alternation's result.

It imports only foundation modules, so every stage above may use it: the cue lexicons of
:mod:`kuril_research.coding` and the naming cues of :mod:`kuril_research.ingest.voice`.
"""
