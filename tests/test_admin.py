"""The Django admin: Kanboard's application role decides who may use it, it shows no
secrets, and it changes data through the same domain functions as the API."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from accounts.models import User
from projects.models import Project
from tests.factories import PASSWORD, MembershipFactory, ProjectFactory, TaskFactory, UserFactory


@pytest.fixture
def admin_client(seeded):
    UserFactory(username="boss", role="app-admin")
    client = Client(HTTP_HOST="localhost")
    assert client.login(username="boss", password=PASSWORD)
    return client


@pytest.mark.parametrize("role", ["app-manager", "app-user"])
def test_only_app_admins_may_log_in(seeded, role):
    UserFactory(username="someone", role=role)

    assert Client(HTTP_HOST="localhost").login(username="someone", password=PASSWORD)
    response = Client(HTTP_HOST="localhost").get(reverse("admin:index"))
    assert response.status_code == 302


def test_app_admins_are_staff_and_superusers(seeded):
    user = UserFactory(role="app-admin")
    disabled = UserFactory(role="app-admin", is_active=False)

    assert (user.is_staff, user.is_superuser) == (True, True)
    assert (disabled.is_staff, disabled.is_superuser) == (False, False)


@pytest.mark.parametrize("model", list(admin.site._registry), ids=lambda m: m._meta.label)
def test_every_changelist_renders(admin_client, model):
    ProjectFactory()
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")

    assert admin_client.get(url).status_code == 200


def test_user_change_form_shows_no_secret(admin_client):
    user = UserFactory(api_access_token="t" * 60, twofactor_secret="SECRETSECRET1234")

    page = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk])).content

    for secret in (user.password.encode(), b"t" * 60, b"SECRETSECRET1234"):
        assert secret not in page


def test_filtering_users_by_password_is_refused(admin_client):
    url = reverse("admin:accounts_user_changelist") + "?password__startswith=$2y"

    assert admin_client.get(url).status_code == 400


def test_creating_a_user_in_the_admin_uses_kanboards_rules(admin_client):
    url = reverse("admin:accounts_user_add")
    fields = {"username": " carol ", "password": "secret1", "name": "", "email": "",
              "role": "app-manager"}  # fmt: skip

    response = admin_client.post(url, fields)

    assert response.status_code == 302
    carol = User.objects.get(username="carol")
    assert carol.role == "app-manager" and carol.password.startswith("$2y$")
    assert admin_client.post(url, {**fields, "password": "123"}).status_code == 200


def test_deleting_a_user_in_the_admin_unassigns_its_tasks(admin_client):
    user = UserFactory()
    task = TaskFactory(owner_id=user.pk)
    private = ProjectFactory(is_private=True)
    MembershipFactory(project=private, user=user)

    url = reverse("admin:accounts_user_delete", args=[user.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302

    task.refresh_from_db()
    assert task.owner_id == 0
    assert not Project.objects.filter(pk=private.pk).exists()


def test_unlock_action(admin_client):
    user = UserFactory(nb_failed_login=9, lock_expiration_date=2**40)

    admin_client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "unlock", "_selected_action": [user.pk]},
    )

    user.refresh_from_db()
    assert (user.nb_failed_login, user.lock_expiration_date) == (0, 0)


def test_the_application_token_is_never_shown(admin_client):
    from accounts.config import get_config

    page = admin_client.get(reverse("admin:accounts_setting_changelist")).content
    detail = admin_client.get(reverse("admin:accounts_setting_change", args=["api_token"])).content

    assert get_config("api_token").encode() not in page + detail


def test_deleting_a_task_link_in_the_admin_removes_its_reverse_too(admin_client):
    from tasks.models import TaskLink

    first, second = TaskFactory(), TaskFactory()
    link = TaskLink.objects.create(link_id=2, task=first, opposite_task=second)
    TaskLink.objects.create(link_id=3, task=second, opposite_task=first)

    url = reverse("admin:tasks_tasklink_delete", args=[link.pk])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302

    assert not TaskLink.objects.exists()


def test_deleting_a_link_label_in_the_admin_clears_its_opposite(admin_client):
    from tasks.models import Link

    url = reverse("admin:tasks_link_delete", args=[3])
    assert admin_client.post(url, {"post": "yes"}).status_code == 302

    assert Link.objects.get(pk=2).opposite_id == 0
