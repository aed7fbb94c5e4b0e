from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Copy the SQLite database to DEST while the server runs (SQLite's online backup: a "
        "consistent copy, writers are not stopped). DEST is a new file, or a directory that "
        "receives kanboard-YYYYMMDD-HHMMSS.sqlite3. On PostgreSQL use pg_dump instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("destination", metavar="DEST")

    def handle(self, *args, destination, **options):
        if connection.vendor != "sqlite":
            raise CommandError(
                f"The database is {connection.vendor}: back it up with its own tools "
                "(PostgreSQL: pg_dump --format=custom, see the README)."
            )
        target = Path(destination)
        if target.is_dir():
            stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
            target = target / f"kanboard-{stamp}.sqlite3"
        if target.exists():
            raise CommandError(f"{target} exists; choose a new file name.")
        partial = target.with_name(f".{target.name}.partial")
        connection.ensure_connection()
        try:
            copy = sqlite3.connect(partial)
            try:
                connection.connection.backup(copy)
                # A single self-contained file, whatever the server's journal mode.
                copy.execute("PRAGMA journal_mode=DELETE")
            finally:
                copy.close()
            os.replace(partial, target)
        except (OSError, sqlite3.Error) as error:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Backup to {target} failed: {error}") from error
        self.stdout.write(f"Database copied to {target}")
