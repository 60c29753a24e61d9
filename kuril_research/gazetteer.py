"""Gazetteer: every spelling of every island, territory name, treaty and person → one entity.

(Skeleton: the Mention record is the contract other modules rely on.)
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Mention"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One gazetteer match in a text: ``text[start:end] == surface``."""

    start: int
    end: int
    surface: str
    entity: str        # canonical id, e.g. "habomai", "northern_territories", "sergey_lavrov"
    entity_type: str   # island | island_group | collective_name | archipelago | document | person | place | organisation
    naming: str        # japanese | russian | neutral
