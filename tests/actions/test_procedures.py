"""The six ActionProcedure procedures: Kanboard's exact results, failures and rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from projects.models import Action, ActionParam
from tests.factories import CategoryFactory, ProjectFactory, UserFactory

DATA = Path(__file__).resolve().parent.parent / "data"
CLOSE = "\\Kanboard\\Action\\TaskCloseColumn"


def observed_body(procedure: str) -> bytes:
    """Kanboard 1.2.53's answer, recorded byte for byte."""
    return (DATA / f"{procedure}.json").read_bytes()


@pytest.mark.parametrize("persona", ["app", "viewer", "outsider"])
@pytest.mark.parametrize("procedure", ["getAvailableActions", "getAvailableActionEvents"])
def test_catalog_answers_are_kanboards_byte_for_byte(rpc, world, persona, procedure):
    reply = rpc.request(procedure, as_=world[persona])

    assert reply.status == 200
    assert reply.body == observed_body(procedure)


def test_there_are_43_actions_ordered_by_description(rpc):
    available = rpc.call("getAvailableActions")

    assert len(available) == 43
    assert list(available.values()) == sorted(available.values())
    assert all(name.startswith("\\Kanboard\\Action\\") for name in available)


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        (
            "TaskEmail",
            {
                "task.close": "Closing a task",
                "task.move.column": "Move a task to another column",
                "task.create": "Task creation",
            },
        ),
        (
            "TaskMoveSwimlaneAssigned",
            {
                "task.assignee_change": "Task assignee change",
                "task.create_update": "Task creation or modification",
                "task.update": "Task modification",
            },
        ),
        ("TaskCloseNoActivity", {"task.cronjob.daily": "Daily background job for tasks"}),
    ],
)
def test_compatible_events_follow_the_event_list_order(rpc, action, expected):
    found = rpc.call("getCompatibleActionEvents", ["\\Kanboard\\Action\\" + action])

    assert found == expected
    assert list(found) == list(expected)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("TaskEmail", "Automatic Action Not Found: TaskEmail"),
        ("Kanboard\\Action\\TaskEmail", "Automatic Action Not Found: Kanboard\\Action\\TaskEmail"),
        (
            "\\Kanboard\\Action\\TaskClose",
            "Automatic Action Not Found: \\Kanboard\\Action\\TaskClose",
        ),
        (5, "Automatic Action Not Found: 5"),
    ],
)
def test_an_unknown_action_is_a_code_0_error(rpc, name, message):
    reply = rpc.request("getCompatibleActionEvents", [name])

    assert reply.status == 200
    assert reply.json == {"jsonrpc": "2.0", "error": {"code": 0, "message": message}, "id": 1}


def test_get_actions_lists_params_as_strings_and_empty_params_as_a_list(rpc, world, board):
    project_id = world.project.pk
    done = board["columns"][3]
    first = rpc.call(
        "createAction", [project_id, "task.move.column", CLOSE, {"column_id": done.pk}]
    )
    second = rpc.call(
        "createAction",
        [project_id, "task.create", "\\Kanboard\\Action\\TaskAssignCurrentUser", []],
    )

    listed = rpc.call("getActions", [project_id], as_=world["manager"])

    assert listed == [
        {
            "id": first,
            "project_id": project_id,
            "event_name": "task.move.column",
            "action_name": CLOSE,
            "params": {"column_id": str(done.pk)},
        },
        {
            "id": second,
            "project_id": project_id,
            "event_name": "task.create",
            "action_name": "\\Kanboard\\Action\\TaskAssignCurrentUser",
            "params": [],
        },
    ]


def test_get_actions_fetches_params_for_the_whole_list(
    rpc, world, board, django_assert_num_queries
):
    for _ in range(3):
        rpc.call(
            "createAction",
            [world.project.pk, "task.move.column", CLOSE, {"column_id": board["columns"][3].pk}],
        )
    from rpc.procedures.actions import get_actions

    with django_assert_num_queries(2):
        assert len(get_actions(world.project.pk)) == 3


def test_get_actions_of_an_unknown_project_is_empty(rpc):
    assert rpc.call("getActions", [999]) == []
    assert rpc.call("getActions", ["x"]) == []


@pytest.mark.parametrize("kind", [int, str, float])
def test_create_action_stores_values_as_text(rpc, world, board, kind):
    done = board["columns"][3]

    action_id = rpc.call(
        "createAction",
        [world.project.pk, "task.move.column", CLOSE, {"column_id": kind(done.pk)}],
    )

    assert list(ActionParam.objects.filter(action_id=action_id).values_list("name", "value")) == [
        ("column_id", str(done.pk))
    ]


