"""Kanboard's TaskValidator: which task values are accepted, and what they are stored as.

Integers are JSON integers or digit strings (JSON floats and booleans are refused) within
the 32-bit columns; dates are strings in one of the parser formats (Unix timestamps are
refused); texts have the lengths PostgreSQL's columns hold and no NUL character, so that
both databases answer alike.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError

from kanboard_site.inputs import integer, numeric, text
from projects.dates import parse_date

INTEGER_FIELDS = (
    "column_id",
    "owner_id",
    "creator_id",
    "score",
    "category_id",
    "swimlane_id",
    "priority",
    "recurrence_status",
    "recurrence_trigger",
    "recurrence_factor",
    "recurrence_timeframe",
    "recurrence_basedate",
)
DATE_FIELDS = ("date_due", "date_started")
HOUR_FIELDS = ("time_spent", "time_estimated")
TEXT_LIMITS = {"title": 65535, "reference": 191, "description": None, "color_id": 255}
SCORE_LIMIT = 2147483647


def timestamp(value, field: str) -> int:
    """A date string to its Unix time (a date alone keeps the current time of day); ''
    means no date (0). A datetime comes from the server itself (automatic actions), never
    from JSON, and is taken as it is."""
    if value == "":
        return 0
    if isinstance(value, dt.datetime):
        return int(value.timestamp())
    parsed = parse_date(value)
    if parsed is None:
        raise ValidationError(f"{field}: invalid date")
    return int(parsed.timestamp())


def clean_task_values(values: dict) -> dict:
    """The given (non-null) values converted for storage; ValidationError on the first
    value Kanboard would refuse."""
    cleaned = {}
    for field, value in values.items():
        if value is None:
            continue
        if field in INTEGER_FIELDS:
            cleaned[field] = integer(value, field)
        elif field in DATE_FIELDS:
            cleaned[field] = timestamp(value, field)
        elif field in HOUR_FIELDS:
            cleaned[field] = numeric(value, field)
        elif field in TEXT_LIMITS:
            cleaned[field] = text(value, field, TEXT_LIMITS[field])
    if abs(cleaned.get("score", 0)) > SCORE_LIMIT:
        raise ValidationError(
            f"score: this value must be in the range -{SCORE_LIMIT} to {SCORE_LIMIT}"
        )
    if "swimlane_id" in cleaned and cleaned["swimlane_id"] <= 0:
        raise ValidationError("swimlane_id: this value must be greater than 0")
    started, due = cleaned.get("date_started"), cleaned.get("date_due")
    if started and due and started > due:
        raise ValidationError("The start date is greater than the end date")
    return cleaned


def tag_names(names: list) -> list[str]:
    """The tag names of a list, without the empty ones ('' and '0', as PHP's array_filter)."""
    kept = []
    for name in names:
        if name in (None, False, 0, "", "0"):
            continue
        kept.append(text(name, "tags", 255))
    return kept
