"""ProjectProcedure: creation with the default board, reads, changes, status, public
access and removal."""

from __future__ import annotations

import re
import time

import pytest

from accounts.config import set_config
from projects.models import (
    Category,
    Column,
    Project,
    ProjectUserRole,
    Swimlane,
)
from tests.factories import (
    ProjectFactory,
)
from tests.projects.conftest import assert_forbidden, snapshot

BASE = "http://localhost/"


def fresh_project(project_id: int, name: str, last_modified: int) -> dict:
    """A new team project as Kanboard answers it: every column in order, then the URLs."""
    return {
        "id": project_id,
        "name": name,
        "is_active": 1,
        "token": "",
        "last_modified": last_modified,
        "is_public": 0,
        "is_private": 0,
        "is_everybody_allowed": 0,
        "default_swimlane": "Default swimlane",
        "show_default_swimlane": 1,
        "description": None,
        "identifier": "",
        "start_date": "",
        "end_date": "",
        "owner_id": 0,
        "priority_default": 0,
        "priority_start": 0,
        "priority_end": 3,
        "email": None,
        "predefined_email_subjects": None,
        "per_swimlane_task_limits": 0,
        "task_limit": 0,
        "enable_global_tags": 1,
        "url": {
            "board": f"{BASE}?controller=BoardViewController&action=show&project_id={project_id}",
            "list": f"{BASE}?controller=TaskListController&action=show&project_id={project_id}",
        },
    }


def parameters_of(project_id: int) -> tuple:
    """What createProject and updateProject set, in their parameters' order."""
    return Project.objects.values_list(
        "name", "description", "owner_id", "identifier", "start_date", "end_date",
        "priority_default", "priority_start", "priority_end", "email",
    ).get(pk=project_id)  # fmt: skip


def board_of(project_id: int) -> tuple[list, list, list]:
    columns = list(
        Column.objects.filter(project_id=project_id)
        .order_by("position")
        .values_list("title", "position", "task_limit", "description", "hide_in_dashboard")
    )
    swimlanes = list(
        Swimlane.objects.filter(project_id=project_id).values_list("name", "position", "is_active")
    )
    categories = list(
        Category.objects.filter(project_id=project_id).order_by("id").values_list("name", flat=True)
    )
    return columns, swimlanes, categories


# createProject


def test_create_project_makes_the_default_board(rpc):
    before = int(time.time())

    project_id = rpc.call("createProject", {"name": "Team"})

    assert type(project_id) is int
    project = Project.objects.get(pk=project_id)
    assert before <= project.last_modified <= int(time.time())
    assert board_of(project_id) == (
        [
            ("Backlog", 1, 0, "", False),
            ("Ready", 2, 0, "", False),
            ("Work in progress", 3, 0, "", False),
            ("Done", 4, 0, "", False),
        ],
        [("Default swimlane", 1, True)],
        [],
    )


def test_create_project_takes_columns_and_categories_from_the_settings(rpc):
    set_config("board_columns", " To do, ,Doing,0,Doing ,Done")
    set_config("project_categories", "Bug, Feature,bug,,Feature")

    project_id = rpc.call("createProject", {"name": "Team"})

    columns, _, categories = board_of(project_id)
    assert [(title, position) for title, position, *_ in columns] == [
        ("To do", 1),
        ("Doing", 2),
        ("Done", 3),
    ]
    assert categories == ["Bug", "Feature"]


def test_created_project_has_kanboard_defaults(rpc):
    project_id = rpc.call("createProject", ["Team"])

    project = rpc.call("getProjectById", [project_id])
    assert type(project["last_modified"]) is int
    assert project == fresh_project(project_id, "Team", project["last_modified"])


def test_create_project_stores_every_field(rpc, world):
    owner = world.users["member"]

    project_id = rpc.call(
        "createProject",
        [
            "Team", "About", owner.pk, "team42", "2026-01-01", "garbage", "2", 1, 5,
            "team@example.com",
        ],
    )  # fmt: skip

    assert parameters_of(project_id) == (
        "Team", "About", owner.pk, "TEAM42", "2026-01-01", "garbage", 2, 1, 5, "team@example.com",
    )  # fmt: skip


