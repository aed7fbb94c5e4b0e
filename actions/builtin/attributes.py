"""Actions that set a task's color, category, priority, due date or start date."""

from __future__ import annotations

import datetime as dt
import re
import time
from typing import Any

from actions.catalog import AutomaticAction, Run, days, loosely_equal, register
from tasks import events
from tasks.modification import update_task

DAY = 86400
WHOLE_NUMBER = re.compile(r"\s*[+-]?\d+\s*")
TASK_IN_COLUMN = ("task_id", ("task", ("project_id", "column_id")))
TASK_IN_SWIMLANE = ("task_id", ("task", ("project_id", "swimlane_id")))
LINK = (("task_link", ("task_id", "link_id")),)


def set_fields(task_id: int, values: dict, run: Run, *, fire_events: bool = True) -> bool:
    return update_task(task_id, values, run.actor_id, fire_events=fire_events)


def _days_from_now(duration: str | None) -> dt.datetime | str:
    """strtotime('+N days'): now plus N whole days (the server runs in UTC). A duration
    that is not a whole number makes no date ('': stored as 0), as strtotime's failure
    does in Kanboard for text such as "abc"."""
    if not WHOLE_NUMBER.fullmatch(duration or ""):
        return ""
    return _at(int(time.time()) + days(duration) * DAY)


def _at(timestamp: int) -> dt.datetime:
    return dt.datetime.fromtimestamp(timestamp, tz=dt.UTC)


class _TaskField(AutomaticAction):
    """Sets ``field`` of the event's task to the parameter of the same meaning when the
    task's ``compared`` value equals the parameter ``compared_param``."""

    field: str
    value_param: str
    compared: str
    compared_param: str
    fire_events = True

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return loosely_equal(data["task"][self.compared], run.param(self.compared_param))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        values = {self.field: run.param(self.value_param)}
        return set_fields(data["task_id"], values, run, fire_events=self.fire_events)


@register
class TaskAssignColorColumn(_TaskField):
    description = "Assign a color when the task is moved to a specific column"
    events = (events.TASK_CREATE, events.TASK_MOVE_COLUMN)
    parameters = {"column_id": "Column", "color_id": "Color"}
    event_requirements = TASK_IN_COLUMN
    field, value_param, compared, compared_param = "color_id", "color_id", "column_id", "column_id"
    fire_events = False


@register
class TaskAssignColorSwimlane(_TaskField):
    description = "Assign a color when the task is moved to a specific swimlane"
    events = (events.TASK_CREATE, events.TASK_MOVE_SWIMLANE)
    parameters = {"swimlane_id": "Swimlane", "color_id": "Color"}
    event_requirements = TASK_IN_SWIMLANE
    field, value_param = "color_id", "color_id"
    compared, compared_param = "swimlane_id", "swimlane_id"
    fire_events = False


@register
class TaskAssignColorUser(_TaskField):
    description = "Assign a color to a specific user"
    events = (events.TASK_CREATE, events.TASK_ASSIGNEE_CHANGE)
    parameters = {"color_id": "Color", "user_id": "Assignee"}
    event_requirements = ("task_id", ("task", ("project_id", "owner_id")))
    field, value_param, compared, compared_param = "color_id", "color_id", "owner_id", "user_id"
    fire_events = False


@register
class TaskAssignColorCategory(_TaskField):
    description = "Assign automatically a color based on a category"
    events = (events.TASK_CREATE_UPDATE,)
    parameters = {"color_id": "Color", "category_id": "Category"}
    event_requirements = ("task_id", ("task", ("project_id", "category_id")))
    field, value_param = "color_id", "color_id"
    compared, compared_param = "category_id", "category_id"
    fire_events = False


@register
class TaskAssignColorPriority(_TaskField):
    description = "Assign automatically a color based on a priority"
    events = (events.TASK_CREATE_UPDATE,)
    parameters = {"color_id": "Color", "priority": "Priority"}
    event_requirements = ("task_id", ("task", ("project_id", "priority")))
    field, value_param, compared, compared_param = "color_id", "color_id", "priority", "priority"
    fire_events = False


@register
class TaskAssignCategoryColor(_TaskField):
    description = "Assign automatically a category based on a color"
    events = (events.TASK_CREATE_UPDATE,)
    parameters = {"color_id": "Color", "category_id": "Category"}
    event_requirements = ("task_id", ("task", ("project_id", "color_id")))
    field, value_param = "category_id", "category_id"
    compared, compared_param = "color_id", "color_id"


