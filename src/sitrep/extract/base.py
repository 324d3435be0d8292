"""What an extractor returns, before it becomes an :class:`~sitrep.model.Article`."""

from __future__ import annotations

from pydantic import BaseModel, Field

from sitrep.model import Removed


class Extracted(BaseModel):
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    url: str | None = None
    body: str = ""
    removed: list[Removed] = Field(default_factory=list)
    extractor: str = ""
