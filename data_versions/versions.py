"""Reading the versions of a project's data and of the global data."""

from __future__ import annotations

from django.db import connection

GLOBAL_SCOPE = 0

_BOTH = "SELECT scope, version FROM data_versions WHERE scope IN (%s, %s)"


def versions_of(project_id: int) -> tuple[int | None, int | None]:
    """(the project's version, the global version), in one statement; None for a scope
    no write has touched yet."""
    with connection.cursor() as cursor:
        cursor.execute(_BOTH, [project_id, GLOBAL_SCOPE])
        found = dict(cursor.fetchall())
    return found.get(project_id), found.get(GLOBAL_SCOPE)
