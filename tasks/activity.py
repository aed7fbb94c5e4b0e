"""The project activity stream: the events a user caused, kept per project.

Kanboard records these only when the caller is a user; changes made with the
application credential leave no activity.
"""

from __future__ import annotations

import json
import time

from tasks import events
from tasks.models import ProjectActivity

RECORDED_EVENTS = (
    events.TASK_CREATE,
    events.TASK_UPDATE,
    events.TASK_CLOSE,
    events.TASK_OPEN,
    events.TASK_MOVE_COLUMN,
    events.TASK_MOVE_PROJECT,
    events.TASK_MOVE_POSITION,
    events.TASK_MOVE_SWIMLANE,
    events.TASK_ASSIGNEE_CHANGE,
    events.SUBTASK_CREATE,
    events.SUBTASK_UPDATE,
    events.SUBTASK_DELETE,
    events.COMMENT_CREATE,
    events.COMMENT_UPDATE,
    events.COMMENT_DELETE,
    events.TASK_FILE_CREATE,
    events.TASK_FILE_DESTROY,
    events.TASK_LINK_CREATE_UPDATE,
    events.TASK_LINK_DELETE,
)


@events.subscribe(*RECORDED_EVENTS)
def record_activity(event: events.Event) -> None:
    if not event.actor_id or event.task is None:
        return
    ProjectActivity.objects.create(
        project_id=event.project_id,
        task_id=event.task_id,
        creator_id=event.actor_id,
        event_name=event.name,
        date_creation=int(time.time()),
        data=json.dumps(event.data, ensure_ascii=False),
    )
