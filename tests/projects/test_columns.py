"""ColumnProcedure and the 1.0-era moveColumnUp/moveColumnDown: Kanboard's position rules
(appended at the end, gaps left by removal, contiguous after a move)."""

from __future__ import annotations

import pytest

from projects.models import Column
from tests.factories import TaskFactory
from tests.projects.conftest import assert_forbidden, snapshot

COLUMN_KEYS = [
    "id", "title", "position", "project_id", "task_limit", "description", "hide_in_dashboard",
]  # fmt: skip


def board(project) -> list[tuple[str, int]]:
    return list(
        Column.objects.filter(project=project).order_by("position").values_list("title", "position")
    )


def column_id(project, title: str) -> int:
    return Column.objects.get(project=project, title=title).pk


def test_get_columns_lists_the_board_in_order(rpc, world):
    Column.objects.filter(project=world.project, title="Ready").update(
        task_limit=3, description="Next up", hide_in_dashboard=True
    )
    ids = [column_id(world.project, title) for title in ("Backlog", "Ready")]

    listed = rpc.call("getColumns", [world.project.pk], as_=world["viewer"])

    assert listed[:2] == [
        {
            "id": ids[0],
            "title": "Backlog",
            "position": 1,
            "project_id": world.project.pk,
            "task_limit": 0,
            "description": "",
            "hide_in_dashboard": 0,
        },
        {
            "id": ids[1],
            "title": "Ready",
            "position": 2,
            "project_id": world.project.pk,
            "task_limit": 3,
            "description": "Next up",
            "hide_in_dashboard": 1,
        },
    ]
    assert [column["title"] for column in listed] == [
        "Backlog",
        "Ready",
        "Work in progress",
        "Done",
    ]


def test_get_column(rpc, world):
    ready = column_id(world.project, "Ready")

    column = rpc.call("getColumn", [ready], as_=world["viewer"])

    assert list(column) == COLUMN_KEYS
    assert (column["id"], column["title"], column["position"]) == (ready, "Ready", 2)


@pytest.mark.parametrize("method", ["getColumn", "getColumns"])
@pytest.mark.parametrize(("value", "result"), [(999999, None), ("abc", None)])
def test_unknown_columns_and_projects(rpc, method, value, result):
    expected = [] if method == "getColumns" else result

    assert rpc.call(method, [value]) == expected


@pytest.mark.parametrize("count", [10, 500])
def test_get_columns_takes_the_same_queries_at_any_size(
    rpc, world, count, django_assert_num_queries
):
    Column.objects.bulk_create(
        Column(project=world.project, title=f"Extra {n}", position=n + 5) for n in range(count)
    )

    with django_assert_num_queries(2):
        assert len(rpc.call("getColumns", [world.project.pk])) == count + 4


# addColumn, updateColumn


def test_add_column_goes_after_the_last_one_even_after_a_gap(rpc, world):
    Column.objects.filter(project=world.project, title="Done").update(position=9)

    new_id = rpc.call("addColumn", [world.project.pk, "Review", 2, "Check"], as_=world["manager"])

    column = Column.objects.get(pk=new_id)
    assert (column.title, column.position, column.task_limit, column.description) == (
        "Review",
        10,
        2,
        "Check",
    )
    assert column.hide_in_dashboard is False


def test_add_column_to_an_empty_board_starts_at_one(rpc, world):
    Column.objects.filter(project=world.project).delete()

    new_id = rpc.call("addColumn", [world.project.pk, "Only"])

    assert Column.objects.get(pk=new_id).position == 1


@pytest.mark.parametrize(
    ("title", "task_limit", "stored"),
    [("", -2, ("", -2)), (5, "7 tasks", ("5", 7)), ("x", 2.9, ("x", 2)), ("y", None, ("y", 0))],
)
def test_columns_are_not_validated_beyond_what_can_be_stored(rpc, world, title, task_limit, stored):
    new_id = rpc.call("addColumn", [world.project.pk, title, task_limit])

    column = Column.objects.get(pk=new_id)
    assert (column.title, column.task_limit) == stored


