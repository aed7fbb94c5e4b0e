"""notifications.web: a user's unread web notifications, titled as Kanboard titles them,
and marking them read."""

from __future__ import annotations

import datetime as dt

import pytest

from notifications import web
from notifications.models import UnreadNotification
from tests.factories import UserFactory
from tests.notifications.kanboard_rows import KANBOARD_ROWS, notify, task_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def alice():
    return UserFactory(username="alice")


@pytest.fixture
def bob():
    return UserFactory(username="bob")


def test_the_notifications_kanboard_wrote_get_the_titles_and_projects_its_page_shows(alice):
    for at, row in enumerate(KANBOARD_ROWS):
        notify(alice, row["event_name"], row["event_data"], at=1_796_296_774 + at)

    listed = web.unread_notifications(alice)

    assert [(n.title, n.project_name) for n in listed] == [
        (row["kanboard_title"], row["kanboard_project"]) for row in KANBOARD_ROWS
    ]
    assert [n.data for n in listed] == [row["event_data"] for row in KANBOARD_ROWS]
    assert listed[0].created == dt.datetime(2026, 12, 3, 11, 19, 34, tzinfo=dt.UTC)


def test_oldest_come_first_whatever_the_order_they_were_written_in(alice):
    later = notify(alice, "task.close", task_event(2, "B", "Web"), at=2_000)
    earlier = notify(alice, "task.open", task_event(1, "A", "Web"), at=1_000)
    same_second = notify(alice, "task.update", task_event(3, "C", "Web"), at=2_000)

    assert [n.id for n in web.unread_notifications(alice)] == [
        earlier.pk,
        later.pk,
        same_second.pk,
    ]


def test_overdue_tasks_are_titled_by_their_number_and_name_their_projects(alice):
    tasks = [{"id": 4, "title": "Late"}, {"id": 9, "title": "Later"}]
    notify(alice, "task.overdue", {"tasks": tasks, "project_name": "Web, Ops"})
    notify(alice, "task.overdue", {"tasks": tasks[:1], "project_name": "Web"})

    listed = web.unread_notifications(alice)

    assert [(n.title, n.project_name) for n in listed] == [
        ("2 overdue tasks", "Web, Ops"),
        ('Task #4 "Late" is overdue', "Web"),
    ]


@pytest.mark.parametrize(
    ("event_name", "stored"),
    [
        ("comment.create", '{"task": {"id": 1}}'),  # no comment in the data
        ("task.create", "not json"),
        ("task.create", "[1, 2]"),
        ("plugin.something", '{"task": {"id": 1, "project_name": "Web"}}'),
    ],
)
def test_data_the_titles_cannot_read_gets_kanboards_generic_title(alice, event_name, stored):
    notify(alice, event_name, stored)

    (listed,) = web.unread_notifications(alice)

    assert listed.title == "Notification"


def test_a_user_sees_only_their_own_notifications(alice, bob):
    notify(alice, "task.create", task_event(1, "For Alice", "Web"))
    notify(bob, "task.create", task_event(2, "For Bob", "Web"))

    assert [n.title for n in web.unread_notifications(alice)] == ["New task #1: For Alice"]
    assert web.unread_count(alice) == 1


def test_marking_one_read_removes_it_and_nothing_else(alice):
    first = notify(alice, "task.create", task_event(1, "A", "Web"))
    second = notify(alice, "task.create", task_event(2, "B", "Web"))

    assert web.mark_read(alice, first.pk) is True
    assert web.mark_read(alice, first.pk) is False  # already read

    assert list(UnreadNotification.objects.values_list("pk", flat=True)) == [second.pk]


def test_nobody_marks_another_users_notification_read(alice, bob):
    bobs = notify(bob, "task.create", task_event(1, "A", "Web"))

    assert web.mark_read(alice, bobs.pk) is False

    assert UnreadNotification.objects.filter(pk=bobs.pk).exists()


def test_marking_all_read_empties_the_users_list_only(alice, bob):
    notify(alice, "task.create", task_event(1, "A", "Web"))
    notify(alice, "task.close", task_event(1, "A", "Web"))
    notify(bob, "task.create", task_event(1, "A", "Web"))

    assert web.mark_all_read(alice) == 2
    assert web.mark_all_read(alice) == 0

    assert web.unread_count(alice) == 0
    assert web.unread_count(bob) == 1
