"""The admin as operators use it: in a real browser, styled, logged into, searched,
filtered, and changing data through the same domain functions as the API."""

from __future__ import annotations

import pytest
from selenium.webdriver.support.ui import Select

from accounts import lockout
from accounts.config import get_config
from accounts.models import User
from projects.models import Column
from tests.conftest import Credentials
from tests.factories import PASSWORD, TaskFactory, UserFactory


@pytest.fixture
def operator(browser, world):
    browser.log_in(world.users["admin"].username, PASSWORD)
    assert "Dashboard" in browser.title
    return browser


def test_the_login_page_and_the_admin_are_styled(browser, world):
    browser.open("/admin/")

    # The admin signs in through the account area, whose stylesheet paints the header
    # and narrows the form.
    assert browser.current_url.endswith("/account/sign-in/?next=/admin/")
    header = browser.css("header")
    assert header.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "")
    assert browser.css("form").size["width"] < 600

    browser.log_in(world.users["admin"].username, PASSWORD)
    # base.css, served by the app under its hashed name, paints the admin's header.
    admin_header = browser.css("#header")
    assert admin_header.value_of_css_property("background-color") not in ("rgba(0, 0, 0, 0)", "")
    assert browser.css("#site-name").text == "Kanboard administration"


def test_an_admin_logs_in_and_sees_the_dashboard(browser, world):
    late = TaskFactory(project=world.project, date_due=1000)

    browser.log_in(world.users["admin"].username, PASSWORD)

    assert browser.current_url.endswith("/admin/")
    summary = browser.css("#operator-summary").text
    assert "Overdue tasks 1" in summary
    browser.css("#operator-summary a[href$='due=overdue']").click()
    assert browser.css("#result_list tbody td.field-title").text == late.title


def test_a_non_admin_is_refused(browser, world):
    browser.log_in(world.users["manager"].username, PASSWORD)

    assert browser.current_url.endswith("/account/")
    assert "Only administrators may use the admin." in browser.css(".messages").text


def test_finding_a_task_by_search_and_filter(operator, world):
    ready = Column.objects.get(project=world.project, title="Ready")
    TaskFactory(project=world.project, title="Fix the login page", column=ready,
                owner_id=world.users["member"].pk)  # fmt: skip
    TaskFactory(project=world.project, title="Fix the logo")
    TaskFactory(project=world.project, title="Write the release notes", column=ready)

    operator.open("/admin/tasks/task/")
    operator.css("#searchbar").send_keys("Fix")
    operator.css("#changelist-search input[type=submit]").click()
    assert len(operator.css_all("#result_list tbody tr")) == 2
    operator.css("#changelist-filter a[href*='column_title=Ready']").click()
    operator.css(f"#changelist-filter a[href*='owner_id={world.users['member'].pk}']").click()

    rows = operator.css_all("#result_list tbody tr")
    assert [row.find_element("css selector", ".field-title").text for row in rows] == [
        "Fix the login page"
    ]
    assert "usr" in rows[0].text


def test_creating_a_task_appears_through_the_api_at_its_position_with_its_activity(
    operator, world, rpc
):
    ready = Column.objects.get(project=world.project, title="Ready")
    TaskFactory(project=world.project, column=ready)

    operator.open("/admin/tasks/task/add/")
    Select(operator.css("#id_project")).select_by_visible_text("P")
    operator.css("#id_title").send_keys("Made in the browser")
    Select(operator.css("#id_column")).select_by_visible_text("P / Ready")
    Select(operator.css("#id_owner_id")).select_by_visible_text("usr")
    operator.css("input[name=_save]").click()

    assert "was added successfully" in operator.css(".messagelist").text
    found = rpc.call("searchTasks", {"project_id": world.project.pk,
                                     "query": "Made in the browser"})  # fmt: skip
    task = rpc.call("getTask", {"task_id": found[0]["id"]})
    assert (task["column_id"], task["position"], task["owner_id"]) == (
        ready.pk, 2, world.users["member"].pk,
    )  # fmt: skip
    activity = rpc.call("getProjectActivity", {"project_id": world.project.pk})
    assert [(e["event_name"], e["task_id"]) for e in activity] == [("task.create", task["id"])]


def test_moving_a_task(operator, world, rpc):
    task = TaskFactory(project=world.project, title="To be done")
    done = Column.objects.get(project=world.project, title="Done")

    operator.open(f"/admin/tasks/task/{task.pk}/change/")
    Select(operator.css("#id_column")).select_by_visible_text("Done")
    operator.css("input[name=_save]").click()

    assert "was changed successfully" in operator.css(".messagelist").text
    moved = rpc.call("getTask", {"task_id": task.pk})
    assert (moved["column_id"], moved["position"]) == (done.pk, 1)
    activity = rpc.call("getProjectActivity", {"project_id": world.project.pk})
    assert [e["event_name"] for e in activity] == ["task.move.column"]


def test_unlocking_a_locked_user(operator, world, rpc):
    locked = UserFactory(username="locked-out", nb_failed_login=7,
                         lock_expiration_date=lockout.now() + 900)  # fmt: skip
    assert rpc.status("getMe", as_=Credentials("locked-out", PASSWORD)) == 401

    operator.open("/admin/accounts/user/?lockout=locked")
    operator.css(f"input[name=_selected_action][value='{locked.pk}']").click()
    Select(operator.css("select[name=action]")).select_by_value("unlock")
    operator.css("button[name=index]").click()

    assert "1 user(s) unlocked" in operator.css(".messagelist").text
    assert User.objects.get(pk=locked.pk).nb_failed_login == 0
    assert rpc.status("getMe", as_=Credentials("locked-out", PASSWORD)) == 200


def test_rotating_the_application_token(operator, world, rpc):
    old = get_config("api_token")

    operator.open("/admin/accounts/setting/")
    operator.css(".object-tools a[href$='rotate-api-token/']").click()
    operator.css("#rotate-api-token").click()
    new = operator.css("#new-api-token").get_attribute("value")

    assert new == get_config("api_token") != old
    assert rpc.status("getVersion", as_=Credentials("jsonrpc", old)) == 401
    assert rpc.status("getVersion", as_=Credentials("jsonrpc", new)) == 200
