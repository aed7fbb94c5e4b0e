"""Users, groups and group members."""

from __future__ import annotations

from django.conf import settings

from accounts.models import Group, User
from rpc.formatters import flag

SECRET_FIELDS = ("password", "twofactor_secret", "api_access_token")


def _row(account: User) -> dict:
    return {
        "id": account.pk,
        "username": account.username,
        "password": account.password,
        "is_admin": account.is_admin,
        "is_ldap_user": flag(account.is_ldap_user),
        "name": account.name,
        "email": account.email,
        "google_id": account.google_id,
        "github_id": account.github_id,
        "notifications_enabled": flag(account.notifications_enabled),
        "timezone": account.timezone,
        "language": account.language,
        "disable_login_form": flag(account.disable_login_form),
        "twofactor_activated": flag(account.twofactor_activated),
        "twofactor_secret": account.twofactor_secret,
        "token": account.token,
        "notifications_filter": account.notifications_filter,
        "nb_failed_login": account.nb_failed_login,
        "lock_expiration_date": account.lock_expiration_date,
        "is_project_admin": account.is_project_admin,
        "gitlab_id": account.gitlab_id,
        "role": account.role,
        "is_active": flag(account.is_active),
        "avatar_path": account.avatar_path,
        "api_access_token": account.api_access_token,
        "filter": account.filter,
        "theme": account.theme,
    }


def user(account: User) -> dict:
    """The full ``users`` row, as getUser, getUserByName and getAllUsers answer it
    (secrets included, as Kanboard does, unless API_REDACT_USER_SECRETS is set)."""
    row = _row(account)
    if settings.API_REDACT_USER_SECRETS:
        row.update(dict.fromkeys(SECRET_FIELDS))
    return row


ME_HIDDEN = ("password", "is_admin", "is_project_admin")


def me(account: User) -> dict:
    """getMe: the caller's own row without its password hash, legacy flags and a set
    2FA secret; ``is_ldap_user`` and ``twofactor_activated`` are booleans there."""
    row = {key: value for key, value in _row(account).items() if key not in ME_HIDDEN}
    if account.twofactor_secret is not None:
        del row["twofactor_secret"]
    row["is_ldap_user"] = bool(account.is_ldap_user)
    row["twofactor_activated"] = bool(account.twofactor_activated)
    return row


def group(item: Group) -> dict:
    return {"id": item.pk, "external_id": item.external_id, "name": item.name}


def group_with_member_count(item: Group) -> dict:
    """getAllGroups rows; ``item.nb_users`` is annotated by the query."""
    return {
        "id": item.pk,
        "name": item.name,
        "external_id": item.external_id,
        "nb_users": item.nb_users,
    }


def group_member(group_id: int, account: User) -> dict:
    return {"group_id": group_id, "user_id": account.pk, **user(account)}
