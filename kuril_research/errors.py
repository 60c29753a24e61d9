"""Project exceptions whose messages are written for people.

Every error names the file (and the line or field where there is one) and
says what to do. The CLI prints ``str(error)`` without a traceback and exits
non-zero; library callers can catch :class:`KurilResearchError`.
"""

from __future__ import annotations

from pathlib import Path

__all__ = [
    "KurilResearchError",
    "InputError",
    "ManifestError",
    "LexiconError",
    "CorpusTableError",
    "ParameterError",
    "ReportError",
]


class KurilResearchError(Exception):
    """Base class: an error a user can fix, with a message that says how.

    Parameters
    ----------
    message : str
        What is wrong.
    path : str or Path, optional
        The file concerned.
    line : int, optional
        1-based line number in ``path``.
    field : str, optional
        Column, key or parameter concerned.
    hint : str, optional
        What to do about it.

    Examples
    --------
    >>> str(KurilResearchError("date is impossible", path="manifest.csv", line=3,
    ...                        field="published", hint="write YYYY-MM-DD"))
    'manifest.csv, line 3, field published: date is impossible. What to do: write YYYY-MM-DD'
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.field = field
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = []
        if self.path is not None:
            where.append(self.path)
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field is not None:
            where.append(f"field {self.field}")
        text = (", ".join(where) + ": " if where else "") + self.message.rstrip(".") + "."
        if self.hint:
            text += f" What to do: {self.hint}"
        return text


class InputError(KurilResearchError):
    """A raw folder or file that cannot be used at all."""


class ManifestError(KurilResearchError):
    """A manifest CSV that is malformed, inconsistent or unsafe."""


class LexiconError(KurilResearchError):
    """A gazetteer, codebook, cue lexicon or stop-word list that fails validation."""


class CorpusTableError(KurilResearchError):
    """A processed table that is missing, from another version, or has wrong columns."""


class ParameterError(KurilResearchError):
    """An option or report parameter that is unknown or of the wrong type."""


class ReportError(KurilResearchError):
    """A notebook that failed while a report was being generated."""
