"""Claims: attributed statements with speaker, cue, content, stance, hedging and source type.

(Interface stub; the analysis work fills it in.)
"""

from __future__ import annotations

from typing import Any

from sitrep.analyze.actors import ActorResolver
from sitrep.model import Claim


def find_claims(doc: Any, resolver: ActorResolver, published: str | None = None) -> list[Claim]:
    """All claims in a parsed spaCy Doc; offsets are character offsets into ``doc.text``."""
    return []
