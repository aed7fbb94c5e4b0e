"""Actions that close a task or move it to another column, swimlane or project."""

from __future__ import annotations

from typing import Any

from actions.builtin.attributes import TASK_IN_COLUMN
from actions.catalog import AutomaticAction, Run, loosely_equal, register
from kanboard_site.inputs import to_id
from tasks import events, project_moves, status
from tasks.board import first_column_id
from tasks.positions import move_task_position

TASK_ON_BOARD = (
    "task_id",
    ("task", ("project_id", "column_id", "owner_id", "position", "swimlane_id")),
)
TASK_WITH_CATEGORY = (
    "task_id",
    ("task", ("project_id", "column_id", "category_id", "position", "swimlane_id")),
)


def move(
    task: dict,
    column_id: Any,
    position: int,
    swimlane_id: Any,
    run: Run,
    *,
    fire_events: bool,
    only_open: bool = True,
) -> bool:
    """Kanboard's movePosition as actions call it: by default a closed task stays."""
    return move_task_position(
        task["project_id"],
        task["id"],
        to_id(column_id),
        position,
        to_id(swimlane_id) or 0,
        run.actor_id,
        fire_events=fire_events,
        only_open=only_open,
    )


@register
class TaskCloseColumn(AutomaticAction):
    description = "Close a task in a specific column"
    events = (events.TASK_MOVE_COLUMN,)
    parameters = {"column_id": "Column"}
    event_requirements = TASK_IN_COLUMN

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return loosely_equal(data["task"]["column_id"], run.param("column_id"))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        return status.close_task(data["task_id"], run.actor_id)


class _ToAnotherProject(AutomaticAction):
    parameters = {"column_id": "Column", "project_id": "Project"}
    event_requirements = TASK_IN_COLUMN

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return loosely_equal(task["column_id"], run.param("column_id")) and not loosely_equal(
            task["project_id"], run.param("project_id")
        )


@register
class TaskDuplicateAnotherProject(_ToAnotherProject):
    description = "Duplicate the task to another project"
    events = (events.TASK_MOVE_COLUMN, events.TASK_CLOSE, events.TASK_CREATE)

    def act(self, data: dict[str, Any], run: Run) -> bool:
        """The copy goes to the first column of the other project."""
        project_id = to_id(run.param("project_id"))
        column_id = first_column_id(project_id) if project_id else None
        if not column_id:
            return False
        chosen = {"column_id": column_id}
        copy = project_moves.duplicate_task_to_project(
            data["task_id"], project_id, chosen, run.actor_id
        )
        return copy is not None


@register
class TaskMoveAnotherProject(_ToAnotherProject):
    description = "Move the task to another project"
    events = (events.TASK_MOVE_COLUMN, events.TASK_CLOSE)

    def act(self, data: dict[str, Any], run: Run) -> bool:
        project_id = to_id(run.param("project_id"))
        return project_moves.move_task_to_project(data["task_id"], project_id, {}, run.actor_id)


class _ColumnOnAssignment(AutomaticAction):
    """Moves the task, keeping its position and swimlane, from the source column to the
    destination column when its assignee matches ``assigned``; silently."""

    events = (events.TASK_ASSIGNEE_CHANGE, events.TASK_UPDATE)
    parameters = {"src_column_id": "Source column", "dest_column_id": "Destination column"}
    event_requirements = TASK_ON_BOARD

    def assigned(self, owner_id: int) -> bool:
        raise NotImplementedError

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return loosely_equal(task["column_id"], run.param("src_column_id")) and self.assigned(
            task["owner_id"]
        )

    def act(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return move(
            task,
            run.param("dest_column_id"),
            task["position"],
            task["swimlane_id"],
            run,
            fire_events=False,
        )


@register
class TaskMoveColumnAssigned(_ColumnOnAssignment):
    description = "Move the task to another column when assigned to a user"

    def assigned(self, owner_id: int) -> bool:
        return owner_id > 0


@register
class TaskMoveColumnUnAssigned(_ColumnOnAssignment):
    description = "Move the task to another column when assignee is cleared"

    def assigned(self, owner_id: int) -> bool:
        return owner_id == 0


@register
class TaskMoveColumnClosed(AutomaticAction):
    description = "Move the task to another column when closed"
    events = (events.TASK_CLOSE,)
    parameters = {"dest_column_id": "Destination column"}
    event_requirements = (
        "task_id",
        ("task", ("project_id", "column_id", "swimlane_id", "is_active")),
    )

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return not loosely_equal(task["column_id"], run.param("dest_column_id")) and (
            task["is_active"] == 0
        )

    def act(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return move(
            task,
            run.param("dest_column_id"),
            1,
            task["swimlane_id"],
            run,
            fire_events=True,
            only_open=False,
        )


@register
class TaskMoveColumnCategoryChange(AutomaticAction):
    description = "Move the task to another column when the category is changed"
    events = (events.TASK_UPDATE, events.TASK_CREATE, events.TASK_CREATE_UPDATE)
    parameters = {"dest_column_id": "Destination column", "category_id": "Category"}
    event_requirements = TASK_WITH_CATEGORY

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return not loosely_equal(task["column_id"], run.param("dest_column_id")) and (
            loosely_equal(task["category_id"], run.param("category_id"))
        )

    def act(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return move(
            task,
            run.param("dest_column_id"),
            task["position"],
            task["swimlane_id"],
            run,
            fire_events=False,
        )


@register
class TaskMoveSwimlaneAssigned(AutomaticAction):
    description = "Move the task to another swimlane when assigned to a user"
    events = (events.TASK_CREATE_UPDATE, events.TASK_ASSIGNEE_CHANGE, events.TASK_UPDATE)
    parameters = {"user_id": "Assignee", "dest_swimlane_id": "Destination swimlane"}
    event_requirements = TASK_ON_BOARD

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return not loosely_equal(task["swimlane_id"], run.param("dest_swimlane_id")) and (
            loosely_equal(task["owner_id"], run.param("user_id"))
        )

    def act(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return move(
            task,
            task["column_id"],
            task["position"],
            run.param("dest_swimlane_id"),
            run,
            fire_events=True,
        )


@register
class TaskMoveSwimlaneCategoryChange(AutomaticAction):
    description = "Move the task to another swimlane when the category is changed"
    events = (events.TASK_UPDATE,)
    parameters = {"dest_swimlane_id": "Destination swimlane", "category_id": "Category"}
    event_requirements = TASK_WITH_CATEGORY

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return not loosely_equal(task["swimlane_id"], run.param("dest_swimlane_id")) and (
            loosely_equal(task["category_id"], run.param("category_id"))
        )

    def act(self, data: dict[str, Any], run: Run) -> bool:
        task = data["task"]
        return move(
            task,
            task["column_id"],
            task["position"],
            run.param("dest_swimlane_id"),
            run,
            fire_events=False,
        )
