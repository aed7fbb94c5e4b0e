"""Actions that assign a task to someone."""

from __future__ import annotations

from typing import Any

from actions.builtin.attributes import TASK_IN_COLUMN, TASK_IN_SWIMLANE, set_fields
from actions.catalog import AutomaticAction, Run, loosely_equal, register
from tasks import events


class _InColumn(AutomaticAction):
    """Runs when the event's task is in the column of the ``column_id`` parameter."""

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return loosely_equal(data["task"]["column_id"], run.param("column_id"))


@register
class TaskAssignSpecificUser(_InColumn):
    description = "Assign the task to a specific user"
    events = (events.TASK_CREATE_UPDATE, events.TASK_MOVE_COLUMN)
    parameters = {"column_id": "Column", "user_id": "Assignee"}
    event_requirements = TASK_IN_COLUMN

    def act(self, data: dict[str, Any], run: Run) -> bool:
        return set_fields(data["task_id"], {"owner_id": run.param("user_id")}, run)


@register
class TaskAssignUserSwimlaneChange(AutomaticAction):
    description = "Assign the task to a specific user when the task is moved to a specific swimlane"
    events = (events.TASK_CREATE, events.TASK_MOVE_SWIMLANE)
    parameters = {"swimlane_id": "Swimlane", "user_id": "Assignee"}
    event_requirements = TASK_IN_SWIMLANE

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return loosely_equal(data["task"]["swimlane_id"], run.param("swimlane_id"))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        values = {"owner_id": run.param("user_id")}
        return set_fields(data["task_id"], values, run, fire_events=False)


@register
class TaskAssignCreator(_InColumn):
    description = "Assign the task to its creator"
    events = (events.TASK_MOVE_COLUMN,)
    parameters = {"column_id": "Column"}
    event_requirements = ("task_id", ("task", ("project_id", "column_id", "creator_id")))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        return set_fields(data["task_id"], {"owner_id": data["task"]["creator_id"]}, run)


@register
class TaskAssignToUserOnCreationInColumn(_InColumn):
    description = (
        "Assign the task to its creator for specific columns if no assignee is set manually"
    )
    events = (events.TASK_CREATE,)
    parameters = {"column_id": "Column"}
    event_requirements = ("task_id", ("task", ("project_id", "column_id", "creator_id")))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        owner = task["owner_id"] if task.get("assignee_username") else task["creator_id"]
        return set_fields(data["task_id"], {"owner_id": owner}, run)


class _ToActingUser(AutomaticAction):
    """Assigns the task to the user who made the change (never to the application)."""

    def act(self, data: dict[str, Any], run: Run) -> bool:
        if not run.actor_id:
            return False
        return set_fields(data["task_id"], {"owner_id": run.actor_id}, run)


@register
class TaskAssignCurrentUser(_ToActingUser):
    description = "Assign the task to the person who does the action"
    events = (events.TASK_CREATE,)
    parameters = {}
    event_requirements = ("task_id",)

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return True


@register
class TaskAssignCurrentUserColumn(_ToActingUser, _InColumn):
    description = "Assign the task to the person who does the action when the column is changed"
    events = (events.TASK_MOVE_COLUMN,)
    parameters = {"column_id": "Column"}
    event_requirements = TASK_IN_COLUMN


@register
class TaskAssignCurrentUserColumnIfNoUserAlreadySet(_ToActingUser, _InColumn):
    description = (
        "Assign a task to the logged user on column change to specified column"
        " if no user is assigned"
    )
    events = (events.TASK_MOVE_COLUMN,)
    parameters = {"column_id": "Column"}
    event_requirements = ("task_id", ("task", ("project_id", "column_id", "owner_id")))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        if data["task"]["owner_id"]:
            return False
        return super().act(data, run)
