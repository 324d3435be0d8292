"""Actors: gazetteer lookup and linking of mentions to states, organs, people and organisations.

(Interface stub; the analysis work fills it in.)
"""

from __future__ import annotations

from typing import Any

from sitrep.model import Actor


class ActorResolver:
    """Resolves text spans of one parsed document to actors (with coreference to earlier mentions).

    Built once per document: ``ActorResolver(doc)`` where ``doc`` is a spaCy Doc.
    """

    def __init__(self, doc: Any, actors_file: str | None = None) -> None:
        self.doc = doc

    def actor_for_span(self, start_char: int, end_char: int) -> Actor | None:
        """The actor a span of the document's text refers to (a name, title, pronoun...), or None."""
        text = self.doc.text[start_char:end_char]
        return Actor(text=text, start=start_char, end=end_char) if text.strip() else None