def test_application_credential_owns_nothing_and_adds_nobody(rpc, world):
    project_id = rpc.call("createProject", {"name": "Team", "owner_id": world.users["member"].pk})

    assert Project.objects.get(pk=project_id).owner_id == world.users["member"].pk
    assert not ProjectUserRole.objects.filter(project_id=project_id).exists()


def test_a_manager_creating_a_project_becomes_its_owner_and_manager(rpc, world):
    project_id = rpc.call("createProject", {"name": "Team"}, as_=world["manager"])

    assert Project.objects.get(pk=project_id).owner_id == world.users["manager"].pk
    assert rpc.call("getProjectUserRole", [project_id, world.users["manager"].pk]) == (
        "project-manager"
    )


def test_a_project_created_for_someone_else_is_not_the_creators(rpc, world):
    owner = world.users["member"]

    project_id = rpc.call(
        "createProject", {"name": "Team", "owner_id": owner.pk}, as_=world["manager"]
    )

    assert list(
        ProjectUserRole.objects.filter(project_id=project_id).values_list("user_id", "role")
    ) == [(owner.pk, "project-manager")]
    assert_forbidden(rpc, "getProjectById", [project_id], world["manager"])


@pytest.mark.parametrize("owner_id", ["0", None])
def test_only_the_integer_zero_means_the_caller(rpc, world, owner_id):
    project_id = rpc.call(
        "createProject", {"name": "Team", "owner_id": owner_id}, as_=world["manager"]
    )

    assert Project.objects.get(pk=project_id).owner_id == 0
    assert not ProjectUserRole.objects.filter(project_id=project_id).exists()


def test_app_users_cannot_create_projects(rpc, world):
    assert_forbidden(rpc, "createProject", {"name": "Team"}, world["member"])

    assert not Project.objects.filter(name="Team").exists()


@pytest.mark.parametrize(
    "params",
    [
        {"name": ""},
        {"name": None},
        {"name": ["Team"]},
        {"name": "x" * 65536},
        {"name": "a\u0000b"},
        {"name": "Team", "identifier": "with-dash"},
        {"name": "Team", "identifier": "é"},
        {"name": "Team", "identifier": "A" * 51},
        {"name": "Team", "identifier": "taken"},
        {"name": "Team", "email": "not an address"},
        {"name": "Team", "email": "a@b"},
        {"name": "Team", "email": "a@.example.com"},
        {"name": "Team", "email": "used@example.com"},
        {"name": "Team", "start_date": "2026-01-01 10:00"},
        {"name": "Team", "end_date": "12345678901"},
        {"name": "Team", "priority_default": 1.0},
        {"name": "Team", "priority_start": "one"},
        {"name": "Team", "priority_end": True},
        {"name": "Team", "priority_end": 2**40},
        {"name": "Team", "owner_id": 999999},
        {"name": "Team", "owner_id": "abc"},
        {"name": "Team", "owner_id": 1.5},
        {"name": "Team", "description": {"a": 1}},
    ],
)
def test_invalid_projects_are_refused_with_false(rpc, params):
    ProjectFactory(name="Existing", identifier="TAKEN", email="used@example.com")

    assert rpc.call("createProject", params) is False

    assert not Project.objects.exclude(name__in=["Existing"]).exists()
    assert not Column.objects.exclude(project__name="Existing").exists()


def test_identifiers_are_unique_regardless_of_case(rpc):
    rpc.call("createProject", {"name": "One", "identifier": "abc"})

    assert rpc.call("createProject", {"name": "Two", "identifier": "ABC"}) is False


def test_identifier_and_dates_may_be_empty(rpc):
    project_id = rpc.call(
        "createProject", {"name": "Team", "identifier": "", "start_date": "", "email": ""}
    )

    assert Project.objects.filter(pk=project_id, identifier="", start_date="", email="").exists()


