"""SwimlaneProcedure: Kanboard's rules for active and disabled swimlanes and their
positions, and refusal of another project's swimlanes."""

from __future__ import annotations

import pytest

from projects.models import Swimlane
from tests.factories import SwimlaneFactory, TaskFactory
from tests.projects.conftest import assert_forbidden, snapshot


def lanes(project) -> list[tuple[str, int, bool]]:
    return list(
        Swimlane.objects.filter(project=project)
        .order_by("position", "id")
        .values_list("name", "position", "is_active")
    )


def lane_id(project, name: str) -> int:
    return Swimlane.objects.get(project=project, name=name).pk


@pytest.fixture
def three(world):
    """P's swimlanes: Default swimlane (1), Two (2), Three (3)."""
    for position, name in ((2, "Two"), (3, "Three")):
        SwimlaneFactory(project=world.project, name=name, position=position)
    return world.project


def test_swimlanes_have_kanboards_shape(rpc, world):
    default = lane_id(world.project, "Default swimlane")
    expected = {
        "id": default,
        "name": "Default swimlane",
        "position": 1,
        "is_active": 1,
        "project_id": world.project.pk,
        "description": "",
        "task_limit": 0,
    }

    for method, params in [
        ("getSwimlane", [default]),
        ("getSwimlaneById", [default]),
        ("getSwimlaneByName", [world.project.pk, "Default swimlane"]),
    ]:
        assert rpc.call(method, params, as_=world["viewer"]) == expected, method
    for method in ("getActiveSwimlanes", "getAllSwimlanes"):
        assert rpc.call(method, [world.project.pk], as_=world["viewer"]) == [expected], method


def test_disabled_swimlanes_come_first_in_all_and_not_in_active(rpc, three):
    rpc.call("disableSwimlane", [three.pk, lane_id(three, "Two")])

    assert [lane["name"] for lane in rpc.call("getAllSwimlanes", [three.pk])] == [
        "Two",
        "Default swimlane",
        "Three",
    ]
    assert [lane["name"] for lane in rpc.call("getActiveSwimlanes", [three.pk])] == [
        "Default swimlane",
        "Three",
    ]


@pytest.mark.parametrize("method", ["getSwimlane", "getSwimlaneById"])
@pytest.mark.parametrize("swimlane_id", [999999, "abc", None])
def test_unknown_swimlanes_are_null(rpc, method, swimlane_id):
    assert rpc.call(method, [swimlane_id]) is None


@pytest.mark.parametrize("name", ["default swimlane", "Nope", 5, None])
def test_swimlanes_are_found_by_exact_name(rpc, world, name):
    assert rpc.call("getSwimlaneByName", [world.project.pk, name]) is None


def test_another_projects_swimlane_is_not_found_by_name(rpc, world, foreign):
    SwimlaneFactory(project=foreign, name="Theirs")

    assert rpc.call("getSwimlaneByName", [world.project.pk, "Theirs"]) is None


@pytest.mark.parametrize("method", ["getActiveSwimlanes", "getAllSwimlanes"])
@pytest.mark.parametrize("count", [10, 500])
def test_swimlane_lists_take_the_same_queries_at_any_size(
    rpc, world, method, count, django_assert_num_queries
):
    Swimlane.objects.bulk_create(
        Swimlane(project=world.project, name=f"Lane {n}", position=n + 2) for n in range(count)
    )

    with django_assert_num_queries(2):
        assert len(rpc.call(method, [world.project.pk])) == count + 1


# addSwimlane, updateSwimlane


def test_add_swimlane_goes_after_the_active_ones(rpc, three):
    Swimlane.objects.filter(name="Two").update(is_active=False, position=0)
    Swimlane.objects.filter(name="Three").update(position=2)

    new_id = rpc.call("addSwimlane", [three.pk, "New", "About"])

    assert snapshot(Swimlane, pk=new_id)[0] == {
        "id": new_id,
        "name": "New",
        "position": 3,
        "is_active": True,
        "project_id": three.pk,
        "description": "About",
        "task_limit": 0,
    }


def test_add_swimlane_accepts_an_empty_name(rpc, world):
    assert type(rpc.call("addSwimlane", [world.project.pk, ""])) is int


