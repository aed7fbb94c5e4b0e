from django.core.management.base import BaseCommand

from accounts.management.commands._users import user_named
from accounts.users import reset_two_factor


class Command(BaseCommand):
    help = "Turn off two-factor authentication for a user (its password works again)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = user_named(username)
        reset_two_factor(user)
        self.stdout.write(f"Two-factor authentication of {username!r} turned off.")