def test_create_project_needs_a_name(rpc):
    assert rpc.error("createProject", {})["data"] == "Wrong number of arguments"


# Reads


@pytest.fixture
def findable(world):
    """P with an identifier and an e-mail address."""
    Project.objects.filter(pk=world.project.pk).update(identifier="PROJ", email="p@example.com")


def test_get_project_by_id_answers_the_whole_project(rpc, world):
    project = world.project

    assert rpc.call("getProjectById", [project.pk], as_=world["viewer"]) == fresh_project(
        project.pk, "P", project.last_modified
    )


def test_urls_come_from_the_application_url_setting_not_the_host(rpc, world, settings):
    settings.ALLOWED_HOSTS = ["evil.example", "localhost"]
    set_config("application_url", "https://kanboard.example.com/kb/")
    rpc.client.defaults["HTTP_HOST"] = "evil.example"

    project = rpc.call("getProjectById", [world.project.pk])

    assert project["url"]["board"] == (
        "https://kanboard.example.com/kb/?controller=BoardViewController&action=show"
        f"&project_id={world.project.pk}"
    )


def test_public_projects_have_public_urls(rpc, world):
    assert rpc.call("enableProjectPublicAccess", [world.project.pk]) is True

    project = rpc.call("getProjectById", [world.project.pk])

    token = project["token"]
    assert re.fullmatch(r"[0-9a-f]{60}", token)
    assert project["is_public"] == 1
    assert project["url"] == {
        **fresh_project(world.project.pk, "P", 0)["url"],
        "public_board": f"{BASE}?controller=BoardViewController&action=readonly&token={token}",
        "rss_feed": f"{BASE}?controller=FeedController&action=project&token={token}",
        "ical_feed": f"{BASE}?controller=ICalendarController&action=project&token={token}",
    }


@pytest.mark.parametrize("project_id", [999999, 0, -1, "abc", 1.5, True, None, 2**40])
def test_unknown_project_is_null(rpc, project_id):
    assert rpc.call("getProjectById", [project_id]) is None


@pytest.mark.parametrize("persona", ["outsider", "admin"])
def test_non_members_cannot_read_a_project(rpc, world, persona):
    assert_forbidden(rpc, "getProjectById", [world.project.pk], world[persona])


def test_unknown_project_is_forbidden_to_users(rpc, world):
    assert_forbidden(rpc, "getProjectById", [999999], world["manager"])


@pytest.mark.parametrize(
    ("method", "value"),
    [
        ("getProjectByName", "P"),
        ("getProjectByIdentifier", "proj"),
        ("getProjectByIdentifier", "PROJ"),
        ("getProjectByEmail", "p@example.com"),
    ],
)
def test_projects_are_found_by_name_identifier_and_email(rpc, world, findable, method, value):
    assert rpc.call(method, [value], as_=world["viewer"])["id"] == world.project.pk


def test_the_oldest_of_two_namesakes_is_found(rpc, world):
    ProjectFactory(name="P")

    assert rpc.call("getProjectByName", ["P"])["id"] == world.project.pk


@pytest.mark.parametrize(
    ("method", "value"),
    [
        ("getProjectByName", "p"),
        ("getProjectByName", "Nope"),
        ("getProjectByName", ""),
        ("getProjectByName", 5),
        ("getProjectByIdentifier", ""),
        ("getProjectByIdentifier", "NOPE"),
        ("getProjectByIdentifier", None),
        ("getProjectByEmail", ""),
        ("getProjectByEmail", "P@EXAMPLE.COM"),
        ("getProjectByEmail", ["p@example.com"]),
    ],
)
def test_lookups_that_match_nothing_answer_false(rpc, world, findable, method, value):
    assert rpc.call(method, [value]) is False


