"""A user's notification settings on their page in the admin, saved by the same function
as the account area's form."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from notifications.preferences import (
    FILTER_ASSIGNEE,
    FILTER_CREATOR,
    NotificationSettings,
    read_settings,
    save_settings,
)
from tests.factories import ProjectFactory


@pytest.fixture
def operator(world) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(world.users["admin"])
    return client


def change_url(user) -> str:
    return f"/admin/accounts/user/{user.pk}/change/"


def post_settings(operator, user, types: list[str], filter: int, project_ids: list[int]):
    """The user's admin page posted unchanged but for the notification settings."""
    fields = {
        "username": user.username, "name": user.name or "", "email": user.email or "",
        "role": user.role, "is_active": "on", "notification_types": types,
        "notifications_filter": filter, "notification_projects": project_ids,
    }  # fmt: skip
    return operator.post(change_url(user), {k: v for k, v in fields.items() if v != ""})


def test_the_users_page_shows_their_settings_and_their_projects_only(operator, world):
    member = world.users["member"]
    ProjectFactory(name="Not theirs")
    save_settings(member, ["web"], FILTER_CREATOR, [world.project.pk])

    html = operator.get(change_url(member)).content.decode()

    assert "Only for tasks created by me and tasks assigned to me" in html
    assert re.search(r'name="notification_types" value="web"[^>]*checked', html)
    assert re.search(r'name="notification_types" value="email"(?![^>]*checked)', html)
    assert re.search(rf'name="notifications_filter" value="{FILTER_CREATOR}"[^>]*checked', html)
    assert re.search(rf'name="notification_projects" value="{world.project.pk}"[^>]*checked', html)
    assert "Not theirs" not in html


def test_an_operator_changes_a_users_settings(operator, world):
    member = world.users["member"]

    response = post_settings(
        operator, member, ["email", "web"], FILTER_ASSIGNEE, [world.project.pk]
    )

    assert response.status_code == 302
    assert read_settings(member) == NotificationSettings(
        enabled=True, types=["email", "web"], filter=FILTER_ASSIGNEE, project_ids=[world.project.pk]
    )


def test_unchecking_every_method_turns_the_users_notifications_off(operator, world):
    member = world.users["member"]
    save_settings(member, ["email"], FILTER_ASSIGNEE, [])

    post_settings(operator, member, [], FILTER_ASSIGNEE, [])

    assert read_settings(member).enabled is False


def test_a_project_the_user_is_not_in_is_refused(operator, world):
    outsider = world.users["outsider"]

    response = post_settings(operator, outsider, ["web"], FILTER_ASSIGNEE, [world.project.pk])

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert read_settings(outsider).enabled is False
