"""Kanboard-compatible readings of parameter values.

Kanboard's PHP accepts an integer or a string of digits wherever an id is expected, and
its validators reject floats. Booleans are never ids here (PHP reads ``true`` as 1).
"""

from __future__ import annotations

import re
from typing import Any

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
_INTEGER = re.compile(r"-?[0-9]+\Z")


def to_int(value: Any) -> int | None:
    """The integer a JSON integer or digit string means, or None (floats, booleans,
    anything out of the 32-bit range the database columns hold)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        if not _INTEGER.match(value.strip()):
            return None
        value = int(value.strip())
    if not isinstance(value, int):
        return None
    return value if INT_MIN <= value <= INT_MAX else None


def to_id(value: Any) -> int | None:
    """A positive id, or None when the value cannot name a row."""
    number = to_int(value)
    return number if number is not None and number > 0 else None


def is_integer(value: Any) -> bool:
    """Kanboard's Integer validator: an int or a digit string (floats are refused)."""
    return to_int(value) is not None


def to_text(value: Any) -> str | None:
    """Scalars as the text PHP would store; arrays and objects are not text."""
    if value is None or isinstance(value, (list, dict)):
        return None
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def is_truthy(value: Any) -> bool:
    """PHP's truthiness of a JSON value: "0" and "" are false like 0, [] and {}."""
    return bool(value) and value != "0"
