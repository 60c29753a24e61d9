"""Stage 5 — publishing: tables and figures written to disk, report notebooks run and checked, the CLI."""
