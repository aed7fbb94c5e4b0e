"""Reading the versions of a project's data and of the global data."""

from __future__ import annotations

import threading

from django.db import connection

from kanboard_site.database_changes import change_marker

GLOBAL_SCOPE = 0

_BOTH = "SELECT scope, version FROM data_versions WHERE scope IN (%s, %s)"

# The versions this thread read since the database's change marker last moved
# (kanboard_site/database_changes.py): {project_id: versions}, valid for that marker.
_read_since = threading.local()


def versions_of(project_id: int) -> tuple[int | None, int | None]:
    """(the project's version, the global version), in one statement; None for a scope
    no write has touched yet.

    On SQLite, outside a transaction, versions read earlier are answered again without a
    statement while nothing at all has been written to the database since: no version
    can have moved. The marker is read before the versions, so a write between the two
    leaves a marker that no later call will match."""
    marker = change_marker()
    if marker is not None:
        if getattr(_read_since, "marker", None) != marker:
            _read_since.marker, _read_since.versions = marker, {}
        known = _read_since.versions.get(project_id)
        if known is not None:
            return known
    with connection.cursor() as cursor:
        cursor.execute(_BOTH, [project_id, GLOBAL_SCOPE])
        found = dict(cursor.fetchall())
    versions = found.get(project_id), found.get(GLOBAL_SCOPE)
    if marker is not None:
        _read_since.versions[project_id] = versions
    return versions
