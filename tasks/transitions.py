"""Column transitions: which user moved a task from which column to which, and how long it
had stayed there (Kanboard's TransitionSubscriber; application-credential moves leave none)."""

from __future__ import annotations

import time

from tasks import events
from tasks.models import Transition


@events.subscribe(events.TASK_MOVE_COLUMN)
def record_transition(event: events.Event) -> None:
    if not event.actor_id or event.task is None:
        return
    now = int(time.time())
    Transition.objects.create(
        user_id=event.actor_id,
        project_id=event.project_id,
        task_id=event.task_id,
        src_column_id=event.data["src_column_id"],
        dst_column_id=event.data["dst_column_id"],
        date=now,
        time_spent=now - (event.data["date_moved"] or now),
    )
