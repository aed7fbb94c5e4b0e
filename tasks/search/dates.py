"""Dates in task queries: the part of PHP's ``strtotime`` that people type in a filter.

Kanboard's date filters (``app/Filter/BaseDateFilter.php``) take an optional operator, then
a Unix timestamp (digits) or anything ``strtotime`` reads, and compare with whole days:
the midnight of that day (UTC, the server's timezone) and its last second. What
``strtotime`` cannot read is the day of timestamp 0, 1970-01-01, as in Kanboard.

Understood here, in any letter case and combination (``next monday``, ``tomorrow noon``,
``+1 week 2 days``, ``3 days ago``, ``first day of next month``):

- dates: ``2024-01-31``, ``2024/01/31``, ``01/31/2024`` (m/d/Y), ``31-01-2024`` and
  ``31.01.2024`` (d-m-Y), ``31 January 2024``, ``January 31, 2024``, ``Jan 2024``,
  ``January``; out-of-range days roll over as in PHP (``2024-02-30`` is March 1st);
- times: ``14:30``, ``14:30:05``, ``2pm``, ``2:30 pm``;
- words: ``now``, ``today``, ``midnight``, ``noon``, ``tomorrow``, ``yesterday``;
- relative amounts: ``[+|-]N unit`` with units sec(ond), min(ute), hour, day, week,
  fortnight, month, year (singular or plural), and ``ago``, which negates them;
- ``next``/``last``/``previous``/``this`` followed by a unit or a weekday, and a weekday
  alone (today or the next one);
- ``first day of`` / ``last day of``, applied after month and year amounts.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from projects.dates import to_timestamp

DAY = 86400
_DIGITS = re.compile(r"[0-9]+\Z")

_UNITS = {
    "sec": "seconds",
    "second": "seconds",
    "min": "minutes",
    "minute": "minutes",
    "hour": "hours",
    "day": "days",
    "week": "weeks",
    "fortnight": "fortnights",
    "month": "months",
    "year": "years",
}
_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600}
_DAYS = {"days": 1, "weeks": 7, "fortnights": 14}
_MONTHS = {"months": 1, "years": 12}


def _numbered(spellings: list[tuple[str, ...]], start: int) -> dict[str, int]:
    """Each spelling of the n-th item (counting from ``start``) to n."""
    return {name: number for number, names in enumerate(spellings, start) for name in names}


# 0 is Monday, as in Python's weekday().
_WEEKDAYS = _numbered(
    [
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ],
    start=0,
)
_MONTH_NAMES = _numbered(
    [
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
)


def _words(names) -> str:
    return "(" + "|".join(sorted(names, key=len, reverse=True)) + r")(?![a-z])"


_UNIT = r"(sec|second|min|minute|hour|day|week|fortnight|month|year)s?(?![a-z])"
_WEEKDAY = _words(_WEEKDAYS)
_MONTH = _words(_MONTH_NAMES)
_ORDINAL = r"(?:st|nd|rd|th)?"


@dataclass
class _Moment:
    """What the text says so far, applied in PHP's order by ``resolve``."""

    date: dt.date
    seconds: int  # time of day
    months: int = 0
    days: int = 0
    offset_seconds: int = 0
    day_of: str | None = None  # "first" or "last"
    weekday: tuple[int, str] | None = None  # (0 = Monday, "this" | "next" | "last")

    def set_date(self, year: int, month: int, day: int) -> None:
        if not (0 <= month <= 12 and 0 <= day <= 31):
            raise ValueError("not a date")
        self.date = _rolled(year, month, day)
        self.seconds = 0

    def add(self, amount: int, unit: str) -> None:
        if unit in _MONTHS:
            self.months += amount * _MONTHS[unit]
        elif unit in _DAYS:
            self.days += amount * _DAYS[unit]
        else:
            self.offset_seconds += amount * _SECONDS[unit]

    def negate(self) -> None:
        self.months, self.days = -self.months, -self.days
        self.offset_seconds = -self.offset_seconds

    def resolve(self) -> dt.datetime:
        year, month = divmod(self.date.year * 12 + self.date.month - 1 + self.months, 12)
        month += 1
        day = self.date.day
        if self.day_of == "first":
            day = 1
        elif self.day_of == "last":
            day = calendar.monthrange(year, month)[1]
        date = _rolled(year, month, day) + dt.timedelta(days=self.days)
        if self.weekday is not None:
            date = _to_weekday(date, *self.weekday)
        moment = dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)
        return moment + dt.timedelta(seconds=self.seconds + self.offset_seconds)


