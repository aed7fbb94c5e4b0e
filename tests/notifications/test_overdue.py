"""The daily job tells each subscriber of the overdue tasks of their projects, once, by
Kanboard's rules (its notification:overdue-tasks, as its cronjob runs it)."""

from __future__ import annotations

import io
import json
import time

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.factories import ProjectFactory, TaskFactory
from tests.notifications.conftest import mail_recipients, run_worker, web_notifications

pytestmark = pytest.mark.django_db(transaction=True)

DAY = 86400


@pytest.fixture
def overdue(world):
    """Tasks of P due yesterday: one assigned to the member, one created by the viewer."""
    yesterday = int(time.time()) - DAY
    member, viewer = world.users["member"], world.users["viewer"]
    return [
        TaskFactory(project=world.project, title="Late", date_due=yesterday, owner_id=member.pk),
        TaskFactory(
            project=world.project, title="Later", date_due=yesterday - DAY, creator_id=viewer.pk
        ),
    ]


@pytest.fixture
def not_overdue(world):
    """Tasks that are not overdue: due tomorrow, no due date, closed, in a disabled project."""
    yesterday = int(time.time()) - DAY
    TaskFactory(project=world.project, title="Tomorrow", date_due=int(time.time()) + DAY)
    TaskFactory(project=world.project, title="Whenever", date_due=0)
    TaskFactory(project=world.project, title="Closed", date_due=yesterday, is_active=False)
    TaskFactory(
        project=ProjectFactory(name="Archived", is_active=False), title="Old", date_due=yesterday
    )


def overdue_titles(user) -> list[list[str]]:
    return [
        [task["title"] for task in data["tasks"]]
        for name, data in web_notifications(user)
        if name == "task.overdue"
    ]


def test_each_subscriber_is_told_of_the_overdue_tasks_their_filter_lets_through(
    world, subscriber, overdue, not_overdue
):
    everything = subscriber("everything")
    member = world.users["member"]
    assigned = subscriber("assigned", notifications_filter=2)
    assigned_late = overdue[0]
    assigned_late.owner_id = assigned.pk
    assigned_late.save(update_fields=["owner_id"])
    nothing_for_them = subscriber("creator", notifications_filter=3)

    call_command("cronjob", stdout=io.StringIO())
    run_worker()

    [(name, data)] = web_notifications(everything)
    assert name == "task.overdue"
    assert data["project_name"] == "P"
    assert [task["title"] for task in data["tasks"]] == ["Late", "Later"]
    assert data["tasks"][0] == {
        "id": assigned_late.pk,
        "title": "Late",
        "date_due": assigned_late.date_due,
        "project_id": world.project.pk,
        "creator_id": 0,
        "owner_id": assigned.pk,
        "project_name": "P",
        "assignee_username": "assigned",
        "assignee_name": "",
    }
    assert overdue_titles(assigned) == [["Late"]]
    assert overdue_titles(nothing_for_them) == []
    assert overdue_titles(member) == []  # notifications not enabled


def test_the_overdue_mails_go_to_the_subscribers_with_an_address(
    world, subscriber, overdue, smtp_server
):
    alice = subscriber("alice")
    subscriber("noaddress", email="")

    call_command("cronjob", stdout=io.StringIO())

    [mail_job] = DBTaskResult.objects.filter(task_path="notifications.jobs.send_notification_email")
    user_id, event_name, data, author_id = mail_job.args_kwargs["args"]
    assert (user_id, event_name, author_id) == (alice.pk, "task.overdue", 0)
    assert [task["title"] for task in json.loads(data)["tasks"]] == ["Late", "Later"]
    run_worker()
    assert mail_recipients(smtp_server) == [("alice@example.org", "[P] 2 overdue tasks")]


def test_the_overdue_tasks_are_told_once_a_day(world, subscriber, overdue):
    alice = subscriber("alice", channels=("web",))

    call_command("cronjob", stdout=io.StringIO())
    call_command("cronjob", stdout=io.StringIO())

    assert overdue_titles(alice) == [["Late", "Later"]]
