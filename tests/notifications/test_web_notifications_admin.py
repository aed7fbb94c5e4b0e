"""Web notifications and project notification types in the admin: listed, never written
there; an operator may delete a web notification as its user would mark it read."""

from __future__ import annotations

import pytest
from django.test import Client

from notifications.models import ProjectNotificationType, UnreadNotification
from tests.notifications.kanboard_rows import KANBOARD_ROWS, notify, task_event

CHANGELIST = "/admin/notifications/unreadnotification/"


@pytest.fixture
def operator(world) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(world.users["admin"])
    return client


@pytest.fixture
def member(world):
    return world.users["member"]


def test_the_list_shows_whose_notification_it_is_its_title_and_project(operator, member):
    row = KANBOARD_ROWS[1]
    notify(member, row["event_name"], row["event_data"], at=1_796_296_774)

    html = operator.get(CHANGELIST).content.decode()

    assert "usr" in html and row["kanboard_title"] in html and "Website" in html
    assert "Dec. 3, 2026" in html


def test_a_notification_is_read_only(operator, member):
    notification = notify(member, "task.create", task_event(1, "A", "Web"))
    url = f"{CHANGELIST}{notification.pk}/change/"

    page = operator.get(url)
    posted = operator.post(url, {"event_name": "task.close"})

    assert page.status_code == 200 and b'name="event_name"' not in page.content
    assert posted.status_code == 403
    assert UnreadNotification.objects.get().event_name == "task.create"
    assert operator.get(f"{CHANGELIST}add/").status_code == 403


def test_an_operator_deletes_one_notification(operator, member):
    gone = notify(member, "task.create", task_event(1, "A", "Web"))
    kept = notify(member, "task.create", task_event(2, "B", "Web"))

    response = operator.post(f"{CHANGELIST}{gone.pk}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert list(UnreadNotification.objects.values_list("pk", flat=True)) == [kept.pk]


def test_an_operator_deletes_the_selected_notifications(operator, world, member):
    selected = [notify(member, "task.create", task_event(n, "A", "Web")).pk for n in (1, 2)]
    kept = notify(world.users["viewer"], "task.create", task_event(3, "C", "Web"))

    operator.post(
        CHANGELIST, {"action": "delete_selected", "_selected_action": selected, "post": "yes"}
    )

    assert list(UnreadNotification.objects.values_list("pk", flat=True)) == [kept.pk]


def test_the_project_page_shows_its_notification_types(operator, world):
    ProjectNotificationType.objects.create(project=world.project, notification_type="slack")

    html = operator.get(f"/admin/projects/project/{world.project.pk}/change/").content.decode()

    assert "Notification types" in html and "slack" in html
