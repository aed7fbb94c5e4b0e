from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.config import get_config


class Command(BaseCommand):
    help = "Print the application API token: the password of the API user 'jsonrpc'."

    def handle(self, *args, **options):
        if settings.API_AUTHENTICATION_TOKEN:
            self.stdout.write("The application token is set by API_AUTHENTICATION_TOKEN.")
            return
        token = get_config("api_token")
        if not token:
            raise CommandError("No application token is stored: run 'manage.py migrate' first.")
        self.stdout.write(f"Application API credentials: user 'jsonrpc', token {token}")
