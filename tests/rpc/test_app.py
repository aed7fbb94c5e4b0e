"""AppProcedure: version, timezone, colors and roles; open to every caller."""

from __future__ import annotations

import pytest

from accounts.config import set_config
from accounts.models import User

COLOR_IDS = [
    "yellow", "blue", "green", "purple", "red", "orange", "grey", "brown", "deep_orange",
    "dark_grey", "pink", "teal", "cyan", "lime", "light_green", "amber",
]  # fmt: skip


@pytest.mark.parametrize("persona", ["app", "admin", "manager", "member", "outsider"])
def test_get_version_answers_the_configured_version(rpc, world, settings, persona):
    settings.APP_VERSION = "main.unknown_revision"

    assert rpc.call("getVersion", as_=world[persona]) == "main.unknown_revision"


def test_get_version_defaults_to_the_compatible_kanboard_version(rpc):
    assert rpc.call("getVersion") == "1.2.53"


def test_get_version_takes_no_params(rpc):
    assert rpc.error("getVersion", [1])["data"] == "Too many arguments"


def test_get_timezone_is_the_application_timezone_by_default(rpc, world):
    assert rpc.call("getTimezone") == "UTC"
    assert rpc.call("getTimezone", as_=world["member"]) == "UTC"


def test_get_timezone_is_the_callers_own_when_set(rpc, world):
    set_config("application_timezone", "Europe/Paris")
    User.objects.filter(username="usr").update(timezone="America/New_York")

    assert rpc.call("getTimezone") == "Europe/Paris"
    assert rpc.call("getTimezone", as_=world["member"]) == "America/New_York"
    assert rpc.call("getTimezone", as_=world["viewer"]) == "Europe/Paris"


def test_get_default_task_color_follows_the_setting(rpc):
    assert rpc.call("getDefaultTaskColor") == "yellow"

    set_config("default_color", "blue")

    assert rpc.call("getDefaultTaskColor") == "blue"


def test_get_default_task_colors_lists_the_sixteen_colors_with_properties(rpc):
    colors = rpc.call("getDefaultTaskColors")

    assert list(colors) == COLOR_IDS
    assert colors["yellow"] == {
        "name": "Yellow",
        "background": "rgb(245, 247, 196)",
        "border": "rgb(223, 227, 45)",
    }
    assert colors["deep_orange"] == {
        "name": "Deep Orange",
        "background": "#ffab91",
        "border": "#e64a19",
    }


def test_get_color_list_maps_ids_to_names_in_kanboards_order(rpc):
    colors = rpc.call("getColorList")

    assert list(colors) == COLOR_IDS
    assert colors["light_green"] == "Light Green"
    assert rpc.request("getColorList").body.startswith(b'{"jsonrpc":"2.0","result":{"yellow"')


def test_get_application_roles(rpc, world):
    assert rpc.call("getApplicationRoles", as_=world["outsider"]) == {
        "app-admin": "Administrator",
        "app-manager": "Manager",
        "app-user": "User",
    }


def test_get_project_roles(rpc):
    assert rpc.call("getProjectRoles") == {
        "project-manager": "Project Manager",
        "project-member": "Project Member",
        "project-viewer": "Project Viewer",
    }


def test_a_user_without_application_role_may_call_nothing(rpc, world):
    User.objects.filter(username="out").update(role="")

    assert rpc.status("getVersion", as_=world["outsider"]) == 403
