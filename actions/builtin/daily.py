"""Actions of the daily job (``task.cronjob.daily``): each one looks at every open task
of its project, as the job listed them before any action ran."""

from __future__ import annotations

import time
from typing import Any

from actions.builtin.attributes import set_fields
from actions.builtin.moves import move
from actions.catalog import TASK_CRONJOB_DAILY, AutomaticAction, Run, days, loosely_equal, register
from tasks import status

DAY = 86400


class EachOpenTask(AutomaticAction):
    """Applies ``act_on`` to the tasks ``selects``; True when one of them changed."""

    events = (TASK_CRONJOB_DAILY,)
    event_requirements = ("tasks",)

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return len(data["tasks"]) > 0

    def selects(self, task: dict, run: Run, now: int) -> bool:
        raise NotImplementedError

    def act_on(self, task: dict, run: Run) -> bool:
        raise NotImplementedError

    def act(self, data: dict[str, Any], run: Run) -> bool:
        now = int(time.time())
        results = [self.act_on(task, run) for task in data["tasks"] if self.selects(task, run, now)]
        return True in results


class _ColorOnDate(EachOpenTask):
    date_field: str
    parameters = {"color_id": "Color"}

    def selects(self, task: dict, run: Run, now: int) -> bool:
        reached = task[self.date_field] or 0
        return 0 < reached <= now and not loosely_equal(task["color_id"], run.param("color_id"))

    def act_on(self, task: dict, run: Run) -> bool:
        return set_fields(task["id"], {"color_id": run.param("color_id")}, run, fire_events=False)


@register
class TaskAssignColorOnDueDate(_ColorOnDate):
    description = "Assign automatically a color when due date is expired"
    date_field = "date_due"


@register
class TaskAssignColorOnStartDate(_ColorOnDate):
    description = "Assign automatically a color when preset start date is reached"
    date_field = "date_started"


class _Close(EachOpenTask):
    def act_on(self, task: dict, run: Run) -> bool:
        return status.close_task(task["id"], run.actor_id)


def _idle_for(task: dict, field: str, run: Run, now: int) -> bool:
    """Longer than the ``duration`` parameter (days) since the task's ``field``."""
    return now - (task[field] or 0) > days(run.param("duration")) * DAY


@register
class TaskCloseNotMovedColumn(_Close):
    description = "Close a task in a specific column when not moved during a given period"
    parameters = {"duration": "Duration in days", "column_id": "Column"}

    def selects(self, task: dict, run: Run, now: int) -> bool:
        return _idle_for(task, "date_moved", run, now) and loosely_equal(
            task["column_id"], run.param("column_id")
        )


@register
class TaskCloseNoActivity(_Close):
    description = "Close a task when there is no activity"
    parameters = {"duration": "Duration in days"}

    def selects(self, task: dict, run: Run, now: int) -> bool:
        return _idle_for(task, "date_modification", run, now)


@register
class TaskCloseNoActivityColumn(_Close):
    description = "Close a task when there is no activity in a specific column"
    parameters = {"duration": "Duration in days", "column_id": "Column"}

    def selects(self, task: dict, run: Run, now: int) -> bool:
        return _idle_for(task, "date_modification", run, now) and loosely_equal(
            task["column_id"], run.param("column_id")
        )


class _MoveToTop(EachOpenTask):
    """Moves the selected tasks from the source column to the top of the destination
    column, in their swimlane."""

    parameters = {"src_column_id": "Source column", "dest_column_id": "Destination column"}
    fire_events = False

    def in_source(self, task: dict, run: Run) -> bool:
        return loosely_equal(task["column_id"], run.param("src_column_id"))

    def act_on(self, task: dict, run: Run) -> bool:
        destination = run.param("dest_column_id")
        return move(task, destination, 1, task["swimlane_id"], run, fire_events=self.fire_events)


@register
class TaskMoveColumnOnStartDate(_MoveToTop):
    description = "Move the task to another column once a predefined start date is reached"

    def selects(self, task: dict, run: Run, now: int) -> bool:
        started = task["date_started"] or 0
        return 0 < started <= now and self.in_source(task, run)


@register
class TaskMoveColumnNotMovedPeriod(_MoveToTop):
    description = "Move the task to another column when not moved during a given period"
    parameters = {
        "duration": "Duration in days",
        "src_column_id": "Source column",
        "dest_column_id": "Destination column",
    }

    def selects(self, task: dict, run: Run, now: int) -> bool:
        return _idle_for(task, "date_moved", run, now) and self.in_source(task, run)


@register
class TaskMoveColumnOnDueDate(_MoveToTop):
    description = (
        "Move the task to another column when the due date is less than a certain number of days"
    )
    parameters = {
        "duration": "Duration in days",
        "src_column_id": "Source column",
        "dest_column_id": "Destination column",
    }
    fire_events = True

    def selects(self, task: dict, run: Run, now: int) -> bool:
        due = task["date_due"] or 0
        soon = due - now < days(run.param("duration")) * DAY
        return due > 0 and soon and self.in_source(task, run)
