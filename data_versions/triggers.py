"""The triggers that keep ``data_versions`` current: every INSERT, UPDATE and DELETE on a
watched table gives the scopes of the changed rows a new version, whichever path wrote
them (the API, the admin, commands, cascades, the importer's raw SQL).

A version is a random 64-bit value, not a count: a transaction that rolls back leaves
no trace, so a counter would hand out its value again, and a reader inside that
transaction (the tests run in one) may have cached what it saw under it; a database
restored from a backup would rewind a counter, or a sequence, to values the workers
have seen since. (SQLite draws with random(); PostgreSQL takes 60 random bits of a
version-4 UUID, its random() having fewer.)

SQLite triggers run once per row; PostgreSQL's run once per statement over its
transition tables (one trigger per operation: a trigger with transition tables cannot
cover several events), so that renumbering the positions of a column bumps its project
once. Scopes are upserted in ascending order, so that two writers bumping the same
projects lock them in the same order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Scopes of one row: queries answering a column ``scope``, over the row written
# ``{row}`` (NEW or OLD on SQLite, a transition table's row on PostgreSQL).
GLOBAL = "SELECT 0 AS scope"
PROJECT = 'SELECT {row}."project_id" AS scope'
PROJECT_ITSELF = 'SELECT {row}."id" AS scope'


def task_project(column: str = "task_id") -> str:
    """The project of the task the row belongs to; none once the task is gone, whose own
    removal bumped its project."""
    return f'SELECT "project_id" AS scope FROM "tasks" WHERE "id" = {{row}}."{column}"'  # noqa: S608


def projects_of_tasks_with(column: str) -> str:
    """The projects of the tasks that show the row through ``column`` (their column,
    swimlane, category): usually the row's own project, but Kanboard let a task refer
    to another project's category, and imported data keeps that."""
    return f'SELECT "project_id" AS scope FROM "tasks" WHERE "{column}" = {{row}}."id"'  # noqa: S608


PROJECTS_OF_TAGGED_TASKS = (
    'SELECT "tasks"."project_id" AS scope FROM "task_has_tags" '
    'JOIN "tasks" ON "tasks"."id" = "task_has_tags"."task_id" '
    'WHERE "task_has_tags"."tag_id" = {row}."id"'
)


@dataclass(frozen=True)
class Watched:
    """A table whose content a cached read shows, the scopes of one of its rows and, when
    only some of its columns are shown, those columns: an UPDATE that changes none of
    them (a login's bookkeeping on ``users``) bumps nothing."""

    table: str
    scopes: Sequence[str]
    columns: Sequence[str] = ()


def trigger_names(table: str) -> list[str]:
    return [f"data_versions_{table}_{operation}" for operation in ("insert", "update", "delete")]


def create_statements(vendor: str, watched: Sequence[Watched]) -> list[str]:
    if vendor == "postgresql":
        return [*_POSTGRESQL_SETUP, *(sql for item in watched for sql in _postgresql(item))]
    return [sql for item in watched for sql in _sqlite(item)]


def drop_statements(vendor: str, watched: Sequence[Watched]) -> list[str]:
    if vendor == "postgresql":
        dropped = [
            f'DROP FUNCTION IF EXISTS "data_versions_{item.table}"() CASCADE' for item in watched
        ]
        return [*dropped, *_POSTGRESQL_TEARDOWN]
    return [
        f'DROP TRIGGER IF EXISTS "{name}"' for item in watched for name in trigger_names(item.table)
    ]


def _sqlite(item: Watched) -> list[str]:
    statements = []
    for name, operation, rows in zip(
        trigger_names(item.table),
        ("INSERT", "UPDATE", "DELETE"),
        (("NEW",), ("NEW", "OLD"), ("OLD",)),
        strict=True,
    ):
        scopes = " UNION ".join(scope.format(row=row) for row in rows for scope in item.scopes)
        when = ""
        if operation == "UPDATE" and item.columns:
            changed = " OR ".join(
                f'OLD."{column}" IS NOT NEW."{column}"' for column in item.columns
            )
            when = f" WHEN {changed}"
        statements.append(
            f'CREATE TRIGGER "{name}" AFTER {operation} ON "{item.table}" FOR EACH ROW{when} BEGIN '  # noqa: S608
            "INSERT INTO data_versions (scope, version) "
            f"SELECT scope, random() FROM ({scopes}) WHERE scope IS NOT NULL "
            "ON CONFLICT (scope) DO UPDATE SET version = excluded.version; END"
        )
    return statements


_POSTGRESQL_SETUP = [
    "CREATE FUNCTION data_versions_bump(scopes bigint[]) RETURNS void LANGUAGE sql AS $$ "
    "INSERT INTO data_versions (scope, version) "
    "SELECT scope, ('x' || replace(CAST(gen_random_uuid() AS text), '-', ''))::bit(64)::bigint "
    "FROM (SELECT DISTINCT scope FROM unnest(scopes) AS scope WHERE scope IS NOT NULL "
    "ORDER BY scope) AS changed "
    "ON CONFLICT (scope) DO UPDATE SET version = excluded.version $$",
]
_POSTGRESQL_TEARDOWN = ["DROP FUNCTION IF EXISTS data_versions_bump(bigint[])"]


def _postgresql(item: Watched) -> list[str]:
    function = f'"data_versions_{item.table}"'
    inserted = _selected(item.scopes, "new_rows r", ("r",))
    deleted = _selected(item.scopes, "old_rows r", ("r",))
    if item.columns:
        # Only the rows whose shown columns changed, met with their old selves by id.
        differs = " OR ".join(
            f'r."{column}" IS DISTINCT FROM o."{column}"' for column in item.columns
        )
        changed = 'new_rows r JOIN old_rows o ON o."id" = r."id"'
        updated = _selected(item.scopes, changed, ("r", "o"), f" WHERE {differs}")
    else:
        updated = f"{inserted} UNION {deleted}"
    body = (
        "BEGIN "
        f"IF TG_OP = 'INSERT' THEN PERFORM data_versions_bump(ARRAY({inserted})); "
        f"ELSIF TG_OP = 'UPDATE' THEN PERFORM data_versions_bump(ARRAY({updated})); "
        f"ELSE PERFORM data_versions_bump(ARRAY({deleted})); "
        "END IF; RETURN NULL; END"
    )
    statements = [f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ {body} $$"]
    for name, operation, transitions in zip(
        trigger_names(item.table),
        ("INSERT", "UPDATE", "DELETE"),
        (
            "NEW TABLE AS new_rows",
            "OLD TABLE AS old_rows NEW TABLE AS new_rows",
            "OLD TABLE AS old_rows",
        ),
        strict=True,
    ):
        statements.append(
            f'CREATE TRIGGER "{name}" AFTER {operation} ON "{item.table}" '
            f"REFERENCING {transitions} FOR EACH STATEMENT EXECUTE FUNCTION {function}()"
        )
    return statements


def _selected(scopes: Sequence[str], source: str, aliases: Sequence[str], where: str = "") -> str:
    """The scopes of the rows of ``source`` (transition tables), for each alias's row."""
    return " UNION ".join(
        f"SELECT CAST(s.scope AS bigint) FROM {source} "  # noqa: S608
        f"CROSS JOIN LATERAL ({scope.format(row=alias)}) s{where}"
        for alias in aliases
        for scope in scopes
    )
