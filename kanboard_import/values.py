"""Kanboard's SQLite values as this server's columns take them.

SQLite stores whatever it is given (a column declared INTEGER may hold text, a NUMERIC
one whole and fractional numbers), so each value is checked against the type of the model
field it goes to. One small function per kind of field, chosen once per column: the
import converts hundreds of thousands of values, and Django's generic field conversion
costs several times as much.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection, models


class BadValue(ValueError):
    """A value the column cannot hold; the message says why."""


def to_integer(value: Any) -> int:
    if type(value) is int:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            pass
    raise BadValue(f"{value!r} is not an integer")


def to_float(value: Any) -> float:
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            pass
    raise BadValue(f"{value!r} is not a number")


def to_boolean(value: Any) -> bool:
    if value in (0, 1) and not isinstance(value, str):
        return bool(value)
    if value in ("0", "1"):
        return value == "1"
    raise BadValue(f"{value!r} is not 0 or 1")


def to_text(value: Any) -> str:
    if isinstance(value, str):
        if "\x00" in value:
            raise BadValue("the text contains a NUL character")
        return value
    if isinstance(value, int | float):
        return str(value)
    raise BadValue(f"{type(value).__name__} value where text is expected")


CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "AutoField": to_integer,
    "IntegerField": to_integer,
    "BigIntegerField": to_integer,
    "SmallIntegerField": to_integer,
    "FloatField": to_float,
    "BooleanField": to_boolean,
    "CharField": to_text,
    "TextField": to_text,
}


def converter_for(field: models.Field) -> Callable[[Any], Any]:
    """The function that turns a source value into what ``field``'s column stores."""
    target = field.target_field if field.is_relation else field
    convert = CONVERTERS.get(target.get_internal_type())
    if convert is not None:
        return convert

    def through_the_field(value: Any) -> Any:  # any other kind of field: Django's way
        return field.get_db_prep_save(field.to_python(value), connection)

    return through_the_field