@pytest.mark.parametrize(
    ("method", "value"),
    [
        ("getProjectByName", "P"),
        ("getProjectByIdentifier", "PROJ"),
        ("getProjectByEmail", "p@example.com"),
    ],
)
def test_hidden_projects_look_missing_to_users(rpc, world, findable, method, value):
    hidden = rpc.request(method, [value], as_=world["outsider"])
    missing = rpc.request(method, ["missing"], as_=world["outsider"])

    assert (hidden.status, hidden.body) == (missing.status, missing.body)
    assert hidden.json["result"] is False


def test_all_projects_are_listed_in_byte_order_of_their_names(rpc, world):
    ProjectFactory(name="b")
    ProjectFactory(name="Z", is_active=False)
    ProjectFactory(name="a", is_private=True)

    listed = rpc.call("getAllProjects", as_=world["admin"])

    assert [project["name"] for project in listed] == ["P", "Z", "a", "b"]
    assert all(list(project) == list(fresh_project(0, "", 0)) for project in listed)


def test_only_admins_list_all_projects(rpc, world):
    assert_forbidden(rpc, "getAllProjects", None, world["manager"])


@pytest.mark.parametrize("count", [10, 500])
def test_listing_all_projects_takes_the_same_queries_at_any_size(
    rpc, world, count, django_assert_num_queries
):
    Project.objects.bulk_create(Project(name=f"Project {n}") for n in range(count))

    # The settings (the application token, the application URL), the projects.
    with django_assert_num_queries(2):
        listed = rpc.call("getAllProjects")

    assert len(listed) == count + 1


# updateProject


def test_update_project_changes_only_what_is_given(rpc, world):
    Project.objects.filter(pk=world.project.pk).update(
        description="Before", identifier="OLD", per_swimlane_task_limits=True, last_modified=5
    )
    before = snapshot(Project, pk=world.project.pk)[0]

    assert rpc.call("updateProject", {"project_id": world.project.pk, "name": "Renamed"}) is True

    after = snapshot(Project, pk=world.project.pk)[0]
    assert after == {**before, "name": "Renamed", "per_swimlane_task_limits": False}


def test_update_project_sets_every_field(rpc, world):
    owner = world.users["viewer"]

    values = [world.project.pk, "New", "Text", owner.pk, "new1", "2026-03-04", "05/06/2027"]

    assert rpc.call("updateProject", [*values, "1", 2, 3, "new@example.com"]) is True

    assert parameters_of(world.project.pk) == (
        "New", "Text", owner.pk, "NEW1", "2026-03-04", "2027-05-06", 1, 2, 3, "new@example.com",
    )  # fmt: skip


@pytest.mark.parametrize(
    ("given", "stored"),
    [("garbage", "1970-01-01"), ("2026-13-45", "1970-01-01"), ("2026_02_03", "2026-02-03")],
)
def test_update_project_reads_dates_with_the_date_parser(rpc, world, given, stored):
    assert rpc.call("updateProject", {"project_id": world.project.pk, "start_date": given}) is True

    assert Project.objects.get(pk=world.project.pk).start_date == stored


def test_update_project_clears_identifier_and_dates_with_empty_strings(rpc, world):
    Project.objects.filter(pk=world.project.pk).update(identifier="OLD", end_date="2026-01-01")

    rpc.call("updateProject", {"project_id": world.project.pk, "identifier": "", "end_date": ""})

    project = Project.objects.get(pk=world.project.pk)
    assert (project.identifier, project.end_date) == ("", "")


def test_update_project_accepts_the_legacy_id_parameter(rpc, world):
    assert rpc.call("updateProject", {"id": world.project.pk, "name": "Legacy"}) is True

    assert Project.objects.get(pk=world.project.pk).name == "Legacy"


