"""Timeline dates: an event's own date, completed across the articles of its story.

An event dated only by day and month (``--07-03``, what the analysis gives for "on 3 July" in an
article without a date) takes its year from the dated articles of its story: the latest year in
which that day falls on or before the story's reports (news reports the past and the near future),
so "3 July" in an undated article of a story reported on 2026-07-04 becomes 2026-07-03.  An event
with no date of its own is placed at its article's publication date, and says so (``date_basis``).
"""

from __future__ import annotations

import re
from datetime import date

_YEARLESS = re.compile(r"^--(\d{2})(?:-(\d{2}))?$")


def complete_date(event_date: str | None, published: str | None, story_dates: list[str]) -> tuple[str | None, str]:
    """(date, basis) with basis one of ``event``, ``story``, ``article`` or ``none``."""
    if event_date and not event_date.startswith("--"):
        return event_date, "event"
    m = _YEARLESS.match(event_date or "")
    if m:
        month, day = int(m.group(1)), int(m.group(2) or 1)
        refs = [published] if published else []
        refs += story_dates
        for ref in refs:
            try:
                r = date.fromisoformat(ref[:10])
            except (TypeError, ValueError):
                continue
            year = r.year
            try:
                cand = date(year, month, day)
            except ValueError:
                continue
            if (cand - r).days > 31:  # well after the report: last year's
                year -= 1
            text = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if m.group(2) else "")
            return text, "story" if ref is not published else "article"
        return None, "none"
    if published:
        return published[:10], "article"
    return None, "none"
