"""Whether this server can serve: the checks of ``/readyz`` and ``manage.py doctor``.

Each check answers a ``CheckResult`` and never raises. They are cheap enough to be polled
every few seconds: the migration check, which loads the migration graph, is done once
per process after it has passed (migrations are applied before a server starts).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

logger = logging.getLogger(__name__)

PROBE_PREFIX = ".readyz-probe-"
SHOWN_MIGRATIONS = 3


@dataclass(frozen=True)
class CheckResult:
    name: str
    ok: bool
    detail: str


_migrations_applied = False


def check_database() -> CheckResult:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:
        logger.warning("readiness: database unreachable: %s", error)
        return CheckResult("database", False, f"unreachable: {error}")
    return CheckResult("database", True, f"reachable ({connection.vendor})")


def check_migrations() -> CheckResult:
    global _migrations_applied
    if _migrations_applied:
        return CheckResult("migrations", True, "all applied")
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as error:
        logger.warning("readiness: migrations cannot be read: %s", error)
        return CheckResult("migrations", False, f"cannot be read: {error}")
    if plan:
        names = [f"{migration.app_label}.{migration.name}" for migration, _ in plan]
        shown = ", ".join(names[:SHOWN_MIGRATIONS]) + (
            ", ..." if len(names) > SHOWN_MIGRATIONS else ""
        )
        return CheckResult("migrations", False, f"{len(plan)} unapplied ({shown}): run migrate")
    _migrations_applied = True
    return CheckResult("migrations", True, "all applied")


def forget_migration_check() -> None:
    """Check the migrations again next time (after a test changed them)."""
    global _migrations_applied
    _migrations_applied = False


def check_file_storage() -> CheckResult:
    """A probe file written and removed through ``STORAGES["files"]``, where uploads go."""
    probe = f"{PROBE_PREFIX}{uuid.uuid4().hex}"
    try:
        storage = storages["files"]
        saved = storage.save(probe, ContentFile(b"ok"))
        storage.delete(saved)
    except Exception as error:
        logger.warning("readiness: file storage not writable: %s", error)
        return CheckResult("file_storage", False, f"not writable: {error}")
    return CheckResult(
        "file_storage", True, f"writable: storage 'files' ({type(storage).__name__})"
    )


READINESS_CHECKS = (check_database, check_migrations, check_file_storage)


def readiness() -> list[CheckResult]:
    return [check() for check in READINESS_CHECKS]
