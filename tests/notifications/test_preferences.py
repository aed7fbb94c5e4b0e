"""notifications.preferences: Kanboard's notification settings (channels, filter,
projects), and their rows going away with their user or project."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError

from accounts.models import User, UserNotificationType
from notifications.models import ProjectNotificationType, UnreadNotification
from notifications.models import UserProjectNotification as Followed
from notifications.preferences import (
    FILTER_ASSIGNEE,
    FILTER_BOTH,
    FILTER_NONE,
    NotificationSettings,
    read_settings,
    save_settings,
    selectable_projects,
)
from projects.models import Project
from tests.conftest import Credentials
from tests.factories import (
    PASSWORD,
    GroupFactory,
    GroupMemberFactory,
    GroupRoleFactory,
    MembershipFactory,
    ProjectFactory,
    UserFactory,
)
from tests.notifications.kanboard_rows import notify, task_event
from tests.test_concurrency import run_concurrently

pytestmark = pytest.mark.django_db

SAVES = 5


@pytest.fixture
def alice():
    return UserFactory(username="alice")


@pytest.fixture
def projects(alice):
    """Web and Ops (alice a member of both, Ops through a group), Secret (not hers)."""
    web = ProjectFactory(name="Web")
    ops = ProjectFactory(name="Ops")
    MembershipFactory(project=web, user=alice, role="project-member")
    team = GroupFactory(name="team")
    GroupMemberFactory(group=team, user=alice)
    GroupRoleFactory(project=ops, group=team, role="project-viewer")
    return {"Web": web, "Ops": ops, "Secret": ProjectFactory(name="Secret")}


def stored(user) -> tuple:
    row = User.objects.get(pk=user.pk)
    return row.notifications_enabled, row.notifications_filter


def test_a_new_user_has_kanboards_defaults(alice):
    assert read_settings(alice) == NotificationSettings(
        enabled=False, types=[], filter=FILTER_BOTH, project_ids=[]
    )


def test_choosing_a_channel_turns_notifications_on(alice, projects):
    web = projects["Web"]

    save_settings(alice, ["web", "email"], FILTER_NONE, [web.pk])

    assert read_settings(alice) == NotificationSettings(
        enabled=True, types=["email", "web"], filter=FILTER_NONE, project_ids=[web.pk]
    )
    assert stored(alice) == (True, FILTER_NONE)
    assert (alice.notifications_enabled, alice.notifications_filter) == (True, FILTER_NONE)


def test_no_channel_turns_notifications_off_and_keeps_the_rest(alice, projects):
    save_settings(alice, ["email"], FILTER_ASSIGNEE, [])

    save_settings(alice, [], FILTER_ASSIGNEE, [projects["Ops"].pk])

    assert read_settings(alice) == NotificationSettings(
        enabled=False, types=[], filter=FILTER_ASSIGNEE, project_ids=[projects["Ops"].pk]
    )


@pytest.mark.parametrize("missing", [None, 0])
def test_no_filter_means_tasks_created_by_or_assigned_to_the_user(alice, missing):
    save_settings(alice, ["web"], FILTER_NONE, [])

    save_settings(alice, ["web"], missing, [])

    assert read_settings(alice).filter == FILTER_BOTH


def test_saving_replaces_the_channels_and_projects_chosen_before(alice, projects):
    save_settings(alice, ["email", "web"], FILTER_NONE, [projects["Web"].pk])

    save_settings(alice, ["web"], FILTER_NONE, [projects["Ops"].pk])

    settings = read_settings(alice)
    assert (settings.types, settings.project_ids) == (["web"], [projects["Ops"].pk])
    assert UserNotificationType.objects.filter(user=alice).count() == 1


@pytest.mark.parametrize(
    ("types", "filter", "project", "refusal"),
    [
        (["sms"], FILTER_NONE, "Web", "Unknown notification method: sms"),
        (["web"], 7, "Web", "Unknown notification filter: 7"),
        (["web"], FILTER_NONE, "Secret", "Not a member of the project"),
    ],
)
def test_a_refused_save_changes_nothing(alice, projects, types, filter, project, refusal):
    save_settings(alice, ["email"], FILTER_ASSIGNEE, [projects["Ops"].pk])
    before = read_settings(alice)

    with pytest.raises(ValidationError, match=refusal):
        save_settings(alice, types, filter, [projects[project].pk])

    assert read_settings(alice) == before
    assert stored(alice) == (True, FILTER_ASSIGNEE)


def test_a_project_one_left_cannot_be_chosen_again(alice, projects):
    web = projects["Web"]
    save_settings(alice, ["web"], FILTER_NONE, [web.pk])
    web.user_roles.all().delete()

    with pytest.raises(ValidationError):
        save_settings(alice, ["web"], FILTER_NONE, [web.pk])


def test_channels_of_a_kanboard_plugin_are_not_read_and_go_on_save(alice):
    UserNotificationType.objects.create(user=alice, notification_type="slack")
    UserNotificationType.objects.create(user=alice, notification_type="web")

    assert read_settings(alice).types == ["web"]
    save_settings(alice, ["email"], FILTER_NONE, [])
    assert list(
        UserNotificationType.objects.filter(user=alice).values_list("notification_type", flat=True)
    ) == ["email"]


def test_the_form_offers_the_users_active_projects_by_name_in_byte_order(alice, projects):
    archived = ProjectFactory(name="Archive", is_active=False)
    MembershipFactory(project=archived, user=alice, role="project-member")
    lower_case = ProjectFactory(name="docs")
    MembershipFactory(project=lower_case, user=alice, role="project-member")

    assert [p.name for p in selectable_projects(alice)] == ["Ops", "Web", "docs"]


def test_removing_a_user_removes_their_settings_and_notifications(rpc, alice, projects):
    save_settings(alice, ["web"], FILTER_NONE, [projects["Web"].pk])
    notify(alice, "task.create", task_event(1, "A", "Web"))

    assert rpc.call("removeUser", {"user_id": alice.pk}) is True

    assert not Followed.objects.exists()
    assert not UserNotificationType.objects.exists()
    assert not UnreadNotification.objects.exists()


def test_removing_a_project_removes_its_rows_and_keeps_the_others(rpc, alice, projects):
    web, ops = projects["Web"], projects["Ops"]
    save_settings(alice, ["web"], FILTER_NONE, [web.pk, ops.pk])
    ProjectNotificationType.objects.create(project=web, notification_type="slack")
    ProjectNotificationType.objects.create(project=ops, notification_type="slack")

    assert rpc.call("removeProject", {"project_id": web.pk}) is True

    assert read_settings(alice).project_ids == [ops.pk]
    assert list(ProjectNotificationType.objects.values_list("project_id", flat=True)) == [ops.pk]


def test_a_user_removed_with_their_private_project_leaves_no_rows(rpc, alice):
    private = ProjectFactory(name="Mine", is_private=True)
    MembershipFactory(project=private, user=alice, role="project-manager")
    save_settings(alice, ["web"], FILTER_NONE, [private.pk])
    ProjectNotificationType.objects.create(project=private, notification_type="slack")

    assert rpc.call("removeUser", {"user_id": alice.pk}) is True

    assert not Project.objects.filter(pk=private.pk).exists()
    assert not Followed.objects.exists() and not ProjectNotificationType.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_saves_of_one_users_settings_at_the_same_moment_all_succeed(alice, projects):
    choices = [["email"], ["web"], ["email", "web"]]

    def save(index) -> list[DatabaseError]:
        failures = []
        for n in range(SAVES):
            try:
                save_settings(alice, choices[(index + n) % 3], FILTER_NONE, [projects["Web"].pk])
            except DatabaseError as failure:
                failures.append(failure)
        return failures

    assert run_concurrently(save) == []
    settings = read_settings(alice)
    assert settings.types in choices and settings.project_ids == [projects["Web"].pk]


def test_the_api_reports_the_saved_settings_in_kanboards_user_fields(rpc, alice):
    save_settings(alice, ["web"], FILTER_ASSIGNEE, [])

    me = rpc.call("getMe", as_=Credentials("alice", PASSWORD))

    assert (me["notifications_enabled"], me["notifications_filter"]) == (1, FILTER_ASSIGNEE)