def test_free_parameters_are_stored_as_php_prints_them(rpc, world):
    action = "\\Kanboard\\Action\\TaskAssignColorPriority"
    created = [
        rpc.call(
            "createAction",
            [
                world.project.pk,
                "task.create_update",
                action,
                {"color_id": color, "priority": priority},
            ],
        )
        for color, priority in [("red", True), ("blue", False), ("green", 1.5)]
    ]

    stored = [
        dict(ActionParam.objects.filter(action_id=pk).values_list("name", "value"))
        for pk in created
    ]
    assert stored == [
        {"color_id": "red", "priority": "1"},
        {"color_id": "blue", "priority": ""},
        {"color_id": "green", "priority": "1.5"},
    ]


def bad_creations(done_column_id):
    close_params = {"column_id": done_column_id}
    return {
        "no leading backslash": [
            "task.move.column",
            "Kanboard\\Action\\TaskCloseColumn",
            close_params,
        ],
        "short name": ["task.move.column", "TaskCloseColumn", close_params],
        "action without events": ["task.move.column", "\\Kanboard\\Action\\TaskClose", {}],
        "incompatible event": ["task.close", CLOSE, close_params],
        "empty event": ["", CLOSE, close_params],
        "missing parameter": ["task.move.column", CLOSE, {}],
        "null parameter": ["task.move.column", CLOSE, {"column_id": None}],
        "extra parameter": ["task.move.column", CLOSE, {**close_params, "x": 1}],
        "positional parameter": ["task.move.column", CLOSE, [done_column_id]],
    }


@pytest.mark.parametrize(
    "case",
    [
        "no leading backslash",
        "short name",
        "action without events",
        "incompatible event",
        "empty event",
        "missing parameter",
        "null parameter",
        "extra parameter",
        "positional parameter",
    ],
)
def test_create_action_refuses_what_kanboard_refuses_with_false(rpc, world, board, case):
    event, action, params = bad_creations(board["columns"][3].pk)[case]

    assert rpc.call("createAction", [world.project.pk, event, action, params]) is False
    assert not Action.objects.exists()


@pytest.mark.parametrize("project_id", [999, "x", 1.0, None])
def test_create_action_needs_an_integer_id_of_a_project(rpc, world, board, project_id):
    params = {"column_id": board["columns"][3].pk}

    assert rpc.call("createAction", [project_id, "task.move.column", CLOSE, params]) is False
    assert not Action.objects.exists()


def test_create_action_takes_a_digit_string_project_id(rpc, world, board):
    params = {"column_id": board["columns"][3].pk}

    assert (
        type(rpc.call("createAction", [str(world.project.pk), "task.move.column", CLOSE, params]))
        is int
    )


@pytest.mark.parametrize("params", [{}, []], ids=["object", "list"])
def test_an_action_without_parameters_takes_empty_params(rpc, world, params):
    action = "\\Kanboard\\Action\\TaskAssignCurrentUser"

    assert type(rpc.call("createAction", [world.project.pk, "task.create", action, params])) is int


@pytest.mark.parametrize("params", ["x", 5, None])
def test_params_that_are_not_an_object_are_invalid_params(rpc, world, params):
    error = rpc.error("createAction", [world.project.pk, "task.move.column", CLOSE, params])

    assert error["code"] == -32602
    assert not Action.objects.exists()


def test_too_few_arguments_are_invalid_params(rpc, world):
    error = rpc.error("createAction", [world.project.pk, "task.move.column", CLOSE])

    assert error == {
        "code": -32602,
        "message": "Invalid params",
        "data": "Wrong number of arguments",
    }


def test_remove_action_removes_it_and_its_params(rpc, world, board):
    params = {"column_id": board["columns"][3].pk}
    action_id = rpc.call("createAction", [world.project.pk, "task.move.column", CLOSE, params])

    assert rpc.call("removeAction", [action_id], as_=world["manager"]) is True
    assert not Action.objects.exists() and not ActionParam.objects.exists()
    assert rpc.call("removeAction", [action_id]) is False


@pytest.mark.parametrize("action_id", [999, "x"])
def test_remove_action_of_an_unknown_id_is_false(rpc, action_id):
    assert rpc.call("removeAction", [action_id]) is False


