"""How Kanboard reads the values clients send, shared by every app.

Values arrive as JSON decoded them. Kanboard's PHP takes an integer or a string of
digits wherever an id or integer is expected, and its validators (SimpleValidator) refuse
floats and skip a field that is absent. Limits that only Kanboard's PostgreSQL schema has
(varchar lengths, 32-bit integers) are checked on every database, and text never carries
NUL (PostgreSQL cannot store it), so that SQLite and PostgreSQL answer alike. The checks
raise ``ValidationError`` with a reason an operator can read.
"""

from __future__ import annotations

import math
import re
import string
from typing import Any

from django.core.exceptions import ValidationError

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
_INTEGER = re.compile(r"-?[0-9]+\Z")
_LEADING_INTEGER = re.compile(r"\s*([+-]?[0-9]+)")
# PHP 8's is_numeric: surrounding whitespace, a sign, digits with an optional fraction,
# an optional exponent.
_NUMERIC = re.compile(r"[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*\Z")
_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
# Characters Kanboard's e-mail validator allows before the "@" (besides letters and digits).
_EMAIL_LOCAL_SYMBOLS = set(".!#$%&'*+-/=?^_`{|}~")


def to_int(value: Any) -> int | None:
    """The integer a JSON integer or a string of digits (with an optional minus sign)
    means, or None: floats, booleans (PHP reads ``true`` as 1; we do not) and anything
    out of the 32-bit range the database columns hold."""
    if isinstance(value, str):
        if not _INTEGER.match(value):
            return None
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if INT_MIN <= value <= INT_MAX else None


def to_id(value: Any) -> int | None:
    """A positive id, or None when the value cannot name a row."""
    number = to_int(value)
    return number if number is not None and number > 0 else None


def to_text(value: Any) -> str | None:
    """Scalars as the text PHP would store (1.0 is "1"); arrays and objects are not text."""
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


def searchable(value: Any) -> str | None:
    """A lookup's text, or None where it can match no stored row: anything but a string,
    or text with NUL (refused on every write, and an error on PostgreSQL)."""
    return value if isinstance(value, str) and "\0" not in value else None


def text(
    value: Any,
    field: str,
    max_length: int | None = None,
    *,
    required: bool = False,
    default: str | None = None,
) -> str:
    """A scalar as the text PHP would store; arrays, objects and booleans are refused,
    and so is null unless a ``default`` stands for it. ``required`` is Kanboard's
    Required validator: the empty string is refused."""
    if value is None and default is not None:
        value = default
    if value is None or isinstance(value, bool):
        raise ValidationError(f"The {field} must be a text")
    converted = to_text(value)
    if converted is None:
        raise ValidationError(f"The {field} must be a text")
    if required and converted == "":
        raise ValidationError(f"The {field} is required")
    if "\0" in converted:
        raise ValidationError(f"The {field} cannot contain NUL characters")
    if max_length is not None and len(converted) > max_length:
        raise ValidationError(f"The {field} is longer than {max_length} characters")
    return converted


def optional_text(value: Any, field: str, max_length: int | None = None) -> str | None:
    """None stays None (the field is not given); anything else as ``text``."""
    return None if value is None else text(value, field, max_length)


def integer(
    value: Any,
    field: str,
    *,
    default: int | None = None,
    minimum: int = INT_MIN,
    maximum: int = INT_MAX,
) -> int:
    """Kanboard's Integer validator: a JSON integer or a digit string, never a float. The
    empty string is 0, as Kanboard's cast makes it; null is ``default`` when one is
    given. ``minimum``/``maximum`` are the column's range."""
    if value is None and default is not None:
        return default
    if value == "":
        return 0
    number = to_int(value)
    if number is None:
        raise ValidationError(f"The {field} must be an integer")
    return in_range(number, field, minimum, maximum)


def in_range(value: int, field: str, minimum: int = INT_MIN, maximum: int = INT_MAX) -> int:
    if not minimum <= value <= maximum:
        raise ValidationError(f"The {field} is out of range")
    return value


def cast_integer(value: Any, field: str) -> int:
    """PHP's ``(int)`` cast, for the fields Kanboard casts without validating (task
    limits): numbers are truncated, strings read up to their first non-digit, null and
    false are 0."""
    if value is None or value is False:
        return 0
    if value is True:
        return 1
    if isinstance(value, float):
        if not math.isfinite(value):  # 1e400 decodes to infinity
            raise ValidationError(f"The {field} must be a number")
        return in_range(int(value), field)
    if isinstance(value, int):
        return in_range(value, field)
    if isinstance(value, str):
        match = _LEADING_INTEGER.match(value)
        return in_range(int(match.group(1)), field) if match else 0
    raise ValidationError(f"The {field} must be a number")


def numeric(value: Any, field: str) -> float:
    """Kanboard's Numeric validator (PHP's is_numeric); the empty string and null are 0."""
    if value is None or value == "":
        return 0.0
    if isinstance(value, str) and _NUMERIC.match(value):
        value = float(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(f"The {field} must be a numeric value")
    try:
        number = float(value)
    except OverflowError:
        number = math.inf
    if not math.isfinite(number):
        raise ValidationError(f"The {field} is out of range")
    return number


def ascii_upper(value: str) -> str:
    """Upper case as PHP's strtoupper: ASCII letters only ("ß" stays "ß")."""
    return value.translate(_ASCII_UPPER)


def is_ascii_alphanumeric(value: str) -> bool:
    return value.isascii() and value.isalnum()


def is_email(value: str) -> bool:
    """Kanboard's e-mail syntax (the one Firefox used for <input type=email>): ASCII
    letters, digits and a few symbols before one "@", then a domain of at least two
    characters made of letters, digits, "-" and single dots, neither starting nor ending
    with a dot."""
    local, at, domain = value.partition("@")
    if not local or not at or len(domain) < 2 or domain[0] == "." or value[-1] == ".":
        return False
    if not all(_is_ascii_alnum(char) or char in _EMAIL_LOCAL_SYMBOLS for char in local):
        return False
    if ".." in domain:
        return False
    return all(_is_ascii_alnum(char) or char in "-." for char in domain)


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()
