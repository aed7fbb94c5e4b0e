from django.core.management.base import BaseCommand

from accounts.management.commands._users import user_named
from accounts.users import issue_api_token, revoke_api_token


class Command(BaseCommand):
    help = (
        "Create a user's personal API access token and print it once (it replaces any "
        "previous one), or remove it with --revoke."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--revoke", action="store_true", help="remove the user's token instead")

    def handle(self, *args, username, revoke, **options):
        user = user_named(username)
        if revoke:
            removed = revoke_api_token(user)
            outcome = "removed" if removed else "had none; nothing removed"
            self.stdout.write(f"Personal API token of {username!r} {outcome}.")
            return
        self.stdout.write(issue_api_token(user))
        self.stderr.write(f"New personal API token of {username!r}; any previous one is revoked.")
