"""Reading rows by key, and inserting the hottest rows, without the ORM's query compilation.

The hottest reads (the caller's user row on every User API request and batch element, a
task by id, the settings) are one-row lookups on wide tables, where Django's query
compilation costs several times the query itself. These run a statement written once
per (table, columns, condition) from the model's own metadata; values stay parameters.
An insert likewise: one statement per model.
"""

from __future__ import annotations

from functools import lru_cache

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connection, connections, models


@lru_cache(maxsize=64)
def _statement(model: type[models.Model], columns: tuple[str, ...], condition: str) -> str:
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    selected = ", ".join(quote(model._meta.get_field(column).column) for column in columns)
    return f"SELECT {selected} FROM {table} WHERE {condition}"  # noqa: S608 (model names only)


def select_rows(
    model: type[models.Model], columns: tuple[str, ...], condition: str, params: list
) -> list[tuple]:
    """Rows of ``columns`` where ``condition`` (an SQL condition written in the code,
    with %s placeholders for ``params``) holds. Values are the driver's: SQLite answers
    0/1 where PostgreSQL answers booleans."""
    with connection.cursor() as cursor:
        cursor.execute(_statement(model, columns, condition), params)
        return cursor.fetchall()


def select_instance(model: type[models.Model], condition: str, params: list):
    """The first model instance where ``condition`` holds, or None."""
    found = select_instances(model, condition, params)
    return found[0] if found else None


def select_instances(model: type[models.Model], condition: str, params: list) -> list:
    """The model instances where ``condition`` (which may end with an ORDER BY) holds."""
    fields = model._meta.concrete_fields
    names = [field.attname for field in fields]
    flags = [isinstance(field, models.BooleanField) for field in fields]
    return [
        model.from_db(
            connection.alias,
            names,
            [
                bool(value) if flag and value is not None else value
                for flag, value in zip(flags, row, strict=True)
            ],
        )
        for row in select_rows(model, tuple(names), condition, params)
    ]


def insert_instance(instance: models.Model) -> None:
    """Insert the new instance's row and give it its id, as Model.save would (the fields'
    defaults and pre_save values), by a statement written once per model: every task
    creation inserts one. No save signal is sent (no receiver listens to one)."""
    model = type(instance)
    database = connections[DEFAULT_DB_ALIAS]  # not the proxy, asked once per field
    values = [
        field.get_db_prep_save(field.pre_save(instance, add=True), database)
        for field in _inserted_fields(model)
    ]
    with database.cursor() as cursor:
        cursor.execute(_insert_statement(model), values)
        instance.pk = cursor.fetchone()[0]
    instance._state.adding = False
    instance._state.db = database.alias


@lru_cache(maxsize=16)
def _inserted_fields(model: type[models.Model]) -> tuple[models.Field, ...]:
    return tuple(field for field in model._meta.concrete_fields if not field.primary_key)


@lru_cache(maxsize=16)
def _insert_statement(model: type[models.Model]) -> str:
    quote = connection.ops.quote_name
    fields = _inserted_fields(model)
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table, key = quote(model._meta.db_table), quote(model._meta.pk.column)
    return f"INSERT INTO {table} ({columns}) VALUES ({placeholders}) RETURNING {key}"  # noqa: S608 (model names)


def fetch_all(queryset: models.QuerySet) -> list[tuple]:
    """The rows of a ``values_list`` queryset as the driver gives them, skipping the ORM's
    per-row conversions: for lists of hundreds of wide rows whose values the caller
    converts itself (SQLite answers 0/1 for booleans, PostgreSQL true/false)."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:  # a condition that can match nothing, such as "id IN ()"
        return []
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def ids_sql(queryset: models.QuerySet) -> tuple[str, tuple] | None:
    """The SQL (and its parameters) selecting the primary keys of the queryset's rows, to
    embed as a subquery in a statement written once; None when the queryset can match
    nothing (such as "id IN ()")."""
    try:
        return queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return None
