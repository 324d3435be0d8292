"""Event dates resolved against the publication date (sitrep.analyze.time)."""

from __future__ import annotations

import pytest

from sitrep.analyze.time import parse_published, resolve_date


@pytest.mark.parametrize(
    ("expr", "published", "want"),
    [
        ("on 3 July", "2026-07-04T00:21:00", "2026-07-03"),
        ("July 3", "2026-07-04", "2026-07-03"),
        ("late last year", "2026-07-04", "2025"),
        ("in February 2023", "2025-03-25T09:43:00+01:00", "2023-02"),
        ("on December 15", "2025-12", "2025-12-15"),
        ("January 5", "2025-12-20", "2026-01-05"),  # the nearest January 5 is next year's
        ("this month", "2025-12", "2025-12"),
        ("last month", "2025-01-10", "2024-12"),
        ("fall 2024", "2025-03-01", "2024"),
        ("in 2019", None, "2019"),
        ("12 March 2021", None, "2021-03-12"),
        ("March 12, 2021", None, "2021-03-12"),
        ("2022-11-29", None, "2022-11-29"),
        ("Monday", "2025-03-26", "2025-03-24"),
        ("yesterday", "2025-03-26T10:00:00", "2025-03-25"),
        ("two years ago", "2025-06-01", "2023"),
        ("last week", "2025-10-03", "2025-09"),  # a week is told to its month
        ("next week", "2025-10-15", "2025-10"),
    ],
)
def test_resolve(expr: str, published: str | None, want: str) -> None:
    assert resolve_date(expr, published) == want


def test_unresolvable() -> None:
    # relative expressions need a publication date; decades and vague words give nothing
    assert resolve_date("last year", None) is None
    assert resolve_date("the 1990s", "2025-01-01") is None
    assert resolve_date("recently", "2025-01-01") is None
    # a weekday needs a publication day, not just a month
    assert resolve_date("on Friday", "2025-03") is None


def test_parse_published_precision() -> None:
    ref = parse_published("2025-03-25T09:43:00+01:00")
    assert ref is not None and ref.precision == 3 and ref.day.isoformat() == "2025-03-25"
    month = parse_published("2025-12")
    assert month is not None and month.precision == 2
    assert parse_published("not a date") is None


def test_a_weekday_still_to_come_is_the_next_one() -> None:
    from sitrep.analyze.time import resolve_date
    # published on a Thursday
    assert resolve_date("on Monday", "2025-10-09") == "2025-10-06"
    assert resolve_date("on Monday", "2025-10-09", future=True) == "2025-10-13"
    assert resolve_date("next Thursday", "2025-10-09", future=True) == "2025-10-16"
    assert resolve_date("last Monday", "2025-10-09", future=True) == "2025-10-06"


def test_a_month_of_something_done_is_not_in_the_future() -> None:
    from sitrep.analyze.time import resolve_date
    assert resolve_date("in September", "2025-06-20") == "2025-09"
    assert resolve_date("in September", "2025-06-20", past=True) == "2024-09"
    assert resolve_date("in June", "2025-06-20", past=True) == "2025-06"
    assert resolve_date("in September 2025", "2025-06-20", past=True) == "2025-09"
