from django.core.management.base import BaseCommand, CommandError

from operations.doctor import FAIL, WARN, diagnose


class Command(BaseCommand):
    help = (
        "Check that this server can serve (database, migrations, file storage) and that its "
        "settings are sane (DEBUG, SECRET_KEY, ALLOWED_HOSTS, TLS proxy, metrics, mail), "
        "one line each. Exits non-zero when a check fails."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--fail-on-warning", action="store_true", help="Warnings fail too (exit non-zero)."
        )

    def handle(self, *args, fail_on_warning, **options):
        failing_statuses = {FAIL, WARN} if fail_on_warning else {FAIL}
        lines = diagnose()
        for line in lines:
            self.stdout.write(f"{line.status:<4}  {line.name:<13} {line.detail}")
        failed = sorted({line.name for line in lines if line.status in failing_statuses})
        if failed:
            raise CommandError(f"{len(failed)} failing: {', '.join(failed)}")