def test_adding_to_an_unknown_project_is_zero(rpc):
    reply = rpc.request("addSwimlane", [999999, "New"])

    assert reply.body == b'{"jsonrpc":"2.0","result":0,"id":1}'


@pytest.mark.parametrize("name", ["Default swimlane", None, ["x"], "n" * 192, "a\u0000b"])
def test_invalid_new_swimlanes_are_false(rpc, world, name):
    before = snapshot(Swimlane)

    assert rpc.call("addSwimlane", [world.project.pk, name]) is False

    assert snapshot(Swimlane) == before


def test_update_swimlane_keeps_the_description_unless_given(rpc, world):
    default = lane_id(world.project, "Default swimlane")
    Swimlane.objects.filter(pk=default).update(description="Kept")

    assert rpc.call("updateSwimlane", [world.project.pk, default, "Main"], as_=world["manager"])
    assert Swimlane.objects.get(pk=default).description == "Kept"
    assert rpc.call("updateSwimlane", [world.project.pk, default, "Main", "New"]) is True

    swimlane = Swimlane.objects.get(pk=default)
    assert (swimlane.name, swimlane.description) == ("Main", "New")


@pytest.mark.parametrize("name", ["", None, "Two", "n" * 192, ["x"]])
def test_invalid_swimlane_names_are_false(rpc, three, name):
    before = snapshot(Swimlane)

    assert rpc.call("updateSwimlane", [three.pk, lane_id(three, "Three"), name]) is False

    assert snapshot(Swimlane) == before


# removeSwimlane, disableSwimlane, enableSwimlane


def test_remove_swimlane_renumbers_the_active_ones(rpc, three):
    extra = SwimlaneFactory(project=three, name="Off", position=0, is_active=False)

    assert rpc.call("removeSwimlane", [three.pk, lane_id(three, "Two")]) is True

    assert lanes(three) == [("Off", 0, False), ("Default swimlane", 1, True), ("Three", 2, True)]
    assert Swimlane.objects.filter(pk=extra.pk).exists()


@pytest.mark.parametrize("is_active", [True, False])
def test_a_swimlane_with_tasks_open_or_closed_is_not_removed(rpc, three, is_active):
    TaskFactory(project=three, swimlane=Swimlane.objects.get(name="Two"), is_active=is_active)
    before = snapshot(Swimlane)

    assert rpc.call("removeSwimlane", [three.pk, lane_id(three, "Two")]) is False

    assert snapshot(Swimlane) == before


def test_removing_an_unknown_swimlane_is_false(rpc, world):
    assert rpc.call("removeSwimlane", [world.project.pk, 999999]) is False


def test_disable_sets_position_zero_and_renumbers(rpc, three):
    assert rpc.call("disableSwimlane", [three.pk, lane_id(three, "Default swimlane")]) is True

    assert lanes(three) == [("Default swimlane", 0, False), ("Two", 1, True), ("Three", 2, True)]


def test_the_last_active_swimlane_can_be_disabled(rpc, world):
    default = lane_id(world.project, "Default swimlane")

    assert rpc.call("disableSwimlane", [world.project.pk, default]) is True

    assert rpc.call("getActiveSwimlanes", [world.project.pk]) == []


def test_enable_appends_after_the_active_ones(rpc, three):
    two = lane_id(three, "Two")
    rpc.call("disableSwimlane", [three.pk, two])

    assert rpc.call("enableSwimlane", [three.pk, two]) is True

    assert lanes(three) == [("Default swimlane", 1, True), ("Three", 2, True), ("Two", 3, True)]


def test_enabling_an_active_swimlane_moves_it_after_the_active_ones(rpc, three):
    assert rpc.call("enableSwimlane", [three.pk, lane_id(three, "Default swimlane")]) is True

    assert lanes(three) == [("Two", 2, True), ("Three", 3, True), ("Default swimlane", 4, True)]


def test_disabling_an_unknown_swimlane_is_true_and_renumbers(rpc, three):
    Swimlane.objects.filter(name="Three").update(position=7)

    assert rpc.call("disableSwimlane", [three.pk, 999999]) is True
    assert rpc.call("enableSwimlane", [three.pk, 999999]) is True

    assert lanes(three) == [("Default swimlane", 1, True), ("Two", 2, True), ("Three", 3, True)]


