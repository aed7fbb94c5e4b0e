"""``manage.py import_kanboard SOURCE [--files DIR] [--dry-run]``: move from Kanboard."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from kanboard_import.errors import ImportRefused
from kanboard_import.importer import ImportReport, import_kanboard

BAR_WIDTH = 30


class TableProgress:
    """A bar per table on a terminal; one line per table otherwise (logs, pipes)."""

    def __init__(self, out, on_terminal: bool) -> None:
        self.out = out
        self.on_terminal = on_terminal
        self.table = ""
        self.total = 0
        self.done = 0

    def start(self, table: str, total: int) -> None:
        self.table, self.total, self.done = table, total, 0
        self.draw()

    def advance(self, rows: int) -> None:
        self.done += rows
        self.draw()

    def draw(self) -> None:
        if not self.on_terminal:
            return
        filled = BAR_WIDTH * self.done // self.total if self.total else BAR_WIDTH
        bar = "#" * filled + "." * (BAR_WIDTH - filled)
        self.out.write(f"\r  {self.table:<30} [{bar}] {self.done}/{self.total}", ending="")
        self.out.flush()

    def finish(self, table: str, written: int) -> None:
        if self.on_terminal:
            self.out.write("\r\033[K", ending="")
        self.out.write(f"  {table:<30} {written:>8} rows")


class Command(BaseCommand):
    help = (
        "Import a Kanboard 1.2.53 SQLite database (and its data/files folder) into this "
        "server's freshly migrated database, keeping every id, password, token and setting."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("source", help="Kanboard's SQLite database (data/db.sqlite)")
        parser.add_argument("--files", metavar="DIR", help="Kanboard's data/files folder")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="read and validate everything, print what would be imported, change nothing",
        )

    def handle(self, *args, source: str, files: str | None, dry_run: bool, **options) -> None:
        on_terminal = sys.stdout.isatty() and self.stdout._out is sys.stdout
        progress = TableProgress(self.stdout, on_terminal)
        verb = "Checking" if dry_run else "Importing"
        self.stdout.write(f"{verb} {source}")
        try:
            report = import_kanboard(source, files, dry_run=dry_run, progress=progress)
        except ImportRefused as exc:
            raise CommandError(f"nothing imported: {exc}") from exc
        self.summarize(report)

    def summarize(self, report: ImportReport) -> None:
        write = self.stdout.write
        rows = sum(report.tables.values())
        would = "would be imported" if report.dry_run else "imported"
        write(f"Kanboard schema version {report.schema_version}: {rows} rows {would}")
        if report.files_copied or report.files_missing:
            copied = "to copy" if report.dry_run else "copied"
            write(f"Files {copied}: {report.files_copied} (thumbnails: {report.thumbnails_copied})")
        for path in report.files_missing:
            write(self.style.WARNING(f"Missing from the files folder: {path}"))
        if report.files_not_copied:
            write(
                self.style.WARNING(
                    f"{report.files_not_copied} files not copied: give Kanboard's data/files "
                    "folder with --files"
                )
            )
        for column, count in report.defaulted.items():
            write(
                self.style.WARNING(
                    f"{column}: {count} empty values (NULL, or "
                    " for a number) stored as the default or NULL"
                )
            )
        for what, count, why in report.not_kept:
            write(self.style.WARNING(f"Not kept: {what}, {count} rows ({why})"))
        if report.dry_run:
            write("Dry run: nothing was written.")
        write(f"Done in {report.seconds:.1f} s")
