"""HTML pages: trafilatura for the body, htmldate and JSON-LD for metadata.  (Baseline.)"""

from __future__ import annotations

import trafilatura

from sitrep.extract.base import Extracted
from sitrep.model import Hints


def extract_html(html: str, hints: Hints | None = None) -> Extracted:
    hints = hints or Hints()
    doc = trafilatura.bare_extraction(html, url=hints.url, with_metadata=True, favor_precision=False)
    if doc is None:
        return Extracted(url=hints.url, extractor="trafilatura")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    authors = [a.strip() for a in (d.get("author") or "").split(";") if a.strip()]
    body = "\n\n".join(p.strip() for p in (d.get("text") or "").split("\n") if p.strip())
    return Extracted(
        title=d.get("title"),
        authors=authors,
        published=d.get("date"),
        outlet=d.get("sitename") or d.get("hostname"),
        language=d.get("language"),
        url=hints.url or d.get("url"),
        body=body,
        extractor="trafilatura",
    )
