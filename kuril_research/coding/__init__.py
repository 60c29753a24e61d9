"""Stage 3 — coding: cue lexicons matched in sentences, frames, naming stance and trade relations."""
