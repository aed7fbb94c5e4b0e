"""The task filter language on its own: query strings to attribute values (the lexer),
date words to days, values to conditions, and how the conditions combine. What the
conditions select in a database is tested end to end in test_search_tasks.py."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Q

from tasks.search import MAX_VALUES, criteria
from tasks.search.dates import day_start, parse_relative, range_start
from tasks.search.filters import (
    FILTERS,
    NOTHING,
    Searcher,
    split_operator,
    sqlite_number,
    whole_number,
)
from tasks.search.lexer import ATTRIBUTES, STRING, WHITESPACE, pieces, tokenize

# A Wednesday afternoon.
NOW = dt.datetime(2024, 1, 10, 15, 30, 12, tzinfo=dt.UTC)
TODAY = int(dt.datetime(2024, 1, 10, tzinfo=dt.UTC).timestamp())
DAY = 86400
APPLICATION = Searcher(user_id=0, role=None, now=NOW)
MEMBER = Searcher(user_id=7, role="app-user", now=NOW)


def midnight(*ymd: int) -> int:
    return int(dt.datetime(*ymd, tzinfo=dt.UTC).timestamp())


@pytest.mark.parametrize(
    ("query", "values"),
    [
        ("", {}),
        ("   ", {}),
        ("status:open", {"status": ["open"]}),
        ("STATUS:open Assignee:me", {"status": ["open"], "assignee": ["me"]}),
        # Leftover words, whitespace included, go to the title, trimmed.
        ("fix bug", {"title": ["fix bug"]}),
        ("  fix   bug  ", {"title": ["fix   bug"]}),
        ("fix status:open bug", {"status": ["open"], "title": ["fix  bug"]}),
        # Quotes group words and are removed; an unbalanced one is simply dropped.
        ('title:"fix the bug"', {"title": ["fix the bug"]}),
        ('"fix the bug"', {"title": ["fix the bug"]}),
        ('"unbalanced', {"title": ["unbalanced"]}),
        ('a"b"c', {"title": ["abc"]}),
        ('""', {}),
        ('title:""', {"title": [""]}),
        # The same attribute twice: both values; two names of one filter stay apart.
        ("color:red color:blue", {"color": ["red", "blue"]}),
        ("color:red colour:blue", {"color": ["red"], "colour": ["blue"]}),
        ("description:a desc:b", {"description": ["a"], "desc": ["b"]}),
        # Leftover text replaces the title values given with title:.
        ("title:docs login", {"title": ["login"]}),
        ("title:a title:b", {"title": ["a", "b"]}),
        # The piece after an attribute is consumed even when it is no value.
        ("status: open", {"title": ["open"]}),
        ("status:status:open", {"title": ["open"]}),
        ("status:", {}),
        # Operators: glued to a word, to an ISO date, or to a quoted text (up to the
        # last quote of the line).
        ("due:<=tomorrow", {"due": ["<=tomorrow"]}),
        ("due:>2024-01-31", {"due": [">2024-01-31"]}),
        ('due:<"next week" login', {"due": ["<next week"], "title": ["login"]}),
        ('due:<"a" title:"b"', {"due": ["<a title:b"]}),
        ("priority:>=2", {"priority": [">=2"]}),
        ("score:<", {"score": ["<"]}),
        # An ISO date ends the value: an unquoted range is cut after its first date.
        ('createdRange:"2024-01-01..2024-01-31"', {"createdRange": ["2024-01-01..2024-01-31"]}),
        (
            "createdRange:2024-01-01..2024-01-31",
            {"createdRange": ["2024-01-01"], "title": ["..2024-01-31"]},
        ),
        ("createdRange:01/01/2024..01/31/2024", {"createdRange": ["01/01/2024..01/31/2024"]}),
        ("subtask:assignee:me", {"subtask:assignee": ["me"]}),
        ("#12", {"title": ["#12"]}),
        ("ref:ABC*", {"ref": ["ABC*"]}),
        # Unknown attributes are words of the title.
        ("foo:bar", {"title": ["foo:bar"]}),
        ("statusopen status-open", {"title": ["statusopen status-open"]}),
        ("' OR 1=1 --", {"title": ["' OR 1=1 --"]}),
        ('"%"', {"title": ["%"]}),
        # A Unicode space matches no pattern: Kanboard drops the whole query.
        ("status:open\u00a0login", {}),
        ("login\u2003", {}),
        ("tab\tand\nnewline", {"title": ["tab\tand\nnewline"]}),
        ("ünïcödé:wörd", {"title": ["ünïcödé:wörd"]}),
    ],
)
def test_tokenize_gives_each_attribute_its_values(query, values):
    assert tokenize(query) == values


def test_tokenize_keeps_the_order_in_which_attributes_appear():
    assert list(tokenize("tag:x status:open color:red tag:y")) == ["tag", "status", "color"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status:open", [("status", "status:"), (STRING, "open")]),
        ('a "b c"', [(STRING, "a"), (WHITESPACE, " "), (STRING, "b c")]),
        ("Due:<=today", [("due", "Due:"), (STRING, "<=today")]),
        ("x\u00a0", None),
    ],
)
def test_pieces_are_the_lexer_tokens(query, expected):
    assert pieces(query) == expected


def test_every_attribute_has_a_filter():
    assert set(ATTRIBUTES) == set(FILTERS)


def test_a_very_long_query_is_one_title_value():
    assert tokenize("a" * 10_000) == {"title": ["a" * 10_000]}


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("now", dt.datetime(2024, 1, 10, 15, 30, 12)),
        ("today", dt.datetime(2024, 1, 10)),
        ("Today", dt.datetime(2024, 1, 10)),
        ("midnight", dt.datetime(2024, 1, 10)),
        ("noon", dt.datetime(2024, 1, 10, 12)),
        ("tomorrow", dt.datetime(2024, 1, 11)),
        ("yesterday", dt.datetime(2024, 1, 9)),
        ("tomorrow noon", dt.datetime(2024, 1, 11, 12)),
        ("+1 day", dt.datetime(2024, 1, 11, 15, 30, 12)),
        ("-2 days", dt.datetime(2024, 1, 8, 15, 30, 12)),
        ("+1 week 2 days", dt.datetime(2024, 1, 19, 15, 30, 12)),
        ("3 days ago", dt.datetime(2024, 1, 7, 15, 30, 12)),
        ("2 weeks", dt.datetime(2024, 1, 24, 15, 30, 12)),
        ("1 fortnight", dt.datetime(2024, 1, 24, 15, 30, 12)),
        ("+1 month", dt.datetime(2024, 2, 10, 15, 30, 12)),
        ("-1 year", dt.datetime(2023, 1, 10, 15, 30, 12)),
        ("+36 hours", dt.datetime(2024, 1, 12, 3, 30, 12)),
        ("next week", dt.datetime(2024, 1, 17, 15, 30, 12)),
        ("last month", dt.datetime(2023, 12, 10, 15, 30, 12)),
        ("previous year", dt.datetime(2023, 1, 10, 15, 30, 12)),
        ("monday", dt.datetime(2024, 1, 15)),
        ("wednesday", dt.datetime(2024, 1, 10)),
        ("next monday", dt.datetime(2024, 1, 15)),
        ("next wednesday", dt.datetime(2024, 1, 17)),
        ("last monday", dt.datetime(2024, 1, 8)),
        ("last wednesday", dt.datetime(2024, 1, 3)),
        ("this friday", dt.datetime(2024, 1, 12)),
        ("fri", dt.datetime(2024, 1, 12)),
        ("first day of next month", dt.datetime(2024, 2, 1)),
        ("last day of this month", dt.datetime(2024, 1, 31)),
        ("last day of next month", dt.datetime(2024, 2, 29)),
        ("last day of february", dt.datetime(2024, 2, 29)),
        ("2024-03-05", dt.datetime(2024, 3, 5)),
        ("2024-3-5", dt.datetime(2024, 3, 5)),
        ("2024/03/05", dt.datetime(2024, 3, 5)),
        ("03/05/2024", dt.datetime(2024, 3, 5)),
        ("03/05", dt.datetime(2024, 3, 5)),
        ("05-03-2024", dt.datetime(2024, 3, 5)),
        ("05.03.2024", dt.datetime(2024, 3, 5)),
        ("2024-02-30", dt.datetime(2024, 3, 1)),
        ("2024-03-00", dt.datetime(2024, 2, 29)),
        ("5 March 2024", dt.datetime(2024, 3, 5)),
        ("5th march", dt.datetime(2024, 3, 5)),
        ("March 5, 2024", dt.datetime(2024, 3, 5)),
        ("mar 2024", dt.datetime(2024, 3, 1)),
        ("2024-03-05 14:30", dt.datetime(2024, 3, 5, 14, 30)),
        ("2024-03-05 2pm", dt.datetime(2024, 3, 5, 14)),
        ("2:30 am", dt.datetime(2024, 1, 10, 2, 30)),
        ("12am", dt.datetime(2024, 1, 10)),
        ("2024-03-05 +1 week", dt.datetime(2024, 3, 12)),
    ],
)
def test_relative_dates_read_as_strtotime(text, moment):
    assert parse_relative(text, NOW) == moment.replace(tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "text",
    ["", "  ", "garbage", "next", "25:00", "13pm", "+1", "1 mon", "monday soon"],
)
def test_what_strtotime_cannot_read_is_no_date(text):
    assert parse_relative(text, NOW) is None


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("today", TODAY),
        ("tomorrow", TODAY + DAY),
        ("+1 day", TODAY + DAY),
        ("2024-01-10", TODAY),
        # Digits are a timestamp already; the day it falls on counts.
        (str(TODAY + 5000), TODAY),
        ("0", 0),
        ("garbage", 0),
        ("", 0),
        ("1960-01-02", midnight(1960, 1, 2)),
    ],
)
def test_a_date_value_means_the_midnight_of_its_day(value, day):
    assert day_start(value, NOW) == day


def test_a_timestamp_of_thousands_of_digits_is_later_than_any_date_column():
    assert day_start("9" * 5000, NOW) > 2**63


@pytest.mark.parametrize("text", ["2024-13-01", "2024-01-32", "32 march"])
def test_months_and_days_out_of_phps_ranges_are_no_date(text):
    assert parse_relative(text, NOW) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("date", "timestamp"),
    [
        ("2024-01-10", TODAY),
        ("01/10/2024", TODAY),
        ("2024_01_10", TODAY),
        ("tomorrow", 0),
        ("2024-02-30", 0),
    ],
)
def test_a_range_end_is_a_date_in_the_parser_formats(date, timestamp):
    assert range_start(date) == timestamp


@pytest.mark.parametrize(
    ("value", "parsed"),
    [
        ("<=3", ("lte", "3")),
        (">=3", ("gte", "3")),
        ("<3", ("lt", "3")),
        (">3", ("gt", "3")),
        ("=3", (None, "=3")),
        ("3", (None, "3")),
        ("<", ("lt", "")),
        ("<<3", ("lt", "<3")),
    ],
)
def test_split_operator(value, parsed):
    assert split_operator(value) == parsed


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("3", Decimal(3)),
        ("-3", Decimal(-3)),
        ("+3", Decimal(3)),
        ("2.5", Decimal("2.5")),
        (".5", Decimal("0.5")),
        ("1e2", Decimal(100)),
        (" 4 ", Decimal(4)),
        ("1e999999", Decimal(2**64)),
        ("-1e99999999999999999999999", Decimal(-(2**64))),
        ("1e-99999999999999999999999", Decimal(0)),
        ("abc", None),
        ("", None),
        ("3x", None),
        ("0x10", None),
        ("NaN", None),
        ("Infinity", None),
    ],
)
def test_sqlite_number(text, number):
    assert sqlite_number(text) == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12),
        ("007", 7),
        ("0", 0),
        ("9" * 5000, 2**64),
        ("-1", None),
        ("1.0", None),
        ("²", None),
    ],
)
def test_whole_number_is_phps_ctype_digit(text, number):
    assert whole_number(text) == number


@pytest.mark.parametrize(
    ("attribute", "value", "conditions"),
    [
        ("status", "open", [Q(is_active=True)]),
        ("status", "closed", [Q(is_active=False)]),
        ("status", "1", [Q(is_active=True)]),
        ("status", "0", [Q(is_active=False)]),
        ("status", "2", [NOTHING]),
        ("status", "all", []),
        ("status", "Open", []),
        ("priority", "2", [Q(priority=2)]),
        ("priority", ">=2", [Q(priority__gte=2)]),
        ("priority", "<2", [Q(priority__lt=2)]),
        ("priority", "2.5", [NOTHING]),
        ("priority", ">2.5", [Q(priority__gt=2)]),
        ("priority", ">=2.5", [Q(priority__gte=3)]),
        ("priority", "<2.5", [Q(priority__lt=3)]),
        ("priority", "<=2.5", [Q(priority__lte=2)]),
        ("priority", ">-2.5", [Q(priority__gt=-3)]),
        ("priority", "high", [NOTHING]),
        ("priority", "<", [NOTHING]),
        ("score", "<=5", [Q(score__lte=5)]),
        ("complexity", "8", [Q(score=8)]),
        ("id", "12", [Q(pk=12)]),
        ("id", "12.0", [Q(pk=12)]),
        ("id", "#12", [NOTHING]),
        ("id", ">12", [NOTHING]),
        ("assignee", "12", [Q(owner_id=12)]),
        ("assignee", "nobody", [Q(owner_id=0)]),
        ("assignee", "anybody", [Q(owner_id__gt=0)]),
        ("creator", "0", [Q(creator_id=0)]),
        ("column", "3", [Q(column_id=3)]),
        ("column", "Ready", [Q(column__title="Ready")]),
        ("category", "none", [Q(category_id=0)]),
        ("color", "red", [Q(color_id="red")]),
        ("color", "RED", [Q(color_id="red")]),
        ("colour", "Deep Orange", [Q(color_id="deep_orange")]),
        ("color", "rouge", [Q(color_id="")]),
        ("swimlane", "Default swimlane", [Q(swimlane__name__iexact="Default swimlane")]),
        ("project", "5", [Q(project_id=5)]),
        ("project", "2147483647", [Q(project__name__iexact="2147483647")]),
        ("project", "P", [Q(project__name__iexact="P")]),
        ("reference", "none", [Q(reference="") | Q(reference__isnull=True)]),
        ("title", "login", [Q(title__icontains="login")]),
        ("title", "12", [Q(pk=12) | Q(title__icontains="12")]),
        ("title", "#12", [Q(pk=12) | Q(title__icontains="#12")]),
        ("title", "#", [Q(title__icontains="#")]),
        ("description", "#12", [Q(description__icontains="#12")]),
        ("desc", "x", [Q(description__icontains="x")]),
        ("due", "none", [Q(date_due=0)]),
        (
            "due",
            "today",
            [
                Q(date_due__lt=0) | Q(date_due__gt=0),
                Q(date_due__isnull=False),
                Q(date_due__gte=TODAY),
                Q(date_due__lte=TODAY + DAY - 1),
            ],
        ),
        ("created", "today", [Q(date_creation__gte=TODAY), Q(date_creation__lte=TODAY + DAY - 1)]),
        ("created", "<today", [Q(date_creation__lt=TODAY)]),
        ("created", "<=today", [Q(date_creation__lte=TODAY + DAY - 1)]),
        ("created", ">today", [Q(date_creation__gt=TODAY + DAY)]),
        ("created", ">=today", [Q(date_creation__gte=TODAY)]),
        (
            "completed",
            "yesterday",
            [Q(date_completed__gte=TODAY - DAY), Q(date_completed__lte=TODAY - 1)],
        ),
        ("started", ">=2024-01-10", [Q(date_started__gte=TODAY)]),
        ("modified", "<tomorrow", [Q(date_modification__lt=TODAY + DAY)]),
        ("updated", "<tomorrow", [Q(date_modification__lt=TODAY + DAY)]),
        ("moved", ">garbage", [Q(date_moved__gt=DAY)]),
    ],
)
def test_a_value_becomes_kanboards_conditions(attribute, value, conditions):
    assert FILTERS[attribute](value, MEMBER) == conditions


@pytest.mark.django_db  # the date format is a setting
@pytest.mark.parametrize(
    ("attribute", "value", "conditions"),
    [
        (
            "createdRange",
            "2024-01-10..2024-01-11",
            [Q(date_creation__gte=TODAY), Q(date_creation__lte=TODAY + 2 * DAY - 1)],
        ),
        (
            "modifiedRange",
            "01/10/2024..01/10/2024",
            [Q(date_modification__gte=TODAY), Q(date_modification__lte=TODAY + DAY - 1)],
        ),
        ("movedRange", "2024-01-10", []),
        ("updatedRange", "a..b..c", []),
        ("completedRange", "x..y", [Q(date_completed__gte=0), Q(date_completed__lte=DAY - 1)]),
    ],
)
def test_a_range_is_two_days_in_the_parser_formats(attribute, value, conditions):
    assert FILTERS[attribute](value, MEMBER) == conditions


def test_me_is_the_searching_user():
    assert FILTERS["assignee"]("me", MEMBER) == [Q(owner_id=7)]
    assert FILTERS["creator"]("me", MEMBER) == [Q(creator_id=7)]


def test_the_application_has_no_me():
    assert FILTERS["assignee"]("me", APPLICATION) == [NOTHING]
    assert FILTERS["creator"]("me", APPLICATION) == [NOTHING]


@pytest.mark.parametrize(
    ("query", "condition"),
    [
        ("", Q()),
        ("status:all", Q()),
        ("status:open priority:2", Q(Q(is_active=True), Q(priority=2))),
        # Repeated attribute: its values' conditions ORed.
        ("color:red color:blue", Q(Q(color_id="red") | Q(color_id="blue"))),
        # Different attributes, even two names of one filter: ANDed.
        ("color:red colour:blue", Q(Q(color_id="red"), Q(color_id="blue"))),
        ("status:open status:closed", Q(Q(is_active=True) | Q(is_active=False))),
        # Kanboard ORs every condition of every value, not the values: a day is
        # "after its midnight OR before its end", which any date meets.
        (
            "created:today created:tomorrow",
            Q(
                Q(date_creation__gte=TODAY)
                | Q(date_creation__lte=TODAY + DAY - 1)
                | Q(date_creation__gte=TODAY + DAY)
                | Q(date_creation__lte=TODAY + 2 * DAY - 1)
            ),
        ),
        ("status:open status:all", Q(Q(is_active=True))),
        ("status:all status:any", Q(NOTHING)),
        ("status:open\u00a0priority:2", Q()),
    ],
)
def test_conditions_combine_as_kanboards_query_builder(query, condition):
    assert criteria(query, MEMBER) == condition


def test_a_query_of_too_many_values_matches_nothing():
    at_limit = " ".join(["status:open"] * MAX_VALUES)

    assert criteria(at_limit, MEMBER) != NOTHING
    assert criteria(at_limit + " color:red", MEMBER) == NOTHING