@pytest.mark.parametrize(
    ("project", "title", "task_limit"),
    [
        ("P", "Ready", 0),
        ("unknown", "New", 0),
        ("P", None, 0),
        ("P", "t" * 256, 0),
        ("P", "a\u0000b", 0),
        ("P", ["x"], 0),
        ("P", "New", 2**40),
        ("P", "New", [1]),
    ],
)
def test_invalid_new_columns_are_false(rpc, world, project, title, task_limit):
    project_id = world.project.pk if project == "P" else 999999
    before = snapshot(Column)

    assert rpc.call("addColumn", [project_id, title, task_limit]) is False

    assert snapshot(Column) == before


def test_update_column_resets_what_is_omitted(rpc, world):
    ready = column_id(world.project, "Ready")
    Column.objects.filter(pk=ready).update(task_limit=5, description="d", hide_in_dashboard=True)

    assert rpc.call("updateColumn", [ready, "Soon"], as_=world["manager"]) is True

    assert snapshot(Column, pk=ready)[0] == {
        "id": ready,
        "title": "Soon",
        "position": 2,
        "project_id": world.project.pk,
        "task_limit": 0,
        "description": "",
        "hide_in_dashboard": False,
    }


def test_update_column_sets_limit_and_description(rpc, world):
    ready = column_id(world.project, "Ready")

    assert rpc.call("updateColumn", {"column_id": ready, "title": "R", "task_limit": 2})

    assert rpc.call("getColumn", [ready])["task_limit"] == 2


def test_updating_an_unknown_column_is_true(rpc):
    assert rpc.call("updateColumn", [999999, "x"]) is True


def test_a_title_used_by_another_column_is_refused(rpc, world):
    before = snapshot(Column)

    assert rpc.call("updateColumn", [column_id(world.project, "Ready"), "Done"]) is False

    assert snapshot(Column) == before


def test_the_same_title_may_be_used_in_another_project(rpc, foreign):
    assert rpc.call("updateColumn", [column_id(foreign, "Ready"), "Backlog2"]) is True
    assert type(rpc.call("addColumn", [foreign.pk, "Backlog3"])) is int


# removeColumn


def test_remove_column_leaves_a_gap(rpc, world):
    assert rpc.call("removeColumn", [column_id(world.project, "Ready")], as_=world["manager"])

    assert board(world.project) == [("Backlog", 1), ("Work in progress", 3), ("Done", 4)]
    new_id = rpc.call("addColumn", [world.project.pk, "Next"])
    assert Column.objects.get(pk=new_id).position == 5


@pytest.mark.parametrize("is_active", [True, False])
def test_a_column_with_tasks_open_or_closed_is_not_removed(rpc, world, is_active):
    ready = Column.objects.get(project=world.project, title="Ready")
    TaskFactory(project=world.project, column=ready, is_active=is_active)
    before = snapshot(Column)

    assert rpc.call("removeColumn", [ready.pk]) is False

    assert snapshot(Column) == before


def test_a_column_holding_another_projects_task_is_not_removed(rpc, world, foreign):
    ready = Column.objects.get(project=world.project, title="Ready")
    TaskFactory(project=foreign, column=ready)

    assert rpc.call("removeColumn", [ready.pk]) is False

    assert Column.objects.filter(pk=ready.pk).exists()


@pytest.mark.parametrize("column", [999999, "abc"])
def test_removing_an_unknown_column_is_false(rpc, column):
    assert rpc.call("removeColumn", [column]) is False


# changeColumnPosition, moveColumnUp, moveColumnDown


