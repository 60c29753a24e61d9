"""Stage 3 — tokens: one token stream per corpus, with options and token queries.

The component every count-based analysis reads (:mod:`~kuril_research.tokens.stream`,
:mod:`~kuril_research.tokens.options`, :mod:`~kuril_research.tokens.query`).
"""
