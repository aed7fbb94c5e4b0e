"""Actions that log work on a task moved to a column: a comment, subtask timers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from accounts.config import get_config
from accounts.models import User
from actions.catalog import AutomaticAction, Run, loosely_equal, register
from projects.models import Column
from tasks import events
from tasks.comments import create_comment
from tasks.models import Subtask
from tasks.subtasks import create_subtask, subtasks_of_task, update_subtask
from tasks.time_tracking import start_timer, stop_timer


class _InColumn(AutomaticAction):
    events = (events.TASK_MOVE_COLUMN,)

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return loosely_equal(data["task"]["column_id"], run.param("column_id"))


@register
class CommentCreationMoveTaskColumn(_InColumn):
    description = "Add a comment log when moving the task between columns"
    parameters = {"column_id": "Column"}
    event_requirements = ("task_id", ("task", ("column_id", "project_id")))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        """A comment in the name of the user who moved the task (none for the
        application credential)."""
        author = User.objects.filter(pk=run.actor_id).first() if run.actor_id else None
        if author is None:
            return False
        title = Column.objects.filter(pk=data["task"]["column_id"]).values_list("title", flat=True)
        content = f"Moved to column {title.first() or ''}"
        create_comment(data["task_id"], author.pk, content, actor=author)
        return True


def _timers_on() -> bool:
    return get_config("subtask_time_tracking", "0").strip() == "1"


@register
class SubtaskTimerMoveTaskColumn(_InColumn):
    description = "Add a subtask and activate the timer when moving a task to another column"
    parameters = {"column_id": "Column", "subtask": "Subtask Title"}
    event_requirements = ("task_id", ("task", ("id", "column_id", "project_id", "creator_id")))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        """A subtask in progress for the task's creator, whose timer starts when time
        tracking is on (a failed start leaves the subtask, as in Kanboard)."""
        creator_id = data["task"]["creator_id"]
        subtask = create_subtask(
            data["task"]["id"],
            run.param("subtask"),
            user_id=creator_id,
            status=Subtask.IN_PROGRESS,
            actor_id=run.actor_id,
        )
        if not _timers_on():
            return False
        try:
            with transaction.atomic():
                start_timer(subtask.pk, creator_id, actor_id=0)
        except ValidationError:
            return False
        return True


@register
class StopSubtaskTimerMoveTaskColumn(_InColumn):
    description = "Stop the timer of all subtasks when moving a task to another column"
    parameters = {"column_id": "Column"}
    event_requirements = ("task_id", ("task", ("id", "column_id", "project_id")))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        """Every subtask done, and its assignee's timer stopped."""
        task_id = data["task"]["id"]
        for subtask in list(subtasks_of_task(task_id)):
            update_subtask(subtask.pk, task_id, status=Subtask.DONE, actor_id=run.actor_id)
            stop_timer(subtask.pk, subtask.user_id, actor_id=0)
        return True
