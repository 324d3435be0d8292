"""Date parsing in the forms news pages print them."""

from __future__ import annotations

import pytest

from sitrep.extract.dates import find_dates, month_number, parse_date


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Mar.25 - 2025 9:43 AM CET", "2025-03-25T09:43:00+01:00"),
        ("by Jane Roe March 11, 2025 12:49 AM 2 min read", "2025-03-11T00:49:00"),
        ("04.07.2026 00:21", "2026-07-04T00:21:00"),
        ("Veröffentlicht am 3. Mai 2024, 17:47 Uhr", "2024-05-03T17:47:00"),
        ("14 de febrero de 2023", "2023-02-14"),
        ("2024-05-03T15:47:42+00:00", "2024-05-03T15:47:42+00:00"),
        ("2025年3月11日 12時49分", "2025-03-11T12:49:00"),
        ("Dec 1st, 2024 at 3:00 p.m. EST", "2024-12-01T15:00:00-05:00"),
        ("17:41 JST, October 13, 2024", "2024-10-13T17:41:00+09:00"),
        ("Publisert: 05.08.24 kl. 14:47", "2024-08-05T14:47:00"),
        ("söndag 2 augusti 2026", "2026-08-02"),
        ("3/25/2025", "2025-03-25"),
    ],
)
def test_parse_date_formats(text: str, want: str) -> None:
    assert parse_date(text) == want


def test_flattened_markup() -> None:
    # year glued to the time, month glued to the preceding word
    assert parse_date("July 7, 20247:55 AM UTCUpdated") == "2024-07-07T07:55:00+00:00"
    assert parse_date("Daily WirePressApril 28, 2023") == "2023-04-28"


def test_day_first_order_for_ambiguous_slashes() -> None:
    assert parse_date("04/07/2026", day_first=True) == "2026-07-04"
    assert parse_date("04/07/2026", day_first=False) == "2026-04-07"
    assert parse_date("25/03/2025", day_first=False) == "2025-03-25"  # 25 cannot be a month


def test_no_invented_dates() -> None:
    for text in ("Trending Now", "Read more", "May the best team win", "Top 10 of 2024", "Call 555-1234",
                 "31.02.2025", "Score 12:45"):
        assert parse_date(text) is None, text


def test_find_dates_spans_and_flags() -> None:
    text = "Updated 12 June 2025, 08:15 CEST. Originally published 10 June 2025."
    found = find_dates(text)
    assert [d.iso for d in found] == ["2025-06-12T08:15:00+02:00", "2025-06-10"]
    assert found[0].has_time and found[0].has_zone and not found[1].has_time
    assert text[found[1].start:found[1].end] == "10 June 2025"


def test_month_names() -> None:
    assert month_number("Mar.") == 3
    assert month_number("März") == 3
    assert month_number("septiembre") == 9
    assert month_number("Now") is None