def _rolled(year: int, month: int, day: int) -> dt.date:
    """PHP's overflow: month 0 is December before, day 0 the last day of the month before."""
    year, month = divmod(year * 12 + month - 1, 12)
    return dt.date(year, month + 1, 1) + dt.timedelta(days=day - 1)


def _to_weekday(date: dt.date, weekday: int, which: str) -> dt.date:
    ahead = (weekday - date.weekday()) % 7
    if which == "next":
        return date + dt.timedelta(days=ahead or 7)
    if which == "last":
        return date - dt.timedelta(days=(date.weekday() - weekday) % 7 or 7)
    return date + dt.timedelta(days=ahead)


def _clock(hour: str, minute: str | None, second: str | None, meridiem: str | None) -> int:
    hours, minutes, seconds = int(hour), int(minute or 0), int(second or 0)
    if meridiem:
        if not 1 <= hours <= 12:
            raise ValueError("hour out of range")
        hours = hours % 12 + (12 if meridiem == "p" else 0)
    if hours > 23 or minutes > 59 or seconds > 59:
        raise ValueError("time out of range")
    return hours * 3600 + minutes * 60 + seconds


# Each rule: a pattern tried at the current position, and what a match does.
def _iso(moment: _Moment, m: re.Match) -> None:
    moment.set_date(int(m[1]), int(m[2]), int(m[3]))


def _american(moment: _Moment, m: re.Match) -> None:
    moment.set_date(int(m[3]) if m[3] else moment.date.year, int(m[1]), int(m[2]))


def _european(moment: _Moment, m: re.Match) -> None:
    moment.set_date(int(m[3]), int(m[2]), int(m[1]))


def _day_month(moment: _Moment, m: re.Match) -> None:
    moment.set_date(int(m[3]) if m[3] else moment.date.year, _MONTH_NAMES[m[2]], int(m[1]))


def _month_day(moment: _Moment, m: re.Match) -> None:
    moment.set_date(int(m[3]) if m[3] else moment.date.year, _MONTH_NAMES[m[1]], int(m[2]))


def _month_year(moment: _Moment, m: re.Match) -> None:
    moment.set_date(int(m[2]), _MONTH_NAMES[m[1]], 1)


def _month(moment: _Moment, m: re.Match) -> None:
    moment.set_date(moment.date.year, _MONTH_NAMES[m[1]], moment.date.day)


def _time(moment: _Moment, m: re.Match) -> None:
    moment.seconds = _clock(m[1], m[2], m[3], m[4])


def _hour(moment: _Moment, m: re.Match) -> None:
    moment.seconds = _clock(m[1], None, None, m[2])


def _amount(moment: _Moment, m: re.Match) -> None:
    moment.add(int(m[1]), _UNITS[m[2]])


def _relative_word(moment: _Moment, m: re.Match) -> None:
    which = {"previous": "last"}.get(m[1], m[1])
    if m[2] in _WEEKDAYS:
        moment.weekday = (_WEEKDAYS[m[2]], which)
        moment.seconds = 0
    else:
        moment.add({"next": 1, "last": -1, "this": 0}[which], _UNITS[m[3]])


def _day_of(moment: _Moment, m: re.Match) -> None:
    moment.day_of = m[1]
    moment.seconds = 0


def _weekday(moment: _Moment, m: re.Match) -> None:
    moment.weekday = (_WEEKDAYS[m[1]], "this")
    moment.seconds = 0


