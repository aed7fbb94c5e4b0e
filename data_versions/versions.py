"""Reading the versions of a project's data and of the global data."""

from __future__ import annotations

from django.db import connection

from kanboard_site.database_changes import ReadSinceLastWrite

GLOBAL_SCOPE = 0

_BOTH = "SELECT scope, version FROM data_versions WHERE scope IN (%s, %s)"

# The versions by project, kept while nothing is written to the database (SQLite,
# outside a transaction): no version can have moved.
_read_since_last_write = ReadSinceLastWrite()


def versions_of(project_id: int) -> tuple[int | None, int | None]:
    """(the project's version, the global version), in one statement; None for a scope
    no write has touched yet. On SQLite, read again only after a write."""
    return _read_since_last_write.get(project_id, lambda: _read_versions(project_id))


def _read_versions(project_id: int) -> tuple[int | None, int | None]:
    with connection.cursor() as cursor:
        cursor.execute(_BOTH, [project_id, GLOBAL_SCOPE])
        found = dict(cursor.fetchall())
    return found.get(project_id), found.get(GLOBAL_SCOPE)
