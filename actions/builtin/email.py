"""Actions that e-mail a task to a user."""

from __future__ import annotations

import time
from typing import Any

from accounts.models import User
from actions.builtin.daily import DAY, EachOpenTask
from actions.catalog import AutomaticAction, Run, days, loosely_equal, register
from actions.mail import send_task_email
from kanboard_site.inputs import to_id
from tasks import events
from tasks.events import plain, task_details


def _recipient(run: Run) -> User | None:
    """The user of the ``user_id`` parameter, when they have an e-mail address."""
    user = User.objects.filter(pk=to_id(run.param("user_id"))).first()
    return user if user is not None and user.email else None


def _php_text(value: Any) -> str:
    return str(plain(value))


@register
class TaskEmail(AutomaticAction):
    description = "Send a task by email to someone"
    events = (events.TASK_MOVE_COLUMN, events.TASK_CLOSE, events.TASK_CREATE)
    parameters = {
        "column_id": "Column",
        "user_id": "User that will receive the email",
        "subject": "Email subject",
    }
    event_requirements = ("task_id", ("task", ("project_id", "column_id")))

    def condition(self, data: dict[str, Any], run: Run) -> bool:
        return loosely_equal(data["task"]["column_id"], run.param("column_id"))

    def act(self, data: dict[str, Any], run: Run) -> bool:
        """The subject's ``{{field}}`` placeholders take the task's values."""
        recipient = _recipient(run)
        if recipient is None:
            return False
        subject = run.param("subject") or ""
        for field, value in data["task"].items():
            if value is not None:
                subject = subject.replace("{{" + field + "}}", _php_text(value))
        send_task_email(recipient, subject, data["task"], run.actor_id)
        return True


@register
class TaskEmailNoActivity(EachOpenTask):
    description = "Send email when there is no activity on a task"
    parameters = {
        "user_id": "User that will receive the email",
        "subject": "Email subject",
        "duration": "Duration in days",
    }

    def act(self, data: dict[str, Any], run: Run) -> bool:
        recipient = _recipient(run)
        if recipient is None:
            return False
        now = int(time.time())
        idle = [
            task
            for task in data["tasks"]
            if now - (task["date_modification"] or 0) > days(run.param("duration")) * DAY
        ]
        for task in idle:
            send_task_email(recipient, run.param("subject") or "", task_details(task["id"]), 0)
        return bool(idle)