def _keyword(moment: _Moment, m: re.Match) -> None:
    word = m[1]
    if word == "now":
        return
    moment.seconds = 12 * 3600 if word == "noon" else 0
    if word in ("tomorrow", "yesterday"):
        moment.days += 1 if word == "tomorrow" else -1


def _ago(moment: _Moment, m: re.Match) -> None:
    moment.negate()


_RULES = [
    (r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?![0-9])", _iso),
    (r"([0-9]{4})/([0-9]{1,2})/([0-9]{1,2})(?![0-9])", _iso),
    (r"([0-9]{1,2})/([0-9]{1,2})(?:/([0-9]{4}))?(?![0-9/])", _american),
    (r"([0-9]{1,2})[-.]([0-9]{1,2})[-.]([0-9]{4})(?![0-9])", _european),
    (rf"([0-9]{{1,2}}){_ORDINAL}[ -]?{_MONTH}(?:[ -]?([0-9]{{4}})(?![0-9]))?", _day_month),
    (rf"{_MONTH}[ ]?([0-9]{{1,2}}){_ORDINAL}(?![0-9])(?:,?[ ]([0-9]{{4}})(?![0-9]))?", _month_day),
    (rf"{_MONTH}[ ]([0-9]{{4}})(?![0-9])", _month_year),
    (r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?(?:[ ]?([ap])\.?m\.?)?(?![0-9a-z])", _time),
    (r"([0-9]{1,2})[ ]?([ap])\.?m\.?(?![a-z])", _hour),
    (rf"([+-]?[0-9]+)[ ]?{_UNIT}", _amount),
    (r"(first|last)[ ]day[ ]of(?![a-z])", _day_of),
    (rf"(next|last|previous|this)[ ](?:{_WEEKDAY}|{_UNIT})", _relative_word),
    (_words(["now", "today", "midnight", "noon", "tomorrow", "yesterday"]), _keyword),
    (_WEEKDAY, _weekday),
    (_MONTH, _month),
    (r"ago(?![a-z])", _ago),
]
_COMPILED = [(re.compile(pattern), action) for pattern, action in _RULES]
_SEPARATORS = re.compile(r"[\s,]+")


def parse_relative(text: str, now: dt.datetime) -> dt.datetime | None:
    """The moment ``strtotime(text)`` means at ``now``, or None where it gives false."""
    text = text.lower()
    moment = _Moment(now.date(), now.hour * 3600 + now.minute * 60 + now.second)
    position = _SEPARATORS.match(text)
    position = position.end() if position else 0
    if position == len(text):
        return None  # strtotime("") is false
    try:
        while position < len(text):
            for pattern, action in _COMPILED:
                match = pattern.match(text, position)
                if match:
                    action(moment, match)
                    position = match.end()
                    break
            else:
                return None
            separators = _SEPARATORS.match(text, position)
            if separators:
                position = separators.end()
        return moment.resolve()
    except (ValueError, OverflowError):  # a year outside 1..9999, an hour of 25
        return None


def day_start(value: str, now: dt.datetime) -> int:
    """Kanboard's ``getTimestampFromIsoFormat``: the midnight of the day a timestamp
    (digits) or a ``strtotime`` text falls on; the epoch for what cannot be read."""
    if _DIGITS.match(value):
        digits = value.lstrip("0") or "0"
        # Beyond any date column: compares as "later than everything" without an
        # integer of thousands of digits.
        timestamp = int(digits) if len(digits) <= 20 else 10**20
    else:
        moment = parse_relative(value, now)
        timestamp = int(moment.timestamp()) if moment is not None else 0
    return timestamp - timestamp % DAY


def range_start(date: str) -> int:
    """One end of ``createdRange:FROM..TO``: a date in the configured or ISO format, read
    at 00:00; 0 when it is not one (``app/Filter/BaseDateRangeFilter.php``)."""
    return to_timestamp(date + " 00:00")