def test_remove_action_of_an_unknown_id_is_forbidden_to_users(rpc, world):
    assert rpc.status("removeAction", [999], as_=world["manager"]) == 403


@pytest.mark.parametrize("persona", ["admin", "member", "viewer", "outsider"])
def test_actions_are_for_project_managers_only(rpc, world, board, persona):
    params = {"column_id": board["columns"][3].pk}
    action_id = rpc.call("createAction", [world.project.pk, "task.move.column", CLOSE, params])
    credentials = world[persona]

    assert rpc.status("getActions", [world.project.pk], as_=credentials) == 403
    assert (
        rpc.status(
            "createAction", [world.project.pk, "task.move.column", CLOSE, params], as_=credentials
        )
        == 403
    )
    assert rpc.status("removeAction", [action_id], as_=credentials) == 403
    assert Action.objects.count() == 1


def test_a_manager_creates_actions_in_their_project(rpc, world, board):
    params = {"column_id": board["columns"][3].pk}

    created = rpc.call(
        "createAction", [world.project.pk, "task.move.column", CLOSE, params], as_=world["manager"]
    )

    assert Action.objects.get().pk == created


# Ours: parameters naming something of another project are refused.


def test_a_column_of_another_project_is_refused(rpc, world):
    foreign_column = ProjectFactory().columns.first()

    assert (
        rpc.call(
            "createAction",
            [world.project.pk, "task.move.column", CLOSE, {"column_id": foreign_column.pk}],
            as_=world["manager"],
        )
        is False
    )
    assert (
        rpc.call(
            "createAction",
            [world.project.pk, "task.move.column", CLOSE, {"column_id": foreign_column.pk}],
        )
        is False
    )
    assert not Action.objects.exists()


@pytest.mark.parametrize("value", ["", "abc", 0, False])
def test_a_column_parameter_must_name_a_column(rpc, world, value):
    assert (
        rpc.call(
            "createAction", [world.project.pk, "task.move.column", CLOSE, {"column_id": value}]
        )
        is False
    )


def test_swimlanes_and_categories_must_be_the_projects(rpc, world):
    other = ProjectFactory()
    foreign_category = CategoryFactory(project=other)
    own_category = CategoryFactory(project=world.project)
    own_lane = world.project.swimlanes.get()
    action = "\\Kanboard\\Action\\TaskAssignCategorySwimlaneChange"

    def create(swimlane_id, category_id):
        params = {"swimlane_id": swimlane_id, "category_id": category_id}
        return rpc.call("createAction", [world.project.pk, "task.create", action, params])

    assert create(other.swimlanes.get().pk, own_category.pk) is False
    assert create(own_lane.pk, foreign_category.pk) is False
    assert type(create(own_lane.pk, own_category.pk)) is int
    assert type(create(own_lane.pk, 0)) is int


def test_a_user_parameter_must_be_assignable_in_the_project(rpc, world, board):
    action = "\\Kanboard\\Action\\TaskAssignSpecificUser"
    done = board["columns"][3].pk

    def create(user_id):
        params = {"column_id": done, "user_id": user_id}
        return rpc.call(
            "createAction",
            [world.project.pk, "task.move.column", action, params],
            as_=world["manager"],
        )

    assert create(world.users["outsider"].pk) is False
    assert create(world.users["viewer"].pk) is False
    assert create(UserFactory().pk) is False
    assert type(create(world.users["member"].pk)) is int
    assert type(create(0)) is int


def test_a_project_parameter_must_be_one_the_caller_works_in(rpc, world, board):
    action = "\\Kanboard\\Action\\TaskDuplicateAnotherProject"
    done = board["columns"][3].pk
    foreign = ProjectFactory(name="Q")

    def create(project_id, as_=None):
        params = {"column_id": done, "project_id": project_id}
        return rpc.call(
            "createAction", [world.project.pk, "task.move.column", action, params], as_=as_
        )

    assert create(foreign.pk, as_=world["manager"]) is False
    assert create(999) is False
    assert type(create(foreign.pk)) is int


def recorded_compatible_events() -> dict:
    """getCompatibleActionEvents of every action, as Kanboard 1.2.53 answered."""
    return json.loads((DATA / "getCompatibleActionEvents.json").read_text())


@pytest.mark.parametrize("action", list(recorded_compatible_events()))
def test_compatible_events_of_every_action_are_kanboards(rpc, action):
    found = rpc.call("getCompatibleActionEvents", {"action_name": action})

    assert list(found.items()) == list(recorded_compatible_events()[action].items())