# changeSwimlanePosition


def test_change_swimlane_position_renumbers_the_other_active_ones(rpc, three):
    assert rpc.call("changeSwimlanePosition", [three.pk, lane_id(three, "Default swimlane"), 3])

    assert lanes(three) == [("Two", 1, True), ("Three", 2, True), ("Default swimlane", 3, True)]


def test_the_upper_bound_counts_disabled_swimlanes(rpc, three):
    rpc.call("disableSwimlane", [three.pk, lane_id(three, "Two")])

    assert rpc.call("changeSwimlanePosition", [three.pk, lane_id(three, "Default swimlane"), 3])

    assert lanes(three) == [("Two", 0, False), ("Three", 1, True), ("Default swimlane", 3, True)]


@pytest.mark.parametrize("position", [0, 4, -1, 1.5, "x", None])
def test_swimlane_positions_outside_the_range_are_false(rpc, three, position):
    before = snapshot(Swimlane)

    assert rpc.call("changeSwimlanePosition", [three.pk, lane_id(three, "Two"), position]) is False

    assert snapshot(Swimlane) == before


# Another project's swimlane through one's own project (forged pairs)


@pytest.mark.parametrize(
    ("method", "extra"),
    [
        ("updateSwimlane", ["Hacked"]),
        ("removeSwimlane", []),
        ("changeSwimlanePosition", [1]),
        ("enableSwimlane", []),
        ("disableSwimlane", []),
    ],
)
def test_another_projects_swimlane_is_refused(rpc, world, foreign, method, extra):
    theirs = SwimlaneFactory(project=world.project, name="Private", position=2)
    before = (snapshot(Swimlane, project=world.project), snapshot(Swimlane, project=foreign))

    assert rpc.call(method, [foreign.pk, theirs.pk, *extra], as_=world["outsider"]) is False

    after = (snapshot(Swimlane, project=world.project), snapshot(Swimlane, project=foreign))
    assert after == before


@pytest.mark.parametrize(
    ("persona", "method", "params"),
    [
        ("outsider", "getSwimlane", ["Default"]),
        ("outsider", "getSwimlaneById", ["Default"]),
        ("outsider", "getAllSwimlanes", ["P"]),
        ("outsider", "getActiveSwimlanes", ["P"]),
        ("outsider", "getSwimlaneByName", ["P", "Default swimlane"]),
        ("manager", "getSwimlane", [999999]),
        ("member", "addSwimlane", ["P", "x"]),
        ("member", "updateSwimlane", ["P", "Default", "x"]),
        ("member", "removeSwimlane", ["P", "Default"]),
        ("member", "disableSwimlane", ["P", "Default"]),
        ("member", "enableSwimlane", ["P", "Default"]),
        ("member", "changeSwimlanePosition", ["P", "Default", 1]),
    ],
)
def test_swimlanes_need_their_projects_role(rpc, world, persona, method, params):
    named = {"P": world.project.pk, "Default": lane_id(world.project, "Default swimlane")}
    before = snapshot(Swimlane)

    assert_forbidden(rpc, method, [named.get(value, value) for value in params], world[persona])

    assert snapshot(Swimlane) == before


# Where Kanboard's counting would repeat a position


def test_a_swimlane_added_after_a_gap_goes_after_the_last(rpc, three):
    rpc.call("disableSwimlane", [three.pk, lane_id(three, "Two")])
    rpc.call("changeSwimlanePosition", [three.pk, lane_id(three, "Default swimlane"), 3])

    rpc.call("addSwimlane", [three.pk, "New"])

    assert lanes(three) == [
        ("Two", 0, False),
        ("Three", 1, True),
        ("Default swimlane", 3, True),
        ("New", 4, True),
    ]


def test_a_disabled_swimlane_moved_then_enabled_goes_after_the_last(rpc, three):
    two = lane_id(three, "Two")
    rpc.call("disableSwimlane", [three.pk, two])
    rpc.call("changeSwimlanePosition", [three.pk, two, 1])

    rpc.call("enableSwimlane", [three.pk, two])

    assert lanes(three) == [("Default swimlane", 2, True), ("Three", 3, True), ("Two", 4, True)]
