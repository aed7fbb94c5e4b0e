from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from accounts import tokens
from accounts.management.commands._users import user_named
from accounts.users import revoke_api_token

DEFAULT_NAME = "manage.py api_token"


class Command(BaseCommand):
    help = (
        "Create a named personal access token for a user and print it once (a live token "
        "of the same name is revoked: running it again rotates the token), or revoke all "
        "of the user's tokens, Kanboard's single legacy token included, with --revoke."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default=DEFAULT_NAME, help="the token's name")
        parser.add_argument(
            "--read-only", action="store_true", help="only procedures that change nothing"
        )
        parser.add_argument(
            "--expires-in-days", type=int, default=None, help="expiry (default: never)"
        )
        parser.add_argument("--revoke", action="store_true", help="revoke the user's tokens")

    def handle(self, *args, username, name, read_only, expires_in_days, revoke, **options):
        user = user_named(username)
        if revoke:
            removed = tokens.revoke_all_tokens(user) + revoke_api_token(user)
            outcome = f"{removed} revoked" if removed else "none to revoke"
            self.stdout.write(f"Personal API tokens of {username!r}: {outcome}.")
            return
        expires = None
        if expires_in_days is not None:
            expires = timezone.now() + timedelta(days=expires_in_days)
        try:
            with transaction.atomic():
                rotated = tokens.revoke_tokens_named(user, name)
                _, secret = tokens.create_token(user, name, read_only=read_only, expires=expires)
        except ValidationError as invalid:
            raise CommandError(f"{invalid.messages[0]}; nothing changed.") from None
        self.stdout.write(secret)
        replaced = "; the previous one of that name is revoked" if rotated else ""
        self.stderr.write(f"New personal API token {name!r} of {username!r}{replaced}.")
