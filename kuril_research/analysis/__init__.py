"""Stage 4 — analyses: frequency, association, dispersion, concordance, selection, periods and intervals."""
