from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.config import rotate_application_token


class Command(BaseCommand):
    help = (
        "Replace the application API token (user 'jsonrpc') with a new random one and "
        "print it once. The old token stops working at once."
    )

    def handle(self, *args, **options):
        if settings.API_AUTHENTICATION_TOKEN:
            raise CommandError(
                "API_AUTHENTICATION_TOKEN is set in the environment and overrides the stored "
                "token; change that variable instead."
            )
        token = rotate_application_token()
        self.stdout.write(token)
        self.stderr.write("Application token rotated; the old one no longer works.")
