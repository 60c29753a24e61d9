"""What the voice rules make of a hand-made text: the helper the naming-voice tests share."""

from __future__ import annotations

from kuril_research.ingest.gazetteer import load_gazetteer
from kuril_research.ingest.sentences import split_sentences
from kuril_research.ingest.voice import mark_voice
from kuril_research.testing import paragraph_spans

#: The entity types of territory names (documents and persons are left out).
TERRITORY_TYPES = ("island", "island_group", "collective_name", "archipelago")


def territory_voices(text: str) -> list[tuple[str, str, str | None]]:
    """(surface, voice, speaker) of every territory name of ``text``, in text order, after the gazetteer and the
    voice rules; paragraphs are separated by a blank line."""
    _, voiced = _mark(text)
    return [(v.mention.surface, v.voice, v.speaker) for v in voiced if v.mention.entity_type in TERRITORY_TYPES]


def territory_speakers(text: str, title: str = "") -> list[tuple[str, str, str | None]]:
    """As :func:`territory_voices`, with the speaker as written (``speaker_text`` of the mention's quotation) and
    the text printed under the headline ``title`` (a transcript's headline may name its speaker)."""
    quotes, voiced = _mark(text, title)
    return [(v.mention.surface, v.voice, quotes[v.quote_id].speaker_text if v.quote_id is not None else None)
            for v in voiced if v.mention.entity_type in TERRITORY_TYPES]


def quote_speakers(text: str) -> list[tuple[str, str | None]]:
    """(words, speaker as written) of every quotation of ``text``, in text order, the words without the marks."""
    quotes, _ = _mark(text)
    return [(text[q.start:q.end].strip(" \"'“”‘’,."), q.speaker_text) for q in quotes]


def _mark(text: str, title: str | None = None):
    paragraphs = paragraph_spans(text)
    sentences = [(s, e) for s, e, _ in split_sentences(text, paragraphs)]
    return mark_voice(text, paragraphs, sentences, load_gazetteer().find(text), title=title or None)