def test_change_column_position_renumbers_the_whole_board(rpc, world):
    Column.objects.filter(project=world.project, title="Done").update(position=7)
    rpc.call("addColumn", [world.project.pk, "New column"])

    assert rpc.call(
        "changeColumnPosition",
        [world.project.pk, column_id(world.project, "Backlog"), 3],
        as_=world["manager"],
    )

    assert board(world.project) == [
        ("Ready", 1),
        ("Work in progress", 2),
        ("Backlog", 3),
        ("Done", 4),
        ("New column", 5),
    ]


@pytest.mark.parametrize("position", [1, "4"])
def test_columns_move_to_either_end(rpc, world, position):
    done = column_id(world.project, "Done")

    assert rpc.call("changeColumnPosition", [world.project.pk, done, position]) is True

    assert dict(board(world.project))["Done"] == int(position)


@pytest.mark.parametrize("position", [0, -1, 5, 1.5, "two", None, True])
def test_positions_outside_the_board_are_false(rpc, world, position):
    before = snapshot(Column)

    assert (
        rpc.call(
            "changeColumnPosition", [world.project.pk, column_id(world.project, "Ready"), position]
        )
        is False
    )

    assert snapshot(Column) == before


def test_a_column_of_another_project_cannot_be_moved_through_ones_own(rpc, world, foreign):
    before = snapshot(Column)

    assert (
        rpc.call(
            "changeColumnPosition",
            [foreign.pk, column_id(world.project, "Ready"), 1],
            as_=world["outsider"],
        )
        is False
    )

    assert snapshot(Column) == before


def test_move_column_up_and_down(rpc, world):
    ready = column_id(world.project, "Ready")
    Column.objects.filter(project=world.project, title="Backlog").update(position=0)

    assert rpc.call("moveColumnUp", [world.project.pk, ready], as_=world["manager"]) is True
    assert board(world.project) == [
        ("Ready", 1),
        ("Backlog", 2),
        ("Work in progress", 3),
        ("Done", 4),
    ]
    assert rpc.call("moveColumnDown", [world.project.pk, ready]) is True
    assert rpc.call("moveColumnDown", [world.project.pk, ready]) is True
    assert board(world.project) == [
        ("Backlog", 1),
        ("Work in progress", 2),
        ("Ready", 3),
        ("Done", 4),
    ]


@pytest.mark.parametrize(
    ("method", "title"), [("moveColumnUp", "Backlog"), ("moveColumnDown", "Done")]
)
def test_moving_past_an_end_is_false(rpc, world, method, title):
    before = snapshot(Column)

    assert rpc.call(method, [world.project.pk, column_id(world.project, title)]) is False

    assert snapshot(Column) == before


@pytest.mark.parametrize("method", ["moveColumnUp", "moveColumnDown"])
def test_moving_unknown_or_foreign_columns_is_false(rpc, world, foreign, method):
    before = snapshot(Column)

    assert rpc.call(method, [world.project.pk, 999999]) is False
    assert rpc.call(method, [foreign.pk, column_id(world.project, "Ready")]) is False

    assert snapshot(Column) == before


# Permissions


@pytest.mark.parametrize(
    ("persona", "method", "params"),
    [
        ("outsider", "getColumns", ["P"]),
        ("outsider", "getColumn", ["Ready"]),
        ("member", "updateColumn", ["Ready", "x"]),
        ("member", "addColumn", ["P", "x"]),
        ("member", "removeColumn", ["Ready"]),
        ("member", "changeColumnPosition", ["P", "Ready", 1]),
        ("member", "moveColumnUp", ["P", "Ready"]),
        ("member", "moveColumnDown", ["P", "Ready"]),
        ("outsider", "updateColumn", ["Ready", "x"]),
        ("outsider", "removeColumn", ["Ready"]),
        ("manager", "getColumn", [999999]),
    ],
)
def test_columns_need_their_projects_role(rpc, world, persona, method, params):
    named = {"P": world.project.pk, "Ready": column_id(world.project, "Ready")}
    before = snapshot(Column)

    assert_forbidden(rpc, method, [named.get(value, value) for value in params], world[persona])

    assert snapshot(Column) == before
