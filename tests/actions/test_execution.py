"""Each of the 43 core actions, on each of its events: it does what Kanboard's does when
its condition holds, and nothing when it does not; changes made with the application
credential and through the User API (actions created by a project-manager)."""

from __future__ import annotations

import pytest

from actions.catalog import REGISTRY
from tests.actions.scenarios import Board
from tests.actions.table import SCENARIOS

PERSONAS = ["app", "member"]
PREFIX = "\\Kanboard\\Action\\"


@pytest.fixture
def board_for(rpc, world, mailoutbox):
    def make(persona: str) -> Board:
        board = Board(rpc, world, persona)
        board.outbox = mailoutbox
        return board

    return make


def test_every_action_and_event_has_a_scenario():
    covered = {(scenario.action, scenario.event) for scenario in SCENARIOS}
    expected = {
        (name.rsplit("\\", 1)[1], event)
        for name, action in REGISTRY.items()
        for event in action.events
    }
    assert covered == expected
    assert len({scenario.action for scenario in SCENARIOS}) == 43


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.id)
def test_the_action_does_what_kanboard_does(
    board_for, scenario, persona, django_capture_on_commit_callbacks
):
    board = board_for(persona)
    board.add_action(scenario.action, scenario.event, scenario.params(board))

    with django_capture_on_commit_callbacks(execute=True):
        task_id = scenario.hit(board)

    assert scenario.observe(board, task_id) == scenario.fired(board)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario.id)
def test_the_action_does_nothing_when_its_condition_fails(
    board_for, scenario, persona, django_capture_on_commit_callbacks
):
    board = board_for(persona)
    board.add_action(scenario.action, scenario.event, scenario.params(board))

    with django_capture_on_commit_callbacks(execute=True):
        task_id = scenario.miss(board)

    assert scenario.observe(board, task_id) == scenario.untouched(board)


@pytest.mark.parametrize(
    ("duration", "days_ahead"), [("3", 3), (" 3", 3), ("-1", -1), ("abc", None), ("", None)]
)
def test_a_due_date_duration_that_is_no_number_sets_no_date(rpc, world, duration, days_ahead):
    """Kanboard 1.2.53: strtotime("+abcdays") fails and the due date stays 0."""
    params = {"duration": duration}
    rpc.call(
        "createAction",
        [world.project.pk, "task.create", PREFIX + "TaskAssignDueDateOnCreation", params],
    )

    task = rpc.call(
        "getTask", [rpc.call("createTask", {"title": "T", "project_id": world.project.pk})]
    )

    found = round((task["date_due"] - task["date_creation"]) / 86400) if task["date_due"] else None
    assert found == days_ahead
