"""One import of a Kanboard database, in one transaction: all of it or nothing."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from django.db import models, transaction

from kanboard_import.blobs import BlobCopy, copy_blobs
from kanboard_import.errors import ImportRefused
from kanboard_import.source import KanboardSource
from kanboard_import.tables import IMPORTED, NOT_REPRESENTED, TableMap
from kanboard_import.verify import verify_row_counts
from kanboard_import.writer import (
    TableWriter,
    check_target_is_fresh,
    move_sequences,
    remove_seed_rows,
)
from projects.models import ProjectFile
from tasks.models import TaskFile


class Progress(Protocol):
    def start(self, table: str, total: int) -> None: ...
    def advance(self, rows: int) -> None: ...
    def finish(self, table: str, written: int) -> None: ...


class NoProgress:
    def start(self, table: str, total: int) -> None:
        pass

    def advance(self, rows: int) -> None:
        pass

    def finish(self, table: str, written: int) -> None:
        pass


@dataclass
class ImportReport:
    source: Path
    schema_version: int
    dry_run: bool
    tables: dict[str, int] = field(default_factory=dict)
    # (what, rows, why) for source data this server has no place for
    not_kept: list[tuple[str, int, str]] = field(default_factory=list)
    # {"table.column": rows} where a NULL became the column's default
    defaulted: dict[str, int] = field(default_factory=dict)
    files_copied: int = 0
    thumbnails_copied: int = 0
    files_missing: list[str] = field(default_factory=list)
    files_not_copied: int = 0  # file rows imported without --files
    seconds: float = 0.0


def import_kanboard(
    source_path: str | Path,
    files_dir: str | Path | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import the Kanboard database at ``source_path`` (and its ``data/files`` folder)
    into this server's freshly migrated database. ``dry_run`` does all of it, then
    rolls back and copies no file."""
    started = time.monotonic()
    progress = progress or NoProgress()
    files_dir = Path(files_dir) if files_dir is not None else None
    if files_dir is not None and not files_dir.is_dir():
        raise ImportRefused(f"{files_dir}: no such folder")
    source = KanboardSource(source_path)
    try:
        source.check_schema_version()
        report = ImportReport(Path(source_path), source.schema_version(), dry_run)
        copy = None
        try:
            with transaction.atomic():
                import_rows(source, report, progress, dry_run)
                # The files are copied last, once every row is in; they are removed
                # again if the transaction does not commit.
                copy = import_blobs(report, files_dir, dry_run)
                if dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            if copy is not None:
                copy.undo()
            raise
    finally:
        source.close()
    report.seconds = time.monotonic() - started
    return report


def import_rows(
    source: KanboardSource, report: ImportReport, progress: Progress, dry_run: bool
) -> None:
    check_target_is_fresh()
    for table in IMPORTED:
        if not source.has_table(table.table):
            raise ImportRefused(f"{source.path}: table {table.table} is missing")
    options = {option for (option,) in source.rows("settings", ["option"], None)}
    remove_seed_rows(options)
    handed_out = source.highest_ids_handed_out()
    known_ids: dict[str, set] = {}
    next_after: dict[type[models.Model], int] = {}
    in_source: dict[str, int] = {}
    for table in IMPORTED:
        columns = [column.name for column in source.columns(table.table)]
        writer = TableWriter(table, columns, known_ids)
        in_source[table.table] = source.count(table.table)
        progress.start(table.table, in_source[table.table])
        order_by = table.source_column(table.model._meta.pk.column) if writer.keeps_ids else None
        written = writer.write(source.rows(table.table, columns, order_by), progress.advance)
        progress.finish(table.table, written)
        report.tables[table.table] = written
        for column, rows in writer.defaulted.items():
            report.defaulted[f"{table.table}.{column}"] = rows
        report.not_kept += columns_not_kept(source, table, writer)
        if writer.keeps_ids and isinstance(table.model._meta.pk, models.AutoField):
            next_after[table.model] = max(writer.highest_id, handed_out.get(table.table, 0))
    report.not_kept += tables_not_kept(source)
    verify_row_counts(in_source, IMPORTED, options)
    if not dry_run:
        move_sequences(next_after)


def columns_not_kept(
    source: KanboardSource, table: TableMap, writer: TableWriter
) -> list[tuple[str, int, str]]:
    """Source columns without a place here (legacy ones such as
    ``project_has_users.is_owner``) that hold something other than their default."""
    kept = {
        writer.source_columns[plan.source_index]
        for plan in writer.plan
        if plan.source_index is not None
    }
    not_kept = []
    for column in source.columns(table.table):
        if column.name not in kept:
            rows = source.count_not_default(table.table, column)
            if rows:
                not_kept.append(
                    (
                        f"{table.table}.{column.name}",
                        rows,
                        "legacy column, unused by Kanboard 1.2.53",
                    )
                )
    return not_kept


def tables_not_kept(source: KanboardSource) -> list[tuple[str, int, str]]:
    return [
        (table, rows, reason)
        for table, reason in NOT_REPRESENTED.items()
        if source.has_table(table) and (rows := source.count(table))
    ]


def import_blobs(report: ImportReport, files_dir: Path | None, dry_run: bool) -> BlobCopy | None:
    task_files = TaskFile.objects.exclude(path=None).exclude(path="")
    project_files = ProjectFile.objects.exclude(path="")
    paths = list(
        dict.fromkeys(
            [
                *task_files.values_list("path", flat=True),
                *project_files.values_list("path", flat=True),
            ]
        )
    )
    if files_dir is None:
        report.files_not_copied = len(paths)
        return None
    copy = copy_blobs(paths, files_dir, dry_run)
    report.files_copied = len(paths) - len(copy.missing)
    report.thumbnails_copied = copy.thumbnails
    report.files_missing = copy.missing
    return copy
