"""Web notifications and notification settings in a real browser (headless Chromium on
the live server)."""

from __future__ import annotations

import re

from notifications.preferences import FILTER_NONE, read_settings
from tests.account.test_browser import sign_in
from tests.factories import PASSWORD, MembershipFactory, ProjectFactory
from tests.notifications.kanboard_rows import KANBOARD_ROWS, notify


def unread_in_navigation(page) -> str:
    return page.find("#nav-notifications").text


def test_reading_notifications_and_choosing_what_to_receive(page, alice):
    website = ProjectFactory(name="Website")
    MembershipFactory(project=website, user=alice, role="project-member")
    rows = [
        notify(alice, r["event_name"], r["event_data"], at=1_796_296_774) for r in KANBOARD_ROWS
    ]
    sign_in(page, "alice", PASSWORD)

    assert unread_in_navigation(page) == "Notifications 4"
    page.find("#nav-notifications").click()
    assert page.path == "/account/notifications/"
    assert "4 notifications" in page.text
    assert "New task #1: Fix the <b>login</b> page" in page.text
    page.screenshot("notifications")

    page.submit(f"#notification-{rows[0].pk} button")
    assert unread_in_navigation(page) == "Notifications 3"
    assert "Fix the <b>login</b> page" not in page.text

    page.open("/account/notifications/settings/")
    page.find("input[name=notification_types][value=web]").click()
    page.find(f"input[name=notifications_filter][value='{FILTER_NONE}']").click()
    page.find(f"input[name=notification_projects][value='{website.pk}']").click()
    page.screenshot("notification-settings")
    page.submit()
    assert "Your notification settings are saved." in page.text
    settings = read_settings(alice)
    assert (settings.types, settings.filter, settings.project_ids) == (
        ["web"],
        FILTER_NONE,
        [website.pk],
    )

    page.open("/account/notifications/")
    page.submit("form[action$='dismiss-all/'] button")
    assert "No notification." in page.text
    assert re.fullmatch(r"Notifications", unread_in_navigation(page))
