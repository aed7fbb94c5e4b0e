"""Logging into the admin, and users and the application token changed there: the same
credential rules, lockout and domain functions as the API and the commands."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts import lockout
from accounts.config import get_config
from accounts.models import LastLogin, User
from projects.models import Project
from tests.factories import PASSWORD, ProjectFactory, UserFactory

# The admin signs in through the account area.
LOGIN = "/account/sign-in/?next=/admin/"


def log_in(username: str, password: str) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.post(LOGIN, {"username": username, "password": password})
    return client


def is_logged_into_admin(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


@pytest.fixture
def operator(world) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(world.users["admin"])
    return client


def test_an_app_admin_logs_in_and_the_login_is_recorded(seeded):
    boss = UserFactory(username="boss", role="app-admin", nb_failed_login=2)

    client = log_in("boss", PASSWORD)

    assert is_logged_into_admin(client)
    boss.refresh_from_db()
    assert boss.nb_failed_login == 0
    assert LastLogin.objects.get(user=boss).auth_type == "Database"


@pytest.mark.parametrize("role", ["app-manager", "app-user"])
def test_other_roles_are_refused_with_the_right_password(seeded, role):
    UserFactory(username="someone", role=role)

    assert not is_logged_into_admin(log_in("someone", PASSWORD))


def test_a_disabled_admin_cannot_log_in(seeded):
    UserFactory(username="gone", role="app-admin", is_active=False)

    assert not is_logged_into_admin(log_in("gone", PASSWORD))


def test_a_locked_admin_cannot_log_in_even_with_the_right_password(seeded):
    UserFactory(username="boss", role="app-admin", lock_expiration_date=lockout.now() + 600)

    assert not is_logged_into_admin(log_in("boss", PASSWORD))


def test_failed_admin_logins_lock_the_account_for_the_api_too(seeded, rpc, settings):
    settings.BRUTEFORCE_LOCKDOWN = 2
    boss = UserFactory(username="boss", role="app-admin")

    for _ in range(3):
        log_in("boss", "wrong password")

    boss.refresh_from_db()
    assert lockout.is_locked(boss)
    from tests.conftest import Credentials

    assert rpc.status("getMe", as_=Credentials("boss", PASSWORD)) == 401


def test_a_personal_api_token_does_not_open_the_admin(seeded):
    UserFactory(username="boss", role="app-admin", api_access_token="t" * 60)

    assert not is_logged_into_admin(log_in("boss", "t" * 60))


def test_a_session_ends_when_the_account_is_disabled(seeded):
    boss = UserFactory(username="boss", role="app-admin")
    client = log_in("boss", PASSWORD)

    User.objects.filter(pk=boss.pk).update(is_active=False)

    assert not is_logged_into_admin(client)


def user_fields(user: User, **changes) -> dict:
    fields = {
        "username": user.username, "name": user.name or "", "email": user.email or "",
        "role": user.role, "is_active": "on" if user.is_active else "", "new_password": "",
        "notifications_filter": user.notifications_filter,
    }  # fmt: skip
    return {key: value for key, value in {**fields, **changes}.items() if value != ""}


def test_changing_a_user_in_the_admin_follows_update_user(operator):
    user = UserFactory(username="carol")
    url = reverse("admin:accounts_user_change", args=[user.pk])

    response = operator.post(url, user_fields(user, role="app-manager", email="not an address"))
    assert response.status_code == 200
    assert b"Enter a valid email address" in response.content

    response = operator.post(url, user_fields(user, role="app-manager", new_password="secret9"))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.role == "app-manager" and user.check_password("secret9")
    assert user.password.startswith("$2y$")


def test_a_taken_username_is_refused_by_the_domain_rule(operator):
    UserFactory(username="taken")
    user = UserFactory(username="carol")

    url = reverse("admin:accounts_user_change", args=[user.pk])
    response = operator.post(url, user_fields(user, username="taken"))

    assert b"This username is already taken" in response.content
    assert User.objects.get(pk=user.pk).username == "carol"


def test_disabling_a_user_in_the_admin_disables_its_private_projects(operator):
    user = UserFactory(username="carol")
    private = ProjectFactory(is_private=True, owner_id=user.pk)

    url = reverse("admin:accounts_user_change", args=[user.pk])
    assert operator.post(url, user_fields(user, is_active="")).status_code == 302

    assert not User.objects.get(pk=user.pk).is_active
    assert not Project.objects.get(pk=private.pk).is_active


def test_locked_users_filter_and_last_login_column(operator):
    locked = UserFactory(username="locked", lock_expiration_date=lockout.now() + 600)
    UserFactory(username="fine")

    response = operator.get(reverse("admin:accounts_user_changelist") + "?lockout=locked")

    assert list(response.context["cl"].result_list) == [locked]
    assert b"last login" in response.content.lower()


@pytest.mark.parametrize("lookup", ["api_access_token", "twofactor_secret__isnull", "token"])
def test_secrets_are_not_filterable(operator, lookup):
    response = operator.get(reverse("admin:accounts_user_changelist") + f"?{lookup}=x")

    assert response.status_code == 400


def test_rotating_the_token_in_the_admin_shows_the_new_one_once(operator, rpc):
    old = get_config("api_token")
    url = reverse("admin:accounts_setting_rotate_api_token")

    confirmation = operator.get(url)
    assert confirmation.status_code == 200 and old.encode() not in confirmation.content
    rotated = operator.post(url)

    new = get_config("api_token")
    assert new != old and new.encode() in rotated.content
    assert "no-store" in rotated.headers["Cache-Control"]
    assert new.encode() not in operator.get(url).content


def test_the_token_is_not_rotated_while_the_environment_sets_it(operator, settings):
    settings.API_AUTHENTICATION_TOKEN = "x" * 40
    old = get_config("api_token")

    response = operator.post(reverse("admin:accounts_setting_rotate_api_token"))

    assert b"API_AUTHENTICATION_TOKEN is set in the environment" in response.content
    assert get_config("api_token") == old


def test_the_dashboard_shows_what_needs_attention(operator, world):
    UserFactory(username="locked", lock_expiration_date=lockout.now() + 600)

    page = operator.get("/admin/").content.decode()

    assert 'href="/admin/accounts/user/?lockout=locked">Locked users</a></th>\n      <td>1<' in page
    assert "/admin/accounts/setting/rotate-api-token/" in page


def test_changing_ones_own_password_goes_to_the_user_page(operator, world):
    response = operator.get("/admin/password_change/")

    assert response.status_code == 302
    assert response["Location"] == f"/admin/accounts/user/{world.users['admin'].pk}/change/"


def test_groups_and_members_through_the_domain(operator, world):
    from accounts.models import Group, GroupMember

    response = operator.post("/admin/accounts/group/add/", {
        "name": "Ops", "external_id": "",
        "memberships-TOTAL_FORMS": 1, "memberships-INITIAL_FORMS": 0,
        "memberships-0-user": world.users["member"].pk,
    })  # fmt: skip
    assert response.status_code == 302, response.content
    group = Group.objects.get(name="Ops")
    assert list(GroupMember.objects.filter(group=group).values_list("user_id", flat=True)) == [
        world.users["member"].pk
    ]

    taken = operator.post("/admin/accounts/group/add/", {
        "name": "Ops", "memberships-TOTAL_FORMS": 0, "memberships-INITIAL_FORMS": 0,
    })  # fmt: skip
    assert b"already" in taken.content and Group.objects.filter(name="Ops").count() == 1


def test_a_setting_changed_in_the_admin_records_who_changed_it(operator, world):
    from accounts.models import Setting

    response = operator.post("/admin/accounts/setting/default_color/change/",
                             {"option": "default_color", "value": "blue"})  # fmt: skip

    assert response.status_code == 302
    setting = Setting.objects.get(option="default_color")
    assert (setting.value, setting.changed_by) == ("blue", world.users["admin"].pk)
