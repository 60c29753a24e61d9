"""The ledger: which articles become documents, which are rejects, and which are copies of one story.

Every engine walks the outcomes of its files through one :class:`Ledger`, in
name order, so all of them decide alike whatever the number of processes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kuril_research.ingest.near_duplicates import THRESHOLD, group_near_duplicates
from kuril_research.ingest.sources import Reject

__all__ = ["FileOutcome", "Ledger"]


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """What processing one article gave, as far as the ledger needs to know (small, cheap to send between processes).

    A one-article file has one outcome; an export has one per article (or rejected row), in file order.
    """

    name: str
    doc_id: str
    reject: Reject | None         # the article is not a document
    text_key: bytes | None        # SHA-256 of the clean text, for exact-duplicate detection
    has_text: bool
    has_warnings: bool
    content_key: str              # SHA-256 of the raw bytes, or a marker (provenance.content_key)
    position: int | None = None   # in a multi-article file
    date_key: tuple = ()          # (undated, year, month, day): the earliest copy of a story is kept
    signature: bytes | None = None  # near_duplicates.signature of the clean text


class Ledger:
    """Decide, in name order, which articles become documents; everything else is a reject with its reason.

    An exact duplicate (the same non-empty clean text as an earlier article) is
    a ``duplicate`` reject, unless duplicates are kept; an article whose
    doc_id was taken by an earlier one is a ``duplicate_id`` reject. Every
    engine walks its outcomes through one ledger, so they all decide alike.
    Near-duplicates are grouped after the last outcome (:meth:`near_duplicates`).

    Examples
    --------
    Three files in name order: ``b.txt`` has the same clean text as ``a.txt``,
    ``c.txt`` could not be read.

    >>> def outcome(name, text_key, reject=None):
    ...     return FileOutcome(name, name[0], reject, text_key, text_key is not None, False, "0" * 64)
    >>> ledger = Ledger()
    >>> ledger.admit([outcome("a.txt", b"k1"), outcome("b.txt", b"k1"),
    ...               outcome("c.txt", None, Reject("c.txt", "empty", "remove it"))])
    {'b'}
    >>> [(r["file"], r["reason"]) for r in ledger.rejects], ledger.documents, ledger.duplicates
    ([('b.txt', 'duplicate'), ('c.txt', 'empty')], 1, 1)
    """

    def __init__(self, *, keep_duplicates: bool = False) -> None:
        self.keep_duplicates = keep_duplicates
        self.first_with_text: dict[bytes | None, str] = {}
        self.doc_ids: set[str] = set()
        self.rejects: list[dict] = []
        self.contents: list[tuple[str, str]] = []   # (file, content key) of every file, for the input hash
        self.documents = self.duplicates = self.warnings = 0
        self.kept: list[tuple[str, tuple, bytes]] = []   # (doc_id, date key, signature) of every document
        self.with_warnings: set[str] = set()

    def admit(self, outcomes: list[FileOutcome]) -> set[str]:
        """Record outcomes in name order; return the doc_ids of the duplicates, whose rows must be dropped."""
        duplicates = set()
        for outcome in outcomes:
            if not self.contents or self.contents[-1][0] != outcome.name:
                self.contents.append((outcome.name, outcome.content_key))
            if outcome.reject is not None:
                r = outcome.reject
                self.rejects.append({"file": r.file, "reason": r.reason, "detail": r.detail,
                                     "source_position": r.position})
            elif outcome.doc_id in self.doc_ids:
                self.rejects.append({"file": outcome.name, "reason": "duplicate_id", "source_position": outcome.position,
                                     "detail": f"doc_id {outcome.doc_id!r} is already taken by an earlier article; "
                                               "give every row a unique id (--id-column) or rename the file"})
                duplicates.add(outcome.doc_id)
            elif outcome.has_text and outcome.text_key in self.first_with_text and not self.keep_duplicates:
                self.duplicates += 1
                self.rejects.append({"file": outcome.name, "reason": "duplicate", "source_position": outcome.position,
                                     "detail": f"same clean text as {self.first_with_text[outcome.text_key]}; "
                                               "counted once — remove one copy"})
                duplicates.add(outcome.doc_id)
            else:
                self.first_with_text.setdefault(outcome.text_key, outcome.name if outcome.position is None
                                                else f"{outcome.name} article {outcome.position}")
                self.doc_ids.add(outcome.doc_id)
                self.documents += 1
                self.warnings += outcome.has_warnings
                if outcome.has_warnings:
                    self.with_warnings.add(outcome.doc_id)
                self.kept.append((outcome.doc_id, outcome.date_key, outcome.signature or b""))
        return duplicates

    def near_duplicates(self, *, threshold: float | None = None) -> tuple[list[dict], set[str]]:
        """Group the admitted documents' near-duplicates; return the ``duplicates`` rows and the doc_ids to drop.

        Nothing is dropped when duplicates are kept. Counts move from
        ``documents`` to ``duplicates`` for every dropped member.
        """
        if len(self.kept) < 2:
            return [], set()
        signatures = [np.frombuffer(sig, dtype=np.uint64) for _, _, sig in self.kept]
        groups = group_near_duplicates(signatures, [key for _, key, _ in self.kept],
                                       threshold=THRESHOLD if threshold is None else threshold)
        rows, drop = [], set()
        for group_id, (kept, members) in enumerate(groups, start=1):
            kept_id = self.kept[kept][0]
            for member, sim in members:
                doc_id = self.kept[member][0]
                rows.append({"group_id": group_id, "doc_id": doc_id, "kept_doc_id": kept_id,
                             "similarity": round(sim, 6), "kept": member == kept})
                if member != kept and not self.keep_duplicates:
                    drop.add(doc_id)
        self.documents -= len(drop)
        self.duplicates += len(drop)
        self.warnings -= len(drop & self.with_warnings)
        return rows, drop
