"""UserProcedure: user accounts, for app-admins and the application credential."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from accounts.models import User
from projects.models import Project, ProjectFile
from tasks.models import Comment, Subtask, Task
from tests.conftest import Credentials, RpcClient
from tests.factories import (
    CommentFactory,
    MembershipFactory,
    ProjectFactory,
    SubtaskFactory,
    TaskFactory,
    UserFactory,
)

USER_KEYS = [
    "id", "username", "password", "is_admin", "is_ldap_user", "name", "email", "google_id",
    "github_id", "notifications_enabled", "timezone", "language", "disable_login_form",
    "twofactor_activated", "twofactor_secret", "token", "notifications_filter",
    "nb_failed_login", "lock_expiration_date", "is_project_admin", "gitlab_id", "role",
    "is_active", "avatar_path", "api_access_token", "filter", "theme",
]  # fmt: skip
ADMIN_PROCEDURES = [
    "getUser", "getUserByName", "getAllUsers", "createUser", "createLdapUser", "updateUser",
    "removeUser", "enableUser", "disableUser", "isActiveUser",
]  # fmt: skip


@pytest.mark.parametrize("persona", ["manager", "member", "outsider"])
@pytest.mark.parametrize("procedure", ADMIN_PROCEDURES)
def test_only_admins_manage_users_even_with_missing_params(rpc, world, procedure, persona):
    users_before = User.objects.count()

    assert rpc.status(procedure, {}, as_=world[persona]) == 403
    assert User.objects.count() == users_before


def test_admin_and_application_may_read_users(rpc, world):
    user_id = world.users["member"].pk

    assert rpc.call("getUser", [user_id], as_=world["admin"])["username"] == "usr"
    assert rpc.call("getUser", [user_id])["username"] == "usr"


def test_create_user_returns_its_id_and_stores_kanboards_row(rpc):
    user_id = rpc.call("createUser", {"username": "  alice ", "password": "secret1"})

    row = rpc.call("getUser", {"user_id": user_id})
    assert isinstance(user_id, int)
    assert list(row) == USER_KEYS
    assert row == {
        "id": user_id, "username": "alice", "password": row["password"], "is_admin": 0,
        "is_ldap_user": 0, "name": "", "email": "", "google_id": None, "github_id": None,
        "notifications_enabled": 0, "timezone": None, "language": None,
        "disable_login_form": 0, "twofactor_activated": 0, "twofactor_secret": None,
        "token": "", "notifications_filter": 4, "nb_failed_login": 0,
        "lock_expiration_date": 0, "is_project_admin": 0, "gitlab_id": None,
        "role": "app-user", "is_active": 1, "avatar_path": None, "api_access_token": None,
        "filter": None, "theme": "light",
    }  # fmt: skip
    assert row["password"].startswith("$2y$")


def test_new_password_hashes_use_kanboards_format_and_cost(rpc, settings):
    settings.PASSWORD_BCRYPT_ROUNDS = 10

    user_id = rpc.call("createUser", ["bcrypt", "secret1"])

    assert User.objects.get(pk=user_id).password.startswith("$2y$10$")
    assert rpc.status("getVersion", as_=Credentials("bcrypt", "secret1")) == 200


def test_create_user_with_all_fields(rpc):
    user_id = rpc.call("createUser", ["bob", "secret1", "Bob B.", "bob@example.com", "app-manager"])

    user = User.objects.get(pk=user_id)
    assert (user.name, user.email, user.role) == ("Bob B.", "bob@example.com", "app-manager")


def test_create_user_accepts_an_empty_role_as_kanboard_does(rpc):
    user_id = rpc.call("createUser", ["norole", "secret1", "", "", ""])

    assert User.objects.get(pk=user_id).role == ""


@pytest.mark.parametrize(
    "params",
    [
        {"username": "", "password": "secret1"},
        {"username": "   ", "password": "secret1"},
        {"username": "x" * 192, "password": "secret1"},
        {"username": "admin", "password": "secret1"},
        {"username": " admin ", "password": "secret1"},
        {"username": "short", "password": "12345"},
        {"username": "mail", "password": "secret1", "email": "not-an-email"},
        {"username": "role", "password": "secret1", "role": "root"},
        {"username": "role", "password": "secret1", "role": "project-manager"},
        {"username": ["array"], "password": "secret1"},
        {"username": None, "password": "secret1"},
        {"username": "nul", "password": "abc\u0000def"},
    ],
    ids=["empty", "blank", "too-long", "taken", "taken-after-trim", "short-password",
         "bad-email", "unknown-role", "project-role", "array", "null", "nul-password"],
)  # fmt: skip
def test_create_user_refuses_invalid_input_with_false_and_writes_nothing(rpc, params):
    users_before = User.objects.count()

    assert rpc.call("createUser", params) is False
    assert User.objects.count() == users_before


def test_create_user_with_username_of_191_characters(rpc):
    assert isinstance(rpc.call("createUser", ["x" * 191, "secret1"]), int)


def test_a_user_named_jsonrpc_can_be_created_but_never_logs_in(rpc):
    assert isinstance(rpc.call("createUser", ["jsonrpc", "secret1"]), int)

    assert rpc.status("getVersion", as_=Credentials("jsonrpc", "secret1")) == 401


def test_create_user_without_password_is_invalid_params(rpc):
    assert rpc.error("createUser", {"username": "x"})["data"] == "Wrong number of arguments"
    assert rpc.error("createUser", {"username": "x", "name": "X"}) == {
        "code": -32602,
        "message": "Invalid params",
        "data": "Missing argument: password",
    }


@pytest.mark.django_db(transaction=True)
def test_concurrent_creations_of_one_username_create_one_user(seeded):
    from accounts.config import get_config

    app = Credentials("jsonrpc", get_config("api_token"))
    results = []
    start = threading.Barrier(4)

    def create():
        client = RpcClient(app)
        start.wait()
        try:
            results.append(client.call("createUser", ["same", "secret1"]))
        finally:
            connection.close()

    threads = [threading.Thread(target=create) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert results.count(False) == 3
    assert [type(result) for result in results if result is not False] == [int]
    assert User.objects.filter(username="same").count() == 1


def test_create_ldap_user_answers_kanboards_error_without_ldap(rpc):
    assert rpc.error("createLdapUser", ["someone"]) == {
        "code": 0,
        "message": "LDAP server not configured, check the parameter LDAP_SERVER",
    }


def test_get_user_answers_null_for_unknown_or_unusable_ids(rpc, world):
    for user_id in (999_999, 0, -1, True, 1.5, [1], {"a": 1}, "abc", None, 2**63):
        assert rpc.call("getUser", [user_id]) is None


def test_get_user_accepts_a_digit_string(rpc, world):
    assert rpc.call("getUser", [str(world.users["member"].pk)])["username"] == "usr"


def test_get_user_by_name_is_exact_and_case_sensitive(rpc, world):
    assert rpc.call("getUserByName", ["usr"])["id"] == world.users["member"].pk
    assert rpc.call("getUserByName", ["USR"]) is None
    assert rpc.call("getUserByName", [5]) is None


def test_get_all_users_lists_full_rows_by_username_in_byte_order(rpc):
    for username in ("beta", "Alpha", "alpha"):
        UserFactory(username=username)

    users = rpc.call("getAllUsers")

    assert [user["username"] for user in users] == ["Alpha", "admin", "alpha", "beta"]
    assert all(list(user) == USER_KEYS for user in users)


def test_seeded_admin_has_kanboards_null_name_and_email(rpc):
    admin = rpc.call("getUserByName", ["admin"])

    assert (admin["name"], admin["email"], admin["role"]) == (None, None, "app-admin")


def test_user_secrets_can_be_redacted_by_the_operator(rpc, world, settings):
    User.objects.filter(username="usr").update(twofactor_secret="S" * 16, api_access_token="t")
    settings.API_REDACT_USER_SECRETS = True

    row = rpc.call("getUserByName", ["usr"])

    assert (row["password"], row["twofactor_secret"], row["api_access_token"]) == (None,) * 3


def test_update_user_changes_only_the_given_fields(rpc, world):
    user_id = world.users["member"].pk

    assert rpc.call("updateUser", {"id": user_id, "name": "Ursula"}) is True

    user = User.objects.get(pk=user_id)
    assert (user.username, user.name, user.role) == ("usr", "Ursula", "app-user")


def test_update_user_never_changes_the_password(rpc, world):
    member = world.users["member"]
    before = member.password

    assert rpc.call("updateUser", {"id": member.pk, "password": "hacked1"}) is True

    assert User.objects.get(pk=member.pk).password == before


def test_update_user_answers_true_for_an_unknown_id(rpc):
    assert rpc.call("updateUser", {"id": 999_999, "name": "x"}) is True


@pytest.mark.parametrize(
    "changes",
    [
        {"username": "mgr"},
        {"username": "x" * 192},
        {"username": ""},
        {"email": "bad"},
        {"role": "superuser"},
        {"name": ["x"]},
    ],
)
def test_update_user_refuses_invalid_changes_with_false(rpc, world, changes):
    member = world.users["member"]

    assert rpc.call("updateUser", {"id": member.pk, **changes}) is False

    after = User.objects.get(pk=member.pk)
    assert (after.username, after.email, after.role) == ("usr", "", "app-user")


def test_managers_cannot_promote_themselves(rpc, world):
    manager = world.users["manager"]

    assert (
        rpc.status("updateUser", [manager.pk, None, None, None, "app-admin"], as_=world["manager"])
        == 403
    )
    assert User.objects.get(pk=manager.pk).role == "app-manager"


def test_remove_user_unassigns_its_work_and_removes_its_private_projects(
    rpc, world, tmp_path, settings, django_capture_on_commit_callbacks
):
    settings.FILE_STORAGE_DIR = tmp_path
    member = world.users["member"]
    task = TaskFactory(project=world.project, owner_id=member.pk)
    subtask = SubtaskFactory(task=task, user_id=member.pk)
    comment = CommentFactory(task=task, user_id=member.pk)
    private = ProjectFactory(is_private=True)
    MembershipFactory(project=private, user=member, role="project-manager")
    (tmp_path / "projects").mkdir()
    (tmp_path / "projects" / "blob").write_bytes(b"x")
    ProjectFile.objects.create(project=private, name="f.txt", path="projects/blob")
    team = ProjectFactory()
    MembershipFactory(project=team, user=member)

    with django_capture_on_commit_callbacks(execute=True):
        assert rpc.call("removeUser", [member.pk]) is True

    assert not User.objects.filter(pk=member.pk).exists()
    assert Task.objects.get(pk=task.pk).owner_id == 0
    assert Subtask.objects.get(pk=subtask.pk).user_id == 0
    assert Comment.objects.get(pk=comment.pk).user_id == 0
    assert not Project.objects.filter(pk=private.pk).exists()
    assert not (tmp_path / "projects" / "blob").exists()
    assert Project.objects.filter(pk__in=[team.pk, world.project.pk]).count() == 2


def test_remove_user_answers_false_for_an_unknown_id(rpc):
    assert rpc.call("removeUser", [999_999]) is False


def test_disable_user_deactivates_it_and_its_private_projects(rpc, world):
    member = world.users["member"]
    User.objects.filter(pk=member.pk).update(token="public")
    private = ProjectFactory(is_private=True, owner_id=member.pk)
    team = ProjectFactory(owner_id=member.pk)

    assert rpc.call("disableUser", [member.pk]) is True

    member.refresh_from_db()
    assert (member.is_active, member.token) == (False, "")
    assert Project.objects.get(pk=private.pk).is_active is False
    assert Project.objects.get(pk=team.pk).is_active is True
    assert rpc.call("isActiveUser", [member.pk]) is False


def test_enable_user_reactivates_it_but_not_its_projects(rpc, world):
    member = world.users["member"]
    private = ProjectFactory(is_private=True, owner_id=member.pk)
    rpc.call("disableUser", [member.pk])

    assert rpc.call("enableUser", [member.pk]) is True

    assert rpc.call("isActiveUser", [member.pk]) is True
    assert Project.objects.get(pk=private.pk).is_active is False


def test_enable_and_disable_answer_true_for_unknown_ids(rpc):
    assert rpc.call("enableUser", [999_999]) is True
    assert rpc.call("disableUser", [999_999]) is True


def test_is_active_user_answers_false_for_unknown_ids(rpc):
    assert rpc.call("isActiveUser", [999_999]) is False
    assert rpc.call("isActiveUser", ["nope"]) is False


@pytest.mark.parametrize("size", [10, 500])
def test_get_all_users_runs_a_fixed_number_of_queries(rpc, size, django_assert_num_queries):
    User.objects.bulk_create(User(username=f"bulk{n}", password="x") for n in range(size))

    with django_assert_num_queries(2):
        assert len(rpc.call("getAllUsers")) == size + 1


def test_new_users_get_email_and_web_notifications_when_the_setting_says_so(rpc):
    from accounts.config import set_config
    from accounts.models import UserNotificationType

    quiet = rpc.call("createUser", ["quiet", "secret1"])
    set_config("notifications_enabled", "1")
    notified = rpc.call("createUser", ["notified", "secret1"])

    kinds = UserNotificationType.objects.order_by("notification_type")
    assert not kinds.filter(user_id=quiet).exists()
    assert list(kinds.filter(user_id=notified).values_list("notification_type", flat=True)) == [
        "email",
        "web",
    ]
