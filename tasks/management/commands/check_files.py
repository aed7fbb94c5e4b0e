from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from tasks import file_check


class Command(BaseCommand):
    help = (
        "Compare the file storage with the task and project file rows: report rows whose "
        "blob is missing and blobs no row uses; with --delete-orphans, delete those blobs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete-orphans", action="store_true", help="delete the blobs no row uses"
        )
        parser.add_argument(
            "--min-age",
            type=int,
            default=60,
            help="minutes an orphan must be old to be deleted, so that uploads in progress "
            "are left alone (default 60)",
        )

    def handle(self, *args, delete_orphans: bool, min_age: int, **options):
        found = file_check.check_files()
        for kind, row_id, path in found.missing:
            self.stdout.write(f"missing blob: {kind} #{row_id} ({path!r})")
        deleted = set()
        if delete_orphans:
            deleted = set(file_check.delete_orphans(found.orphans, timedelta(minutes=min_age)))
        for key in found.orphans:
            self.stdout.write(f"{'deleted' if key in deleted else 'orphan'} blob: {key}")
        remaining = len(found.orphans) - len(deleted)
        self.stdout.write(
            f"{len(found.missing)} row(s) without blob, {len(found.orphans)} orphan blob(s)"
            f", {len(deleted)} deleted."
        )
        if found.missing or remaining:
            raise CommandError("the file storage and the database disagree", returncode=1)
