"""Writing Kanboard's rows into this server's database.

Rows go in by batches (no model instances, no signals): on PostgreSQL with ``COPY``, its
bulk-loading protocol; on SQLite, which runs in-process, as one prepared statement run for
every row (``executemany``). An import
of tens of thousands of tasks takes seconds. Each value is converted for its column
(``values``), so SQLite's loosely typed values arrive as the column's type. References are
checked before anything is written, so that a refused row is named precisely instead of
failing the whole transaction at commit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.admin.models import LogEntry
from django.db import DatabaseError, connection, models, transaction

from kanboard_import.errors import ImportRefused, RowRejected
from kanboard_import.tables import IMPORTED, SEEDED, TableMap
from kanboard_import.values import BadValue, converter_for, to_text
from tasks.seed import LINKS

BATCH_SIZE = 2000


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def check_target_is_fresh() -> None:
    """Refuse a target holding anything but what ``migrate`` seeds."""
    from accounts.models import User
    from tasks.models import Link

    occupied = [
        f"{table.table} ({table.model.objects.count()} rows)"
        for table in IMPORTED
        if table.model not in SEEDED and table.model.objects.exists()
    ]
    users = list(User.objects.values_list("id", "username"))
    if users and users != [(1, "admin")]:
        occupied.append(f"users ({len(users)} rows, not just the seeded admin)")
    if set(Link.objects.values_list("id", "label", "opposite_id")) - set(LINKS):
        occupied.append("links (labels other than the eleven seeded ones)")
    if LogEntry.objects.exists():  # Django admin history refers to the accounts replaced
        occupied.append(f"django_admin_log ({LogEntry.objects.count()} rows)")
    if occupied:
        raise ImportRefused(
            "the target database is not empty: "
            + ", ".join(occupied)
            + "; import into a freshly migrated database"
        )


def remove_seed_rows(setting_options: Iterable[str]) -> None:
    """Make room for the source's admin, links and settings (seeded ones it does not
    have stay, so that every setting this server needs exists)."""
    from accounts.models import Setting, User
    from tasks.models import Link

    User.objects.all()._raw_delete(connection.alias)
    Link.objects.all()._raw_delete(connection.alias)
    Setting.objects.filter(option__in=list(setting_options))._raw_delete(connection.alias)


@dataclass
class ColumnPlan:
    field: models.Field
    source_index: int | None  # None: the source lacks the column, the field's default goes in
    convert: Callable[[Any], Any]
    empty_means_missing: bool  # '' stands for "no value" (a number column)
    max_length: int | None
    references: set | None  # the ids the value must be one of (a foreign key)


class TableWriter:
    """Inserts one table's rows, checking each row against the tables written before."""

    def __init__(
        self, table: TableMap, source_columns: list[str], known_ids: dict[str, set]
    ) -> None:
        self.table = table
        self.source_columns = source_columns
        self.plan: list[ColumnPlan] = []
        for field in table.model._meta.concrete_fields:
            name = table.source_column(field.column)
            if name not in source_columns and field.primary_key:
                continue
            convert = converter_for(field)
            self.plan.append(
                ColumnPlan(
                    field=field,
                    source_index=source_columns.index(name) if name in source_columns else None,
                    convert=convert,
                    empty_means_missing=convert is not to_text,
                    max_length=getattr(field, "max_length", None),
                    references=known_ids.setdefault(field.related_model._meta.db_table, set())
                    if field.is_relation
                    else None,
                )
            )
        pk = table.model._meta.pk
        planned = [plan.field for plan in self.plan]
        self.pk_index = planned.index(pk) if pk in planned else None
        self.keeps_ids = self.pk_index is not None
        self.ids: set = known_ids.setdefault(table.table, set()) if self.keeps_ids else set()
        self.highest_id = 0
        self.defaulted: Counter[str] = Counter()
        columns = ", ".join(quote(plan.field.column) for plan in self.plan)
        placeholders = ", ".join(["%s"] * len(self.plan))
        self.statement = f"INSERT INTO {quote(table.table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
        self.copy_statement = f"COPY {quote(table.table)} ({columns}) FROM STDIN"

    def write(self, rows: Iterable[tuple], on_batch: Callable[[int], None]) -> int:
        written = 0
        batch: list[tuple] = []
        originals: list[tuple] = []
        for row in rows:
            batch.append(self.convert(row))
            originals.append(row)
            if len(batch) == BATCH_SIZE:
                self.insert(batch, originals)
                written += len(batch)
                on_batch(len(batch))
                batch, originals = [], []
        if batch:
            self.insert(batch, originals)
            written += len(batch)
            on_batch(len(batch))
        return written

    def convert(self, row: tuple) -> tuple:
        values = []
        for plan in self.plan:
            value = None if plan.source_index is None else row[plan.source_index]
            if value is None or (value == "" and plan.empty_means_missing):
                value = self.missing_value(plan, row)
                if value is None:
                    values.append(None)
                    continue
            try:
                value = plan.convert(value)
            except BadValue as exc:
                self.reject(row, f"{plan.field.column}: {exc}")
            if plan.max_length and len(value) > plan.max_length:
                self.reject(row, f"{plan.field.column} is longer than {plan.max_length} characters")
            if plan.references is not None and value not in plan.references:
                referenced = plan.field.related_model._meta.db_table
                self.reject(row, f"{plan.field.column} {value} does not exist in {referenced}")
            values.append(value)
        if self.pk_index is not None:
            pk_value = values[self.pk_index]
            self.ids.add(pk_value)
            if isinstance(pk_value, int):
                self.highest_id = max(self.highest_id, pk_value)
        return tuple(values)

    def missing_value(self, plan: ColumnPlan, row: tuple) -> Any:
        """What an absent value (NULL, or '' for a number) becomes: NULL where the column
        allows it, else the column's default, counted for the summary (Kanboard's SQLite
        schema lets NULL into columns that always have a value here)."""
        field = plan.field
        if field.null:
            if plan.source_index is not None and row[plan.source_index] == "":
                self.defaulted[field.column] += 1
            return None
        if not field.has_default():
            self.reject(row, f"{field.column} is empty, which this server cannot store")
        if plan.source_index is not None:
            self.defaulted[field.column] += 1
        return field.get_default()

    def insert(self, batch: list[tuple], originals: list[tuple]) -> None:
        try:
            with transaction.atomic(), connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    # psycopg's own COPY, its errors translated into Django's.
                    with (
                        connection.wrap_database_errors,
                        cursor.cursor.copy(self.copy_statement) as copy,
                    ):
                        for row in batch:
                            copy.write_row(row)
                else:
                    cursor.executemany(self.statement, batch)
        except DatabaseError:
            self.find_refused_row(batch, originals)
            raise

    def find_refused_row(self, batch: list[tuple], originals: list[tuple]) -> None:
        """Insert the failed batch row by row (each in its own savepoint) to name the row
        the database refuses (a duplicate name, a value out of range...)."""
        for values, original in zip(batch, originals, strict=True):
            try:
                with transaction.atomic(), connection.cursor() as cursor:
                    cursor.execute(self.statement, values)
            except DatabaseError as exc:
                self.reject(original, str(exc).strip().splitlines()[0])

    def reject(self, row: tuple, reason: str):
        raise RowRejected(
            self.table.table, dict(zip(self.source_columns, row, strict=True)), reason
        )


def move_sequences(next_after: dict[type[models.Model], int]) -> None:
    """Let new rows of each model get ids above ``next_after[model]`` (the highest id
    the source handed out), never reusing an imported id."""
    with connection.cursor() as cursor:
        for model, highest in next_after.items():
            table = model._meta.db_table
            column = model._meta.pk.column
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT setval(pg_get_serial_sequence(%s, %s), %s, %s)",
                    [quote(table), column, max(highest, 1), highest > 0],
                )
            elif connection.vendor == "sqlite":
                cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
                cursor.execute(
                    "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, highest]
                )
            else:  # pragma: no cover - settings allow only SQLite and PostgreSQL
                raise ImportRefused(f"unsupported database {connection.vendor}")