@register
class TaskAssignCategorySwimlaneChange(_TaskField):
    description = "Assign a category when the task is moved to a specific swimlane"
    events = (events.TASK_CREATE, events.TASK_MOVE_SWIMLANE)
    parameters = {"swimlane_id": "Swimlane", "category_id": "Category"}
    event_requirements = TASK_IN_SWIMLANE
    field, value_param = "category_id", "category_id"
    compared, compared_param = "swimlane_id", "swimlane_id"
    fire_events = False


@register
class TaskAssignPrioritySwimlane(_TaskField):
    description = "Assign a priority when the task is moved to a specific swimlane"
    events = (events.TASK_CREATE, events.TASK_MOVE_SWIMLANE)
    parameters = {"swimlane_id": "Swimlane", "priority": "Priority"}
    event_requirements = TASK_IN_SWIMLANE
    field, value_param = "priority", "priority"
    compared, compared_param = "swimlane_id", "swimlane_id"


@register
class TaskAssignColorLink(AutomaticAction):
    description = "Change task color when using a specific task link"
    events = (events.TASK_LINK_CREATE_UPDATE,)
    parameters = {"color_id": "Color", "link_id": "Link type"}
    event_requirements = LINK

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return loosely_equal(data["task_link"]["link_id"], run.param("link_id"))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        values = {"color_id": run.param("color_id")}
        return set_fields(data["task_link"]["task_id"], values, run, fire_events=False)


@register
class TaskAssignCategoryLink(AutomaticAction):
    description = "Assign automatically a category based on a link"
    events = (events.TASK_LINK_CREATE_UPDATE,)
    parameters = {"category_id": "Category", "link_id": "Link type"}
    event_requirements = LINK

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return loosely_equal(data["task_link"]["link_id"], run.param("link_id")) and not (
            data["task"].get("category_id")
        )

    def act(self, data: dict[str, Any], run: Run) -> bool:
        values = {"category_id": run.param("category_id")}
        return set_fields(data["task_link"]["task_id"], values, run)


@register
class TaskAssignDueDateOnCreation(AutomaticAction):
    description = "Automatically set the due date on task creation"
    events = (events.TASK_CREATE,)
    parameters = {"duration": "Duration in days"}
    event_requirements = ("task_id", ("task", ("project_id",)))

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return True

    def act(self, data: dict[str, Any], run: Run) -> bool:
        return set_fields(
            data["task_id"],
            {"date_due": _days_from_now(run.param("duration"))},
            run,
            fire_events=False,
        )


@register
class TaskAssignDueDateOnMoveColumn(AutomaticAction):
    description = (
        "Automatically set the due date when the task is moved away from a specific column"
    )
    events = (events.TASK_MOVE_COLUMN,)
    parameters = {"duration": "Duration in days", "column_id": "Column"}
    event_requirements = ("task_id", ("task", ("project_id",)), "src_column_id")

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        source = data.get("src_column_id")
        return bool(source) and loosely_equal(source, run.param("column_id"))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        return set_fields(
            data["task_id"],
            {"date_due": _days_from_now(run.param("duration"))},
            run,
            fire_events=False,
        )


@register
class TaskUpdateStartDate(AutomaticAction):
    description = "Automatically update the start date"
    events = (events.TASK_MOVE_COLUMN,)
    parameters = {"column_id": "Column"}
    event_requirements = TASK_IN_COLUMN

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return loosely_equal(data["task"]["column_id"], run.param("column_id"))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        return set_fields(
            data["task_id"], {"date_started": _at(int(time.time()))}, run, fire_events=False
        )


@register
class TaskUpdateStartDateOnMoveColumn(AutomaticAction):
    description = (
        "Automatically update the start date when the task is moved away from a specific column"
    )
    events = (events.TASK_MOVE_COLUMN,)
    parameters = {"column_id": "Column"}
    event_requirements = ("task_id", ("task", ("project_id",)), "src_column_id")

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return not data["task"].get("date_started") and loosely_equal(
            data.get("src_column_id"), run.param("column_id")
        )

    def act(self, data: dict[str, Any], run: Run) -> bool:
        return set_fields(
            data["task_id"], {"date_started": _at(int(time.time()))}, run, fire_events=False
        )
