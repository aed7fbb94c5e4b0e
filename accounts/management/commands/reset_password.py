import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.management.commands._users import user_named
from accounts.users import set_password


class Command(BaseCommand):
    help = (
        "Set a new password for a user. Prompts twice on a terminal; otherwise reads "
        "the password from the first line of standard input."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = user_named(username)
        if sys.stdin.isatty():
            password = getpass.getpass("New password: ")
            if password != getpass.getpass("New password (again): "):
                raise CommandError("The passwords do not match; nothing changed.")
        else:
            password = sys.stdin.readline().rstrip("\n")
        try:
            set_password(user, password)
        except ValidationError as invalid:
            raise CommandError(f"{invalid.messages[0]}; nothing changed.") from None
        self.stdout.write(f"Password of {username!r} changed.")
