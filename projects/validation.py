"""Kanboard's input rules for projects and their board, raised as readable ValidationErrors.

Values arrive as JSON gave them. Kanboard's validators skip a field that is absent or the
empty string; the helpers here take None for "absent". Limits that Kanboard's SQLite
schema lacks but its PostgreSQL schema has (varchar lengths) are checked on every
database, so that both answer alike, and text never carries NUL (PostgreSQL cannot).
"""

from __future__ import annotations

import math
import re
import string

from django.core.exceptions import ValidationError

INT_MIN, INT_MAX = -(2**31), 2**31 - 1
_KANBOARD_INTEGER = re.compile(r"-?[0-9]+\Z")
_LEADING_INTEGER = re.compile(r"\s*([+-]?[0-9]+)")
_ASCII_UPPER = str.maketrans(string.ascii_lowercase, string.ascii_uppercase)
# Characters Kanboard's e-mail validator allows before the "@" (besides letters and digits).
_EMAIL_LOCAL_SYMBOLS = set(".!#$%&'*+-/=?^_`{|}~")


def text(value, field: str, max_length: int | None = None) -> str:
    """A scalar as the text PHP would store (numbers as written); arrays, objects,
    booleans and null are refused."""
    if value is None or isinstance(value, (bool, list, dict)):
        raise ValidationError(f"The {field} must be a text")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    value = str(value)
    if "\0" in value:
        raise ValidationError(f"The {field} cannot contain NUL characters")
    if max_length is not None and len(value) > max_length:
        raise ValidationError(f"The {field} is longer than {max_length} characters")
    return value


def optional_text(value, field: str, max_length: int | None = None) -> str | None:
    return None if value is None else text(value, field, max_length)


def required_text(value, field: str, max_length: int | None = None) -> str:
    """Kanboard's Required: present and not the empty string."""
    value = text(value, field, max_length)
    if value == "":
        raise ValidationError(f"The {field} is required")
    return value


def searchable(value) -> str | None:
    """A lookup's text, or None where it can match no stored row: anything but a string,
    or text with NUL (refused on every write, and an error on PostgreSQL)."""
    return value if isinstance(value, str) and "\0" not in value else None


def integer(value, field: str) -> int:
    """Kanboard's Integer validator: a JSON integer, or a string of digits with an
    optional minus sign; floats and booleans are refused. The empty string is 0, as
    Kanboard's cast makes it."""
    if isinstance(value, str):
        if value == "":
            return 0
        if not _KANBOARD_INTEGER.match(value):
            raise ValidationError(f"The {field} must be an integer")
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"The {field} must be an integer")
    return in_range(value, field)


def cast_integer(value, field: str) -> int:
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


def in_range(value: int, field: str) -> int:
    if not INT_MIN <= value <= INT_MAX:
        raise ValidationError(f"The {field} is out of range")
    return value


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