def test_a_project_keeps_its_own_identifier_and_email(rpc, world):
    Project.objects.filter(pk=world.project.pk).update(identifier="OWN", email="own@example.com")

    assert (
        rpc.call(
            "updateProject",
            {"project_id": world.project.pk, "identifier": "own", "email": "own@example.com"},
        )
        is True
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"name": ""},
        {"name": ["x"]},
        {"identifier": "TAKEN"},
        {"identifier": "no spaces"},
        {"email": "used@example.com"},
        {"email": "bad@"},
        {"start_date": "2026-01-01 10:00"},
        {"priority_default": "1.5"},
        {"owner_id": 999999},
    ],
)
def test_invalid_changes_are_refused_and_change_nothing(rpc, world, changes):
    ProjectFactory(name="Other", identifier="TAKEN", email="used@example.com")
    before = snapshot(Project)

    assert rpc.call("updateProject", {"project_id": world.project.pk, **changes}) is False

    assert snapshot(Project) == before


@pytest.mark.parametrize("project_id", [999999, "abc"])
def test_updating_an_unknown_project_is_false(rpc, project_id):
    assert rpc.call("updateProject", {"project_id": project_id, "name": "x"}) is False


def test_members_cannot_update_the_project(rpc, world):
    assert_forbidden(
        rpc, "updateProject", {"project_id": world.project.pk, "name": "x"}, world["member"]
    )

    assert Project.objects.get(pk=world.project.pk).name == "P"


# Status and public access


def test_disable_and_enable_a_project(rpc, world):
    assert rpc.call("disableProject", [world.project.pk], as_=world["manager"]) is True
    assert Project.objects.get(pk=world.project.pk).is_active is False

    assert rpc.call("enableProject", [world.project.pk], as_=world["manager"]) is True
    assert rpc.call("enableProject", [world.project.pk]) is True
    assert Project.objects.get(pk=world.project.pk).is_active is True


@pytest.mark.parametrize(
    "method",
    ["enableProject", "disableProject", "enableProjectPublicAccess", "disableProjectPublicAccess"],
)
@pytest.mark.parametrize("project_id", [999999, "abc", True])
def test_status_changes_of_an_unknown_project_are_false(rpc, world, method, project_id):
    before = snapshot(Project)

    assert rpc.call(method, [project_id]) is False

    assert snapshot(Project) == before


@pytest.mark.parametrize(
    "method",
    ["enableProject", "disableProject", "enableProjectPublicAccess", "disableProjectPublicAccess"],
)
def test_members_cannot_change_the_status(rpc, world, method):
    before = snapshot(Project)

    assert_forbidden(rpc, method, [world.project.pk], world["member"])

    assert snapshot(Project) == before


def test_each_enabling_of_public_access_makes_a_new_token(rpc, world):
    rpc.call("enableProjectPublicAccess", [world.project.pk])
    first = Project.objects.get(pk=world.project.pk).token

    rpc.call("enableProjectPublicAccess", [world.project.pk])

    assert Project.objects.get(pk=world.project.pk).token not in ("", first)


def test_disabling_public_access_forgets_the_token(rpc, world):
    rpc.call("enableProjectPublicAccess", [world.project.pk])

    assert rpc.call("disableProjectPublicAccess", [world.project.pk]) is True

    project = rpc.call("getProjectById", [world.project.pk])
    assert (project["is_public"], project["token"]) == (0, "")
    assert list(project["url"]) == ["board", "list"]


# removeProject


@pytest.mark.parametrize("project_id", [999999, "abc", 1.5, None, [1]])
def test_removing_an_unknown_project_is_false(rpc, world, project_id):
    assert rpc.call("removeProject", [project_id]) is False

    assert Project.objects.filter(pk=world.project.pk).exists()


def test_members_cannot_remove_the_project(rpc, world):
    assert_forbidden(rpc, "removeProject", [world.project.pk], world["member"])

    assert Project.objects.filter(pk=world.project.pk).exists()


def test_a_new_user_sees_nothing_of_an_application_made_project(rpc, world):
    project_id = rpc.call("createProject", {"name": "Team"})

    for persona in ("admin", "manager"):
        assert_forbidden(rpc, "getProjectById", [project_id], world[persona])
