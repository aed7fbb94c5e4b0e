"""The check made on every notified event, inside the change: could anyone be told?
The same answers as the rules of the recipients and of the webhooks, in one statement."""

from __future__ import annotations

import pytest

from accounts.config import get_config, set_config, settings_read_once
from notifications.dispatch import worth_a_job
from notifications.recipients import notified_members
from tasks import events
from tests.factories import (
    GroupMemberFactory,
    GroupRoleFactory,
    MembershipFactory,
    ProjectFactory,
    TaskFactory,
    UserFactory,
)
from webhooks.models import ProjectWebhook

pytestmark = pytest.mark.django_db


def event_on(task_id: int, actor_id: int = 0, **extra) -> events.Event:
    return events.Event(events.TASK_UPDATE, task_id, actor_id, extra, events.TaskSnapshot(task_id))


def member(project, **fields):
    fields.setdefault("notifications_enabled", True)
    user = UserFactory(**fields)
    MembershipFactory(project=project, user=user)
    return user


def group_member(project, **fields):
    fields.setdefault("notifications_enabled", True)
    user = UserFactory(**fields)
    GroupMemberFactory(group=GroupRoleFactory(project=project).group, user=user)
    return user


def webhook(project, active=True):
    return ProjectWebhook.objects.create(
        project=project, url="https://hooks.example.org/kanboard", secret="s", active=active
    )


@pytest.fixture
def task(seeded):
    return TaskFactory()


def test_nobody_to_tell_in_a_project_without_members_or_webhooks(task):
    assert not worth_a_job(event_on(task.pk))


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        (lambda project: member(project), True),
        (lambda project: member(project, notifications_enabled=False), False),
        (lambda project: member(project, is_active=False), False),
        (lambda project: group_member(project), True),
        (lambda project: group_member(project, notifications_enabled=False), False),
        (lambda project: group_member(project, is_active=False), False),
        (lambda project: member(ProjectFactory()), False),  # another project's member
        (lambda project: group_member(ProjectFactory()), False),
        (lambda project: UserFactory(notifications_enabled=True), False),  # nobody's member
    ],
    ids=[
        "direct member",
        "direct, notifications off",
        "direct, inactive",
        "group member",
        "group, notifications off",
        "group, inactive",
        "member elsewhere",
        "group member elsewhere",
        "no member",
    ],
)
def test_the_members_who_want_notifications_are_the_recipients_candidates(task, setup, expected):
    setup(task.project)

    assert worth_a_job(event_on(task.pk)) is expected
    assert notified_members(task.project_id).exists() is expected


@pytest.mark.parametrize("through", [member, group_member], ids=["direct", "group"])
def test_the_author_is_left_out_and_the_application_credential_leaves_nobody_out(task, through):
    author = through(task.project)

    assert not worth_a_job(event_on(task.pk, actor_id=author.pk))
    assert worth_a_job(event_on(task.pk, actor_id=0))
    assert worth_a_job(event_on(task.pk, actor_id=UserFactory().pk))

    through(task.project)  # someone other than the author
    assert worth_a_job(event_on(task.pk, actor_id=author.pk))


def test_a_member_both_direct_and_through_a_group_is_still_the_author(task):
    author = member(task.project)
    GroupMemberFactory(group=GroupRoleFactory(project=task.project).group, user=author)

    assert not worth_a_job(event_on(task.pk, actor_id=author.pk))


def test_an_active_webhook_of_the_project_is_told(task):
    webhook(ProjectFactory())
    assert not worth_a_job(event_on(task.pk))

    disabled = webhook(task.project, active=False)
    assert not worth_a_job(event_on(task.pk))

    disabled.active = True
    disabled.save()
    assert worth_a_job(event_on(task.pk))


def test_the_global_webhook_takes_every_existing_task(task):
    set_config("webhook_url", "https://hooks.example.org/everything")

    assert worth_a_job(event_on(task.pk))
    assert not worth_a_job(event_on(task.pk + 1000))  # no such task


def test_a_missing_task_tells_nobody(task):
    member(task.project)
    webhook(task.project)

    assert not worth_a_job(event_on(task.pk + 1000))


def test_a_mention_is_told_without_asking(task, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert worth_a_job(event_on(task.pk + 1000, mention={"id": 1}))


@pytest.mark.parametrize("global_webhook", [False, True])
def test_one_statement_answers_with_the_settings_read_already(
    task, global_webhook, django_assert_num_queries
):
    group_member(task.project)
    if global_webhook:
        set_config("webhook_url", "https://hooks.example.org/everything")
    with settings_read_once():
        get_config("application_url")  # the request has read its settings already

        with django_assert_num_queries(1):
            assert worth_a_job(event_on(task.pk))
