from django.core.management.base import BaseCommand

from accounts.lockout import is_locked
from accounts.management.commands._users import user_named
from accounts.users import unlock_user


class Command(BaseCommand):
    help = "Unlock a user locked out after failed logins, and reset its failure counter."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = user_named(username)
        was_locked = is_locked(user)
        unlock_user(user)
        state = "was locked" if was_locked else "was not locked"
        self.stdout.write(f"User {username!r} {state}; it can log in now.")
