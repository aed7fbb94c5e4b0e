"""UserProcedure: user accounts (app-admin)."""

from __future__ import annotations

from accounts import users
from accounts.lookups import user_named, user_with_id
from accounts.models import User
from accounts.roles import APP_USER
from kanboard_site.collation import bytewise
from kanboard_site.inputs import to_id
from rpc.errors import ProcedureFailure
from rpc.formatters.users import user as user_row
from rpc.registry import procedure


@procedure("getUser")
def get_user(user_id):
    account = user_with_id(to_id(user_id))
    return user_row(account) if account else None


@procedure("getUserByName")
def get_user_by_name(username):
    if not isinstance(username, str):
        return None
    account = user_named(username)
    return user_row(account) if account else None


@procedure("getAllUsers")
def get_all_users() -> list:
    return [user_row(account) for account in User.objects.order_by(bytewise("username"))]


@procedure("createUser", invalid=False)
def create_user(username, password, name="", email="", role=APP_USER) -> int:
    return users.create_user(username, password, name, email, role).pk


@procedure("createLdapUser")
def create_ldap_user(username):
    # Kanboard's answer when no LDAP server is configured; this server has none.
    raise ProcedureFailure("LDAP server not configured, check the parameter LDAP_SERVER")


@procedure("updateUser", invalid=False)
def update_user(id, username=None, name=None, email=None, role=None) -> bool:
    return users.update_user(to_id(id), username, name, email, role)


@procedure("removeUser")
def remove_user(user_id) -> bool:
    return users.remove_user(to_id(user_id))


@procedure("disableUser")
def disable_user(user_id) -> bool:
    users.disable_user(to_id(user_id))
    return True


@procedure("enableUser")
def enable_user(user_id) -> bool:
    users.enable_user(to_id(user_id))
    return True


@procedure("isActiveUser")
def is_active_user(user_id) -> bool:
    return User.objects.filter(pk=to_id(user_id), is_active=True).exists()
