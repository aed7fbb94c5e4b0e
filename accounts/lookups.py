"""Reading one user row fast: every User API request does it, and every batch element
again. The ORM's query compilation costs ten times the query itself for this wide row,
so these lookups run one prepared statement and build the instance with ``from_db``."""

from __future__ import annotations

from django.db import connection, models

from accounts.models import User

_FIELDS = User._meta.concrete_fields
_BOOLEANS = [index for index, field in enumerate(_FIELDS) if isinstance(field, models.BooleanField)]
_COLUMNS = ", ".join(connection.ops.quote_name(field.column) for field in _FIELDS)
_SELECT = f"SELECT {_COLUMNS} FROM users WHERE "  # noqa: S608 (names from the model only)


def _find(condition: str, value) -> User | None:
    with connection.cursor() as cursor:
        cursor.execute(_SELECT + condition, [value])
        row = cursor.fetchone()
    if row is None:
        return None
    row = list(row)
    for index in _BOOLEANS:  # SQLite answers 0/1 where PostgreSQL answers booleans
        if row[index] is not None:
            row[index] = bool(row[index])
    return User.from_db(connection.alias, [field.attname for field in _FIELDS], row)


def user_named(username: str) -> User | None:
    return _find("username = %s", username)


def user_with_id(user_id: int | None) -> User | None:
    return _find("id = %s", user_id) if user_id is not None else None
