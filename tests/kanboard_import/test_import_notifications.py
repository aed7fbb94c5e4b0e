"""manage.py import_kanboard brings Kanboard's notification tables over: the projects each
user follows, the projects' notification types and the web notifications not read yet."""

from __future__ import annotations

import json
import re

import pytest
from django.core.management import CommandError

from accounts.models import User
from notifications import web
from notifications.models import ProjectNotificationType, UnreadNotification
from notifications.preferences import read_settings
from tests.kanboard_import.conftest import change_source, import_kanboard
from tests.kanboard_import.test_import import source_rows
from tests.notifications.kanboard_rows import KANBOARD_ROWS, notify, task_event

pytestmark = pytest.mark.usefixtures("seeded")

ERIN = 6  # follows project 1 in the fixture (user_has_notifications)


def sql_text(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@pytest.fixture
def with_notifications(kanboard_db):
    """The source with the web notifications Kanboard wrote (ids 3 to 6, erin's) and a
    plugin's project notification type."""
    change_source(
        kanboard_db,
        *[
            "INSERT INTO user_has_unread_notifications "
            "(id, user_id, date_creation, event_name, event_data) VALUES "
            f"({3 + n}, {ERIN}, {1_796_296_774 + n}, {sql_text(row['event_name'])}, "
            f"{sql_text(json.dumps(row['event_data']))})"
            for n, row in enumerate(KANBOARD_ROWS)
        ],
        "INSERT INTO project_has_notification_types (id, project_id, notification_type) "
        "VALUES (2, 1, 'slack')",
    )
    return kanboard_db


def test_the_three_tables_arrive_row_for_row(with_notifications, file_storage):
    import_kanboard(with_notifications)

    assert list(
        UnreadNotification.objects.order_by("id").values_list(
            "id", "user_id", "date_creation", "event_name", "event_data"
        )
    ) == source_rows(
        with_notifications,
        "SELECT id, user_id, date_creation, event_name, event_data "
        "FROM user_has_unread_notifications ORDER BY id",
    )
    assert list(
        ProjectNotificationType.objects.values_list("id", "project_id", "notification_type")
    ) == [(2, 1, "slack")]
    assert read_settings(User.objects.get(pk=ERIN)).project_ids == [1]


def test_imported_notifications_show_as_kanboard_showed_them(with_notifications, file_storage):
    import_kanboard(with_notifications)

    listed = web.unread_notifications(User.objects.get(pk=ERIN))

    assert [(n.title, n.project_name) for n in listed] == [
        (row["kanboard_title"], row["kanboard_project"]) for row in KANBOARD_ROWS
    ]


def test_the_tables_are_no_longer_reported_as_not_kept(with_notifications, file_storage):
    out = import_kanboard(with_notifications)

    assert re.search(r"user_has_unread_notifications +4 rows", out)
    assert "Not kept: user_has" not in out and "Not kept: project_has_notification" not in out


def test_new_notifications_get_ids_after_the_imported_ones(with_notifications, file_storage):
    import_kanboard(with_notifications)

    later = notify(User.objects.get(pk=ERIN), "task.create", task_event(1, "After", "Alpha"))

    assert later.pk == 7


def test_a_notification_of_a_missing_user_is_named(kanboard_db, file_storage):
    change_source(
        kanboard_db,
        "PRAGMA foreign_keys = OFF",
        "INSERT INTO user_has_unread_notifications "
        "(id, user_id, date_creation, event_name, event_data) "
        "VALUES (1, 99, 1796296774, 'task.create', '{}')",
    )

    with pytest.raises(
        CommandError,
        match=r"table user_has_unread_notifications, row \(id=1, .*user_id 99 does not exist",
    ):
        import_kanboard(kanboard_db)


def test_a_database_holding_web_notifications_is_refused(kanboard_db, file_storage):
    notify(User.objects.get(username="admin"), "task.create", task_event(1, "A", "Web"))

    with pytest.raises(CommandError, match=r"not empty: user_has_unread_notifications \(1 rows\)"):
        import_kanboard(kanboard_db)
