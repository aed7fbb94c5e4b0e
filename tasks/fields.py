"""Kanboard's field validators (SimpleValidator) for the values a client sends.

Each function returns the value to store or raises ``ValidationError``. A field that is
absent (``None``) or ``''`` skips the check, as Kanboard's validators do, and gets the
given default. Text refuses NUL characters, which PostgreSQL cannot store, so that both
databases give the same answer.
"""

from __future__ import annotations

import math
import re
from typing import Any

from django.core.exceptions import ValidationError

from rpc.params import INT_MAX, INT_MIN, to_int, to_text

# PHP's is_numeric: optional surrounding whitespace, a sign, digits with an optional
# fraction, an optional exponent.
_NUMERIC = re.compile(r"[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*\Z")


def is_absent(value: Any) -> bool:
    return value is None or value == ""


def integer_value(
    value: Any, field: str, default: int = 0, minimum: int = INT_MIN, maximum: int = INT_MAX
) -> int:
    """Kanboard's Integer validator: a JSON integer or a digit string (never a float);
    the range is the column's, so both databases accept what passes."""
    if is_absent(value):
        return default
    number = to_int(value)
    if number is None or not minimum <= number <= maximum:
        raise ValidationError(f"The {field} must be an integer")
    return number


def numeric_value(value: Any, field: str) -> float:
    """Kanboard's Numeric validator (is_numeric), with empty values reset to 0."""
    if is_absent(value):
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


def text_value(
    value: Any, field: str, max_length: int | None = None, required: bool = False
) -> str:
    """A scalar as the text PHP would store, at most ``max_length`` characters when given.

    ``required`` is Kanboard's Required validator: absent or ``''`` is refused.
    """
    text = to_text(value)
    if text is None and value is not None:
        raise ValidationError(f"The {field} must be a text")
    text = text or ""
    if required and not text:
        raise ValidationError(f"The {field} is required")
    if max_length is not None and len(text) > max_length:
        raise ValidationError(f"The {field} is longer than {max_length} characters")
    if "\0" in text:
        raise ValidationError(f"The {field} cannot contain NUL characters")
    return text
