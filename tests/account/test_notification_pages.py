"""The account area's notifications page and notification settings form: each signed-in
user sees and changes only their own."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from accounts.models import User
from notifications.models import UnreadNotification
from notifications.preferences import FILTER_ASSIGNEE, FILTER_BOTH, FILTER_NONE, read_settings
from tests.factories import PASSWORD, MembershipFactory, ProjectFactory, UserFactory
from tests.notifications.kanboard_rows import KANBOARD_ROWS, notify, task_event

NOTIFICATIONS = "/account/notifications/"
SETTINGS = "/account/notifications/settings/"
DISMISS_ALL = "/account/notifications/dismiss-all/"


def dismiss(notification_id: int) -> str:
    return f"/account/notifications/{notification_id}/dismiss/"


@pytest.fixture
def signed_in(browser, alice):
    assert browser.sign_in("alice", PASSWORD).status_code == 302
    return browser


@pytest.fixture
def bob(seeded):
    return UserFactory(username="bob")


def page_text(response) -> str:
    return page_text_of(response.content.decode())


def page_text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", NOTIFICATIONS), ("get", SETTINGS), ("post", DISMISS_ALL), ("post", dismiss(1))],
)
def test_the_pages_need_a_signed_in_user(browser, method, url):
    response = browser.get(url) if method == "get" else browser.post(url, {})

    assert response.status_code == 302
    assert response["Location"].startswith("/account/sign-in/?next=")


def test_the_page_lists_the_users_notifications_as_kanboards_page_does(signed_in, alice, bob):
    for at, row in enumerate(KANBOARD_ROWS):
        notify(alice, row["event_name"], row["event_data"], at=1_796_296_774 + at)
    notify(bob, "task.create", task_event(9, "Bob's secret task", "Bob's project"))

    response = signed_in.get(NOTIFICATIONS)

    text = page_text(response)
    assert "4 notifications" in text
    for row in KANBOARD_ROWS:
        assert row["kanboard_title"].replace("<", "&lt;").replace(">", "&gt;") in (
            response.content.decode()
        )
    assert "Website" in text and "2026-12-03 11:19 UTC" in text
    assert "Bob" not in text
    assert "no-store" in response["Cache-Control"]


def test_the_title_is_escaped(signed_in, alice):
    notify(alice, "task.create", task_event(1, "<script>alert(1)</script>", "<b>Web</b>"))

    html = signed_in.get(NOTIFICATIONS).content.decode()

    assert "<script>alert(1)" not in html and "<b>Web" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_without_notifications_the_page_says_so(signed_in):
    text = page_text(signed_in.get(NOTIFICATIONS))

    assert "No notification." in text
    assert "Mark all as read" not in text


def test_the_navigation_shows_how_many_are_unread(signed_in, alice, bob):
    nav = re.compile(r'id="nav-notifications">Notifications(?: <span class="count"[^>]*>(\d+))?')
    notify(bob, "task.create", task_event(1, "A", "Web"))
    assert nav.search(signed_in.get("/account/").content.decode()).group(1) is None

    notify(alice, "task.create", task_event(1, "A", "Web"))
    notify(alice, "task.close", task_event(1, "A", "Web"))

    assert nav.search(signed_in.get("/account/password/").content.decode()).group(1) == "2"


def test_marking_one_read_removes_it_from_the_page(signed_in, alice):
    first = notify(alice, "task.create", task_event(1, "First", "Web"))
    notify(alice, "task.create", task_event(2, "Second", "Web"))

    response = signed_in.post(dismiss(first.pk), {})

    assert response.status_code == 302 and response["Location"] == NOTIFICATIONS
    text = page_text(signed_in.get(NOTIFICATIONS))
    assert "New task #2: Second" in text and "First" not in text


def test_another_users_notification_stays_when_its_id_is_posted(signed_in, bob):
    bobs = notify(bob, "task.create", task_event(1, "A", "Web"))

    response = signed_in.post(dismiss(bobs.pk), {})

    assert response.status_code == 302
    assert UnreadNotification.objects.filter(pk=bobs.pk).exists()


def test_marking_all_read_empties_only_the_users_list(signed_in, alice, bob):
    notify(alice, "task.create", task_event(1, "A", "Web"))
    notify(alice, "task.close", task_event(1, "A", "Web"))
    notify(bob, "task.create", task_event(1, "A", "Web"))

    signed_in.post(DISMISS_ALL, {})

    assert "No notification." in page_text(signed_in.get(NOTIFICATIONS))
    assert list(UnreadNotification.objects.values_list("user__username", flat=True)) == ["bob"]


@pytest.mark.parametrize("url", [DISMISS_ALL, "dismiss-one"])
def test_marking_read_is_a_post_only(signed_in, alice, url):
    notification = notify(alice, "task.create", task_event(1, "A", "Web"))
    url = dismiss(notification.pk) if url == "dismiss-one" else url

    assert signed_in.get(url).status_code == 405

    assert UnreadNotification.objects.exists()


@pytest.mark.parametrize("url", [DISMISS_ALL, "dismiss-one", SETTINGS])
def test_a_post_without_the_csrf_token_is_refused(alice, url):
    notification = notify(alice, "task.create", task_event(1, "A", "Web"))
    client = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)
    client.force_login(alice, backend="accounts.backends.KanboardPasswordBackend")
    url = dismiss(notification.pk) if url == "dismiss-one" else url

    response = client.post(url, {"notification_types": ["web"], "notifications_filter": "1"})

    assert response.status_code == 403
    assert UnreadNotification.objects.filter(pk=notification.pk).exists()
    assert not User.objects.get(pk=alice.pk).notifications_enabled


def test_the_settings_form_has_kanboards_choices_and_the_users_projects(signed_in, alice):
    mine = ProjectFactory(name="Website")
    MembershipFactory(project=mine, user=alice, role="project-member")
    ProjectFactory(name="Someone else's")

    text = page_text(signed_in.get(SETTINGS))

    for label in (
        "Notification methods",
        "Email",
        "Web",
        "I want to receive notifications for",
        "All tasks",
        "Only for tasks assigned to me",
        "Only for tasks created by me",
        "Only for tasks created by me and tasks assigned to me",
        "I only want to receive notifications for these projects",
        "Website",
    ):
        assert label in text
    assert "Someone else" not in text


def test_a_user_without_projects_is_not_offered_any(signed_in):
    html = signed_in.get(SETTINGS).content.decode()

    assert "these projects" not in page_text_of(html)
    assert re.search(r'name="notifications_filter" value="4"[^>]*checked', html)


def test_saving_the_settings_stores_them(signed_in, alice):
    mine = ProjectFactory(name="Website")
    MembershipFactory(project=mine, user=alice, role="project-member")

    response = signed_in.post(
        SETTINGS,
        {
            "notification_types": ["email", "web"],
            "notifications_filter": str(FILTER_ASSIGNEE),
            "notification_projects": [str(mine.pk)],
        },
    )

    assert response.status_code == 302 and response["Location"] == SETTINGS
    settings = read_settings(alice)
    assert (settings.enabled, settings.types) == (True, ["email", "web"])
    assert (settings.filter, settings.project_ids) == (FILTER_ASSIGNEE, [mine.pk])
    page = signed_in.get(SETTINGS).content.decode()
    assert "Your notification settings are saved." in page
    assert re.search(rf'value="{mine.pk}"[^>]*checked', page)


def test_no_method_checked_turns_notifications_off(signed_in, alice):
    signed_in.post(SETTINGS, {"notification_types": ["web"], "notifications_filter": "1"})

    signed_in.post(SETTINGS, {"notifications_filter": str(FILTER_NONE)})

    assert not User.objects.get(pk=alice.pk).notifications_enabled


def test_a_project_of_someone_else_is_refused_and_nothing_changes(signed_in, alice):
    theirs = ProjectFactory(name="Theirs")

    response = signed_in.post(
        SETTINGS,
        {
            "notification_types": ["web"],
            "notifications_filter": "1",
            "notification_projects": [str(theirs.pk)],
        },
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert read_settings(alice).filter == FILTER_BOTH
    assert not User.objects.get(pk=alice.pk).notifications_enabled


def test_an_id_beyond_any_stored_one_changes_nothing(signed_in, alice):
    notify(alice, "task.create", task_event(1, "A", "Web"))

    response = signed_in.post(dismiss(10**30), {})

    assert response.status_code == 302
    assert UnreadNotification.objects.count() == 1
