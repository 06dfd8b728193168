"""Relative and explicit date expressions resolved against a dateline."""

import datetime as dt

import pytest

from loaders.dates import find_dates, week_interval

WED = dt.date(2026, 1, 14)  # a Wednesday


def values(text, anchor=WED):
    return [(m.text, m.value) for m in find_dates(text, anchor)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("La semaine dernière, X a réduit", [("La semaine dernière", "2026-01-05/2026-01-11")]),
        ("last week the company said", [("last week", "2026-01-05/2026-01-11")]),
        ("la loi devrait être modifiée cette semaine", [("cette semaine", "2026-01-12/2026-01-18")]),
        ("a déclaré mercredi que", [("mercredi", "2026-01-14")]),  # the dateline itself
        ("said on Friday", [("on Friday", "2026-01-09")]),  # most recent Friday
        ("On Thursday, the court", [("On Thursday", "2026-01-08")]),
        ("hier, le régulateur", [("hier", "2026-01-13")]),
        ("yesterday", [("yesterday", "2026-01-13")]),
        ("Earlier this month, the group", [("Earlier this month", "2026-01")]),
        ("le mois dernier en Italie", [("le mois dernier", "2025-12")]),
        ("Last year, it fined", [("Last year", "2025")]),
        ("May 20, 2024", [("May 20, 2024", "2024-05-20")]),
        ("le 3 mars", [("le 3 mars", "2026-03-03")]),  # within two months ahead: upcoming
        ("le 3 octobre", [("le 3 octobre", "2025-10-03")]),  # further ahead: last year's
        ("annoncée le 20 décembre 2024", [("le 20 décembre 2024", "2024-12-20")]),
        ("initiée en mars 2023", [("mars 2023", "2023-03")]),
        ("in February 2023", [("February 2023", "2023-02")]),
        ("briefly banning it in 2023", [("in 2023", "2023")]),
        ("Fin juin, un juge", [("Fin juin", "2025-06")]),
    ],
)
def test_resolution(text, expected):
    assert values(text) == expected


def test_weekday_on_the_dateline_is_the_dateline():
    monday = dt.date(2025, 2, 17)
    assert values("a déclaré lundi", monday) == [("lundi", "2025-02-17")]
    assert values("Entrée en vigueur samedi", monday) == [("samedi", "2025-02-15")]


def test_no_date_from_stray_numbers():
    assert values("a fine of 30.5 million euros over 264 members, 1 against") == []
    assert values("children under 13 and 2,000 characters") == []
    assert values("it may be banned") == []  # "may" the verb is not May


def test_week_interval_is_monday_to_sunday():
    assert week_interval(dt.date(2026, 1, 18)) == "2026-01-12/2026-01-18"
    assert week_interval(dt.date(2026, 1, 12), 1) == "2026-01-05/2026-01-11"


def test_without_anchor_relative_dates_are_not_guessed():
    assert find_dates("la semaine dernière", None) == []
    assert [m.value for m in find_dates("May 20, 2024", None)] == ["2024-05-20"]


@pytest.mark.parametrize(
    "text,value",
    [
        ("In July of this year, the minister spoke.", "2023-07"),
        ("on February 26 of this year, the law passed", "2023-02-26"),
        ("in March of last year", "2022-03"),
        ("en mars de l'année dernière", "2022-03"),
        ("en juillet de cette année", "2023-07"),
    ],
)
def test_a_month_of_a_year_told_relative_to_the_dateline_is_one_date(text, value):
    assert [d.value for d in find_dates(text, dt.date(2023, 9, 12))] == [value]
