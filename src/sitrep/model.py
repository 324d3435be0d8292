"""The records that flow between sitrep's stages, defined once.

sources -> RawDocument -> extract -> Article -> analyze -> Analysis -> link -> Story / Proposition

Every record is a pydantic v2 model: the same definition gives the JSON Lines of the CLI
contract, the REST schemas and validation.  Offsets are character offsets into the text they
refer to (``Article.body`` for analyses of stored articles), end exclusive.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, Field

InputKind = Literal["html", "text", "article"]
"""What a raw document holds: an HTML page, a plain-text dump, or an already structured article
(a JSON Lines record or a feed entry with its own title, body and date)."""


class Hints(BaseModel):
    """Metadata known before extraction (from a WARC header, a feed entry, a JSONL record...)."""

    url: str | None = None
    title: str | None = None
    authors: list[str] | None = None
    published: str | None = None
    outlet: str | None = None
    language: str | None = None
    crawled: str | None = Field(default=None, description="when the page was fetched (WARC-Date, HTTP Date)")


class RawDocument(BaseModel):
    """One input as read by a source: bytes (or already decoded text) plus hints."""

    source: str
    kind: InputKind
    data: bytes = b""
    text: str | None = None
    hints: Hints = Field(default_factory=Hints)
    error: str | None = None

    def content_hash(self) -> str:
        h = hashlib.sha256()
        h.update(self.kind.encode())
        h.update(b"\0")
        # the raw bytes when we have them (decoding must not change an input's identity)
        h.update(self.data if self.data or self.text is None else self.text.encode("utf-8", "surrogatepass"))
        if not self.data and not self.text:  # nothing read (an error record): the input's name is its identity
            h.update(b"\0" + self.source.encode("utf-8", "surrogatepass"))
        return h.hexdigest()


class Removed(BaseModel):
    """A line or block that extraction dropped as boilerplate, and why."""

    text: str
    reason: str


class Article(BaseModel):
    """A clean article: the output of the extract stage and the contract's `extract` record."""

    id: str = Field(description="content hash of the raw input: the article's identity in the store")
    source: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    published: str | None = None
    language: str | None = None
    body: str = ""
    error: str | None = None
    kind: InputKind | None = None
    extractor: str | None = None
    removed: list[Removed] = Field(default_factory=list)

    def contract(self) -> dict[str, object]:
        """The fields of the measurement contract (``sitrep extract --jsonl``)."""
        return {
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "authors": self.authors,
            "published": self.published,
            "language": self.language,
            "body": self.body,
            "error": self.error,
            "id": self.id,
        }


# ----------------------------------------------------------------------------- analysis


Sector = Literal["GOV", "MIL", "LEG", "JUD", "POL", "INT", "MED", "BUS", "CVL", "REB", "IGO"]


class Actor(BaseModel):
    text: str
    code: str | None = None
    sector: str | None = None
    name: str | None = None
    start: int | None = None
    end: int | None = None


class Event(BaseModel):
    type: str
    mode: str | None = None
    sources: list[Actor] = Field(default_factory=list)
    targets: list[Actor] = Field(default_factory=list)
    date: str | None = None
    location: str | None = None
    status: str = "asserted"
    quantity: str | None = None
    trigger: str | None = None
    start: int = 0
    end: int = 0


class Spans(BaseModel):
    speaker: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None
    content: tuple[int, int]


class Claim(BaseModel):
    speaker: Actor | None = None
    source_type: str = "unattributed"
    cue: str | None = None
    stance: str = "assert"
    hedged: bool = False
    direct: bool = False
    content: str
    spans: Spans


class Analysis(BaseModel):
    id: str
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)

    def contract(self) -> dict[str, object]:
        return {
            "id": self.id,
            "events": [e.model_dump() for e in self.events],
            "claims": [c.model_dump() for c in self.claims],
        }
