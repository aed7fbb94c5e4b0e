"""Kanboard's date input: which strings are dates, and the timestamps they mean.

Accepted (``app/Core/DateParser.php``): the configured ``application_date_format`` (default
``m/d/Y``), ``Y-m-d``, ``Y_m_d``, each alone or followed by `` H:i``. A date without a time
keeps the *current* time of day, because Kanboard parses with PHP's ``createFromFormat``
without resetting the fields the format lacks. Dates are in the server's timezone (UTC).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from accounts.config import get_config

DEFAULT_DATE_FORMAT = "m/d/Y"
TIME_FORMAT = "H:i"

# PHP format letters this parser understands, as regular expressions.
_TOKENS = {
    "Y": r"(?P<Y>\d{4})",
    "m": r"(?P<m>\d{1,2})",
    "d": r"(?P<d>\d{1,2})",
    "H": r"(?P<H>\d{1,2})",
    "i": r"(?P<i>\d{2})",
}


@lru_cache(maxsize=32)
def _pattern(php_format: str) -> re.Pattern:
    return re.compile("".join(_TOKENS.get(char, re.escape(char)) for char in php_format) + r"\Z")


def parser_formats() -> list[str]:
    user_format = get_config("application_date_format", DEFAULT_DATE_FORMAT)
    formats = [
        user_format,
        "Y-m-d",
        "Y_m_d",
        f"{user_format} {TIME_FORMAT}",
        "Y-m-d H:i",
        "Y_m_d H:i",
    ]
    return list(dict.fromkeys(formats))


def _parse(value: str, php_format: str, now: dt.datetime) -> dt.datetime | None:
    match = _pattern(php_format).match(value)
    if match is None:
        return None
    parts = match.groupdict()
    try:
        date = dt.date(int(parts["Y"]), int(parts["m"]), int(parts["d"]))
        if "H" in parts:
            time = dt.time(int(parts["H"]), int(parts["i"]))
        else:
            time = now.time().replace(microsecond=0)
    except ValueError:  # 2026-13-45, 25:00: PHP reports these as invalid dates
        return None
    return dt.datetime.combine(date, time, tzinfo=dt.UTC)


def parse_date(value, now: dt.datetime | None = None) -> dt.datetime | None:
    """The moment a Kanboard date string means, or None when it is not one."""
    if not isinstance(value, str):
        return None
    now = now or dt.datetime.now(dt.UTC)
    for php_format in parser_formats():
        parsed = _parse(value.strip(), php_format, now)
        if parsed is not None and parsed.timestamp() > 0:
            return parsed
    return None


def is_date(value) -> bool:
    """Kanboard's Date validator: a string in one of the parser formats (so a Unix
    timestamp, even as a digit string, is not a date)."""
    return parse_date(value) is not None


def to_timestamp(value) -> int:
    """Kanboard's ``getTimestamp``: digit strings are timestamps already, dates are
    converted, anything else is 0."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value if value >= 0 else 0
    if isinstance(value, str) and value.isdigit():
        return int(value)
    parsed = parse_date(value)
    return int(parsed.timestamp()) if parsed else 0


def to_iso_date(value) -> str:
    """``Y-m-d`` of the date; unparsable input is 1970-01-01, as in Kanboard."""
    return dt.datetime.fromtimestamp(to_timestamp(value), dt.UTC).strftime("%Y-%m-%d")
